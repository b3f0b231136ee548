/**
 * After the site is built: the search index, written into the built site as pagefind/.
 * Only the parts marked data-pagefind-body are indexed; filters come from the pages'
 * data-pagefind-filter attributes (kind, publisher, year, format).
 *
 * A site of more than SEARCH_PART_MB megabytes of HTML (default 256) is indexed in parts of
 * at most that size, one after another, so the indexer's memory stays bounded whatever the
 * portal's size; the search page merges them (pagefind's mergeIndex), listed in
 * pagefind/parts.json.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { INDEX_FOLDER, partFolder, PARTS_FILE, planParts, type IndexedPage, type PartsFile } from '../search/parts.ts';

const site = resolve(process.env.SITE_OUT ?? 'dist');
const budget = Number(process.env.SEARCH_PART_MB ?? 256) * 2 ** 20;
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

/** One index of the pages under `folder`, written to `output`; pagefind's process ends with it, and so does its memory. */
async function indexFolder(folder: string, output: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'uk' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: folder });
  if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.page_count;
}

const pages = htmlPages(site);
const total = pages.reduce((sum, page) => sum + page.bytes, 0);
const output = join(site, INDEX_FOLDER);
rmSync(output, { recursive: true, force: true });
let read = 0;
let parts: string[][];
if (total <= budget) {
  parts = [pages.map((page) => page.path)];
  read = await indexFolder(site, output);
} else {
  // pagefind leaves out pages without data-pagefind-body only when it sees one with it;
  // a part must not depend on which pages it happens to hold.
  const marker = Buffer.from('data-pagefind-body');
  const bodied = pages.filter((page) => readFileSync(join(site, page.path)).includes(marker));
  parts = planParts(bodied, budget);
  // Each part is a folder of hard links beside the site, so pagefind sees the pages at their own paths.
  const staging = mkdtempSync(join(dirname(site), '.search-part-'));
  try {
    for (const [i, part] of parts.entries()) {
      const folder = join(staging, String(i + 1));
      for (const path of part) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        linkSync(join(site, path), join(folder, path));
      }
      read += await indexFolder(folder, join(output, partFolder(i + 1)));
      rmSync(folder, { recursive: true });
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
const list: PartsFile = { parts: parts.slice(1).map((_, i) => partFolder(i + 2)) };
writeFileSync(join(output, PARTS_FILE), `${JSON.stringify(list)}\n`);
process.stdout.write(`search index: ${read} pages read${parts.length > 1 ? ` (those with indexed text), in ${parts.length} parts` : ''}\n`);
