/**
 * After the site is built: the search index, written into the built site as pagefind/.
 * Only the parts marked data-pagefind-body are indexed; filters come from the pages'
 * data-pagefind-filter attributes (kind, publisher, year, format).
 *
 * The index is kept in parts by publisher (search/parts.ts): a site of more than
 * SEARCH_PART_MB megabytes of HTML (default 128) gets a part for the portal's own pages and
 * one for each group of publishers, indexed two at a time (one per core; pagefind alone
 * keeps about one and a half busy), so the indexer's memory is bounded by the largest
 * group; the search page merges them (pagefind's mergeIndex), listed in pagefind/parts.json.
 *
 * Each part records the digest of what its pages give the index (search/digest.ts). With
 * SEARCH_PREVIOUS set to the previous build's site, a part whose digest is unchanged is
 * taken over from it (its files linked, not indexed again): a change re-indexes only the
 * parts of the publishers it touches. A page's digest is worked out again only when its
 * file changed (search/page-digests.ts): the site's record of this build gives each page's
 * SHA-256, the previous build's record of pages the digest that goes with it. A previous
 * part's files are checked at the SHA-256 its record gives them, except those the command
 * line found to be the very files it recorded after publishing that site
 * (`SITE_PREVIOUS_UNCHANGED`, scripts/incremental.ts), which are not read.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { endWithParent } from './orphan.ts';
import { linkTree } from '../integrations/data-files.ts';
import { partDigest } from '../search/digest.ts';
import { ownerOf, pageOwners } from '../search/owners.ts';
import { digestPages, readSearchRecord, SEARCH_RECORD_FILE, SEARCH_RECORD_FORMAT, type KnownFile, type SearchRecord } from '../search/page-digests.ts';
import { INDEX_FOLDER, PART_FILE, partFolder, PARTS_FILE, planByPublisher, type IndexedPage, type Part, type PartRecord, type PartsFile } from '../search/parts.ts';
import { readRecord, readUnchanged } from './incremental.ts';

if (!process.env.SITE_OUT) throw new Error('SITE_OUT is not set: the search index is made by `npm run build`, into the site it builds');
if (!process.env.BUILD_DIR) throw new Error('BUILD_DIR is not set: the search index groups pages by publisher from the pipeline\'s site data');
endWithParent();
const site = resolve(process.env.SITE_OUT);
const budget = Number(process.env.SEARCH_PART_MB ?? 128) * 2 ** 20;
if (!(budget > 0)) throw new Error(`SEARCH_PART_MB must be a positive number of megabytes, not «${process.env.SEARCH_PART_MB}»`);
const previousSite = process.env.SEARCH_PREVIOUS ? resolve(process.env.SEARCH_PREVIOUS) : undefined;
const previous = previousSite ? join(previousSite, INDEX_FOLDER) : undefined;
const unchanged = readUnchanged(process.env.SITE_PREVIOUS_UNCHANGED, previousSite, SEARCH_RECORD_FILE);

/** Every HTML page of the site but the index's own folder, in path order. */
function htmlPages(root: string, prefix = ''): IndexedPage[] {
  const pages: IndexedPage[] = [];
  const entries = readdirSync(join(root, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (path !== INDEX_FOLDER) pages.push(...htmlPages(root, path));
    } else if (entry.name.endsWith('.html')) {
      pages.push({ path, bytes: statSync(join(root, path)).size });
    }
  }
  return pages;
}

/** Parts indexed at once: each holds a part's index in memory, about 1.2 GiB for 128 MB of HTML. */
const AT_ONCE = Math.min(2, availableParallelism());

/** The index of the pages under `folder`, written to `output`, by a process of its own; how many pages it read. */
function indexPart(folder: string, output: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'index-part.ts'), folder, output], { stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(printed)) : reject(new Error(`search index: indexing ${folder} failed (exit ${code})`))));
  });
}

/** The indexer's own version: pagefind's and the code that calls it. A change of either re-indexes everything. */
function indexerVersion(): string {
  const pagefind = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string };
  const code = createHash('sha256').update(readFileSync(join(import.meta.dirname, 'index-part.ts'))).digest('hex');
  return `pagefind ${pagefind.version}; index-part ${code}`;
}

/**
 * A part's files under `folder` and their SHA-256, in path order; not the further parts, their
 * list or the part's record. `known`: the SHA-256 of a file that need not be read, if it is one.
 */
function partFiles(folder: string, prefix = '', known?: (path: string) => string | undefined): Record<string, string> {
  const files: Record<string, string> = {};
  const entries = readdirSync(join(folder, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (!prefix && (entry.name === 'parts' || entry.name === PARTS_FILE || entry.name === PART_FILE)) continue;
    if (entry.isDirectory()) Object.assign(files, partFiles(folder, path, known));
    else files[path] = known?.(path) ?? createHash('sha256').update(readFileSync(join(folder, path))).digest('hex');
  }
  return files;
}

/**
 * A previous part's files, when they are all there as they were written (the same names, the
 * same bytes): those `untouched` (the very files recorded) are not read.
 */
function intact(folder: string, recorded: Record<string, string> | undefined, untouched: (path: string) => boolean): Record<string, string> | undefined {
  if (!recorded) return undefined;
  const found = partFiles(folder, '', (path) => (untouched(path) ? recorded[path] : undefined));
  const names = Object.keys(recorded);
  return names.length === Object.keys(found).length && names.every((name) => found[name] === recorded[name]) ? found : undefined;
}

/** Part `n` of a previous index, if it was made from the same pages (its record says so and its files are there): its folder and files. */
function previousPart(n: number, digest: string): { folder: string; files: Record<string, string> } | undefined {
  if (!previous || !existsSync(join(previous, PARTS_FILE))) return undefined;
  const list = JSON.parse(readFileSync(join(previous, PARTS_FILE), 'utf8')) as PartsFile;
  for (const folder of ['', ...list.parts]) {
    const recordFile = join(previous, folder, PART_FILE);
    if (!existsSync(recordFile)) continue;
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as PartRecord;
    if (record.n !== n) continue;
    if (record.digest !== digest) return undefined;
    // Under the previous site, its files as the list of those found unchanged names them; only when the part's record is one.
    const under = (path: string) => [INDEX_FOLDER, folder, path].filter((part) => part !== '').join('/');
    const untouched = unchanged?.has(under(PART_FILE)) ? (path: string) => unchanged.has(under(path)) : () => false;
    const files = intact(join(previous, folder), record.files, untouched);
    return files ? { folder: join(previous, folder), files } : undefined;
  }
  return undefined;
}

/** The files of this build's site as its site step wrote or checked them (scripts/incremental.ts), by path; none without its record. */
function siteFiles(): Map<string, KnownFile> {
  const record = readRecord(dirname(site));
  const files = new Map<string, KnownFile>();
  if (typeof record !== 'string') for (const page of Object.values(record.pages)) for (const file of page.files) files.set(file.path, file);
  return files;
}

/** Links a previous part's files into `target`; not the further parts and their list, which a first part's folder holds. */
function takeOver(before: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(before, { withFileTypes: true })) {
    if (entry.name === 'parts' || entry.name === PARTS_FILE || entry.name === PART_FILE) continue;
    if (entry.isDirectory()) {
      mkdirSync(join(target, entry.name), { recursive: true });
      linkTree(join(before, entry.name), join(target, entry.name));
    } else linkSync(join(before, entry.name), join(target, entry.name));
  }
}

const owners = pageOwners(join(resolve(process.env.BUILD_DIR), 'site'));
const allPages = htmlPages(site);
const digests = digestPages(site, allPages, siteFiles(), readSearchRecord(previousSite ? dirname(previousSite) : undefined));
// Only pages with indexed text go in (page-digests.ts).
const pages = allPages.filter((page) => digests.pages[page.path]!.digest !== null).map((page) => ({ ...page, publisher: ownerOf(page.path, owners) }));
const parts = planByPublisher(pages, budget);
const version = indexerVersion();
const output = join(site, INDEX_FOLDER);
rmSync(output, { recursive: true, force: true });

let read = 0;
let taken = 0;
const indexed: number[] = [];
// Each part is a folder of hard links beside the site, so pagefind sees the pages at their own paths.
const staging = mkdtempSync(join(dirname(site), '.search-part-'));
try {
  let next = 0;
  const indexer = async () => {
    while (next < parts.length) {
      const i = next++;
      const part: Part = parts[i]!;
      const target = join(output, partFolder(i + 1));
      const digest = partDigest(part.pages.map((path) => ({ path, digest: digests.pages[path]!.digest! })), version);
      const before = previousPart(part.n, digest);
      let files: Record<string, string>;
      if (before) {
        // Linked: the same bytes as the files just checked.
        takeOver(before.folder, target);
        files = before.files;
        taken += 1;
      } else {
        indexed.push(part.n);
        const folder = join(staging, String(part.n));
        for (const path of part.pages) {
          mkdirSync(dirname(join(folder, path)), { recursive: true });
          linkSync(join(site, path), join(folder, path));
        }
        // Not `read += await …`: that adds to the value `read` had before the other part's count came in.
        const count = await indexPart(folder, target);
        read += count;
        rmSync(folder, { recursive: true });
        rmSync(join(target, PART_FILE), { force: true });
        files = partFiles(target);
      }
      const record: PartRecord = { n: part.n, pages: part.pages.length, digest, files };
      writeFileSync(join(target, PART_FILE), `${JSON.stringify(record)}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, parts.length) }, indexer));
} finally {
  rmSync(staging, { recursive: true, force: true });
}
const list: PartsFile = { parts: parts.slice(1).map((_, i) => partFolder(i + 2)) };
mkdirSync(output, { recursive: true });
writeFileSync(join(output, PARTS_FILE), `${JSON.stringify(list)}\n`);
const searchRecord: SearchRecord = { format: SEARCH_RECORD_FORMAT, ...digests, indexed: indexed.sort((a, b) => a - b) };
writeFileSync(join(dirname(site), SEARCH_RECORD_FILE), `${JSON.stringify(searchRecord)}\n`);
const said = parts.length > 1 ? ` (those with indexed text), in ${parts.length} parts` : '';
const digested = `; ${digests.read.length} of ${allPages.length} pages' HTML read for what they give the index`;
process.stdout.write(`search index: ${read} pages read${said}${digested}${taken > 0 ? `; ${taken} of ${parts.length} parts taken over unchanged` : ''}\n`);
