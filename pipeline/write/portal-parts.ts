/**
 * The parts of a dataset published in parts (the portal-wide package): each publisher's rows
 * of every table in a folder of their own, `parts/{publisher}/`, with the tables' CSV and JSON
 * and a datapackage.json. A part is keyed by what it reads (its council's source files, the
 * portal's own, the tables' shapes, the settings and code) when the build knows its files'
 * digests, else by its rows. A part whose key the previous build recorded is taken over, once
 * its files are read back at the size and SHA-256 its manifest records, without its rows
 * being made (unless the package's workbook needs them); the rest are made and checked.
 * Either way the part's rows come back as the text the dataset's whole files are joined from.
 */
import { createHash } from 'node:crypto';
import type { PlannedPart, TablePart } from '../derive/datasets.ts';
import { tableChecker } from '../formats/table-check.ts';
import type { Sink } from '../io/output.ts';
import type { Dataset, Row, Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { csvPiece } from './csv.ts';
import { sha256 } from './dataset-files.ts';
import { jsonPieces } from './json.ts';
import { partPackage, type WrittenFile } from './package.ts';
import { checkDataPackage } from './profile.ts';
import { settingsKey, type FileList, type FileSum, type InputKey, type Manifest, type ManifestEntry, type PartTable } from './reuse.ts';
import type { WriterSettings } from './writers.ts';

/** Rows hashed per piece, so that no one JSON text grows with the largest council. */
const ROWS_PER_PIECE = 2_000;

const encoder = new TextEncoder();

export interface PartContext {
  /** The dataset published in parts (its name and title). */
  dataset: Pick<Dataset, 'name' | 'title'>;
  /** The parted tables, without rows, in order. */
  tables: Table[];
  urls: Urls;
  settings: WriterSettings;
  sink: Sink;
  /** The dataset's folder in the sink. */
  folder: string;
  previous: Manifest | undefined;
  /** Whether a file of the previous output is, by a stat, the one recorded (Reuse.untouched): then it is not hashed again. */
  untouched?: ((path: string, bytes: number) => boolean) | undefined;
  /** Keys parts by what they read; without it, by their rows. */
  inputKey?: InputKey | undefined;
  /** Rows of each table a part keeps for the package's description (its first). */
  keep: number;
}

export interface PartTexts {
  /** For the manifest; its name is `{dataset}/parts/{id}`. */
  list: FileList;
  /** Per table: the part's CSV records without the header, and its JSON records without the brackets. */
  csv: Uint8Array[];
  json: Uint8Array[];
  /** Per table: the paths of its CSV and JSON inside the dataset's folder. */
  paths: { csv: string; json: string }[];
  taken: boolean;
  /** Per table: the part's rows, how many and the first. */
  tables: PartTable[];
  /** Per table: every row of the part, when it was made or they were asked for. */
  rows: Row[][] | undefined;
}

export const partFolder = (id: string) => `parts/${id}`;
export const partName = (dataset: string, id: string) => `${dataset}/${partFolder(id)}`;

/** What a part's files depend on: the settings and code, the dataset's name and title, the part, its tables and rows. */
export function partKey(context: Pick<PartContext, 'dataset' | 'tables' | 'settings'>, part: TablePart, version: string): string {
  const hash = createHash('sha256').update(JSON.stringify([...settingsKey(context.settings, version), context.dataset.name, context.dataset.title, part.id, part.title]));
  context.tables.forEach(({ rows: _rows, ...table }, at) => {
    const rows = part.rows[at]!;
    hash.update(JSON.stringify(table)).update(`\n${rows.length}\n`);
    for (let from = 0; from < rows.length; from += ROWS_PER_PIECE) hash.update(JSON.stringify(rows.slice(from, from + ROWS_PER_PIECE)));
  });
  return hash.digest('hex');
}

/** The key of a part by what it reads: its council's files, the package's name and title, the tables' shapes. */
export function partInputKey(context: Pick<PartContext, 'dataset' | 'tables'>, part: PlannedPart, inputKey: InputKey): string {
  return inputKey({ partOf: [context.dataset.name, context.dataset.title], part: [part.id, part.title], shapes: context.tables }, part.reads);
}

/**
 * The key a part will have: by its inputs when the context keys parts so, else undefined
 * (known only once its rows are made).
 */
export function plannedKey(context: PartContext, part: PlannedPart): string | undefined {
  return context.inputKey && context.settings.version !== undefined ? partInputKey(context, part, context.inputKey) : undefined;
}

/**
 * A part's files: taken over when unchanged and intact, else made. `needRows`: the part's rows
 * are wanted even when its files are taken over (for the package's workbook).
 */
export function writePart(context: PartContext, planned: PlannedPart, needRows: boolean): PartTexts {
  const version = context.settings.version;
  const name = partName(context.dataset.name, planned.id);
  const before = context.previous?.datasets[name];
  const inputKey = plannedKey(context, planned);
  if (inputKey !== undefined) {
    if (before?.key === inputKey && before.tables?.length === context.tables.length) {
      const taken = takeOver(context, planned.id, before.files);
      if (taken) return { ...taken, list: listOf(name, before), tables: before.tables, rows: needRows ? planned.derive().rows : undefined };
    }
    return makePart(context, planned.derive(), name, inputKey);
  }
  const part = planned.derive();
  const key = version === undefined ? undefined : partKey(context, part, version);
  if (key !== undefined && before?.key === key && before.tables?.length === context.tables.length) {
    const taken = takeOver(context, part.id, before.files);
    if (taken) return { ...taken, list: listOf(name, before), tables: before.tables, rows: part.rows };
  }
  return makePart(context, part, name, key);
}

/** A part taken over, for the next manifest: as the previous build recorded it. */
export function listOf(name: string, before: ManifestEntry): FileList {
  return { name, key: before.key, rows: before.rows, written: before.written, sums: before.files, problems: [], paths: before.files.map((file) => file.path), tables: before.tables };
}

function pathsOf(tables: Table[], id: string) {
  return tables.map((table) => ({ csv: `${partFolder(id)}/${table.name}.csv`, json: `${partFolder(id)}/${table.name}.json` }));
}

/** The header's bytes, the CSV's first line. */
const headerLength = (table: Table) => encoder.encode(csvPiece(table.schema.fields, [], true)).length;

/** A part's JSON records without `[\n` and `\n]\n` (an empty array has none). */
function jsonBody(bytes: Uint8Array): Uint8Array {
  return bytes.length <= 3 ? new Uint8Array(0) : bytes.subarray(2, bytes.length - 3);
}

/**
 * The previous build's files of a part, read back whole: undefined when any is missing, or,
 * unless it is the file recorded after that build was published, of another size or hash
 * (the part is then made again).
 */
function takeOver(context: PartContext, id: string, files: FileSum[]): Omit<PartTexts, 'list' | 'tables' | 'rows'> | undefined {
  const { sink, folder, tables, untouched } = context;
  if (!sink.previous || !sink.reuse) return undefined;
  const read = new Map<string, Uint8Array>();
  for (const file of files) {
    const path = `${folder}/${partFolder(id)}/${file.path}`;
    const bytes = sink.previous(path, 0, file.bytes);
    if (!bytes) return undefined;
    if (!untouched?.(path, file.bytes) && (sink.previous(path, file.bytes, file.bytes + 1) !== undefined || sha256(bytes) !== file.sha256)) return undefined;
    read.set(file.path, bytes);
  }
  const paths = pathsOf(tables, id);
  const csv: Uint8Array[] = [];
  const json: Uint8Array[] = [];
  for (const table of tables) {
    const csvBytes = read.get(`${table.name}.csv`);
    const jsonBytes = read.get(`${table.name}.json`);
    if (!csvBytes || !jsonBytes) return undefined;
    csv.push(csvBytes.subarray(headerLength(table)));
    json.push(jsonBody(jsonBytes));
  }
  for (const file of files) sink.reuse(`${folder}/${partFolder(id)}/${file.path}`);
  return { csv, json, paths, taken: true };
}

function makePart(context: PartContext, part: TablePart, name: string, key: string | undefined): PartTexts {
  const { tables, sink, folder, urls } = context;
  const checker = tableChecker(tables);
  const written: WrittenFile[] = [];
  const sums: FileSum[] = [];
  const csv: Uint8Array[] = [];
  const json: Uint8Array[] = [];
  const put = (path: string, bytes: Uint8Array, record?: Omit<WrittenFile, 'path' | 'bytes' | 'sha256'>) => {
    sink.put(`${folder}/${partFolder(part.id)}/${path}`, bytes);
    const sum = { path, bytes: bytes.length, sha256: sha256(bytes) };
    sums.push(sum);
    if (record) written.push({ ...sum, ...record });
  };
  let rows = 0;
  tables.forEach((table, at) => {
    const some = part.rows[at]!;
    rows += some.length;
    const header = csvPiece(table.schema.fields, [], true);
    const body = csvPiece(table.schema.fields, some, false);
    checker.feed(at, header);
    checker.feed(at, body);
    checker.end(at);
    const csvBytes = encoder.encode(header + body);
    put(`${table.name}.csv`, csvBytes, { format: 'CSV', mediatype: 'text/csv', table });
    const pieces = jsonPieces(table.schema.fields);
    const jsonBytes = encoder.encode(pieces.rows(some) + pieces.end());
    put(`${table.name}.json`, jsonBytes, { format: 'JSON', mediatype: 'application/json', table });
    csv.push(csvBytes.subarray(encoder.encode(header).length));
    json.push(jsonBody(jsonBytes));
  });
  const problems = checker.finish().map((finding) => `${name}/${finding.resource}.csv: ${finding.message}`);
  const descriptor = partPackage(context.dataset, part, written, urls);
  for (const problem of checkDataPackage(descriptor)) problems.push(`${name}/datapackage.json: ${problem}`);
  put('datapackage.json', encoder.encode(JSON.stringify(descriptor, null, 2) + '\n'));
  const records = written.map((file) => ({ ...file, table: file.table?.name }));
  const kept = part.rows.map((some) => ({ rows: some.length, first: some.slice(0, context.keep) }));
  return {
    list: { name, rows, written: records, problems, paths: sums.map((sum) => sum.path), ...(key === undefined ? {} : { key, sums, tables: kept }) },
    csv,
    json,
    paths: pathsOf(tables, part.id),
    taken: false,
    tables: kept,
    rows: part.rows,
  };
}
