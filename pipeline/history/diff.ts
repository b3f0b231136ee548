/**
 * What changed in a dataset's data between two versions: its tables compared row by row by
 * their primary keys (a table without one by whole rows), cell by cell. Pure and linear in
 * the rows compared.
 */
import type { Cell, Row, Table, TableChanges } from '../publish/types.ts';

/** A row's key as a reader can find it again: the primary key's values, joined. */
function keyOf(table: Table, row: Row): string {
  const fields = table.schema.primaryKey ?? table.schema.fields.map((field) => field.name);
  return fields.map((field) => String(row[field] ?? '')).join(' · ');
}

const same = (a: Cell | undefined, b: Cell | undefined) => (a ?? null) === (b ?? null);

/** Differences of one table, in the newer table's row order (removed rows in the older one's). */
export function diffTable(before: Table | undefined, after: Table | undefined): TableChanges | undefined {
  const table = after ?? before;
  if (!table) return undefined;
  const old = new Map((before?.rows ?? []).map((row) => [keyOf(before!, row), row]));
  const fields = table.schema.fields.map((field) => field.name);
  const changes: TableChanges = { table: table.name, title: table.title, added: [], removed: [], changed: [] };
  const seen = new Set<string>();
  for (const row of after?.rows ?? []) {
    const key = keyOf(after!, row);
    seen.add(key);
    const previous = old.get(key);
    if (!previous) {
      changes.added.push({ key, cells: row });
      continue;
    }
    const cells = fields.filter((field) => !same(previous[field], row[field])).map((field) => ({ field, before: previous[field] ?? null, after: row[field] ?? null }));
    if (cells.length > 0) changes.changed.push({ key, cells });
  }
  for (const [key, row] of old) if (!seen.has(key)) changes.removed.push({ key, cells: row });
  return changes.added.length + changes.removed.length + changes.changed.length > 0 ? changes : undefined;
}

/** Differences of every table of a dataset, in the newer version's table order. */
export function diffTables(before: readonly Table[], after: readonly Table[]): TableChanges[] {
  const older = new Map(before.map((table) => [table.name, table]));
  const names = [...new Set([...after.map((table) => table.name), ...before.map((table) => table.name)])];
  const newer = new Map(after.map((table) => [table.name, table]));
  return names.flatMap((name) => diffTable(older.get(name), newer.get(name)) ?? []);
}
