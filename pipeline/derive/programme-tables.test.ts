/**
 * The programme tables of one hand-built programme: every row a reader of the CSV gets,
 * worked out from the programme by hand, and the figures each table is the home of.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Execution, Figure, Programme } from '../model/types.ts';
import { parsePlain } from '../numbers/decimal.ts';
import type { ExecutionComparison } from '../reconcile/reconcile.ts';
import { programmeTables } from './programme-tables.ts';
import { sourceDocument } from '../fixtures/model.ts';

function uah(key: string, printed: string, value: string | null, extra: Partial<Figure> = {}): Figure {
  return {
    key,
    document: 'kr-decision',
    printed,
    value: value === null ? null : parsePlain(value),
    kind: 'UAH',
    unit: 'тис. грн',
    qualifier: 'exact',
    section: 'Додаток 1',
    quote: printed,
    quoteIsFigure: true,
    note: undefined,
    origin: { file: 'f.yaml', line: 1, path: 'p' },
    ...extra,
  };
}

const decision = sourceDocument({
  id: 'kr-decision',
  publisher: 'kr',
  kind: 'decision',
  title: 'Про програму',
  number: '7/12',
  date: '2019-12-20',
  period: { start: '2020-01-01', end: '2021-12-31', label: '2020–2021' },
  folder: 'kr/decision',
  files: [],
});

const programme: Programme = {
  id: 'kr-roads',
  document: 'kr-decision',
  publisher: 'kr',
  title: 'Програма ремонту доріг',
  titleEn: undefined,
  period: { start: 2020, end: 2021 },
  amendments: [{ date: '2020-06-01', number: '8/3', title: undefined, quote: 'зміни до програми' }],
  basis: undefined,
  developer: 'Управління',
  executors: ['Управління', 'Департамент'],
  goal: 'Ремонт',
  expectedResults: [],
  coordination: undefined,
  funding: {
    section: 'Паспорт',
    unit: 'тис. грн',
    total: uah('p-total', '300,0', '300000', { section: 'Паспорт', quote: 'Загальний обсяг 300,0 тис. грн', quoteIsFigure: false }),
    years: new Map([
      [2021, { total: uah('p-2021', '180,0', '180000'), sources: { other: uah('p-2021-x', '1,0', '1000'), community: uah('p-2021-c', '174,0', '174000'), state: uah('p-2021-s', '5,0', '5000') } }],
      [2020, { total: uah('p-2020', '120,0', '120000'), sources: { oblast: uah('p-2020-o', '20,0', '20000', { note: 'субвенція' }), community: uah('p-2020-c', '100,0', '100000') } }],
    ]),
    totalRow: { total: uah('p-all', '300,0', '300000'), sources: {} },
  },
  annexes: [
    {
      id: 'a1',
      number: 1,
      title: 'Напрями',
      period: { start: 2020, end: 2021 },
      unit: 'тис. грн',
      directions: [
        {
          id: 'd1',
          annex: 'a1',
          number: 1,
          title: 'Ремонт',
          fundingSource: 'бюджет громади',
          planned: new Map([
            [2021, uah('d1-2021', '180,0', '180000')],
            [2020, uah('d1-2020', '120,0', '120000')],
          ]),
          plannedTotal: uah('d1-total', '300,0', '300000'),
          measures: [
            {
              id: 'm1',
              number: 1,
              title: 'Ямковий ремонт',
              timeline: '2020',
              executors: undefined,
              fundingSource: undefined,
              planned: new Map([[2020, uah('m1-2020', '-', null)]]),
              plannedTotal: undefined,
              expectedResult: 'Дороги без ям',
              note: 'без грошей',
            },
          ],
          note: undefined,
        },
      ],
      totalRow: new Map<number | 'total', Figure>([
        [2020, uah('t-2020', '120,0', '120000')],
        ['total', uah('t-all', '300,0', '300000')],
      ]),
    },
  ],
};

const execution: Execution = {
  document: 'kr-report-2020',
  publisher: 'kr',
  programme: 'kr-roads',
  year: 2020,
  unit: 'грн',
  programmeTitleAsPrinted: undefined,
  items: [{ direction: 'd1', amount: undefined, word: 'spent', section: 'Розділ 3' }],
  total: { amount: uah('e-total', '110 000', '110000'), word: 'cash_expenditure' },
};
const reported = uah('e-d1', '110 000', '110000', { document: 'kr-report-2020', unit: 'грн', section: 'Таблиця', quote: 'витрачено 110 000 грн', quoteIsFigure: false, note: 'за звітом' });
const comparison: ExecutionComparison = {
  document: 'kr-report-2020',
  programme: 'kr-roads',
  year: 2020,
  annex: 'a1',
  directions: [{ direction: 'd1', directionNumber: 1, directionTitle: 'Ремонт', planned: uah('d1-2020', '120,0', '120000'), reported, word: 'spent', rate: parsePlain('91.67') }],
  plannedTotal: parsePlain('120000'),
  plannedTotalPrinted: undefined,
  reportedTotal: uah('e-total', '110 000', '110000', { document: 'kr-report-2020', unit: 'грн', section: 'Усього' }),
  rate: parsePlain('91.67'),
};

const NAMES = ['programmes', 'amendments', 'funding', 'directions', 'measures', 'planned', 'planned-measures', 'planned-totals', 'execution', 'execution-totals'];
// Made in each test, so that a mutation run knows which tests reach which code.
let tables: ReturnType<typeof programmeTables>;
beforeEach(() => {
  tables = programmeTables([programme], [execution], new Map([['kr-decision', decision]]), [comparison]);
});
const table = (name: string) => tables.find((t) => t.table.name === name)!;
const provenance = { document_id: 'kr-decision', section: 'Додаток 1', quote: null, note: null };

describe('the tables of a programme', () => {
  it('are the programme, its amendments, money by level and its execution, in this order', () => {
    expect(tables.map((t) => t.table.name)).toEqual(NAMES);
  });

  it('write the programme as its passport says, its decision by number and date', () => {
    expect(table('programmes').table.rows).toEqual([
      {
        programme_id: 'kr-roads',
        title: 'Програма ремонту доріг',
        period_start: '2020',
        period_end: '2021',
        publisher_id: 'kr',
        document_id: 'kr-decision',
        decision_number: '7/12',
        decision_date: '2019-12-20',
        amendments: '1',
        developer: 'Управління',
        executors: 'Управління; Департамент',
        goal: 'Ремонт',
        expected_results: null,
        planned_total_uah: '300000',
        planned_total_printed: '300,0',
        quote: 'Загальний обсяг 300,0 тис. грн',
      },
    ]);
    expect(table('programmes').owns).toEqual(['p-total']);
    expect(table('amendments').table.rows).toEqual([{ programme_id: 'kr-roads', date: '2020-06-01', number: '8/3', quote: 'зміни до програми' }]);
  });

  it('write the passport money year by year in order, the total first and each source the year names, then the «Усього» row', () => {
    const row = (year: string | null, source: string, title: string, value: string, printed: string, note: string | null = null) => ({
      programme_id: 'kr-roads',
      year,
      total_row: year === null ? 'true' : 'false',
      source,
      source_title: title,
      amount_uah: value,
      amount_printed: printed,
      unit_printed: 'тис. грн',
      ...provenance,
      note,
    });
    expect(table('funding').table.rows).toEqual([
      row('2020', 'total', 'усього', '120000', '120,0'),
      row('2020', 'oblast', 'обласний бюджет', '20000', '20,0', 'субвенція'),
      row('2020', 'community', 'бюджет територіальної громади', '100000', '100,0'),
      row('2021', 'total', 'усього', '180000', '180,0'),
      row('2021', 'state', 'державний бюджет', '5000', '5,0'),
      row('2021', 'community', 'бюджет територіальної громади', '174000', '174,0'),
      row('2021', 'other', 'інші джерела', '1000', '1,0'),
      row(null, 'total', 'усього', '300000', '300,0'),
    ]);
    expect(table('funding').owns).toEqual(['p-2020', 'p-2020-o', 'p-2020-c', 'p-2021', 'p-2021-s', 'p-2021-c', 'p-2021-x', 'p-all']);
  });

  it('write directions and measures, and the money of each level in a table of its own', () => {
    expect(table('directions').table.rows).toEqual([
      {
        direction_id: 'd1',
        programme_id: 'kr-roads',
        annex: '1',
        annex_period_start: '2020',
        annex_period_end: '2021',
        number: '1',
        title: 'Ремонт',
        funding_source: 'бюджет громади',
        planned_total_uah: '300000',
        planned_total_printed: '300,0',
        document_id: 'kr-decision',
        note: null,
      },
    ]);
    expect(table('directions').owns).toEqual(['d1-total']);
    expect(table('measures').table.rows).toEqual([
      {
        measure_id: 'm1',
        direction_id: 'd1',
        programme_id: 'kr-roads',
        number: '1',
        title: 'Ямковий ремонт',
        timeline: '2020',
        executors: null,
        funding_source: null,
        expected_result: 'Дороги без ям',
        planned_total_uah: null,
        planned_total_printed: null,
        note: 'без грошей',
      },
    ]);
    expect(table('measures').owns).toEqual([]);
    const money = (value: string | null, printed: string) => ({ amount_uah: value, amount_printed: printed, unit_printed: 'тис. грн', ...provenance });
    expect(table('planned').table.rows).toEqual([
      { programme_id: 'kr-roads', annex: '1', direction_id: 'd1', year: '2020', ...money('120000', '120,0') },
      { programme_id: 'kr-roads', annex: '1', direction_id: 'd1', year: '2021', ...money('180000', '180,0') },
    ]);
    expect(table('planned').owns).toEqual(['d1-2020', 'd1-2021']);
    expect(table('planned-measures').table.rows).toEqual([{ programme_id: 'kr-roads', annex: '1', direction_id: 'd1', measure_id: 'm1', year: '2020', ...money(null, '-') }]);
    expect(table('planned-measures').owns).toEqual(['m1-2020']);
    expect(table('planned-totals').table.rows).toEqual([
      { programme_id: 'kr-roads', annex: '1', year: '2020', all_years: 'false', ...money('120000', '120,0') },
      { programme_id: 'kr-roads', annex: '1', year: null, all_years: 'true', ...money('300000', '300,0') },
    ]);
    expect(table('planned-totals').owns).toEqual(['t-2020', 't-all']);
  });

  it('write the execution of each direction and the year in all, with the report\'s word and rate', () => {
    expect(table('execution').table.rows).toEqual([
      {
        programme_id: 'kr-roads',
        year: '2020',
        direction_id: 'd1',
        direction_number: '1',
        direction_title: 'Ремонт',
        planned_uah: '120000',
        planned_printed: '120,0',
        reported_uah: '110000',
        reported_printed: '110 000',
        word: 'spent',
        word_title: 'витрачено',
        rate_percent: '91.67',
        document_id: 'kr-report-2020',
        section: 'Розділ 3',
        quote: 'витрачено 110 000 грн',
        note: 'за звітом',
      },
    ]);
    expect(table('execution').owns).toEqual(['e-d1']);
    expect(table('execution-totals').table.rows).toEqual([
      {
        programme_id: 'kr-roads',
        year: '2020',
        planned_uah: '120000',
        planned_printed: null,
        reported_uah: '110000',
        reported_printed: '110 000',
        word: 'cash_expenditure',
        word_title: 'касові видатки',
        rate_percent: '91.67',
        document_id: 'kr-report-2020',
        section: 'Усього',
        quote: null,
        note: null,
      },
    ]);
    expect(table('execution-totals').owns).toEqual(['e-total']);
  });

  it('take a direction\'s section from its reported figure when the report names none, and leave out what was not reported', () => {
    const unreported = { ...comparison, directions: [{ ...comparison.directions[0]!, reported: undefined, word: undefined, rate: undefined }] };
    const [row] = programmeTables([programme], [{ ...execution, items: [] }], new Map(), [unreported]).find((t) => t.table.name === 'execution')!.table.rows;
    expect(row).toMatchObject({ reported_uah: null, reported_printed: null, word: null, word_title: null, rate_percent: null, section: null, quote: null, note: null });
    const [own] = programmeTables([programme], [{ ...execution, items: [] }], new Map(), [comparison]).find((t) => t.table.name === 'execution')!.table.rows;
    expect(own).toMatchObject({ section: 'Таблиця' });
    const [noDecision] = programmeTables([programme], [execution], new Map(), []).find((t) => t.table.name === 'programmes')!.table.rows;
    expect(noDecision).toMatchObject({ decision_number: null, decision_date: null });
  });
});

describe('the schemas of the programme tables', () => {
  const cyrillic = /[а-яіїєґ]{2}/i;

  it.each(NAMES)('%s: titled and described in Ukrainian, every column too', (name) => {
    const { table } = tables.find((t) => t.table.name === name)!;
    expect(table.title).toMatch(cyrillic);
    expect(table.description).toMatch(cyrillic);
    for (const field of table.schema.fields) {
      expect(field.name, table.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(field.title, `${table.name}.${field.name}`).toMatch(/[а-яіїєґ]{2}|^№$/i);
      expect(field.description, `${table.name}.${field.name}`).toMatch(cyrillic);
      // A money column's description is its own words, then the unit: never the unit alone.
      expect(field.description, `${table.name}.${field.name}`).toMatch(/^[А-ЯІЇЄҐ«]/);
    }
    expect(new Set(table.schema.fields.map((f) => f.title)).size, `${table.name}: titles tell the columns apart`).toBe(table.schema.fields.length);
    expect(table.schema.missingValues).toEqual(['']);
  });

  it.each(NAMES)('%s: each row has the columns of the schema, in order, its required cells filled and its values allowed', (name) => {
    const { table } = tables.find((t) => t.table.name === name)!;
    const fields = table.schema.fields.map((f) => f.name);
    expect(table.rows.length, table.name).toBeGreaterThan(0);
    for (const row of table.rows) {
      expect(Object.keys(row), table.name).toEqual(fields);
      for (const field of table.schema.fields) {
        const cell = row[field.name];
        if (field.constraints?.required) expect(cell, `${table.name}.${field.name}`).not.toBeNull();
        if (cell === null || cell === undefined) continue;
        if (field.constraints?.enum) expect(field.constraints.enum, `${table.name}.${field.name}`).toContain(cell);
        if (field.type === 'year') expect(cell).toMatch(/^\d{4}$/);
        if (field.type === 'integer') expect(cell).toMatch(/^\d+$/);
        if (field.type === 'number') expect(cell).toMatch(/^\d+(\.\d+)?$/);
        if (field.type === 'boolean') expect(['true', 'false']).toContain(cell);
        if (field.constraints?.pattern) expect(cell).toMatch(new RegExp(`^${field.constraints.pattern}$`));
      }
    }
  });

  it.each(NAMES)('%s: a primary key (if any) of its own columns, unique in its rows, and references to tables that exist', (name) => {
    const { table } = tables.find((t) => t.table.name === name)!;
    const fields = table.schema.fields.map((f) => f.name);
    const key = table.schema.primaryKey ?? [];
    for (const part of key) expect(fields, table.name).toContain(part);
    const keys = table.rows.map((row) => JSON.stringify(key.map((part) => row[part])));
    if (key.length > 0) expect(new Set(keys).size, table.name).toBe(keys.length);
    for (const fk of table.schema.foreignKeys ?? []) {
      for (const part of fk.fields) expect(fields, table.name).toContain(part);
      const target = tables.find((t) => t.table.name === fk.reference.resource);
      if (target === undefined) {
        // The shared tables every dataset carries beside these.
        expect(['documents'], table.name).toContain(fk.reference.resource);
        continue;
      }
      expect(fk.reference.fields.length).toBe(fk.fields.length);
      const targetKeys = new Set(target.table.rows.map((row) => JSON.stringify(fk.reference.fields.map((part) => row[part]))));
      for (const row of table.rows) {
        const value = fk.fields.map((part) => row[part]);
        if (value.every((v) => v === null)) continue;
        expect(targetKeys.has(JSON.stringify(value)), `${table.name} → ${fk.reference.resource} ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });

  it('names the keys and references a reader joins the tables by', () => {
    const keys = Object.fromEntries(tables.map((t) => [t.table.name, [t.table.schema.primaryKey, (t.table.schema.foreignKeys ?? []).map((fk) => `${fk.fields.join(',')} → ${fk.reference.resource}(${fk.reference.fields.join(',')})`)]]));
    const toProgramme = 'programme_id → programmes(programme_id)';
    const toDirection = 'programme_id,direction_id → directions(programme_id,direction_id)';
    expect(keys).toEqual({
      programmes: [['programme_id'], []],
      amendments: [['programme_id', 'date', 'number'], [toProgramme]],
      // The «Усього» row has no year: these two have no primary key.
      funding: [undefined, [toProgramme]],
      directions: [['programme_id', 'direction_id'], [toProgramme]],
      measures: [['programme_id', 'measure_id'], [toDirection]],
      planned: [['programme_id', 'direction_id', 'year'], [toDirection]],
      'planned-measures': [['programme_id', 'measure_id', 'year'], [toDirection, 'programme_id,measure_id → measures(programme_id,measure_id)']],
      'planned-totals': [undefined, [toProgramme]],
      execution: [['document_id', 'year', 'direction_id'], [toProgramme, toDirection]],
      'execution-totals': [['document_id', 'year'], [toProgramme]],
    });
  });

  it('types each column, and says which are required and what values they allow', () => {
    const described = Object.fromEntries(tables.map(({ table: t }) => [t.name, t.schema.fields.map((f) => `${f.name} ${f.type}${f.constraints ? ' ' + JSON.stringify(f.constraints) : ''}`)]));
    expect(described).toEqual({
    programmes: [
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'title string {"required":true}',
      'period_start year {"required":true}',
      'period_end year {"required":true}',
      'publisher_id string {"required":true}',
      'document_id string {"required":true}',
      'decision_number string',
      'decision_date date',
      'amendments integer {"minimum":0}',
      'developer string',
      'executors string',
      'goal string',
      'expected_results string',
      'planned_total_uah number {"minimum":0}',
      'planned_total_printed string',
      'quote string',
    ],
    amendments: [
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'date date {"required":true}',
      'number string {"required":true}',
      'quote string',
    ],
    funding: [
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'year year',
      'total_row boolean {"required":true}',
      'source string {"required":true,"enum":["total","state","oblast","community","other"]}',
      'source_title string',
      'amount_uah number {"minimum":0}',
      'amount_printed string',
      'unit_printed string',
      'document_id string {"required":true}',
      'section string',
      'quote string',
      'note string',
    ],
    directions: [
      'direction_id string {"required":true}',
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'annex integer {"required":true,"minimum":1}',
      'annex_period_start year',
      'annex_period_end year',
      'number integer {"required":true,"minimum":1}',
      'title string {"required":true}',
      'funding_source string',
      'planned_total_uah number {"minimum":0}',
      'planned_total_printed string',
      'document_id string {"required":true}',
      'note string',
    ],
    measures: [
      'measure_id string {"required":true}',
      'direction_id string {"required":true}',
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'number integer {"required":true,"minimum":1}',
      'title string {"required":true}',
      'timeline string',
      'executors string',
      'funding_source string',
      'expected_result string',
      'planned_total_uah number {"minimum":0}',
      'planned_total_printed string',
      'note string',
    ],
    planned: [
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'annex integer {"required":true,"minimum":1}',
      'direction_id string {"required":true}',
      'year year {"required":true}',
      'amount_uah number {"minimum":0}',
      'amount_printed string',
      'unit_printed string',
      'document_id string {"required":true}',
      'section string',
      'quote string',
      'note string',
    ],
    'planned-measures': [
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'annex integer {"required":true,"minimum":1}',
      'direction_id string {"required":true}',
      'measure_id string {"required":true}',
      'year year {"required":true}',
      'amount_uah number {"minimum":0}',
      'amount_printed string',
      'unit_printed string',
      'document_id string {"required":true}',
      'section string',
      'quote string',
      'note string',
    ],
    'planned-totals': [
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'annex integer {"required":true,"minimum":1}',
      'year year',
      'all_years boolean {"required":true}',
      'amount_uah number {"minimum":0}',
      'amount_printed string',
      'unit_printed string',
      'document_id string {"required":true}',
      'section string',
      'quote string',
      'note string',
    ],
    execution: [
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'year year {"required":true}',
      'direction_id string {"required":true}',
      'direction_number integer {"required":true,"minimum":1}',
      'direction_title string {"required":true}',
      'planned_uah number {"minimum":0}',
      'planned_printed string',
      'reported_uah number {"minimum":0}',
      'reported_printed string',
      'word string {"enum":["spent","allocated","cash_expenditure"]}',
      'word_title string',
      'rate_percent number {"minimum":0}',
      'document_id string {"required":true}',
      'section string',
      'quote string',
      'note string',
    ],
    'execution-totals': [
      'programme_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
      'year year {"required":true}',
      'planned_uah number {"minimum":0}',
      'planned_printed string',
      'reported_uah number {"minimum":0}',
      'reported_printed string',
      'word string {"enum":["spent","allocated","cash_expenditure"]}',
      'word_title string',
      'rate_percent number {"minimum":0}',
      'document_id string {"required":true}',
      'section string',
      'quote string',
      'note string',
    ],
    });
  });
});

describe('the programme tables of other shapes', () => {
  const measure = programme.annexes[0]!.directions[0]!.measures[0]!;
  const paid = { ...measure, id: 'm2', number: 2, plannedTotal: uah('m2-total', '50,0', '50000'), planned: new Map([[2021, uah('m2-2021', '30,0', '30000')], [2020, uah('m2-2020', '20,0', '20000')]]) };
  const direction = { ...programme.annexes[0]!.directions[0]!, measures: [measure, paid] };
  const wider: Programme = { ...programme, expectedResults: ['Рівні дороги', 'Менше аварій'], annexes: [{ ...programme.annexes[0]!, directions: [direction] }] };
  const other = { direction: 'd0', amount: undefined, word: undefined, section: 'Розділ 9' };
  const of = (name: string) => programmeTables([wider], [{ ...execution, items: [other, ...execution.items] }], new Map(), [comparison]).find((t) => t.table.name === name)!;

  it('join the expected results, and own a measure\'s total and its years in order', () => {
    expect(of('programmes').table.rows[0]!['expected_results']).toBe('Рівні дороги; Менше аварій');
    expect(of('measures').owns).toEqual(['m2-total']);
    expect(of('measures').table.rows.map((r) => [r['measure_id'], r['planned_total_uah'], r['planned_total_printed']])).toEqual([['m1', null, null], ['m2', '50000', '50,0']]);
    expect(of('planned-measures').owns).toEqual(['m1-2020', 'm2-2020', 'm2-2021']);
    expect(of('planned-measures').table.rows.map((r) => [r['measure_id'], r['year'], r['amount_uah']])).toEqual([['m1', '2020', null], ['m2', '2020', '20000'], ['m2', '2021', '30000']]);
    expect(of('amendments').owns).toEqual([]);
  });

  it('take a direction\'s section from the report\'s item for that direction, not another\'s', () => {
    expect(of('execution').table.rows[0]!['section']).toBe('Розділ 3');
  });
});
