/**
 * What every page of the sitemap says, read as a Ukrainian reader reads it: counts agree
 * with their numbers, dates and years are written the Ukrainian way, no placeholder address,
 * no English outside the names of formats, standards, licences and codes. Quotes from the
 * documents stay as printed, so counts are checked outside <q> and <blockquote> only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launch } from './browser.ts';
import { project } from './build.ts';
import { base, sitemapPages } from './context.ts';
import { countFindings, dateFindings, latinFindings, placeholderFindings, type Paradigm } from './ukrainian.ts';

/** The nouns the site's own sentences count, written here by hand, apart from the site's code. */
const SITE_NOUNS: Paradigm[] = [
  ['набір даних', 'набори даних', 'наборів даних', 'набору даних'],
  ['набір', 'набори', 'наборів', 'набору'],
  ['таблиця', 'таблиці', 'таблиць', 'таблиці'],
  ['таблицю', 'таблиці', 'таблиць', 'таблиці'],
  ['рядок', 'рядки', 'рядків', 'рядка'],
  ['поле', 'поля', 'полів', 'поля'],
  ['число', 'числа', 'чисел', 'числа'],
  ['міська рада', 'міські ради', 'міських рад', 'міської ради'],
  ['програма', 'програми', 'програм', 'програми'],
  ['документ', 'документи', 'документів', 'документа'],
  ['захід', 'заходи', 'заходів', 'заходу'],
  ['результат', 'результати', 'результатів', 'результату'],
  ['підсумок', 'підсумки', 'підсумків', 'підсумку'],
  ['символ', 'символи', 'символів', 'символу'],
  ['зміна', 'зміни', 'змін', 'зміни'],
  ['розпорядник', 'розпорядники', 'розпорядників', 'розпорядника'],
].map(([one, few, many, other]) => ({ one: one!, few: few!, many: many!, other: other! }));

/** The counted units of the documents, as their authors declined them once. */
function sourceUnits(): Paradigm[] {
  const { units } = parse(readFileSync(join(project, 'datasets', 'units.yaml'), 'utf8')) as { units: { unit: string; one?: string; few?: string; other?: string; year?: true }[] };
  return units.filter((u) => !u.year).map((u) => ({ one: u.one!, few: u.few!, many: u.unit, other: u.other! }));
}

/**
 * Names a reader of a data portal meets in Latin letters: formats, standards, licences, codes,
 * and names the documents themselves print in Latin letters (ДСТУ ISO/IEC, мережа Internet, ID-картка).
 */
const ALLOWED = new Set(
  `CSV JSON XLSX XML HTML PDF JSON-LD DCAT DCAT-AP DCAT-US Turtle CKAN Frictionless Data Package v2 Table Schema SHA-256 UTF-8 BOM
   CC BY Creative Commons Attribution International Atom RSS API URL UUID Excel LibreOffice
   package_show package_list datapackage data gov ua
   ISO IEC ID Internet Facebook Telegram Viber YouTube Instagram`.split(/\s+/),
);

const paradigms = [...SITE_NOUNS, ...sourceUnits()];

interface Texts {
  /** Everything a reader can read, with every <details> opened. */
  all: string;
  /** The same without quotations, code and passages marked as another language. */
  prose: string;
  html: string;
}

async function texts(page: Page): Promise<Texts> {
  return page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const all = document.body.innerText;
    const html = document.documentElement.outerHTML;
    document.querySelectorAll('q, blockquote, code, script, style, [lang]:not([lang|="uk"])').forEach((el) => el.replaceWith(document.createTextNode(' … ')));
    return { all, prose: document.body.innerText, html };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the text of every page', () => {
  const pages = sitemapPages().map((page) => new URL(page).pathname);

  it.each(pages.map((path) => [path]))('%s reads as Ukrainian', async (path) => {
    const page = await browser.newPage();
    await page.goto(new URL(path, base).href);
    const { all, prose, html } = await texts(page);
    await page.close();
    const findings = [
      ...countFindings(prose, paradigms),
      ...dateFindings(all),
      ...placeholderFindings(html),
      ...latinFindings(prose, ALLOWED),
    ].map((f) => `${f.kind}: ${f.text}${f.expected ? ` (wants ${f.expected})` : ''}`);
    expect([...new Set(findings)]).toEqual([]);
  });
});
