/** Text from the sources is always text: markup in a description is shown, never run. */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';

const fixture = process.env.E2E_FIXTURE_URL ?? '';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('escaping', () => {
  it('shows a <script> from a source description as text and runs nothing', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${fixture}reports/tc-2021-execution-report/`);
    await page.waitForLoadState('networkidle');
    const text = await page.locator('main').innerText();
    expect(text).toContain('<script>alert("xss")</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    // The site's own modules only: nothing inline, nothing from a source.
    const scripts = await page.locator('main script').evaluateAll((all) => all.map((s) => s.getAttribute('src') ?? `inline: ${s.textContent}`));
    expect(scripts.filter((src) => !/^\/[^"]*_astro\/[\w.-]+\.js$/.test(src))).toEqual([]);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
