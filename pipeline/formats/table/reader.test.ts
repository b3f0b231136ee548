/** What the checker says about a file and its rows: every message as an officer reads it. */
import { describe, expect, it } from 'vitest';
import type { Field, FieldConstraints, FieldType, TableSchema } from '../../publish/types.ts';
import { checkTables, type CheckedTable, tableChecker, type TableFinding } from '../table-check.ts';

function field(name: string, type: FieldType, constraints?: FieldConstraints): Field {
  const out: Field = { name, type, title: name, description: '' };
  if (constraints !== undefined) out.constraints = constraints;
  return out;
}

const csv = (...lines: string[]) => lines.map((line) => line + '\r\n').join('');
const schema = (fields: Field[], extra: Partial<TableSchema> = {}): TableSchema => ({ fields, missingValues: [''], ...extra });
const one = (s: TableSchema, text: string): TableFinding[] => checkTables([{ name: 't', schema: s, csv: text }]);
const messages = (findings: TableFinding[]) => findings.map((f) => f.message);
const ab = schema([field('a', 'string'), field('b', 'string')]);

describe('the header', () => {
  it('says what differs from the schema: order, extra and missing columns, their count', () => {
    expect(one(ab, csv('b,a'))).toEqual([
      { resource: 't', row: 0, message: 'header: header "b", "a" does not match the schema fields "a", "b" (same names, same order): column 1 is "b", expected "a"' },
    ]);
    expect(messages(one(ab, csv('a')))).toEqual(['header: header "a" does not match the schema fields "a", "b" (same names, same order): missing field(s) "b"']);
    expect(messages(one(ab, csv('a,b,c')))).toEqual(['header: header "a", "b", "c" does not match the schema fields "a", "b" (same names, same order): unexpected column(s) "c"']);
    expect(messages(one(ab, csv('a,c')))).toEqual([
      'header: header "a", "c" does not match the schema fields "a", "b" (same names, same order): unexpected column(s) "c"; missing field(s) "b"',
    ]);
    expect(messages(one(ab, csv('a,b,a')))).toEqual([
      'header: header "a", "b", "a" does not match the schema fields "a", "b" (same names, same order): column 3 is "a", expected ""; 3 columns for 2 fields',
    ]);
  });

  it('lists at most 20 names of a long header, and at most 10 missing ones', () => {
    const names = Array.from({ length: 25 }, (_, i) => `f${i + 1}`);
    const wide = schema(names.map((name) => field(name, 'string')));
    const [finding] = one(wide, csv('x'));
    const shown20 = names.slice(0, 20).map((name) => `"${name}"`).join(', ');
    const shown10 = names.slice(0, 10).map((name) => `"${name}"`).join(', ');
    expect(finding!.message).toBe(
      `header: header "x" does not match the schema fields ${shown20}, … (25 in all) (same names, same order): unexpected column(s) "x"; missing field(s) ${shown10}, … (25 in all)`,
    );
    const exact = schema(names.slice(0, 20).map((name) => field(name, 'string')));
    expect(one(exact, csv('x'))[0]!.message).toContain(`schema fields ${shown20} (same names`);
  });
});

describe('rows', () => {
  it('says once that lines end with LF or CR', () => {
    expect(one(ab, 'a,b\nx,y\nz,w\n')).toEqual([{ resource: 't', row: 0, message: 'row 0: the line ends with LF; CSV lines must end with CRLF' }]);
    expect(one(ab, 'a,b\r\nx,y\rz,w\r\n')).toEqual([{ resource: 't', row: 1, message: 'row 1: the line ends with CR; CSV lines must end with CRLF' }]);
  });

  it('names a bare quote, a blank row and a row of the wrong length', () => {
    expect(one(ab, csv('a,b', 'x"y,z'))).toEqual([{ resource: 't', row: 1, message: `row 1: a field contains '"' but is not quoted (quote the field and write the quote as "")` }]);
    expect(one(ab, csv('a,b', ',', 'x,y'))).toEqual([{ resource: 't', row: 1, message: 'row 1: blank row' }]);
    expect(one(ab, csv('a,b', 'x,y,z'))).toEqual([{ resource: 't', row: 1, message: 'row 1: has 3 cells, the header has 2' }]);
    // The row length is measured against the header as written.
    expect(messages(one(ab, csv('a,b,c', 'x,y,z', 'x,y')))).toEqual([
      'header: header "a", "b", "c" does not match the schema fields "a", "b" (same names, same order): unexpected column(s) "c"',
      'row 2: has 2 cells, the header has 3',
    ]);
  });

  it('shows a long value cut to 57 characters and an ellipsis', () => {
    const long = 'ж'.repeat(61);
    const s = schema([field('n', 'integer')]);
    expect(messages(one(s, csv('n', long)))).toEqual([`row 1, field "n": "${'ж'.repeat(57)}…" is not an integer (expected digits with an optional leading -)`]);
    expect(messages(one(s, csv('n', 'ж'.repeat(60))))).toEqual([`row 1, field "n": "${'ж'.repeat(60)}" is not an integer (expected digits with an optional leading -)`]);
  });
});

describe('missing and required values', () => {
  const s = schema([field('id', 'integer'), field('amount', 'number', { required: true })], { primaryKey: ['id'], missingValues: ['', '-'] });

  it('says why a value is required, and names the marker that stands for it', () => {
    expect(one(s, csv('id,amount', ',1', '2,-', '3,'))).toEqual([
      { resource: 't', row: 1, field: 'id', message: 'row 1, field "id": a value is required but missing (part of the primary key)' },
      { resource: 't', row: 2, field: 'amount', message: 'row 2, field "amount": a value is required but missing ("-" is a missing-value marker) (constraint required)' },
      { resource: 't', row: 3, field: 'amount', message: 'row 3, field "amount": a value is required but missing (constraint required)' },
    ]);
  });

  it('reads a cell a short row lacks as missing', () => {
    expect(messages(one(s, csv('id,amount', '1')))).toEqual(['row 1: has 1 cells, the header has 2', 'row 1, field "amount": a value is required but missing (constraint required)']);
  });

  it('takes only the declared markers as missing, the empty cell included only when declared', () => {
    const dash = schema([field('a', 'string'), field('n', 'number')], { missingValues: ['-'] });
    expect(messages(one(dash, csv('a,n', 'x,-', 'y,')))).toEqual(['row 2, field "n": "" is not a number (expected plain decimal text such as 1243280.57)']);
    // A schema that declares no missing values has the empty cell as its one marker.
    const none = { fields: [field('a', 'string'), field('n', 'number')] } as unknown as TableSchema;
    expect(messages(one(none, csv('a,n', 'y,', 'z,-')))).toEqual(['row 2, field "n": "-" is not a number (expected plain decimal text such as 1243280.57)']);
  });
});

describe('constraints on values', () => {
  it('says where a duplicate was first seen', () => {
    const s = schema([field('code', 'string', { unique: true })]);
    expect(messages(one(s, csv('code', 'a', 'b', 'a', 'a')))).toEqual([
      'row 3, field "code": duplicate value "a" (constraint unique; first in row 1)',
      'row 4, field "code": duplicate value "a" (constraint unique; first in row 1)',
    ]);
    const numbers = schema([field('n', 'number', { unique: true })]);
    expect(messages(one(numbers, csv('n', 'NaN', 'NaN', '1.0', '1')))).toEqual(['row 4, field "n": duplicate value "1" (constraint unique; first in row 3)']);
    const booleans = schema([field('b', 'boolean', { unique: true })]);
    expect(messages(one(booleans, csv('b', 'true', '1')))).toEqual(['row 2, field "b": duplicate value "1" (constraint unique; first in row 1)']);
  });

  it('lists at most ten allowed values', () => {
    const values = Array.from({ length: 12 }, (_, i) => `v${i}`);
    const s = schema([field('e', 'string', { enum: values })]);
    expect(messages(one(s, csv('e', 'v11', 'x')))).toEqual([
      `row 2, field "e": "x" is not one of the allowed values ${values
        .slice(0, 10)
        .map((v) => `"${v}"`)
        .join(', ')}, … (12 in all)`,
    ]);
  });

  it('reports a value below, above, or not comparable with its bounds, once', () => {
    const s = schema([field('n', 'number', { minimum: 0, maximum: 100 })]);
    expect(messages(one(s, csv('n', '0', '100', '-0.01', '100.5', 'NaN', '-INF')))).toEqual([
      'row 3, field "n": "-0.01" is below the minimum 0',
      'row 4, field "n": "100.5" is above the maximum 100',
      'row 5, field "n": "NaN" cannot be compared with the minimum 0',
      'row 6, field "n": "-INF" is below the minimum 0',
    ]);
    const top = schema([field('n', 'number', { maximum: 100 })]);
    expect(messages(one(top, csv('n', 'NaN')))).toEqual(['row 1, field "n": "NaN" cannot be compared with the maximum 100']);
    const dates = schema([field('d', 'datetime', { minimum: '2024-01-01T00:00:00Z' } as unknown as FieldConstraints)]);
    expect(messages(one(dates, csv('d', '2024-01-01T00:00:00', '2023-12-31T23:59:59Z')))).toEqual([
      'row 1, field "d": "2024-01-01T00:00:00" cannot be compared with the minimum 2024-01-01T00:00:00Z',
      'row 2, field "d": "2023-12-31T23:59:59Z" is below the minimum 2024-01-01T00:00:00Z',
    ]);
  });

  it('counts length in characters, and matches patterns whole', () => {
    const s = schema([field('s', 'string', { maxLength: 2, pattern: '[а-яґєії😀]+' })]);
    expect(messages(one(s, csv('s', 'їж', '😀😀', 'їжа', 'ab')))).toEqual([
      'row 3, field "s": "їжа" is 3 characters long, more than maxLength 2',
      'row 4, field "s": "ab" does not match the pattern "[а-яґєії😀]+"',
    ]);
  });
});

describe('keys', () => {
  it('names the fields and values of a duplicate primary key and where it was first seen', () => {
    const s = schema([field('year', 'year'), field('code', 'string'), field('n', 'integer')], { primaryKey: ['year', 'code'] });
    expect(one(s, csv('year,code,n', '2023,A,1', '2023,B,2', '2023,A,3'))).toEqual([
      { resource: 't', row: 3, field: 'year,code', message: 'row 3, field "year,code": duplicate primary key (year, code) = ("2023", "A"); first in row 1' },
    ]);
  });

  it('reads key values by their meaning: 7 and 007 are one integer', () => {
    const s = schema([field('id', 'integer')], { primaryKey: ['id'] });
    expect(messages(one(s, csv('id', '7', '007')))).toEqual(['row 2, field "id": duplicate primary key (id) = ("007"); first in row 1']);
  });

  it('leaves a key with an invalid part to the finding about that part', () => {
    const s = schema([field('id', 'integer'), field('code', 'string')], { primaryKey: ['id', 'code'] });
    expect(messages(one(s, csv('id,code', 'x,A', 'x,A')))).toEqual([
      'row 1, field "id": "x" is not an integer (expected digits with an optional leading -)',
      'row 2, field "id": "x" is not an integer (expected digits with an optional leading -)',
    ]);
  });

  const districts: CheckedTable = { name: 'districts', schema: schema([field('id', 'number')], { primaryKey: ['id'] }), csv: csv('id', '1', '2', 'NaN') };
  const spend = (...rows: string[]): CheckedTable => ({
    name: 'spend',
    schema: schema([field('district', 'number')], { foreignKeys: [{ fields: ['district'], reference: { resource: 'districts', fields: ['id'] } }] }),
    csv: csv('district', ...rows),
  });

  it('finds no match for NaN, which equals nothing, and leaves invalid values to their own finding', () => {
    expect(checkTables([districts, spend('1', 'NaN', 'x', '2.0')])).toEqual([
      { resource: 'spend', row: 2, field: 'district', message: 'row 2, field "district": "NaN" has no match in "districts" field "id" (foreign key)' },
      {
        resource: 'spend',
        row: 3,
        field: 'district',
        message: 'row 3, field "district": "x" is not a number (expected plain decimal text such as 1243280.57)',
      },
    ]);
  });

  it('does not look keys up in a table that could not be read', () => {
    const unreadable = { ...districts, csv: csv('id', '1', '"2') };
    expect(messages(checkTables([unreadable, spend('3')]))).toEqual(['row 2: not parseable CSV: a quoted field is not closed before the end of the file']);
    expect(messages(checkTables([spend('3'), unreadable]))).toEqual(['row 2: not parseable CSV: a quoted field is not closed before the end of the file']);
  });

  it('reports a missing reference at once when the target was read first, and after the whole table otherwise', () => {
    const typed = (...rows: string[]): CheckedTable => ({ ...spend(...rows), schema: { ...spend().schema, fields: [field('district', 'number'), field('note', 'integer')] } });
    const rows = ['district,note', '9,1', '1,x'];
    const before = checkTables([districts, { ...typed(), csv: csv(...rows) }]);
    expect(messages(before)).toEqual(['row 1, field "district": "9" has no match in "districts" field "id" (foreign key)', 'row 2, field "note": "x" is not an integer (expected digits with an optional leading -)']);
    const after = checkTables([{ ...typed(), csv: csv(...rows) }, districts]);
    expect(messages(after)).toEqual(['row 2, field "note": "x" is not an integer (expected digits with an optional leading -)', 'row 1, field "district": "9" has no match in "districts" field "id" (foreign key)']);
    // NaN matches nothing, and is reported at once whatever the order.
    const nan = checkTables([{ ...typed(), csv: csv('district,note', 'NaN,1', '1,x') }, districts]);
    expect(messages(nan)).toEqual(['row 1, field "district": "NaN" has no match in "districts" field "id" (foreign key)', 'row 2, field "note": "x" is not an integer (expected digits with an optional leading -)']);
  });

  it('keeps the values of each referenced key of a table apart', () => {
    const places: CheckedTable = { name: 'places', schema: schema([field('code', 'string'), field('name', 'string')]), csv: csv('code,name', 'A,Центр', 'B,Поділ') };
    const visits: CheckedTable = {
      name: 'visits',
      schema: schema([field('code', 'string'), field('name', 'string')], {
        foreignKeys: [
          { fields: ['code'], reference: { resource: 'places', fields: ['code'] } },
          { fields: ['name'], reference: { resource: 'places', fields: ['name'] } },
        ],
      }),
      csv: csv('code,name', 'A,Поділ', 'C,Центр', 'B,Вокзал'),
    };
    expect(messages(checkTables([places, visits]))).toEqual([
      'row 2, field "code": "C" has no match in "places" field "code" (foreign key)',
      'row 3, field "name": "Вокзал" has no match in "places" field "name" (foreign key)',
    ]);
  });

  it('skips an empty key, reports a partly empty one, does not look up an invalid one, and names every field of a key it looks up later', () => {
    const budget: CheckedTable = { name: 'budget', schema: schema([field('year', 'year'), field('code', 'string')]), csv: csv('year,code', '2023,A') };
    const spent: CheckedTable = {
      name: 'spent',
      schema: schema([field('y', 'year'), field('c', 'string'), field('n', 'string')], { foreignKeys: [{ fields: ['y', 'c'], reference: { resource: 'budget', fields: ['year', 'code'] } }] }),
      csv: csv('y,c,n', ',,1', '2023,,2', '20x3,A,3', '2024,A,4'),
    };
    expect(checkTables([spent, budget])).toEqual([
      { resource: 'spent', row: 2, field: 'y,c', message: 'row 2, field "y,c": foreign key (y, c) = ("2023", (empty)) is partly empty; fill every part or none' },
      { resource: 'spent', row: 3, field: 'y', message: 'row 3, field "y": "20x3" is not a year (expected four digits, YYYY)' },
      { resource: 'spent', row: 4, field: 'y,c', message: 'row 4, field "y,c": foreign key (y, c) = ("2024", "A") has no match in "budget" (year, code)' },
    ]);
  });

  it('reads a cell a short row lacks as empty, so a key missing its last part is partly empty, besides the row being short', () => {
    const budget: CheckedTable = { name: 'budget', schema: schema([field('year', 'year'), field('code', 'string')]), csv: csv('year,code', '2023,A') };
    const spent: CheckedTable = {
      name: 'spent',
      schema: schema([field('y', 'year'), field('c', 'string')], { foreignKeys: [{ fields: ['y', 'c'], reference: { resource: 'budget', fields: ['year', 'code'] } }] }),
      csv: csv('y,c', '2023'),
    };
    expect(messages(checkTables([spent, budget]))).toEqual([
      'row 1: has 1 cells, the header has 2',
      'row 1, field "y,c": foreign key (y, c) = ("2023", (empty)) is partly empty; fill every part or none',
    ]);
  });

  it('reports the references of every row of a table read before its target, after the target', () => {
    const checker = tableChecker([spend('5', '1', '6'), districts]);
    checker.feed(0, spend('5', '1', '6').csv);
    checker.end(0);
    checker.feed(1, districts.csv);
    expect(checker.finish().map((f) => [f.resource, f.row, f.message])).toEqual([
      ['spend', 1, 'row 1, field "district": "5" has no match in "districts" field "id" (foreign key)'],
      ['spend', 3, 'row 3, field "district": "6" has no match in "districts" field "id" (foreign key)'],
    ]);
  });
});

describe('pieces of a file', () => {
  const s = schema([field('n', 'integer')]);

  it('ignores empty pieces and reads a byte order mark alone as the start of the file', () => {
    const checker = tableChecker([{ name: 't', schema: s }]);
    checker.feed(0, '');
    checker.feed(0, '\ufeff');
    checker.feed(0, 'n\r\n');
    checker.feed(0, '');
    checker.feed(0, '1\r\nx\r\n');
    expect(checker.finish()).toEqual([
      { resource: 't', row: 0, message: 'header: the file starts with a byte order mark (BOM); write UTF-8 without BOM' },
      { resource: 't', row: 2, field: 'n', message: 'row 2, field "n": "x" is not an integer (expected digits with an optional leading -)' },
    ]);
  });

  it('reads nothing more after a piece it cannot parse', () => {
    const checker = tableChecker([{ name: 't', schema: s }]);
    checker.feed(0, 'n\r\n"1\r\n');
    checker.feed(0, 'x\r\n');
    expect(messages(checker.finish())).toEqual(['row 1: not parseable CSV: a quoted field is not closed before the end of the file']);
  });

  it('reads nothing more after a piece that ends inside a record', () => {
    const checker = tableChecker([{ name: 't', schema: s }]);
    checker.feed(0, 'n\r\n1');
    checker.feed(0, '\r\n2\r\n');
    checker.feed(0, 'x\r\n');
    expect(messages(checker.finish())).toEqual(['row 1: a piece of the file ends inside a record; the writer must cut pieces at line ends']);
  });

  it('reads a byte order mark only at the start of the file', () => {
    const checker = tableChecker([{ name: 't', schema: s }]);
    checker.feed(0, 'n\r\n');
    checker.feed(0, '\ufeff1\r\n');
    // Read as any other character there; the hint drops it with the other spaces.
    expect(messages(checker.finish())).toEqual(['row 1, field "n": "\ufeff1" is not an integer (write 1)']);
  });

  it('calls a file with only a byte order mark empty', () => {
    const checker = tableChecker([{ name: 't', schema: s }]);
    checker.feed(0, '\ufeff');
    expect(messages(checker.finish())).toEqual(['header: the file starts with a byte order mark (BOM); write UTF-8 without BOM', 'the file is empty: no header row']);
  });
});

describe('the cap on findings', () => {
  it('lists 50 findings of a resource and counts the rest in one more', () => {
    const s = schema([field('n', 'integer')]);
    const findings = one(s, csv('n', ...Array.from({ length: 53 }, () => 'x')));
    expect(findings).toHaveLength(51);
    expect(findings[49]).toMatchObject({ row: 50, field: 'n' });
    expect(findings[50]).toEqual({ resource: 't', message: '3 more finding(s) not shown (only the first 50 are listed)' });
    expect(one(s, csv('n', ...Array.from({ length: 50 }, () => 'x')))).toHaveLength(50);
  });
});
