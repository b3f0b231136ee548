/** CSV as the standard digest asks: UTF-8 without BOM, comma, CRLF, RFC 4180 quoting, header = field names. */
import { stringify } from 'csv-stringify/sync';
import type { Table } from '../publish/types.ts';

export function tableToCsv(table: Table): string {
  const columns = table.schema.fields.map((field) => field.name);
  return stringify(
    table.rows.map((row) => columns.map((column) => row[column] ?? '')),
    { header: true, columns, record_delimiter: 'windows', quoted_match: /^[\s]|[\s]$/ },
  );
}
