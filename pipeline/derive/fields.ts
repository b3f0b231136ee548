/** Table Schema fields used across tables, titled and described in Ukrainian. */
import type { Figure } from '../model/types.ts';
import { toPlain } from '../numbers/decimal.ts';
import type { Cell, Field, FieldConstraints, FieldType, Row, Table, TableSchema } from '../publish/types.ts';

export function field(name: string, type: FieldType, title: string, description: string, constraints?: FieldConstraints): Field {
  return constraints ? { name, type, title, description, constraints } : { name, type, title, description };
}

export const ID_PATTERN = '[a-z0-9]+(-[a-z0-9]+)*';

export const f = {
  documentId: (required = true) =>
    field('document_id', 'string', 'Документ', 'Ідентифікатор документа-джерела (див. таблицю «Документи-джерела»)', required ? { required: true } : undefined),
  section: () => field('section', 'string', 'Розділ', 'Розділ, додаток або слайд документа, з якого взято число'),
  quote: () => field('quote', 'string', 'Цитата', 'Слова документа, з яких прочитано число, дослівно'),
  note: () => field('note', 'string', 'Примітка', 'Примітка упорядника: як прочитано неоднозначне місце'),
  uah: (name: string, title: string, description: string) => field(name, 'number', title, `${description}, у гривнях (крапка — десятковий роздільник)`, { minimum: 0 }),
  printed: (name: string, title: string) => field(name, 'string', title, 'Число так, як його надруковано в документі'),
  /** Where a row's figure was read: document, section, quote, and the reader's note. */
  provenance: (): Field[] => [f.documentId(), f.section(), f.quote(), f.note()],
  unitPrinted: (name = 'unit_printed') => field(name, 'string', 'Одиниця в документі', 'Одиниця виміру так, як її подано в документі: грн, тис. грн'),
};

/** The money cells of a figure: exact UAH, the printed form and its unit. */
export function moneyCells(figure: Figure | undefined, prefix = 'amount'): Row {
  return {
    [`${prefix}_uah`]: figure?.value ? toPlain(figure.value) : null,
    [`${prefix}_printed`]: figure?.printed ?? null,
  };
}

export function plain(value: { units: bigint; scale: number } | null | undefined): Cell {
  return value ? toPlain(value) : null;
}

export function text(value: string | undefined | null): Cell {
  return value || null;
}

export function year(value: number | undefined | null): Cell {
  return value === undefined || value === null ? null : String(value);
}

export function schema(fields: Field[], extra: Omit<TableSchema, 'fields' | 'missingValues'> = {}): TableSchema {
  return { fields, missingValues: [''], ...extra };
}

/** A table and the figure keys its rows are the published home of (for the conservation check). */
export interface Derived {
  table: Table;
  owns: string[];
}
