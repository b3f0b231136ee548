import { describe, expect, it } from 'vitest';
import {
  ANY_DATE_LAYOUTS,
  ANY_DATETIME,
  compareMoment,
  compileLayout,
  type DateTimeParts,
  ISO_DATETIME,
  isoDate,
  isoParts,
  type Layout,
  layoutParts,
  momentKey,
  momentOf,
  realDate,
  realDateTime,
} from './time.ts';

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, fraction = '', offset?: number): DateTimeParts => ({ y, mo, d, h, mi, s, fraction, offset });
const key = (p: DateTimeParts) => momentKey(momentOf(p));
const iso = (text: string, re = ISO_DATETIME) => isoParts(re.exec(text)!);

describe('calendar dates', () => {
  it.each([
    [1, 1, 1, true],
    [0, 12, 31, false],
    [9999, 12, 31, true],
    [10000, 1, 1, false],
    [2024, 0, 1, false],
    [2024, 13, 1, false],
    [2024, 1, 0, false],
    [2024, 1, 31, true],
    [2024, 1, 32, false],
    [2024, 4, 30, true],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2023, 2, 28, true],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
  ])('%i-%i-%i is real: %s', (y, m, d, real) => expect(realDate(y, m, d)).toBe(real));

  it('prints ISO dates with padded parts', () => {
    expect(isoDate(2024, 3, 1)).toBe('2024-03-01');
    expect(isoDate(33, 12, 5)).toBe('0033-12-05');
  });
});

describe('times of day and offsets', () => {
  it('names what is impossible', () => {
    expect(realDateTime(at(2024, 2, 29, 23, 59, 59))).toBeUndefined();
    expect(realDateTime(at(2023, 2, 29))).toBe('is not a real calendar date');
    expect(realDateTime(at(2024, 1, 1, 24))).toBe('is not a real time of day');
    expect(realDateTime(at(2024, 1, 1, 0, 60))).toBe('is not a real time of day');
    expect(realDateTime(at(2024, 1, 1, 0, 0, 60))).toBe('is not a real time of day');
    expect(realDateTime(at(2024, 1, 1, 0, 0, 0, '', 1439))).toBeUndefined();
    expect(realDateTime(at(2024, 1, 1, 0, 0, 0, '', -1439))).toBeUndefined();
    expect(realDateTime(at(2024, 1, 1, 0, 0, 0, '', 1440))).toBe('has an impossible UTC offset');
    expect(realDateTime(at(2024, 1, 1, 0, 0, 0, '', -1440))).toBe('has an impossible UTC offset');
  });

  it('reads offsets with and without a colon, and refuses minutes past 59', () => {
    expect(iso('2024-01-15T10:00:00+02:00').offset).toBe(120);
    expect(iso('2024-01-15T10:00:00-05:30').offset).toBe(-330);
    expect(iso('2024-01-15T10:00:00+05:59').offset).toBe(359);
    expect(iso('2024-01-15T10:00:00Z').offset).toBe(0);
    expect(iso('2024-01-15T10:00:00').offset).toBeUndefined();
    expect(iso('2024-01-15 10:00+0530', ANY_DATETIME).offset).toBe(330);
    expect(iso('2024-01-15T10:00:00+02:60').offset).toBeNaN();
  });
});

describe('moments', () => {
  it('counts seconds from 1970 on the proleptic Gregorian calendar', () => {
    expect(key(at(1970, 1, 1))).toBe('t:N0.000000');
    expect(key(at(1969, 12, 31, 23, 59, 59))).toBe('t:N-1.000000');
    expect(key(at(2000, 3, 1, 0, 0, 0, '', 0))).toBe('t:Z951868800.000000');
    expect(key(at(2000, 2, 29))).toBe('t:N951782400.000000');
    expect(key(at(2023, 3, 1))).toBe('t:N1677628800.000000');
    expect(key(at(1900, 3, 1))).toBe('t:N-2203891200.000000');
    expect(key(at(1, 1, 1))).toBe('t:N-62135596800.000000');
    expect(key(at(9999, 12, 31, 23, 59, 59))).toBe('t:N253402300799.000000');
  });

  it('moves an aware time to UTC and keeps microseconds, cutting what is finer', () => {
    // 12:30:15,5 at +02:00 on 2024-02-29 is 10:30:15,5 UTC: 1 709 164 800 + 37 815 seconds.
    expect(key(at(2024, 2, 29, 12, 30, 15, '5', 120))).toBe('t:Z1709202615.500000');
    expect(key(at(2024, 2, 29, 5, 0, 15, '1234567', -330))).toBe('t:Z1709202615.123456');
    expect(key(at(1970, 1, 1, 0, 0, 0, '000001'))).toBe('t:N0.000001');
  });

  it('orders moments of one kind, and not a naive one against an aware one', () => {
    const noon = momentOf(at(2024, 1, 15, 12));
    const later = momentOf(at(2024, 1, 15, 12, 0, 0, '1'));
    const utcNoon = momentOf(at(2024, 1, 15, 12, 0, 0, '', 0));
    const kyivNoon = momentOf(at(2024, 1, 15, 14, 0, 0, '', 120));
    expect(compareMoment(noon, later)).toBe(-1);
    expect(compareMoment(later, noon)).toBe(1);
    expect(compareMoment(noon, momentOf(at(2024, 1, 15, 11, 59, 59)))).toBe(1);
    expect(compareMoment(momentOf(at(2024, 1, 15, 11, 59, 59)), noon)).toBe(-1);
    expect(compareMoment(noon, momentOf(at(2024, 1, 15, 12)))).toBe(0);
    expect(compareMoment(utcNoon, kyivNoon)).toBe(0);
    expect(compareMoment(noon, utcNoon)).toBeUndefined();
    expect(compareMoment(utcNoon, noon)).toBeUndefined();
  });
});

describe('ISO forms', () => {
  it('reads the default form: T, seconds, an optional fraction and offset', () => {
    expect(iso('2024-01-15T10:20:30.125+02:00')).toEqual(at(2024, 1, 15, 10, 20, 30, '125', 120));
    expect(ISO_DATETIME.test('2024-01-15 10:20:30')).toBe(false);
    expect(ISO_DATETIME.test('2024-01-15T10:20')).toBe(false);
    expect(ISO_DATETIME.test('x2024-01-15T10:20:30')).toBe(false);
    expect(ISO_DATETIME.test('2024-01-15T10:20:30Zx')).toBe(false);
  });

  it('reads the forms "any" allows, with what is left out as zero', () => {
    expect(iso('2024-01-15', ANY_DATETIME)).toEqual(at(2024, 1, 15));
    expect(iso('2024-01-15 10', ANY_DATETIME)).toEqual(at(2024, 1, 15, 10));
    expect(iso('2024-01-15T10:20', ANY_DATETIME)).toEqual(at(2024, 1, 15, 10, 20));
    expect(iso('2024-01-15T10:20:30,5Z', ANY_DATETIME)).toEqual(at(2024, 1, 15, 10, 20, 30, '5', 0));
    expect(ANY_DATETIME.test('15.01.2024')).toBe(false);
  });
});

describe('strptime layouts', () => {
  const layout = (format: string) => compileLayout(format) as Layout;

  it('reads day, month and year with or without leading zeros', () => {
    const dmy = layout('%d.%m.%Y');
    expect(layoutParts(dmy, '01.03.2024')).toEqual(at(2024, 3, 1));
    expect(layoutParts(dmy, '1.3.2024')).toEqual(at(2024, 3, 1));
    expect(layoutParts(dmy, '01-03-2024')).toBeUndefined();
    expect(layoutParts(dmy, '01.03.2024 ')).toBeUndefined();
    expect(layoutParts(dmy, ' 01.03.2024')).toBeUndefined();
  });

  it('reads every directive, and defaults to 1900-01-01 00:00:00', () => {
    expect(layoutParts(layout('%H:%M:%S.%f'), '7:05:09.25')).toEqual(at(1900, 1, 1, 7, 5, 9, '25'));
    expect(layoutParts(layout('%m/%y'), '12/68')).toEqual(at(2068, 12, 1));
    expect(layoutParts(layout('%m/%y'), '12/69')).toEqual(at(1969, 12, 1));
    expect(layoutParts(layout('%Y%m%d'), '20240301')).toEqual(at(2024, 3, 1));
  });

  it('reads a run of spaces for any whitespace, % for %%, and other characters as themselves', () => {
    expect(layoutParts(layout('%d  %m\t%Y'), '1 3   2024')).toEqual(at(2024, 3, 1));
    expect(layoutParts(layout('%d %m %Y'), '1 3 2024')).toEqual(at(2024, 3, 1));
    expect(layoutParts(layout('%d %m %Y'), '1\u00a03 2024')).toEqual(at(2024, 3, 1));
    expect(layoutParts(layout('%Y (%m)'), '2024 (3)')).toEqual(at(2024, 3, 1));
    expect(layoutParts(layout('%Y (%m)'), '2024 3')).toBeUndefined();
    expect(layoutParts(layout('%m.%Y'), '3x2024')).toBeUndefined();
    expect(layoutParts(layout('%d%%%m'), '5%6')).toEqual(at(1900, 6, 5));
    expect(layoutParts(layout('[%Y]*+?^$|/\\'), '[2024]*+?^$|/\\')).toEqual(at(2024, 1, 1));
  });

  it('names a directive it does not read', () => {
    expect(compileLayout('%d %B %Y')).toBe('format "%d %B %Y" uses %B, which this checker does not read');
    expect(compileLayout('%Y%')).toBe('format "%Y%" uses %, which this checker does not read');
  });

  it('knows the day-first and year-first layouts "any" tries', () => {
    const read = (raw: string) => ANY_DATE_LAYOUTS.map((l) => layoutParts(l, raw)).find((p) => p !== undefined);
    for (const raw of ['2024-03-01', '01.03.2024', '01/03/2024', '2024/03/01', '01-03-2024', '20240301']) {
      expect(read(raw), raw).toEqual(at(2024, 3, 1));
    }
  });
});
