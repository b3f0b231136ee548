/**
 * Stage 6, write: datasets → every published file, each checked and hashed once when it is
 * made, then handed to the sink (a staging folder on disk, or memory in tests).
 *
 *   public/  what the site serves as is: datasets/{name}/…, catalog.ttl, catalog.jsonld,
 *            data.json, sitemap.xml, feed.xml
 *   site/    the JSON the site's pages read
 */
import { createHash } from 'node:crypto';
import { checkTables } from '../formats/table-check.ts';
import { writeXlsx, type XlsxSheet } from '../formats/xlsx.ts';
import type { History } from '../io/history.ts';
import type { Sink } from '../io/output.ts';
import type { Model } from '../model/types.ts';
import type { Dataset, Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { tableToCsv } from './csv.ts';
import { buildCatalogue, checkCatalogue } from './dcat.ts';
import { atomFeed, dataJson, sitemap, sitePages } from './feeds.ts';
import { tableToJson } from './json.ts';
import { ckanPackage, dataPackage, passport, passportCsv, structureCsv, type WrittenFile } from './package.ts';
import { checkDataPackage } from './profile.ts';

export interface PublishInput {
  model: Model;
  datasets: Dataset[];
  urls: Urls;
  history: History;
  sink: Sink;
}

export interface DatasetSummary {
  name: string;
  resources: number;
  rows: number;
  bytes: number;
}

export interface Publication {
  files: Map<string, WrittenFile[]>;
  summary: DatasetSummary[];
  /** Self-check failures: a non-empty list stops the build. */
  problems: string[];
}

const encoder = new TextEncoder();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WORKBOOK_ROW_LIMIT = 200_000;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function publish({ model, datasets, urls, history, sink }: PublishInput): Publication {
  const files = new Map<string, WrittenFile[]>();
  const summary: DatasetSummary[] = [];
  const problems: string[] = [];
  const put = (path: string, content: string | Uint8Array) => {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    sink.put(path, bytes);
    return bytes;
  };

  for (const dataset of datasets) {
    const folder = `public/datasets/${dataset.name}`;
    const written: WrittenFile[] = [];
    const csvTexts: { name: string; schema: Table['schema']; csv: string }[] = [];
    for (const table of dataset.tables) {
      const csv = tableToCsv(table);
      csvTexts.push({ name: table.name, schema: table.schema, csv });
      const csvBytes = put(`${folder}/${table.name}.csv`, csv);
      written.push({ path: `${table.name}.csv`, bytes: csvBytes.length, sha256: sha256(csvBytes), format: 'CSV', mediatype: 'text/csv', table });
      const jsonBytes = put(`${folder}/${table.name}.json`, tableToJson(table));
      written.push({ path: `${table.name}.json`, bytes: jsonBytes.length, sha256: sha256(jsonBytes), format: 'JSON', mediatype: 'application/json', table });
    }
    const rows = dataset.tables.reduce((n, table) => n + table.rows.length, 0);
    // A workbook past this size is of no use in a spreadsheet (Excel stops at 1 048 576 rows
    // a sheet); its CSV and JSON carry the same tables.
    if (rows <= WORKBOOK_ROW_LIMIT) {
      const workbook = put(`${folder}/${dataset.name}.xlsx`, writeXlsx(workbookSheets(dataset, urls), { created: dataset.modified, title: dataset.title, creator: dataset.publisher?.name.uk ?? model.portal?.title ?? '' }));
      written.push({ path: `${dataset.name}.xlsx`, bytes: workbook.length, sha256: sha256(workbook), format: 'XLSX', mediatype: XLSX_TYPE, table: undefined });
    }
    files.set(dataset.name, written);

    for (const finding of checkTables(csvTexts)) {
      problems.push(`${dataset.name}/${finding.resource}.csv${finding.row !== undefined ? ` row ${finding.row}` : ''}${finding.field ? ` field ${finding.field}` : ''}: ${finding.message}`);
    }
    const descriptor = dataPackage(dataset, written, urls);
    for (const problem of checkDataPackage(descriptor)) problems.push(`${dataset.name}/datapackage.json: ${problem}`);
    put(`${folder}/datapackage.json`, JSON.stringify(descriptor, null, 2) + '\n');
    put(`${folder}/package.json`, JSON.stringify(ckanPackage(dataset, written, urls), null, 2) + '\n');
    const lines = passport(dataset, written, urls);
    put(`${folder}/passport.json`, JSON.stringify(lines, null, 2) + '\n');
    put(`${folder}/passport.csv`, passportCsv(lines));
    put(`${folder}/structure.csv`, structureCsv(dataset));
    summary.push({
      name: dataset.name,
      resources: dataset.tables.length,
      rows: dataset.tables.reduce((n, table) => n + table.rows.length, 0),
      bytes: written.reduce((n, file) => n + file.bytes, 0),
    });
  }

  const filesOf = (dataset: Dataset) => files.get(dataset.name) ?? [];
  const catalogue = buildCatalogue(model, datasets, filesOf, urls, history.buildTime);
  problems.push(...checkCatalogue(catalogue).map((problem) => `catalog: ${problem}`));
  put('public/catalog.ttl', catalogue.turtle);
  put('public/catalog.jsonld', catalogue.jsonld);
  put('public/data.json', dataJson(model, datasets, filesOf, urls));
  put('public/datasets/package_list.json', JSON.stringify({ help: urls.absolute('datasets/package_list.json'), success: true, result: datasets.map((d) => d.name) }, null, 2) + '\n');
  put('public/sitemap.xml', sitemap(sitePages(model, datasets, urls)));
  put('public/feed.xml', atomFeed(model, datasets, urls, history.buildTime));
  return { files, summary, problems };
}

/** A sheet per table, then the data dictionary and the sources, for spreadsheet readers. */
function workbookSheets(dataset: Dataset, urls: Urls): XlsxSheet[] {
  const sheets: XlsxSheet[] = dataset.tables.map((table) => ({
    name: table.name,
    columns: table.schema.fields.map((field) => ({ title: field.name, type: field.type })),
    rows: table.rows.map((row) => table.schema.fields.map((field) => row[field.name] ?? null)),
  }));
  sheets.push({
    name: 'Словник даних',
    columns: [
      { title: 'Таблиця', type: 'string' },
      { title: 'Поле', type: 'string' },
      { title: 'Назва', type: 'string' },
      { title: 'Тип', type: 'string' },
      { title: 'Опис', type: 'string', width: 80 },
    ],
    rows: dataset.tables.flatMap((table) => table.schema.fields.map((field) => [table.name, field.name, field.title, field.type, field.description])),
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
