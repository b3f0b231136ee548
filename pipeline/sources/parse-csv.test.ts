/**
 * observations.csv read as observations.yaml would be: groups by runs of a section, cells
 * under their column's field, dimensions and results in maps of their own; positions at the
 * row's first line and the column's place in the header; every problem with its line.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors/problem.ts';
import { parseCsv } from './parse-csv.ts';

const PATH = 'c/d/observations.csv';
const HEADER = 'section,id,indicator,value,quote,dim.district,result.direction,result.year';

function read(text: string) {
  const problems: Problem[] = [];
  const parsed = parseCsv(text, PATH, problems);
  return { parsed, problems };
}

describe('observations.csv', () => {
  it('groups runs of rows of one section, leaving empty cells out', () => {
    const text = [
      HEADER,
      '1. Звернення,total,Звернення,120,надійшло 120,,a1-d1,2023',
      '1. Звернення,north,Звернення,70,північ – 70,Північний,,',
      '2. Сесії,sessions,Сесії,12,12 сесій,,a1-d2,23a',
      '1. Звернення,south,Звернення,50,південь – 50,Південний,,0023',
      '1. Звернення,west,Звернення,5,захід – 5,,,x2023',
    ].join('\n');
    const { parsed, problems } = read(text);
    expect(problems).toEqual([]);
    expect(parsed!.data).toEqual({
      groups: [
        {
          section: '1. Звернення',
          observations: [
            { id: 'total', indicator: 'Звернення', value: '120', quote: 'надійшло 120', result: { direction: 'a1-d1', year: 2023 } },
            { id: 'north', indicator: 'Звернення', value: '70', quote: 'північ – 70', dimensions: { district: 'Північний' } },
          ],
        },
        { section: '2. Сесії', observations: [{ id: 'sessions', indicator: 'Сесії', value: '12', quote: '12 сесій', result: { direction: 'a1-d2', year: '23a' } }] },
        {
          section: '1. Звернення',
          observations: [
            { id: 'south', indicator: 'Звернення', value: '50', quote: 'південь – 50', dimensions: { district: 'Південний' }, result: { year: 23 } },
            { id: 'west', indicator: 'Звернення', value: '5', quote: 'захід – 5', result: { year: 'x2023' } },
          ],
        },
      ],
    });
  });

  it('places a field at its row\'s line and its column in the header', () => {
    const text = `${HEADER}\n\nA,a,Показник,1,"перший\nрядок",Центр,,\nA,b,Показник,2,другий,,d,2024\r\nB,c,Показник,3,третій,,,\n`;
    const { parsed, problems } = read(text);
    expect(problems).toEqual([]);
    const locate = parsed!.locate;
    expect(locate(['groups', 0, 'observations', 0, 'value'])).toEqual({ line: 3, column: 4 });
    expect(locate(['groups', 0, 'observations', 1, 'quote'])).toEqual({ line: 5, column: 5 });
    expect(locate(['groups', 0, 'observations', 0, 'dimensions', 'district'])).toEqual({ line: 3, column: 6 });
    expect(locate(['groups', 0, 'observations', 1, 'result', 'year'])).toEqual({ line: 5, column: 8 });
    expect(locate(['groups', 0, 'observations', 1, 'result'])).toEqual({ line: 5, column: 1 });
    expect(locate(['groups', 0, 'observations', 1])).toEqual({ line: 5, column: 1 });
    expect(locate(['groups', 1, 'observations', 0, 'id'])).toEqual({ line: 6, column: 2 });
    expect(locate(['groups', 1])).toEqual({ line: 6, column: 1 });
    expect(locate(['groups', 1, 'section'])).toEqual({ line: 6, column: 1 });
    expect(locate(['groups', 2, 'observations', 0, 'id'])).toEqual({ line: 1, column: 1 });
    expect(locate(['groups'])).toEqual({ line: 1, column: 1 });
    expect(locate(['groups', 0, 'observations', 5, 'id'])).toEqual({ line: 1, column: 1 });
  });

  it('places a row, a group and a section at the section\'s column, wherever the header puts it', () => {
    const { parsed, problems } = read('id,indicator,value,quote,dim.district,section\nA,Показник,1,один,Центр,Перша\nB,Показник,2,два,,Друга\n');
    expect(problems).toEqual([]);
    const locate = parsed!.locate;
    expect(locate(['groups', 1, 'observations', 0])).toEqual({ line: 3, column: 6 });
    expect(locate(['groups', 1])).toEqual({ line: 3, column: 6 });
    expect(locate(['groups', 0, 'section'])).toEqual({ line: 2, column: 6 });
    expect(locate(['groups', 0, 'observations', 0, 'dimensions', 'district'])).toEqual({ line: 2, column: 5 });
    expect(locate(['groups', 0, 'observations', 0, 'quote'])).toEqual({ line: 2, column: 4 });
  });

  it('refuses rows with more or fewer cells than the header, each at its line', () => {
    const { parsed, problems } = read(`${HEADER}\nA,a,Показник,1,перший,,,,зайва\nA,b,Показник,2,другий,,,\nA,c,Показник\n`);
    expect(parsed).toBeUndefined();
    const hint = 'Every row has one cell per header column: an extra comma, or a cell with a comma not wrapped in double quotes, shifts the cells after it.';
    expect(problems).toEqual([
      { code: 'E_CSV_SYNTAX', file: PATH, line: 2, message: 'the row has 9 cells where the header has 8 columns', hint },
      { code: 'E_CSV_SYNTAX', file: PATH, line: 4, message: 'the row has 3 cells where the header has 8 columns', hint },
    ]);
  });

  it('names unknown, missing and doubled columns of the header at once', () => {
    const { parsed, problems } = read('section,id,id,indicator,valu,quote,dim.Район,result.amount,budget_code\n');
    expect(parsed).toBeUndefined();
    expect(problems).toEqual([
      {
        code: 'E_CSV_SYNTAX',
        file: PATH,
        line: 1,
        message: 'unknown column(s) valu, dim.Район, result.amount; missing column(s) value; column(s) named twice: id',
        hint: 'Columns are section, id, indicator, code, value, unit, qualifier, period, quote, note, budget_group, budget_code, result.programme, result.direction, result.measure, result.year and one dim.NAME column per dimension, each once (docs/authoring.md).',
      },
    ]);
    expect(read(' section , id,indicator,value,quote\n').problems).toEqual([]);
    expect(read('section,indicator,quote\n').problems[0]!.message).toBe('missing column(s) id, value');
    expect(read('section,id,indicator,value,quote,xdim.a,dim.a!\n').problems[0]!.message).toBe('unknown column(s) xdim.a, dim.a!');
    expect(read('section,id,indicator,value,quote,id\n').problems[0]!.message).toBe('column(s) named twice: id');
    expect(read('section,id,indicator,value,quote,id,value\n').problems[0]!.message).toBe('column(s) named twice: id, value');
  });

  it('reads only the year of a result as a number: a programme, direction or measure of digits stays text', () => {
    const { parsed } = read('section,id,indicator,value,quote,result.programme,result.measure,result.year\nA,a,Показник,1,один,0217,7,2024\n');
    expect(parsed!.data).toEqual({ groups: [{ section: 'A', observations: [{ id: 'a', indicator: 'Показник', value: '1', quote: 'один', result: { programme: '0217', measure: '7', year: 2024 } }] }] });
  });

  it('names a quote left open at the line of the row it starts', () => {
    const { parsed, problems } = read(`${HEADER}\nA,a,Показник,1,перший,,,\n\nA,b,Показник,2,"другий,,,\n`);
    expect(parsed).toBeUndefined();
    expect(problems).toEqual([
      {
        code: 'E_CSV_SYNTAX',
        file: PATH,
        line: 4,
        message: 'Quoted field unterminated',
        hint: 'Check the quotes: a cell with a comma, quote or line break is wrapped in double quotes, and a quote inside it is doubled ("").',
      },
    ]);
  });
});
