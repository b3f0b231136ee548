import { describe, expect, it } from 'vitest';
import { add, compare, decimal, equals, isNegative, normalize, parsePlain, percent, shift, sub, sum, toPlain } from './decimal.ts';
import { formatUah, formatUk } from './format.ts';

const d = parsePlain;
const plain = (value: ReturnType<typeof parsePlain> | undefined) => (value === undefined ? 'undefined' : toPlain(value));

describe('exact decimals', () => {
  it('adds without binary rounding', () => {
    expect(toPlain(add(d('0.1'), d('0.2')))).toBe('0.3');
    expect(toPlain(sum([d('11583.00'), d('1243280.57')]))).toBe('1254863.57');
  });

  it('sums nothing to zero, and subtracts across scales', () => {
    expect(toPlain(sum([]))).toBe('0');
    expect(toPlain(sub(d('1254863.57'), d('1267348')))).toBe('-12484.43');
    expect(toPlain(sub(d('0.3'), d('0.1')))).toBe('0.2');
  });

  it('keeps one form for equal values: trailing zeros go, the zeros of a whole number stay', () => {
    expect(normalize(decimal(158300n, 2))).toEqual({ units: 1583n, scale: 0 });
    expect(normalize(decimal(1500n, 2))).toEqual({ units: 15n, scale: 0 });
    expect(normalize(decimal(1230n, 3))).toEqual({ units: 123n, scale: 2 });
    expect(normalize(decimal(11583n, 0))).toEqual({ units: 11583n, scale: 0 });
    expect(normalize(decimal(1200n, 0))).toEqual({ units: 1200n, scale: 0 });
    expect(toPlain(add(d('100'), d('900')))).toBe('1000');
  });

  it('keeps a requested number of decimals', () => {
    expect(toPlain(d('11583'), 2)).toBe('11583.00');
    expect(toPlain(d('-0.5'))).toBe('-0.5');
    expect(toPlain(d('0.05'))).toBe('0.05');
    expect(toPlain(d('-0.05'), 3)).toBe('-0.050');
    expect(toPlain(d('0'))).toBe('0');
    expect(toPlain(d('0'), 2)).toBe('0.00');
  });

  it('reads only plain decimals: digits, one point, a leading minus', () => {
    expect(d('-1243280.57')).toEqual({ units: -124328057n, scale: 2 });
    expect(d('0.10')).toEqual({ units: 1n, scale: 1 });
    for (const text of ['1,5', '+1', '1.', '.5', 'x1.5', '1.5x', '1 000', '']) {
      expect(() => d(text), text).toThrow(`not a plain decimal: ${text}`);
    }
  });

  it('shifts by powers of ten both ways', () => {
    expect(toPlain(shift(d('14981.8'), 3))).toBe('14981800');
    expect(toPlain(shift(d('6.5'), 0))).toBe('6.5');
    expect(toPlain(shift(d('1243280.57'), -3))).toBe('1243.28057');
    expect(toPlain(shift(d('1500'), -2))).toBe('15');
    // in the one form equal values share: whole numbers with scale 0
    expect(shift(d('14981.8'), 3)).toEqual({ units: 14981800n, scale: 0 });
    expect(shift(d('6.5'), 0)).toEqual({ units: 65n, scale: 1 });
    expect(shift(d('1500'), -2)).toEqual({ units: 15n, scale: 0 });
  });

  it('compares across scales', () => {
    expect(compare(d('1.50'), d('1.5'))).toBe(0);
    expect(compare(d('2'), d('1.99'))).toBe(1);
    expect(compare(d('1.99'), d('2'))).toBe(-1);
    expect(compare(d('-3'), d('-2.5'))).toBe(-1);
    expect(equals(d('11583.00'), d('11583'))).toBe(true);
    expect(equals(d('11583.01'), d('11583'))).toBe(false);
  });

  it('knows the sign', () => {
    expect(isNegative(d('-0.01'))).toBe(true);
    expect(isNegative(d('0'))).toBe(false);
    expect(isNegative(d('0.01'))).toBe(false);
  });
});

describe('execution rates', () => {
  it('divides exactly and rounds to two decimals', () => {
    expect(plain(percent(d('1254863.57'), d('1267348')))).toBe('99.01');
    expect(toPlain(percent(d('1'), d('8'))!, 2)).toBe('12.50');
    expect(plain(percent(d('2'), d('3')))).toBe('66.67');
    expect(plain(percent(d('1'), d('3')))).toBe('33.33');
    expect(plain(percent(d('11583'), d('11583')))).toBe('100');
    expect(plain(percent(d('0'), d('11583')))).toBe('0');
  });

  it('rounds an exact half away from zero', () => {
    // 1 000,10 of 2 000 is 50,005 %: exactly half a hundredth, so 50,01.
    expect(plain(percent(d('1000.10'), d('2000')))).toBe('50.01');
    // 1 of 16 is 6,25 %: to one decimal 6,3, and −6,3 below zero.
    expect(plain(percent(d('1'), d('16'), 1))).toBe('6.3');
    expect(plain(percent(d('-1'), d('16'), 1))).toBe('-6.3');
    expect(plain(percent(d('1'), d('-16'), 1))).toBe('-6.3');
    expect(plain(percent(d('-1'), d('-16'), 1))).toBe('6.3');
    // Just under half rounds down: 1 000,09 of 2 000 is 50,0045 %.
    expect(plain(percent(d('1000.09'), d('2000')))).toBe('50');
  });

  it('keeps the sign of a negative share', () => {
    expect(plain(percent(d('-2'), d('3')))).toBe('-66.67');
    expect(plain(percent(d('2'), d('-3')))).toBe('-66.67');
    expect(plain(percent(d('-2'), d('-3')))).toBe('66.67');
  });

  it('has no rate against a zero plan', () => {
    expect(percent(d('1'), d('0'))).toBeUndefined();
    expect(percent(d('0'), d('0.00'))).toBeUndefined();
  });
});

describe('Ukrainian number formats', () => {
  it('groups thousands with a no-break space and puts a comma before decimals', () => {
    expect(formatUk(d('1243280.57'))).toBe('1\u00a0243\u00a0280,57');
    expect(formatUk(d('99.01'), 2)).toBe('99,01');
    expect(formatUk(d('999'))).toBe('999');
    expect(formatUk(d('1000'))).toBe('1\u00a0000');
    expect(formatUk(d('0.5'))).toBe('0,5');
  });

  it('writes a minus sign, not a hyphen, before a negative figure', () => {
    expect(formatUk(d('-12484.43'))).toBe('\u221212\u00a0484,43');
    expect(formatUk(d('-5'))).toBe('\u22125');
  });

  it('writes hryvnias with kopiykas only when the figure has them', () => {
    expect(formatUah(d('12023016'))).toBe('12\u00a0023\u00a0016\u00a0грн');
    expect(formatUah(d('11583.5'))).toBe('11\u00a0583,50\u00a0грн');
    expect(formatUah(d('0.07'))).toBe('0,07\u00a0грн');
  });
});
