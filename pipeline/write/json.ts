/**
 * JSON records, one per line. Numbers are written with the digits the data holds
 * (1243280.57), never passed through a float, so no reader gets 1243280.5700000001.
 */
import type { Table } from '../publish/types.ts';

const NUMERIC = new Set(['number', 'integer', 'year']);

/** Records encoded per piece: the portal-wide package as one JSON text would pass V8's longest string. */
const ROWS_PER_PIECE = 5_000;
const encoder = new TextEncoder();

/** The table as UTF-8 JSON bytes. */
export function tableToJson(table: Table): Uint8Array {
  const fields = table.schema.fields;
  const record = (row: Table['rows'][number]) => {
    const parts = fields.map((field) => {
      const value = row[field.name] ?? null;
      let json: string;
      if (value === null) json = 'null';
      else if (NUMERIC.has(field.type)) json = String(value);
      else if (field.type === 'boolean') json = value === 'true' ? 'true' : 'false';
      else json = JSON.stringify(value);
      return `${JSON.stringify(field.name)}:${json}`;
    });
    return `{${parts.join(',')}}`;
  };
  if (table.rows.length === 0) return encoder.encode('[]\n');
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < table.rows.length; at += ROWS_PER_PIECE) {
    const lines = table.rows.slice(at, at + ROWS_PER_PIECE).map(record).join(',\n');
    const last = at + ROWS_PER_PIECE >= table.rows.length;
    pieces.push(encoder.encode(`${at === 0 ? '[\n' : ',\n'}${lines}${last ? '\n]\n' : ''}`));
  }
  return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
}
