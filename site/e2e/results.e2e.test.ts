/**
 * What a programme did, read as a citizen reads it, with JavaScript and without: the 2023
 * report's results under their directions beside the money with the report's own word, each
 * with its quote and a link to the figure on the report's page; a year without a report says
 * so. And a shared indicator's page: chart, table, quotes, links.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { base, plain } from './context.ts';

const PROGRAMME = 'programmes/kr-local-self-government-2017-2027/';
const REPORT = 'reports/kr-2023-programme-execution-report/';

let browser: Browser;
const contexts: Record<string, BrowserContext> = {};
beforeAll(async () => {
  browser = await launch();
  contexts['with JavaScript'] = await browser.newContext();
  contexts['without JavaScript'] = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser.close();
});

const direction = (page: Page, year: number, n: number) => page.locator(`#year-${year}-direction-${n}`);

describe.each(['with JavaScript', 'without JavaScript'])('programme results %s', (mode) => {
  for (const [where, path] of [['year page', `${PROGRAMME}2023/`], ['programme page', PROGRAMME]] as const) {
    it(`the ${where} shows direction 1's sessions, decisions and petitions beside the 11 583,00 грн spent`, async () => {
      const page = await contexts[mode]!.newPage();
      await page.goto(`${base}${path}`);
      const d1 = direction(page, 2023, 1);
      const text = plain(await d1.innerText());
      expect(text).toContain('Напрям 1. Сприяння депутатській діяльності');
      expect(text).toContain('За звітом 11 583,00 грн витрачено');
      expect(text).toContain('11 сесій — Сесії Криворізької міської ради VIII скликання, що відбулися');
      expect(text).toContain('777 рішень — Рішення, ухвалені на сесіях Криворізької міської ради');
      expect(text).toContain('13 петицій — Електронні петиції, розглянуті на сесіях міської ради');
      // Each result with the report's own words, as quotations.
      expect((await d1.locator('.result blockquote').allInnerTexts()).map(plain)).toEqual([
        'Відбулося 11 сесій Криворізької міської ради VІIІ скликання',
        'на яких ухвалено 777 рішень',
        'розглянуто 13 електронних петицій',
      ]);
      expect(plain(await d1.locator('.money blockquote').innerText())).toBe('За напрямом діяльності витрачено коштів на загальну суму 11 583,00 грн.');
      const links = await d1.locator('a', { hasText: 'число у звіті' }).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
      const report = `${new URL(base).pathname}${REPORT}`;
      expect(links).toEqual([`${report}#figure-council-sessions`, `${report}#figure-council-decisions`, `${report}#figure-e-petitions`]);
      await page.close();
    });

    it(`the ${where} shows direction 4's awardees beside the 1 243 280,57 грн allocated`, async () => {
      const page = await contexts[mode]!.newPage();
      await page.goto(`${base}${path}`);
      const text = plain(await direction(page, 2023, 4).innerText());
      expect(text).toContain('За звітом 1 243 280,57 грн виділено');
      expect(text).toContain('2 574 особи — Особи, нагороджені відзнаками виконавчого комітету');
      expect(text).toContain('494 особи — Військовослужбовці, нагороджені відзнаками посмертно');
      expect(text).toContain('32 особи — Громадяни, які стали кавалерами відзнаки');
      await page.close();
    });
  }

  it('a result\'s link leads to the figure\'s row on the report page', async () => {
    const page = await contexts[mode]!.newPage();
    await page.goto(`${base}${PROGRAMME}2023/`);
    await direction(page, 2023, 1).locator('a', { hasText: 'число у звіті' }).nth(1).click();
    await page.waitForURL(/#figure-council-decisions$/);
    const row = page.locator('#figure-council-decisions');
    expect(plain(await row.innerText())).toContain('777');
    // And back: the report's figure leads to its direction on the year page.
    expect(plain(await row.innerText())).toContain('Результат програми за 2023 рік, напрям 1: план і звіт поруч');
    await row.locator('a', { hasText: 'план і звіт поруч' }).click();
    await page.waitForURL(/\/2023\/#year-2023-direction-1$/);
    expect(plain(await direction(page, 2023, 1).innerText())).toContain('777 рішень');
    await page.close();
  });

  it('the year page compares plan and report for every direction of the year', async () => {
    const page = await contexts[mode]!.newPage();
    await page.goto(`${base}${PROGRAMME}2023/`);
    expect(await page.locator('.direction-year').count()).toBe(6);
    expect(plain(await direction(page, 2023, 1).locator('.money').innerText())).toMatch(/^Заплановано на 2023 рік 11 583 грн За звітом 11 583,00 грн витрачено/);
    expect(plain(await direction(page, 2023, 5).innerText())).toContain('у звіті суми за цим напрямом не наведено');
    expect(plain(await direction(page, 2023, 5).innerText())).toContain('У звіті чисел про результати за цим напрямом немає.');
    expect(plain(await page.locator('main').innerText())).toContain('Виділено усього: 1 254 863,57 грн із запланованих 1 267 348 грн (99,01 % плану).');
    await page.close();
  });

  it('a year without a report says so, and the years are plain links', async () => {
    const page = await contexts[mode]!.newPage();
    await page.goto(`${base}${PROGRAMME}2023/`);
    await page.locator('.year-links a', { hasText: '2024' }).click();
    await page.waitForURL(/\/2024\/$/);
    const text = plain(await page.locator('main').innerText());
    expect(text).toContain('Звіту за 2024 рік немає');
    expect(text).toContain('Звіту про виконання програми за 2024 рік на порталі немає');
    expect(plain(await direction(page, 2024, 4).innerText())).toContain('Заплановано на 2024 рік 1 391 386 грн За звітом звіту за цей рік немає');
    await page.close();
  });
});

describe.each(['with JavaScript', 'without JavaScript'])('a shared indicator\'s page %s', (mode) => {
  it('shows its definition, a chart, a table of values with quotes and links to them', async () => {
    const page = await contexts[mode]!.newPage();
    await page.goto(`${base}indicators/operative-response-appeals/`);
    const main = plain(await page.locator('main').innerText());
    expect(main).toContain('Звернення мешканців громади (пропозиції, зауваження, скарги)');
    expect(plain(await page.locator('.pairs').innerText())).toMatch(/^Одиниця кількість звернень /);
    expect(await page.locator('main figure svg rect').count()).toBe(2);
    const rows = page.locator('table.indicator-values tbody tr');
    expect(await rows.count()).toBe(2);
    expect(plain(await rows.nth(0).innerText())).toMatch(/^Івано-Франківська міська рада I півріччя 2021 .* 9 885 звернень$/);
    expect(plain(await rows.nth(0).locator('blockquote').innerText())).toBe('Для порівняння, за цей період в 2021 році надійшло 9885 звернень');
    expect(plain(await rows.nth(0).innerText())).toContain('Примітка: Число за I півріччя 2021 року звіт за I півріччя 2022 року наводить для порівняння.');
    expect(plain(await rows.nth(1).innerText())).toMatch(/^Івано-Франківська міська рада I півріччя 2022 .* 11 517 звернень$/);
    await rows.nth(1).locator('a', { hasText: 'число в документі' }).click();
    await page.waitForURL(/#figure-appeals-received-2022-h1$/);
    expect(plain(await page.locator('#figure-appeals-received-2022-h1').innerText())).toContain('11 517');
    await page.close();
  });

  it('keeps related figures apart, with the difference in words', async () => {
    const page = await contexts[mode]!.newPage();
    await page.goto(`${base}indicators/operative-response-appeals/`);
    const related = plain(await page.locator('section', { has: page.locator('#related') }).innerText());
    expect(related).toContain('Кропивницький — лише усні звернення на гарячу лінію міської ради');
    expect(related).toContain('Івано-Франківська міська рада, I півріччя 2022: 9 663 звернення — «Телефонні звернення»');
    await page.close();
  });
});
