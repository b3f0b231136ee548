/**
 * JSON records, one per line. Numbers are written with the digits the data holds
 * (1243280.57), never passed through a float, so no reader gets 1243280.5700000001.
 */
import { concatBytes } from '../io/bytes.ts';
import type { Field, Row, Table } from '../publish/types.ts';

const NUMERIC = new Set(['number', 'integer', 'year']);

/** Records encoded per piece: the portal-wide package as one JSON text would pass V8's longest string. */
const ROWS_PER_PIECE = 5_000;
const encoder = new TextEncoder();

/** The table as UTF-8 JSON bytes. */
export function tableToJson(table: Table): Uint8Array {
  const json = jsonPieces(table.schema.fields);
  const texts: string[] = [];
  for (let at = 0; at < table.rows.length; at += ROWS_PER_PIECE) texts.push(json.rows(table.rows.slice(at, at + ROWS_PER_PIECE)));
  texts.push((texts.pop() ?? '') + json.end());
  if (texts.length === 1) return encoder.encode(texts[0]!);
  return concatBytes(texts.map((text) => encoder.encode(text)));
}

/**
 * A table's JSON written piece by piece: rows() for each run of rows in order, then end().
 * The pieces joined are one array of records.
 */
export function jsonPieces(fields: Field[]): { rows(rows: Row[]): string; end(): string } {
  // Worked out once per table, not once per cell: the key as JSON and how the value is written.
  const columns = fields.map((field) => ({
    name: field.name,
    key: `${JSON.stringify(field.name)}:`,
    as: NUMERIC.has(field.type) ? ('number' as const) : field.type === 'boolean' ? ('boolean' as const) : ('text' as const),
  }));
  const record = (row: Row) => {
    let text = '{';
    for (let at = 0; at < columns.length; at++) {
      const { name, key, as } = columns[at]!;
      const value = row[name] ?? null;
      if (at > 0) text += ',';
      text += key;
      if (value === null) text += 'null';
      else if (as === 'number') text += String(value);
      else if (as === 'boolean') text += value === 'true' ? 'true' : 'false';
      else text += JSON.stringify(value);
    }
    return text + '}';
  };
  let started = false;
  return {
    rows(rows) {
      if (rows.length === 0) return '';
      const text = `${started ? ',\n' : '[\n'}${rows.map(record).join(',\n')}`;
      started = true;
      return text;
    },
    end: () => (started ? '\n]\n' : '[]\n'),
  };
}
