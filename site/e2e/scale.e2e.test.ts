/**
 * The site of a generated corpus (run.ts builds it: 300 datasets, 12 councils, 141
 * programmes, 512 documents): every page within the weight budget, every list in pages
 * linked by plain links, and the catalog's filters over the whole catalog from its index.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { plain } from './context.ts';
import { pageWeight } from './weight.ts';

const BUDGET = 50 * 1024;
const url = process.env.E2E_SCALE_URL ?? '';
const site = process.env.E2E_SCALE_SITE ?? '';
const basePath = new URL(url || 'http://x/').pathname;
const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('index.html') && !path.startsWith('pagefind'))
  .map((path) => path.slice(0, -'index.html'.length));
const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
const catalog = JSON.parse(readFileSync(join(site, 'datasets', 'catalog-index.json'), 'utf8')) as { datasets: [string, string, string, number, string, string, string][] };

/** Second pages of every kind of list. */
const SECOND_PAGES = ['datasets/page/2/', 'datasets/format/csv/page/2/', 'reports/page/2/', 'programmes/page/2/', 'publishers/page/2/', 'indicators/website-publications-posted/page/2/'];

/** The text of a built page, its tags left out. */
const textOf = (path: string) => plain(readFileSync(join(site, path, 'index.html'), 'utf8').replace(/<[^>]+>/g, ' '));

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser.close();
});

describe('a portal of 300 datasets', () => {
  it('ships at most 50 KB of compressed HTML and CSS on every page', () => {
    expect(pages.length).toBeGreaterThan(1000);
    const over = pages.map((path) => ({ path, weight: pageWeight(site, basePath, path) })).filter(({ weight }) => weight.html + weight.css > BUDGET);
    expect(over.map(({ path, weight }) => `${path}: ${weight.html + weight.css} B`)).toEqual([]);
  });

  it('has a second page of every list, listed in the sitemap', () => {
    for (const path of SECOND_PAGES) {
      expect(pages).toContain(path);
      expect(sitemap).toContain(`${basePath}${path}</loc>`);
    }
  });

  it('shows at most 50 datasets a page and every dataset on exactly one page of the catalog', () => {
    const listed = pages
      .filter((path) => path === 'datasets/' || /^datasets\/page\/\d+\/$/.test(path))
      .flatMap((path) => {
        const names = [...readFileSync(join(site, path, 'index.html'), 'utf8').matchAll(/data-dataset="([^"]+)"/g)].map((m) => m[1]!);
        expect(names.length).toBeLessThanOrEqual(50);
        return names;
      });
    expect(listed.length).toBe(catalog.datasets.length);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("shows at most 50 of a shared indicator's values a page, every value on exactly one page, and says which", () => {
    const indicators = pages.filter((path) => /^indicators\/[^/]+\/$/.test(path));
    expect(indicators.length).toBeGreaterThan(0);
    let paged = 0;
    for (const first of indicators) {
      // «Спільний показник · 60 чисел · 12 рад»: the number of values, from the first page's lead.
      const total = Number(/Спільний показник · ([\d\s]+) чис/.exec(textOf(first))![1]!.replace(/\s/g, ''));
      const own = [first, ...pages.filter((path) => path.startsWith(`${first}page/`))];
      const ids = own.flatMap((path) => {
        const rows = [...readFileSync(join(site, path, 'index.html'), 'utf8').matchAll(/<tr id="(value-[^"]+)"/g)].map((m) => m[1]!);
        expect(rows.length).toBeLessThanOrEqual(50);
        return rows;
      });
      expect(own.length).toBe(Math.max(1, Math.ceil(total / 50)));
      expect(ids.length).toBe(total);
      expect(new Set(ids).size).toBe(total);
      if (own.length > 1) {
        paged++;
        expect(textOf(`${first}page/2/`)).toContain(`Значення 51–${Math.min(100, total)} з ${total}`);
      }
    }
    expect(paged).toBeGreaterThan(0);
  });

  it.each(SECOND_PAGES)('%s names its place, links the pages before and after, is axe-clean and fits 360 px', async (path) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${url}${path}`);
    const pager = page.locator('nav.pager');
    expect(plain(await pager.locator('.pager-where').innerText())).toMatch(/^Сторінка 2 з \d+$/);
    const first = path.replace(/page\/2\/$/, '');
    expect(await pager.locator('a[rel="prev"]').getAttribute('href')).toBe(`${basePath}${first}`);
    expect(await page.locator('head link[rel="prev"]').getAttribute('href')).toBe(`${basePath}${first}`);
    const next = await pager.locator('a[rel="next"]').count();
    if (next > 0) expect(await page.locator('head link[rel="next"]').getAttribute('href')).toBe(`${basePath}${first}page/3/`);
    expect(await pager.locator('a[aria-current="page"]').innerText()).toContain('2');
    expect(await page.title()).toMatch(/ — сторінка 2 з \d+ · /);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  }, 120_000);

  it('filters the whole catalog, not only the page shown, from an index fetched on use', async () => {
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(`${url}datasets/page/3/`);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((u) => u.includes('catalog-index'))).toEqual([]);
    const year = '2024';
    const expected = catalog.datasets.filter((row) => row[5].split(' ').includes(year)).length;
    expect(expected).toBeGreaterThan(50);
    await page.locator('#filter-year').selectOption(year);
    await expect.poll(() => page.locator('#result-count').innerText()).toContain('Знайдено');
    expect(fetched.filter((u) => u.includes('catalog-index'))).toHaveLength(1);
    const text = plain(await page.locator('#result-count').innerText());
    expect(text).toContain(`Знайдено ${expected} `);
    expect(text).toContain('Показано перші 50.');
    expect(await page.locator('#dataset-list > li').count()).toBe(50);
    expect(await page.locator('#catalog-pager').isHidden()).toBe(true);
    await page.locator('#show-more').click();
    expect(await page.locator('#dataset-list > li').count()).toBe(Math.min(100, expected));
    expect(page.url()).toContain('year=2024');
    await page.locator('button[type="reset"]').click();
    await expect.poll(() => page.locator('#catalog-pager').isVisible()).toBe(true);
    expect(await page.locator('#dataset-list > li').count()).toBe(50);
    await page.close();
  });
});
