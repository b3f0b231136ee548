import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { excelCell, excelCsv, excelHeader } from './excel.ts';

type Field = Parameters<typeof excelCell>[0];
const field = (name: string, type: string, title: string): Field => ({ name, type, title, description: '' }) as Field;

const fields = [
  field('title', 'string', 'Назва'),
  field('amount_uah', 'number', 'Сума'),
  field('year', 'year', 'Рік'),
  field('date', 'date', 'Дата'),
  field('agrees', 'boolean', 'Сходиться'),
  field('edrpou', 'string', 'Код ЄДРПОУ'),
  field('section', 'string', 'Розділ'),
  field('quote', 'string', 'Цитата'),
];
const rows = [
  { title: 'Програма; «розвитку»', amount_uah: '1243280.57', year: '2023', date: '2016-12-21', agrees: 'false', edrpou: '04052169', section: '1.7', quote: 'перший рядок\nдругий "рядок"' },
  { title: '=HYPERLINK("http://x","клік")', amount_uah: '-3100', year: null, date: null, agrees: 'true', edrpou: null, section: '12.2017', quote: '-36 осіб' },
];

/** What a spreadsheet reads from the file: parsed with the semicolon, BOM stripped. */
function read(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
}

describe('the CSV for Ukrainian Excel', () => {
  const text = excelCsv(fields, rows);
  const table = read(text);

  it('starts with a byte-order mark, separates by semicolons, ends lines with CRLF', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('\ufeffНазва;Сума;Рік;Дата;Сходиться;Код ЄДРПОУ;Розділ;Цитата');
    expect(table).toHaveLength(3);
    expect(table.every((line) => line.length === fields.length)).toBe(true);
  });

  it('writes decimal commas, Ukrainian dates, так/ні, and years as they are', () => {
    expect(table[1]!.slice(1, 5)).toEqual(['1243280,57', '2023', '21.12.2016', 'ні']);
    expect(table[2]!.slice(1, 5)).toEqual(['-3100', '', '', 'так']);
  });

  it('keeps codes and section numbers as text, so a leading zero stays and 1.7 is not 1 July', () => {
    expect(table[1]![5]).toBe('="04052169"');
    expect(table[1]![6]).toBe('="1.7"');
    expect(table[2]![6]).toBe('="12.2017"');
  });

  it('keeps a semicolon, quotes and a line break inside one cell', () => {
    expect(table[1]![0]).toBe('Програма; «розвитку»');
    expect(table[1]![7]).toBe('перший рядок\nдругий "рядок"');
  });

  it('never lets a cell run as a formula', () => {
    expect(table[2]![0]).toBe('="=HYPERLINK(""http://x"",""клік"")"');
    expect(table[2]![7]).toBe('="-36 осіб"');
    const long = `=${'x'.repeat(300)}`;
    expect(excelCell(field('quote', 'string', ''), long)).toBe(`'${long}`);
  });
});

describe('column titles', () => {
  it('are the Ukrainian titles, with the field name where two share one', () => {
    expect(excelHeader([field('measure_id', 'string', 'Захід'), field('title', 'string', 'Захід'), field('timeline', 'string', 'Строк')])).toEqual(['Захід (measure_id)', 'Захід (title)', 'Строк']);
  });
});
