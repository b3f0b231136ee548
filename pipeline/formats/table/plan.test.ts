/** What the checker says about a Table Schema it cannot apply, before it reads a row. */
import { describe, expect, it } from 'vitest';
import type { Field, FieldConstraints, FieldType, ForeignKey, TableSchema } from '../../publish/types.ts';
import { checkTables, type CheckedTable, type TableFinding } from '../table-check.ts';

function field(name: string, type: FieldType, constraints?: FieldConstraints, format?: string): Field {
  const out: Field = { name, type, title: name, description: '' };
  if (constraints !== undefined) out.constraints = constraints;
  if (format !== undefined) out.format = format;
  return out;
}

/** Table Schema allows what the project's own schemas never write: bounds as text, enum values as numbers. */
const loose = (constraints: Record<string, unknown>) => constraints as FieldConstraints;

const csv = (...lines: string[]) => lines.map((line) => line + '\r\n').join('');
const table = (name: string, fields: Field[], rows: string[], extra: Partial<TableSchema> = {}): CheckedTable => ({
  name,
  schema: { fields, missingValues: [''], ...extra },
  csv: csv(fields.map((f) => f.name).join(','), ...rows),
});
const check = (...tables: CheckedTable[]): TableFinding[] => checkTables(tables);

describe('fields', () => {
  it('names a field declared twice', () => {
    const t = table('t', [field('a', 'string'), field('a', 'string')], ['x,y']);
    expect(check(t)).toStrictEqual([{ resource: 't', field: 'a', message: 'schema: field "a" is declared more than once' }]);
  });

  it('names a type it does not know, and leaves that column unchecked', () => {
    const geo = { name: 'g', type: 'geopoint', title: 'g', description: '' } as unknown as Field;
    const t = table('t', [geo, field('n', 'integer')], ['anything,1', 'at all,x']);
    expect(check(t)).toEqual([
      { resource: 't', field: 'g', message: 'schema: field "g": unknown type "geopoint" (expected string, number, integer, boolean, date, year or datetime)' },
      { resource: 't', row: 2, field: 'n', message: 'row 2, field "n": "x" is not an integer (expected digits with an optional leading -)' },
    ]);
  });

  it('names a date layout it cannot read', () => {
    const t = table('t', [field('d', 'date', undefined, '%d %b %Y')], ['1 Jan 2024']);
    expect(check(t)).toEqual([{ resource: 't', field: 'd', message: 'schema: field "d": format "%d %b %Y" uses %b, which this checker does not read' }]);
  });
});

describe('constraints', () => {
  it('checks enum values against the field type, written as text or as JSON numbers', () => {
    const t = table('t', [field('n', 'integer', loose({ enum: ['1', 2, 'x', 'NaN'] }))], ['1', '2', '3']);
    expect(check(t)).toEqual([
      { resource: 't', field: 'n', message: 'schema: field "n": enum value "x" is not an integer (expected digits with an optional leading -)' },
      { resource: 't', field: 'n', message: 'schema: field "n": enum value "NaN" is not an integer (expected digits with an optional leading -)' },
      { resource: 't', row: 3, field: 'n', message: 'row 3, field "n": "3" is not one of the allowed values "1", "2"' },
    ]);
  });

  it('takes any text as a string enum value, and a NaN in a number enum as equal to nothing', () => {
    expect(check(table('t', [field('s', 'string', { enum: ['a', ''] })], ['a', 'b']))).toEqual([
      { resource: 't', row: 2, field: 's', message: 'row 2, field "s": "b" is not one of the allowed values "a", ""' },
    ]);
    expect(check(table('t', [field('n', 'number', { enum: ['NaN', '1.0'] })], ['1', 'NaN']))).toEqual([
      { resource: 't', row: 2, field: 'n', message: 'row 2, field "n": "NaN" is not one of the allowed values "NaN", "1.0"' },
    ]);
  });

  it('says why a minimum or maximum cannot apply', () => {
    const t = table(
      't',
      [
        field('s', 'string', loose({ minimum: 'a' })),
        field('d', 'date', { maximum: 3 }),
        field('n', 'number', loose({ minimum: '1,5' })),
        field('b', 'boolean', loose({ maximum: 'true' })),
        field('y', 'year', loose({ minimum: true })),
      ],
      ['x,2024-01-01,2,true,2024'],
    );
    expect(check(t).map((f) => [f.field, f.message])).toEqual([
      ['s', 'schema: field "s": constraint minimum: minimum/maximum cannot apply to a string field'],
      ['d', 'schema: field "d": constraint maximum: a date field needs its minimum/maximum as text in its own format, not the number 3'],
      ['n', 'schema: field "n": constraint minimum: bound "1,5" is not a number (write 1.5)'],
      ['b', 'schema: field "b": constraint maximum: minimum/maximum cannot apply to a boolean field'],
      ['y', 'schema: field "y": constraint minimum: bound true is neither a number nor text'],
    ]);
  });

  it('reads bounds given as JSON numbers for numbers, integers and years, and as text in the field’s format', () => {
    const t = table(
      't',
      [field('i', 'integer', { minimum: 1 }), field('y', 'year', { maximum: 2030 }), field('d', 'date', loose({ minimum: '2020-01-01' }), 'default'), field('n', 'number', loose({ maximum: '1e3' }))],
      ['1,2030,2020-01-01,1000', '0,2031,2019-12-31,1000.5'],
    );
    expect(check(t).map((f) => f.message)).toEqual([
      'row 2, field "i": "0" is below the minimum 1',
      'row 2, field "y": "2031" is above the maximum 2030',
      'row 2, field "d": "2019-12-31" is below the minimum 2020-01-01',
      'row 2, field "n": "1000.5" is above the maximum 1e3',
    ]);
  });

  it('takes any text as the enum value of a string field, whatever its format', () => {
    const t = table('t', [field('e', 'string', { enum: ['не пошта'] }, 'email')], ['не пошта']);
    expect(check(t)).toEqual([{ resource: 't', row: 1, field: 'e', message: 'row 1, field "e": "не пошта" is not a valid email address' }]);
  });

  it('reads patterns as Unicode, as the reference checker does', () => {
    const t = table('t', [field('c', 'string', { pattern: '\\p{Lu}\\p{Ll}+' })], ['Київ', 'київ']);
    expect(check(t).map((f) => f.message)).toEqual(['row 2, field "c": "київ" does not match the pattern "\\\\p{Lu}\\\\p{Ll}+"']);
  });

  it('names a pattern that does not compile', () => {
    const [finding] = check(table('t', [field('c', 'string', { pattern: '(' })], ['x']));
    expect(finding).toMatchObject({ resource: 't', field: 'c' });
    expect(finding!.message).toMatch(/^schema: field "c": pattern "\(" does not compile: Invalid regular expression: /);
  });

  it('applies maxLength to strings only', () => {
    expect(check(table('t', [field('n', 'integer', { maxLength: 1 })], ['12345']))).toEqual([]);
  });
});

describe('primary keys', () => {
  it('names an unknown key field and then checks no key at all', () => {
    const t = table('t', [field('a', 'string'), field('b', 'string')], ['x,1', 'x,1'], { primaryKey: ['a', 'z'] });
    expect(check(t)).toEqual([{ resource: 't', field: 'z', message: 'schema: primaryKey names unknown field "z"' }]);
  });
});

describe('foreign keys', () => {
  const districts = table('districts', [field('id', 'integer'), field('name', 'string')], ['1,Fortechnyi', '2,Podilskyi']);
  const spend = (fk: ForeignKey, ...rows: string[]) => table('spend', [field('n', 'integer'), field('district', 'integer')], rows.length > 0 ? rows : ['1,1'], { foreignKeys: [fk] });

  it('names two tables of one name', () => {
    expect(check(districts, districts)).toStrictEqual([{ resource: 'districts', message: 'resource name "districts" is used by more than one table' }]);
  });

  it('names field lists that cannot be matched', () => {
    expect(check(districts, spend({ fields: ['n', 'district'], reference: { resource: 'districts', fields: ['id'] } }))).toEqual([
      { resource: 'spend', message: 'schema: foreign key (n, district) -> (id): the field lists must be non-empty and of equal length' },
    ]);
    expect(check(districts, spend({ fields: [], reference: { resource: 'districts', fields: [] } }))).toEqual([
      { resource: 'spend', message: 'schema: foreign key () -> (): the field lists must be non-empty and of equal length' },
    ]);
  });

  it('names unknown fields on either side, and an unknown resource', () => {
    expect(check(districts, spend({ fields: ['region'], reference: { resource: 'districts', fields: ['id'] } }))).toEqual([
      { resource: 'spend', field: 'region', message: 'schema: foreign key (region) uses unknown field "region"' },
    ]);
    expect(check(districts, spend({ fields: ['district'], reference: { resource: 'districts', fields: ['code'] } }))).toEqual([
      { resource: 'spend', field: 'district', message: 'schema: foreign key (district) references unknown field "code" of "districts"' },
    ]);
    expect(check(spend({ fields: ['district'], reference: { resource: 'regions', fields: ['id'] } }))).toEqual([
      { resource: 'spend', field: 'district', message: 'schema: foreign key (district) references resource "regions", which is not among the checked tables' },
    ]);
  });

  it('names a multi-field key by all its fields when its target is unknown', () => {
    const pair = table('pair', [field('a', 'integer'), field('b', 'integer')], ['1,1'], {
      foreignKeys: [{ fields: ['a', 'b'], reference: { resource: 'regions', fields: ['x', 'y'] } }],
    });
    expect(check(pair)).toEqual([{ resource: 'pair', field: 'a,b', message: 'schema: foreign key (a, b) references resource "regions", which is not among the checked tables' }]);
    const onto = table('pair', [field('a', 'integer'), field('b', 'integer')], ['1,1'], {
      foreignKeys: [{ fields: ['a', 'b'], reference: { resource: 'districts', fields: ['id', 'code'] } }],
    });
    expect(check(districts, onto)).toEqual([{ resource: 'pair', field: 'a,b', message: 'schema: foreign key (a, b) references unknown field "code" of "districts"' }]);
  });

  it('reads an empty resource as the table itself', () => {
    const tree = (parent: string) =>
      table('tree', [field('id', 'string'), field('parent', 'string')], ['a,', 'b,a', `c,${parent}`], { foreignKeys: [{ fields: ['parent'], reference: { resource: '', fields: ['id'] } }] });
    expect(check(tree('b'))).toEqual([]);
    expect(check(tree('z'))).toEqual([{ resource: 'tree', row: 3, field: 'parent', message: 'row 3, field "parent": "z" has no match in "tree" field "id" (foreign key)' }]);
  });

  it('lets two foreign keys share the values of one referenced key', () => {
    const moves = table('moves', [field('from', 'integer'), field('to', 'integer')], ['1,2', '2,3'], {
      foreignKeys: [
        { fields: ['from'], reference: { resource: 'districts', fields: ['id'] } },
        { fields: ['to'], reference: { resource: 'districts', fields: ['id'] } },
      ],
    });
    expect(check(districts, moves)).toEqual([{ resource: 'moves', row: 2, field: 'to', message: 'row 2, field "to": "3" has no match in "districts" field "id" (foreign key)' }]);
  });

  it('reports every broken schema rule of a table, and still reads its rows', () => {
    const broken = table('t', [field('a', 'string'), field('a', 'integer')], ['x,y'], { primaryKey: ['q'] });
    expect(check(broken).map((f) => f.message)).toEqual([
      'schema: field "a" is declared more than once',
      'schema: primaryKey names unknown field "q"',
      'row 1, field "a": "y" is not an integer (expected digits with an optional leading -)',
    ]);
  });
});
