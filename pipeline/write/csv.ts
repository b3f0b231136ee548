/** CSV as the standard digest asks: UTF-8 without BOM, comma, CRLF, RFC 4180 quoting, header = field names. */
import { stringify } from 'csv-stringify/sync';
import type { Field, Row, Table } from '../publish/types.ts';

export function tableToCsv(table: Table): string {
  return csvPiece(table.schema.fields, table.rows, true);
}

/**
 * Some rows of a table as CSV text, whole records each ending in CRLF; the first piece of a
 * file carries the header. The pieces of a table, joined, are tableToCsv of all its rows.
 */
export function csvPiece(fields: Field[], rows: Row[], header: boolean): string {
  const columns = fields.map((field) => field.name);
  return stringify(
    rows.map((row) => columns.map((column) => row[column] ?? '')),
    // A line break alone is not the record delimiter, so csv-stringify would leave it bare and break the row.
    { header, columns, record_delimiter: 'windows', quoted_match: [/^[\s]|[\s]$/, /[\r\n]/] },
  );
}
