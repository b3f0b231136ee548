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
import { partName, plannedKey, writePart, type PartContext } from './portal-parts.ts';
import { fileSums, settingsKey, type FileList, type InputKey, type Manifest } from './reuse.ts';
import { streamedInputKey } from './streamed-reuse.ts';
import type { WriterSettings } from './writers.ts';

export interface StreamedFiles {
  /** As writeDatasetFiles returns it; `files` holds the small files, `streamed` names the rest. */
  files: DatasetFiles & { streamed: string[]; catalogue: CataloguePiece };
  /** Each part's files, for the manifest (write/portal-parts.ts), and how many were taken over. */
  parts: FileList[];
  partsTaken: number;
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
  { dataset, parts, groups }: StreamedDataset,
  urls: Urls,
  settings: WriterSettings,
  sink: Sink,
  folder: string,
  keep: number,
  previous?: Manifest,
  inputKey?: InputKey,
  untouched?: (path: string, bytes: number) => boolean,
): Generator<void, StreamedFiles> {
  const partTables = parts?.tables ?? [];
  const groupTables = groups.flatMap((group) => group.tables);
  const tables = [...partTables, ...groupTables];
  const names = tables.map((table) => table.name).join(', ');
  if (names !== dataset.tables.map((table) => table.name).join(', ')) throw new Error(`${dataset.name}: the parts' and groups' tables (${names}) are not the dataset's`);
  // The parts are checked one by one; the whole tables here, keys to the parted tables left to their own datasets.
  const checker = tableChecker(groupTables.map((table) => withKeysWithin(table, groupTables)));
  // Per table, by its place in the dataset.
  const counts = tables.map(() => 0);
  const first: Row[][] = tables.map(() => []);
  // Rows for the workbook, given up as soon as there are more than a workbook takes.
  let workbook: Row[][] | undefined = tables.map(() => []);
  let rows = 0;

  const open = (path: string): OpenFile => ({ stream: sink.open(`${folder}/${path}`), hash: createHash('sha256'), bytes: 0 });
  const writeBytes = (file: OpenFile, bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    file.stream.write(bytes);
    file.hash.update(bytes);
    file.bytes += bytes.length;
  };
  const write = (file: OpenFile, text: string) => writeBytes(file, encoder.encode(text));
  const streamed: string[] = [];
  const written: WrittenFile[] = [];
  const close = (file: OpenFile, path: string, table: Table, format: 'CSV' | 'JSON', inParts?: string[]) => {
    file.stream.close();
    streamed.push(path);
    written.push({ path, bytes: file.bytes, sha256: file.hash.digest('hex'), format, mediatype: format === 'CSV' ? 'text/csv' : 'application/json', table, ...(inParts ? { parts: inParts } : {}) });
  };
  // Whether the workbook lacks rows of a part taken over without them (then it cannot be made).
  let lacking = false;
  /** A table's next rows: how many, the first of them, and all of them when they were made. */
  const keepRows = (at: number, count: number, head: Row[], all: Row[] | undefined) => {
    counts[at]! += count;
    const kept = first[at]!;
    if (kept.length < keep) kept.push(...head.slice(0, keep - kept.length));
    rows += count;
    if (rows > WORKBOOK_ROW_LIMIT) workbook = undefined;
    else if (all) workbook?.[at]!.push(...all);
    else if (count > 0) lacking = true;
  };

  // Each part's files, then the whole tables joined from them: the CSV records after one
  // header, the JSON records in one array, as if made from all the rows at once.
  const lists: FileList[] = [];
  let partsTaken = 0;
  if (parts) {
    const context: PartContext = { dataset, tables: partTables, urls, settings, sink, folder, previous, inputKey, keep, untouched };
    const planned = [...parts.parts()];
    // The rows of the parts whose keys the previous build recorded: past the workbook's limit
    // there is no workbook, and the rows of the parts taken over are not made at all.
    const takenRows = planned.reduce((n, part) => {
      const key = plannedKey(context, part);
      const before = key === undefined ? undefined : previous?.datasets[partName(dataset.name, part.id)];
      return n + (before?.key === key && before ? before.rows : 0);
    }, 0);
    const needRows = takenRows <= WORKBOOK_ROW_LIMIT;
    const files = partTables.map((table) => ({ csv: open(`${table.name}.csv`), json: open(`${table.name}.json`), started: false, parts: { csv: [] as string[], json: [] as string[] } }));
    partTables.forEach((table, at) => write(files[at]!.csv, csvPiece(table.schema.fields, [], true)));
    for (const part of planned) {
      const made = writePart(context, part, needRows);
      lists.push(made.list);
      if (made.taken) partsTaken++;
      partTables.forEach((_, at) => {
        const file = files[at]!;
        const some = made.tables[at]!;
        // A part without rows of a table is left out of the table's list of parts.
        if (some.rows > 0) {
          file.parts.csv.push(made.paths[at]!.csv);
          file.parts.json.push(made.paths[at]!.json);
        }
        writeBytes(file.csv, made.csv[at]!);
        if (made.json[at]!.length > 0) {
          write(file.json, file.started ? ',\n' : '[\n');
          writeBytes(file.json, made.json[at]!);
          file.started = true;
        }
        keepRows(at, some.rows, some.first, made.rows?.[at]);
      });
      yield;
    }
    partTables.forEach((table, at) => {
      const file = files[at]!;
      write(file.json, file.started ? '\n]\n' : '[]\n');
      // A table with no rows in any part is named by the first part's file, its header alone.
      const firstPart = lists[0]?.paths.length ? `parts/${lists[0].name.split('/').at(-1)}/${table.name}.csv` : undefined;
      const csvParts = file.parts.csv.length > 0 ? file.parts.csv : firstPart ? [firstPart] : undefined;
      close(file.csv, `${table.name}.csv`, table, 'CSV', csvParts);
      close(file.json, `${table.name}.json`, table, 'JSON');
    });
  }

  let offset = partTables.length;
  for (const group of groups) {
    const json = group.tables.map((table) => jsonPieces(table.schema.fields));
    const files = group.tables.map((table) => ({ csv: open(`${table.name}.csv`), json: open(`${table.name}.json`) }));
    group.tables.forEach((table, at) => {
      const header = csvPiece(table.schema.fields, [], true);
      write(files[at]!.csv, header);
      checker.feed(offset - partTables.length + at, header);
    });
    for (const chunk of group.chunks()) {
      if (chunk.length !== group.tables.length) throw new Error(`${dataset.name}: a chunk of ${chunk.length} tables for a group of ${group.tables.length}`);
      group.tables.forEach((table, at) => {
        const some = chunk[at]!;
        if (some.length === 0) return;
        const text = csvPiece(table.schema.fields, some, false);
        write(files[at]!.csv, text);
        checker.feed(offset - partTables.length + at, text);
        write(files[at]!.json, json[at]!.rows(some));
        keepRows(offset + at, some.length, some, some);
      });
      yield;
    }
    group.tables.forEach((_, at) => {
      write(files[at]!.json, json[at]!.end());
      checker.end(offset - partTables.length + at);
    });
    // In the order writeDatasetFiles lists them: each table's CSV, then its JSON.
    group.tables.forEach((table, at) => {
      close(files[at]!.csv, `${table.name}.csv`, table, 'CSV');
      close(files[at]!.json, `${table.name}.json`, table, 'JSON');
    });
    offset += group.tables.length;
  }

  if (lacking && workbook) throw new Error(`${dataset.name}: parts taken over without their rows, though the workbook needs them (${rows} rows)`);
  const { files: small, put } = fileList();
  // The workbook is made from the rows when there are few enough; the descriptions need none.
  const holding: Dataset = { ...dataset, tables: dataset.tables.map((table, at) => ({ ...table, rows: workbook?.[at] ?? [] })) };
  const described = describeDataset(holding, rows, written, checker.finish(), urls, settings, put);
  const files: StreamedFiles['files'] = { name: dataset.name, files: small, rows, streamed, ...described };
  if (settings.version !== undefined) {
    files.key = inputKey ? streamedInputKey(dataset, inputKey) : streamedKey(dataset, written, settings, settings.version);
    files.sums = fileSums(small, written, streamed);
  }
  const kept: Dataset = { ...dataset, tables: dataset.tables.map((table, at) => ({ ...table, rows: first[at]!, rowCount: counts[at]! })) };
  return { files, kept, parts: lists, partsTaken };
}

/** A table's schema with only the foreign keys to tables among `tables`. */
function withKeysWithin(table: Table, tables: Table[]): Table {
  const names = new Set(tables.map((other) => other.name));
  const foreignKeys = table.schema.foreignKeys?.filter((key) => names.has(key.reference.resource));
  return { ...table, schema: { ...table.schema, ...(foreignKeys ? { foreignKeys } : {}) } };
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
