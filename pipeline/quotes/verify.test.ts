import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { memorySources } from '../io/files.ts';
import type { Model } from '../model/types.ts';
import { collapse, verifyQuotes } from './verify.ts';
import { tree } from '../fixtures/inline.ts';

const sources = tree({
  d: {
    'document.yaml': 'id: d\nkind: activity_report\ntitle: Звіт\nperiod: 2023\ntext_file: d.txt\n',
    'observations.yaml': `groups:
  - section: "1"
    unit: сесій
    observations:
      - { id: sessions, indicator: Сесії, value: 11, quote: "Відбулося 11 сесій" }
      - { id: decisions, indicator: Рішення, value: 777, unit: рішень, quote: "ухвалено 778 рішень" }
`,
  },
  e: {
    'document.yaml': 'id: e\nkind: activity_report\ntitle: Звіт про звернення\nperiod: 2023\n',
    'observations.yaml': `groups:
  - section: "2"
    unit: звернень
    observations:
      - { id: appeals, indicator: Звернення, value: 3402, quote: "надійшло 3 402 звернення" }
`,
  },
});

async function model(): Promise<Model> {
  const checked = await checkSources(memorySources(sources));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.model;
}

describe('quote check', () => {
  it('finds quotes across line breaks and no-break spaces, and reports those not in the text', async () => {
    const results = verifyQuotes(await model(), new Map([['d.txt', 'Відбулося\u00a011\n сесій, на яких ухвалено 777 рішень']]));
    expect(results).toEqual([
      {
        document: 'd',
        textFile: 'd.txt',
        checked: 2,
        missing: [{ quote: 'ухвалено 778 рішень', origin: 'c/d/observations.yaml:6 groups[0].observations[1].value' }],
        skipped: false,
      },
      { document: 'e', textFile: undefined, checked: 0, missing: [], skipped: true },
    ]);
  });

  it('checks each document against its own text only', async () => {
    // Document d's quotes are all in e's text and d's text is empty: d misses both.
    const texts = new Map([
      ['d.txt', ''],
      ['e.txt', 'Відбулося 11 сесій, ухвалено 778 рішень'],
    ]);
    const [d, e] = verifyQuotes(await model(), texts);
    expect(d!.missing.map((miss) => miss.quote)).toEqual(['Відбулося 11 сесій', 'ухвалено 778 рішень']);
    expect(e!.skipped).toBe(true);
  });

  it('reads the document without the text export\'s bold marks, and refuses a quote that copies them', async () => {
    const marked = tree({ d: {
      'document.yaml': 'id: d\nkind: activity_report\ntitle: Звіт\nperiod: 2023\ntext_file: d.txt\n',
      'observations.yaml': `groups:
  - section: "1"
    unit: звернень
    observations:
      - { id: clean, indicator: Заяви, value: "275 007", quote: "ЗАЯВИ про надання послуг – 275 007" }
      - { id: marked, indicator: Консультації, value: "210 440", quote: "КОНСУЛЬТАЦІЇ – **210 440**" }
      - { id: altered, indicator: Заяви, value: "275 008", quote: "ЗАЯВИ про надання послуг – 275 008" }
`,
    } });
    const checked = await checkSources(memorySources(marked));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const [result] = verifyQuotes(checked.model, new Map([['d.txt', 'ЗАЯВИ про надання послуг – **275 007** грн\nКОНСУЛЬТАЦІЇ – **210 440** грн']]));
    expect(result!.missing.map((miss) => [miss.quote, miss.reason])).toEqual([
      ['КОНСУЛЬТАЦІЇ – **210 440**', 'the quote carries the text export\'s markup (** or __): quote the words only'],
      ['ЗАЯВИ про надання послуг – 275 008', undefined],
    ]);
  });

  it('skips a document whose text is not at hand', async () => {
    const [d] = verifyQuotes(await model(), new Map([['other.txt', 'Відбулося 11 сесій']]));
    expect(d).toEqual({ document: 'd', textFile: 'd.txt', checked: 0, missing: [], skipped: true });
  });

  it('names the line as "?" when the source gives none', async () => {
    const base = await model();
    const figure = { ...base.figures[0]!, quote: 'не сказано ніде', origin: { file: 'c/d/table.csv', line: undefined, path: 'value' } };
    const [d] = verifyQuotes({ ...base, figures: [figure] }, new Map([['d.txt', 'Відбулося 11 сесій']]));
    expect(d!.missing).toEqual([{ quote: 'не сказано ніде', origin: 'c/d/table.csv:? value' }]);
  });
});

describe('what counts as the same words', () => {
  it('collapses every kind of space and line break to one space, and trims', () => {
    expect(collapse(' a\u00a0 b\n\tc ')).toBe('a b c');
    expect(collapse('1\u20072\u20093\u202f4\r\n5')).toBe('1 2 3 4 5');
    expect(collapse('3  402')).toBe('3 402');
  });

  it('reads through a soft hyphen, inside a line or where a word breaks across lines', () => {
    expect(collapse('ухва\u00adлено')).toBe('ухвалено');
    expect(collapse('звер\u00ad\nнення громадян')).toBe('звернення громадян');
  });

  it('does not match words that differ in more than spacing', () => {
    expect(collapse('3 402')).not.toBe(collapse('3402'));
    expect(collapse('сесій')).not.toBe(collapse('сесии'));
  });
});
