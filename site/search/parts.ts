/**
 * The search index in parts of bounded size. pagefind's indexer holds everything it indexes
 * in memory at once (about 5 bytes for every byte of HTML it reads), so a national portal's
 * pages are indexed a part at a time and the parts are merged again in the browser.
 */

/** The folder, under the site's root, of the first part: the index pagefind's script loads. */
export const INDEX_FOLDER = 'pagefind';

/** The list of further parts, beside the first part's files. */
export const PARTS_FILE = 'parts.json';

/** Each part's record, in its folder: which part it is and the digest of the pages it was made from. */
export const PART_FILE = 'part.json';

export interface PartRecord {
  n: number;
  pages: number;
  digest: string;
  /** Every file of the part (under its folder, not the further parts) and its SHA-256: checked before the part is taken over. */
  files: Record<string, string>;
}

/** What the indexer writes into parts.json: the other parts' folders, relative to the first part's. */
export interface PartsFile {
  parts: string[];
}

/** Where part `n` (1-based) goes, relative to the first part's folder. */
export function partFolder(n: number): string {
  return n === 1 ? '' : `parts/${n}/`;
}

export interface IndexedPage {
  /** Under the site's root, with forward slashes. */
  path: string;
  bytes: number;
}

/** One part of an index kept in parts by publisher: its stable number and its pages, in path order. */
export interface Part {
  /** 1 for the portal's own pages; 2 onwards for a group of publishers. */
  n: number;
  pages: string[];
}

/** FNV-1a, 32 bits: a publisher's group, the same on every machine and in every build. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/**
 * Pages in stable parts by publisher. A site within `budget` bytes of HTML is one part. A
 * larger one has a part for the portal's own pages (1) and one for each of G groups of
 * publishers (2 … G + 1), G the least power of two with G × budget at least the site's size,
 * a publisher's group fixed by its id: a publisher's pages are always indexed together, and
 * the groups change only when the site doubles. Parts without pages are left out. A
 * publisher larger than the budget makes its group larger than the budget: memory grows
 * with the largest council, not with the portal.
 */
export function planByPublisher(pages: (IndexedPage & { publisher: string | null })[], budget: number): Part[] {
  const total = pages.reduce((sum, page) => sum + page.bytes, 0);
  if (total <= budget) return pages.length > 0 ? [{ n: 1, pages: pages.map((page) => page.path) }] : [];
  const groups = 2 ** Math.ceil(Math.log2(total / budget));
  const parts = new Map<number, string[]>();
  for (const page of pages) {
    const n = page.publisher === null ? 1 : 2 + (fnv1a(page.publisher) % groups);
    const part = parts.get(n);
    if (part) part.push(page.path);
    else parts.set(n, [page.path]);
  }
  return [...parts].sort(([a], [b]) => a - b).map(([n, paths]) => ({ n, pages: paths }));
}

/** The part folders to merge into the first, as URLs, from parts.json's text (none when it is missing). */
export function partUrls(indexUrl: string, file: PartsFile | undefined): string[] {
  const base = indexUrl.endsWith('/') ? indexUrl : `${indexUrl}/`;
  return (file?.parts ?? []).map((folder) => `${base}${folder}`);
}
