/**
 * What the catalog, its facet pages and the filter script share: facets, sorting, counts.
 * No Node imports here: the catalog's client script imports countLabel from this module.
 */
import type { SiteDataset } from '../lib/data.ts';
import { THEMES } from '../lib/format.ts';

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
export function formatsOf(d: SiteDataset): string[] {
  const present = new Set(d.files.map((f) => f.format as string));
  return FORMAT_ORDER.filter((f) => present.has(f));
}

const collator = new Intl.Collator('uk', { sensitivity: 'base', numeric: true });
export const compareText = (a: string, b: string): number => collator.compare(a, b);

/** The default order: last change first, then by title. */
export function byModified(a: SiteDataset, b: SiteDataset): number {
  return b.modified.localeCompare(a.modified) || compareText(a.title, b.title);
}

export function sortByModified(list: SiteDataset[]): SiteDataset[] {
  return [...list].sort(byModified);
}

export function matches(d: SiteDataset, facet: Facet, value: string): boolean {
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

export interface FacetOption {
  facet: Facet;
  /** As it appears in the URL: a publisher id, GOVE, 2023, csv. */
  value: string;
  label: string;
  count: number;
}

/** Every value of every facet that at least one dataset has, with its count. */
export function facetOptions(all: SiteDataset[]): Record<Facet, FacetOption[]> {
  const publishers = new Map<string, string>();
  const themes = new Set<string>();
  const years = new Set<number>();
  const formats = new Set<string>();
  for (const d of all) {
    if (d.publisher) publishers.set(d.publisher.id, d.publisher.title);
    d.themes.forEach((t) => themes.add(t));
    d.years.forEach((y) => years.add(y));
    formatsOf(d).forEach((f) => formats.add(f));
  }
  const option = (facet: Facet, value: string, label: string): FacetOption => ({
    facet,
    value,
    label,
    count: all.filter((d) => matches(d, facet, value)).length,
  });
  return {
    publisher: [...publishers].sort((a, b) => compareText(a[1], b[1])).map(([id, title]) => option('publisher', id, title)),
    theme: Object.keys(THEMES).filter((t) => themes.has(t)).map((t) => option('theme', t, THEMES[t] ?? t)),
    year: [...years].sort((a, b) => b - a).map((y) => option('year', String(y), String(y))),
    format: FORMAT_ORDER.filter((f) => formats.has(f)).map((f) => option('format', f.toLowerCase(), f)),
  };
}

/** 1 набір, 2 набори, 5 наборів (Ukrainian plural forms). */
export function plural(n: number, one: string, few: string, many: string): string {
  const ten = n % 10;
  const hundred = n % 100;
  if (ten === 1 && hundred !== 11) return one;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return few;
  return many;
}

export function countLabel(n: number): string {
  return `${n} ${plural(n, 'набір', 'набори', 'наборів')} даних`;
}

/** A description cut at a word boundary for a list. */
export function shorten(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}
