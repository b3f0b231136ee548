/**
 * Who runs writeDatasetFiles: the calling thread (small builds, tests), or a pool of worker
 * threads, so that on a machine with two cores both make files while the main thread derives
 * the next datasets. When the sink is a folder on disk the threads also write the files
 * there: at 10 000 datasets the main thread sets the pace, and writing 190 000 files took a
 * sixth of its time.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Owned } from '../derive/datasets.ts';
import type { Model } from '../model/types.ts';
import type { Dataset } from '../publish/types.ts';
import { makeUrls, type Urls } from '../publish/urls.ts';
import type { PortalContact } from './dcat.ts';
import { writeDatasetFiles, type DatasetFiles } from './dataset-files.ts';
import { datasetKey, fileSums } from './reuse.ts';
import { watchWorker } from './worker-watch.ts';

export interface WriterSettings {
  siteUrl: string;
  basePath: string;
  portalTitle: string;
  /** Named in the catalogue for datasets without a publisher of their own. */
  portalContact?: PortalContact | undefined;
  /**
   * Each publisher's contact, in the order of the sources: a portal without editors of its own
   * names them for the datasets that hold every publisher's data.
   */
  publisherContacts?: PortalContact[] | undefined;
  /** The code's hash: when given, each result carries its key for the next build's manifest. */
  version?: string | undefined;
}

/** What every dataset's files are made for, from the portal and its address. */
export function writerSettings(model: Model, urls: Urls, version: string | undefined): WriterSettings {
  const portal = model.portal;
  const publisherContacts = model.publishers.map((publisher) => ({ name: publisher.contact.name, email: publisher.contact.email }));
  return { siteUrl: urls.siteUrl, basePath: urls.basePath, portalTitle: portal?.title ?? '', portalContact: portal?.contact && { name: portal.contact.name, email: portal.contact.email }, publisherContacts, version };
}

export interface DatasetWriter {
  /** How many datasets may be in flight before the caller should wait for one. */
  readonly capacity: number;
  /**
   * `folder`, a folder on disk for the dataset's files: a writer with threads of its own
   * writes them there and names them in `stored`; without one, or on the calling thread,
   * the files come back as bytes.
   */
  write(dataset: Dataset, folder?: string, key?: string): Promise<DatasetFiles>;
  /**
   * A dataset keyed by its inputs (write/reuse.ts, `inputKey`) that the previous build made
   * under the same key: its files taken over, without the dataset being made. Undefined when
   * it has to be made (then `write` is given the key).
   */
  takeOver?(name: string, key: string, readKept: (sum: KeptSum) => Dataset | undefined): Promise<TakenOver | undefined>;
  close(): Promise<void>;
}

/** The size and hash of the file that keeps a dataset for the next build (write/reuse.ts, `keptPath`). */
export type KeptSum = { bytes: number; sha256: string };

/** A dataset taken over by its inputs' key: its files, and what the previous build kept of it. */
export type TakenOver = DatasetFiles & { owned: Owned; kept: Dataset; keptSum: KeptSum };

/** What a worker thread is handed. */
export interface WriterTask {
  dataset: Dataset;
  folder: string | undefined;
  /** The dataset's key when known before it was made (write/reuse.ts, `inputKey`). */
  key?: string | undefined;
}

export function inlineWriter(settings: WriterSettings): DatasetWriter {
  const urls = makeUrls(settings.siteUrl, settings.basePath);
  return {
    capacity: 1,
    write: async (dataset, _folder, key) => keyed(writeDatasetFiles(dataset, urls, settings), dataset, settings, key),
    close: async () => {},
  };
}

/** Threads when asked for, else this thread. */
export function makeWriter(settings: WriterSettings, threads: number): DatasetWriter {
  return threads > 0 ? poolWriter(settings, threads) : inlineWriter(settings);
}

/**
 * Hashing a dataset costs as much as a fifth of making its files: done where the files are
 * made, with the sums of the files the manifest records; not at all when its key is known
 * from its inputs.
 */
export function keyed(files: DatasetFiles, dataset: Dataset, settings: WriterSettings, key?: string): DatasetFiles {
  return settings.version === undefined ? files : { ...files, key: key ?? datasetKey(dataset, settings, settings.version), sums: fileSums(files.files, files.written) };
}

/** Below this many datasets, starting threads costs more than it saves. */
export const POOL_THRESHOLD = 64;

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * A worker holds one ordinary dataset at a time, so a small heap is plenty, and a small heap
 * is collected often instead of growing to the machine's default limit with garbage.
 */
const WORKER_HEAP_MB = 512;

/** The script of the writer threads: dataset-worker.ts, or in tests one that fails. */
const DATASET_WORKER = new URL('./dataset-worker.ts', import.meta.url);

/** What a writer thread is called in a problem. */
const DOING = 'a thread writing the dataset files';

function spawn(script: URL, settings: WriterSettings, heapMb?: number): Worker {
  return new Worker(script, { workerData: settings, ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}) });
}

/**
 * A dataset past this many rows (in practice the portal-wide package, which holds every row
 * of the portal) would not fit a pool thread's small heap: it gets a thread of its own with
 * the default heap, for the length of its one task.
 */
const OWN_THREAD_ROWS = 50_000;

function writeOnOwnThread(script: URL, settings: WriterSettings, task: WriterTask): Promise<DatasetFiles> {
  const worker = spawn(script, settings);
  let end = async () => {};
  const done = new Promise<DatasetFiles>((resolve, reject) => {
    worker.once('message', resolve);
    end = watchWorker(worker, DOING, reject);
  });
  // Posted outside any closure, so that nothing here holds the rows once they are copied.
  worker.postMessage(task);
  return done.finally(() => end());
}

/**
 * Datasets handed to a thread and not yet back, at most: enough that a thread always has the
 * next one in its inbox while the main thread is busy with a chunk of the portal-wide package
 * (tens of milliseconds), since only the main thread can hand out more. Each one waits as a
 * copy of all its rows: at 10 000 datasets, 16 a thread took the build's peak past 4 GiB
 * where 4 kept it under, in the same time.
 */
const TASKS_PER_THREAD = 4;

export function poolWriter(settings: WriterSettings, threads = defaultThreads(), script = DATASET_WORKER): DatasetWriter {
  type Task = { resolve: (files: DatasetFiles) => void; reject: (error: unknown) => void };
  // Each thread answers its tasks in the order it was handed them.
  type Thread = { thread: Worker; tasks: Task[]; end: () => Promise<void> };
  const own = new Set<Promise<unknown>>();
  let failure: unknown;
  let closed = false;
  // Started with the first dataset to make: a build that takes every dataset over starts none (each costs half a second of loading).
  let started: Thread[] | undefined;
  const start = () => {
    const workers: Thread[] = Array.from({ length: threads }, () => ({ thread: spawn(script, settings, WORKER_HEAP_MB), tasks: [] as Task[], end: async () => {} }));
    for (const worker of workers) {
      worker.thread.on('message', (files: DatasetFiles) => worker.tasks.shift()!.resolve(files));
      worker.end = watchWorker(worker.thread, DOING, (error) => {
        failure = error;
        for (const task of worker.tasks.splice(0)) task.reject(error);
      });
    }
    return workers;
  };
  return {
    capacity: threads * TASKS_PER_THREAD,
    write(dataset, folder, key) {
      if (failure) return Promise.reject(failure);
      if (closed) return Promise.reject(new Error('the dataset writer is closed'));
      if (dataset.tables.reduce((n, table) => n + table.rows.length, 0) > OWN_THREAD_ROWS) {
        const task = writeOnOwnThread(script, settings, { dataset, folder, key });
        own.add(task);
        return task;
      }
      const worker = (started ??= start()).reduce((least, other) => (other.tasks.length < least.tasks.length ? other : least));
      const done = new Promise<DatasetFiles>((resolve, reject) => void worker.tasks.push({ resolve, reject }));
      // Posted outside any closure, so that nothing here holds the rows once they are copied.
      worker.thread.postMessage({ dataset, folder, key } satisfies WriterTask);
      return done;
    },
    async close() {
      closed = true;
      await Promise.allSettled(own);
      await Promise.all((started ?? []).map((worker) => worker.end()));
    },
  };
}
