/**
 * The site's JSON from a hand-built model: what a report, dataset, publisher and home page
 * read, worked out from the model by hand.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Direction, Figure, Measure, Model, Observation, Publisher, SourceDocument } from '../model/types.ts';
import { parsePlain } from '../numbers/decimal.ts';
import type { Dataset, DatasetVersion, Table } from '../publish/types.ts';
import { makeUrls } from '../publish/urls.ts';
import type { QualityNote, Reconciliation } from '../reconcile/reconcile.ts';
import type { WrittenFile } from './package.ts';
import { CHANGES_SHOWN, dueDate, figure, measuresSum, siteData } from './site-data.ts';
import { sourceDocument } from '../fixtures/model.ts';

function fig(printed: string, value: string | null, extra: Partial<Figure> = {}): Figure {
  return {
    key: `k/${printed}`,
    document: 'kr-report',
    printed,
    value: value === null ? null : parsePlain(value),
    kind: 'count',
    unit: 'звернень',
    qualifier: 'exact',
    section: 'Звернення',
    quote: `надійшло ${printed}`,
    quoteIsFigure: false,
    note: undefined,
    origin: { file: 'f.yaml', line: 1, path: 'p' },
    ...extra,
  };
}

const units: Model['units'] = new Map([
  ['звернень', { many: 'звернень', one: 'звернення', few: 'звернення', other: 'звернення', year: false }],
  ['року', { many: 'року', one: 'року', few: 'року', other: 'року', year: true }],
]);

describe('a figure for the site', () => {
  it('carries a count unit in its forms, and a year as a year', () => {
    expect(figure(fig('1 200', '1200'), units)).toEqual({
      value: '1200',
      printed: '1 200',
      unit: 'звернень',
      forms: { one: 'звернення', few: 'звернення', many: 'звернень', other: 'звернення' },
      kind: 'count',
      qualifier: 'exact',
      section: 'Звернення',
      quote: 'надійшло 1 200',
      note: null,
    });
    expect(figure(fig('1980', '1980', { unit: 'року' }), units)).toMatchObject({ forms: null, kind: 'year' });
    // A unit units.yaml does not name, or no units at all: no forms.
    expect(figure(fig('3', '3', { unit: 'осіб' }), units)).toMatchObject({ forms: null, kind: 'count' });
    expect(figure(fig('3', '3'))).toMatchObject({ forms: null, kind: 'count' });
  });

  it('gives money no forms even when a unit of that name is counted, an empty cell no value, a cell that is its own quote no quote', () => {
    expect(figure(fig('14,5', '14500', { kind: 'UAH', unit: 'звернень', quoteIsFigure: true, note: 'тис. грн' }), units)).toEqual({
      value: '14500',
      printed: '14,5',
      unit: 'звернень',
      forms: null,
      kind: 'UAH',
      qualifier: 'exact',
      section: 'Звернення',
      quote: null,
      note: 'тис. грн',
    });
    expect(figure(fig('-', null)).value).toBeNull();
  });
});

describe('the next update a dataset promises', () => {
  it('adds months or days to the last change, and promises nothing for other frequencies', () => {
    expect(dueDate('2024-01-31T10:00:00Z', 'once a month')).toBe('2024-03-02');
    expect(dueDate('2024-01-15T10:00:00Z', 'once a quarter')).toBe('2024-04-15');
    expect(dueDate('2024-01-15T10:00:00Z', 'once a half year')).toBe('2024-07-15');
    expect(dueDate('2024-02-29T10:00:00Z', 'once a year')).toBe('2025-03-01');
    expect(dueDate('2024-12-31T23:00:00Z', 'once a day')).toBe('2025-01-01');
    expect(dueDate('2024-12-31T23:00:00Z', 'more than once a day')).toBe('2025-01-01');
    expect(dueDate('2024-12-28T00:00:00Z', 'once a week')).toBe('2025-01-04');
    expect(dueDate('2024-01-15T10:00:00Z', 'immediately after making changes')).toBeNull();
    expect(dueDate('2024-01-15T10:00:00Z', 'no longer updated')).toBeNull();
  });
});

describe('money of a direction given per measure only', () => {
  const measure = (planned: [number, string | null][]): Measure => ({
    id: 'm',
    number: 1,
    title: 'Захід',
    timeline: undefined,
    executors: undefined,
    fundingSource: undefined,
    planned: new Map(planned.map(([year, value]) => [year, fig(value ?? '-', value, { kind: 'UAH', unit: 'грн' })])),
    plannedTotal: undefined,
    expectedResult: undefined,
    note: undefined,
  });
  const direction = (extra: Partial<Direction>): Direction => ({ id: 'd', annex: 'a', number: 1, title: 'Напрям', fundingSource: undefined, planned: new Map(), plannedTotal: undefined, measures: [], note: undefined, ...extra });

  it('is the measures summed by year, years in order, and in all', () => {
    const sum = measuresSum(direction({ measures: [measure([[2021, '10.5'], [2020, '100']]), measure([[2021, '4.5'], [2022, null]])] }));
    expect(sum).toEqual({ planned: [{ year: 2020, value: '100' }, { year: 2021, value: '15' }], total: '115' });
  });

  it('is nothing when the direction has money of its own, in a year or in all, or the measures have none', () => {
    const measures = [measure([[2020, '100']])];
    expect(measuresSum(direction({ measures, plannedTotal: fig('5', '5') }))).toBeNull();
    expect(measuresSum(direction({ measures, planned: new Map([[2020, fig('5', '5')]]) }))).toBeNull();
    expect(measuresSum(direction({ measures: [measure([[2020, null]])] }))).toBeNull();
    expect(measuresSum(direction({ measures: [] }))).toBeNull();
    // An empty own cell is no money of its own.
    expect(measuresSum(direction({ measures, plannedTotal: fig('-', null), planned: new Map([[2020, fig('-', null)]]) }))).toEqual({ planned: [{ year: 2020, value: '100' }], total: '100' });
  });
});

describe('the pages of a model', () => {
  const period = { start: '2023-01-01', end: '2023-12-31', label: '2023' };
  const publisher: Publisher = {
    id: 'kr',
    name: { uk: 'Криворізька міська рада', en: 'Kryvyi Rih City Council' },
    shortName: undefined,
    kind: 'council',
    community: { uk: 'Криворізька громада', en: 'Kryvyi Rih community' },
    edrpou: '12345678',
    katottg: 'UA12345678901234567',
    koatuu: undefined,
    website: 'https://kr.example.gov.ua',
    contact: { name: 'Відділ', email: 'data@kr.example.gov.ua', phone: undefined },
    address: undefined,
    note: undefined,
  };
  const document = (id: string, extra: Partial<SourceDocument>): SourceDocument =>
    sourceDocument({ id, publisher: 'kr', kind: 'activity_report', title: `Документ ${id}`, period, folder: id, files: [], ...extra });
  const report = document('kr-report', { author: 'Міський голова', url: 'https://kr.example.gov.ua/r.pdf' });
  const decision = document('kr-decision', { kind: 'decision', number: '7', date: '2024-02-01', period: { start: '2024-01-01', end: '2024-12-31', label: '2024' } });
  const observation = (id: string, printed: string, section: string, extra: Partial<Observation> = {}): Observation => ({
    id,
    document: 'kr-report',
    publisher: 'kr',
    indicator: `Показник ${id}`,
    code: undefined,
    topic: undefined,
    figure: fig(printed, printed, { section }),
    period,
    dimensions: {},
    result: undefined, budgetGroup: undefined, budgetCode: undefined, shared: undefined, place: () => ({ file: 'test.yaml', line: 1, path: '' }),
    ...extra,
  });
  const observations = [
    observation('a', '5', 'Звернення'),
    observation('b', '7', 'Прийом', { period: { start: '2023-07-01', end: '2023-07-01', label: '2023-07-01' }, dimensions: { district: 'Центральний' } }),
    observation('c', '2', 'Звернення'),
  ];
  const qualityNote: QualityNote = {
    id: 'kr-report/total-x',
    code: 'Q_STATED_TOTAL',
    document: 'kr-report',
    programme: undefined,
    subject: 'Звернення',
    stated: fig('8', '8'),
    parts: [],
    computed: parsePlain('7'),
    difference: parsePlain('1'),
    message: 'не сходиться',
  };
  const model: Model = {
    portal: { title: 'Відкриті дані', titleEn: 'Open data', description: 'Портал', siteUrl: undefined, basePath: '/', contact: undefined },
    catalog: [],
    publishers: [publisher],
    documents: [report, decision],
    programmes: [],
    executions: [],
    indicators: [],
    relations: [],
    observations,
    statedTotals: [],
    units,
    figures: [...observations.map((o) => o.figure), fig('1', '1', { document: 'kr-decision' })],
  };
  const reconciliation: Reconciliation = { notes: [qualityNote], comparisons: [], checks: { passed: 3, failed: 1 } };
  const table: Table = {
    name: 'observations',
    title: 'Показники',
    description: 'Числа',
    schema: { fields: [{ name: 'id', type: 'string', title: 'Ід', description: '' }, { name: 'page', type: 'string', title: 'Сторінка', description: '' }], missingValues: [''] },
    rows: Array.from({ length: 12 }, (_, i) => ({ id: `r${i + 1}`, page: i === 0 ? 'http://localhost:4321/reports/kr-report/' : null })),
  };
  const changes: DatasetVersion[] = [
    {
      version: '1.1.0',
      time: '2024-03-01T10:00:00Z',
      status: 'compared',
      tables: [
        {
          table: 'observations',
          title: 'Показники',
          added: [{ key: 'r12', cells: { id: 'r12', page: null } }],
          removed: [{ key: 'r0', cells: { id: 'r0', gone: 'x' } }],
          changed: Array.from({ length: CHANGES_SHOWN }, (_, i) => ({ key: `r${i + 1}`, cells: [{ field: 'page', before: null, after: `p${i + 1}` }] })),
        },
      ],
    },
  ];
  const dataset = (name: string, kind: Dataset['kind'], extra: Partial<Dataset> = {}): Dataset => ({
    name,
    id: `id-${name}`,
    kind,
    title: `Набір ${name}`,
    description: 'Опис',
    keywords: ['звернення'],
    themes: ['GOVE'],
    frequency: 'once a year',
    purpose: 'Звіт',
    publisher: { id: 'kr', name: publisher.name, edrpou: publisher.edrpou, katottg: publisher.katottg, koatuu: undefined, website: publisher.website, contact: { name: 'Відділ', email: 'data@kr.example.gov.ua' } },
    temporal: undefined,
    created: '2024-01-01T00:00:00Z',
    modified: '2024-01-01T00:00:00Z',
    version: '1.0.0',
    sources: [],
    tables: [],
    changes: [],
    ...extra,
  });
  const indicators = dataset('kr-indicators', 'indicators', {
    temporal: { start: '2022-01-01', end: '2023-12-31' },
    modified: '2024-03-01T10:00:00Z',
    sources: [{ id: 'kr-report', title: 'Документ kr-report', kind: 'activity_report', number: undefined, date: undefined } as Dataset['sources'][number]],
    tables: [table],
    changes,
  });
  const register = dataset('kr-register', 'register', { modified: '2024-02-01T00:00:00Z' });
  const csv: WrittenFile = { path: 'observations.csv', bytes: 120, sha256: 'a'.repeat(64), format: 'CSV', mediatype: 'text/csv', table };
  const xlsx: WrittenFile = { path: 'kr-indicators.xlsx', bytes: 900, sha256: 'b'.repeat(64), format: 'XLSX', mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', table: undefined };
  const build = (published: boolean) =>
    new Map(
      [
        ...siteData({
          model,
          reconciliation,
          datasets: [indicators, register],
          files: new Map([['kr-indicators', [csv, xlsx]]]),
          urls: makeUrls('http://localhost:4321', '/'),
          published,
          buildTime: '2024-05-01T09:00:00Z',
        }),
      ].map(([path, text]) => [path, JSON.parse(text) as Record<string, unknown>]),
    );
  // Built in each test, so that a mutation run knows which tests reach which code.
  let local: ReturnType<typeof build>;
  beforeEach(() => {
    local = build(false);
  });

  it('names the portal-wide dataset on a council\'s entry only when the package has a part of that council', () => {
    const withPortal = (parts: { id: string; title: string }[]) => {
      const portal = dataset('usi-dani-portalu', 'portal', { publisher: undefined, parts });
      const files = siteData({ model, reconciliation, datasets: [indicators, register, portal], files: new Map(), urls: makeUrls('http://localhost:4321', '/'), published: false, buildTime: '2024-05-01T09:00:00Z' });
      const written = new Map([...files]);
      // The catalogue's entry of the portal-wide dataset names its parts, for its own page.
      const catalogue = JSON.parse(written.get('site/datasets.json')!) as { name: string; parts?: unknown }[];
      expect(catalogue.map((d) => [d.name, d.parts])).toEqual([['kr-indicators', undefined], ['kr-register', undefined], ['usi-dani-portalu', parts]]);
      const publishers = JSON.parse(written.get('site/publishers.json')!) as { id: string; portalPart: unknown }[];
      return publishers.map((p) => [p.id, p.portalPart]);
    };
    expect(withPortal([{ id: 'kr', title: 'Криворізька міська рада' }])).toEqual([['kr', { id: 'usi-dani-portalu', title: 'Набір usi-dani-portalu' }]]);
    expect(withPortal([{ id: 'zh', title: 'Житомирська міська рада' }])).toEqual([['kr', null]]);
  });

  it('writes one file per page and the short lists, each a line of JSON', () => {
    expect([...local.keys()]).toEqual([
      'site/config.json',
      'site/programmes.json',
      // The list of shared indicators, empty here: the model shares none.
      'site/indicators.json',
      'site/reports/kr-report.json',
      'site/reports/kr-decision.json',
      'site/reports.json',
      'site/datasets/kr-indicators.json',
      'site/datasets/kr-register.json',
      'site/datasets.json',
      'site/publishers.json',
      'site/home.json',
    ]);
    const texts = [...siteData({ model, reconciliation, datasets: [indicators, register], files: new Map(), urls: makeUrls('http://localhost:4321', '/'), published: false, buildTime: 'now' })];
    expect(texts[0]![1].endsWith('}\n')).toBe(true);
    expect(texts.every(([, text]) => text.split('\n').length === 2)).toBe(true);
  });

  it('tells the site its address only when published', () => {
    expect(local.get('site/config.json')).toMatchObject({ siteUrl: null, basePath: '/', buildTime: '2024-05-01T09:00:00Z', title: 'Відкриті дані', titleEn: 'Open data', description: 'Портал', contact: null });
    expect((local.get('site/config.json')!['dimensions'] as Record<string, string>)['district']).toBe('район');
    expect(build(true).get('site/config.json')!['siteUrl']).toBe('http://localhost:4321');
    expect(local.get('site/programmes.json')).toEqual([]);
    expect(local.get('site/indicators.json')).toEqual([]);
  });

  it('groups a report\'s figures by section in source order, gives a period only where it differs from the document\'s, and names its notes and datasets', () => {
    const page = local.get('site/reports/kr-report.json')!;
    expect(page).toMatchObject({
      id: 'kr-report',
      kind: 'activity_report',
      kindTitle: 'Звіт про діяльність',
      title: 'Документ kr-report',
      number: null,
      date: null,
      period,
      author: 'Міський голова',
      description: null,
      url: 'https://kr.example.gov.ua/r.pdf',
      publisher: { id: 'kr', title: 'Криворізька міська рада' },
      programmes: [],
      figureCount: 3,
      notes: [{ id: 'kr-report/total-x', code: 'Q_STATED_TOTAL', document: 'kr-report', subject: 'Звернення', stated: '8', computed: '7', difference: '1', message: 'не сходиться' }],
      datasets: [{ id: 'kr-indicators', title: 'Набір kr-indicators' }],
    });
    const sections = page['sections'] as { section: string; figures: { id: string; period: unknown; dimensions: unknown; figure: { printed: string; forms: unknown } }[] }[];
    expect(sections.map((s) => [s.section, s.figures.map((f) => f.id)])).toEqual([
      ['Звернення', ['a', 'c']],
      ['Прийом', ['b']],
    ]);
    expect(sections[0]!.figures[0]!.period).toBeNull();
    expect(sections[1]!.figures[0]!.period).toEqual({ start: '2023-07-01', end: '2023-07-01' });
    expect(sections[1]!.figures[0]!.dimensions).toEqual({ district: 'Центральний' });
    expect(sections[0]!.figures[0]!.figure.forms).toEqual({ one: 'звернення', few: 'звернення', many: 'звернень', other: 'звернення' });
    const other = local.get('site/reports/kr-decision.json')!;
    expect(other).toMatchObject({ kindTitle: 'Рішення', number: '7', date: '2024-02-01', sections: [], figureCount: 1, notes: [], datasets: [] });
    expect(local.get('site/reports.json')).toEqual([
      { id: 'kr-report', kind: 'activity_report', kindTitle: 'Звіт про діяльність', title: 'Документ kr-report', number: null, date: null, period, publisher: { id: 'kr', title: 'Криворізька міська рада' } },
      { id: 'kr-decision', kind: 'decision', kindTitle: 'Рішення', title: 'Документ kr-decision', number: '7', date: '2024-02-01', period: decision.period, publisher: { id: 'kr', title: 'Криворізька міська рада' } },
    ]);
  });

  it('gives a dataset page its years, files, the first ten rows, its notes, due date and the first changes of each version', () => {
    const page = local.get('site/datasets/kr-indicators.json')!;
    expect(page).toMatchObject({
      name: 'kr-indicators',
      kind: 'indicators',
      publisher: { id: 'kr', title: 'Криворізька міська рада' },
      frequency: 'once a year',
      frequencyTitle: 'Щороку',
      temporal: { start: '2022-01-01', end: '2023-12-31' },
      years: [2022, 2023],
      sources: [{ id: 'kr-report', title: 'Документ kr-report', kind: 'activity_report' }],
      files: [
        { path: 'observations.csv', format: 'CSV', bytes: 120, sha256: 'a'.repeat(64), table: 'observations' },
        { path: 'kr-indicators.xlsx', format: 'XLSX', bytes: 900, sha256: 'b'.repeat(64), table: null },
      ],
      notes: [{ id: 'kr-report/total-x' }],
      due: '2025-03-01',
    });
    const [shown] = page['tables'] as { name: string; rows: number; preview: (string | null)[][] }[];
    expect(shown!.rows).toBe(12);
    // A local build links within the site: the local origin becomes a path.
    expect(shown!.preview).toEqual([['r1', '/reports/kr-report/'], ...Array.from({ length: 9 }, (_, i) => [`r${i + 2}`, null])]);
    const passport = page['passport'] as { field: string; value: string }[];
    expect(passport.find((line) => line.field === 'distribution')!.value).toBe('/datasets/kr-indicators/datapackage.json');
    expect(passport.find((line) => line.field === 'format')!.value).toBe('CSV, XLSX');
    const [version] = page['changes'] as { version: string; status: string; rows: unknown; tables: { title: string; added: number; removed: number; changed: number; rows: { change: string; key: string; cells: unknown[] }[] }[] }[];
    expect(version).toMatchObject({ version: '1.1.0', time: '2024-03-01T10:00:00Z', status: 'compared', rows: null });
    const [changed] = version!.tables;
    expect([changed!.title, changed!.added, changed!.removed, changed!.changed, changed!.rows.length]).toEqual(['Показники', 1, 1, 12, 12]);
    expect(changed!.rows[0]).toEqual({ change: 'changed', key: 'r1', cells: [{ field: 'page', title: 'Сторінка', type: 'string', before: null, after: 'p1' }] });
    expect(build(true).get('site/datasets/kr-indicators.json')!['passport']).toContainEqual(expect.objectContaining({ field: 'distribution', value: 'http://localhost:4321/datasets/kr-indicators/datapackage.json' }));
  });

  it('shows added rows by their filled cells and removed ones as they were, titled by the schema or by the field name', () => {
    const few = { ...indicators, changes: [{ ...changes[0]!, tables: [{ ...changes[0]!.tables[0]!, changed: [] }] }] };
    const page = [...siteData({ model, reconciliation, datasets: [few, register], files: new Map(), urls: makeUrls('http://localhost:4321', '/'), published: false, buildTime: 'now' })].find(([path]) => path === 'site/datasets/kr-indicators.json')!;
    const rows = (JSON.parse(page[1]) as { changes: { tables: { rows: unknown[] }[] }[] }).changes[0]!.tables[0]!.rows;
    expect(rows).toEqual([
      { change: 'added', key: 'r12', cells: [{ field: 'id', title: 'Ід', type: 'string', before: null, after: 'r12' }] },
      { change: 'removed', key: 'r0', cells: [{ field: 'id', title: 'Ід', type: 'string', before: 'r0', after: null }, { field: 'gone', title: 'gone', type: 'string', before: 'x', after: null }] },
    ]);
  });

  it('lists datasets without their pages\' long parts, publishers with their register apart, and the home page\'s counts and latest', () => {
    const list = local.get('site/datasets.json') as unknown as Record<string, unknown>[];
    expect(list.map((d) => d['name'])).toEqual(['kr-indicators', 'kr-register']);
    expect(Object.keys(list[0]!)).not.toContain('tables');
    expect(Object.keys(list[0]!)).not.toContain('passport');
    expect(Object.keys(list[0]!)).toContain('due');
    expect(local.get('site/publishers.json')).toEqual([
      {
        id: 'kr',
        name: publisher.name,
        community: publisher.community,
        edrpou: '12345678',
        katottg: 'UA12345678901234567',
        koatuu: null,
        website: 'https://kr.example.gov.ua',
        contact: { name: 'Відділ', email: 'data@kr.example.gov.ua', phone: null },
        address: null,
        note: null,
        programmes: [],
        reports: [{ id: 'kr-report', title: 'Документ kr-report' }, { id: 'kr-decision', title: 'Документ kr-decision' }],
        datasets: [{ id: 'kr-indicators', title: 'Набір kr-indicators' }],
        register: 'kr-register',
        portalPart: null,
      },
    ]);
    expect(local.get('site/home.json')).toEqual({
      publishers: 1,
      programmes: 0,
      reports: 2,
      datasets: 2,
      figures: 4,
      period: { start: '2023-01-01', end: '2024-12-31' },
      planned: [],
      reported: [],
      latestReports: [
        { id: 'kr-decision', title: 'Документ kr-decision', date: '2024-02-01', period: { start: '2024-01-01', end: '2024-12-31' }, publisher: 'Криворізька міська рада' },
        { id: 'kr-report', title: 'Документ kr-report', date: null, period: { start: '2023-01-01', end: '2023-12-31' }, publisher: 'Криворізька міська рада' },
      ],
      latestChanges: [
        { id: 'kr-indicators', title: 'Набір kr-indicators', modified: '2024-03-01T10:00:00Z' },
        { id: 'kr-register', title: 'Набір kr-register', modified: '2024-02-01T00:00:00Z' },
      ],
      notes: 1,
    });
  });

  describe('with a programme', () => {
    const money = (printed: string, value: string | null, extra: Partial<Figure> = {}) => fig(printed, value, { kind: 'UAH', unit: 'грн', section: 'Паспорт', quoteIsFigure: true, ...extra });
    /** A money figure as the site shows it, worked out by hand. */
    const shown = (printed: string, value: string | null, extra: object = {}) => ({ value, printed, unit: 'грн', forms: null, kind: 'UAH', qualifier: 'exact', section: 'Паспорт', quote: null, note: null, ...extra });
    const measure: Measure = { id: 'm1', number: 1, title: 'Ямковий ремонт', timeline: '2024', executors: undefined, fundingSource: undefined, planned: new Map([[2024, money('-', null)]]), plannedTotal: undefined, expectedResult: 'Без ям', note: undefined };
    const d1: Direction = { id: 'd1', annex: 'a1', number: 1, title: 'Ремонт', fundingSource: 'бюджет громади', planned: new Map([[2025, money('200', '200')], [2024, money('100', '100')]]), plannedTotal: money('300', '300'), measures: [measure], note: undefined };
    const programme: Model['programmes'][number] = {
      id: 'kr-roads',
      document: 'kr-decision',
      publisher: 'kr',
      title: 'Програма доріг',
      titleEn: undefined,
      period: { start: 2024, end: 2025 },
      amendments: [{ date: '2024-06-01', number: '9', title: undefined, quote: 'зміни' }],
      basis: 'Закон про дороги',
      developer: 'Управління',
      executors: ['Управління', 'Департамент'],
      goal: 'Ремонт',
      expectedResults: ['Рівні дороги'],
      coordination: undefined,
      funding: {
        section: 'Паспорт',
        unit: 'грн',
        total: money('300', '300'),
        years: new Map([
          [2025, { total: money('200', '200'), sources: { community: money('150', '150'), other: money('50', '50') } }],
          [2024, { total: money('100', '100'), sources: { state: money('70', '70'), oblast: money('30', '30') } }],
        ]),
        totalRow: undefined,
      },
      annexes: [{ id: 'a1', number: 1, title: 'Напрями', period: { start: 2024, end: 2025 }, unit: 'грн', directions: [d1], totalRow: new Map() }],
    };
    const execution = (year: number, word: 'spent' | 'allocated', titleAsPrinted?: string) => ({ document: 'kr-report', publisher: 'kr', programme: 'kr-roads', year, unit: 'грн', programmeTitleAsPrinted: titleAsPrinted, items: [], total: { amount: money('1', '1'), word } });
    const reported2025 = money('190', '190', { section: 'Звіт' });
    const comparisons: Reconciliation['comparisons'] = [
      {
        document: 'kr-report',
        programme: 'kr-roads',
        year: 2025,
        annex: 'a1',
        directions: [{ direction: 'd1', directionNumber: 1, directionTitle: 'Ремонт', planned: d1.planned.get(2025), reported: reported2025, word: 'spent', rate: parsePlain('95') }],
        plannedTotal: parsePlain('200'),
        plannedTotalPrinted: undefined,
        reportedTotal: reported2025,
        rate: parsePlain('95'),
      },
      {
        document: 'kr-report',
        programme: 'kr-roads',
        year: 2024,
        annex: 'a1',
        directions: [{ direction: 'd1', directionNumber: 1, directionTitle: 'Ремонт', planned: undefined, reported: undefined, word: undefined, rate: undefined }],
        plannedTotal: parsePlain('100'),
        plannedTotalPrinted: undefined,
        reportedTotal: money('-', null, { section: 'Звіт' }),
        rate: undefined,
      },
    ];
    const results = document('kr-results', { title: 'Результати 2024', period: { start: '2022-07-01', end: '2022-12-31', label: '2022' } });
    const shared = observation('shared', '9', 'Результати', { document: 'kr-results', shared: 'appeals' });
    const unlisted = observation('unlisted', '3', 'Результати', { document: 'kr-results', shared: 'walks' });
    const appealsIndicator: Model['indicators'][number] = { code: 'appeals', name: { uk: 'Звернення громадян', en: 'Appeals' }, definition: { uk: 'Усі звернення', en: undefined }, unit: 'звернень', group: undefined, members: [], note: undefined, origin: { file: 'i.yaml', line: 1, path: '' } };
    const done = observation('done', '4', 'Результати', { document: 'kr-results', result: { programme: 'kr-roads', direction: 'd1', measure: undefined, year: 2024, place: () => ({ file: 'r.yaml', line: 1, path: '' }) } });
    const programmeNote: QualityNote = { ...qualityNote, id: 'kr-report/programme', programme: 'kr-roads', message: 'план не сходиться' };
    const entry = (name: string, programmeId: string | undefined): Model['catalog'][number] => ({ publisher: 'kr', name, id: name, title: `Набір ${name}`, description: '', keywords: [], themes: [], frequency: 'once a year', purpose: '', programme: programmeId, documents: [] });
    const source = indicators.sources[0]!;
    const portal = dataset('usi-dani-portalu', 'portal', { publisher: undefined, sources: [source] });
    const programmeDataset = dataset('kr-roads-data', 'programme', { sources: [source] });
    const comparisonDataset = dataset('kr-compare', 'comparison', { publisher: undefined, sources: [source], modified: '2024-03-01T10:00:00Z' });
    const built = () =>
      new Map(
        [
          ...siteData({
            model: {
              ...model,
              catalog: [entry('kr-indicators', undefined), entry('kr-roads-data', 'kr-roads')],
              // Neither the first starts first nor the last ends last; only the decision has a date.
              documents: [report, decision, results],
              programmes: [programme],
              executions: [execution(2024, 'allocated', 'Програма ремонту доріг'), execution(2025, 'spent')],
              observations: [...observations, done, shared, unlisted],
              indicators: [appealsIndicator],
            },
            reconciliation: { ...reconciliation, notes: [qualityNote, programmeNote], comparisons },
            datasets: [register, portal, indicators, programmeDataset, comparisonDataset],
            files: new Map(),
            urls: makeUrls('http://localhost:4321', '/'),
            published: false,
            buildTime: 'now',
          }),
        ].map(([path, text]) => [path, JSON.parse(text) as Record<string, unknown>]),
      );
    let pages: ReturnType<typeof built>;
    let page: Record<string, unknown>;
    beforeEach(() => {
      pages = built();
      page = pages.get('site/programmes/kr-roads.json')!;
    });

    it('gives the programme its passport, decision, amendments and money by year and source', () => {
      expect(page).toMatchObject({
        id: 'kr-roads',
        title: 'Програма доріг',
        publisher: { id: 'kr', title: 'Криворізька міська рада' },
        period: { start: 2024, end: 2025 },
        decision: { id: 'kr-decision', title: 'Документ kr-decision', number: '7', date: '2024-02-01' },
        amendments: [{ date: '2024-06-01', number: '9' }],
        basis: 'Закон про дороги',
        developer: 'Управління',
        executors: ['Управління', 'Департамент'],
        goal: 'Ремонт',
        expectedResults: ['Рівні дороги'],
        coordination: null,
      });
      expect(page['funding']).toEqual({
        section: 'Паспорт',
        total: shown('300', '300'),
        years: [
          {
            year: 2024,
            total: shown('100', '100'),
            sources: [
              { source: 'state', title: 'державний бюджет', figure: shown('70', '70') },
              { source: 'oblast', title: 'обласний бюджет', figure: shown('30', '30') },
            ],
          },
          {
            year: 2025,
            total: shown('200', '200'),
            sources: [
              { source: 'community', title: 'бюджет громади', figure: shown('150', '150') },
              { source: 'other', title: 'інші джерела', figure: shown('50', '50') },
            ],
          },
        ],
      });
    });

    it('gives each annex its directions, money by year in order, and measures', () => {
      expect(page['annexes']).toEqual([
        {
          number: 1,
          title: 'Напрями',
          period: { start: 2024, end: 2025 },
          directions: [
            {
              id: 'd1',
              number: 1,
              title: 'Ремонт',
              fundingSource: 'бюджет громади',
              planned: [{ year: 2024, figure: shown('100', '100') }, { year: 2025, figure: shown('200', '200') }],
              plannedTotal: shown('300', '300'),
              fromMeasures: null,
              measures: [{ number: 1, title: 'Ямковий ремонт', timeline: '2024', executors: null, expectedResult: 'Без ям', planned: [{ year: 2024, figure: shown('-', null) }] }],
            },
          ],
        },
      ]);
    });

    it('gives each year\'s execution in order of years, with the report\'s word and the title as the report prints it', () => {
      expect(page['executions']).toEqual([
        {
          year: 2024,
          document: { id: 'kr-report', title: 'Документ kr-report' },
          annex: 1,
          directions: [{ id: 'd1', number: 1, title: 'Ремонт', planned: null, reported: null, word: null, rate: null }],
          planned: '100',
          reported: shown('-', null, { section: 'Звіт' }),
          word: 'allocated',
          rate: null,
          titleAsPrinted: 'Програма ремонту доріг',
        },
        {
          year: 2025,
          document: { id: 'kr-report', title: 'Документ kr-report' },
          annex: 1,
          directions: [{ id: 'd1', number: 1, title: 'Ремонт', planned: shown('200', '200'), reported: shown('190', '190', { section: 'Звіт' }), word: 'spent', rate: '95' }],
          planned: '200',
          reported: shown('190', '190', { section: 'Звіт' }),
          word: 'spent',
          rate: '95',
          titleAsPrinted: null,
        },
      ]);
    });

    it('names its results\' years, the notes on it, its documents and its datasets', () => {
      expect((page['results'] as { year: number }[]).map((r) => r.year)).toEqual([2024]);
      expect(page['notes']).toEqual([{ id: 'kr-report/programme', code: 'Q_STATED_TOTAL', document: 'kr-report', subject: 'Звернення', stated: '8', computed: '7', difference: '1', message: 'план не сходиться' }]);
      expect(page['documents']).toEqual([
        { id: 'kr-decision', title: 'Документ kr-decision', kind: 'decision' },
        { id: 'kr-report', title: 'Документ kr-report', kind: 'activity_report' },
        { id: 'kr-results', title: 'Результати 2024', kind: 'activity_report' },
      ]);
      expect(page['datasets']).toEqual([{ id: 'kr-roads-data', title: 'Набір kr-roads-data' }]);
    });

    it('lists the programme, its reported years on the home page, and links the reports that speak of it', () => {
      expect(pages.get('site/programmes.json')).toEqual([{ id: 'kr-roads', title: 'Програма доріг', publisher: { id: 'kr', title: 'Криворізька міська рада' }, period: { start: 2024, end: 2025 }, funding: { total: shown('300', '300') } }]);
      const home = pages.get('site/home.json')!;
      expect(home['planned']).toEqual([{ programme: { id: 'kr-roads', title: 'Програма доріг' }, total: '300', period: { start: 2024, end: 2025 } }]);
      expect(home['reported']).toEqual([
        { programme: { id: 'kr-roads', title: 'Програма доріг' }, year: 2024, reported: '0', planned: '100', rate: null, word: 'allocated' },
        { programme: { id: 'kr-roads', title: 'Програма доріг' }, year: 2025, reported: '190', planned: '200', rate: '95', word: 'spent' },
      ]);
      expect(pages.get('site/reports/kr-decision.json')!['programmes']).toEqual([{ id: 'kr-roads', title: 'Програма доріг' }]);
      expect(pages.get('site/reports/kr-report.json')!['programmes']).toEqual([{ id: 'kr-roads', title: 'Програма доріг' }]);
      expect(pages.get('site/reports/kr-results.json')!['programmes']).toEqual([]);
      expect((pages.get('site/publishers.json') as unknown as { programmes: unknown }[])[0]!.programmes).toEqual([{ id: 'kr-roads', title: 'Програма доріг' }]);
    });

    it('places a report\'s figure that is a result under its programme\'s direction and year, and names the shared indicator it counts', () => {
      const sections = pages.get('site/reports/kr-results.json')!['sections'] as { figures: { id: string; result: unknown; shared: unknown }[] }[];
      expect(sections[0]!.figures.map((f) => [f.id, f.result, f.shared])).toEqual([
        ['done', { programme: 'kr-roads', direction: 1, title: 'Ремонт', year: 2024 }, null],
        ['shared', null, { id: 'appeals', title: 'Звернення громадян' }],
        // An indicator the vocabulary does not name is shown by its code.
        ['unlisted', null, { id: 'walks', title: 'walks' }],
      ]);
      const plain = local.get('site/reports/kr-report.json')!['sections'] as { figures: { result: unknown; shared: unknown }[] }[];
      expect(plain[0]!.figures[0]!).toMatchObject({ result: null, shared: null });
    });

    it('shows on each dataset page the notes of its kind: all for the portal\'s, none for the shared indicators\', a programme\'s for a programme\'s', () => {
      const notesOf = (name: string) => (pages.get(`site/datasets/${name}.json`)!['notes'] as { id: string }[]).map((n) => n.id);
      expect(notesOf('usi-dani-portalu')).toEqual(['kr-report/total-x', 'kr-report/programme']);
      expect(notesOf('kr-compare')).toEqual([]);
      expect(notesOf('kr-roads-data')).toEqual(['kr-report/programme']);
      expect(notesOf('kr-indicators')).toEqual(['kr-report/total-x']);
      expect(pages.get('site/datasets/kr-register.json')!['files']).toEqual([]);
    });

    it('links a report to the datasets made of it, not to the portal-wide package', () => {
      expect(pages.get('site/reports/kr-report.json')!['datasets']).toEqual([
        { id: 'kr-indicators', title: 'Набір kr-indicators' },
        { id: 'kr-roads-data', title: 'Набір kr-roads-data' },
        { id: 'kr-compare', title: 'Набір kr-compare' },
      ]);
    });

    it('names the comparison dataset on an indicator\'s page', () => {
      expect(pages.get('site/indicators/appeals.json')!['dataset']).toEqual({ id: 'kr-compare', title: 'Набір kr-compare' });
    });

    it('gives the home page the period of all documents, the latest reports by date or period end, the latest changed datasets by time then name', () => {
      const home = pages.get('site/home.json')!;
      expect(home['period']).toEqual({ start: '2022-07-01', end: '2024-12-31' });
      expect((home['latestReports'] as { id: string }[]).map((r) => r.id)).toEqual(['kr-decision', 'kr-report', 'kr-results']);
      expect((home['latestChanges'] as { id: string }[]).map((r) => r.id)).toEqual(['kr-compare', 'kr-indicators', 'kr-register', 'kr-roads-data', 'usi-dani-portalu']);
    });

    /** The site's files of the model with `other` in place of the hand-built programme, and `found` as the comparisons of its years. */
    const withProgramme = (other: Model['programmes'][number], found: Reconciliation['comparisons']) =>
      new Map(
        [
          ...siteData({
            model: { ...model, programmes: [other], executions: [execution(2024, 'allocated'), execution(2025, 'spent')] },
            reconciliation: { ...reconciliation, comparisons: found },
            datasets: [register],
            files: new Map(),
            urls: makeUrls('http://localhost:4321', '/'),
            published: false,
            buildTime: 'now',
          }),
        ].map(([path, text]) => [path, JSON.parse(text) as Record<string, unknown>]),
      );

    it('gives each year\'s execution the number of the annex that plans that year', () => {
      const [annex] = programme.annexes;
      const twoAnnexes = { ...programme, annexes: [{ ...annex!, period: { start: 2024, end: 2024 } }, { ...annex!, id: 'a2', number: 2, title: 'Напрями 2025 року', period: { start: 2025, end: 2025 } }] };
      const page = withProgramme(twoAnnexes, [comparisons[1]!, { ...comparisons[0]!, annex: 'a2' }]).get('site/programmes/kr-roads.json')!;
      expect((page['executions'] as { year: number; annex: number }[]).map((e) => [e.year, e.annex])).toEqual([[2024, 1], [2025, 2]]);
    });

    it('gives a programme with nothing reported, no results, notes or datasets empty lists, and its decision as its only document', () => {
      const files = withProgramme(programme, []);
      const page = files.get('site/programmes/kr-roads.json')!;
      expect([page['executions'], page['results'], page['notes'], page['datasets']]).toEqual([[], [], [], []]);
      expect(page['documents']).toEqual([{ id: 'kr-decision', title: 'Документ kr-decision', kind: 'decision' }]);
      expect(files.get('site/home.json')!['reported']).toEqual([]);
    });
  });

  it('titles every kind of document in Ukrainian', () => {
    const kinds = (['decision', 'programme', 'execution_report', 'activity_report', 'presentation'] as const).map((kind) => document(`kr-${kind}`, { kind }));
    const list = [...siteData({ model: { ...model, documents: kinds }, reconciliation, datasets: [register], files: new Map(), urls: makeUrls('http://localhost:4321', '/'), published: false, buildTime: 'now' })].find(([path]) => path === 'site/reports.json')!;
    expect((JSON.parse(list[1]) as { kindTitle: string }[]).map((r) => r.kindTitle)).toEqual(['Рішення', 'Програма', 'Звіт про виконання програми', 'Звіт про діяльність', 'Публічне представлення']);
  });

  it('gives a portal without a title, description or contact empty ones, and one with a contact its contact', () => {
    const config = (portal: Model['portal']) =>
      JSON.parse([...siteData({ model: { ...model, portal }, reconciliation, datasets: [register], files: new Map(), urls: makeUrls('http://localhost:4321', '/'), published: false, buildTime: 'now' })][0]![1]) as Record<string, unknown>;
    expect(config(undefined)).toMatchObject({ title: '', titleEn: '', description: '', contact: null });
    expect(config({ ...model.portal!, contact: { name: 'Редакція', email: 'open@example.org' } })['contact']).toEqual({ name: 'Редакція', email: 'open@example.org' });
  });

  /** The site's files of the hand-built model with `changes`, of `datasets`. */
  const pagesOf = (changes: Partial<Model>, datasets: Dataset[]) =>
    new Map(
      [...siteData({ model: { ...model, ...changes }, reconciliation, datasets, files: new Map(), urls: makeUrls('http://localhost:4321', '/'), published: false, buildTime: 'now' })].map(([path, text]) => [path, JSON.parse(text) as Record<string, unknown>]),
    );

  it('shows a figure\'s period when only its start or only its end differs from the document\'s', () => {
    const firstHalf = observation('h1', '3', 'Звернення', { period: { start: '2023-01-01', end: '2023-06-30', label: '2023-01-01/2023-06-30' } });
    const secondHalf = observation('h2', '4', 'Звернення', { period: { start: '2023-07-01', end: '2023-12-31', label: '2023-07-01/2023-12-31' } });
    const sections = pagesOf({ observations: [firstHalf, secondHalf] }, [indicators, register]).get('site/reports/kr-report.json')!['sections'] as { figures: { id: string; period: unknown }[] }[];
    expect(sections[0]!.figures.map((f) => [f.id, f.period])).toEqual([
      ['h1', { start: '2023-01-01', end: '2023-06-30' }],
      ['h2', { start: '2023-07-01', end: '2023-12-31' }],
    ]);
  });

  it('shows on the portal\'s dataset page every note, of the documents it names or not', () => {
    const portal = dataset('usi-dani-portalu', 'portal', { publisher: undefined, sources: [] });
    expect(pagesOf({}, [indicators, register, portal]).get('site/datasets/usi-dani-portalu.json')!['notes']).toEqual([
      { id: 'kr-report/total-x', code: 'Q_STATED_TOTAL', document: 'kr-report', subject: 'Звернення', stated: '8', computed: '7', difference: '1', message: 'не сходиться' },
    ]);
  });

  it('shows no notes on the page of a dataset whose documents have none', () => {
    const decisions = dataset('kr-decisions', 'indicators', { sources: [{ id: 'kr-decision', title: 'Документ kr-decision', kind: 'decision', number: '7', date: '2024-02-01' } as Dataset['sources'][number]] });
    expect(pagesOf({}, [decisions, register]).get('site/datasets/kr-decisions.json')!['notes']).toEqual([]);
  });

  it('gives the home page the five latest of six reports, by date, and of six datasets, by time of change', () => {
    const days = ['03', '06', '01', '05', '02', '04'];
    const documents = days.map((day, i) => document(`kr-${i + 1}`, { date: `2024-01-${day}` }));
    const datasets = [register, ...['05', '01', '03', '02', '04'].map((day, i) => dataset(`kr-${'abcde'[i]}`, 'indicators', { modified: `2024-03-${day}T00:00:00Z` }))];
    const home = pagesOf({ documents, observations: [], figures: [] }, datasets).get('site/home.json')!;
    expect((home['latestReports'] as { id: string; date: string }[]).map((r) => [r.id, r.date])).toEqual([
      ['kr-2', '2024-01-06'],
      ['kr-4', '2024-01-05'],
      ['kr-6', '2024-01-04'],
      ['kr-1', '2024-01-03'],
      ['kr-5', '2024-01-02'],
    ]);
    expect((home['latestChanges'] as { id: string }[]).map((d) => d.id)).toEqual(['kr-a', 'kr-e', 'kr-c', 'kr-d', 'kr-b']);
  });

  it('lists a publisher of no documents with its register alone', () => {
    const zh: Publisher = { ...publisher, id: 'zh', name: { uk: 'Житомирська міська рада', en: 'Zhytomyr City Council' } };
    const zhRegister = dataset('zh-register', 'register', { publisher: { ...register.publisher!, id: 'zh', name: zh.name } });
    const publishers = pagesOf({ publishers: [publisher, zh] }, [indicators, register, zhRegister]).get('site/publishers.json') as unknown as Record<string, unknown>[];
    expect(publishers.map((p) => [p['id'], p['programmes'], p['reports'], p['datasets'], p['register']])).toEqual([
      ['kr', [], [{ id: 'kr-report', title: 'Документ kr-report' }, { id: 'kr-decision', title: 'Документ kr-decision' }], [{ id: 'kr-indicators', title: 'Набір kr-indicators' }], 'kr-register'],
      ['zh', [], [], [], 'zh-register'],
    ]);
  });
});
