import { describe, expect, it } from 'vitest';
import type { Field, FieldConstraints, FieldType, ForeignKey, TableSchema } from '../publish/types.ts';
import { checkTables, type CheckedTable, type TableFinding } from './table-check.ts';

function field(name: string, type: FieldType, constraints?: FieldConstraints, format?: string): Field {
  const out: Field = { name, type, title: name, description: '' };
  if (constraints !== undefined) out.constraints = constraints;
  if (format !== undefined) out.format = format;
  return out;
}

function schema(fields: Field[], extra: Partial<TableSchema> = {}): TableSchema {
  return { fields, missingValues: [''], ...extra };
}

/** CSV the way the project writes it: CRLF after every line. */
function csv(...lines: string[]): string {
  return lines.map((line) => line + '\r\n').join('');
}

function one(name: string, s: TableSchema, text: string): TableFinding[] {
  return checkTables([{ name, schema: s, csv: text }]);
}

/** Exactly one finding, at this row and field, saying this. */
function expectOnly(findings: TableFinding[], row: number | undefined, fieldName: string | undefined, fragment: string) {
  expect(findings, JSON.stringify(findings, null, 2)).toHaveLength(1);
  const [finding] = findings;
  expect(finding?.row).toBe(row);
  expect(finding?.field).toBe(fieldName);
  expect(finding?.message).toContain(fragment);
}

const spending = schema(
  [
    field('id', 'integer', { required: true, unique: true, minimum: 1 }),
    field('code', 'string', { pattern: '\\d{8}', maxLength: 8 }),
    field('direction', 'string', { enum: ['education', 'health', 'roads'] }),
    field('amount_uah', 'number', { minimum: 0 }),
    field('share', 'number', { minimum: 0, maximum: 100 }),
    field('approved', 'boolean'),
    field('decided', 'date'),
    field('year', 'year'),
    field('updated', 'datetime'),
    field('contact', 'string', undefined, 'email'),
    field('uuid', 'string', undefined, 'uuid'),
  ],
  { primaryKey: ['id'] },
);

const spendingHeader = 'id,code,direction,amount_uah,share,approved,decided,year,updated,contact,uuid';

const validSpending = csv(
  spendingHeader,
  '1,04054866,education,1243280.57,99.01,true,2023-12-31,2023,2024-01-15T10:00:00+02:00,rada@example.gov.ua,3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f',
  '2,00022473,health,11583.00,100,False,2024-02-29,2024,2024-03-01T00:00:00Z,info@example.org,',
  '3,,roads,0,0,1,,2022,2022-05-01T12:30:45.125,,',
  '4,12345678,,1.5e3,.5,0,2020-01-01,-0001,2020-01-01T00:00:00-05:30,,',
);

function spendingRow(overrides: Record<string, string>): string {
  const base: Record<string, string> = {
    id: '1',
    code: '04054866',
    direction: 'education',
    amount_uah: '1243280.57',
    share: '99.01',
    approved: 'true',
    decided: '2023-12-31',
    year: '2023',
    updated: '2024-01-15T10:00:00+02:00',
    contact: 'rada@example.gov.ua',
    uuid: '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f',
  };
  return spendingHeader
    .split(',')
    .map((name) => overrides[name] ?? base[name] ?? '')
    .join(',');
}

function spendingWith(overrides: Record<string, string>): TableFinding[] {
  return one('spending', spending, csv(spendingHeader, spendingRow({}), spendingRow({ id: '2', ...overrides })));
}

describe('a valid table', () => {
  it('passes with zero findings', () => {
    expect(one('spending', spending, validSpending)).toEqual([]);
  });

  it('accepts a file without a final line break and a header-only file', () => {
    expect(one('spending', spending, validSpending.slice(0, -2))).toEqual([]);
    expect(one('spending', spending, csv(spendingHeader))).toEqual([]);
  });
});

describe('file and header', () => {
  it('reports a BOM', () => {
    expectOnly(one('spending', spending, '\uFEFF' + validSpending), 0, undefined, 'byte order mark');
  });

  it('reports a header in the wrong order', () => {
    const s = schema([field('a', 'string'), field('b', 'string')]);
    expectOnly(one('t', s, csv('b,a', 'x,y')), 0, undefined, 'column 1 is "b", expected "a"');
  });

  it('reports an extra column in the header and in a row', () => {
    const s = schema([field('a', 'string'), field('b', 'string')]);
    expectOnly(one('t', s, csv('a,b,c', '1,2,3')), 0, undefined, 'unexpected column(s) "c"');
    expectOnly(one('t', s, csv('a,b', '1,2', '1,2,3')), 2, undefined, 'row 2: has 3 cells, the header has 2');
  });

  it('reports a short row and the cell it lacks when required', () => {
    const s = schema([field('a', 'string'), field('b', 'string', { required: true })]);
    const findings = one('t', s, csv('a,b', 'x'));
    expect(findings.map((f) => [f.row, f.field])).toEqual([
      [1, undefined],
      [1, 'b'],
    ]);
    expect(findings[0]?.message).toContain('has 1 cells, the header has 2');
  });

  it('reports an empty file, a blank row and LF line ends', () => {
    const s = schema([field('a', 'string'), field('b', 'string')]);
    expectOnly(one('t', s, ''), undefined, undefined, 'empty');
    expectOnly(one('t', s, csv('a,b', '', 'x,y')), 1, undefined, 'blank row');
    expectOnly(one('t', s, 'a,b\nx,y\n'), 0, undefined, 'must end with CRLF');
  });

  it('reports broken quoting with its row', () => {
    const s = schema([field('a', 'string'), field('b', 'string')]);
    expectOnly(one('t', s, csv('a,b', 'x,y', '"unclosed,z')), 2, undefined, 'not closed');
    expectOnly(one('t', s, csv('a,b', '"x"y,z')), 1, undefined, 'after a closing quote');
    expectOnly(one('t', s, csv('a,b', 'x"y,z')), 1, undefined, 'not quoted');
  });
});

describe('CSV quoting', () => {
  it('parses quoted fields with commas, doubled quotes and newlines', () => {
    const s = schema([
      field('id', 'integer'),
      field('note', 'string', { maxLength: 23 }),
      field('amount', 'number'),
    ]);
    const text = csv('id,note,amount', '1,"Kyiv, ""Podil""\r\nline two",12.5', '2,"",3');
    expect(one('t', s, text)).toEqual([]);
    // the quoted cell is one value of 23 characters (CRLF inside it counts), so 22 fails on row 1
    const tight = schema([field('id', 'integer'), field('note', 'string', { maxLength: 22 }), field('amount', 'number')]);
    expectOnly(one('t', tight, text), 1, 'note', '23 characters long');
    // and the row after it is row 2
    const bad = csv('id,note,amount', '1,"Kyiv, ""Podil""\r\nline two",12.5', '2,"",x');
    expectOnly(one('t', s, bad), 2, 'amount', '"x" is not a number');
  });
});

describe('types', () => {
  it('rejects grouped and comma-decimal numbers with the form to write', () => {
    expectOnly(spendingWith({ amount_uah: '"1 243,5"' }), 2, 'amount_uah', '"1 243,5" is not a number (write 1243.5)');
    expectOnly(spendingWith({ amount_uah: '"1243280,57"' }), 2, 'amount_uah', '"1243280,57" is not a number (write 1243280.57)');
    expectOnly(spendingWith({ amount_uah: '12abc' }), 2, 'amount_uah', 'is not a number');
  });

  it('gives the message the brief asks for', () => {
    const findings = spendingWith({ amount_uah: '"1 243 280,57"' });
    expect(findings[0]?.message).toBe('row 2, field "amount_uah": "1 243 280,57" is not a number (write 1243280.57)');
    expect(findings[0]?.resource).toBe('spending');
  });

  it('accepts the spec number forms', () => {
    const s = schema([field('n', 'number')]);
    expect(one('t', s, csv('n', '-0.5', '1e-7', '2E+3', '.5', '7.', 'NaN', 'INF', '-INF'))).toEqual([]);
    expectOnly(one('t', s, csv('n', 'nan')), 1, 'n', 'is not a number');
  });

  it('rejects a bad integer', () => {
    expectOnly(spendingWith({ id: '2.5' }), 2, 'id', '"2.5" is not an integer');
    expectOnly(spendingWith({ id: '2.0' }), 2, 'id', 'write 2');
    expectOnly(spendingWith({ id: 'two' }), 2, 'id', 'is not an integer');
  });

  it('rejects an impossible date and a date in another layout', () => {
    expectOnly(spendingWith({ decided: '2023-02-30' }), 2, 'decided', '"2023-02-30" is not a real calendar date');
    expectOnly(spendingWith({ decided: '2023-02-29' }), 2, 'decided', 'not a real calendar date');
    expectOnly(spendingWith({ decided: '01.03.2024' }), 2, 'decided', 'YYYY-MM-DD (write 2024-03-01)');
  });

  it('reads a declared strptime date layout', () => {
    const s = schema([field('d', 'date', undefined, '%d.%m.%Y')]);
    expect(one('t', s, csv('d', '01.03.2024', '1.3.2024'))).toEqual([]);
    expectOnly(one('t', s, csv('d', '30.02.2024')), 1, 'd', 'does not match the date format');
  });

  it('rejects a bad year', () => {
    expectOnly(spendingWith({ year: '23' }), 2, 'year', '"23" is not a year');
    expectOnly(spendingWith({ year: '2023.0' }), 2, 'year', 'is not a year');
  });

  it('rejects bad booleans and datetimes', () => {
    expectOnly(spendingWith({ approved: 'yes' }), 2, 'approved', '"yes" is not a boolean');
    expectOnly(spendingWith({ updated: '2024-01-15 10:00:00' }), 2, 'updated', 'write 2024-01-15T10:00:00');
    expectOnly(spendingWith({ updated: '2024-01-15T25:00:00Z' }), 2, 'updated', 'not a real time of day');
    expectOnly(spendingWith({ updated: '2024-02-30T10:00:00Z' }), 2, 'updated', 'not a real calendar date');
  });

  it('checks string formats', () => {
    expectOnly(spendingWith({ contact: 'rada.example.gov.ua' }), 2, 'contact', 'not a valid email');
    expectOnly(spendingWith({ uuid: '3f2b8c1e-9a4d' }), 2, 'uuid', 'not a valid UUID');
    const s = schema([field('u', 'string', undefined, 'uri')]);
    expect(one('t', s, csv('u', 'https://example.org/a?b=c'))).toEqual([]);
    expectOnly(one('t', s, csv('u', 'example dot org')), 1, 'u', 'not a valid URI');
  });
});

describe('missing values', () => {
  const s = schema([field('name', 'string'), field('amount', 'number', { required: true })], {
    missingValues: ['', '-'],
  });

  it('treats every declared marker as null', () => {
    const optional = schema([field('name', 'string'), field('amount', 'number')], { missingValues: ['', '-'] });
    expect(one('t', optional, csv('name,amount', 'a,-', 'b,', '-,1'))).toEqual([]);
  });

  it('reports a required null, naming the marker', () => {
    expectOnly(one('t', s, csv('name,amount', 'a,1', 'b,-')), 2, 'amount', '"-" is a missing-value marker');
    expectOnly(one('t', s, csv('name,amount', 'a,')), 1, 'amount', 'required but missing');
  });

  it('checks a marker that is not declared as a value', () => {
    const plain = schema([field('name', 'string'), field('amount', 'number')]);
    expectOnly(one('t', plain, csv('name,amount', 'a,-')), 1, 'amount', '"-" is not a number');
  });
});

describe('constraints', () => {
  it('reports a required null', () => {
    expectOnly(spendingWith({ id: '' }), 2, 'id', 'a value is required but missing');
  });

  it('reports a duplicate unique value, numerically', () => {
    const s = schema([field('code', 'string', { unique: true }), field('n', 'number', { unique: true })]);
    expectOnly(one('t', s, csv('code,n', 'a,1.50', 'b,2', 'a,3')), 3, 'code', 'duplicate value "a" (constraint unique; first in row 1)');
    expectOnly(one('t', s, csv('code,n', 'a,1.50', 'b,1.5')), 2, 'n', 'duplicate value "1.5"');
    expect(one('t', s, csv('code,n', 'a,', 'b,', ',3', ',4'))).toEqual([]); // nulls are not duplicates
  });

  it('reports a duplicate primary key across two fields', () => {
    const s = schema([field('year', 'year'), field('code', 'string'), field('amount', 'number')], {
      primaryKey: ['year', 'code'],
    });
    expect(one('t', s, csv('year,code,amount', '2023,A,1', '2024,A,2', '2023,B,3'))).toEqual([]);
    expectOnly(
      one('t', s, csv('year,code,amount', '2023,A,1', '2024,A,2', '2023,A,3')),
      3,
      'year,code',
      'duplicate primary key (year, code) = ("2023", "A"); first in row 1',
    );
    expectOnly(one('t', s, csv('year,code,amount', '2023,,1')), 1, 'code', 'part of the primary key');
  });

  it('reports an enum violation', () => {
    expectOnly(spendingWith({ direction: 'Education' }), 2, 'direction', '"Education" is not one of the allowed values "education", "health", "roads"');
  });

  it('compares a numeric enum numerically', () => {
    const s = schema([field('n', 'integer', { enum: ['1', '2'] })]);
    expect(one('t', s, csv('n', '01', '2'))).toEqual([]);
    expectOnly(one('t', s, csv('n', '3')), 1, 'n', 'not one of the allowed values');
  });

  it('reports a minimum violation with decimals', () => {
    expectOnly(spendingWith({ amount_uah: '-0.01' }), 2, 'amount_uah', '"-0.01" is below the minimum 0');
    expectOnly(spendingWith({ share: '100.000001' }), 2, 'share', 'is above the maximum 100');
    expectOnly(spendingWith({ id: '0' }), 2, 'id', 'below the minimum 1');
    expect(spendingWith({ amount_uah: '-0', share: '100.000' })).toEqual([]);
  });

  it('compares bounds exactly, beyond float precision', () => {
    const s = schema([field('n', 'number', { minimum: 0.1, maximum: 9007199254740993 })]);
    // 0.09999999999999999 and 0.1 are different decimals even if floats round them together
    expectOnly(one('t', s, csv('n', '0.09999999999999999')), 1, 'n', 'below the minimum 0.1');
    expect(one('t', s, csv('n', '0.1', '0.10000000000000001'))).toEqual([]);
    // 9007199254740993 is not a float; the schema's bound reads as 9007199254740992
    expectOnly(one('t', s, csv('n', '9007199254740993')), 1, 'n', 'above the maximum');
    expectOnly(one('t', s, csv('n', 'INF')), 1, 'n', 'above the maximum');
    expectOnly(one('t', s, csv('n', 'NaN')), 1, 'n', 'cannot be compared with the minimum');
  });

  it('reports a pattern violation as a full match', () => {
    expectOnly(spendingWith({ code: '4054866' }), 2, 'code', '"4054866" does not match the pattern "\\\\d{8}"');
    expectOnly(spendingWith({ code: 'x0405486' }), 2, 'code', 'does not match the pattern');
    // the whole value must match, alternatives included
    const s = schema([field('code', 'string', { pattern: '\\d{8}|[A-Z]{2}' })]);
    expect(one('t', s, csv('code', '04054866', 'UA'))).toEqual([]);
    expectOnly(one('t', s, csv('code', '040548661')), 1, 'code', 'does not match the pattern');
    expectOnly(one('t', s, csv('code', 'UA1')), 1, 'code', 'does not match the pattern');
  });

  it('counts maxLength in characters', () => {
    const s = schema([field('s', 'string', { maxLength: 3 })]);
    expect(one('t', s, csv('s', 'їжа', '😀😀😀'))).toEqual([]);
    expectOnly(one('t', s, csv('s', 'їжак')), 1, 's', '4 characters long, more than maxLength 3');
  });
});

describe('foreign keys', () => {
  const districts: CheckedTable = {
    name: 'districts',
    schema: schema([field('id', 'integer'), field('name', 'string')], { primaryKey: ['id'] }),
    csv: csv('id,name', '1,Fortechnyi', '2,Podilskyi'),
  };
  const fk = (resource: string): ForeignKey => ({ fields: ['district'], reference: { resource, fields: ['id'] } });
  const spend = (resource: string, ...rows: string[]): CheckedTable => ({
    name: 'spend',
    schema: schema([field('n', 'integer'), field('district', 'integer')], { foreignKeys: [fk(resource)] }),
    csv: csv('n,district', ...rows),
  });

  it('passes when every key exists, in either table order, and ignores nulls', () => {
    expect(checkTables([districts, spend('districts', '1,1', '2,2', '3,')])).toEqual([]);
    expect(checkTables([spend('districts', '1,1', '2,02'), districts])).toEqual([]);
  });

  it('reports a missing target value', () => {
    for (const tables of [
      [districts, spend('districts', '1,1', '2,3')],
      [spend('districts', '1,1', '2,3'), districts],
    ]) {
      expectOnly(checkTables(tables), 2, 'district', '"3" has no match in "districts" field "id"');
      expect(checkTables(tables)[0]?.resource).toBe('spend');
    }
  });

  it('reports a reference to an unknown resource', () => {
    expectOnly(checkTables([spend('regions', '1,1')]), undefined, 'district', 'resource "regions", which is not among the checked tables');
  });

  it('checks a self-reference ("" or absent resource) after the whole table', () => {
    const tree = (rows: string[], resource?: string): CheckedTable => {
      const ref: ForeignKey = { fields: ['parent'], reference: { resource: resource ?? '', fields: ['id'] } };
      if (resource === undefined) Reflect.deleteProperty(ref.reference, 'resource');
      return {
        name: 'tree',
        schema: schema([field('id', 'string'), field('parent', 'string')], { foreignKeys: [ref] }),
        csv: csv('id,parent', ...rows),
      };
    };
    expect(checkTables([tree(['a,b', 'b,', 'c,a'])])).toEqual([]);
    expect(checkTables([tree(['a,b', 'b,'], undefined)])).toEqual([]);
    expectOnly(checkTables([tree(['a,b', 'b,', 'c,z'])]), 3, 'parent', '"z" has no match in "tree"');
  });

  it('matches multi-field keys as tuples', () => {
    const budget: CheckedTable = {
      name: 'budget',
      schema: schema([field('year', 'year'), field('code', 'string')], { primaryKey: ['year', 'code'] }),
      csv: csv('year,code', '2023,A', '2024,B'),
    };
    const spent: CheckedTable = {
      name: 'spent',
      schema: schema([field('y', 'year'), field('c', 'string')], {
        foreignKeys: [{ fields: ['y', 'c'], reference: { resource: 'budget', fields: ['year', 'code'] } }],
      }),
      csv: csv('y,c', '2023,A', '2023,B'),
    };
    expectOnly(checkTables([budget, spent]), 2, 'y,c', 'foreign key (y, c) = ("2023", "B") has no match in "budget" (year, code)');
  });

  it('skips a multi-field key left wholly empty, and reports one left partly empty', () => {
    // frictionless-py skips a foreign key only when every part is null; a partly empty tuple
    // is looked up whole and matches nothing, so the build must not publish one.
    const budget: CheckedTable = {
      name: 'budget',
      schema: schema([field('year', 'year'), field('code', 'string')], { primaryKey: ['year', 'code'] }),
      csv: csv('year,code', '2023,A'),
    };
    const spent = (...rows: string[]): CheckedTable => ({
      name: 'spent',
      schema: schema([field('n', 'integer'), field('y', 'year'), field('c', 'string')], {
        foreignKeys: [{ fields: ['y', 'c'], reference: { resource: 'budget', fields: ['year', 'code'] } }],
      }),
      csv: csv('n,y,c', ...rows),
    });
    expect(checkTables([budget, spent('1,2023,A', '2,,')])).toEqual([]);
    expectOnly(checkTables([budget, spent('1,2023,A', '2,2023,')]), 2, 'y,c', 'foreign key (y, c) = ("2023", (empty)) is partly empty');
    expectOnly(checkTables([budget, spent('1,,A')]), 1, 'y,c', 'is partly empty');
  });
});

describe('limits', () => {
  it('caps findings at 50 per resource and says how many more', () => {
    const s = schema([field('n', 'integer')]);
    const rows = Array.from({ length: 120 }, (_, i) => `x${i}`);
    const findings = one('t', s, csv('n', ...rows));
    expect(findings).toHaveLength(51);
    expect(findings[49]?.row).toBe(50);
    expect(findings[50]?.message).toContain('70 more finding(s) not shown');
    // the cap is per resource
    const both = checkTables([
      { name: 'a', schema: s, csv: csv('n', ...rows) },
      { name: 'b', schema: s, csv: csv('n', 'bad') },
    ]);
    expect(both.filter((f) => f.resource === 'b')).toHaveLength(1);
  });

  it('reports schema problems without row numbers', () => {
    const s = schema([field('n', 'number', { pattern: '(' }), field('d', 'date', { minimum: 3 })]);
    const findings = one('t', s, csv('n,d', '1,2024-01-01'));
    expect(findings.map((f) => [f.row, f.field])).toEqual([
      [undefined, 'n'],
      [undefined, 'd'],
    ]);
    expect(findings[0]?.message).toContain('does not compile');
  });
});
