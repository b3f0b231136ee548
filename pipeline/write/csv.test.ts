import { describe, expect, it } from 'vitest';
import type { Table } from '../publish/types.ts';
import { tableToCsv } from './csv.ts';

const table = (rows: Table['rows']): Table => ({
  name: 't',
  title: 'T',
  description: 'T',
  schema: {
    fields: [
      { name: 'code', type: 'string', title: 'Код', description: '' },
      { name: 'title', type: 'string', title: 'Назва', description: '' },
    ],
    missingValues: [''],
  },
  rows,
});

describe('CSV quoting', () => {
  // A reader that trims unquoted cells (Excel's text import, many CSV libraries) would lose
  // the spaces of a cell that begins or ends with one, so such cells are quoted.
  it('quotes a cell that begins or ends with a space or a tab, and leaves inner spaces bare', () => {
    const csv = tableToCsv(
      table([
        { code: ' 01', title: 'Назва ' },
        { code: '02\t', title: '\tвідступ' },
        { code: '03', title: 'два  пробіли всередині' },
      ]),
    );
    expect(csv).toBe('code,title\r\n" 01","Назва "\r\n"02\t","\tвідступ"\r\n03,два  пробіли всередині\r\n');
  });

  it('quotes a cell with a line break, a comma or a quote, and writes a missing value as an empty cell', () => {
    const csv = tableToCsv(table([{ code: '04', title: 'рядок\rі ще' }, { code: 'a,b', title: 'він сказав "так"' }, { code: '05', title: null }]));
    expect(csv).toBe('code,title\r\n04,"рядок\rі ще"\r\n"a,b","він сказав ""так"""\r\n05,\r\n');
  });
});
