/**
 * After the site is built: the search index, written into the built site as pagefind/.
 * Only the parts marked data-pagefind-body are indexed; filters come from the pages'
 * data-pagefind-filter attributes (kind, publisher, year, format).
 *
 * A site of more than SEARCH_PART_MB megabytes of HTML (default 128) is indexed in parts of
 * at most that size, two at a time (one per core; pagefind alone keeps about one and a half
 * busy), so the indexer's memory stays bounded whatever the portal's size; the search page
 * merges them (pagefind's mergeIndex), listed in pagefind/parts.json.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { endWithParent } from './orphan.ts';
import { INDEX_FOLDER, partFolder, PARTS_FILE, planParts, type IndexedPage, type PartsFile } from '../search/parts.ts';

if (!process.env.SITE_OUT) throw new Error('SITE_OUT is not set: the search index is made by `npm run build`, into the site it builds');
endWithParent();
const site = resolve(process.env.SITE_OUT);
const budget = Number(process.env.SEARCH_PART_MB ?? 128) * 2 ** 20;
if (!(budget > 0)) throw new Error(`SEARCH_PART_MB must be a positive number of megabytes, not «${process.env.SEARCH_PART_MB}»`);

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

const pages = htmlPages(site);
const total = pages.reduce((sum, page) => sum + page.bytes, 0);
const output = join(site, INDEX_FOLDER);
rmSync(output, { recursive: true, force: true });
const whole = total <= budget;
// pagefind leaves out pages without data-pagefind-body only when it sees one with it;
// a part must not depend on which pages it happens to hold.
const marker = Buffer.from('data-pagefind-body');
const parts = whole ? [pages.map((page) => page.path)] : planParts(pages.filter((page) => readFileSync(join(site, page.path)).includes(marker)), budget);
let read = 0;
if (whole) {
  read = await indexPart(site, output);
} else {
  // Each part is a folder of hard links beside the site, so pagefind sees the pages at their own paths.
  const staging = mkdtempSync(join(dirname(site), '.search-part-'));
  try {
    let next = 0;
    const indexer = async () => {
      while (next < parts.length) {
        const i = next++;
        const folder = join(staging, String(i + 1));
        for (const path of parts[i]!) {
          mkdirSync(dirname(join(folder, path)), { recursive: true });
          linkSync(join(site, path), join(folder, path));
        }
        // Not `read += await …`: that adds to the value `read` had before the other part's count came in.
        const count = await indexPart(folder, join(output, partFolder(i + 1)));
        read += count;
        rmSync(folder, { recursive: true });
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, parts.length) }, indexer));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
const list: PartsFile = { parts: parts.slice(1).map((_, i) => partFolder(i + 2)) };
writeFileSync(join(output, PARTS_FILE), `${JSON.stringify(list)}\n`);
process.stdout.write(`search index: ${read} pages read${parts.length > 1 ? ` (those with indexed text), in ${parts.length} parts` : ''}\n`);
