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
  const record = (row: Row) => {
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
