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
    const text = plain(await page.locator('main').innerText());
    expect(text.length).toBeGreaterThan(80);
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

  it('shows the first rows of a dataset as a table', async () => {
    const page = await context.newPage();
    await page.goto(`${base}datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/`);
    expect(plain(await page.locator('main').innerText())).toContain('kr-local-self-government-2017-2027');
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(5);
    await page.close();
  });
});
