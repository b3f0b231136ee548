/**
 * A dataset too large to hold at once (the portal-wide package) → its files, a chunk of rows
 * at a time: each chunk's CSV and JSON go straight to the sink, hashed and checked as they
 * pass, and only the first rows of each table stay. The files are the ones writeDatasetFiles
 * makes from the same rows, byte for byte.
 *
 * A generator that pauses after every chunk, so the caller can hand the thread back to
 * others (the finished files of worker threads) between chunks.
 */
import { createHash, type Hash } from 'node:crypto';
import type { StreamedDataset } from '../derive/datasets.ts';
import { tableChecker } from '../formats/table-check.ts';
import type { FileStream, Sink } from '../io/output.ts';
import type { Dataset, Row, Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { csvPiece } from './csv.ts';
import { describeDataset, fileList, WORKBOOK_ROW_LIMIT, type DatasetFiles } from './dataset-files.ts';
import type { CataloguePiece } from './dcat.ts';
import { jsonPieces } from './json.ts';
import type { WrittenFile } from './package.ts';
import { settingsKey } from './reuse.ts';
import type { WriterSettings } from './writers.ts';

export interface StreamedFiles {
  /** As writeDatasetFiles returns it; `files` holds the small files, `streamed` names the rest. */
  files: DatasetFiles & { streamed: string[]; catalogue: CataloguePiece };
  /** The dataset with the first `keep` rows of each table, and rowCount. */
  kept: Dataset;
}

interface OpenFile {
  stream: FileStream;
  hash: Hash;
  bytes: number;
}

const encoder = new TextEncoder();

export function* streamDatasetFiles(
  { dataset, groups }: StreamedDataset,
  urls: Urls,
  settings: WriterSettings,
  sink: Sink,
  folder: string,
  keep: number,
): Generator<void, StreamedFiles> {
  const files = datasetStream(dataset, groups.map((group) => group.tables), urls, settings, sink, folder, keep);
  for (const [at, group] of groups.entries()) {
    for (const chunk of group.chunks()) {
      files.chunk(at, chunk);
      yield;
    }
  }
  return files.finish();
}

/**
 * A streamed dataset being made: step() does this thread's share of the next chunk (deriving
 * it, and making its files or handing it to the thread that does). 'wait' means that thread
 * must catch up first, and ready() settles when it has; 'done' means every chunk is handed on,
 * and `result` settles once the files are made.
 */
export interface StreamJob {
  step(): 'more' | 'wait' | 'done';
  ready(): Promise<void>;
  readonly result: Promise<StreamedFiles>;
}

/** A stream's result, to settle later; a failure is not reported as unhandled before someone waits for it. */
export function laterResult(): PromiseWithResolvers<StreamedFiles> {
  const later = Promise.withResolvers<StreamedFiles>();
  later.promise.catch(() => {});
  return later;
}

/** The whole of a streamed dataset's work on this thread, a chunk a step. */
export function inlineStream(one: StreamedDataset, urls: Urls, settings: WriterSettings, sink: Sink, folder: string, keep: number): StreamJob {
  const job = streamDatasetFiles(one, urls, settings, sink, folder, keep);
  const { promise: result, resolve: finish, reject: fail } = laterResult();
  let done = false;
  return {
    step() {
      if (done) return 'done';
      let next: IteratorResult<void, StreamedFiles>;
      try {
        next = job.next();
      } catch (error) {
        done = true;
        fail(error);
        throw error;
      }
      if (!next.done) return 'more';
      done = true;
      finish(next.value);
      return 'done';
    },
    ready: () => Promise.resolve(),
    result,
  };
}

/** A dataset's files made from chunks of rows handed in as they come, group after group. */
export interface DatasetStream {
  /** The next rows of every table of group `group`; groups come in order, and a group may have no chunks. */
  chunk(group: number, rows: Row[][]): void;
  /** Ends the open groups and makes the rest of the files. */
  finish(): StreamedFiles;
}

/**
 * The same files as streamDatasetFiles, for a caller that hands in the chunks itself: on a
 * thread other than the one that derives them, say.
 */
export function datasetStream(dataset: Dataset, groups: Table[][], urls: Urls, settings: WriterSettings, sink: Sink, folder: string, keep: number): DatasetStream {
  const tables = groups.flat();
  const names = tables.map((table) => table.name).join(', ');
  if (names !== dataset.tables.map((table) => table.name).join(', ')) throw new Error(`${dataset.name}: the groups' tables (${names}) are not the dataset's`);
  const checker = tableChecker(tables);
  // Per table, by its place in the dataset.
  const counts = tables.map(() => 0);
  const first: Row[][] = tables.map(() => []);
  // Rows for the workbook, given up as soon as there are more than a workbook takes.
  let workbook: Row[][] | undefined = tables.map(() => []);
  let rows = 0;

  const open = (path: string): OpenFile => ({ stream: sink.open(`${folder}/${path}`), hash: createHash('sha256'), bytes: 0 });
  const write = (file: OpenFile, text: string) => {
    if (text.length === 0) return;
    const bytes = encoder.encode(text);
    file.hash.update(bytes);
    file.bytes += bytes.length;
    // Last: a stream to another thread takes the bytes with it.
    file.stream.write(bytes);
  };
  const streamed: string[] = [];
  const written: WrittenFile[] = [];
  const close = (file: OpenFile, path: string, table: Table, format: 'CSV' | 'JSON') => {
    file.stream.close();
    streamed.push(path);
    written.push({ path, bytes: file.bytes, sha256: file.hash.digest('hex'), format, mediatype: format === 'CSV' ? 'text/csv' : 'application/json', table });
  };

  /** The group being written, its first table's place in the dataset, its files and JSON writers. */
  let current: { at: number; offset: number; files: { csv: OpenFile; json: OpenFile }[]; json: ReturnType<typeof jsonPieces>[] } | undefined;
  let nextGroup = 0;
  let offset = 0;
  const startGroup = () => {
    const group = groups[nextGroup]!;
    const files = group.map((table) => ({ csv: open(`${table.name}.csv`), json: open(`${table.name}.json`) }));
    group.forEach((table, at) => {
      const header = csvPiece(table.schema.fields, [], true);
      write(files[at]!.csv, header);
      checker.feed(offset + at, header);
    });
    current = { at: nextGroup++, offset, files, json: group.map((table) => jsonPieces(table.schema.fields)) };
    offset += group.length;
  };
  const endGroup = () => {
    const { at: index, offset: base, files, json } = current!;
    const group = groups[index]!;
    group.forEach((_, at) => {
      write(files[at]!.json, json[at]!.end());
      checker.end(base + at);
    });
    // In the order writeDatasetFiles lists them: each table's CSV, then its JSON.
    group.forEach((table, at) => {
      close(files[at]!.csv, `${table.name}.csv`, table, 'CSV');
      close(files[at]!.json, `${table.name}.json`, table, 'JSON');
    });
    current = undefined;
  };
  /** Every group before `group` ended, and `group` open. */
  const reach = (group: number) => {
    if (group < (current?.at ?? nextGroup)) throw new Error(`${dataset.name}: rows of group ${group} after those of group ${current?.at ?? nextGroup - 1}`);
    while ((current?.at ?? -1) < group) {
      if (current) endGroup();
      startGroup();
    }
  };

  return {
    chunk(group, chunk) {
      reach(group);
      const { offset: base, files, json } = current!;
      const tablesOf = groups[group]!;
      if (chunk.length !== tablesOf.length) throw new Error(`${dataset.name}: a chunk of ${chunk.length} tables for a group of ${tablesOf.length}`);
      tablesOf.forEach((table, at) => {
        const some = chunk[at]!;
        if (some.length === 0) return;
        const text = csvPiece(table.schema.fields, some, false);
        write(files[at]!.csv, text);
        checker.feed(base + at, text);
        write(files[at]!.json, json[at]!.rows(some));
        counts[base + at]! += some.length;
        const kept = first[base + at]!;
        if (kept.length < keep) kept.push(...some.slice(0, keep - kept.length));
        rows += some.length;
        if (rows > WORKBOOK_ROW_LIMIT) workbook = undefined;
        else workbook?.[base + at]!.push(...some);
      });
    },
    finish() {
      if (groups.length > 0) reach(groups.length - 1);
      if (current) endGroup();
      const { files: small, put } = fileList();
      // The workbook is made from the rows when there are few enough; the descriptions need none.
      const holding: Dataset = { ...dataset, tables: dataset.tables.map((table, at) => ({ ...table, rows: workbook?.[at] ?? [] })) };
      const described = describeDataset(holding, rows, written, checker.finish(), urls, settings, put);
      const files: StreamedFiles['files'] = { name: dataset.name, files: small, rows, streamed, ...described };
      if (settings.version !== undefined) files.key = streamedKey(dataset, written, settings, settings.version);
      const kept: Dataset = { ...dataset, tables: dataset.tables.map((table, at) => ({ ...table, rows: first[at]!, rowCount: counts[at]! })) };
      return { files, kept };
    },
  };
}

/**
 * The key of a streamed dataset, known once its files are made: its description and the
 * hashes of its tables' files, which the rows decide.
 */
function streamedKey(dataset: Dataset, written: WrittenFile[], settings: WriterSettings, version: string): string {
  const { tables, ...description } = dataset;
  const shapes = tables.map(({ rows: _rows, ...table }) => table);
  const hashes = written.filter((file) => file.table !== undefined).map((file) => [file.path, file.sha256]);
  return createHash('sha256').update(JSON.stringify([...settingsKey(settings, version), description, shapes, hashes])).digest('hex');
}
