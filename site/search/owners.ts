/**
 * Which publisher a page of the site belongs to, for the search index's parts: a dataset,
 * programme or document page (and any page under it) belongs to its publisher, a publisher's
 * page to that publisher; every other page (the dataset of the whole portal, the lists, the
 * pages for developers) to the portal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Owned {
  publisher?: { id: string } | null;
}

/** `section/id` (datasets/…, programmes/…, reports/…, publishers/…) → publisher id, from the pipeline's site data. */
export function pageOwners(siteData: string): Map<string, string> {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(siteData, name), 'utf8')) as T;
  const owners = new Map<string, string>();
  for (const d of read<(Owned & { name: string })[]>('datasets.json')) if (d.publisher) owners.set(`datasets/${d.name}`, d.publisher.id);
  for (const p of read<(Owned & { id: string })[]>('programmes.json')) if (p.publisher) owners.set(`programmes/${p.id}`, p.publisher.id);
  for (const r of read<(Owned & { id: string })[]>('reports.json')) if (r.publisher) owners.set(`reports/${r.id}`, r.publisher.id);
  for (const p of read<{ id: string }[]>('publishers.json')) owners.set(`publishers/${p.id}`, p.id);
  return owners;
}

/** The publisher of a page given by its path under the site (datasets/x/index.html), or null for the portal's own pages. */
export function ownerOf(path: string, owners: Map<string, string>): string | null {
  const [section, id] = path.split('/');
  return id === undefined ? null : (owners.get(`${section}/${id}`) ?? null);
}
