import { describe, expect, it } from 'vitest';
import type { Table } from '../publish/types.ts';
import { csvPiece, tableToCsv } from './csv.ts';
import { jsonPieces, tableToJson } from './json.ts';

const table: Table = {
  name: 't',
  title: 'T',
  description: 'T',
  schema: {
    fields: [
      { name: 'title', type: 'string', title: 'Назва', description: '' },
      { name: 'amount_uah', type: 'number', title: 'Сума', description: '' },
      { name: 'year', type: 'year', title: 'Рік', description: '' },
      { name: 'total_row', type: 'boolean', title: 'Усього', description: '' },
    ],
    missingValues: [''],
  },
  rows: [
    { title: 'Проведення урочистостей, «пам’ятних» дат', amount_uah: '1243280.57', year: '2023', total_row: 'false' },
    { title: 'Рядок з комою, "лапками"\nі переносом', amount_uah: null, year: null, total_row: 'true' },
  ],
};

describe('CSV', () => {
  it('writes a header of field names, CRLF, exact decimals and RFC 4180 quoting, without BOM', () => {
    const csv = tableToCsv(table);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('title,amount_uah,year,total_row');
    expect(csv).toContain('"Проведення урочистостей, «пам’ятних» дат",1243280.57,2023,false\r\n');
    expect(csv).toContain('"Рядок з комою, ""лапками""\nі переносом",,,true\r\n');
  });
});

describe('JSON records', () => {
  it('keeps the digits of numbers and types booleans and nulls', () => {
    const json = new TextDecoder().decode(tableToJson(table));
    expect(json).toContain('"amount_uah":1243280.57,"year":2023,"total_row":false');
    const records = JSON.parse(json) as Record<string, unknown>[];
    expect(records[1]).toEqual({ title: 'Рядок з комою, "лапками"\nі переносом', amount_uah: null, year: null, total_row: true });
  });

  it('writes a table of many pieces as one array, the same as a short one', () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => ({ title: `рядок ${i}`, amount_uah: `${i}.5`, year: '2023', total_row: 'false' }));
    const json = new TextDecoder().decode(tableToJson({ ...table, rows }));
    const expected = `[\n${rows.map((_, i) => `{"title":"рядок ${i}","amount_uah":${i}.5,"year":2023,"total_row":false}`).join(',\n')}\n]\n`;
    expect(json).toBe(expected);
    expect((JSON.parse(json) as unknown[]).length).toBe(12_001);
  });
});

describe('pieces of a table', () => {
  const rows = Array.from({ length: 7 }, (_, i) => ({ ...table.rows[i % 2]!, year: String(2020 + i) }));
  const cuts = [[0, 3, 3, 7], [0, 1, 7], [0, 7]];

  it('join to the CSV of the whole table, the header in the first piece only, however the rows are cut', () => {
    const fields = table.schema.fields;
    for (const cut of cuts) {
      const pieces = cut.slice(1).map((end, i) => csvPiece(fields, rows.slice(cut[i], end), i === 0));
      expect(pieces.join('')).toBe(tableToCsv({ ...table, rows }));
    }
    expect(csvPiece(fields, [], true)).toBe('title,amount_uah,year,total_row\r\n');
  });

  it('join to the JSON of the whole table, with empty runs and an empty table', () => {
    for (const cut of cuts) {
      const json = jsonPieces(table.schema.fields);
      const text = cut.slice(1).map((end, i) => json.rows(rows.slice(cut[i], end))).join('') + json.end();
      expect(text).toBe(new TextDecoder().decode(tableToJson({ ...table, rows })));
    }
    const empty = jsonPieces(table.schema.fields);
    expect(empty.rows([]) + empty.end()).toBe('[]\n');
    expect(new TextDecoder().decode(tableToJson({ ...table, rows: [] }))).toBe('[]\n');
  });
});
