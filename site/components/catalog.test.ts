import { describe, expect, it } from 'vitest';
import type { SiteDatasetSummary } from '../lib/data.ts';
import { facetOptions, matches, sortByModified } from './catalog.ts';

const dataset = (name: string, publisher: string, themes: string[], years: number[], formats: string[], modified: string) =>
  ({ name, title: name, publisher: { id: publisher, title: publisher.toUpperCase() }, themes, years, modified, files: formats.map((format) => ({ format })) }) as unknown as SiteDatasetSummary;

const all = [
  dataset('a', 'kryvyi-rih', ['GOVE', 'ECON'], [2022, 2023, 2023], ['CSV', 'JSON', 'XLSX'], '2024-01-02T00:00:00Z'),
  dataset('b', 'kryvyi-rih', ['GOVE'], [2023], ['CSV', 'JSON'], '2024-01-03T00:00:00Z'),
  dataset('c', 'kropyvnytskyi', ['SOCI'], [2021], ['CSV', 'JSON', 'XLSX'], '2024-01-01T00:00:00Z'),
];

describe('facetOptions', () => {
  it('counts, for each value, the datasets its facet page lists', () => {
    const options = facetOptions(all);
    for (const list of Object.values(options)) {
      for (const option of list) expect(option.count, `${option.facet}=${option.value}`).toBe(all.filter((d) => matches(d, option.facet, option.value)).length);
    }
    expect(options.year.map((o) => [o.value, o.count])).toEqual([['2023', 2], ['2022', 1], ['2021', 1]]);
    expect(options.format.map((o) => [o.value, o.count])).toEqual([['csv', 3], ['json', 3], ['xlsx', 2]]);
    expect(options.publisher.map((o) => o.label)).toEqual(['KROPYVNYTSKYI', 'KRYVYI-RIH']);
  });

  it('works a list out once, however many pages ask', () => {
    expect(facetOptions(all)).toBe(facetOptions(all));
    const sorted = sortByModified(all);
    expect(sorted.map((d) => d.name)).toEqual(['b', 'a', 'c']);
    expect(sortByModified(all)).toBe(sorted);
    expect(sortByModified(sorted)).toBe(sorted);
  });
});
