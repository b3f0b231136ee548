/**
 * What the catalog, its facet pages and the filter script share: facets, sorting, counts.
 * No Node imports here: the catalog's client script imports countLabel from this module.
 */
import type { SiteDatasetSummary } from '../lib/data.ts';
import { THEMES } from '../lib/format.ts';
import { counted, NOUNS } from '../lib/plural.ts';

export type Facet = 'publisher' | 'theme' | 'year' | 'format';

export const FACETS: { key: Facet; title: string }[] = [
  { key: 'publisher', title: 'Розпорядник' },
  { key: 'theme', title: 'Тема' },
  { key: 'year', title: 'Рік' },
  { key: 'format', title: 'Формат' },
];

export const SORTS: { key: string; title: string }[] = [
  { key: 'modified', title: 'За останньою зміною' },
  { key: 'title', title: 'За назвою (А–Я)' },
  { key: 'publisher', title: 'За розпорядником' },
];

const FORMAT_ORDER = ['CSV', 'JSON', 'XLSX'];

/** The formats a dataset is published in, in a fixed order: CSV, JSON, XLSX. */
export function formatsOf(d: SiteDatasetSummary): string[] {
  const present = new Set(d.files.map((f) => f.format as string));
  return FORMAT_ORDER.filter((f) => present.has(f));
}

const collator = new Intl.Collator('uk', { sensitivity: 'base', numeric: true });
export const compareText = (a: string, b: string): number => collator.compare(a, b);

/** The default order: last change first, then by title. */
export function byModified(a: SiteDatasetSummary, b: SiteDatasetSummary): number {
  return b.modified.localeCompare(a.modified) || compareText(a.title, b.title);
}

// Every facet page shows the whole catalogue's facets: worked out once per list, not once
// per page (at tens of thousands of datasets, per page was most of the site build).
const sorted = new WeakMap<SiteDatasetSummary[], SiteDatasetSummary[]>();
const optionsOf = new WeakMap<SiteDatasetSummary[], Record<Facet, FacetOption[]>>();

export function sortByModified(list: SiteDatasetSummary[]): SiteDatasetSummary[] {
  let result = sorted.get(list);
  if (!result) {
    result = [...list].sort(byModified);
    sorted.set(list, result);
    sorted.set(result, result);
  }
  return result;
}

export function matches(d: SiteDatasetSummary, facet: Facet, value: string): boolean {
  switch (facet) {
    case 'publisher':
      return d.publisher?.id === value;
    case 'theme':
      return d.themes.includes(value);
    case 'year':
      return d.years.includes(Number(value));
    case 'format':
      return formatsOf(d).some((f) => f.toLowerCase() === value);
  }
}

const itemsOf = new WeakMap<SiteDatasetSummary[], Map<string, SiteDatasetSummary[]>>();

/** The datasets of one facet value, in the order of `sorted`; worked out once for all the pages of a value. */
export function facetItems(sorted: SiteDatasetSummary[], facet: Facet, value: string): SiteDatasetSummary[] {
  let lists = itemsOf.get(sorted);
  if (!lists) itemsOf.set(sorted, (lists = new Map()));
  const key = `${facet}/${value}`;
  let items = lists.get(key);
  if (!items) lists.set(key, (items = sorted.filter((d) => matches(d, facet, value))));
  return items;
}

export interface FacetOption {
  facet: Facet;
  /** As it appears in the URL: a publisher id, GOVE, 2023, csv. */
  value: string;
  label: string;
  count: number;
}

/** Every value of every facet that at least one dataset has, with its count. */
export function facetOptions(all: SiteDatasetSummary[]): Record<Facet, FacetOption[]> {
  const known = optionsOf.get(all);
  if (known) return known;
  const publishers = new Map<string, string>();
  const counts: Record<Facet, Map<string, number>> = { publisher: new Map(), theme: new Map(), year: new Map(), format: new Map() };
  const count = (facet: Facet, value: string) => counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
  for (const d of all) {
    if (d.publisher) {
      publishers.set(d.publisher.id, d.publisher.title);
      count('publisher', d.publisher.id);
    }
    new Set(d.themes).forEach((t) => count('theme', t));
    new Set(d.years).forEach((y) => count('year', String(y)));
    formatsOf(d).forEach((f) => count('format', f.toLowerCase()));
  }
  const option = (facet: Facet, value: string, label: string): FacetOption => ({ facet, value, label, count: counts[facet].get(value) ?? 0 });
  const options: Record<Facet, FacetOption[]> = {
    publisher: [...publishers].sort((a, b) => compareText(a[1], b[1])).map(([id, title]) => option('publisher', id, title)),
    theme: Object.keys(THEMES).filter((t) => counts.theme.has(t)).map((t) => option('theme', t, THEMES[t] ?? t)),
    year: [...counts.year.keys()].map(Number).sort((a, b) => b - a).map((y) => option('year', String(y), String(y))),
    format: FORMAT_ORDER.filter((f) => counts.format.has(f.toLowerCase())).map((f) => option('format', f.toLowerCase(), f)),
  };
  optionsOf.set(all, options);
  return options;
}

/** Publisher links in the catalog's facets: the most a page shows, whatever the portal's size. */
export const LINKED_PUBLISHERS = 20;

/**
 * The facet values a page links to: every theme, year and format; the publishers with the
 * most datasets (ties by name), and the current one, in the facet's own order (by name).
 */
export function linkedOptions(options: Record<Facet, FacetOption[]>, current?: { facet: Facet; value: string }): Record<Facet, FacetOption[]> {
  const publishers = options.publisher;
  if (publishers.length <= LINKED_PUBLISHERS) return options;
  const top = new Set([...publishers].sort((a, b) => b.count - a.count).slice(0, LINKED_PUBLISHERS).map((o) => o.value));
  if (current?.facet === 'publisher') top.add(current.value);
  return { ...options, publisher: publishers.filter((o) => top.has(o.value)) };
}

/** 1 набір даних, 2 набори даних, 5 наборів даних. */
export function countLabel(n: number): string {
  return counted(n, NOUNS.dataset);
}

/** A description cut at a word boundary for a list. */
export function shorten(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}
