/**
 * Every published package, read as a Data Package reader reads it: every resource is
 * described by a Table Schema (the workbook's sheets too, so nothing is guessed), and no
 * primary or foreign key has a partly empty value. frictionless-py skips a foreign key only
 * when all its parts are empty and looks a partly empty one up whole, which matches nothing.
 */
import { strFromU8, unzipSync } from 'fflate';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';

const root = join(import.meta.dirname, '..', '..');
type Tree = Map<string, Uint8Array>;

interface Resource {
  name: string;
  path: string | string[];
  format: string;
  dialect?: { sheetNumber?: number; headerRows?: number[]; commentRows?: number[]; excel?: { sheet?: number } };
  schema?: {
    fields: { name: string; type: string; title?: string }[];
    missingValues?: string[];
    primaryKey?: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}

function goldenTree(folder: string): Tree {
  const tree: Tree = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else tree.set(relative(folder, path), readFileSync(path));
    }
  };
  walk(folder);
  return tree;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function packages(tree: Tree): [string, Resource[]][] {
  return [...tree.keys()]
    .filter((path) => path.endsWith('/datapackage.json'))
    .map((path) => [path.slice(0, -'datapackage.json'.length), (JSON.parse(text(tree.get(path)!)) as { resources: Resource[] }).resources]);
}

/** The rows of a CSV resource, cells as text, with missing values as null. */
function csvRows(tree: Tree, folder: string, resource: Resource): Record<string, string | null>[] {
  const missing = new Set(resource.schema?.missingValues ?? ['']);
  // A table in parts (Data Package v2 multipart) is its parts' rows one after another, each part with its header.
  const paths = Array.isArray(resource.path) ? resource.path : [resource.path];
  const data = paths.flatMap((path) => Papa.parse<Record<string, string>>(text(tree.get(folder + path)!), { header: true, skipEmptyLines: true }).data);
  return data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, missing.has(v) ? null : v])));
}

/** A sheet's cells as a spreadsheet reader sees them: shared strings resolved, each with its kind. */
function sheetRows(workbook: Uint8Array, number: number): { kind: 's' | 'n' | 'b' | 'str'; value: string }[][] {
  const files = unzipSync(workbook);
  const strings = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<si><t(?: xml:space="preserve")?>(.*?)<\/t><\/si>/gs)].map((m) => m[1]!);
  const xml = strFromU8(files[`xl/worksheets/sheet${number}.xml`]!);
  const column = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((row) => {
    const cells: { kind: 's' | 'n' | 'b' | 'str'; value: string }[] = [];
    for (const c of row[1]!.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><v>(.*?)<\/v><\/c>/g)) {
      const t = /t="(\w+)"/.exec(c[2]!)?.[1] ?? 'n';
      cells[column(c[1]!)] = t === 's' ? { kind: 's', value: strings[Number(c[3])]! } : { kind: t as 'n' | 'b' | 'str', value: c[3]! };
    }
    return cells;
  });
}

const history = fixedHistory('2024-05-01T12:00:00Z');
const built = await buildPortal({ files: diskSources(join(root, 'datasets')), history });
if (!built.ok) throw new Error(JSON.stringify(built.problems, null, 2));
const trees: [string, Tree][] = [
  ['the portal built from datasets/', new Map([...built.tree].filter(([path]) => path.startsWith('public/')))],
  ...readdirSync(join(root, 'pipeline', 'golden', 'cases')).map((name): [string, Tree] => [`golden case ${name}`, goldenTree(join(root, 'pipeline', 'golden', 'cases', name, 'expected'))]),
];

describe.each(trees)('%s', (_, tree) => {
  const all = packages(tree);

  it('has packages with a workbook', () => {
    expect(all.length).toBeGreaterThan(2);
    expect(all.filter(([, resources]) => resources.some((r) => r.format === 'xlsx')).length).toBeGreaterThan(2);
  });

  it('describes every resource, every sheet of the workbook included, with a Table Schema', () => {
    for (const [folder, resources] of all) {
      for (const resource of resources) expect(resource.schema?.fields.length, `${folder}${resource.name}`).toBeGreaterThan(0);
    }
  });

  it('fills every part of every primary key, and every foreign key in full or not at all', () => {
    const partial: string[] = [];
    let keysRead = 0;
    for (const [folder, resources] of all) {
      for (const resource of resources.filter((r) => r.format === 'csv')) {
        const keys = [...(resource.schema!.primaryKey ? [{ fields: resource.schema!.primaryKey, primary: true }] : []), ...(resource.schema!.foreignKeys ?? []).map((fk) => ({ fields: fk.fields, primary: false }))];
        csvRows(tree, folder, resource).forEach((row, index) => {
          for (const key of keys) {
            const empty = key.fields.filter((name) => row[name] === null).length;
            keysRead++;
            if (empty > 0 && (key.primary || empty < key.fields.length)) partial.push(`${folder}${resource.path} row ${index + 1}: (${key.fields.join(', ')}) = (${key.fields.map((name) => row[name] ?? '').join(', ')})`);
          }
        });
      }
    }
    expect(keysRead).toBeGreaterThan(20);
    expect(partial).toEqual([]);
  });

  it('points each workbook resource at the sheet of its table, whose header and cells fit the schema', () => {
    for (const [folder, resources] of all) {
      const csv = resources.filter((r) => r.format === 'csv');
      for (const resource of resources.filter((r) => r.format === 'xlsx')) {
        const table = csv.find((r) => `workbook-${r.name}` === resource.name)!;
        expect(table, resource.name).toBeDefined();
        expect(resource.schema!.fields).toEqual(table.schema!.fields);
        expect(resource.schema!.primaryKey).toEqual(table.schema!.primaryKey);
        for (const fk of resource.schema!.foreignKeys ?? []) expect(fk.reference.resource).toMatch(/^workbook-/);
        const number = resource.dialect!.sheetNumber!;
        expect(resource.dialect!.excel!.sheet).toBe(number);
        // Read as the dialect tells a reader to: the header in its row, comment rows left out.
        expect(resource.dialect!.headerRows).toEqual([2]);
        expect(resource.dialect!.commentRows).toEqual([1]);
        const [labels, header, ...rows] = sheetRows(tree.get(folder + resource.path)!, number);
        expect(header!.map((cell) => cell.value)).toEqual(resource.schema!.fields.map((f) => f.name));
        // The row a person reads first titles every column in Ukrainian.
        expect(labels!.map((cell) => cell.value)).toEqual(resource.schema!.fields.map((f) => f.title));
        expect(rows.length).toBe(csvRows(tree, folder, table).length);
        for (const row of rows) {
          resource.schema!.fields.forEach((field, c) => {
            const cell = row[c];
            if (!cell) return;
            const expected = { string: ['s'], number: ['n'], integer: ['n'], year: ['n'], boolean: ['b'], date: ['n', 's'], datetime: ['n'] }[field.type]!;
            expect(expected, `${resource.name} ${field.name} ${JSON.stringify(cell)}`).toContain(cell.kind);
            if (field.type === 'integer' || field.type === 'year') expect(cell.value).toMatch(/^-?\d+$/);
          });
        }
      }
    }
  });
});
