/**
 * Stage 6, write: datasets → every published file, each checked and hashed once when it is
 * made, then handed to the sink (a staging folder on disk, or memory in tests).
 *
 *   public/  what the site serves as is: datasets/{name}/…, catalog.ttl, catalog.jsonld,
 *            data.json, feed.xml
 *   site/    the JSON the site's pages read
 *
 * Datasets arrive one at a time and leave as files; what stays in memory afterwards is each
 * dataset's description with the first rows of its tables, which is all the catalogues and
 * the site need.
 */
import { join } from 'node:path';
import type { PlannedDataset, StreamedDataset } from '../derive/datasets.ts';
import type { History } from '../io/history.ts';
import type { Sink } from '../io/output.ts';
import type { Model } from '../model/types.ts';
import type { Dataset, Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { sha256, type DatasetFiles, type FileRecord } from './dataset-files.ts';
import { streamDatasetFiles, type StreamedFiles } from './dataset-stream.ts';
import { catalogueWriter, datasetPiece, headPiece, type CataloguePiece, type PieceRanges } from './dcat.ts';
import { atomFeed, dataJson } from './feeds.ts';
import type { WrittenFile } from './package.ts';
import { keptPath, MANIFEST_PATH, manifestOf, summing, type FileList, type InputKey, type Manifest } from './reuse.ts';
import { streamedInputKey, takeOverStreamed, type TakenStreamed, type Untouched } from './streamed-reuse.ts';
import type { DatasetWriter, KeptSum, WriterSettings } from './writers.ts';

export interface PublishInput {
  model: Model;
  /** Datasets made, or planned: a planned one is made only when it cannot be taken over. */
  datasets: Iterable<Dataset | PlannedDataset>;
  /** The key of a planned dataset from its inputs (write/reuse.ts, `inputKey`), when it has one. */
  keyOf?: ((planned: PlannedDataset & { reads: string[] }) => string | undefined) | undefined;
  urls: Urls;
  history: History;
  sink: Sink;
  writer: DatasetWriter;
  /** Datasets made here, a chunk at a time, while the writer's threads are busy. */
  streamed?: StreamedDataset[];
  /** What the files are made for (site address, portal title, code version), as the writer has them. */
  settings: WriterSettings;
  /** Write a manifest for the next incremental build (write/reuse.ts). */
  manifest?: boolean;
  /** The previous build's manifest: the streamed datasets' parts it records are taken over when unchanged. */
  previous?: Manifest | undefined;
  /** Whether a file of the previous output is, by a stat, the one recorded (Reuse.untouched): then it is not read back. */
  untouched?: Untouched | undefined;
  /** The streamed datasets' parts made and taken over, counted here. */
  partCounts?: { made: number; reused: number } | undefined;
  /** The size and hash of the history kept beside the manifest, recorded in it. */
  keptHistory?: KeptSum | undefined;
  /** The size and hash of the record of checked source files kept beside the manifest (sources/kept-files.ts), recorded in it. */
  keptSources?: KeptSum | undefined;
  /** The streamed datasets themselves made and taken over, counted here. */
  streamedCounts?: { made: number; reused: number } | undefined;
  /**
   * Keys the streamed datasets and their parts by what they read (write/reuse.ts,
   * `inputKeys`), so that those unchanged are taken over without being made.
   */
  inputKey?: InputKey | undefined;
}

export interface DatasetSummary {
  name: string;
  resources: number;
  rows: number;
  bytes: number;
}

export interface Publication {
  /** Every dataset, in order, with its tables cut to their first rows (rowCount keeps the size). */
  datasets: Dataset[];
  files: Map<string, WrittenFile[]>;
  summary: DatasetSummary[];
  /** Self-check failures: a non-empty list stops the build. */
  problems: string[];
}

/** Rows a dataset keeps after its files are written: the site previews this many. */
export const KEPT_ROWS = 10;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Lets finished work of other threads land before going on. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function publish(input: PublishInput): Promise<Publication> {
  const { model, urls, history, sink, settings, manifest } = input;
  const progress: Progress = { kept: [], results: [], parts: [] };
  const catalogue = openCatalogue(sink, urls, settings, progress);
  const work = streamedWork(input);
  try {
    await writeDatasets(input, progress, catalogue, work);
  } catch (error) {
    catalogue.discard();
    throw error;
  }
  landStreamed(input, work.done, progress, catalogue);
  catalogue.flush();
  inPublicationOrder(progress);

  const { kept, results } = progress;
  const { files, summary, problems } = summarize(progress);
  const head = headPiece(model, kept, urls, history.buildTime);
  problems.push(...[...head.problems, ...catalogue.end(head.piece)].map((problem) => `catalog: ${problem}`));
  writeIndexes(input, kept, (dataset) => files.get(dataset.name) ?? []);
  if (manifest) put(sink, MANIFEST_PATH, JSON.stringify(manifestOf([...results, ...progress.parts], catalogue.sums(), input.keptHistory, input.keptSources)));
  return { datasets: kept, files, summary, problems };
}

/** The datasets made so far, slimmed, and what became of their files, in the same order. */
interface Progress {
  kept: Dataset[];
  results: FileList[];
  /** The parts of the streamed datasets (the portal-wide package's, a publisher each). */
  parts: FileList[];
}

type Catalogue = ReturnType<typeof openCatalogue>;

/** catalog.ttl and catalog.jsonld, written as the datasets' pieces come back, in the datasets' order. */
function openCatalogue(sink: Sink, urls: Urls, settings: WriterSettings, { kept, results }: Progress) {
  const turtle = summing('public/catalog.ttl', sink.open('public/catalog.ttl'));
  const jsonld = summing('public/catalog.jsonld', sink.open('public/catalog.jsonld'));
  const writer = catalogueWriter({ turtle: (bytes) => turtle.write(bytes), jsonld: (bytes) => jsonld.write(bytes) });
  const pieces: (CataloguePiece | undefined)[] = [];
  /**
   * The piece of a dataset whose files were taken over: as the previous build wrote it (its
   * key covers everything the piece says), or made here, its problems the dataset's.
   */
  const takenOver = (dataset: Dataset, result: FileList, ranges: PieceRanges | undefined): CataloguePiece => {
    const turtleBytes = ranges && sink.previous?.('public/catalog.ttl', ...ranges.turtle);
    const jsonldBytes = ranges && sink.previous?.('public/catalog.jsonld', ...ranges.jsonld);
    if (turtleBytes && jsonldBytes) return { turtle: turtleBytes, jsonld: jsonldBytes };
    const made = datasetPiece(dataset, withTables(dataset, result.written), urls, settings);
    result.problems.push(...made.problems.map((problem) => `catalog: ${problem}`));
    return made.piece;
  };
  let next = 0;
  const flush = () => {
    for (let piece = pieces[next]; piece; piece = pieces[next]) {
      results[next]!.catalogue = writer.add(kept[next]!.name, piece);
      pieces[next++] = undefined;
    }
  };
  return {
    /** The piece of the dataset at `at`, made with its files or taken over with them; written once all before it are. */
    place(at: number, piece: CataloguePiece | undefined, previous: PieceRanges | undefined) {
      pieces[at] = piece ?? takenOver(kept[at]!, results[at]!, previous);
      flush();
    },
    /** The piece of a dataset after all the others. */
    append: (piece: CataloguePiece) => void pieces.push(piece),
    /** The piece of a dataset after all the others, whose files were taken over. */
    appendTaken: (dataset: Dataset, result: FileList, previous: PieceRanges | undefined) => void pieces.push(takenOver(dataset, result, previous)),
    flush,
    discard() {
      turtle.discard();
      jsonld.discard();
    },
    /** The catalogue's head after its datasets; its problems. */
    end(head: CataloguePiece): string[] {
      const problems = writer.end(head);
      turtle.close();
      jsonld.close();
      return problems;
    },
    sums: () => [turtle.sum(), jsonld.sum()],
  };
}

type StreamedWork = ReturnType<typeof streamedWork>;

/** A streamed dataset made, or taken over whole. */
type StreamedResult = { made: StreamedFiles } | { taken: TakenStreamed };

/**
 * The streamed datasets, advanced a chunk at a time whenever this thread would otherwise
 * wait; those whose inputs did not change taken over whole first.
 */
function streamedWork({ streamed = [], urls, settings, sink, previous, inputKey, untouched }: PublishInput) {
  const done: StreamedResult[] = [];
  const jobs: { at: number; job: Generator<void, StreamedFiles> }[] = [];
  streamed.forEach((one, at) => {
    const name = one.dataset.name;
    const folder = `public/datasets/${name}`;
    const key = inputKey && settings.version !== undefined ? streamedInputKey(one.dataset, inputKey) : undefined;
    const taken = key === undefined ? undefined : takeOverStreamed(one, key, sink, previous, folder, (sum) => readKept(sink, name, sum, untouched), untouched);
    if (taken) done[at] = { taken };
    else jobs.push({ at, job: streamDatasetFiles(one, urls, settings, sink, folder, KEPT_ROWS, previous, inputKey, untouched) });
  });
  return {
    /** In the order of the streamed datasets, once every one is done. */
    done,
    /** One chunk of streamed work; false when there is none left. */
    step(): boolean {
      const first = jobs[0];
      if (!first) return false;
      const next = first.job.next();
      if (next.done) {
        done[first.at] = { made: next.value };
        jobs.shift();
      }
      return true;
    },
  };
}

/**
 * Each dataset to the writer as it comes, no more in flight than the writer's capacity; the
 * streamed work advances while this thread waits. A failed dataset stops the writing at the
 * next wait, and its error is thrown once every dataset in flight has landed.
 */
async function writeDatasets({ datasets, writer, sink, keyOf, untouched }: PublishInput, progress: Progress, catalogue: Catalogue, work: StreamedWork): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let index = 0;
  for (const item of datasets) {
    const at = index++;
    const planned = 'derive' in item ? item : undefined;
    const reads = planned?.reads;
    const key = reads && keyOf?.({ ...planned!, reads });
    const name = planned ? planned.description.name : (item as Dataset).name;
    const folder = `public/datasets/${name}`;
    // Unchanged inputs: the previous build's files and what it kept of the dataset, which is not made.
    const taken = key !== undefined ? await writer.takeOver?.(name, key, (sum) => readKept(sink, name, sum, untouched)) : undefined;
    if (taken) {
      const { catalogue: _none, previousPiece, owned, kept, keptSum, ...files } = taken;
      planned!.takeOver(owned);
      sink.reuse!(keptPath(name));
      progress.kept[at] = kept;
      progress.results[at] = { ...land(sink, name, folder, files), owned, kept: keptSum };
      catalogue.place(at, undefined, previousPiece);
      continue;
    }
    const { dataset, owned } = planned ? planned.derive() : { dataset: item as Dataset, owned: undefined };
    const kept = slim(dataset);
    // What the next build needs to take the dataset over without making it.
    const keeps = key !== undefined && owned ? { owned, kept: keep(sink, kept) } : {};
    // The callback names the dataset, not the dataset itself: its rows must not outlive this turn.
    const task = writer.write(dataset, sink.disk && join(sink.disk.folder, folder), key).then(({ catalogue: piece, previousPiece, ...made }) => {
      progress.results[at] = { ...land(sink, name, folder, made), ...keeps };
      catalogue.place(at, piece, previousPiece);
    });
    progress.kept[at] = kept;
    const tracked: Promise<void> = task.then(
      () => void inFlight.delete(tracked),
      (error: unknown) => {
        failure ??= { error };
        inFlight.delete(tracked);
      },
    );
    inFlight.add(tracked);
    while (inFlight.size >= writer.capacity && !failure) {
      if (work.step()) await turn();
      else await Promise.race(inFlight);
    }
    if (failure) break;
  }
  while (!failure && work.step()) await turn();
  await Promise.all(inFlight);
  if (failure) throw failure.error;
}

/** The dataset as the catalogues and the site read it, into the sink for the next build; its size and hash. */
function keep(sink: Sink, dataset: Dataset): KeptSum {
  const bytes = encoder.encode(JSON.stringify(dataset));
  sink.put(keptPath(dataset.name), bytes);
  return { bytes: bytes.length, sha256: sha256(bytes) };
}

/** What the previous build kept of a dataset, when its file is as the manifest records it: the file recorded, or of the size and SHA-256 recorded. */
function readKept(sink: Sink, name: string, sum: KeptSum, untouched?: Untouched): Dataset | undefined {
  const path = keptPath(name);
  const bytes = sink.previous?.(path, 0, sum.bytes);
  if (!bytes || !sink.reuse) return undefined;
  if (!untouched?.(path, sum.bytes) && (sink.previous!(path, sum.bytes, sum.bytes + 1) !== undefined || sha256(bytes) !== sum.sha256)) return undefined;
  return JSON.parse(decoder.decode(bytes)) as Dataset;
}

/** A dataset's files into the sink, made or taken over; only the list of them stays. */
function land(sink: Sink, name: string, folder: string, { files, reused, stored, ...result }: Omit<DatasetFiles, 'catalogue' | 'previousPiece'>): FileList {
  for (const file of files) sink.put(`${folder}/${file.path}`, file.bytes);
  if (stored) sink.disk?.wrote(stored.paths.length, stored.bytes);
  if (reused) {
    if (!sink.reuse) throw new Error(`${name}: files can be taken over from a previous build only by a sink on disk`);
    for (const path of reused) sink.reuse(`${folder}/${path}`);
  }
  return { ...result, paths: reused ?? stored?.paths ?? files.map((file) => file.path) };
}

/** The streamed datasets' small files into the sink (or theirs taken over), after all the others, and their parts counted. */
function landStreamed({ sink, partCounts, streamedCounts, inputKey }: PublishInput, done: StreamedResult[], { kept, results, parts: partLists }: Progress, catalogue: Catalogue): void {
  const count = (counts: { made: number; reused: number } | undefined, made: number, reused: number) => {
    if (!counts) return;
    counts.made += made;
    counts.reused += reused;
  };
  for (const result of done) {
    if ('taken' in result) {
      const { files: { reused, previousPiece, ...files }, kept: dataset, keptSum, parts } = result.taken;
      partLists.push(...parts);
      count(partCounts, 0, parts.length);
      count(streamedCounts, 0, 1);
      sink.reuse!(keptPath(dataset.name));
      const list: FileList = { ...files, paths: reused, kept: keptSum };
      kept.push(dataset);
      results.push(list);
      catalogue.appendTaken(dataset, list, previousPiece);
      continue;
    }
    const { files: { files, streamed: paths, catalogue: piece, ...made }, kept: dataset, parts, partsTaken } = result.made;
    const folder = `public/datasets/${dataset.name}`;
    partLists.push(...parts);
    count(partCounts, parts.length - partsTaken, partsTaken);
    count(streamedCounts, 1, 0);
    for (const file of files) sink.put(`${folder}/${file.path}`, file.bytes);
    kept.push(dataset);
    // Keyed by what it reads: what the next build needs to take it over without making it.
    const keeps = inputKey && made.key !== undefined ? { kept: keep(sink, dataset) } : {};
    results.push({ ...made, paths: [...paths, ...files.map((file) => file.path)], ...keeps });
    catalogue.append(piece);
  }
}

/** Publishers' datasets, then the registers, then the portal-wide package, whatever order they were made in. */
function inPublicationOrder({ kept, results }: Progress): void {
  const rank = (dataset: Dataset) => (dataset.kind === 'portal' ? 2 : dataset.kind === 'register' ? 1 : 0);
  const order = kept.map((_, at) => at).sort((a, b) => rank(kept[a]!) - rank(kept[b]!) || a - b);
  kept.splice(0, kept.length, ...order.map((at) => kept[at]!));
  results.splice(0, results.length, ...order.map((at) => results[at]!));
}

/** Each dataset's files with their tables, its size, and the problems of all. */
function summarize({ kept, results, parts }: Progress): Pick<Publication, 'files' | 'summary' | 'problems'> {
  const files = new Map<string, WrittenFile[]>();
  const summary: DatasetSummary[] = [];
  const problems = parts.flatMap((part) => part.problems);
  kept.forEach((dataset, at) => {
    const result = results[at]!;
    const written = withTables(dataset, result.written);
    files.set(dataset.name, written);
    problems.push(...result.problems);
    summary.push({ name: dataset.name, resources: dataset.tables.length, rows: result.rows, bytes: written.reduce((n, file) => n + file.bytes, 0) });
  });
  return { files, summary, problems };
}

/** The lists of every dataset: data.json, CKAN's package list and the Atom feed. */
function writeIndexes({ model, urls, history, sink }: PublishInput, kept: Dataset[], filesOf: (dataset: Dataset) => WrittenFile[]): void {
  put(sink, 'public/data.json', dataJson(model, kept, filesOf, urls));
  put(sink, 'public/datasets/package_list.json', JSON.stringify({ help: urls.absolute('datasets/package_list.json'), success: true, result: kept.map((d) => d.name) }, null, 2) + '\n');
  put(sink, 'public/feed.xml', atomFeed(model, kept, urls, history.buildTime));
}

function put(sink: Sink, path: string, text: string): void {
  sink.put(path, encoder.encode(text));
}

/** Written files with their tables again, as they were before crossing threads by name. */
function withTables(dataset: Dataset, written: FileRecord[]): WrittenFile[] {
  const tables = new Map(dataset.tables.map((table) => [table.name, table]));
  return written.map((file) => ({ ...file, table: file.table === undefined ? undefined : tables.get(file.table) }));
}

function slim(dataset: Dataset): Dataset {
  return { ...dataset, tables: dataset.tables.map((table): Table => ({ ...table, rows: table.rows.slice(0, KEPT_ROWS), rowCount: table.rows.length })) };
}
