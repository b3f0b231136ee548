import { describe, expect, it } from 'vitest';
import { type CsvError, type CsvRecord, parseCsv } from './csv.ts';

function parse(text: string, start = 0): { records: CsvRecord[]; error: CsvError | undefined } {
  const records: CsvRecord[] = [];
  const error = parseCsv(text, start, (record) => records.push(record));
  return { records, error };
}

const cells = (text: string) => parse(text).records.map((record) => record.cells);

describe('records and their line ends', () => {
  it('splits fields at commas and records at CRLF, LF or CR, and says which', () => {
    const { records, error } = parse('a,b\r\nc,d\ne,f\rg,h');
    expect(error).toBeUndefined();
    expect(records).toEqual([
      { cells: ['a', 'b'], terminator: 'CRLF', bareQuote: false },
      { cells: ['c', 'd'], terminator: 'LF', bareQuote: false },
      { cells: ['e', 'f'], terminator: 'CR', bareQuote: false },
      { cells: ['g', 'h'], terminator: 'EOF', bareQuote: false },
    ]);
  });

  it('reads a blank line between two LF lines as a record of one empty field, not as a CRLF', () => {
    expect(parse('a\n\nb').records).toEqual([
      { cells: ['a'], terminator: 'LF', bareQuote: false },
      { cells: [''], terminator: 'LF', bareQuote: false },
      { cells: ['b'], terminator: 'EOF', bareQuote: false },
    ]);
  });

  it('keeps empty fields, at the start, in the middle and at the end of a line', () => {
    expect(cells(',a,,b,\r\n')).toEqual([['', 'a', '', 'b', '']]);
    expect(cells('\r\n')).toEqual([['']]);
    expect(cells('a,\r\n,\r\n')).toEqual([
      ['a', ''],
      ['', ''],
    ]);
  });

  it('reads nothing from an empty text, and only from the start it is given', () => {
    expect(parse('').records).toEqual([]);
    expect(cells('\ufeffa,b\r\n')).toEqual([['\ufeffa', 'b']]);
    expect(parse('\ufeffa,b\r\n', 1).records).toEqual([{ cells: ['a', 'b'], terminator: 'CRLF', bareQuote: false }]);
  });

  it('reads a CR at the very end as a line end', () => {
    expect(parse('a\r').records).toEqual([{ cells: ['a'], terminator: 'CR', bareQuote: false }]);
  });
});

describe('quoted fields', () => {
  it('keeps commas, line breaks and doubled quotes inside quotes', () => {
    expect(cells('"Kyiv, ""Podil""","line\r\ntwo",x\r\n')).toEqual([['Kyiv, "Podil"', 'line\r\ntwo', 'x']]);
    expect(cells('""\r\n"",""\r\n')).toEqual([[''], ['', '']]);
    expect(cells('""""')).toEqual([['"']]);
    expect(cells('a,"b"')).toEqual([['a', 'b']]);
    expect(parse('"a"\n"b"\r"c"').records.map((record) => record.terminator)).toEqual(['LF', 'CR', 'EOF']);
  });

  it('marks a quote inside a field that is not quoted', () => {
    const { records } = parse('x"y,z\r\nplain,"quoted"\r\n');
    expect(records.map((record) => record.bareQuote)).toEqual([true, false]);
    expect(records[0]!.cells).toEqual(['x"y', 'z']);
  });

  it('says where the text cannot be read, after delivering the records before it', () => {
    expect(parse('a,b\r\n"unclosed,z\r\n')).toEqual({
      records: [{ cells: ['a', 'b'], terminator: 'CRLF', bareQuote: false }],
      error: { record: 1, message: 'a quoted field is not closed before the end of the file' },
    });
    expect(parse('a\r\nb\r\n"x"y,z\r\n')).toMatchObject({
      records: [{ cells: ['a'] }, { cells: ['b'] }],
      error: { record: 2, message: 'unexpected "y" after a closing quote (a quote inside a quoted field is written "")' },
    });
    expect(parse('"a""')).toMatchObject({ error: { record: 0, message: 'a quoted field is not closed before the end of the file' } });
    expect(parse('"a" ,b')).toMatchObject({ error: { record: 0, message: 'unexpected " " after a closing quote (a quote inside a quoted field is written "")' } });
  });
});
