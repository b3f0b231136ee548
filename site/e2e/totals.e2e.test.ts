/**
 * Every summary a programme page shows equals the sum of the rows it summarises: direction
 * totals, the planned funding, plan and report of every execution year, and the headline
 * figures. A total the document prints may differ from its parts only where the page says so
 * in a quality note. The page marks each total (data-total-of) and its parts (data-part-of).
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { base, sitemapPages } from './context.ts';

/** Exact sum of plain decimal texts, as integers of the finest scale. */
function exactSum(values: string[]): string {
  const scale = Math.max(0, ...values.map((v) => (v.split('.')[1] ?? '').length));
  const units = values.reduce((acc, v) => {
    const [whole = '0', fraction = ''] = v.split('.');
    return acc + BigInt(whole + fraction.padEnd(scale, '0'));
  }, 0n);
  const digits = units.toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('programme pages', () => {
  const pages = sitemapPages().map((page) => new URL(page).pathname).filter((path) => /\/programmes\/[^/]+\/$/.test(path));

  it('are in the sitemap', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages.map((path) => [path]))('%s: every total equals the sum of its rows', async (path) => {
    const page = await browser.newPage();
    await page.goto(new URL(path, base).href);
    const marked = await page.evaluate(() => {
      const read = (attribute: string) =>
        [...document.querySelectorAll<HTMLElement>(`[${attribute}]`)].map((el) => ({ group: el.getAttribute(attribute)!, value: el.dataset.value ?? null, text: el.innerText }));
      // A direction whose measures carry money must show their sum, not «no amount».
      const unsummed = [...document.querySelectorAll<HTMLDetailsElement>('details.direction')]
        .filter((d) => [...d.querySelectorAll('.measure-facts dt')].some((dt) => dt.textContent === 'Заплановано') && !d.querySelector('summary [data-total-of]'))
        .map((d) => d.querySelector('summary')!.textContent!.replace(/\s+/g, ' ').trim());
      return { totals: read('data-total-of'), parts: read('data-part-of'), notes: document.querySelectorAll('section[aria-labelledby="quality"] .note').length, unsummed };
    });
    await page.close();
    expect(marked.unsummed).toEqual([]);
    const groups = [...new Set(marked.totals.map((t) => t.group))];
    expect(groups.length, 'marked totals').toBeGreaterThan(0);
    const differences: string[] = [];
    for (const group of groups) {
      const parts = marked.parts.filter((p) => p.group === group && p.value !== null).map((p) => p.value!);
      if (parts.length === 0) continue;
      const computed = exactSum(parts);
      for (const total of marked.totals.filter((t) => t.group === group && t.value !== null)) {
        if (exactSum([total.value!]) !== computed) differences.push(`${group}: «${total.text.trim()}» is ${total.value}, its rows add up to ${computed}`);
      }
    }
    // A printed total that does not add up is published as printed, with a quality note.
    if (marked.notes === 0) expect(differences).toEqual([]);
    // Every direction total the page shows has its rows beside it.
    const directionTotals = new Set(marked.totals.filter((t) => t.group.startsWith('direction-')).map((t) => t.group));
    const withRows = new Set(marked.parts.filter((p) => p.group.startsWith('direction-')).map((p) => p.group));
    expect([...directionTotals].filter((g) => !withRows.has(g))).toEqual([]);
  });
});
