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
import type { StreamedDataset } from '../derive/datasets.ts';
import type { History } from '../io/history.ts';
import type { Sink } from '../io/output.ts';
import type { Model } from '../model/types.ts';
import type { Dataset, Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import type { FileRecord } from './dataset-files.ts';
import { streamDatasetFiles, type StreamedFiles } from './dataset-stream.ts';
import { catalogueWriter, datasetPiece, headPiece, type CataloguePiece, type PieceRanges } from './dcat.ts';
import { atomFeed, dataJson } from './feeds.ts';
import type { WrittenFile } from './package.ts';
import { MANIFEST_PATH, manifestOf, summing, type FileList, type Manifest } from './reuse.ts';
import type { DatasetWriter, WriterSettings } from './writers.ts';

export interface PublishInput {
  model: Model;
  datasets: Iterable<Dataset>;
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
  /** The streamed datasets' parts made and taken over, counted here. */
  partCounts?: { made: number; reused: number } | undefined;
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

/** Lets finished work of other threads land before going on. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function publish({ model, datasets, urls, history, sink, writer, streamed = [], settings, manifest, previous, partCounts }: PublishInput): Promise<Publication> {
  const kept: Dataset[] = [];
  const results: FileList[] = [];
  const inFlight = new Set<Promise<void>>();
  // A failed dataset stops the build at the next wait; none of its siblings' failures go unheard.
  let failure: { error: unknown } | undefined;

  // The catalogue is written as the datasets' pieces come back, in the datasets' order.
  const turtle = summing('public/catalog.ttl', sink.open('public/catalog.ttl'));
  const jsonld = summing('public/catalog.jsonld', sink.open('public/catalog.jsonld'));
  const catalogue = catalogueWriter({ turtle: (bytes) => turtle.write(bytes), jsonld: (bytes) => jsonld.write(bytes) });
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
  let nextPiece = 0;
  const flushPieces = () => {
    for (let piece = pieces[nextPiece]; piece; piece = pieces[nextPiece]) {
      results[nextPiece]!.catalogue = catalogue.add(kept[nextPiece]!.name, piece);
      pieces[nextPiece++] = undefined;
    }
  };

  // The streamed datasets advance a chunk at a time whenever this thread would otherwise wait.
  const jobs = streamed.map((one) => streamDatasetFiles(one, urls, settings, sink, `public/datasets/${one.dataset.name}`, KEPT_ROWS, previous));
  const made: StreamedFiles[] = [];
  /** One chunk of streamed work; false when there is none left. */
  const step = (): boolean => {
    const job = jobs[0];
    if (!job) return false;
    const next = job.next();
    if (next.done) {
      made.push(next.value);
      jobs.shift();
    }
    return true;
  };

  const problems: string[] = [];
  let index = 0;
  for (const dataset of datasets) {
    const at = index++;
    // The callback names the dataset, not the dataset itself: its rows must not outlive this turn.
    const name = dataset.name;
    const folder = `public/datasets/${name}`;
    const task = writer.write(dataset, sink.disk && join(sink.disk.folder, folder)).then(({ files, reused, stored, catalogue: piece, previousPiece, ...result }) => {
      for (const file of files) sink.put(`${folder}/${file.path}`, file.bytes);
      if (stored) sink.disk?.wrote(stored.paths.length, stored.bytes);
      if (reused) {
        if (!sink.reuse) throw new Error(`${name}: files can be taken over from a previous build only by a sink on disk`);
        for (const path of reused) sink.reuse(`${folder}/${path}`);
      }
      // The bytes are in the sink; only the list of them stays.
      results[at] = { ...result, paths: reused ?? stored?.paths ?? files.map((file) => file.path) };
      pieces[at] = piece ?? takenOver(kept[at]!, results[at]!, previousPiece);
      flushPieces();
    });
    kept[at] = slim(dataset);
    const tracked: Promise<void> = task.then(
      () => void inFlight.delete(tracked),
      (error: unknown) => {
        failure ??= { error };
        inFlight.delete(tracked);
      },
    );
    inFlight.add(tracked);
    while (inFlight.size >= writer.capacity && !failure) {
      if (step()) await turn();
      else await Promise.race(inFlight);
    }
    if (failure) break;
  }
  while (!failure && step()) await turn();
  await Promise.all(inFlight);
  if (failure) {
    turtle.discard();
    jsonld.discard();
    throw failure.error;
  }
  const partLists: FileList[] = [];
  for (const { files: { files, streamed: paths, catalogue: piece, ...result }, kept: dataset, parts, partsTaken } of made) {
    const folder = `public/datasets/${dataset.name}`;
    partLists.push(...parts);
    problems.push(...parts.flatMap((part) => part.problems));
    if (partCounts) {
      partCounts.reused += partsTaken;
      partCounts.made += parts.length - partsTaken;
    }
    for (const file of files) sink.put(`${folder}/${file.path}`, file.bytes);
    kept.push(dataset);
    results.push({ ...result, paths: [...paths, ...files.map((file) => file.path)] });
    pieces.push(piece);
  }
  flushPieces();

  // Publishers' datasets, then the registers, then the portal-wide package, whatever order they were made in.
  const rank = (dataset: Dataset) => (dataset.kind === 'portal' ? 2 : dataset.kind === 'register' ? 1 : 0);
  const order = kept.map((_, at) => at).sort((a, b) => rank(kept[a]!) - rank(kept[b]!) || a - b);
  kept.splice(0, kept.length, ...order.map((at) => kept[at]!));
  results.splice(0, results.length, ...order.map((at) => results[at]!));

  const files = new Map<string, WrittenFile[]>();
  const summary: DatasetSummary[] = [];
  kept.forEach((dataset, at) => {
    const result = results[at]!;
    const written = withTables(dataset, result.written);
    files.set(dataset.name, written);
    problems.push(...result.problems);
    summary.push({ name: dataset.name, resources: dataset.tables.length, rows: result.rows, bytes: written.reduce((n, file) => n + file.bytes, 0) });
  });

  const put = (path: string, text: string) => sink.put(path, encoder.encode(text));
  const filesOf = (dataset: Dataset) => files.get(dataset.name) ?? [];
  const head = headPiece(model, kept, urls, history.buildTime);
  problems.push(...[...head.problems, ...catalogue.end(head.piece)].map((problem) => `catalog: ${problem}`));
  turtle.close();
  jsonld.close();
  put('public/data.json', dataJson(model, kept, filesOf, urls));
  put('public/datasets/package_list.json', JSON.stringify({ help: urls.absolute('datasets/package_list.json'), success: true, result: kept.map((d) => d.name) }, null, 2) + '\n');
  put('public/feed.xml', atomFeed(model, kept, urls, history.buildTime));
  if (manifest) put(MANIFEST_PATH, JSON.stringify(manifestOf([...results, ...partLists], [turtle.sum(), jsonld.sum()])));
  return { datasets: kept, files, summary, problems };
}

/** Written files with their tables again, as they were before crossing threads by name. */
function withTables(dataset: Dataset, written: FileRecord[]): WrittenFile[] {
  const tables = new Map(dataset.tables.map((table) => [table.name, table]));
  return written.map((file) => ({ ...file, table: file.table === undefined ? undefined : tables.get(file.table) }));
}

function slim(dataset: Dataset): Dataset {
  return { ...dataset, tables: dataset.tables.map((table): Table => ({ ...table, rows: table.rows.slice(0, KEPT_ROWS), rowCount: table.rows.length })) };
}
