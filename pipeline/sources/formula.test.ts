import { describe, expect, it } from 'vitest';
import { formulaLike } from './formula.ts';

describe('formula-like text', () => {
  it.each(['=SUM(A1)', '@cmd', '+cmd|calc', '-розділу', ' =1+1', '\t=HYPERLINK("x")'])('refuses %j', (text) => {
    expect(formulaLike(text)).toBe(true);
  });
  it.each(['+380 56 000 00 00', '-5', '- 5', 'Звіт за 2023 рік', 'e-mail', '«=» у лапках', '(+38) 056'])('accepts %j', (text) => {
    expect(formulaLike(text)).toBe(false);
  });
});
