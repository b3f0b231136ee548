import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { memorySources } from '../io/files.ts';
import { collapse, verifyQuotes } from './verify.ts';
import { tree } from '../fixtures/inline.ts';

const sources = tree({ d: {
  'document.yaml': 'id: d\nkind: activity_report\ntitle: Звіт\nperiod: 2023\ntext_file: d.txt\n',
  'observations.yaml': `groups:
  - section: "1"
    unit: сесій
    observations:
      - { id: sessions, indicator: Сесії, value: 11, quote: "Відбулося 11 сесій" }
      - { id: decisions, indicator: Рішення, value: 777, unit: рішень, quote: "ухвалено 778 рішень" }
`,
} });

describe('quote check', () => {
  it('finds quotes across line breaks and no-break spaces, and reports those not in the text', async () => {
    const checked = await checkSources(memorySources(sources));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const [result] = verifyQuotes(checked.model, new Map([['d.txt', 'Відбулося\u00a011\n сесій, на яких ухвалено 777 рішень']]));
    expect(result!.checked).toBe(2);
    expect(result!.missing.map((miss) => miss.quote)).toEqual(['ухвалено 778 рішень']);
    expect(result!.missing[0]!.origin).toContain('observations.yaml:6');
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
    const checked = await checkSources(memorySources(sources));
    if (!checked.ok) throw new Error('invalid');
    expect(verifyQuotes(checked.model, new Map())[0]!.skipped).toBe(true);
  });

  it('collapses every kind of space', () => {
    expect(collapse(' a\u00a0 b\n\tc ')).toBe('a b c');
  });
});
