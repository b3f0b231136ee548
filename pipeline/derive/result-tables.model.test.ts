/**
 * The results tables of a hand-built programme: figures a report places under its
 * directions (one under a measure), in the order a reader follows them, every row worked
 * out by hand. result-tables.test.ts reads the portal's own reports.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Direction, Observation, Programme } from '../model/types.ts';
import { parsePlain } from '../numbers/decimal.ts';
import { orderResults, resultTables } from './result-tables.ts';

const origin = { file: 'r.yaml', line: 1, path: 'p' };

function direction(id: string, number: number, measures: Direction['measures'] = []): Direction {
  return { id, annex: 'a1', number, title: `Напрям ${number}`, fundingSource: undefined, planned: new Map(), plannedTotal: undefined, measures, note: undefined };
}
const measure = { id: 'm1', number: 3, title: 'Ремонт мостів', timeline: undefined, executors: undefined, fundingSource: undefined, planned: new Map(), plannedTotal: undefined, expectedResult: undefined, note: undefined };

const programme = {
  id: 'kr-roads',
  annexes: [
    { id: 'a1', number: 1, directions: [direction('d1', 2, [measure])] },
    { id: 'a2', number: 2, directions: [direction('d2', 1)] },
  ],
} as unknown as Programme;
const programmes = new Map([[programme.id, programme]]);

function result(id: string, direction: string, year: number, extra: Partial<Observation> = {}, measure?: string): Observation {
  return {
    id,
    document: `kr-report-${year}`,
    publisher: 'kr',
    indicator: `Показник ${id}`,
    code: undefined,
    topic: undefined,
    figure: { key: id, document: `kr-report-${year}`, printed: '12', value: parsePlain('12'), kind: 'count', unit: 'км', qualifier: 'exact', section: 'Розділ 3', quote: '12', quoteIsFigure: true, note: undefined, origin },
    period: { start: `${year}-01-01`, end: `${year}-12-31`, label: String(year) },
    dimensions: {},
    result: { programme: 'kr-roads', direction, measure, year, place: () => origin },
    budgetGroup: undefined,
    budgetCode: undefined,
    shared: undefined,
    place: () => origin,
    ...extra,
  };
}

const bridges = result('bridges', 'd1', 2021, {
  shared: 'bridges',
  budgetGroup: 'product',
  budgetCode: '1217461',
  figure: { key: 'bridges', document: 'kr-report-2021', printed: 'понад 3', value: parsePlain('3'), kind: 'count', unit: 'мости', qualifier: 'more_than', section: 'Розділ 4', quote: 'відремонтовано понад 3 мости', quoteIsFigure: false, note: 'за актами', origin },
}, 'm1');
const lights = result('lights', 'd2', 2021);
const early = result('early', 'd1', 2020);
const unnamed = result('unnamed', 'd1', 2021, {}, 'm9');

describe('results in reading order', () => {
  it('go by programme, year, direction number, then as written', () => {
    const other = { ...lights, id: 'other', result: { ...lights.result!, programme: 'ab-parks' } };
    const ordered = orderResults([bridges, lights, unnamed, early, other], programmes);
    // ab-parks is not among the programmes: its direction counts as 0, and it sorts by its id first.
    expect(ordered.map((o) => o.id)).toEqual(['other', 'early', 'lights', 'bridges', 'unnamed']);
    const unknown = { ...lights, id: 'unknown', result: { ...lights.result!, direction: 'd9' } };
    expect(orderResults([lights, unknown], programmes).map((o) => o.id)).toEqual(['unknown', 'lights']);
  });
});

describe('the results tables', () => {
  // Made in each test, so that a mutation run knows which tests reach which code.
  let results: ReturnType<typeof resultTables>[number] | undefined;
  let byMeasure: ReturnType<typeof resultTables>[number] | undefined;
  beforeEach(() => {
    [results, byMeasure] = resultTables(orderResults([bridges, lights, unnamed, early], programmes), programmes);
  });

  it('write each figure under its programme, year and direction, with its words and budget group', () => {
    const row = (o: Observation, number: string, extra: object = {}) => ({
      observation_id: `${o.document}/${o.id}`,
      programme_id: 'kr-roads',
      year: o.result!.year.toString(),
      direction_id: o.result!.direction,
      direction_number: number,
      direction_title: `Напрям ${number}`,
      document_id: o.document,
      indicator: `Показник ${o.id}`,
      shared_indicator: null,
      value: '12',
      value_printed: '12',
      unit: 'км',
      unit_kind: 'count',
      qualifier: 'exact',
      period_start: o.period.start,
      period_end: o.period.end,
      budget_group: null,
      budget_group_title: null,
      budget_code: null,
      section: 'Розділ 3',
      quote: null,
      note: null,
      ...extra,
    });
    expect(results!.table.rows).toEqual([
      row(early, '2'),
      row(lights, '1'),
      row(bridges, '2', {
        shared_indicator: 'bridges',
        value: '3',
        value_printed: 'понад 3',
        unit: 'мости',
        qualifier: 'more_than',
        budget_group: 'product',
        budget_group_title: 'продукту',
        budget_code: '1217461',
        section: 'Розділ 4',
        quote: 'відремонтовано понад 3 мости',
        note: 'за актами',
      }),
      row(unnamed, '2'),
    ]);
    expect(Object.keys(results!.table.rows[0]!)).toEqual(results!.table.schema.fields.map((f) => f.name));
    expect([results!.owns, byMeasure!.owns]).toEqual([[], []]);
  });

  it('name the measure only where the source names one the programme has', () => {
    expect(byMeasure!.table.rows).toEqual([{ observation_id: 'kr-report-2021/bridges', programme_id: 'kr-roads', direction_id: 'd1', measure_id: 'm1', measure_number: '3', measure_title: 'Ремонт мостів' }]);
  });

  it('write an empty cell as no value', () => {
    const [table] = resultTables([{ ...lights, figure: { ...lights.figure, printed: '-', value: null } }], programmes);
    expect(table!.table.rows[0]).toMatchObject({ value: null, value_printed: '-' });
  });

  it.each([0, 1])('table %i: titled and described in Ukrainian, every column too', (at) => {
    const t = [results!, byMeasure!][at]!.table;
    const cyrillic = /[а-яіїєґ]{2}/i;
    expect(t.title).toMatch(cyrillic);
    expect(t.description).toMatch(cyrillic);
    for (const field of t.schema.fields) {
      expect(field.title, `${t.name}.${field.name}`).toMatch(/[а-яіїєґ]{2}|КПКВКМБ/i);
      expect(field.description, `${t.name}.${field.name}`).toMatch(cyrillic);
    }
    expect(t.schema.missingValues).toEqual(['']);
  });

  it('type each column, say which are required and what they allow, and how the tables join', () => {
    const described = Object.fromEntries(
      [results!, byMeasure!].map(({ table: t }) => [
        t.name,
        [
          ...t.schema.fields.map((f) => `${f.name} ${f.type}${f.constraints ? ' ' + JSON.stringify(f.constraints) : ''}`),
          `key ${JSON.stringify(t.schema.primaryKey)} ${(t.schema.foreignKeys ?? []).map((fk) => `${fk.fields.join(',')} → ${fk.reference.resource}(${fk.reference.fields.join(',')})`).join(' | ')}`,
        ],
      ]),
    );
    expect(described).toEqual({
      results: [
        'observation_id string {"required":true}',
        'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
        'year year {"required":true}',
        'direction_id string {"required":true}',
        'direction_number integer {"required":true,"minimum":1}',
        'direction_title string {"required":true}',
        'document_id string {"required":true}',
        'indicator string {"required":true}',
        'shared_indicator string',
        'value number {"minimum":0}',
        'value_printed string {"required":true}',
        'unit string {"required":true}',
        'unit_kind string {"required":true,"enum":["UAH","percent","count"]}',
        'qualifier string {"required":true,"enum":["exact","approx","more_than","less_than"]}',
        'period_start date {"required":true}',
        'period_end date {"required":true}',
        'budget_group string {"enum":["cost","product","efficiency","quality"]}',
        'budget_group_title string',
        'budget_code string {"pattern":"\\\\d{7}"}',
        'section string',
        'quote string',
        'note string',
        'key ["observation_id"] programme_id,direction_id → directions(programme_id,direction_id) | document_id → documents(document_id)',
      ],
      'result-measures': [
        'observation_id string {"required":true}',
        'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
        'direction_id string {"required":true}',
        'measure_id string {"required":true}',
        'measure_number integer {"required":true,"minimum":1}',
        'measure_title string {"required":true}',
        'key ["observation_id"] observation_id → results(observation_id) | programme_id,measure_id → measures(programme_id,measure_id)',
      ],
    });
  });
});
