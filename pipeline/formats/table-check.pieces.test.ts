/** tableChecker: a CSV read in pieces is checked exactly as the whole text would be. */
import { describe, expect, it } from 'vitest';
import type { Field, FieldType, TableSchema } from '../publish/types.ts';
import { checkTables, tableChecker, type CheckedTable } from './table-check.ts';

const field = (name: string, type: FieldType): Field => ({ name, type, title: name, description: '' });
const lines = (...rows: string[]) => rows.map((row) => row + '\r\n');

const districts: CheckedTable = {
  name: 'districts',
  schema: { fields: [field('id', 'integer'), field('name', 'string')], primaryKey: ['id'], missingValues: [''] },
  csv: lines('id,name', '1,Fortechnyi', '2,Podilskyi', '3,Tsentralno-Miskyi').join(''),
};
const spendSchema: TableSchema = {
  fields: [field('n', 'integer'), field('district', 'integer'), field('amount', 'number')],
  primaryKey: ['n'],
  missingValues: [''],
  foreignKeys: [{ fields: ['district'], reference: { resource: 'districts', fields: ['id'] } }],
};
// Row 3 repeats row 1's key, row 4 names a district that does not exist, row 5 has a bad number.
const spendRows = lines('n,district,amount', '1,1,10.5', '2,2,7', '1,3,1', '4,9,2', '5,1,x', '6,2,3');
const spend: CheckedTable = { name: 'spend', schema: spendSchema, csv: spendRows.join('') };

/** Feeds each table's lines in pieces of `size` lines, the tables taking turns piece by piece. */
function inPieces(tables: CheckedTable[], size: number) {
  const checker = tableChecker(tables);
  const pieces = tables.map((table) => {
    const all = table.csv.match(/[^\r\n]*\r\n/g) ?? [];
    const out: string[] = [];
    for (let at = 0; at < all.length; at += size) out.push(all.slice(at, at + size).join(''));
    return out;
  });
  for (let turn = 0; pieces.some((p) => turn < p.length); turn++) {
    pieces.forEach((p, index) => p[turn] !== undefined && checker.feed(index, p[turn]!));
  }
  return checker.finish();
}

describe('tableChecker', () => {
  it('finds what checkTables finds, at the same rows, however the file is cut', () => {
    const whole = checkTables([spend, districts]);
    expect(whole.map((f) => [f.row, f.field])).toEqual([
      [3, 'n'],
      [5, 'amount'],
      [4, 'district'],
    ]);
    for (const size of [1, 2, 3, 100]) expect(inPieces([spend, districts], size)).toEqual(whole);
  });

  it('looks up a foreign key as soon as its target table is ended, and at the finish otherwise', () => {
    const checker = tableChecker([districts, spend]);
    checker.feed(0, districts.csv);
    checker.end(0);
    checker.feed(1, spend.csv);
    expect(checker.finish()).toEqual(checkTables([districts, spend]));
  });

  it('reports an empty file and a byte order mark once, at the start only', () => {
    expect(tableChecker([{ name: 'd', schema: districts.schema }]).finish()).toEqual([{ resource: 'd', message: 'the file is empty: no header row' }]);
    const checker = tableChecker([districts]);
    checker.feed(0, '\ufeffid,name\r\n');
    checker.feed(0, '1,a\r\n');
    const findings = checker.finish();
    expect(findings.map((f) => f.message)).toEqual(['header: the file starts with a byte order mark (BOM); write UTF-8 without BOM']);
  });

  it('counts rows across pieces in a CSV error', () => {
    const checker = tableChecker([districts]);
    checker.feed(0, 'id,name\r\n1,a\r\n');
    checker.feed(0, '2,"unclosed\r\n');
    const [finding] = checker.finish();
    expect(finding).toMatchObject({ resource: 'districts', row: 2 });
    expect(finding!.message).toContain('not parseable CSV');
  });

  it('refuses a piece that ends inside a record, which would join two rows of the file', () => {
    const checker = tableChecker([districts]);
    checker.feed(0, 'id,name\r\n1,Fortechnyi');
    checker.feed(0, '\r\n2,Podilskyi\r\n');
    expect(checker.finish().map((f) => f.message)).toEqual(['row 1: a piece of the file ends inside a record; the writer must cut pieces at line ends']);
  });

  it('takes no pieces for a table once it is ended', () => {
    const checker = tableChecker([districts]);
    checker.feed(0, districts.csv);
    checker.end(0);
    expect(() => checker.feed(0, '4,Novyi\r\n')).toThrow(/districts was ended/);
  });
});
