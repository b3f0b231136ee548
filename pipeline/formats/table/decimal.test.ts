import { describe, expect, it } from 'vitest';
import { compareDec, decFromNumber, decKey, parseDec } from './decimal.ts';

const key = (text: string) => decKey(parseDec(text));
const compare = (a: string, b: string) => compareDec(parseDec(a), parseDec(b));

describe('one identity per numeric value', () => {
  it.each([
    [['1.5', '1.50', '15e-1', '0.150E1', '+1.5'], 'n:15e-1'],
    [['1200', '1.2E3', '12e2', '001200.000'], 'n:12e2'],
    [['-2.50', '-25e-1'], 'n:-25e-1'],
    [['7', '7.', '+7', '7.000', '0.7e1'], 'n:7e0'],
    [['0', '-0', '0.000', '.0', '0e5', '+0'], 'n:0'],
    [['0.0001', '1e-4', '.0001'], 'n:1e-4'],
    [['INF', '+INF', 'Infinity'], 'n:INF'],
    [['-INF', '-Infinity'], 'n:-INF'],
  ])('%j → %s', (texts, identity) => {
    for (const text of texts) expect(key(text), text).toBe(identity);
  });

  it('gives NaN, and text that is no number, no identity: they equal nothing', () => {
    expect(key('NaN')).toBeUndefined();
    expect(key('1,5')).toBeUndefined();
    expect(key('e5')).toBe('n:0');
  });

  it('reads the bounds a schema gives as JSON numbers exactly as they print', () => {
    expect(decKey(decFromNumber(0.1))).toBe('n:1e-1');
    expect(decKey(decFromNumber(1e21))).toBe('n:1e21');
    expect(decKey(decFromNumber(-5e-7))).toBe('n:-5e-7');
    expect(decKey(decFromNumber(100))).toBe('n:1e2');
    expect(decKey(decFromNumber(Infinity))).toBe('n:INF');
    expect(decKey(decFromNumber(-Infinity))).toBe('n:-INF');
    expect(decKey(decFromNumber(Number.NaN))).toBeUndefined();
  });
});

describe('exact order', () => {
  it.each([
    ['10', '9.99', 1],
    ['9.99', '10', -1],
    ['1.5', '1.05', 1],
    ['1.05', '1.5', -1],
    ['1.5', '1.50', 0],
    ['0.1', '0.09999999999999999', 1],
    ['9007199254740993', '9007199254740992', 1],
    ['-10', '-9.99', -1],
    ['-1.05', '-1.5', 1],
    ['-1.5', '-1.5', 0],
    ['-1', '1', -1],
    ['1', '-1', 1],
    ['0', '0.001', -1],
    ['-0.001', '0', -1],
    ['0.001', '-0', 1],
    ['0', '-0', 0],
    ['0e5', '0', 0],
    ['-0.000', '0e2', 0],
    ['1e3', '999', 1],
    ['1e-3', '0.0011', -1],
  ])('%s against %s: %i', (a, b, order) => expect(compare(a, b)).toBe(order));

  it('puts the infinities beyond every number, and NaN nowhere', () => {
    expect(compare('INF', '1e400')).toBe(1);
    expect(compare('-INF', '-1e400')).toBe(-1);
    expect(compare('1e400', 'INF')).toBe(-1);
    expect(compare('-1e400', '-INF')).toBe(1);
    expect(compare('INF', 'INF')).toBe(0);
    expect(compare('-INF', '-INF')).toBe(0);
    expect(compare('-INF', 'INF')).toBe(-1);
    expect(compare('INF', '-INF')).toBe(1);
    expect(compare('INF', '0')).toBe(1);
    expect(compare('0', '-INF')).toBe(1);
    expect(compare('NaN', '1')).toBeUndefined();
    expect(compare('1', 'NaN')).toBeUndefined();
    expect(compare('NaN', 'INF')).toBeUndefined();
  });
});
