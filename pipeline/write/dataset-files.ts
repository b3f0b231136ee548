/**
 * One dataset → its folder of files: CSV and JSON per table, the workbook, datapackage.json,
 * the CKAN package, the passport and the structure, each checked and hashed once. A pure
 * function of the dataset, so it can run on another thread and its result can be kept.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTables, type TableFinding } from '../formats/table-check.ts';
import { writeXlsx, type XlsxSheet } from '../formats/xlsx.ts';
import { changesTable } from '../history/log.ts';
import type { Dataset, Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { tableToCsv } from './csv.ts';
import { tableToJson } from './json.ts';
import { datasetPiece, datasetTurtle, type CataloguePiece, type PieceRanges } from './dcat.ts';
import { ckanPackage, dataPackage, passport, passportCsv, structureCsv, type WrittenFile } from './package.ts';
import { checkDataPackage } from './profile.ts';
import type { FileSum } from './reuse.ts';
import type { WriterSettings } from './writers.ts';

/** A written file as it crosses threads: the table by name rather than by reference. */
export type FileRecord = Omit<WrittenFile, 'table'> & { table: string | undefined };

export interface DatasetFiles {
  name: string;
  /** Paths inside the dataset's folder, with their bytes. */
  files: { path: string; bytes: Uint8Array }[];
  written: FileRecord[];
  rows: number;
  /** Self-check failures. */
  problems: string[];
  /** Files taken over from the previous build instead of made (write/reuse.ts). */
  reused?: string[];
  /** Files the thread that made them wrote to disk itself (`files` is then empty). */
  stored?: { paths: string[]; bytes: number };
  /** The hash the files were made under, for the next build's manifest. */
  key?: string;
  /** Each file's size and hash, in the order of `files` (or of the files taken over), for the next build's manifest. */
  sums?: FileSum[];
  /** The dataset's piece of the DCAT catalogue, read back and checked (not for files taken over). */
  catalogue?: CataloguePiece;
  /** For files taken over: where the previous build wrote the dataset's piece of the catalogue. */
  previousPiece?: PieceRanges | undefined;
}

const encoder = new TextEncoder();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook past this size is of no use in a spreadsheet; its CSV and JSON carry the same tables. */
export const WORKBOOK_ROW_LIMIT = 200_000;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A list of files made in memory, and how to add one: text is stored as UTF-8. */
export function fileList(): { files: DatasetFiles['files']; put: (path: string, content: string | Uint8Array) => Uint8Array } {
  const files: DatasetFiles['files'] = [];
  const put = (path: string, content: string | Uint8Array) => {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    files.push({ path, bytes });
    return bytes;
  };
  return { files, put };
}

/**
 * The files written into `folder` by the thread that made them, their bytes let go: the
 * thread that hands datasets out then spends no time on them.
 */
export function storeFiles(made: DatasetFiles, folder: string): DatasetFiles {
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (const file of made.files) {
    writeFileSync(join(folder, file.path), file.bytes);
    bytes += file.bytes.length;
  }
  return { ...made, files: [], stored: { paths: made.files.map((file) => file.path), bytes } };
}

export function writeDatasetFiles(dataset: Dataset, urls: Urls, settings: Pick<WriterSettings, 'portalTitle' | 'portalContact' | 'publisherContacts'>): DatasetFiles {
  const { files, put } = fileList();
  const written: WrittenFile[] = [];

  const csvTexts: { name: string; schema: Table['schema']; csv: string }[] = [];
  for (const table of dataset.tables) {
    const csv = tableToCsv(table);
    csvTexts.push({ name: table.name, schema: table.schema, csv });
    const csvBytes = put(`${table.name}.csv`, csv);
    written.push({ path: `${table.name}.csv`, bytes: csvBytes.length, sha256: sha256(csvBytes), format: 'CSV', mediatype: 'text/csv', table });
    const jsonBytes = put(`${table.name}.json`, tableToJson(table));
    written.push({ path: `${table.name}.json`, bytes: jsonBytes.length, sha256: sha256(jsonBytes), format: 'JSON', mediatype: 'application/json', table });
  }
  const rows = dataset.tables.reduce((n, table) => n + table.rows.length, 0);
  const findings = checkTables(csvTexts);
  return { name: dataset.name, files, rows, ...describeDataset(dataset, rows, written, findings, urls, settings, put) };
}

/**
 * What follows the tables' CSV and JSON: the workbook (from the rows the dataset holds, when
 * it is small enough for one), the check's findings as problems, the descriptions, and the
 * dataset's piece of the catalogue.
 */
export function describeDataset(
  dataset: Dataset,
  rows: number,
  written: WrittenFile[],
  findings: TableFinding[],
  urls: Urls,
  settings: Pick<WriterSettings, 'portalTitle' | 'portalContact' | 'publisherContacts'>,
  put: (path: string, content: string | Uint8Array) => Uint8Array,
): Pick<DatasetFiles, 'written' | 'problems'> & { catalogue: CataloguePiece } {
  const problems: string[] = [];
  // Excel stops at 1 048 576 rows a sheet, and long before that a workbook is no help.
  if (rows <= WORKBOOK_ROW_LIMIT) {
    const workbook = put(`${dataset.name}.xlsx`, writeXlsx(workbookSheets(dataset, urls), { created: dataset.modified, title: dataset.title, creator: dataset.publisher?.name.uk ?? settings.portalTitle }));
    written.push({ path: `${dataset.name}.xlsx`, bytes: workbook.length, sha256: sha256(workbook), format: 'XLSX', mediatype: XLSX_TYPE, table: undefined });
  }

  for (const finding of findings) {
    // The message names the row and field itself.
    problems.push(`${dataset.name}/${finding.resource}.csv: ${finding.message}`);
  }
  const descriptor = dataPackage(dataset, written, urls, settings);
  for (const problem of checkDataPackage(descriptor)) problems.push(`${dataset.name}/datapackage.json: ${problem}`);
  put('datapackage.json', JSON.stringify(descriptor, null, 2) + '\n');
  put('package.json', JSON.stringify(ckanPackage(dataset, written, urls, settings), null, 2) + '\n');
  const lines = passport(dataset, written, urls);
  put('passport.json', JSON.stringify(lines, null, 2) + '\n');
  put('passport.csv', passportCsv(lines));
  put('structure.csv', structureCsv(dataset));
  put('dataset.ttl', datasetTurtle(dataset, written, urls, settings));
  // What changed in the data between published versions, for reusers as for the page.
  put('changes.csv', tableToCsv(changesTable(dataset)));
  put('changes.json', JSON.stringify(dataset.changes, null, 2) + '\n');
  const catalogue = datasetPiece(dataset, written, urls, settings);
  for (const problem of catalogue.problems) problems.push(`catalog: ${problem}`);
  return { written: written.map((file) => ({ ...file, table: file.table?.name })), problems, catalogue: catalogue.piece };
}

const TYPE_WORDS: Record<XlsxSheet['columns'][number]['type'], string> = {
  string: 'текст',
  number: 'число',
  integer: 'ціле число',
  boolean: 'так або ні',
  date: 'дата',
  year: 'рік',
  datetime: 'дата й час',
};

/** A sheet per table, then the data dictionary and the sources, for spreadsheet readers. */
function workbookSheets(dataset: Dataset, urls: Urls): XlsxSheet[] {
  // Sheets are named by the tables' Ukrainian titles. Each table's sheet is a Data Package
  // resource whose header row must be the schema's field names, so a reader's Ukrainian titles
  // stand in a row above it (the resource's dialect marks that row as a comment), and the
  // dictionary sheet describes every column.
  const sheets: XlsxSheet[] = dataset.tables.map((table) => ({
    name: table.title,
    columns: table.schema.fields.map((field) => ({ title: field.name, label: field.title, type: field.type })),
    rows: table.rows.map((row) => table.schema.fields.map((field) => row[field.name] ?? null)),
  }));
  sheets.push({
    name: 'Словник даних',
    columns: [
      { title: 'Таблиця', type: 'string' },
      { title: 'Стовпець (у CSV і на аркуші)', type: 'string' },
      { title: 'Назва стовпця', type: 'string' },
      { title: 'Тип', type: 'string' },
      { title: 'Опис', type: 'string', width: 80 },
    ],
    rows: dataset.tables.flatMap((table) => table.schema.fields.map((field) => [table.title, field.name, field.title, TYPE_WORDS[field.type], field.description])),
  });
  sheets.push({
    name: 'Джерела',
    columns: [
      { title: 'Документ', type: 'string' },
      { title: 'Назва', type: 'string', width: 80 },
      { title: 'Номер', type: 'string' },
      { title: 'Дата', type: 'date' },
      { title: 'Сторінка', type: 'string' },
    ],
    rows: [
      ...dataset.sources.map((source) => [source.id, source.title, source.number ?? null, source.date ?? null, source.path]),
      ['Набір даних', dataset.title, null, null, urls.dataset(dataset.name)],
      ['Ліцензія', 'Creative Commons Attribution 4.0 International', null, null, 'https://creativecommons.org/licenses/by/4.0/'],
    ],
  });
  return sheets;
}
