/**
 * The key under which a dataset's files are taken over by the next build: any change to
 * what the files say, data or description alone, gives another key, so an edited title is
 * never published under the old one.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../publish/types.ts';
import { datasetKey } from './reuse.ts';
import type { WriterSettings } from './writers.ts';

const settings: WriterSettings = { siteUrl: 'https://dani.example.gov.ua', basePath: '/', portalTitle: 'Відкриті дані', portalContact: { name: 'Відділ', email: 'data@example.gov.ua' } };

const dataset: Dataset = {
  name: 'budget-2023',
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'indicators',
  title: 'Бюджет 2023',
  description: 'Видатки за 2023 рік',
  keywords: ['бюджет'],
  themes: ['GOVE'],
  frequency: 'once a year',
  purpose: 'Звіт',
  publisher: undefined,
  temporal: { start: '2023-01-01', end: '2023-12-31' },
  created: '2024-01-01T00:00:00Z',
  modified: '2024-01-01T00:00:00Z',
  version: '1.0.0',
  sources: [],
  tables: [
    {
      name: 'spending',
      title: 'Видатки',
      description: 'Видатки за напрямами',
      schema: { fields: [{ name: 'year', type: 'year', title: 'Рік', description: 'Рік' }], missingValues: [''] },
      rows: [{ year: '2023' }],
    },
  ],
  changes: [],
};

const key = (changed: Partial<Dataset>, other: Partial<WriterSettings> = {}, version = 'code-1') => datasetKey({ ...dataset, ...changed }, { ...settings, ...other }, version);
const table = dataset.tables[0]!;

describe('the incremental-build key of a dataset', () => {
  it('is the same for the same dataset, settings and code, a sha256 in hex', () => {
    expect(key({})).toBe(key({}));
    expect(key({})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with a change to the description alone: title, description, keywords, modified time', () => {
    const base = key({});
    for (const change of [{ title: 'Бюджет 2023 року' }, { description: 'Видатки' }, { keywords: ['бюджет', 'видатки'] }, { modified: '2024-02-01T00:00:00Z' }] as Partial<Dataset>[]) {
      expect(key(change), JSON.stringify(change)).not.toBe(base);
    }
  });

  it("changes with a change to a table's metadata alone: its title, a field's description", () => {
    const base = key({});
    expect(key({ tables: [{ ...table, title: 'Видатки бюджету' }] })).not.toBe(base);
    const fields = [{ ...table.schema.fields[0]!, description: 'Бюджетний рік' }];
    expect(key({ tables: [{ ...table, schema: { ...table.schema, fields } }] })).not.toBe(base);
  });

  it('changes with the rows, their number, the settings and the code', () => {
    const base = key({});
    expect(key({ tables: [{ ...table, rows: [{ year: '2024' }] }] })).not.toBe(base);
    expect(key({ tables: [{ ...table, rows: [{ year: '2023' }, { year: '2023' }] }] })).not.toBe(base);
    expect(key({}, { siteUrl: 'https://other.example.gov.ua' })).not.toBe(base);
    expect(key({}, { basePath: '/dani/' })).not.toBe(base);
    expect(key({}, { portalTitle: 'Дані міста' })).not.toBe(base);
    expect(key({}, { portalContact: undefined })).not.toBe(base);
    expect(key({}, {}, 'code-2')).not.toBe(base);
  });

  it('does not change with a setting the files do not carry (the version field of the settings)', () => {
    expect(key({}, { version: 'something else' })).toBe(key({}));
  });

  describe('of a table of thousands of rows', () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => ({ year: String(1000 + i) }));
    const big = { ...table, rows };
    const changedAt = (at: number) => key({ tables: [{ ...big, rows: rows.map((row, i) => (i === at ? { year: 'змінено' } : row)) }] });

    it('changes with a row in any piece of two thousand, the first, a middle or the last', () => {
      const base = key({ tables: [big] });
      for (const at of [0, 1_999, 2_000, 3_999, 4_000, 4_499]) expect(changedAt(at), `row ${at}`).not.toBe(base);
    });

    it('is the SHA-256 of the settings and description, then of each table: its metadata, its row count between line breaks, its rows two thousand at a time', () => {
      const { tables: _tables, ...description } = dataset;
      const { rows: _rows, ...metadata } = big;
      const hash = createHash('sha256')
        .update(JSON.stringify(['code-1', settings.siteUrl, settings.basePath, settings.portalTitle, settings.portalContact, [], description]))
        .update(JSON.stringify(metadata))
        .update('\n4500\n')
        .update(JSON.stringify(rows.slice(0, 2_000)))
        .update(JSON.stringify(rows.slice(2_000, 4_000)))
        .update(JSON.stringify(rows.slice(4_000)));
      expect(key({ tables: [big] })).toBe(hash.digest('hex'));
      // Without a contact or publishers' contacts: null and no contacts in their place.
      const bare = createHash('sha256')
        .update(JSON.stringify(['code-1', settings.siteUrl, settings.basePath, settings.portalTitle, null, [], description]))
        .update(JSON.stringify(metadata))
        .update('\n0\n');
      expect(key({ tables: [{ ...big, rows: [] }] }, { portalContact: undefined })).toBe(bare.digest('hex'));
    });
  });
});
