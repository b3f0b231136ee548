/**
 * The datasets of a hand-built portal: two councils, a programme with its decision and one
 * execution report, an activity report with two figures (one a result of the programme, one
 * a shared indicator's value) and a figure of the other council named only by a relation.
 * Every name, file list, period and row is worked out by hand from the model; the UUIDs are
 * Python's `uuid.uuid5` of the project's namespace and the name.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { History, Version } from '../io/history.ts';
import { memorySources } from '../io/files.ts';
import type { CatalogEntry, Execution, Figure, Model, Observation, Programme, Publisher, SharedIndicator, SourceDocument } from '../model/types.ts';
import { parsePlain } from '../numbers/decimal.ts';
import type { Dataset, Row } from '../publish/types.ts';
import { makeUrls } from '../publish/urls.ts';
import type { ExecutionComparison, QualityNote, Reconciliation } from '../reconcile/reconcile.ts';
import { deriveDatasets, indexModel, type DeriveInput, type Derivation, type StreamedDataset } from './datasets.ts';
import { sourceDocument } from '../fixtures/model.ts';

const origin = { file: 'f.yaml', line: 3, path: 'p' };

function fig(key: string, printed: string, value: string, extra: Partial<Figure> = {}): Figure {
  return {
    key,
    document: key.split('/')[0]!,
    printed,
    value: parsePlain(value),
    kind: 'UAH',
    unit: 'грн',
    qualifier: 'exact',
    section: 'Розділ 1',
    quote: printed,
    quoteIsFigure: true,
    note: undefined,
    origin,
    ...extra,
  };
}

function council(id: string, uk: string, extra: Partial<Publisher> = {}): Publisher {
  return {
    id,
    name: { uk, en: `${id} council` },
    shortName: undefined,
    kind: 'council',
    community: { uk: `${uk} (громада)`, en: `${id} community` },
    edrpou: '12345678',
    katottg: 'UA12345678901234567',
    koatuu: undefined,
    website: `https://${id}.example.gov.ua`,
    contact: { name: 'Відділ даних', email: `data@${id}.example.gov.ua`, phone: '+380 56 000 00 00' },
    address: undefined,
    note: undefined,
    ...extra,
  };
}

const kr = council('kr', 'Криворізька міська рада');
const zh = council('zh', 'Житомирська міська рада', { edrpou: '87654321', koatuu: '1810100000', contact: { name: 'Приймальня', email: 'info@zh.example.gov.ua', phone: undefined } });

function document(id: string, kind: SourceDocument['kind'], start: string, end: string, extra: Partial<SourceDocument> = {}): SourceDocument {
  const files = [`${id}/document.yaml`, `${id}/data.yaml`];
  return sourceDocument({ id, publisher: id.split('-')[0]!, kind, title: `Документ ${id}`, period: { start, end, label: start.slice(0, 4) }, folder: id, files, ...extra });
}

const decision = document('kr-decision', 'decision', '2020-01-01', '2021-12-31', { number: '7/12', date: '2019-12-20' });
const report = document('kr-report-2020', 'execution_report', '2020-01-01', '2020-12-31');
const activity = document('kr-activity-2021', 'activity_report', '2021-01-01', '2021-12-31', { url: 'https://kr.example.gov.ua/2021.pdf' });
const other = document('zh-report-2022', 'activity_report', '2022-01-01', '2022-12-31');

const programme: Programme = {
  id: 'kr-roads',
  document: 'kr-decision',
  publisher: 'kr',
  title: 'Програма ремонту доріг',
  titleEn: undefined,
  period: { start: 2020, end: 2021 },
  amendments: [],
  basis: undefined,
  developer: 'Управління',
  executors: ['Управління'],
  goal: 'Ремонт',
  expectedResults: [],
  coordination: undefined,
  funding: { section: 'Паспорт', unit: 'грн', total: fig('kr-decision/total', '300 000', '300000'), years: new Map(), totalRow: undefined },
  annexes: [
    {
      id: 'a1',
      number: 1,
      title: 'Напрями',
      period: { start: 2020, end: 2021 },
      unit: 'грн',
      directions: [
        { id: 'd1', annex: 'a1', number: 1, title: 'Ремонт', fundingSource: undefined, planned: new Map([[2020, fig('kr-decision/d1-2020', '120 000', '120000')]]), plannedTotal: undefined, measures: [], note: undefined },
      ],
      totalRow: new Map(),
    },
  ],
};

const reported = fig('kr-report-2020/d1', '110 000', '110000');
const reportedTotal = fig('kr-report-2020/total', '110 000', '110000');
const execution: Execution = {
  document: 'kr-report-2020',
  publisher: 'kr',
  programme: 'kr-roads',
  year: 2020,
  unit: 'грн',
  programmeTitleAsPrinted: undefined,
  items: [{ direction: 'd1', amount: reported, word: 'spent', section: 'Таблиця' }],
  total: { amount: reportedTotal, word: 'spent' },
};
const comparison: ExecutionComparison = {
  document: 'kr-report-2020',
  programme: 'kr-roads',
  year: 2020,
  annex: 'a1',
  directions: [{ direction: 'd1', directionNumber: 1, directionTitle: 'Ремонт', planned: programme.annexes[0]!.directions[0]!.planned.get(2020), reported, word: 'spent', rate: parsePlain('91.67') }],
  plannedTotal: parsePlain('120000'),
  plannedTotalPrinted: undefined,
  reportedTotal,
  rate: parsePlain('91.67'),
};

function observation(document: string, id: string, printed: string, start: string, end: string, extra: Partial<Observation> = {}): Observation {
  return {
    id,
    document,
    publisher: document.split('-')[0]!,
    indicator: `Показник ${id}`,
    code: undefined,
    topic: undefined,
    figure: fig(`${document}/${id}`, printed, printed, { kind: 'count', unit: 'звернень', quote: `надійшло ${printed}`, quoteIsFigure: false }),
    period: { start, end, label: start },
    dimensions: {},
    result: undefined,
    budgetGroup: undefined,
    budgetCode: undefined,
    shared: undefined,
    place: () => origin,
    ...extra,
  };
}

// The half-year figure first: the dataset's period is the earliest start and the latest end, not the first figure's.
const roads = observation('kr-activity-2021', 'roads', '12', '2021-07-01', '2022-06-30', { result: { programme: 'kr-roads', direction: 'd1', measure: undefined, year: 2021, place: () => origin } });
const appeals = observation('kr-activity-2021', 'appeals', '1200', '2021-01-01', '2021-06-30', { shared: 'appeals' });
const written = observation('zh-report-2022', 'written', '300', '2022-01-01', '2022-12-31');

const indicator: SharedIndicator = {
  code: 'appeals',
  name: { uk: 'Звернення громадян', en: 'Appeals' },
  definition: { uk: 'Усі звернення', en: undefined },
  unit: 'звернень',
  group: undefined,
  members: [{ document: 'kr-activity-2021', observation: 'appeals', origin, note: undefined }],
  note: undefined,
  origin,
};

function note(id: string, document: string, programme: string | undefined): QualityNote {
  return { id, code: 'Q_STATED_TOTAL', document, programme, subject: 'Підсумок', stated: fig(`${document}/x`, '10', '10'), parts: [], computed: parsePlain('9'), difference: parsePlain('1'), message: 'не сходиться' };
}
const notes = [note('n-programme', 'kr-report-2020', 'kr-roads'), note('n-activity', 'kr-activity-2021', undefined), note('n-result', 'kr-activity-2021', 'kr-roads')];

function entry(name: string, extra: Partial<CatalogEntry>): CatalogEntry {
  return {
    publisher: 'kr',
    name,
    id: `id-${name}`,
    title: `Набір ${name}`,
    description: `Опис ${name}`,
    keywords: ['дороги', 'звіти'],
    themes: ['TRAN'],
    frequency: 'once a year',
    purpose: 'Звітність',
    programme: undefined,
    documents: [],
    ...extra,
  };
}

// The first dataset does not start first, the last does not end last: a register spans them all.
const catalog = [entry('kr-activity', { documents: ['kr-activity-2021'] }), entry('kr-roads', { programme: 'kr-roads', frequency: 'once a quarter' })];

const model: Model = {
  portal: { title: 'Відкриті дані', titleEn: 'Open data', description: 'Звіти двох рад.', siteUrl: undefined, basePath: '/', contact: undefined },
  catalog,
  publishers: [kr, zh],
  // Neither the first document starts first nor the last ends last.
  documents: [activity, other, decision, report],
  programmes: [programme],
  executions: [execution],
  observations: [roads, appeals, written],
  statedTotals: [{ id: 'sum', document: 'kr-activity-2021', label: 'Усього', total: 'appeals', parts: ['roads'], quote: undefined, note: undefined }],
  indicators: [indicator],
  relations: [{ id: 'written-only', observations: [{ document: 'zh-report-2022', observation: 'written', origin }], indicators: [], difference: 'лише письмові', origin }],
  units: new Map(),
  figures: [programme.funding.total, programme.annexes[0]!.directions[0]!.planned.get(2020)!, reported, reportedTotal, roads.figure, appeals.figure, written.figure],
};
const reconciliation: Reconciliation = { notes, comparisons: [comparison], checks: { passed: 1, failed: 3 } };

/** A history whose answers tell which files were asked about: as many revisions as files. */
function recordingHistory(): History & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    buildTime: '2024-06-01T00:00:00Z',
    of(paths) {
      asked.push([...paths]);
      return { created: '2019-12-20T10:00:00Z', modified: `2024-0${Math.min(paths.length, 9)}-01T00:00:00Z`, revisions: paths.length };
    },
    changes: (paths): Version[] => [{ commit: 'c1', time: '2024-05-01T00:00:00Z', revision: paths.length }],
    commits: [],
    sourcesAt: async () => memorySources({}),
  };
}

const urls = makeUrls('https://data.example.org', '/');
function derive(extra: Partial<DeriveInput> = {}) {
  const history = recordingHistory();
  const derivation = deriveDatasets({ model, reconciliation, history, urls, ...extra });
  return { history, derivation, datasets: [...derivation.datasets] };
}

// Derived again for each test, so that a mutation run knows which tests reach which code.
let history: ReturnType<typeof recordingHistory>;
let derivation: Derivation;
let datasets: Dataset[];
beforeEach(() => {
  ({ history, derivation, datasets } = derive());
});
const byName = (name: string) => datasets.find((d) => d.name === name)!;
const tableOf = (dataset: Dataset, name: string) => dataset.tables.find((t) => t.name === name)!;
const column = (rows: Row[], name: string) => rows.map((row) => row[name]);

const KR_REGISTER = 'reiestr-naboriv-danykh-kryvorizka-miska-rada';
const ZH_REGISTER = 'reiestr-naboriv-danykh-zhytomyrska-miska-rada';
const COMPARISON = 'spilni-pokaznyky-porivniannia-rad-i-periodiv';

describe('the datasets of a portal', () => {
  it('are the catalogue\'s in its order, the shared indicators\', then each council\'s register', () => {
    expect(datasets.map((d) => [d.name, d.kind])).toEqual([
      ['kr-activity', 'indicators'],
      ['kr-roads', 'programme'],
      [COMPARISON, 'comparison'],
      [KR_REGISTER, 'register'],
      [ZH_REGISTER, 'register'],
    ]);
  });

  it('describe a catalogue entry as it is written, its times and version from the history of its files', () => {
    const dataset = byName('kr-roads');
    expect({ ...dataset, tables: [] }).toEqual({
      name: 'kr-roads',
      id: 'id-kr-roads',
      kind: 'programme',
      title: 'Набір kr-roads',
      description: 'Опис kr-roads',
      keywords: ['дороги', 'звіти'],
      themes: ['TRAN'],
      frequency: 'once a quarter',
      purpose: 'Звітність',
      publisher: { id: 'kr', name: kr.name, edrpou: '12345678', katottg: 'UA12345678901234567', koatuu: undefined, website: 'https://kr.example.gov.ua', contact: { name: 'Відділ даних', email: 'data@kr.example.gov.ua' } },
      temporal: { start: '2020-01-01', end: '2021-12-31' },
      created: '2019-12-20T10:00:00Z',
      // The decision's, the report's and the activity report's two files each, and the council's two.
      modified: '2024-08-01T00:00:00Z',
      version: '1.0.8',
      sources: [
        { id: 'kr-activity-2021', title: 'Документ kr-activity-2021', kind: 'activity_report', number: undefined, date: undefined, path: 'https://data.example.org/reports/kr-activity-2021/', url: 'https://kr.example.gov.ua/2021.pdf' },
        { id: 'kr-decision', title: 'Документ kr-decision', kind: 'decision', number: '7/12', date: '2019-12-20', path: 'https://data.example.org/reports/kr-decision/', url: undefined },
        { id: 'kr-report-2020', title: 'Документ kr-report-2020', kind: 'execution_report', number: undefined, date: undefined, path: 'https://data.example.org/reports/kr-report-2020/', url: undefined },
      ],
      tables: [],
      changes: [{ version: '1.0.8', time: '2024-05-01T00:00:00Z', status: 'unknown', tables: [] }],
    });
    expect(history.asked[2]).toEqual([
      'kr-decision/document.yaml',
      'kr-decision/data.yaml',
      'kr-report-2020/document.yaml',
      'kr-report-2020/data.yaml',
      'kr-activity-2021/document.yaml',
      'kr-activity-2021/data.yaml',
      'kr/publisher.yaml',
      'kr/datasets.yaml',
    ]);
  });

  it('give a programme its tables, its results, its documents and the notes on it; no empty table of results by measure', () => {
    const dataset = byName('kr-roads');
    expect(dataset.tables.map((t) => t.name)).toEqual([
      'programmes',
      'amendments',
      'funding',
      'directions',
      'measures',
      'planned',
      'planned-measures',
      'planned-totals',
      'execution',
      'execution-totals',
      'results',
      'documents',
      'quality-notes',
    ]);
    expect(column(tableOf(dataset, 'programmes').rows, 'programme_id')).toEqual(['kr-roads']);
    expect(column(tableOf(dataset, 'execution').rows, 'reported_uah')).toEqual(['110000']);
    expect(column(tableOf(dataset, 'results').rows, 'observation_id')).toEqual(['kr-activity-2021/roads']);
    expect(column(tableOf(dataset, 'documents').rows, 'document_id')).toEqual(['kr-decision', 'kr-report-2020', 'kr-activity-2021']);
    expect(column(tableOf(dataset, 'quality-notes').rows, 'note_id')).toEqual(['n-programme', 'n-result']);
  });

  it('give a report\'s dataset its figures, totals, documents and the notes on no programme, over the period its figures span', () => {
    const dataset = byName('kr-activity');
    expect(dataset.tables.map((t) => t.name)).toEqual(['observations', 'stated-totals', 'documents', 'quality-notes']);
    expect(column(tableOf(dataset, 'observations').rows, 'observation_id')).toEqual(['kr-activity-2021/roads', 'kr-activity-2021/appeals']);
    expect(column(tableOf(dataset, 'stated-totals').rows, 'total_id')).toEqual(['kr-activity-2021/sum']);
    expect(column(tableOf(dataset, 'documents').rows, 'document_id')).toEqual(['kr-activity-2021']);
    expect(column(tableOf(dataset, 'quality-notes').rows, 'note_id')).toEqual(['n-activity']);
    expect(dataset.temporal).toEqual({ start: '2021-01-01', end: '2022-06-30' });
    expect(dataset.sources.map((s) => s.id)).toEqual(['kr-activity-2021']);
    expect(history.asked[1]).toEqual(['kr-activity-2021/document.yaml', 'kr-activity-2021/data.yaml', 'kr/publisher.yaml', 'kr/datasets.yaml']);
    expect(dataset.version).toBe('1.0.4');
  });

  it('give a programme with nothing reported only its own tables, and a report without notes none', () => {
    const bare: Programme = { ...programme, id: 'kr-bare' };
    const derived = deriveDatasets({
      model: { ...model, programmes: [programme, bare], catalog: [entry('kr-bare', { programme: 'kr-bare' }), entry('kr-plain', { documents: ['kr-decision'] })] },
      reconciliation,
      history: recordingHistory(),
      urls,
    });
    const [programmeData, plain] = [...derived.datasets];
    expect(programmeData!.tables.map((t) => [t.name, t.rows.length])).toEqual([
      ['programmes', 1],
      ['amendments', 0],
      ['funding', 0],
      ['directions', 1],
      ['measures', 0],
      ['planned', 1],
      ['planned-measures', 0],
      ['planned-totals', 0],
      ['execution', 0],
      ['execution-totals', 0],
      ['documents', 1],
      ['quality-notes', 0],
    ]);
    expect(plain!.tables.map((t) => [t.name, t.rows.length])).toEqual([
      ['observations', 0],
      ['stated-totals', 0],
      ['documents', 1],
      ['quality-notes', 0],
    ]);
  });

  it('span, for a dataset over two reports, from the earliest start of their figures to the latest end', () => {
    const derived = deriveDatasets({ model: { ...model, catalog: [entry('kr-both', { documents: ['kr-activity-2021', 'zh-report-2022'] })] }, reconciliation, history: recordingHistory(), urls });
    const [both, ...others] = [...derived.datasets];
    expect(both!.temporal).toEqual({ start: '2021-01-01', end: '2022-12-31' });
    expect(others.find((d) => d.name === KR_REGISTER)!.temporal).toEqual({ start: '2021-01-01', end: '2022-12-31' });
  });

  it('give a register the period of the datasets that have one', () => {
    const derived = deriveDatasets({ model: { ...model, catalog: [entry('kr-empty', { documents: ['kr-report-2020'] }), catalog[0]!], indicators: [] }, reconciliation, history: recordingHistory(), urls });
    const register = [...derived.datasets].find((d) => d.kind === 'register')!;
    expect(register.temporal).toEqual({ start: '2021-01-01', end: '2022-06-30' });
  });

  it('have no period when the report has no figures', () => {
    const empty = deriveDatasets({ model: { ...model, catalog: [entry('kr-empty', { documents: ['kr-report-2020'] })], indicators: [] }, reconciliation, history: recordingHistory(), urls });
    const [dataset] = [...empty.datasets];
    expect(dataset!.temporal).toBeUndefined();
  });

  it('give the shared indicators a dataset of the portal: the figures of its members and the relations, over its members\' period', () => {
    const dataset = byName(COMPARISON);
    expect({ ...dataset, tables: [], sources: [] }).toEqual({
      name: COMPARISON,
      id: 'cd5c61a4-7861-52e3-a910-d37213115a95',
      kind: 'comparison',
      title: 'Спільні показники: порівняння рад і періодів',
      description: 'Показники, які різні документи й міські ради рахують однаково, за словником спільних показників: визначення кожного, усі його числа за радами й періодами з цитатами, а також числа, що рахують близьке, але не те саме, з різницею, сказаною словами.',
      keywords: ['спільні показники', 'порівняння', 'міські ради', 'показники', 'звіти'],
      themes: ['GOVE'],
      frequency: 'immediately after making changes',
      purpose: 'Порівняння показників звітів міських рад між радами й періодами за однаковими визначеннями.',
      publisher: undefined,
      // Only the indicator's member counts: the relation's figure of 2022 is not one of its values.
      temporal: { start: '2021-01-01', end: '2021-06-30' },
      created: '2019-12-20T10:00:00Z',
      modified: '2024-06-01T00:00:00Z',
      version: '1.0.6',
      sources: [],
      tables: [],
      changes: [{ version: '1.0.6', time: '2024-05-01T00:00:00Z', status: 'unknown', tables: [] }],
    });
    expect(dataset.tables.map((t) => t.name)).toEqual(['indicators', 'comparison', 'relations', 'documents']);
    expect(column(tableOf(dataset, 'documents').rows, 'document_id')).toEqual(['kr-activity-2021', 'zh-report-2022']);
    expect(dataset.sources.map((s) => s.id)).toEqual(['kr-activity-2021', 'zh-report-2022']);
    expect(history.asked[3]).toEqual(['kr-activity-2021/document.yaml', 'kr-activity-2021/data.yaml', 'zh-report-2022/document.yaml', 'zh-report-2022/data.yaml', 'portal.yaml', 'indicators.yaml']);
  });

  it('list the shared indicators\' documents by their ids, a relation\'s document that sorts first before the members\'', () => {
    // The member is the other council's report; the relation names a figure of the activity report, whose id sorts first.
    const written2022: SharedIndicator = { ...indicator, code: 'written', members: [{ document: 'zh-report-2022', observation: 'written', origin, note: undefined }] };
    const relation = { id: 'roads-only', observations: [{ document: 'kr-activity-2021', observation: 'roads', origin }], indicators: [], difference: 'лише дороги', origin };
    const derived = deriveDatasets({ model: { ...model, indicators: [written2022], relations: [relation] }, reconciliation, history: recordingHistory(), urls });
    const dataset = [...derived.datasets].find((d) => d.name === COMPARISON)!;
    expect(column(tableOf(dataset, 'documents').rows, 'document_id')).toEqual(['kr-activity-2021', 'zh-report-2022']);
    expect(dataset.sources.map((s) => s.id)).toEqual(['kr-activity-2021', 'zh-report-2022']);
    // Its period is its member's alone: the relation's figure of 2021 is not one of its values.
    expect(dataset.temporal).toEqual({ start: '2022-01-01', end: '2022-12-31' });
  });

  it('span the shared indicators\' dataset over several indicators from their members\' earliest start to their latest end', () => {
    // One member each, in this order: 2022-01-01…2022-12-31, 2021-07-01…2022-06-30, 2021-01-01…2021-06-30.
    // The first indicator's member neither starts first nor is the last one's the latest end, nor is the middle one's.
    const one = (code: string, document: string, observation: string): SharedIndicator => ({ ...indicator, code, members: [{ document, observation, origin, note: undefined }] });
    const indicators = [one('written', 'zh-report-2022', 'written'), one('roads', 'kr-activity-2021', 'roads'), one('appeals', 'kr-activity-2021', 'appeals')];
    const derived = deriveDatasets({ model: { ...model, indicators, relations: [] }, reconciliation, history: recordingHistory(), urls });
    const dataset = [...derived.datasets].find((d) => d.name === COMPARISON)!;
    expect(dataset.temporal).toEqual({ start: '2021-01-01', end: '2022-12-31' });
    expect(column(tableOf(dataset, 'documents').rows, 'document_id')).toEqual(['kr-activity-2021', 'zh-report-2022']);
  });

  it('make no shared indicators\' dataset for a portal without shared indicators', () => {
    const names = [...deriveDatasets({ model: { ...model, indicators: [], relations: [] }, reconciliation, history: recordingHistory(), urls }).datasets].map((d) => d.name);
    expect(names).toEqual(['kr-activity', 'kr-roads', KR_REGISTER, ZH_REGISTER]);
  });

  it('give each council a register of its datasets, in the fields of the register of datasets, over the period of its datasets', () => {
    const register = byName(KR_REGISTER);
    expect({ ...register, tables: [] }).toEqual({
      name: KR_REGISTER,
      id: '8777fbf2-b1ec-5c6c-9637-e618972bb6af',
      kind: 'register',
      title: 'Реєстр наборів даних: Криворізька міська рада',
      description: 'Перелік наборів даних, які оприлюднює Криворізька міська рада: назва, опис, частота оновлення, підстава збору, формати, відповідальна особа.',
      keywords: ['реєстр наборів даних', 'відкриті дані', 'Криворізька міська рада (громада)'],
      themes: ['GOVE'],
      frequency: 'immediately after making changes',
      purpose: 'Постанова Кабінету Міністрів України від 21.10.2015 № 835: оприлюднення переліку наборів даних розпорядника.',
      publisher: byName('kr-roads').publisher,
      // From the programme's first day to the last day the report's figures count.
      temporal: { start: '2020-01-01', end: '2022-06-30' },
      created: '2019-12-20T10:00:00Z',
      modified: '2024-02-01T00:00:00Z',
      version: '1.0.2',
      sources: [],
      tables: [],
      changes: [{ version: '1.0.2', time: '2024-05-01T00:00:00Z', status: 'unknown', tables: [] }],
    });
    expect(history.asked[4]).toEqual(['kr/publisher.yaml', 'kr/datasets.yaml']);
    const [table] = register.tables;
    expect([table!.name, table!.title, table!.description, table!.schema.primaryKey]).toEqual(['register', 'Реєстр наборів даних', 'Набори даних, які оприлюднює Криворізька міська рада, у полях реєстру наборів даних розпорядника.', ['identifier']]);
    const row = (name: string, frequency: string) => ({
      identifier: `id-${name}`,
      title: `Набір ${name}`,
      description: `Опис ${name}`,
      accrualPeriodicity: frequency,
      keyword: 'дороги; звіти',
      purpose: 'Звітність',
      landingPage: `https://data.example.org/datasets/${name}/`,
      distributionFormat: 'CSV, JSON, XLSX',
      publisherName: 'Криворізька міська рада',
      publisherIdentifier: '12345678',
      contactPointFn: 'Відділ даних',
      contactPointHasEmail: 'data@kr.example.gov.ua',
    });
    expect(table!.rows).toEqual([row('kr-activity', 'Щороку'), row('kr-roads', 'Щокварталу')]);
  });

  it('give a council without datasets an empty register without a period', () => {
    const register = byName(ZH_REGISTER);
    expect(register.temporal).toBeUndefined();
    expect(register.tables[0]!.rows).toEqual([]);
    expect(register.id).toBe('31c4cbf2-47a7-5885-85af-f1cc0c57ab8b');
    expect(register.publisher?.koatuu).toBe('1810100000');
  });

  it('name in the register\'s fields the titles of every frequency and the limits of the passport', () => {
    const fields = byName(KR_REGISTER).tables[0]!.schema.fields;
    expect(fields.map((f) => [f.name, f.type, f.title, f.constraints])).toEqual([
      ['identifier', 'string', 'Ідентифікатор', { required: true, unique: true }],
      ['title', 'string', 'Назва', { required: true, maxLength: 254 }],
      ['description', 'string', 'Опис', { required: true, maxLength: 4000 }],
      [
        'accrualPeriodicity',
        'string',
        'Частота оновлення',
        {
          required: true,
          enum: ['Більш як один раз на день', 'Щодня', 'Щотижня', 'Щомісяця', 'Щокварталу', 'Кожного півріччя', 'Щороку', 'Відразу після внесення змін', 'Більше не оновлюється'],
        },
      ],
      ['keyword', 'string', 'Ключові слова', { required: true }],
      ['purpose', 'string', 'Підстава та призначення збору', { required: true, maxLength: 512 }],
      ['landingPage', 'string', 'Сторінка набору', { required: true }],
      ['distributionFormat', 'string', 'Формати', { required: true }],
      ['publisherName', 'string', 'Розпорядник', { required: true }],
      ['publisherIdentifier', 'string', 'Код ЄДРПОУ', { required: true, pattern: '\\d{8}' }],
      ['contactPointFn', 'string', 'Відповідальна особа', { required: true }],
      ['contactPointHasEmail', 'string', 'Електронна пошта', { required: true }],
    ]);
    expect(fields.map((f) => f.description)).toEqual([
      'Ідентифікатор набору даних (UUID)',
      'Назва набору даних',
      'Короткий опис набору даних',
      'Частота оновлення набору даних',
      'Ключові слова, через «; »',
      'Підстава та призначення збору інформації',
      'Посилання на сторінку набору даних',
      'Формати розповсюдження',
      'Найменування розпорядника інформації',
      'Ідентифікаційний код розпорядника за ЄДРПОУ',
      'Відповідальна особа розпорядника',
      'Електронна пошта відповідальної особи',
    ]);
  });
});

describe('the conservation of figures', () => {
  it('is known only once every dataset is derived', () => {
    const early = deriveDatasets({ model, reconciliation, history: recordingHistory(), urls });
    expect(() => early.conservation()).toThrow('conservation() is known only after every dataset has been derived');
    const iterator = early.datasets[Symbol.iterator]();
    for (let i = 0; i < 4; i++) iterator.next();
    expect(() => early.conservation()).toThrow('conservation() is known only after every dataset has been derived');
  });

  it('names each figure published in no dataset, by its place and printed form', () => {
    expect(derivation.conservation()).toEqual(['f.yaml:3 p ("300") is published in no dataset']);
  });

  it('names each figure published in more than one, and the datasets; a place without a line as «?»', () => {
    const twice = entry('kr-activity-copy', { documents: ['kr-activity-2021'] });
    const figures = model.figures.map((f) => (f === appeals.figure ? { ...f, origin: { file: 'g.yaml', line: undefined, path: 'q' } } : f));
    const observations = [roads, { ...appeals, figure: figures[5]! }, written];
    const copied = deriveDatasets({ model: { ...model, catalog: [...catalog, twice], figures, observations }, reconciliation, history: recordingHistory(), urls });
    [...copied.datasets];
    expect(copied.conservation()).toEqual([
      'f.yaml:3 p ("12") is published in kr-activity, kr-activity-copy',
      'g.yaml:? q ("1200") is published in kr-activity, kr-activity-copy',
      'f.yaml:3 p ("300") is published in no dataset',
    ]);
  });
});

describe('the model indexed for look-ups', () => {
  it('groups executions, comparisons, notes, figures and totals by what pages look them up by', () => {
    const index = indexModel(model, reconciliation);
    expect([...index.programmes.keys()]).toEqual(['kr-roads']);
    expect([...index.documents.keys()]).toEqual(['kr-activity-2021', 'zh-report-2022', 'kr-decision', 'kr-report-2020']);
    expect(index.resultsByProgramme.get('kr-roads')).toEqual([roads]);
    expect(index.executionsByProgramme.get('kr-roads')).toEqual([execution]);
    expect(index.comparisonsByProgramme.get('kr-roads')).toEqual([comparison]);
    expect(index.notesByProgramme.get('kr-roads')!.map((n) => n.id)).toEqual(['n-programme', 'n-result']);
    expect(index.notesByProgramme.get(undefined)!.map((n) => n.id)).toEqual(['n-activity']);
    expect(index.notesByDocument.get('kr-activity-2021')!.map((n) => n.id)).toEqual(['n-activity', 'n-result']);
    expect(index.observationsByDocument.get('kr-activity-2021')).toEqual([roads, appeals]);
    expect(index.totalsByDocument.get('kr-activity-2021')!.map((t) => t.id)).toEqual(['sum']);
  });
});

describe('the portal-wide package', () => {
  let portal: StreamedDataset;
  beforeEach(() => {
    portal = derivation.portal;
  });
  /** Each council's part of a parted table: the council's id and that table's rows in its part. */
  const partsOf = (package_: StreamedDataset, name: string) => {
    const at = package_.parts!.tables.findIndex((t) => t.name === name);
    expect(at, name).toBeGreaterThanOrEqual(0);
    return [...package_.parts!.parts()].map((part) => [part.id, part.derive().rows[at]!] as const);
  };
  /** The chunks of a table kept whole: in each, that table's rows. */
  const chunksOf = (package_: StreamedDataset, name: string) => {
    const group = package_.groups.find((g) => g.tables.some((t) => t.name === name))!;
    const at = group.tables.findIndex((t) => t.name === name);
    return [...group.chunks()].map((chunk) => chunk[at]!);
  };

  it('describes the whole portal over the period of all its documents, its times from all their files and the portal\'s', () => {
    expect({ ...portal.dataset, tables: [] }).toEqual({
      name: 'usi-dani-portalu',
      id: '71e2c4c8-474c-5fe7-87da-e8e25c6ee5d7',
      kind: 'portal',
      title: 'Усі дані порталу',
      description: 'Звіти двох рад. Усі таблиці всіх наборів даних порталу в одному пакеті.',
      keywords: ['відкриті дані', 'міські ради', 'програми', 'звіти', 'показники'],
      themes: ['GOVE'],
      frequency: 'immediately after making changes',
      purpose: 'Зведене оприлюднення всіх наборів даних порталу для повторного використання.',
      publisher: undefined,
      temporal: { start: '2020-01-01', end: '2022-12-31' },
      created: '2019-12-20T10:00:00Z',
      modified: '2024-09-01T00:00:00Z',
      version: '1.0.9',
      sources: byName('kr-roads').sources.slice(0, 2).concat(byName('kr-roads').sources[2]!, { id: 'zh-report-2022', title: 'Документ zh-report-2022', kind: 'activity_report', number: undefined, date: undefined, path: 'https://data.example.org/reports/zh-report-2022/', url: undefined }),
      tables: [],
      changes: [{ version: '1.0.9', time: '2024-05-01T00:00:00Z', status: 'unknown', tables: [] }],
      parts: [{ id: 'kr', title: 'Криворізька міська рада' }, { id: 'zh', title: 'Житомирська міська рада' }],
    });
    expect(history.asked[0]).toEqual([
      'kr-activity-2021/document.yaml',
      'kr-activity-2021/data.yaml',
      'zh-report-2022/document.yaml',
      'zh-report-2022/data.yaml',
      'kr-decision/document.yaml',
      'kr-decision/data.yaml',
      'kr-report-2020/document.yaml',
      'kr-report-2020/data.yaml',
      'portal.yaml',
    ]);
  });

  it('says only what it is when the portal has no description, and has no period without documents', () => {
    const bare = deriveDatasets({ model: { ...model, portal: undefined }, reconciliation, history: recordingHistory(), urls }).portal.dataset;
    expect(bare.description).toBe('Усі таблиці всіх наборів даних порталу в одному пакеті.');
    const empty = deriveDatasets({ model: { ...model, documents: [] }, reconciliation, history: recordingHistory(), urls }).portal.dataset;
    expect(empty.temporal).toBeUndefined();
    expect(empty.sources).toEqual([]);
  });

  it('carries every table of every kind of dataset, without rows: the rows come in parts, or whole', () => {
    expect(portal.dataset.tables.map((t) => t.name)).toEqual([
      'programmes',
      'amendments',
      'funding',
      'directions',
      'measures',
      'planned',
      'planned-measures',
      'planned-totals',
      'execution',
      'execution-totals',
      'results',
      'result-measures',
      'observations',
      'stated-totals',
      'documents',
      'quality-notes',
      'publishers',
      'datasets',
      'indicators',
      'comparison',
      'relations',
    ]);
    expect(portal.dataset.tables.every((t) => t.rows.length === 0)).toBe(true);
    // A row of the shared indicators' tables holds several councils: those stay whole.
    expect(portal.parts!.tables.map((t) => t.name)).toEqual(portal.dataset.tables.slice(0, 18).map((t) => t.name));
    expect(portal.groups.flatMap((g) => g.tables).map((t) => t.name)).toEqual(['indicators', 'comparison', 'relations']);
    expect([...portal.parts!.tables, ...portal.groups.flatMap((g) => g.tables)]).toEqual(portal.dataset.tables);
    expect(portal.dataset.parts).toEqual([{ id: 'kr', title: 'Криворізька міська рада' }, { id: 'zh', title: 'Житомирська міська рада' }]);
  });

  it('has no results tables without results, nor shared indicators\' tables without indicators', () => {
    const plain = deriveDatasets({ model: { ...model, observations: [appeals, written], indicators: [], relations: [] }, reconciliation, history: recordingHistory(), urls }).portal;
    const names = plain.dataset.tables.map((t) => t.name);
    expect(names).not.toContain('results');
    expect(names).not.toContain('result-measures');
    expect(names.slice(-3)).toEqual(['quality-notes', 'publishers', 'datasets']);
  });

  it('lists the councils and every council\'s datasets once', () => {
    expect(partsOf(portal, 'publishers')).toEqual([
      ['kr', [{ publisher_id: 'kr', name_uk: 'Криворізька міська рада', name_en: 'kr council', edrpou: '12345678', katottg: 'UA12345678901234567', koatuu: null, website: 'https://kr.example.gov.ua', contact_name: 'Відділ даних', contact_email: 'data@kr.example.gov.ua' }]],
      ['zh', [{ publisher_id: 'zh', name_uk: 'Житомирська міська рада', name_en: 'zh council', edrpou: '87654321', katottg: 'UA12345678901234567', koatuu: '1810100000', website: 'https://zh.example.gov.ua', contact_name: 'Приймальня', contact_email: 'info@zh.example.gov.ua' }]],
    ]);
    // Житомир's catalogue names no dataset: its part of the table is empty.
    expect(partsOf(portal, 'datasets')).toEqual([['kr', byName(KR_REGISTER).tables[0]!.rows], ['zh', []]]);
    const datasetsTable = portal.dataset.tables.find((t) => t.name === 'datasets')!;
    expect([datasetsTable.title, datasetsTable.description, datasetsTable.schema]).toEqual(['Набори даних порталу', 'Усі набори даних порталу в полях реєстру наборів даних.', byName(KR_REGISTER).tables[0]!.schema]);
    const publishersTable = portal.dataset.tables.find((t) => t.name === 'publishers')!;
    expect([publishersTable.title, publishersTable.description, publishersTable.schema.primaryKey]).toEqual(['Розпорядники', 'Міські ради, дані яких опубліковано: назви, коди ЄДРПОУ і КАТОТТГ, сайт, контакт.', ['publisher_id']]);
    expect(publishersTable.schema.fields.map((f) => [f.name, f.type, f.title, f.description, f.constraints])).toEqual([
      ['publisher_id', 'string', 'Розпорядник', 'Ідентифікатор', { required: true }],
      ['name_uk', 'string', 'Назва', 'Назва українською', { required: true }],
      ['name_en', 'string', 'Назва англійською', 'Назва англійською', { required: true }],
      ['edrpou', 'string', 'Код ЄДРПОУ', 'Ідентифікаційний код за ЄДРПОУ', { required: true, pattern: '\\d{8}' }],
      ['katottg', 'string', 'Код КАТОТТГ', 'Код громади за Кодифікатором адміністративно-територіальних одиниць', { required: true, pattern: 'UA\\d{17}' }],
      ['koatuu', 'string', 'Код КОАТУУ', 'Код за застарілим КОАТУУ', { pattern: '\\d{10}' }],
      ['website', 'string', 'Сайт', 'Офіційний сайт', { required: true }],
      ['contact_name', 'string', 'Контакт', 'Відповідальна особа або підрозділ', { required: true }],
      ['contact_email', 'string', 'Електронна пошта', 'Електронна пошта', { required: true }],
    ]);
  });

  it('gives each council a part of its own rows of every parted table, councils and rows in their order', () => {
    const lights: Programme = { ...programme, id: 'kr-lights', title: 'Програма освітлення' };
    const roadsAgain = { ...comparison, programme: 'kr-lights' };
    const three = deriveDatasets({
      model: { ...model, programmes: [programme, lights, { ...lights, id: 'kr-parks' }] },
      reconciliation: { ...reconciliation, comparisons: [comparison, roadsAgain] },
      history: recordingHistory(),
      urls,
    }).portal;
    const ids = (parts: (readonly [string, Row[]])[], name: string) => parts.map(([id, rows]) => [id, column(rows, name)]);
    expect(ids(partsOf(three, 'programmes'), 'programme_id')).toEqual([['kr', ['kr-roads', 'kr-lights', 'kr-parks']], ['zh', []]]);
    // The decision's number, from the portal's documents.
    expect(ids(partsOf(three, 'programmes'), 'decision_number')).toEqual([['kr', ['7/12', '7/12', '7/12']], ['zh', []]]);
    expect(ids(partsOf(three, 'execution'), 'programme_id')).toEqual([['kr', ['kr-roads', 'kr-lights']], ['zh', []]]);
    expect(ids(partsOf(three, 'observations'), 'observation_id')).toEqual([['kr', ['kr-activity-2021/roads', 'kr-activity-2021/appeals']], ['zh', ['zh-report-2022/written']]]);
    expect(ids(partsOf(three, 'documents'), 'document_id')).toEqual([['kr', ['kr-activity-2021', 'kr-decision', 'kr-report-2020']], ['zh', ['zh-report-2022']]]);
    // A note belongs to its programme's council, or else to its document's.
    expect(ids(partsOf(three, 'quality-notes'), 'note_id')).toEqual([['kr', ['n-programme', 'n-activity', 'n-result']], ['zh', []]]);
    expect(ids(partsOf(three, 'stated-totals'), 'total_id')).toEqual([['kr', ['kr-activity-2021/sum']], ['zh', []]]);
    expect(ids(partsOf(three, 'results'), 'observation_id')).toEqual([['kr', ['kr-activity-2021/roads']], ['zh', []]]);
    // The tables kept whole come in one chunk each.
    expect(chunksOf(three, 'indicators').map((rows) => column(rows, 'indicator_code'))).toEqual([['appeals']]);
    expect(chunksOf(three, 'relations').map((rows) => column(rows, 'item_id'))).toEqual([['zh-report-2022/written']]);
  });

  it('gives a portal without programmes or figures parts with no rows in those tables', () => {
    const none = deriveDatasets({ model: { ...model, programmes: [], observations: [], statedTotals: [], indicators: [], relations: [] }, reconciliation: { ...reconciliation, comparisons: [] }, history: recordingHistory(), urls }).portal;
    expect(partsOf(none, 'programmes')).toEqual([['kr', []], ['zh', []]]);
    expect(partsOf(none, 'observations')).toEqual([['kr', []], ['zh', []]]);
    expect(none.groups).toEqual([]);
  });
});
