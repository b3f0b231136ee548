/**
 * The portal-wide package made a chunk at a time: the same files as made from all its rows at
 * once, however the rows are cut, and the same rows as the tables derived whole.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { observationsTable, documentsTable, qualityNotesTable, statedTotalsTable } from '../derive/common-tables.ts';
import { deriveDatasets, type StreamedDataset } from '../derive/datasets.ts';
import { programmeTables } from '../derive/programme-tables.ts';
import { orderResults, resultTables } from '../derive/result-tables.ts';
import { generateCorpus } from '../generate/corpus.ts';
import { memorySources, diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { memorySink } from '../io/output.ts';
import type { Dataset, Row } from '../publish/types.ts';
import { makeUrls } from '../publish/urls.ts';
import { writeDatasetFiles } from './dataset-files.ts';
import { streamDatasetFiles } from './dataset-stream.ts';

const urls = makeUrls('https://portal.example.org', '/');
const history = fixedHistory('2024-05-01T12:00:00Z');
const settings = { siteUrl: urls.siteUrl, basePath: urls.basePath, portalTitle: 'Портал', version: 'code-1' };

async function portalOf(files: Parameters<typeof checkSources>[0]) {
  const checked = await checkSources(files);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 2)));
  return { checked, portal: deriveDatasets({ model: checked.model, reconciliation: checked.reconciliation, history, urls }).portal };
}

/** Every row of every table, the parts then the chunks read through. */
function withRows({ dataset, parts, groups }: StreamedDataset): Dataset {
  const parted: Row[][] = (parts?.tables ?? []).map(() => []);
  for (const part of parts?.parts() ?? []) part.derive().rows.forEach((some, at) => parted[at]!.push(...some));
  const rows = [...parted, ...groups.flatMap((group) => {
    const all: Row[][] = group.tables.map(() => []);
    for (const chunk of group.chunks()) chunk.forEach((some, at) => all[at]!.push(...some));
    return all;
  })];
  return { ...dataset, tables: dataset.tables.map((table, at) => ({ ...table, rows: rows[at]! })) };
}

/** The same rows, in one group per table, cut every `size` rows. */
function recut(dataset: Dataset, size: number): StreamedDataset {
  return {
    dataset: { ...dataset, tables: dataset.tables.map((table) => ({ ...table, rows: [] })) },
    groups: dataset.tables.map((table) => ({
      tables: [{ ...table, rows: [] }],
      *chunks() {
        for (let at = 0; at < table.rows.length; at += size) yield [table.rows.slice(at, at + size)];
      },
    })),
  };
}

function stream(streamed: StreamedDataset) {
  const sink = memorySink();
  const job = streamDatasetFiles(streamed, urls, settings, sink, 'out', 3);
  let pauses = 0;
  let next = job.next();
  while (!next.done) {
    pauses++;
    next = job.next();
  }
  for (const file of next.value.files.files) sink.put(`out/${file.path}`, file.bytes);
  return { ...next.value, pauses, tree: sink.tree };
}

describe('streamDatasetFiles', async () => {
  const { portal } = await portalOf(diskSources(join(import.meta.dirname, '..', 'fixtures', 'base')));
  const full = withRows(portal);
  const whole = writeDatasetFiles(full, urls, settings);
  const expected = new Map(whole.files.map((file) => [`out/${file.path}`, Buffer.from(file.bytes)]));

  it('writes the files writeDatasetFiles writes from all the rows, byte for byte, however the rows are cut', () => {
    expect(full.tables.reduce((n, table) => n + table.rows.length, 0)).toBeGreaterThan(30);
    for (const streamed of [portal, recut(full, 1), recut(full, 7)]) {
      const { tree, files } = stream(streamed);
      // The parts are beside the files; the descriptor names them (tested in portal-parts.test.ts).
      const paths = [...tree.keys()].filter((path) => !path.startsWith('out/parts/') && path !== 'out/datapackage.json');
      expect(paths.sort()).toEqual([...expected.keys()].filter((path) => path !== 'out/datapackage.json').sort());
      for (const path of paths) expect(Buffer.from(tree.get(path)!).equals(expected.get(path)!), path).toBe(true);
      expect(files.written.map(({ parts: _parts, ...file }) => file)).toEqual(whole.written);
      expect(files.problems).toEqual([]);
      expect(files.rows).toBe(whole.rows);
    }
  });

  it('pauses after every chunk and every part, so other work can run between them', () => {
    const rows = full.tables.reduce((n, table) => n + table.rows.length, 0);
    expect(stream(recut(full, 1)).pauses).toBe(rows);
  });

  it('keeps the first rows of each table and the count of all of them', () => {
    const { kept } = stream(portal);
    kept.tables.forEach((table, at) => {
      expect(table.rows).toEqual(full.tables[at]!.rows.slice(0, 3));
      expect(table.rowCount).toBe(full.tables[at]!.rows.length);
    });
  });

  it('gives a key that changes when any row changes, and only then', () => {
    const key = stream(portal).files.key;
    expect(stream(recut(full, 2)).files.key).toBe(key);
    const changed = { ...full, tables: full.tables.map((table, at) => (at === 0 ? { ...table, rows: [{ ...table.rows[0]!, title: 'Інша назва' }, ...table.rows.slice(1)] } : table)) };
    expect(stream(recut(changed, 2)).files.key).not.toBe(key);
  });

  it('reports a row that breaks its schema, at its row in the file', () => {
    const at = full.tables.findIndex((table) => table.name === 'observations');
    const broken = { ...full, tables: full.tables.map((table, i) => (i === at ? { ...table, rows: table.rows.map((row, r) => (r === 1 ? { ...row, unit_kind: 'kg' } : row)) } : table)) };
    const { files } = stream(recut(broken, 1));
    expect(files.problems).toHaveLength(1);
    expect(files.problems[0]).toBe('usi-dani-portalu/observations.csv: row 2, field "unit_kind": "kg" is not one of the allowed values "UAH", "percent", "count"');
  });
});

describe('the portal-wide package in parts', async () => {
  // Enough publishers for several parts.
  const { checked, portal } = await portalOf(memorySources(Object.fromEntries(generateCorpus({ datasets: 40, seed: 3 }))));
  const { model, reconciliation } = checked;

  it('has the rows the table functions give for the whole portal, in the same order', () => {
    const documents = new Map(model.documents.map((d) => [d.id, d]));
    const programmes = new Map(model.programmes.map((p) => [p.id, p]));
    const derivedWhole = [
      ...programmeTables(model.programmes, model.executions, documents, reconciliation.comparisons),
      ...resultTables(orderResults(model.observations.filter((o) => o.result), programmes), programmes),
      observationsTable(model.observations),
      statedTotalsTable(model.statedTotals, reconciliation),
      documentsTable(model.documents, urls.report),
      qualityNotesTable(reconciliation.notes),
    ].map((d) => d.table);
    expect([...portal.parts!.parts()].map((part) => part.id)).toEqual(model.publishers.map((p) => p.id));
    expect(model.publishers.length).toBeGreaterThan(2);
    const streamed = withRows(portal);
    derivedWhole.forEach((table, at) => {
      expect(streamed.tables[at]!.name).toBe(table.name);
      expect(streamed.tables[at]!.schema).toEqual(table.schema);
      expect(streamed.tables[at]!.rows).toEqual(table.rows);
    });
  });
});
