/**
 * Checks published CSV files against their Frictionless Table Schemas (v2) before they
 * leave the build. The rules follow the reference checker
 * (../shared/tools/conformance.py, TableChecker and cast_value) and the standards digest
 * (../shared/STANDARDS.md §1):
 *
 * - CSV: UTF-8 without BOM, comma delimiter, RFC 4180 quoting ("" escapes), CRLF lines;
 *   one header row equal to the schema's field names in order (fieldsMatch "exact").
 * - Each row has as many cells as the header; a cell equal to one of the schema's
 *   missingValues is null.
 * - Non-null cells are cast by field type; constraints apply to the cast (logical) value:
 *   numbers compare exactly as decimals, never as binary floats.
 * - primaryKey (required + unique combination), foreignKeys (the key tuple must exist in
 *   the referenced resource; an empty or absent reference.resource is the table itself).
 *   A foreign key whose parts are all empty is not looked up; one with some parts empty is
 *   a finding, as frictionless-py looks the whole tuple up and finds no match.
 *
 * Every finding names the resource, the 1-based data row (the header is row 0) and the
 * field, and says what was expected. At most 50 findings per resource are listed, then
 * one more finding says how many were left out.
 */
import { checkPending, tableReader } from './table/reader.ts';
import { type CheckedTable, planTable, resolveForeignKeys } from './table/plan.ts';
import type { TableFinding } from './table/findings.ts';

export type { CheckedTable } from './table/plan.ts';
export type { TableFinding } from './table/findings.ts';
export { MAX_FINDINGS_PER_RESOURCE } from './table/findings.ts';

/**
 * Checks each table's CSV against its Table Schema, foreign keys across the tables
 * given. Returns every finding (none means the tables may be published).
 */
export function checkTables(tables: CheckedTable[]): TableFinding[] {
  const checker = tableChecker(tables);
  tables.forEach((table, index) => {
    checker.feed(index, table.csv);
    checker.end(index);
  });
  return checker.finish();
}

export interface TableChecker {
  /** The next piece of table `index`'s CSV: whole records, in file order. */
  feed(index: number, text: string): void;
  /** Table `index` is complete; foreign keys into it can be looked up from now on. */
  end(index: number): void;
  /** Ends every table and returns every finding, as checkTables would for the whole texts. */
  finish(): TableFinding[];
}

/**
 * checkTables for files too large to hold as one text: the same checks, fed a piece at a
 * time, with the tables' pieces in any interleaving.
 */
export function tableChecker(tables: Omit<CheckedTable, 'csv'>[]): TableChecker {
  const plans = tables.map((table) => planTable({ name: table.name, schema: table.schema }));
  resolveForeignKeys(plans);
  const readers = plans.map((plan) => tableReader(plan, plans));
  const end = (index: number) => {
    const plan = plans[index]!;
    if (plan.done) return;
    readers[index]!.end();
    plan.done = true;
  };
  return {
    feed: (index, text) => {
      if (plans[index]!.done) throw new Error(`table ${tables[index]!.name} was ended; no more pieces can be read`);
      readers[index]!.feed(text);
    },
    end,
    finish() {
      plans.forEach((_, index) => end(index));
      for (const plan of plans) checkPending(plan, plans);
      return plans.flatMap((plan) => plan.bucket.finish());
    },
  };
}
