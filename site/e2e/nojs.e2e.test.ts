/** With JavaScript off every page still shows its content, charts and tables. */
import type { Browser, BrowserContext } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { base, plain, sitemapPages } from './context.ts';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser.close();
});

describe('without JavaScript', () => {
  it.each(sitemapPages().map((page) => [new URL(page).pathname]))('%s shows its content', async (path) => {
    const page = await context.newPage();
    const response = await page.goto(new URL(path, base).href);
    expect(response?.status()).toBe(200);
    // The page's own heading, the one its title names, and content beneath it: text, a list or a table.
    const heading = plain(await page.locator('main h1').innerText());
    expect(heading).not.toBe('');
    const title = plain(await page.title());
    expect(title === heading || title.startsWith(`${heading} · `), `title «${title}», heading «${heading}»`).toBe(true);
    expect(await page.locator('main p:visible, main li:visible, main table:visible, main dl:visible').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('judges freshness as of the build and leaves the date of access in a citation to the reader', async () => {
    const page = await context.newPage();
    await page.goto(`${base}datasets/kropyvnytskyi-pokaznyky-vykonannia-biudzhetnykh-prohram-2021/`);
    const freshness = plain(await page.locator('.freshness').innerText());
    expect(freshness).toContain('Не оновлений');
    expect(freshness).not.toContain('Актуальний');
    expect(freshness).toContain('Перевірено на день збирання сайту.');
    expect(plain(await page.locator('.citation').innerText())).toMatch(/ \(дата звернення: дд\.мм\.рррр\)\. Ліцензія CC BY 4\.0\.$/);
    await page.close();
  });

  it('draws the programme charts and tables on the server', async () => {
    const page = await context.newPage();
    await page.goto(`${base}programmes/kr-local-self-government-2017-2027/`);
    expect(await page.locator('figure svg').count()).toBeGreaterThan(0);
    expect(await page.locator('main table').count()).toBeGreaterThan(1);
    expect(plain(await page.locator('main').innerText())).toContain('1 243 280,57 грн');
    await page.close();
  });

  it('shows the first rows of a dataset as a table, under the columns\' Ukrainian titles', async () => {
    const page = await context.newPage();
    await page.goto(`${base}datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/`);
    const execution = page.locator('[data-preview][data-table="execution"] table');
    expect(await execution.locator('thead th:visible').allInnerTexts()).toEqual(['Рік', 'Назва напряму', 'Заплановано', 'Звітовано', 'Як названо суму (укр.)', 'Виконання, %']);
    const direction = plain(await execution.locator('tbody tr', { hasText: 'Проведення урочистостей' }).innerText());
    expect(direction).toMatch(/^2023 Проведення урочистостей .* 1 255 765 грн 1 243 280,57 грн виділено 99,01 %$/);
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(5);
    await page.close();
  });

  /**
   * A control that needs a script is hidden until the script shows it; what shows without
   * one is a link, a disclosure, a form that submits, or the preview's column boxes (which
   * the stylesheet acts on; phone.e2e.test.ts ticks them).
   */
  it.each(sitemapPages().map((page) => [new URL(page).pathname]))('%s shows no control that needs a script', async (path) => {
    const page = await context.newPage();
    await page.goto(new URL(path, base).href);
    const dead = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, input, select, textarea')]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => {
          if (el.closest('.pick') && el.matches('input[type="checkbox"]')) return false;
          const form = el.closest('form');
          const submits = form !== null && form.getAttribute('action') !== null;
          return !submits || (el instanceof HTMLButtonElement && el.type === 'button');
        })
        .map((el) => `${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim() || el.getAttribute('name') || ''}»`),
    );
    expect(dead).toEqual([]);
    await page.close();
  });

  it('the search page shows no empty filters before a search', async () => {
    const page = await context.newPage();
    await page.goto(`${base}search/`);
    expect(await page.locator('fieldset.search-filters').isVisible()).toBe(false);
    expect(await page.locator('select:visible').count()).toBe(0);
    expect(plain(await page.locator('main').innerText())).toContain('Пошук працює з увімкненим JavaScript');
    await page.close();
  });
});
