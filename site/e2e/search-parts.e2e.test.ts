/**
 * A large portal's search index is written in parts and merged in the browser. The real
 * site is small enough for one part, so here a copy of it is indexed in parts of a few
 * hundred kilobytes, and the search page must find there what it finds on the whole index.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { basePath, project, workDir } from './build.ts';
import { base, siteDir } from './context.ts';
import { serve } from './serve.ts';

let browser: Browser;
let page: Page;
let work: string;
let parted: { server: Server; url: string };
let copy: string;
let printed: string;

beforeAll(async () => {
  work = workDir('search-parts-');
  copy = join(work, 'dist');
  // Hard links: the pages are the same files; the indexer replaces pagefind/ as a whole.
  expect(spawnSync('cp', ['-al', siteDir, copy]).status).toBe(0);
  const indexed = spawnSync(process.execPath, ['site/scripts/index-search.ts'], { cwd: project, env: { ...process.env, SITE_OUT: copy, SEARCH_PART_MB: '0.25' }, encoding: 'utf8' });
  expect(indexed.status, indexed.stderr).toBe(0);
  expect(indexed.stdout).toMatch(/in \d+ parts/);
  printed = indexed.stdout;
  parted = await serve(copy, basePath);
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  parted?.server.close();
  rmSync(work, { recursive: true, force: true });
});

async function search(at: string, query: string, filter = ''): Promise<{ status: string; hrefs: string[] }> {
  await page.goto(`${at}search/?q=${encodeURIComponent(query)}${filter}`);
  const status = page.locator('#search-status').filter({ hasText: /знайдено/ });
  await status.waitFor();
  const ranked = await page.locator('#search-results a[data-rank]').evaluateAll((links) => links.map((a) => [Number((a as HTMLElement).dataset.rank), a.getAttribute('href')!] as const));
  return { status: await status.innerText(), hrefs: ranked.sort((a, b) => a[0] - b[0]).map(([, href]) => href) };
}

describe('search over an index in parts', () => {
  it('writes more than one part and lists the others in parts.json', () => {
    const list = JSON.parse(readFileSync(join(copy, 'pagefind', 'parts.json'), 'utf8')) as { parts: string[] };
    expect(list.parts.length).toBeGreaterThan(0);
    expect(list.parts[0]).toBe('parts/2/');
    const whole = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'parts.json'), 'utf8')) as { parts: string[] };
    expect(whole.parts).toEqual([]);
  });

  it('indexes every page of the whole index once, whichever part it falls in', () => {
    const pageCount = (folder: string) => (JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages.uk!.page_count;
    const whole = pageCount(join(siteDir, 'pagefind'));
    const list = JSON.parse(readFileSync(join(copy, 'pagefind', 'parts.json'), 'utf8')) as { parts: string[] };
    const inParts = ['', ...list.parts].reduce((sum, folder) => sum + pageCount(join(copy, 'pagefind', folder)), 0);
    expect(whole).toBeGreaterThan(10);
    expect(inParts).toBe(whole);
    expect(printed).toContain(`search index: ${whole} pages read`);
  });

  it.each(['звернення громадян', 'Кривий Ріг', 'Ivano-Frankivsk', '1 243 280,57', 'програма'])('«%s» finds the same pages as on the whole index', async (query) => {
    const whole = await search(base, query);
    const inParts = await search(parted.url, query);
    expect(inParts.hrefs.length).toBeGreaterThan(0);
    expect([...inParts.hrefs].sort()).toEqual([...whole.hrefs].sort());
  });

  it('offers every publisher as a filter, gathered from all parts', async () => {
    const options = async (at: string) => {
      await search(at, 'програма');
      return page.locator('select[name="publisher"] option').allTextContents();
    };
    const whole = await options(base);
    expect(whole.length).toBeGreaterThan(2);
    expect(await options(parted.url)).toEqual(whole);
  });
});

describe('a part taken over from the previous index', () => {
  const index = (site: string, previous?: string) => {
    const run = spawnSync(process.execPath, ['site/scripts/index-search.ts'], {
      cwd: project,
      env: { ...process.env, SITE_OUT: site, SEARCH_PART_MB: '0.25', ...(previous ? { SEARCH_PREVIOUS: previous } : {}) },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  it('is linked, not indexed again, when its pages give the index the same; a changed publisher\'s part is indexed again', () => {
    const next = join(work, 'next');
    expect(spawnSync('cp', ['-al', siteDir, next]).status).toBe(0);
    rmSync(join(next, 'pagefind'), { recursive: true, force: true });
    // Nothing changed: every part is taken over.
    const same = index(next, copy);
    expect(same).toMatch(/search index: 0 pages read.*; (\d+) of \1 parts taken over unchanged/);
    // A page of one publisher changes in what it gives the index (a copy, not the linked file).
    const page = join(next, 'publishers', 'kropyvnytskyi-city-council', 'index.html');
    const html = readFileSync(page, 'utf8');
    rmSync(page);
    writeFileSync(page, html.replace('</h1>', ' Новинка</h1>'));
    const changed = index(next, copy);
    const [, read, taken, parts] = /search index: (\d+) pages read.*; (\d+) of (\d+) parts taken over/.exec(changed) ?? [];
    expect(Number(taken)).toBe(Number(parts) - 1);
    expect(Number(read)).toBeGreaterThan(0);
    const list = JSON.parse(readFileSync(join(next, 'pagefind', 'parts.json'), 'utf8')) as { parts: string[] };
    const before = JSON.parse(readFileSync(join(copy, 'pagefind', 'parts.json'), 'utf8')) as { parts: string[] };
    expect(list.parts).toEqual(before.parts);
  });

  it('is indexed again when a file of it differs from its record', () => {
    const next = join(work, 'tampered');
    expect(spawnSync('cp', ['-al', siteDir, next]).status).toBe(0);
    rmSync(join(next, 'pagefind'), { recursive: true, force: true });
    const previous = join(work, 'previous');
    expect(spawnSync('cp', ['-r', copy, previous]).status).toBe(0);
    const entry = join(previous, 'pagefind', 'parts', '2', 'pagefind-entry.json');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('"uk"', '"uk" '));
    const printedNow = index(next, previous);
    const [, taken, parts] = /; (\d+) of (\d+) parts taken over/.exec(printedNow) ?? [];
    expect(Number(taken)).toBe(Number(parts) - 1);
  });
});
