/** Page-weight budgets on the real site: small pages, code only when it is used. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { base, siteDir, sitemapPages } from './context.ts';
import { pageWeight } from './weight.ts';

const BUDGET = 50 * 1024;
const programme = 'programmes/kr-local-self-government-2017-2027/';
const dataset = 'datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('page weight', () => {
  it.each([programme, dataset])('%s ships at most 50 KB of compressed HTML and CSS', (path) => {
    const weight = pageWeight(siteDir, new URL(base).pathname, path);
    expect(weight.html + weight.css).toBeLessThanOrEqual(BUDGET);
  });

  it('ships at most 50 KB of compressed HTML and CSS on every page of the sitemap', () => {
    const root = new URL(base).pathname;
    const paths = sitemapPages().map((page) => new URL(page).pathname.slice(root.length));
    expect(paths.length).toBeGreaterThan(40);
    const over = paths.map((path) => ({ path, weight: pageWeight(siteDir, root, path) })).filter(({ weight }) => weight.html + weight.css > BUDGET);
    expect(over.map(({ path, weight }) => `${path}: ${weight.html + weight.css} B`)).toEqual([]);
  });

  it('ships no comment written for the templates\' readers', () => {
    const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    const commented = pages.filter((path) => readFileSync(join(siteDir, path), 'utf8').includes('<!--'));
    expect(commented).toEqual([]);
  });

  it('loads search code only when a search is run, and the preview parser only on click', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${base}${dataset}`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    expect(requests.filter((url) => url.endsWith('.csv'))).toEqual([]);
    const scriptsBefore = requests.filter((url) => url.endsWith('.js')).length;
    const csv = page.waitForRequest((request) => request.url().endsWith('.csv'));
    await page.locator('button', { hasText: /Показати всі рядки/ }).first().click();
    await csv;
    expect(requests.filter((url) => url.endsWith('.csv')).length).toBe(1);
    expect(requests.filter((url) => url.endsWith('.js')).length).toBeGreaterThan(scriptsBefore);

    requests.length = 0;
    await page.goto(`${base}${programme}`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => url.includes('/pagefind/') || url.includes('papaparse') || url.endsWith('.csv'))).toEqual([]);
    await page.close();
  });

  it('keeps the programme page\'s own script (copying a figure\'s link, citing it) under 3 KB compressed', () => {
    const weight = pageWeight(siteDir, new URL(base).pathname, programme);
    expect(weight.js).toBeGreaterThan(0);
    expect(weight.js).toBeLessThanOrEqual(3 * 1024);
  });
});
