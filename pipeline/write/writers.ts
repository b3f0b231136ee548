/**
 * Who runs writeDatasetFiles: the calling thread (small builds, tests), or a pool of worker
 * threads, so that on a machine with two cores both make files while the main thread derives
 * the next datasets and hands finished files to the sink.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StreamedDataset } from '../derive/datasets.ts';
import type { FileStream, Sink } from '../io/output.ts';
import type { Model } from '../model/types.ts';
import type { Dataset } from '../publish/types.ts';
import { makeUrls, type Urls } from '../publish/urls.ts';
import type { PortalContact } from './dcat.ts';
import { writeDatasetFiles, type DatasetFiles } from './dataset-files.ts';
import { inlineStream, laterResult, type StreamJob } from './dataset-stream.ts';
import type { StreamReply, StreamRequest } from './stream-worker.ts';
import { datasetKey } from './reuse.ts';

export interface WriterSettings {
  siteUrl: string;
  basePath: string;
  portalTitle: string;
  /** Named in the catalogue for datasets without a publisher of their own. */
  portalContact?: PortalContact | undefined;
  /** The code's hash: when given, each result carries its key for the next build's manifest. */
  version?: string | undefined;
}

/** What every dataset's files are made for, from the portal and its address. */
export function writerSettings(model: Model, urls: Urls, version: string | undefined): WriterSettings {
  const portal = model.portal;
  return { siteUrl: urls.siteUrl, basePath: urls.basePath, portalTitle: portal?.title ?? '', portalContact: portal && { name: portal.contact.name, email: portal.contact.email }, version };
}

export interface DatasetWriter {
  /** How many datasets may be in flight before the caller should wait for one. */
  readonly capacity: number;
  write(dataset: Dataset): Promise<DatasetFiles>;
  /** A dataset too large to hold at once, its files into `folder` of the sink as its chunks are derived. */
  stream(one: StreamedDataset, sink: Sink, folder: string, keep: number): StreamJob;
  close(): Promise<void>;
}

export function inlineWriter(settings: WriterSettings): DatasetWriter {
  const urls = makeUrls(settings.siteUrl, settings.basePath);
  return {
    capacity: 1,
    write: async (dataset) => keyed(writeDatasetFiles(dataset, urls, settings), dataset, settings),
    stream: (one, sink, folder, keep) => inlineStream(one, urls, settings, sink, folder, keep),
    close: async () => {},
  };
}

/** Threads when asked for, else this thread. */
export function makeWriter(settings: WriterSettings, threads: number): DatasetWriter {
  return threads > 0 ? poolWriter(settings, threads) : inlineWriter(settings);
}

/** Hashing a dataset costs as much as a fifth of making its files: done where the files are made. */
export function keyed(files: DatasetFiles, dataset: Dataset, settings: WriterSettings): DatasetFiles {
  return settings.version === undefined ? files : { ...files, key: datasetKey(dataset, settings, settings.version) };
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

function spawn(settings: WriterSettings, heapMb?: number, script = './dataset-worker.ts'): Worker {
  return new Worker(new URL(script, import.meta.url), { workerData: settings, ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}) });
}

/**
 * A dataset past this many rows (in practice the portal-wide package, which holds every row
 * of the portal) would not fit a pool thread's small heap: it gets a thread of its own with
 * the default heap, for the length of its one task.
 */
const OWN_THREAD_ROWS = 50_000;

function writeOnOwnThread(settings: WriterSettings, dataset: Dataset): Promise<DatasetFiles> {
  const worker = spawn(settings);
  const done = new Promise<DatasetFiles>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // Posted outside any closure, so that nothing here holds the rows once they are copied.
  worker.postMessage(dataset);
  return done.finally(() => worker.terminate());
}

/** Chunks handed to a stream's thread and not yet written: enough to keep it busy, few enough to hold. */
const CHUNKS_AHEAD = 4;

/**
 * A streamed dataset made on a thread of its own: this thread derives the chunks and hands
 * them over, and writes the bytes that come back to the sink. Serialising, checking and
 * hashing the rows, which cost most, happen there.
 */
function streamOnOwnThread(settings: WriterSettings, { dataset, groups }: StreamedDataset, sink: Sink, folder: string, keep: number): StreamJob & { stop(): Promise<number> } {
  const worker = spawn(settings, undefined, './stream-worker.ts');
  const post = (request: StreamRequest) => worker.postMessage(request);
  const files = new Map<string, FileStream>();
  let ahead = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const { promise: result, resolve: finish, reject: fail } = laterResult();
  const stopWith = (error: unknown) => {
    failure ??= { error };
    fail(error);
    wake?.();
    for (const file of files.values()) file.discard();
    files.clear();
  };
  worker.on('message', (reply: StreamReply) => {
    try {
      switch (reply.type) {
        case 'open':
          files.set(reply.path, sink.open(reply.path));
          return;
        case 'write':
          files.get(reply.path)!.write(reply.bytes);
          return;
        case 'close':
          files.get(reply.path)!.close();
          files.delete(reply.path);
          return;
        case 'chunk done':
          ahead--;
          wake?.();
          return;
        case 'done':
          finish(reply.result);
          void worker.terminate();
      }
    } catch (error) {
      stopWith(error);
      void worker.terminate();
    }
  });
  worker.on('error', stopWith);

  post({ type: 'start', dataset, groups: groups.map((group) => group.tables), folder, keep });
  function* chunks(): Generator<StreamRequest & { type: 'chunk' }> {
    for (const [group, { chunks }] of groups.entries()) for (const rows of chunks()) yield { type: 'chunk', group, rows };
  }
  const next = chunks();
  let done = false;
  return {
    step() {
      if (failure) throw failure.error;
      if (done) return 'done';
      if (ahead >= CHUNKS_AHEAD) return 'wait';
      const chunk = next.next();
      if (chunk.done) {
        done = true;
        post({ type: 'finish' });
        return 'done';
      }
      ahead++;
      post(chunk.value);
      return 'more';
    },
    ready: () =>
      failure || ahead < CHUNKS_AHEAD
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            wake = () => {
              wake = undefined;
              resolve();
            };
          }),
    result,
    stop: () => worker.terminate(),
  };
}

export function poolWriter(settings: WriterSettings, threads = defaultThreads()): DatasetWriter {
  const workers = Array.from({ length: threads }, () => spawn(settings, WORKER_HEAP_MB));
  const idle = [...workers];
  type Task = { resolve: (files: DatasetFiles) => void; reject: (error: unknown) => void };
  const queue: (Task & { dataset: Dataset })[] = [];
  const running = new Map<Worker, Task>();
  const own = new Set<Promise<unknown>>();
  const streams = new Set<{ stop(): Promise<number> }>();
  let failure: unknown;

  const next = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const { dataset, ...task } = queue.shift()!;
      running.set(worker, task);
      worker.postMessage(dataset);
    }
  };
  for (const worker of workers) {
    worker.on('message', (files: DatasetFiles) => {
      const task = running.get(worker)!;
      running.delete(worker);
      idle.push(worker);
      task.resolve(files);
      next();
    });
    worker.on('error', (error) => {
      failure = error;
      running.get(worker)?.reject(error);
      running.delete(worker);
      for (const task of queue.splice(0)) task.reject(error);
    });
  }
  return {
    capacity: threads * 2,
    write(dataset) {
      if (failure) return Promise.reject(failure);
      if (dataset.tables.reduce((n, table) => n + table.rows.length, 0) > OWN_THREAD_ROWS) {
        const task = writeOnOwnThread(settings, dataset);
        own.add(task);
        return task;
      }
      return new Promise((resolve, reject) => {
        queue.push({ dataset, resolve, reject });
        next();
      });
    },
    stream(one, sink, folder, keep) {
      const job = streamOnOwnThread(settings, one, sink, folder, keep);
      streams.add(job);
      return job;
    },
    async close() {
      await Promise.allSettled(own);
      // A stream still running here belongs to a build that failed.
      await Promise.all([...streams].map((job) => job.stop()));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
