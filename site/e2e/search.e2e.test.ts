/** The search page as a reader types into it: inflected forms, Latin letters, apostrophes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { base, siteDir } from './context.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser.close();
});

async function search(query: string): Promise<{ href: string; marks: string[] }[]> {
  await page.goto(`${base}search/?q=${encodeURIComponent(query)}`);
  await page.locator('#search-status').filter({ hasText: /знайдено/ }).waitFor();
  const results = await page.locator('#search-results a[data-rank]').evaluateAll((links) =>
    links.map((a) => ({
      rank: Number((a as HTMLElement).dataset.rank),
      href: a.getAttribute('href')!,
      marks: [...a.parentElement!.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
  return results.sort((a, b) => a.rank - b.rank).map(({ href, marks }) => ({ href, marks }));
}

describe('search that understands Ukrainian', () => {
  it('shows first the group of the best match: for «бюджет участі» the pages that hold the phrase, not a programme with the words apart', async () => {
    await search('бюджет участі');
    const shown = await page.locator('#search-results a[data-rank]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(shown[0]).not.toContain('/programmes/');
    expect(shown.at(-1)).toContain('/programmes/kr-local-self-government-2017-2027/');
    const headings = await page.locator('#search-results h2').allInnerTexts();
    expect(headings.at(-1)).toBe('Програма');
  });

  it('«Кривий Ріг» finds the Kryvyi Rih programme page, marking the forms the page prints', async () => {
    const results = await search('Кривий Ріг');
    const programme = results.find((r) => r.href.endsWith('/programmes/kr-local-self-government-2017-2027/'));
    expect(programme).toBeDefined();
    const marks = results.flatMap((r) => r.marks).join(' ');
    expect(marks).toMatch(/Кривому|Кривого/);
    expect(marks).toMatch(/Розі|Рогу/);
  });

  it('«Кривий Ріг» marks only forms of its two words: not розвитку, Розпорядник, розробників, Криворізька', async () => {
    const marks = (await search('Кривий Ріг')).flatMap((r) => r.marks);
    expect(marks.length).toBeGreaterThan(3);
    const strangers = marks.filter((mark) => !/^(крив(ий|ого|ому|им|ім)|ріг|рогу|рогом|розі)$/i.test(mark));
    expect(strangers).toEqual([]);
    // Pagefind itself matched those by their first letters (роз-): the page marks again.
    // As text, so that the test runner does not rewrite the import() for Node.
    const raw = await page.evaluate<string>(`(async () => {
      const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
      await pagefind.options({ baseUrl: ${JSON.stringify(new URL(base).pathname)} });
      const found = await pagefind.search('крив роз');
      const data = await Promise.all(found.results.map((r) => r.data()));
      return data.map((d) => d.excerpt).join(' ');
    })()`);
    expect(raw).toMatch(/<mark>(розвитку|Розпорядник|розробників)/i);
  });

  it('marks a number typed without spaces where the page prints it with them', async () => {
    const marks = (await search('1243280,57')).flatMap((r) => r.marks);
    expect(marks.map((m) => m.replace(/\s/g, ' '))).toContain('1 243 280,57');
    expect(marks.filter((m) => !/^1\s243\s280,57$/.test(m))).toEqual([]);
  });

  it('«звернення громадян» finds the Kropyvnytskyi report', async () => {
    const results = await search('звернення громадян');
    expect(results.slice(0, 5).some((r) => r.href.endsWith('/reports/kropyvnytskyi-2021-programmes-presentation/'))).toBe(true);
  });

  it('Ivano-Frankivsk, typed in Latin letters, finds the Ivano-Frankivsk report', async () => {
    const results = await search('Ivano-Frankivsk');
    expect(results.slice(0, 5).some((r) => r.href.endsWith('/reports/if-2022-h1-strategic-development-report/'))).toBe(true);
    expect(results.flatMap((r) => r.marks).some((mark) => mark.startsWith('Івано-Франківськ'))).toBe(true);
  });

  it('gives the same results for «пам’ятних» and «пам\'ятних», and shows each page\'s own apostrophe', async () => {
    const curly = await search('пам’ятних');
    const straight = await search("пам'ятних");
    expect(curly.map((r) => r.href)).toEqual(straight.map((r) => r.href));
    expect(curly.length).toBeGreaterThan(0);
    // A curly query finds pages that print the straight apostrophe, and marks the word as the page prints it.
    const marks = curly.flatMap((r) => r.marks);
    expect(marks.some((mark) => mark.includes("пам'ятн"))).toBe(true);
    for (const result of [...curly, ...straight]) {
      const html = readFileSync(join(siteDir, new URL(result.href, base).pathname.slice(new URL(base).pathname.length), 'index.html'), 'utf8');
      for (const mark of result.marks) expect(html, `${result.href} prints «${mark}»`).toContain(mark);
    }
  });

  it('finds an amount however it is typed', async () => {
    for (const query of ['1243280', '1 243 280', '1 243 280,57']) {
      const results = await search(query);
      expect(results.some((r) => r.href.endsWith('/programmes/kr-local-self-government-2017-2027/')), query).toBe(true);
    }
  });

  it('says what was searched when nothing is found', async () => {
    await page.goto(`${base}search/?q=${encodeURIComponent('метрополітен')}`);
    const status = page.locator('#search-status');
    await status.filter({ hasText: /нічого не знайдено/ }).waitFor();
    expect(await status.innerText()).toContain('метрополітен');
    expect(await page.locator('#search-results a').count()).toBe(0);
  });
});
