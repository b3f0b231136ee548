/**
 * A CSV that Excel with Ukrainian settings opens right by a double click, built in the
 * browser from the published CSV (so the portal does not publish every table twice):
 * UTF-8 with a byte-order mark (else Excel reads it as Windows-1251), semicolons (the
 * Ukrainian list separator), decimal commas, dates as 21.12.2016, Ukrainian column titles.
 * Text that Excel would turn into a number, a date or a formula stays text.
 */
import type { SiteTable } from '../lib/data.ts';

type Field = SiteTable['fields'][number];
import type { Row } from './preview.ts';

const BOM = '\ufeff';
const NUMERIC = new Set(['number', 'integer']);

/** Text Excel would read as a number or date (04052169 loses its zero, 1.7 becomes 1 July). */
const LOOKS_NUMERIC = /^[\s\d.,:/+%-]+$/;
/** Text Excel would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;
/** Excel's limit on a text inside a formula: longer text is kept by a leading apostrophe instead. */
const FORMULA_TEXT_MAX = 255;

function quoted(cell: string): string {
  return /[";\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One published value as Ukrainian Excel should see it. */
export function excelCell(field: Field, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (NUMERIC.has(field.type) && /^-?\d+(\.\d+)?$/.test(value)) return value.replace('.', ',');
  if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
  if (field.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true' ? 'так' : 'ні';
  if (field.type === 'year') return value;
  if ((LOOKS_NUMERIC.test(value) || FORMULA.test(value)) && value.length <= FORMULA_TEXT_MAX) return `="${value.replace(/"/g, '""')}"`;
  if (FORMULA.test(value)) return `'${value}`;
  return value;
}

/** Column titles, made unique where two fields share one (the field name is added). */
export function excelHeader(fields: Field[]): string[] {
  const counts = new Map<string, number>();
  for (const f of fields) counts.set(f.title || f.name, (counts.get(f.title || f.name) ?? 0) + 1);
  return fields.map((f) => {
    const title = f.title || f.name;
    return counts.get(title)! > 1 ? `${title} (${f.name})` : title;
  });
}

export function excelCsv(fields: Field[], rows: Row[]): string {
  const lines = [excelHeader(fields).map(quoted).join(';')];
  for (const row of rows) lines.push(fields.map((f) => quoted(excelCell(f, row[f.name]))).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
