/**
 * A dataset's change history as a table for reusers (changes.csv, changes.json): one row per
 * changed cell, added or removed row, with the version, its time, the table, the row's key,
 * and the old and new values as published.
 */
import { field, schema } from '../derive/fields.ts';
import type { Cell, Dataset, Row, Table } from '../publish/types.ts';

const CHANGE_WORDS = ['first', 'unknown', 'none', 'added', 'removed', 'changed'] as const;

const text = (cell: Cell | undefined): Cell => (cell === null || cell === undefined ? null : String(cell));

export function changesTable(dataset: Dataset): Table {
  const rows: Row[] = [];
  for (const version of [...dataset.changes].reverse()) {
    const at = { version: version.version, time: version.time };
    const line = (change: (typeof CHANGE_WORDS)[number], rest: Partial<Row> = {}) =>
      rows.push({ ...at, table: null, row: null, change, field: null, before: null, after: null, ...rest });
    if (version.status !== 'compared') {
      line(version.status, version.rows === undefined ? {} : { after: String(version.rows) });
      continue;
    }
    if (version.tables.length === 0) line('none');
    for (const table of version.tables) {
      for (const edit of table.changed) for (const cell of edit.cells) line('changed', { table: table.table, row: edit.key, field: cell.field, before: text(cell.before), after: text(cell.after) });
      for (const added of table.added) line('added', { table: table.table, row: added.key });
      for (const removed of table.removed) line('removed', { table: table.table, row: removed.key });
    }
  }
  return {
    name: 'changes',
    title: 'Історія змін даних',
    description:
      'Що змінилося в даних набору між опублікованими версіями: рядки додані, вилучені й змінені, для змінених — старе й нове значення кожної клітинки. Рядок знаходять за ключем (значення первинного ключа таблиці).',
    schema: schema([
      field('version', 'string', 'Версія', 'Версія набору даних, у якій сталася зміна', { required: true }),
      field('time', 'datetime', 'Час версії', 'Коли версію опубліковано (час зміни джерел)', { required: true }),
      field('table', 'string', 'Таблиця', 'Таблиця набору (назва файлу без розширення)'),
      field('row', 'string', 'Рядок', 'Ключ рядка: значення первинного ключа таблиці, через « · »'),
      field('change', 'string', 'Зміна', 'Що сталося: перша версія, не порівняно, без змін у даних, рядок додано, вилучено або змінено клітинку', {
        required: true,
        enum: [...CHANGE_WORDS],
      }),
      field('field', 'string', 'Поле', 'Поле зміненої клітинки'),
      field('before', 'string', 'Було', 'Значення до зміни, як опубліковано'),
      field('after', 'string', 'Стало', 'Значення після зміни, як опубліковано; для першої версії — кількість рядків'),
    ]),
    rows,
  };
}
