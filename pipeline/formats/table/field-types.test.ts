import { beforeEach, describe, expect, it } from 'vitest';
import type { Field, FieldType } from '../../publish/types.ts';
import { compareOrdered, type TypeRules, typeRules } from './field-types.ts';

function rules(type: FieldType, format?: string): TypeRules {
  const field: Field = { name: 'x', type, title: 'x', description: '' };
  if (format !== undefined) field.format = format;
  const result = typeRules(field);
  if (typeof result === 'string') throw new Error(result);
  return result;
}

/** What the checker says of each text: undefined for a valid value. */
const verdicts = (r: TypeRules, ...texts: string[]) => texts.map((text) => r.check(text));
const order = (r: TypeRules, a: string, b: string) => compareOrdered(r.order!(a), r.order!(b));

// The rules are made in each test (through beforeEach), not while the tests are collected: a mutation run then
// knows which tests reach which code.
describe('numbers', () => {
  let number: TypeRules;
  beforeEach(() => {
    number = rules('number');
  });

  it('accepts the lexical forms of Table Schema, and NaN and the infinities', () => {
    expect(verdicts(number, '1243280.57', '-0.5', '+3', '7.', '.5', '.55', '1e-7', '2E+3', '1e10', 'NaN', 'INF', '-INF', '+INF')).toEqual(Array(13).fill(undefined));
  });

  it.each([
    ['1 243,5', 'is not a number (write 1243.5)'],
    ['1\u00a0243\u202f280,57', 'is not a number (write 1243280.57)'],
    ['+1,5', 'is not a number (write +1.5)'],
    ['1,243.50', 'is not a number (write 1243.50)'],
    ['12,345,678.9', 'is not a number (write 12345678.9)'],
    ["1'000", 'is not a number (write 1000)'],
    ['-1 5', 'is not a number (write -15)'],
    ['12,5,3', "is not a number (write '.' as the decimal point and no thousands separator)"],
    ['1234,567.8', "is not a number (write '.' as the decimal point and no thousands separator)"],
    ['abc', 'is not a number (expected plain decimal text such as 1243280.57)'],
    [' ', 'is not a number (expected plain decimal text such as 1243280.57)'],
    ['nan', 'is not a number (expected plain decimal text such as 1243280.57)'],
    ['1.2.3', 'is not a number (expected plain decimal text such as 1243280.57)'],
    ['1,234.5e3', "is not a number (write '.' as the decimal point and no thousands separator)"],
    ['1e', 'is not a number (expected plain decimal text such as 1243280.57)'],
  ])('%j: %s', (raw, message) => expect(number.check(raw)).toBe(message));

  it('gives equal numbers one identity and orders them exactly', () => {
    expect(number.key('1.50')).toBe(number.key('15e-1'));
    expect(number.key('NaN')).toBeUndefined();
    expect(order(number, '0.1', '0.09999999999999999')).toBe(1);
    expect(order(number, '-INF', '-1e400')).toBe(-1);
  });
});

describe('integers and years', () => {
  let integer: TypeRules;
  let year: TypeRules;
  beforeEach(() => {
    integer = rules('integer');
    year = rules('year');
  });

  it.each([
    ['1 000', 'is not an integer (write 1000)'],
    ['-1\u00a0000', 'is not an integer (write -1000)'],
    ['2.0', 'is not an integer (an integer has no decimal part: write 2)'],
    ['-3,00', 'is not an integer (an integer has no decimal part: write -3)'],
    ['1 000.0', 'is not an integer (an integer has no decimal part: write 1000)'],
    ['2.5', 'is not an integer (an integer has no decimal part)'],
    ['.5', 'is not an integer (an integer has no decimal part)'],
    ['two', 'is not an integer (expected digits with an optional leading -)'],
    ['x2.0', 'is not an integer (expected digits with an optional leading -)'],
    ['2.05', 'is not an integer (an integer has no decimal part)'],
    ['2,55', 'is not an integer (an integer has no decimal part)'],
    ['+2.5', 'is not an integer (an integer has no decimal part)'],
    ['x2.5', 'is not an integer (expected digits with an optional leading -)'],
    ['2.5x', 'is not an integer (expected digits with an optional leading -)'],
    ['1e3', 'is not an integer (expected digits with an optional leading -)'],
  ])('%j: %s', (raw, message) => expect(integer.check(raw)).toBe(message));

  it('accepts signed digits as integers and four digits as a year', () => {
    expect(verdicts(integer, '0', '-12', '+7', '007')).toEqual([undefined, undefined, undefined, undefined]);
    expect(verdicts(year, '2023', '-0001', '0000')).toEqual([undefined, undefined, undefined]);
    expect(verdicts(year, '23', '20233', '+2023', '2023.0')).toEqual(Array(4).fill('is not a year (expected four digits, YYYY)'));
  });

  it('gives 007 and 7 one identity, and orders years as numbers', () => {
    expect(integer.key('007')).toBe(integer.key('7'));
    expect(year.key('2023')).toBe('n:2023e0');
    expect(order(year, '-0001', '0001')).toBe(-1);
    expect(order(integer, '10', '9')).toBe(1);
  });
});

describe('booleans', () => {
  let boolean: TypeRules;
  beforeEach(() => {
    boolean = rules('boolean');
  });

  it('accepts the four spellings of each value and names them when refusing', () => {
    expect(verdicts(boolean, 'true', 'True', 'TRUE', '1', 'false', 'False', 'FALSE', '0')).toEqual(Array(8).fill(undefined));
    expect(boolean.check('yes')).toBe('is not a boolean (expected one of true, True, TRUE, 1, false, False, FALSE, 0)');
    expect(boolean.check('tRUE')).toBe('is not a boolean (expected one of true, True, TRUE, 1, false, False, FALSE, 0)');
  });

  it('gives each value one identity, and has no order', () => {
    expect(['true', 'True', 'TRUE', '1'].map(boolean.key)).toEqual(['b:1', 'b:1', 'b:1', 'b:1']);
    expect(['false', 'False', 'FALSE', '0'].map(boolean.key)).toEqual(['b:0', 'b:0', 'b:0', 'b:0']);
    expect(boolean.order).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads the default form YYYY-MM-DD and says how to write other forms', () => {
    const date = rules('date');
    expect(verdicts(date, '2024-02-29', '0001-01-01')).toEqual([undefined, undefined]);
    expect(date.check('2023-02-29')).toBe('is not a real calendar date');
    expect(date.check('01.03.2024')).toBe('is not a date in the form YYYY-MM-DD (write 2024-03-01)');
    expect(date.check('1/3/2024')).toBe('is not a date in the form YYYY-MM-DD (write 2024-03-01)');
    expect(date.check('2024-3-1')).toBe('is not a date in the form YYYY-MM-DD (write 2024-03-01)');
    expect(date.check('31.02.2024')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('2024-2-30')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('1-3-2024')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('2024-03-01T00:00')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('2024-03-01x')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('x2024-03-01')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('01.03.20245')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('x01.03.2024')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('x2024-3-1')).toBe('is not a date in the form YYYY-MM-DD');
    expect(date.check('2024-03-1')).toBe('is not a date in the form YYYY-MM-DD (write 2024-03-01)');
    expect(date.check('2024-3-01')).toBe('is not a date in the form YYYY-MM-DD (write 2024-03-01)');
    expect(date.key('2024-03-01')).toBe('d:2024-03-01');
    expect(order(date, '2024-03-01', '2024-02-29')).toBe(1);
    expect(order(date, '2024-02-29', '2024-03-01')).toBe(-1);
    expect(order(date, '2024-03-01', '2024-03-01')).toBe(0);
  });

  it('reads a declared layout, with or without the fmt: prefix', () => {
    for (const format of ['%d.%m.%Y', 'fmt:%d.%m.%Y']) {
      const date = rules('date', format);
      expect(date.check('1.3.2024')).toBeUndefined();
      expect(date.check('30.02.2024')).toBe('does not match the date format "%d.%m.%Y"');
      expect(date.check('2024-03-01')).toBe('does not match the date format "%d.%m.%Y"');
      expect(date.key('1.3.2024')).toBe('d:2024-03-01');
      expect(order(date, '1.3.2024', '29.02.2024')).toBe(1);
    }
    expect(rules('date', '').check('2024-03-01')).toBeUndefined();
  });

  it('reads any common layout for "any", as the same date whatever the layout', () => {
    const date = rules('date', 'any');
    expect(verdicts(date, '2024-03-01', '01.03.2024', '1/3/2024', '20240301')).toEqual(Array(4).fill(undefined));
    expect(date.check('March 1, 2024')).toBe('is not a recognisable date');
    expect(date.check('31.02.2024')).toBe('is not a recognisable date');
    expect(date.key('01.03.2024')).toBe(date.key('2024-03-01'));
    expect(order(date, '01.03.2024', '2024-02-29')).toBe(1);
  });

  it('refuses a layout it cannot read', () => {
    const field: Field = { name: 'd', type: 'date', title: 'd', description: '', format: '%d %B %Y' };
    expect(typeRules(field)).toBe('format "%d %B %Y" uses %B, which this checker does not read');
  });
});

describe('datetimes', () => {
  it('reads the default ISO form and says how to write it with a space', () => {
    const datetime = rules('datetime');
    expect(verdicts(datetime, '2024-01-15T10:00:00', '2024-01-15T10:00:00.125Z', '2024-01-15T10:00:00-05:30')).toEqual([undefined, undefined, undefined]);
    expect(datetime.check('2024-01-15 10:00:00')).toBe('is not a datetime in the form YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm] (write 2024-01-15T10:00:00)');
    expect(datetime.check('2024-01-15 10:00')).toBe('is not a datetime in the form YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]');
    expect(datetime.check('yesterday')).toBe('is not a datetime in the form YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]');
    expect(datetime.check('2024-01-15T24:00:00')).toBe('is not a real time of day');
    expect(datetime.check('2024-02-30T10:00:00')).toBe('is not a real calendar date');
    expect(datetime.check('2024-01-15T10:00:00+02:75')).toBe('has an impossible UTC offset');
    expect(datetime.check('2024-01-15T10:00:00+24:00')).toBe('has an impossible UTC offset');
  });

  it('gives one identity to one moment, and orders moments', () => {
    const datetime = rules('datetime');
    expect(datetime.key('2024-01-15T12:00:00Z')).toBe(datetime.key('2024-01-15T14:00:00+02:00'));
    expect(datetime.key('2024-01-15T12:00:00')).not.toBe(datetime.key('2024-01-15T12:00:00Z'));
    expect(datetime.key('1970-01-01T00:00:01.5')).toBe('t:N1.500000');
    expect(order(datetime, '2024-01-15T12:00:00Z', '2024-01-15T13:00:00+02:00')).toBe(1);
    expect(order(datetime, '2024-01-15T12:00:00', '2024-01-15T12:00:00Z')).toBeUndefined();
  });

  it('reads the shorter forms for "any", without the hint', () => {
    const datetime = rules('datetime', 'any');
    expect(verdicts(datetime, '2024-01-15', '2024-01-15 10:20', '2024-01-15T10:20:30,5+0200')).toEqual([undefined, undefined, undefined]);
    expect(datetime.check('15.01.2024 10:20')).toBe('is not a recognisable datetime');
    expect(datetime.check('x2024-01-15')).toBe('is not a recognisable datetime');
    expect(datetime.check('2024-01-15T10:20x')).toBe('is not a recognisable datetime');
    expect(datetime.key('2024-01-15T10:20:30,55')).toBe(datetime.key('2024-01-15T10:20:30.550'));
    expect(datetime.key('2024-01-15 10:20')).toBe(datetime.key('2024-01-15T10:20:00'));
  });

  it('reads a declared layout', () => {
    const datetime = rules('datetime', '%d.%m.%Y %H:%M');
    expect(datetime.check('15.01.2024 10:20')).toBeUndefined();
    expect(datetime.check('2024-01-15T10:20:00')).toBe('does not match the datetime format "%d.%m.%Y %H:%M"');
    expect(datetime.check('15.01.2024 25:20')).toBe('is not a real time of day');
    expect(datetime.key('15.01.2024 10:20')).toBe(rules('datetime').key('2024-01-15T10:20:00'));
    const field: Field = { name: 't', type: 'datetime', title: 't', description: '', format: '%s' };
    expect(typeRules(field)).toBe('format "%s" uses %s, which this checker does not read');
  });
});

describe('strings', () => {
  it('checks e-mail, URI, UUID and base64 formats, and any text otherwise', () => {
    expect(verdicts(rules('string', 'email'), 'rada@example.gov.ua', 'rada.example.gov.ua', 'a b@c.d', 'a@b', 'rada@example.gov.ua x')).toEqual([
      undefined,
      'is not a valid email address',
      'is not a valid email address',
      'is not a valid email address',
      'is not a valid email address',
    ]);
    expect(verdicts(rules('string', 'uri'), 'https://example.org/a?b=c', 'urn:isbn:1', 'example dot org', 'https://a b', '1http://a')).toEqual([
      undefined,
      undefined,
      'is not a valid URI (scheme:rest, no spaces)',
      'is not a valid URI (scheme:rest, no spaces)',
      'is not a valid URI (scheme:rest, no spaces)',
    ]);
    expect(
      verdicts(
        rules('string', 'uuid'),
        '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f',
        '{3F2B8C1E-9A4D-4C6B-8E2F-1A2B3C4D5E6F}',
        'urn:uuid:3f2b8c1e9a4d4c6b8e2f1a2b3c4d5e6f',
        '3f2b8c1e-9a4d',
        '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6g',
        '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f0',
        'g3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f',
        '{{3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f}}',
        '3f2b8c1e-{9a4d}-4c6b-8e2f-1a2b3c4d5e6f',
      ),
    ).toEqual([undefined, undefined, undefined, 'is not a valid UUID', 'is not a valid UUID', 'is not a valid UUID', 'is not a valid UUID', undefined, 'is not a valid UUID']);
    expect(verdicts(rules('string', 'binary'), 'aGVsbG8=', 'aGk=', 'aQ==', '', 'aGVsbG8', 'a===', '!!==')).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'is not valid base64',
      'is not valid base64',
      'is not valid base64',
    ]);
    expect(verdicts(rules('string'), '', 'будь-що', '12 $')).toEqual([undefined, undefined, undefined]);
  });

  it('compares strings exactly and does not order them', () => {
    const string = rules('string');
    expect(string.key('Київ')).toBe('s:Київ');
    expect(string.key('київ')).not.toBe(string.key('Київ'));
    expect(string.order).toBeUndefined();
  });
});

describe('types the checker does not know', () => {
  it('names the known ones', () => {
    const field = { name: 'g', type: 'geopoint', title: 'g', description: '' } as unknown as Field;
    expect(typeRules(field)).toBe('unknown type "geopoint" (expected string, number, integer, boolean, date, year or datetime)');
  });

  it('orders only values of the same kind', () => {
    expect(compareOrdered(rules('number').order!('1'), rules('date').order!('2024-01-01'))).toBeUndefined();
    expect(compareOrdered(rules('date').order!('2024-01-01'), rules('datetime').order!('2024-01-01T00:00:00'))).toBeUndefined();
    expect(compareOrdered(rules('datetime').order!('2024-01-01T00:00:00'), rules('number').order!('1'))).toBeUndefined();
  });
});
