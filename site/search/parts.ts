/**
 * The search index in parts of bounded size. pagefind's indexer holds everything it indexes
 * in memory at once (about 5 bytes for every byte of HTML it reads), so a national portal's
 * pages are indexed a part at a time and the parts are merged again in the browser.
 */

/** The folder, under the site's root, of the first part: the index pagefind's script loads. */
export const INDEX_FOLDER = 'pagefind';

/** The list of further parts, beside the first part's files. */
export const PARTS_FILE = 'parts.json';

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

/**
 * Pages cut into consecutive parts, in the order given, each at most `budget` bytes of HTML
 * unless a single page is larger. Keeping the order keeps pages of a kind together, so each
 * part weighs its words among pages like those it ranks.
 */
export function planParts(pages: IndexedPage[], budget: number): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const page of pages) {
    if (current.length > 0 && size + page.bytes > budget) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(page.path);
    size += page.bytes;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** The part folders to merge into the first, as URLs, from parts.json's text (none when it is missing). */
export function partUrls(indexUrl: string, file: PartsFile | undefined): string[] {
  const base = indexUrl.endsWith('/') ? indexUrl : `${indexUrl}/`;
  return (file?.parts ?? []).map((folder) => `${base}${folder}`);
}
