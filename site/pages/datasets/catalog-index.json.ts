/** The catalog's compact index for its filter script (site/components/catalog-index.ts). */
import type { APIRoute } from 'astro';
import type { CatalogIndex, IndexRow } from '../../components/catalog-index.ts';
import { formatsOf, sortByModified } from '../../components/catalog.ts';
import { datasets, type SiteDatasetSummary } from '../../lib/data.ts';
import { KINDS } from '../../lib/format.ts';

/** Rows in the catalog's default order (last change first); publishers and frequencies numbered in order of first use. */
export function catalogIndex(all: SiteDatasetSummary[]): CatalogIndex {
  const publishers = new Map<string, number>();
  const publisherRows: [string, string][] = [];
  const frequencies = new Map<string, number>();
  const numbered = <K>(map: Map<K, number>, key: K, add: () => void) => {
    if (!map.has(key)) {
      map.set(key, map.size);
      add();
    }
    return map.get(key)!;
  };
  const rows = sortByModified(all).map((d): IndexRow => [
    d.name,
    d.title,
    d.kind,
    d.publisher ? numbered(publishers, d.publisher.id, () => publisherRows.push([d.publisher!.id, d.publisher!.title])) : -1,
    d.themes.join(' '),
    d.years.join(' '),
    formatsOf(d).map((f) => f.toLowerCase()).join(' '),
    d.modified,
    numbered(frequencies, d.frequencyTitle, () => {}),
  ]);
  const kinds = Object.fromEntries([...new Set(all.map((d) => d.kind))].sort().map((kind) => [kind, KINDS[kind] ?? kind]));
  return { kinds, publishers: publisherRows, frequencies: [...frequencies.keys()], datasets: rows };
}

export const GET: APIRoute = () => new Response(JSON.stringify(catalogIndex(datasets())), { headers: { 'Content-Type': 'application/json' } });
