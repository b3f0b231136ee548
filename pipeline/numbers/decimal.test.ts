import { describe, expect, it } from 'vitest';
import { add, compare, parsePlain, percent, sum, toPlain } from './decimal.ts';
import { formatUah, formatUk } from './format.ts';

const d = parsePlain;

describe('exact decimals', () => {
  it('adds without binary rounding', () => {
    expect(toPlain(add(d('0.1'), d('0.2')))).toBe('0.3');
    expect(toPlain(sum([d('11583.00'), d('1243280.57')]))).toBe('1254863.57');
  });

  it('keeps a requested number of decimals', () => {
    expect(toPlain(d('11583'), 2)).toBe('11583.00');
    expect(toPlain(d('-0.5'))).toBe('-0.5');
  });

  it('rounds rates half away from zero', () => {
    expect(toPlain(percent(d('1254863.57'), d('1267348'))!)).toBe('99.01');
    expect(toPlain(percent(d('1'), d('8'))!, 2)).toBe('12.50');
    expect(toPlain(percent(d('2'), d('3'))!)).toBe('66.67');
    expect(percent(d('1'), d('0'))).toBeUndefined();
  });

  it('compares across scales', () => {
    expect(compare(d('1.50'), d('1.5'))).toBe(0);
    expect(compare(d('2'), d('1.99'))).toBe(1);
  });

  it('formats the Ukrainian way', () => {
    expect(formatUk(d('1243280.57'))).toBe('1\u00a0243\u00a0280,57');
    expect(formatUah(d('12023016'))).toBe('12\u00a0023\u00a0016\u00a0грн');
    expect(formatUk(d('99.01'), 2)).toBe('99,01');
  });
});
