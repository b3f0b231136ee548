/**
 * The whole previous site taken over, without starting Astro, when a build has nothing to
 * render: the site's code and settings are those of the previous build, every page (with
 * route parameters or without: home, lists' first pages, search, 404, endpoints) reads
 * today what it read then, getStaticPaths read the same (so the same pages exist and the
 * sitemap names the same), and the files are all there as recorded, the pages' and the
 * others Astro made (`_astro/`, made from the code alone, and the sitemap). The new site is
 * then those files linked from the previous one, with the data files linked from the build
 * as the data-files integration links them: what Astro would have written, byte for byte.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CONFIG_KEY } from '../lib/data-keys.ts';
import { fileSum, intact, linkFiles, pageFile, type PageFile, type SiteRecord } from './incremental.ts';

/** The folder of the site's bundled styles and scripts (Astro's build.assets). */
export const ASSETS_FOLDER = '_astro';
const SITEMAP = /^sitemap(-\d+)?\.xml$/;

/** The files Astro made in `dist` that are no page: `_astro/` and the sitemap, in path order, with their sums. */
export function siteAssets(dist: string): PageFile[] {
  const paths: string[] = [];
  const folder = join(dist, ASSETS_FOLDER);
  if (existsSync(folder)) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) paths.push(relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'));
    }
  }
  for (const name of readdirSync(dist)) if (SITEMAP.test(name)) paths.push(name);
  return paths.sort().map((path) => fileSum(dist, path));
}

/**
 * The file Astro wrote for a page without route parameters: `datasets/` is
 * `datasets/index.html`, `robots.txt` itself, and the error page `404/` or `404` is `404.html`.
 */
export function fixedFile(dist: string, path: string): string {
  const found = [pageFile(path), `${path.replace(/\/$/, '')}.html`].find((file) => existsSync(join(dist, file)));
  if (!found) throw new Error(`site: the page /${path} was rendered, but no file of it is in ${dist}`);
  return found;
}

/**
 * Why the previous site cannot be taken over whole on what its pages read alone, or undefined
 * when every page reads the same: a check of digests, without reading the pages' files, so
 * that Astro waits for it only briefly when it has to run. `digest` gives a key's digest today.
 */
export function somethingToRender(previous: SiteRecord | string, version: string, digest: (key: string) => string): string | undefined {
  if (typeof previous === 'string') return previous;
  if (previous.version !== version) return 'the site\'s code changed';
  if (!previous.complete) return 'the previous build read data it could not attribute to a page';
  if (!previous.fixed || !previous.paths || !previous.assets) return 'the previous record does not hold the pages without parameters';
  if (digest(CONFIG_KEY) !== previous.settings) return 'the site\'s settings changed';
  const same = (reads: Record<string, string>) => Object.entries(reads).every(([key, value]) => digest(key) === value);
  if (!same(previous.paths)) return 'the data that decides which pages exist changed';
  for (const [path, page] of [...Object.entries(previous.fixed), ...Object.entries(previous.pages)]) {
    if (!same(page.reads)) return `/${path} reads data that changed`;
  }
  return undefined;
}

/** Whether the files of the pages without parameters and Astro's other files are in `previousDist` as recorded. */
export function restIntact(previous: SiteRecord, previousDist: string, unchanged?: ReadonlySet<string>): boolean {
  return Object.values(previous.fixed ?? {}).every((page) => intact(previousDist, page.files, unchanged)) && intact(previousDist, previous.assets ?? [], unchanged);
}

/** Every file of the previous site that Astro made, pages and others, linked into `dist`; how many. */
export function takeOverSite(previous: SiteRecord, previousDist: string, dist: string): number {
  const pages = [...Object.values(previous.pages), ...Object.values(previous.fixed ?? {})];
  const paths = [...pages.flatMap((page) => page.files.map((file) => file.path)), ...(previous.assets ?? []).map((file) => file.path)];
  linkFiles(paths, previousDist, dist);
  return paths.length;
}
