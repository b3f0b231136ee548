/** What a citizen, a journalist and a harvester do on the built site, in Chromium. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { base, plain } from './context.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the programme of decision No. 1176', () => {
  it('shows the planned total and the 2023 execution against the plan', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}programmes/kr-local-self-government-2017-2027/`);
    const text = plain(await page.locator('main').innerText());
    expect(text).toContain('12 023 016 грн');
    expect(text).toMatch(/2017\s*–\s*2027/);
    expect(text).toContain('1 254 863,57 грн');
    expect(text).toContain('1 267 348 грн');
    expect(text).toContain('99,01 %');
    await page.close();
  });
});

describe('downloads', () => {
  it('gives a CSV whose bytes match the sha256 the dataset page states', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/`);
    const link = page.locator('a[href$="/execution.csv"]').first();
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    const html = await page.content();
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    const digest = createHash('sha256').update(await response.body()).digest('hex');
    expect(html).toContain(digest);
    expect(await response.text()).toContain('1243280.57');
    await page.close();
  });
});

describe('for a spreadsheet', () => {
  it('«CSV для Excel» gives the table with a BOM, semicolons, decimal commas and Ukrainian titles, value for value', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/`);
    const item = page.locator('[data-excel][data-table="execution-totals"]');
    const download = page.waitForEvent('download');
    await item.getByRole('button', { name: /CSV для Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027-execution-totals-excel.csv');
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    const header = lines[0]!.split(';');
    expect(header).toContain('Звітовано');
    expect(header).toContain('Виконання, %');
    const csv = await (await page.request.get(new URL('execution-totals.csv', page.url()).href)).text();
    expect(lines).toHaveLength(csv.trim().split('\n').length);
    const total = lines.find((line) => line.startsWith('kr-local-self-government-2017-2027;2023;'))!.split(';');
    expect(total[header.indexOf('Звітовано')]).toBe('1254863,57');
    expect(total[header.indexOf('Заплановано')]).toBe('1267348');
    expect(total[header.indexOf('Виконання, %')]).toBe('99,01');
    expect(total[header.indexOf('Звітовано (як надруковано)')]).toBe('"=""1 254 863,57"""');
    await page.close();
  });
});

describe('freshness', () => {
  it('calls a dataset of 2021 figures, promised yearly, late, and says why', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}datasets/kropyvnytskyi-pokaznyky-vykonannia-biudzhetnykh-prohram-2021/`);
    const text = plain(await page.locator('.freshness').innerText());
    expect(text).toContain('Не оновлений');
    expect(text).not.toContain('Актуальний');
    expect(text).toContain('дані за 2022 рік мали з’явитися до 31.03.2023');
    expect(text).toContain('Найновіші дані — за 2021 рік');
    await page.close();
  });

  it("judges again on the reader's day and cites with it, which the page itself does not carry", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/`);
    const today = new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    expect(plain(await page.locator('.freshness [data-checked]').innerText())).toBe(`Перевірено сьогодні, ${today}.`);
    expect(plain(await page.locator('.citation').innerText())).toContain(`(дата звернення: ${today}). Ліцензія CC BY 4.0.`);
    await page.close();
  });
});

describe('quality notes', () => {
  it("the home page's banner leads to every note, each with its document", async () => {
    const page = await browser.newPage();
    await page.goto(base);
    const banner = page.locator('main .note', { hasText: 'не сходяться' });
    await banner.getByRole('link', { name: 'Переглянути зауваження' }).click();
    await page.waitForURL(/#quality$/);
    const notes = page.locator('h2#quality ~ .note');
    expect(await notes.count()).toBe(4);
    expect(await notes.locator('a[href*="/reports/"]').count()).toBe(4);
    await page.close();
  });
});

describe('search', () => {
  it('finds the programme by a word from its title, from the box in the header', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.locator('header input[type="search"]').fill('самоврядування');
    await page.locator('header input[type="search"]').press('Enter');
    await page.waitForURL(/search\/\?q=/);
    const first = page.locator('#search-results a').first();
    await first.waitFor();
    const links = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.some((href) => href?.includes('/council-open-data/programmes/kr-local-self-government-2017-2027/'))).toBe(true);
    expect(plain(await page.locator('#search-status').innerText())).toMatch(/знайдено \d+/);
    await page.close();
  });

  it('says so when nothing is found', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}search/?q=${encodeURIComponent('щоцегонемає')}`);
    await page.locator('#search-status', { hasText: 'нічого не знайдено' }).waitFor();
    await page.close();
  });
});

describe('the catalog', () => {
  it('narrows by publisher with JavaScript, and by facet links without it', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}datasets/`);
    const items = page.locator('[data-dataset]:visible');
    const all = await items.count();
    expect(all).toBeGreaterThan(3);
    const select = page.locator('select[name="publisher"]');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const kropyvnytskyi = options.find((value) => value.includes('kropyvnytskyi')) ?? options[0]!;
    await select.selectOption(kropyvnytskyi);
    await expect.poll(() => items.count()).toBeLessThan(all);
    expect(page.url()).toContain('publisher=');
    await page.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${base}datasets/`);
    const facet = noJs.locator('a[href*="/datasets/publisher/"]').first();
    await facet.click();
    await noJs.waitForURL(/datasets\/publisher\//);
    const narrowed = await noJs.locator('[data-dataset]').count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    await context.close();
  });
});

describe('under a base path, with nothing from elsewhere', () => {
  it('loads every asset from the site itself and links inside the base path', async () => {
    const page = await browser.newPage();
    const origin = new URL(base).origin;
    const foreign: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    for (const path of ['', 'programmes/kr-local-self-government-2017-2027/', 'datasets/', 'search/?q=звіт']) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
    }
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.filter((href) => !href.startsWith('/council-open-data/'))).toEqual([]);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    await page.close();
  });
});
