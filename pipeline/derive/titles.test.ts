/**
 * Column titles are what spreadsheet and preview readers see as headers: every table's
 * titles are Ukrainian and tell its columns apart.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { makeUrls } from '../publish/urls.ts';
import type { Table } from '../publish/types.ts';
import { deriveDatasets } from './datasets.ts';

async function tablesOf(sources: string): Promise<Table[]> {
  const checked = await checkSources(diskSources(sources));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 3)));
  const derivation = deriveDatasets({ ...checked, history: fixedHistory('2024-01-01T00:00:00Z'), urls: makeUrls('https://portal.test', '/') });
  return [...derivation.datasets, derivation.portal.dataset].flatMap((dataset) => dataset.tables);
}

describe('column titles', () => {
  it.each(['programme-and-execution', 'indicators-and-mismatch'])('of every table in %s are distinct and in Ukrainian', async (name) => {
    const tables = await tablesOf(join(import.meta.dirname, '..', 'golden', 'cases', name, 'sources'));
    expect(tables.length).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const table of tables) {
      const titles = table.schema.fields.map((field) => field.title);
      for (const title of titles.filter((title, i) => titles.indexOf(title) !== i)) problems.push(`${table.name}: «${title}» twice`);
      const texts = [table.title, table.description, ...titles, ...table.schema.fields.map((f) => f.description)];
      for (const text of texts.filter((text) => /[a-z]{2,}/i.test(text.replace(/\b(CSV|JSON|XLSX|UUID|URL|CC BY)\b/g, '')))) problems.push(`${table.name}: «${text}»`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
