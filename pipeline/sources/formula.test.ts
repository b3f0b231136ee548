import { describe, expect, it } from 'vitest';
import { formulaLike } from './formula.ts';

describe('formula-like text', () => {
  it.each([
    '=SUM(A1)',
    '@cmd',
    '+cmd|calc',
    '-розділу',
    ' =1+1',
    '\t=HYPERLINK("x")',
    // A sign and a digit used to be enough to pass; each of these runs in a spreadsheet.
    "-2+3+cmd|' /C calc'!A0",
    '+1+HYPERLINK("https://evil.example","клік")',
    '-(HYPERLINK("https://evil.example"))',
    '-5+5',
    '+380 56 000 00 00 =1',
    // Full-width forms, which spreadsheets read as their ASCII twins.
    '＝1+1',
    '＋cmd',
    '－2+3',
    '＠SUM(A1)',
    // A tab or carriage return first, whatever follows.
    '\tзвіт',
    '\rзвіт',
    '\u00a0=1+1',
  ])('refuses %j', (text) => {
    expect(formulaLike(text)).toBe(true);
  });
  it.each(['+380 56 000 00 00', '-5', '- 5', '-5 ', '-5  ', '-1 243 280,57', '+12,5%', '+12,5 %', '-', '+', 'Звіт за 2023 рік', 'Звіт\tза рік', 'рядок\rдругий', 'e-mail', '«=» у лапках', '(+38) 056', 'a=b'])('accepts %j', (text) => {
    expect(formulaLike(text)).toBe(false);
  });
});
