/**
 * What each page reads of the site data, recorded while it is rendered, so that the next
 * build can tell which pages a change of data reaches (scripts/incremental.ts).
 *
 * Every read goes through lib/data.ts, which names what it hands out by a key (a file, an
 * entry of a list, a setting) and its digest: the digest of the bytes or value the page
 * receives. The middleware renders each page inside a context of its own
 * (AsyncLocalStorage, which follows the page's promises through its components, eight pages
 * at a time), and the key and digest go into that page's set. A read made while pages are
 * rendered but outside any page's context cannot be attributed: the record then says so, and
 * the next build renders every page. Reads made before the first page renders are
 * getStaticPaths': they are recorded apart, as what decides which pages the site has.
 *
 * Astro bundles the pages apart from the script that runs it; the two meet through
 * `globalThis`, under a registered symbol.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

/** A page's reads: key → digest. */
export type Reads = Map<string, string>;

export interface ReadsLog {
  /** Each rendered page's reads, by its path under the site's root (`datasets/x/`, `404.html`). */
  pages: Map<string, Reads>;
  /** Reads made while pages were rendered that belong to no page. */
  unattributed: string[];
  /** Set once the first page renders: reads before are getStaticPaths', which decide only which pages exist. */
  rendering: boolean;
  /** Every path of a route with parameters, rendered or taken over (lib/render-only.ts). */
  routes: Set<string>;
  /**
   * Reads made before the first page renders, by getStaticPaths: with the site's code they
   * decide which pages exist, so a build whose pages all read the same and whose paths read
   * the same has nothing to render (scripts/whole-site.ts).
   */
  paths: Reads;
}

const LOG = Symbol.for('council-open-data:page-reads');
const STORE = Symbol.for('council-open-data:page-context');

type Global = typeof globalThis & { [LOG]?: ReadsLog; [STORE]?: AsyncLocalStorage<Reads> };
const global = globalThis as Global;

/** The log of this process, made on first use. */
export function readsLog(): ReadsLog {
  return (global[LOG] ??= { pages: new Map(), unattributed: [], rendering: false, routes: new Set(), paths: new Map() });
}

function store(): AsyncLocalStorage<Reads> {
  return (global[STORE] ??= new AsyncLocalStorage<Reads>());
}

export const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Runs `render` as the page at `path`: what it reads is recorded as that page's. */
export function asPage<T>(path: string, render: () => T): T {
  const log = readsLog();
  log.rendering = true;
  const reads: Reads = log.pages.get(path) ?? new Map();
  log.pages.set(path, reads);
  return store().run(reads, render);
}

/** Records that the page being rendered read `key`, whose content has `digest`. */
export function recordRead(key: string, digest: string): void {
  const reads = store().getStore();
  if (reads) {
    reads.set(key, digest);
    return;
  }
  const log = readsLog();
  if (!log.rendering) log.paths.set(key, digest);
  else if (log.unattributed.length < 20) log.unattributed.push(key);
}
