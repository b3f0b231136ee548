/**
 * The catalog's compact index (/datasets/catalog-index.json), fetched by the filter script
 * when a reader first uses the filters, never written into a page: one row per dataset, in
 * the catalog's default order (last change first), with what filtering, sorting and a
 * short list entry need. Publishers and update frequencies are written once and referred
 * to by number. No Node imports: the catalog's script decodes it.
 */
import type { SiteDatasetSummary } from '../lib/data.ts';
import { formatsOf, sortByModified } from './catalog.ts';

/** name, title, kind, publisher (index into `publishers`, -1 for the portal's own), themes, years, formats (lower case, space-separated), modified, frequency (index into `frequencies`). */
export type IndexRow = [string, string, string, number, string, string, string, string, number];

export interface CatalogIndex {
  publishers: [id: string, title: string][];
  frequencies: string[];
  datasets: IndexRow[];
}

export interface IndexedDataset {
  name: string;
  title: string;
  kind: string;
  publisher: { id: string; title: string } | null;
  themes: string[];
  years: string[];
  formats: string[];
  modified: string;
  frequencyTitle: string;
}

export function catalogIndex(all: SiteDatasetSummary[]): CatalogIndex {
  const publishers = new Map<string, number>();
  const publisherRows: [string, string][] = [];
  const frequencies = new Map<string, number>();
  const index = <K>(map: Map<K, number>, key: K, add: () => void) => {
    if (!map.has(key)) {
      map.set(key, map.size);
      add();
    }
    return map.get(key)!;
  };
  const datasets = sortByModified(all).map((d): IndexRow => [
    d.name,
    d.title,
    d.kind,
    d.publisher ? index(publishers, d.publisher.id, () => publisherRows.push([d.publisher!.id, d.publisher!.title])) : -1,
    d.themes.join(' '),
    d.years.join(' '),
    formatsOf(d).map((f) => f.toLowerCase()).join(' '),
    d.modified,
    index(frequencies, d.frequencyTitle, () => {}),
  ]);
  return { publishers: publisherRows, frequencies: [...frequencies.keys()], datasets };
}

const words = (s: string) => (s ? s.split(' ') : []);

export function readIndex(index: CatalogIndex): IndexedDataset[] {
  return index.datasets.map(([name, title, kind, publisher, themes, years, formats, modified, frequency]) => {
    const p = index.publishers[publisher];
    return {
      name,
      title,
      kind,
      publisher: p ? { id: p[0], title: p[1] } : null,
      themes: words(themes),
      years: words(years),
      formats: words(formats),
      modified,
      frequencyTitle: index.frequencies[frequency] ?? '',
    };
  });
}
