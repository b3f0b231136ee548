/**
 * JSON records, one per line. Numbers are written with the digits the data holds
 * (1243280.57), never passed through a float, so no reader gets 1243280.5700000001.
 */
import type { Table } from '../publish/types.ts';

const NUMERIC = new Set(['number', 'integer', 'year']);

export function tableToJson(table: Table): string {
  const fields = table.schema.fields;
  const lines = table.rows.map((row) => {
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
  });
  return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
}
