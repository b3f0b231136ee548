/** axe on every page of the sitemap, and the site used by keyboard alone. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { base, sitemapPages } from './context.ts';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  // axe needs pages of an explicit context.
  context = await browser.newContext();
});
afterAll(async () => {
  await browser.close();
});

describe('axe', () => {
  const pages = sitemapPages();
  it('the sitemap lists the pages of the URL contract', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.some((page) => page.endsWith('/programmes/kr-local-self-government-2017-2027/'))).toBe(true);
  });

  // On a phone the previews and reports lay out as cards: checked at that width too.
  it.each(pages.flatMap((page) => [[new URL(page).pathname, 1280], [new URL(page).pathname, 360]]))('%s has no violations at %i px', async (path, width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(new URL(path, base).href);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
    expect(violations).toEqual([]);
    await page.close();
    // axe takes a minute over the longest report on a busy machine.
  }, 180_000);
});

describe('keyboard alone', () => {
  it('skips to the content, then reaches the search box and searches', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}programmes/kr-local-self-government-2017-2027/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Перейти до змісту');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.goto(`${base}`);
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'header-q');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('звернення');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/\?q=/);
    await page.locator('#search-results a').first().waitFor();
    await page.close();
  });

  it('opens a direction of the programme with Enter', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}programmes/kr-local-self-government-2017-2027/`);
    const summary = page.locator('details > summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });
});
