/**
 * The site on a 360 px phone: no page wider than the screen, a dataset preview that reads
 * as cards with Ukrainian titles and no ids, long pages with contents, and every figure
 * with its own address and a citation.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { base, plain, sitemapPages } from './context.ts';

const PHONE = { width: 360, height: 740 };
/** The lists the menu leads to, and the search page with results. */
const MORE = ['programmes/', 'reports/', 'publishers/', 'search/?q=звернення'];
const pages = [...new Set([...sitemapPages().map((page) => new URL(page).pathname.slice(new URL(base).pathname.length)), ...MORE])];
const dataset = 'datasets/kryvyi-rih-pokaznyky-zvitiv-vykonavchykh-orhaniv/';
const report = 'reports/kropyvnytskyi-2021-programmes-presentation/';

let browser: Browser;
let phone: BrowserContext;
let phoneNoJs: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  phone = await browser.newContext({ viewport: PHONE });
  await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  phoneNoJs = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
});
afterAll(async () => {
  await browser.close();
});

/** A card as a reader sees it: each shown cell as «title: text», the title being the stylesheet's label. */
const card = (row: ReturnType<Page['locator']>) =>
  row.locator('td').evaluateAll((cells) =>
    cells
      .filter((c) => getComputedStyle(c).display !== 'none')
      .map((c) => {
        const label = getComputedStyle(c, '::before').content;
        const text = (c.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
        return label === 'none' ? text : `${JSON.parse(label)}${text}`;
      }),
  );

/** A page once its scripts have run (module scripts run before the load event). */
async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return page;
}

/** How wide the page is, and what sticks out beyond the screen if anything does. */
const width = (page: Page) =>
  page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && getComputedStyle(e).position !== 'absolute')
      .filter((e) => !e.closest('.table-wrap, pre'))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`),
  }));

describe('no page is wider than a 360 px phone', () => {
  it('covers every page of the sitemap', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages.map((path) => [path]))('/%s', async (path) => {
    for (const context of [phone, phoneNoJs]) {
      const page = await open(context, path);
      expect(await width(page)).toEqual({ width: PHONE.width, wide: [] });
      await page.close();
    }
  });
});

describe('the menu', () => {
  it('leads to programmes and documents from every page', async () => {
    const page = await open(phoneNoJs, dataset);
    const menu = page.getByRole('navigation', { name: 'Основна навігація' });
    await menu.getByRole('link', { name: 'Програми' }).click();
    await page.waitForURL(/\/programmes\/$/);
    await menu.getByRole('link', { name: 'Документи' }).click();
    await page.waitForURL(/\/reports\/$/);
    expect(await menu.getByRole('link', { name: 'Документи' }).getAttribute('aria-current')).toBe('page');
    await page.close();
  });
});

describe('a dataset preview on a phone', () => {
  it('reads as cards of the columns a person reads first, titled in Ukrainian, without ids', async () => {
    const page = await open(phone, dataset);
    const preview = page.locator('[data-preview][data-table="observations"]');
    const row = preview.locator('tbody tr').first();
    const box = await row.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await card(row)).toEqual([
      'Сесії Криворізької міської ради VIII скликання, що відбулися',
      'Значення: 11',
      'Одиниця: сесій',
      'Період: 2023 рік',
      expect.stringMatching(/^Цитата: Відбулося 11 сесій/),
    ]);
    // No id, no code name, no ISO date among what the card shows.
    expect(plain(await row.innerText())).not.toMatch(/kr-2023|observation_id|document_id|2023-01-01/);
    await page.close();
  });

  it('lets the reader tick columns on and off without JavaScript', async () => {
    const page = await open(phoneNoJs, dataset);
    const preview = page.locator('[data-preview][data-table="observations"]');
    const row = preview.locator('tbody tr').first();
    expect((await card(row)).some((cell) => cell.startsWith('Документ:'))).toBe(false);
    await preview.locator('summary', { hasText: 'Стовпці' }).click();
    await preview.getByLabel('Документ', { exact: true }).check();
    await preview.getByLabel('Цитата', { exact: true }).uncheck();
    const cells = await card(row);
    expect(cells).toContain('Документ: kr-2023-programme-execution-report');
    expect(cells.some((cell) => cell.startsWith('Цитата:'))).toBe(false);
    await page.close();
  });

  it('loads all rows and sorts them from a row of buttons above the cards', async () => {
    const page = await open(phone, 'datasets/kropyvnytskyi-pokaznyky-vykonannia-biudzhetnykh-prohram-2021/');
    const preview = page.locator('[data-preview][data-table="observations"]');
    expect(await preview.locator('tbody tr').count()).toBe(10);
    await preview.getByRole('button', { name: 'Показати всі рядки й сортувати' }).click();
    await preview.locator('table.sortable').waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(126);
    const sort = preview.getByRole('button', { name: 'Значення', exact: true });
    expect(await sort.isVisible()).toBe(true);
    await sort.click();
    await sort.click();
    const first = plain(await preview.locator('tbody tr').first().innerText());
    expect(first).toContain('14 981 800 грн');
    expect(await width(page)).toEqual({ width: PHONE.width, wide: [] });
    await page.close();
  });
});

describe('a long report on a phone', () => {
  it('opens with contents that lead to each of its sections', async () => {
    const page = await open(phoneNoJs, report);
    const contents = page.getByRole('navigation', { name: 'Зміст' });
    const sections = await page.locator('.figure-section h3').count();
    expect(sections).toBe(17);
    expect(await contents.locator('a[href^="#section-"]').count()).toBe(sections);
    await contents.locator('a[href="#section-9"]').click();
    expect(await page.evaluate(() => location.hash)).toBe('#section-9');
    const top = await page.locator('#section-9').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    await page.close();
  });

  it('gives every figure its own anchor, linked from under it', async () => {
    const page = await open(phoneNoJs, report);
    const rows = page.locator('table.figures tbody tr');
    expect(await rows.count()).toBe(126);
    const missing = await rows.evaluateAll((trs) => trs.filter((tr) => !tr.id || !tr.querySelector(`a[href="#${tr.id}"]`)).length);
    expect(missing).toBe(0);
    await page.close();
  });

  it('copies a figure’s address, and cites it with document, section, quote, address and date', async () => {
    const page = await open(phone, report);
    const id = 'figure-housing-general-queue';
    const row = page.locator(`#${id}`);
    const quote = plain(await row.locator('.quote').innerText()).replace(/^«|»$/g, '');
    await row.getByRole('button', { name: 'копіювати посилання' }).click();
    await row.getByRole('status').filter({ hasText: 'Посилання скопійовано' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`/reports/kropyvnytskyi-2021-programmes-presentation/#${id}$`));
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);

    const cite = row.getByRole('button', { name: 'цитувати' });
    await cite.click();
    expect(await cite.getAttribute('aria-expanded')).toBe('true');
    const citation = plain(await row.locator('.cite-box p').innerText());
    expect(citation).toContain('Кропивницька міська рада. Публічне представлення виконання бюджетних Програм');
    expect(citation).toContain('Розділ «Квартирний облік за місцем проживання при Виконавчому комітеті Кропивницької міської ради»');
    expect(citation).toContain(`«${quote}»`);
    expect(quote).toContain('У загальній черзі перебуває');
    expect(citation).toContain('Число: 2 617');
    expect(citation).toContain(`/reports/kropyvnytskyi-2021-programmes-presentation/#${id}`);
    expect(citation).toMatch(/дата звернення: \d{2}\.\d{2}\.\d{4}/);
    await row.getByRole('button', { name: 'Копіювати цитату' }).click();
    await row.getByRole('status').filter({ hasText: 'Цитату скопійовано' }).waitFor();
    expect(plain(await page.evaluate(() => navigator.clipboard.readText()))).toBe(citation);
    await page.close();
  });

  it('without JavaScript, the two are links: to the figure, and to how to cite', async () => {
    const page = await open(phoneNoJs, report);
    const row = page.locator('table.figures tbody tr').nth(3);
    const id = await row.getAttribute('id');
    await row.getByRole('link', { name: 'посилання на число' }).click();
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
    await row.getByRole('link', { name: 'як цитувати' }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#cite');
    expect(plain(await page.locator('#cite + p + p').innerText())).toMatch(/^Кропивницька міська рада\. Публічне представлення .* URL: .*\/reports\/kropyvnytskyi-2021-programmes-presentation\/ \(дата звернення: дд\.мм\.рррр\)\.$/);
    await page.close();
  });
});
