/**
 * The checker keeps up with a large portal. Kept apart from table-check.test.ts: it takes
 * seconds, and the mutation run, which repeats the unit tests for every mutant, leaves it out.
 */
import { expect, it } from 'vitest';
import type { Field, FieldConstraints, FieldType, TableSchema } from '../publish/types.ts';
import { checkTables } from './table-check.ts';

function field(name: string, type: FieldType, constraints?: FieldConstraints): Field {
  const out: Field = { name, type, title: name, description: '' };
  if (constraints !== undefined) out.constraints = constraints;
  return out;
}

function schema(fields: Field[], extra: Partial<TableSchema> = {}): TableSchema {
  return { fields, missingValues: [''], ...extra };
}

function csv(...lines: string[]): string {
  return lines.map((line) => line + '\r\n').join('');
}

// Vitest's own limit is above the one the test sets, so that the test, not the runner, says what was too slow.
it('checks 10,000 tables of 20 rows in reasonable time', { timeout: 20_000 }, () => {
  const s = schema(
    [
      field('id', 'integer', { unique: true }),
      field('code', 'string', { pattern: '\\d{8}' }),
      field('amount', 'number', { minimum: 0 }),
      field('date', 'date'),
    ],
    { primaryKey: ['id'] },
  );
  const body = csv('id,code,amount,date', ...Array.from({ length: 20 }, (_, i) => `${i},0405486${i % 10},${i}.25,2024-01-${String((i % 28) + 1).padStart(2, '0')}`));
  const tables = Array.from({ length: 10_000 }, (_, i) => ({ name: `t${i}`, schema: s, csv: body }));
  const started = performance.now();
  expect(checkTables(tables)).toEqual([]);
  expect(performance.now() - started).toBeLessThan(10_000);
});
