/**
 * A published table as the browser loads it on request: its rows from the CSV (parsed with
 * papaparse, imported only then) and its fields from datapackage.json, the same Table
 * Schema the files are checked against.
 */
import type { SiteTable } from '../lib/data.ts';

type Field = SiteTable['fields'][number];
import type { Row } from './preview.ts';

export interface LoadedTable {
  fields: Field[];
  rows: Row[];
}

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

export async function loadTable(packageUrl: string, table: string, csvUrl: string): Promise<LoadedTable> {
  const [Papa, pkg, csv] = await Promise.all([import('papaparse').then((m) => m.default), text(packageUrl), text(csvUrl)]);
  const resources = (JSON.parse(pkg) as { resources: { name: string; schema?: { fields: Field[] } }[] }).resources;
  const fields = resources.find((r) => r.name === table)?.schema?.fields;
  if (!fields) throw new Error(`datapackage.json: немає таблиці ${table}`);
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const rows = parsed.data.map((record) => Object.fromEntries(fields.map((f) => [f.name, record[f.name] === '' || record[f.name] === undefined ? null : record[f.name]!])));
  return { fields, rows };
}
