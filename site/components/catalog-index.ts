/**
 * The catalog's compact index (/datasets/catalog-index.json), fetched by the filter script
 * when a reader first uses the filters, never written into a page: one row per dataset, in
 * the catalog's default order (last change first), with what filtering, sorting and a
 * short list entry need. Publishers and update frequencies are written once and referred
 * to by number. The page's script reads it with only this module (no formatting tables of
 * the site's: they would go into a chunk every page's script loads); the index is made by
 * the endpoint pages/datasets/catalog-index.json.ts.
 */
/** name, title, kind (a key of `kinds`), publisher (index into `publishers`, -1 for the portal's own), themes, years, formats (lower case, space-separated), modified, frequency (index into `frequencies`). */
export type IndexRow = [string, string, string, number, string, string, string, string, number];

export interface CatalogIndex {
  /** The kinds' titles, as the catalog's entries show them. */
  kinds: Record<string, string>;
  publishers: [id: string, title: string][];
  frequencies: string[];
  datasets: IndexRow[];
}

export interface IndexedDataset {
  name: string;
  title: string;
  kind: string;
  kindTitle: string;
  publisher: { id: string; title: string } | null;
  themes: string[];
  years: string[];
  formats: string[];
  modified: string;
  frequencyTitle: string;
}

const words = (s: string) => (s ? s.split(' ') : []);

export function readIndex(index: CatalogIndex): IndexedDataset[] {
  return index.datasets.map(([name, title, kind, publisher, themes, years, formats, modified, frequency]) => {
    const p = index.publishers[publisher];
    return {
      name,
      title,
      kind,
      kindTitle: index.kinds[kind] ?? kind,
      publisher: p ? { id: p[0], title: p[1] } : null,
      themes: words(themes),
      years: words(years),
      formats: words(formats),
      modified,
      frequencyTitle: index.frequencies[frequency] ?? '',
    };
  });
}
