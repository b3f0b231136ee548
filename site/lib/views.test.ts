import { describe, expect, it } from 'vitest';
import type { SiteDatasetSummary, SiteProgrammeSummary, SitePublisher, SiteReportSummary } from './data.ts';
import { VIEWS, viewKey, viewOfKey, type Lists } from './views.ts';

const dataset = (name: string, publisher: string, modified: string, years: number[] = [2023]) =>
  ({ name, title: `Набір ${name}`, publisher: { id: publisher, title: `Рада ${publisher}` }, themes: ['GOVE'], years, modified, files: [{ format: 'CSV' }] }) as unknown as SiteDatasetSummary;

const report = (id: string, end: string, title = id) =>
  ({ id, title, kindTitle: 'Звіт', date: null, number: null, period: { start: '2023-01-01', end }, publisher: { id: 'p', title: 'Рада p' }, extra: 'not shown' }) as unknown as SiteReportSummary;

const lists = (datasets: SiteDatasetSummary[], reports: SiteReportSummary[] = []): Lists => ({
  datasets: () => datasets,
  reports: () => reports,
  programmes: () => [] as SiteProgrammeSummary[],
  publishers: () => [] as SitePublisher[],
});

describe('the facet view', () => {
  // 52 datasets of council «a», newest first a-51 … a-0, and one of council «b».
  const many = Array.from({ length: 52 }, (_, i) => dataset(`a-${i}`, 'a', `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:${String(i).padStart(2, '0')}Z`));
  const all = [...many, dataset('b-0', 'b', '2023-06-01T00:00:00Z', [2021])];

  it('shows one page of the value’s datasets, last change first, with the counts of the whole catalog', () => {
    const first = VIEWS.facet(lists(all), 'publisher', 'a', 1);
    expect(first.total).toBe(53);
    expect(first.items).toBe(52);
    expect(first.count).toBe(2);
    expect(first.label).toBe('Рада a');
    expect(first.shown).toHaveLength(50);
    // Day 28 is the latest; of the two datasets on it (i = 27 and 55 → only 27 exists), a-27 first.
    expect(first.shown[0]!.name).toBe('a-27');
    const second = VIEWS.facet(lists(all), 'publisher', 'a', 2);
    expect(second.shown.map((d) => d.name)).toEqual(['a-28', 'a-0']);
    expect(first.options.publisher.map((o) => [o.value, o.count])).toEqual([
      ['a', 52],
      ['b', 1],
    ]);
    expect(first.options.year.map((o) => [o.value, o.count])).toEqual([
      ['2023', 52],
      ['2021', 1],
    ]);
  });

  it('stays the same for another council’s facet when one council’s dataset changes', () => {
    const changed = all.map((d) => (d.name === 'a-3' ? { ...d, title: 'Нова назва', modified: '2025-01-01T00:00:00Z' } : d));
    expect(VIEWS.facet(lists(changed), 'publisher', 'b', 1)).toEqual(VIEWS.facet(lists(all), 'publisher', 'b', 1));
    const before = VIEWS.facet(lists(all), 'publisher', 'a', 1);
    const after = VIEWS.facet(lists(changed), 'publisher', 'a', 1);
    expect(after.shown[0]!.title).toBe('Нова назва');
    expect(after).not.toEqual(before);
  });

  it('changes with the facet value’s name, which the page’s title shows', () => {
    const renamed = all.map((d) => (d.name === 'b-0' ? { ...d, publisher: { id: 'b', title: 'Рада Б' } } : d));
    expect(VIEWS.facet(lists(renamed), 'publisher', 'b', 1).label).toBe('Рада Б');
  });
});

describe('the catalog view', () => {
  it('shows page n of the catalog, last change first', () => {
    const all = Array.from({ length: 51 }, (_, i) => dataset(`d-${String(i).padStart(2, '0')}`, 'a', `2024-02-01T00:00:${String(i).padStart(2, '0')}Z`));
    const second = VIEWS.catalog(lists(all), 2);
    expect(second).toMatchObject({ total: 51, count: 2 });
    expect(second.shown.map((d) => d.name)).toEqual(['d-00']);
    expect(VIEWS.catalog(lists(all), 1).shown[0]!.name).toBe('d-50');
  });
});

describe('the list of documents', () => {
  it('shows only what a line shows, the latest period first and then by title', () => {
    const view = VIEWS.reports(lists([], [report('b', '2022-12-31'), report('c', '2023-12-31', 'Б'), report('a', '2023-12-31', 'А')]), 1);
    expect(view.total).toBe(3);
    expect(view.shown).toEqual([
      { id: 'a', title: 'А', kindTitle: 'Звіт', date: null, number: null, period: { start: '2023-01-01', end: '2023-12-31' }, publisher: 'Рада p' },
      { id: 'c', title: 'Б', kindTitle: 'Звіт', date: null, number: null, period: { start: '2023-01-01', end: '2023-12-31' }, publisher: 'Рада p' },
      { id: 'b', title: 'b', kindTitle: 'Звіт', date: null, number: null, period: { start: '2023-01-01', end: '2022-12-31' }, publisher: 'Рада p' },
    ]);
  });
});

describe('view keys', () => {
  const data = lists([dataset('x', 'a', '2024-01-01T00:00:00Z')]);

  it('name the view and its arguments, and give back the same view', () => {
    const key = viewKey('facet', ['publisher', 'a', 1]);
    expect(key).toBe('view:["facet","publisher","a",1]');
    expect(viewOfKey(key, data)).toEqual(VIEWS.facet(data, 'publisher', 'a', 1));
  });

  it('answer nothing for a key of no view, so that its page is rendered again', () => {
    expect(viewOfKey('view:["toString"]', data)).toBeUndefined();
    expect(viewOfKey('view:["nothing",1]', data)).toBeUndefined();
    expect(viewOfKey('view:{', data)).toBeUndefined();
    expect(viewOfKey('view:"catalog"', data)).toBeUndefined();
  });
});
