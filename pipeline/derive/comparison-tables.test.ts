/**
 * The shared indicators' tables of a hand-built vocabulary: an indicator counted by two
 * councils in three periods, one with no figures yet, and a related figure that counts
 * something close. Every row is worked out by hand.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Figure, Observation, Publisher, SharedIndicator } from '../model/types.ts';
import { parsePlain } from '../numbers/decimal.ts';
import { makeUrls } from '../publish/urls.ts';
import { comparisonTables, membersOf } from './comparison-tables.ts';

const origin = { file: 'indicators.yaml', line: 1, path: 'p' };

function observation(document: string, id: string, printed: string, value: string | null, start: string, end: string, extra: Partial<Figure> = {}, shared?: string): Observation {
  return {
    id,
    document,
    publisher: document.split('-')[0]!,
    indicator: id === 'oral' ? 'Усні звернення' : 'Звернення',
    code: undefined,
    topic: undefined,
    figure: {
      key: `${document}/${id}`,
      document,
      printed,
      value: value === null ? null : parsePlain(value),
      kind: 'count',
      unit: 'звернень',
      qualifier: 'exact',
      section: 'Розділ 1',
      quote: `надійшло ${printed}`,
      quoteIsFigure: false,
      note: undefined,
      origin,
      ...extra,
    },
    period: { start, end, label: start },
    dimensions: {},
    result: undefined,
    budgetGroup: undefined,
    budgetCode: undefined,
    shared,
    place: () => origin,
  };
}

const kr2021 = observation('kr-report-2021', 'appeals', '1 200', '1200', '2021-01-01', '2021-12-31', {}, 'appeals');
// As of a day inside the year before: the latest end is not the latest start's.
const kr2022 = observation('kr-report-2022', 'appeals', '700', '700', '2021-07-01', '2021-07-01', { section: 'Станом на 1 липня' }, 'appeals');
const zh2020 = observation('zh-report-2020', 'appeals', 'близько 900', '900', '2020-01-01', '2020-12-31', { qualifier: 'approx', quoteIsFigure: true, note: 'усні не враховано' }, 'appeals');
const oral = observation('zh-report-2020', 'oral', '-', null, '2020-01-01', '2020-12-31');
const observations = new Map([kr2021, kr2022, zh2020, oral].map((o) => [`${o.document}/${o.id}`, o]));

const council = (id: string, uk: string) => ({ id, name: { uk, en: id } }) as Publisher;
const publishers = new Map([council('kr', 'Криворізька міська рада'), council('zh', 'Житомирська міська рада')].map((p) => [p.id, p]));

const member = (document: string, note?: string) => ({ document, observation: 'appeals', origin, note });
const appeals: SharedIndicator = {
  code: 'appeals',
  name: { uk: 'Звернення громадян', en: 'Citizens\' appeals' },
  definition: { uk: 'Усі письмові й усні звернення', en: 'All appeals' },
  unit: 'звернень',
  group: 'product',
  // Not in the order of the comparison: that is by period.
  members: [member('kr-report-2021'), member('kr-report-2022'), member('zh-report-2020', 'лише письмові')],
  note: undefined,
  origin,
};
const budget: SharedIndicator = { code: 'budget', name: { uk: 'Видатки', en: 'Spending' }, definition: { uk: 'Касові видатки', en: undefined }, unit: 'грн', group: undefined, members: [], note: 'ще немає чисел', origin };
const relation = { id: 'appeals-oral', observations: [{ document: 'zh-report-2020', observation: 'oral', origin }], indicators: [{ code: 'appeals', origin }], difference: 'усні звернення окремо', origin };

const urls = makeUrls('https://data.example.org', '/');
// Made in each test, so that a mutation run knows which tests reach which code.
let tables: ReturnType<typeof comparisonTables>;
beforeEach(() => {
  tables = comparisonTables({ indicators: [appeals, budget], relations: [relation], observations, publishers, urls });
});
const table = (name: string) => tables.find((t) => t.table.name === name)!.table;

describe('the shared indicators\' tables', () => {
  it('are the vocabulary, the comparison and the relations, owning no figure', () => {
    expect(tables.map((t) => [t.table.name, t.owns])).toEqual([
      ['indicators', []],
      ['comparison', []],
      ['relations', []],
    ]);
  });

  it('describe each indicator, with how many figures and councils count it and over which period', () => {
    expect(table('indicators').rows).toEqual([
      {
        indicator_code: 'appeals',
        name_uk: 'Звернення громадян',
        name_en: 'Citizens\' appeals',
        definition_uk: 'Усі письмові й усні звернення',
        definition_en: 'All appeals',
        unit: 'звернень',
        unit_kind: 'count',
        budget_group: 'product',
        budget_group_title: 'продукту',
        values: '3',
        councils: '2',
        period_start: '2020-01-01',
        period_end: '2021-12-31',
        page: 'https://data.example.org/indicators/appeals/',
        note: null,
      },
      {
        indicator_code: 'budget',
        name_uk: 'Видатки',
        name_en: 'Spending',
        definition_uk: 'Касові видатки',
        definition_en: null,
        unit: 'грн',
        unit_kind: 'UAH',
        budget_group: null,
        budget_group_title: null,
        values: '0',
        councils: '0',
        period_start: null,
        period_end: null,
        page: 'https://data.example.org/indicators/budget/',
        note: 'ще немає чисел',
      },
    ]);
  });

  it('compare each figure of an indicator by period, with its council, words and place on the portal', () => {
    const row = (o: Observation, council: string, extra: object) => ({
      indicator_code: 'appeals',
      observation_id: `${o.document}/appeals`,
      publisher_id: o.publisher,
      publisher_name: council,
      document_id: o.document,
      indicator_as_printed: 'Звернення',
      unit: 'звернень',
      section: 'Розділ 1',
      member_note: null,
      note: null,
      page: `https://data.example.org/reports/${o.document}/#figure-appeals`,
      ...extra,
    });
    expect(table('comparison').rows).toEqual([
      row(zh2020, 'Житомирська міська рада', { value: '900', value_printed: 'близько 900', qualifier: 'approx', period_start: '2020-01-01', period_end: '2020-12-31', member_note: 'лише письмові', quote: null, note: 'усні не враховано' }),
      row(kr2021, 'Криворізька міська рада', { value: '1200', value_printed: '1 200', qualifier: 'exact', period_start: '2021-01-01', period_end: '2021-12-31', quote: 'надійшло 1 200' }),
      row(kr2022, 'Криворізька міська рада', { value: '700', value_printed: '700', qualifier: 'exact', period_start: '2021-07-01', period_end: '2021-07-01', section: 'Станом на 1 липня', quote: 'надійшло 700' }),
    ]);
    expect(Object.keys(table('comparison').rows[0]!)).toEqual(table('comparison').schema.fields.map((f) => f.name));
  });

  it('set related indicators and figures side by side with the difference in words, never merged', () => {
    expect(table('relations').rows).toEqual([
      {
        relation_id: 'appeals-oral',
        item_id: 'appeals',
        indicator_code: 'appeals',
        observation_id: null,
        publisher_id: null,
        document_id: null,
        name: 'Звернення громадян',
        value: null,
        value_printed: null,
        unit: null,
        qualifier: null,
        period_start: null,
        period_end: null,
        difference: 'усні звернення окремо',
        page: 'https://data.example.org/indicators/appeals/',
      },
      {
        relation_id: 'appeals-oral',
        item_id: 'zh-report-2020/oral',
        indicator_code: null,
        observation_id: 'zh-report-2020/oral',
        publisher_id: 'zh',
        document_id: 'zh-report-2020',
        name: 'Усні звернення',
        value: null,
        value_printed: '-',
        unit: 'звернень',
        qualifier: 'exact',
        period_start: '2020-01-01',
        period_end: '2020-12-31',
        difference: 'усні звернення окремо',
        page: 'https://data.example.org/reports/zh-report-2020/#figure-oral',
      },
    ]);
    const [shared] = comparisonTables({ indicators: [appeals], relations: [{ ...relation, indicators: [], observations: [{ document: 'kr-report-2021', observation: 'appeals', origin }] }], observations, publishers, urls })[2]!.table.rows;
    expect(shared!['indicator_code']).toBe('appeals');
  });
});

describe('the members of an indicator', () => {
  it('are in order of period start, then end, then council, then document', () => {
    // The council is the first part of the document's id.
    const at = (document: string, start: string, end: string) => observation(document, 'appeals', '1', '1', start, end, { document }, 'x');
    const figures = [
      at('zh-b', '2021-01-01', '2021-12-31'),
      at('zh-a', '2021-01-01', '2021-12-31'),
      at('kr-c', '2021-01-01', '2021-12-31'),
      at('kr-d', '2021-01-01', '2021-06-30'),
      at('kr-e', '2020-01-01', '2020-12-31'),
    ];
    const indicator = { ...appeals, members: figures.map((o) => member(o.document)) };
    const order = membersOf(indicator, new Map(figures.map((o) => [`${o.document}/appeals`, o])));
    expect(order.map((o) => o.document)).toEqual(['kr-e', 'kr-d', 'kr-c', 'zh-a', 'zh-b']);
  });
});

describe('the schemas of the shared indicators\' tables', () => {
  const cyrillic = /[а-яіїєґ]{2}/i;

  it.each(['indicators', 'comparison', 'relations'])('%s: titled and described in Ukrainian, every column too', (name) => {
    const t = table(name);
    expect(t.title).toMatch(cyrillic);
    expect(t.description).toMatch(cyrillic);
    for (const field of t.schema.fields) {
      expect(field.title, `${t.name}.${field.name}`).toMatch(cyrillic);
      expect(field.description, `${t.name}.${field.name}`).toMatch(cyrillic);
    }
    expect(t.schema.missingValues).toEqual(['']);
  });

  it('types each column, says which are required and what they allow, and how the tables join', () => {
    const described = Object.fromEntries(
      tables.map(({ table: t }) => [
        t.name,
        [
          ...t.schema.fields.map((f) => `${f.name} ${f.type}${f.constraints ? ' ' + JSON.stringify(f.constraints) : ''}`),
          `key ${JSON.stringify(t.schema.primaryKey)} ${(t.schema.foreignKeys ?? []).map((fk) => `${fk.fields.join(',')} → ${fk.reference.resource}(${fk.reference.fields.join(',')})`).join(' | ')}`,
        ],
      ]),
    );
    expect(described).toEqual({
      indicators: [
        'indicator_code string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
        'name_uk string {"required":true}',
        'name_en string {"required":true}',
        'definition_uk string {"required":true}',
        'definition_en string',
        'unit string {"required":true}',
        'unit_kind string {"required":true,"enum":["UAH","percent","count"]}',
        'budget_group string {"enum":["cost","product","efficiency","quality"]}',
        'budget_group_title string',
        'values integer {"required":true,"minimum":0}',
        'councils integer {"required":true,"minimum":0}',
        'period_start date',
        'period_end date',
        'page string {"required":true}',
        'note string',
        'key ["indicator_code"] ',
      ],
      comparison: [
        'indicator_code string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
        'observation_id string {"required":true}',
        'publisher_id string {"required":true}',
        'publisher_name string {"required":true}',
        'document_id string {"required":true}',
        'indicator_as_printed string {"required":true}',
        'value number {"minimum":0}',
        'value_printed string {"required":true}',
        'unit string {"required":true}',
        'qualifier string {"enum":["exact","approx","more_than","less_than"],"required":true}',
        'period_start date {"required":true}',
        'period_end date {"required":true}',
        'member_note string',
        'section string',
        'quote string',
        'note string',
        'page string {"required":true}',
        'key ["indicator_code","observation_id"] indicator_code → indicators(indicator_code) | document_id → documents(document_id)',
      ],
      relations: [
        'relation_id string {"required":true,"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
        'item_id string {"required":true}',
        'indicator_code string {"pattern":"[a-z0-9]+(-[a-z0-9]+)*"}',
        'observation_id string',
        'publisher_id string',
        'document_id string',
        'name string {"required":true}',
        'value number {"minimum":0}',
        'value_printed string',
        'unit string',
        'qualifier string {"enum":["exact","approx","more_than","less_than"]}',
        'period_start date',
        'period_end date',
        'difference string {"required":true}',
        'page string {"required":true}',
        'key ["relation_id","item_id"] indicator_code → indicators(indicator_code) | document_id → documents(document_id)',
      ],
    });
  });
});
