/**
 * The site built incrementally. A page is a pure function of the site's code and of what it
 * reads of the site data; the build records both for every page with route parameters
 * (`site-pages.json`, beside the site in its generation, not published), and the next build:
 *
 * - renders every page when the record is missing, unreadable or of another layout, when
 *   the site's code changed (site/, astro.config.mjs, the locked dependencies, Node), when the
 *   site's settings changed (address, base path: `config`), or when the last build saw a
 *   read it could not attribute to a page;
 * - otherwise takes a page over from the previous site when everything it read gives the
 *   same digest today (lib/data-keys.ts) and its files are there as recorded: files the
 *   command line found to be the very files it recorded after publishing that site (by a
 *   stat, `SITE_PREVIOUS_UNCHANGED`, when the record of pages is one of them) are not read;
 *   the others are read at the size and SHA-256 recorded. Every other page is rendered, and
 *   the pages without route parameters (home, list first pages, search, 404, endpoints)
 *   with them; when none is to be rendered, the whole previous site is taken over without
 *   starting Astro (whole-site.ts).
 *
 * Astro renders the rest (lib/render-only.ts leaves the taken-over paths out of
 * getStaticPaths); the pages taken over are then linked into the new site, which is a fresh
 * generation swapped in whole with the data. The sitemap names both.
 *
 * Astro's own incremental build (experimental.incrementalBuild) is not used: its cache is
 * one folder outside the output, updated in place while pages render (a build killed midway
 * leaves it out of step with its manifest), restored by copy without checking the files, and
 * its keys are declared in getStaticPaths rather than recorded from what a page reads.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { CONFIG_KEY, currentDigests } from '../lib/data-keys.ts';
import type { Reads } from '../lib/page-reads.ts';

export const RECORD_FILE = 'site-pages.json';
export const RECORD_FORMAT = 1;

export interface PageFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface PageRecord {
  /** What the page read: key → digest. */
  reads: Record<string, string>;
  files: PageFile[];
}

export interface SiteRecord {
  format: typeof RECORD_FORMAT;
  /** The site's code (siteVersion). */
  version: string;
  /** The digest of the site's settings the pages were built with. */
  settings: string;
  /** False when a read could not be attributed to a page: the next build renders every page. */
  complete: boolean;
  /** The pages with route parameters, by path under the site's root (`datasets/x/`). */
  pages: Record<string, PageRecord>;
  /** The pages this build rendered rather than took over, in path order. */
  rendered: string[];
  /** The pages without route parameters, as `pages` (whole-site.ts); not in an older record. */
  fixed?: Record<string, PageRecord>;
  /** What decides which pages exist and what the sitemap says: getStaticPaths' reads, key → digest. */
  paths?: Record<string, string>;
  /** The files Astro made that are no page: the bundled styles and scripts, and the sitemap. */
  assets?: PageFile[];
}

export type Plan = { full: true; reason: string } | { full: false; keep: string[]; render: string[] };

/** Files that make the site and are not its pages' data: a change of any means a full build. */
export function siteVersion(project: string): string {
  const hash = createHash('sha256').update(process.version).update('\0');
  const files: string[] = [];
  for (const entry of readdirSync(join(project, 'site'), { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !/\.test\.ts$/.test(entry.name) && !/[/\\]e2e[/\\]/.test(path)) files.push(path);
  }
  for (const name of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', join('pipeline', 'publish', 'site-types.ts')]) {
    if (existsSync(join(project, name))) files.push(join(project, name));
  }
  for (const file of files.sort()) hash.update(relative(project, file).split('\\').join('/')).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export const fileSum = (root: string, path: string): PageFile => {
  const bytes = readFileSync(join(root, path));
  return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
};

/**
 * The files of the previous site `previousDist` that the command line found to be the very
 * files it recorded after publishing it (pipeline/io/file-identity.ts), listed in the file
 * `list` (`SITE_PREVIOUS_UNCHANGED`), when `record` (the record beside the site that vouches
 * for them, by name) is one of them: by path under the site. None without a list, or with
 * one that does not read.
 */
export function readUnchanged(list: string | undefined, previousDist: string | undefined, record: string): Set<string> | undefined {
  if (!list || !previousDist) return undefined;
  let files: unknown;
  try {
    files = (JSON.parse(readFileSync(list, 'utf8')) as { files?: unknown }).files;
  } catch {
    return undefined;
  }
  if (!Array.isArray(files) || !files.includes(record)) return undefined;
  const prefix = `${basename(previousDist)}/`;
  return new Set(files.filter((path): path is string => typeof path === 'string' && path.startsWith(prefix)).map((path) => path.slice(prefix.length)));
}

/** Whether each file is in `root` as recorded: one of the files known `unchanged`, or else of the size and SHA-256 recorded. */
export function intact(root: string, files: PageFile[], unchanged?: ReadonlySet<string>): boolean {
  return files.every((file) => {
    if (unchanged?.has(file.path)) return true;
    try {
      const found = fileSum(root, file.path);
      return found.bytes === file.bytes && found.sha256 === file.sha256;
    } catch {
      return false;
    }
  });
}

/** The previous build's record, or why it cannot be used. */
export function readRecord(folder: string | undefined): SiteRecord | string {
  if (!folder) return 'no previous site';
  const file = join(folder, RECORD_FILE);
  if (!existsSync(file)) return 'the previous site has no record of its pages';
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as SiteRecord;
    if (record.format !== RECORD_FORMAT || typeof record.pages !== 'object' || record.pages === null) return 'the previous record of pages is of another layout';
    return record;
  } catch {
    return 'the previous record of pages does not read';
  }
}

/**
 * Which pages of the previous site (`previousDist`, its record `previous`) can be taken over,
 * given the site data in `siteData` (its keys' digests `digest`) and the code's `version`;
 * the files of the previous site in `unchanged` (readUnchanged) are not read.
 */
export function planPages(previous: SiteRecord | string, previousDist: string | undefined, siteData: string, version: string, digest = currentDigests(siteData), unchanged?: ReadonlySet<string>): Plan {
  if (typeof previous === 'string') return { full: true, reason: previous };
  if (!previousDist) return { full: true, reason: 'no previous site' };
  if (previous.version !== version) return { full: true, reason: 'the site\'s code, its dependencies or Node changed' };
  if (!previous.complete) return { full: true, reason: 'the previous build read site data it could not attribute to a page' };
  if (digest(CONFIG_KEY) !== previous.settings) return { full: true, reason: 'the site\'s settings (address, base path, title) changed' };
  const keep: string[] = [];
  const render: string[] = [];
  for (const [path, page] of Object.entries(previous.pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const same = Object.entries(page.reads).every(([key, value]) => digest(key) === value);
    (same && intact(previousDist, page.files, unchanged) ? keep : render).push(path);
  }
  return { full: false, keep, render };
}

/** The file a page with route parameters is written to: its folder's index.html. */
export const pageFile = (path: string) => (path.endsWith('/') || path === '' ? `${path}index.html` : path);

/** Links the files of the pages taken over from the previous site into the new one. */
export function takeOverPages(pages: Record<string, PageRecord>, keep: Iterable<string>, previousDist: string, dist: string): void {
  linkFiles([...keep].flatMap((path) => pages[path]!.files.map((file) => file.path)), previousDist, dist);
}

/** Links files (paths under both roots) from one site into another, making each folder once: one system call a file. */
export function linkFiles(paths: Iterable<string>, from: string, to: string): void {
  const made = new Set<string>();
  for (const path of paths) {
    const folder = dirname(path);
    if (!made.has(folder)) {
      mkdirSync(join(to, folder), { recursive: true });
      made.add(folder);
    }
    linkSync(join(from, path), join(to, path));
  }
}

/** The record of this build: the pages rendered, with their reads and files, and those taken over as they were. */
export function newRecord(
  version: string,
  settings: string,
  rendered: Map<string, Reads>,
  kept: Record<string, PageRecord>,
  dist: string,
  unattributed: number,
): SiteRecord {
  const pages: Record<string, PageRecord> = { ...kept };
  for (const [path, reads] of rendered) {
    pages[path] = { reads: Object.fromEntries([...reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), files: [fileSum(dist, pageFile(path))] };
  }
  const sorted = Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { format: RECORD_FORMAT, version, settings, complete: unattributed === 0, pages: sorted, rendered: [...rendered.keys()].sort() };
}
