/**
 * What each page of the site gives the search index (digest.ts), worked out without reading
 * the pages that did not change. The search step records, for every HTML page, the SHA-256
 * of its file and its digest (`search-pages.json`, beside the site in its generation, not
 * published); a page whose file has the same SHA-256 today gives the same digest, since the
 * digest is a function of the page's path and bytes.
 *
 * The SHA-256 of a page's file today comes from the site's own record of this build
 * (scripts/incremental.ts: each page rendered, hashed once written, and each page taken
 * over, checked at its recorded size and SHA-256 before it was linked), when the file has
 * the size that record gives; otherwise the page is read and hashed here. So a build that
 * took a page over reads it once, in the site's check, and not again for the index.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageDigest } from './digest.ts';
import type { IndexedPage } from './parts.ts';

export const SEARCH_RECORD_FILE = 'search-pages.json';
export const SEARCH_RECORD_FORMAT = 1;

export interface PageDigest {
  /** The SHA-256 of the page's file. */
  sha256: string;
  /** What the page gives the index (pageDigest), or null for a page without data-pagefind-body, which is not indexed. */
  digest: string | null;
}

export interface SearchRecord {
  format: typeof SEARCH_RECORD_FORMAT;
  /** Every HTML page of the site but the index's own, by path under the site's root. */
  pages: Record<string, PageDigest>;
  /** The pages whose file this build read, in path order; the others' digests came from the previous record. */
  read: string[];
  /** The parts this build indexed (their numbers), rather than took over. */
  indexed: number[];
}

/** A file of the site as this build's site step wrote or checked it. */
export interface KnownFile {
  bytes: number;
  sha256: string;
}

// pagefind leaves out pages without data-pagefind-body only when it sees one with it; a
// part must not depend on which pages it happens to hold: only pages with indexed text go in.
const MARKER = Buffer.from('data-pagefind-body');

/** The previous build's record of pages, or undefined when it is missing, unreadable or of another layout. */
export function readSearchRecord(folder: string | undefined): SearchRecord | undefined {
  if (!folder) return undefined;
  const file = join(folder, SEARCH_RECORD_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as SearchRecord;
    return record.format === SEARCH_RECORD_FORMAT && typeof record.pages === 'object' && record.pages !== null ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each page's SHA-256 and digest: from the previous record when its file's SHA-256 (`known`,
 * from the site's record, at the same size) is the one recorded; otherwise read from `site`.
 */
export function digestPages(site: string, pages: IndexedPage[], known: Map<string, KnownFile>, previous: SearchRecord | undefined): Pick<SearchRecord, 'pages' | 'read'> {
  const digests: Record<string, PageDigest> = {};
  const read: string[] = [];
  for (const page of pages) {
    const file = known.get(page.path);
    const sha256 = file && file.bytes === page.bytes ? file.sha256 : undefined;
    const before = previous?.pages[page.path];
    if (sha256 !== undefined && before?.sha256 === sha256) {
      digests[page.path] = { sha256, digest: before.digest };
      continue;
    }
    const bytes = readFileSync(join(site, page.path));
    read.push(page.path);
    const found = createHash('sha256').update(bytes).digest('hex');
    digests[page.path] = { sha256: found, digest: before?.sha256 === found ? before.digest : bytes.includes(MARKER) ? pageDigest(bytes.toString('utf8')) : null };
  }
  return { pages: digests, read: read.sort() };
}
