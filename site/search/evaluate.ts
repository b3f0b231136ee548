/**
 * `npm run search:eval`: builds the site's search index, runs the checked-in queries
 * (site/search/queries.json) through plain pagefind and through the search page's
 * Ukrainian-aware search, in Chromium, and prints recall@5 and precision@5 side by side.
 *
 * A page must be returned when the text the index reads holds one of the query's forms
 * (`queries.json`, in the notation of `relevance.ts`): the pages a query must return are
 * worked out from the pages just built, so the judgment follows the site as pages are added.
 * recall@5: of the pages a query must return (at most five count), the share found in its
 * first five results. precision@5: of its first five results, the share it must return;
 * 0 when it returns nothing but should. A query that must find nothing scores 1 on both
 * when it finds nothing and 0 when it finds anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright';
import { launch } from '../e2e/browser.ts';
import { serve } from '../e2e/serve.ts';
import { indexedText, relevantPages } from './relevance.ts';

interface Query {
  query: string;
  kind: string;
  /** The forms a relevant page holds; none for a query that must find nothing. */
  forms: string[];
}

const project = resolve(import.meta.dirname, '..', '..');
const queries = JSON.parse(readFileSync(join(import.meta.dirname, 'queries.json'), 'utf8')) as Query[];

/** Every page of a built site with the text the index reads, by its path under the base. */
export function indexedPages(root: string): { path: string; text: string }[] {
  const pages: { path: string; text: string }[] = [];
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const parts = file.split(/[\\/]/);
    if (parts.at(-1) !== 'index.html') continue;
    const text = indexedText(readFileSync(join(root, file), 'utf8'));
    if (text !== '') pages.push({ path: `/${parts.slice(0, -1).map((part) => `${part}/`).join('')}`, text });
  }
  return pages;
}
const basePath = '/portal/';
const work = mkdtempSync(join(tmpdir(), 'search-eval-'));
const out = join(work, 'out');
const env = { ...process.env, BASE_PATH: basePath, SITE_OUT: join(out, 'dist') };
const step = (args: string[]) => {
  const result = spawnSync(process.execPath, args, { cwd: project, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
};

export function score(found: string[], expected: string[]): { recall: number; precision: number } {
  const top = found.slice(0, 5);
  if (expected.length === 0) return top.length === 0 ? { recall: 1, precision: 1 } : { recall: 0, precision: 0 };
  const hits = top.filter((path) => expected.includes(path)).length;
  return { recall: hits / Math.min(5, expected.length), precision: top.length === 0 ? 0 : hits / top.length };
}

/** In the page: plain pagefind over the whole index (its parts merged as the search page merges them); the first five URLs. */
async function plainSearch([q, module, base]: readonly [string, string, string]): Promise<string[]> {
  const pagefind = await import(module);
  await pagefind.options({ baseUrl: base });
  const folder = module.slice(0, module.lastIndexOf('/') + 1);
  const list = (await fetch(`${folder}parts.json`).then((r) => r.json())) as { parts: string[] };
  for (const part of list.parts) await pagefind.mergeIndex(`${folder}${part}`, { baseUrl: base });
  const found = await pagefind.search(q);
  return Promise.all(found.results.slice(0, 5).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
}

if (import.meta.main) {
  try {
    step(['pipeline/cli.ts', 'build', '--out', out]);
    const pages = indexedPages(env.SITE_OUT);
    const expected = new Map(queries.map((query) => [query, relevantPages(pages, query.forms)]));
    const { server, url } = await serve(env.SITE_OUT, basePath);
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(url);
    const strip = (href: string) => new URL(href, url).pathname.slice(basePath.length - 1);
    const rows: { query: Query; expect: string[]; plain: string[]; ukrainian: string[] }[] = [];
    for (const query of queries) {
      await page.goto(url);
      const plain = await page.evaluate(plainSearch, [query.query, `${basePath}pagefind/pagefind.js`, basePath] as const);
      await page.goto(`${url}search/?q=${encodeURIComponent(query.query)}`);
      await page.locator('#search-status').filter({ hasText: /знайдено/ }).waitFor({ timeout: 15000 });
      const ranked = await page.locator('#search-results a[data-rank]').evaluateAll((as) => as.map((a) => [Number((a as HTMLElement).dataset.rank), a.getAttribute('href')!] as const));
      const ukrainian = ranked.sort((a, b) => a[0] - b[0]).map(([, href]) => strip(href));
      rows.push({ query, expect: expected.get(query)!, plain: plain.map((u: string) => (u.startsWith(basePath) ? u.slice(basePath.length - 1) : u)), ukrainian });
    }
    // What a first query costs: every file fetched after the page itself has loaded.
    const firstQuery = async (label: string, run: (fresh: Page) => Promise<void>) => {
      const fresh = await browser.newPage();
      await fresh.goto(url);
      await fresh.waitForLoadState('networkidle');
      const sizes: { raw: number; gzip: number; files: number } = { raw: 0, gzip: 0, files: 0 };
      fresh.on('response', async (response) => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        sizes.raw += body.length;
        sizes.gzip += /\.(pf_|wasm)/.test(response.url()) ? body.length : gzipSync(body).length;
        sizes.files++;
      });
      await run(fresh);
      await fresh.waitForLoadState('networkidle');
      await fresh.waitForTimeout(300);
      process.stdout.write(`${label.padEnd(44)} ${String(sizes.files).padStart(3)} files ${String(sizes.raw).padStart(8)} B (${sizes.gzip} B with gzip)\n`);
      await fresh.close();
    };
    process.stdout.write('\nfirst query from a fresh page (what the browser fetches for it):\n');
    for (const q of ['звернення громадян', 'Kryvyi Rih']) {
      await firstQuery(`plain pagefind «${q}»`, async (fresh) => {
        await fresh.evaluate(plainSearch, [q, `${basePath}pagefind/pagefind.js`, basePath] as const);
      });
      await firstQuery(`search page, Ukrainian-aware «${q}»`, async (fresh) => {
        await fresh.locator('header input[type="search"]').fill(q);
        await fresh.locator('header input[type="search"]').press('Enter');
        await fresh.locator('#search-status').filter({ hasText: /знайдено/ }).waitFor();
      });
    }
    await browser.close();
    server.close();

    const kinds = [...new Set(queries.map((q) => q.kind))];
    const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const summary = (select: (r: (typeof rows)[number]) => string[], subset: typeof rows) => {
      const scores = subset.map((r) => score(select(r), r.expect));
      return { recall: average(scores.map((s) => s.recall)), precision: average(scores.map((s) => s.precision)) };
    };
    const line = (label: string, subset: typeof rows) => {
      const p = summary((r) => r.plain, subset);
      const u = summary((r) => r.ukrainian, subset);
      return `${label.padEnd(14)} ${String(subset.length).padStart(4)}   ${p.recall.toFixed(3)}   ${p.precision.toFixed(3)}   ${u.recall.toFixed(3)}   ${u.precision.toFixed(3)}`;
    };
    process.stdout.write(`\n${'queries'.padEnd(14)}    n   plain pagefind    ukrainian-aware\n${''.padEnd(19)} recall@5 prec@5  recall@5 prec@5\n`);
    for (const kind of kinds) process.stdout.write(line(kind, rows.filter((r) => r.query.kind === kind)) + '\n');
    process.stdout.write(line('all', rows) + '\n');
    const misses = rows.filter((r) => score(r.ukrainian, r.expect).recall < 1 || score(r.ukrainian, r.expect).precision < 1);
    if (misses.length > 0) {
      process.stdout.write('\nnot perfect with the Ukrainian-aware search:\n');
      for (const r of misses) process.stdout.write(`  «${r.query.query}» expected ${JSON.stringify(r.expect)} got ${JSON.stringify(r.ukrainian.slice(0, 5))}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
