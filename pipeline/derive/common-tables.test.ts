/**
 * The shared tables of every dataset, made from hand-built model pieces: each row as a
 * journalist reads it in the CSV, each column as a Table Schema reader is told about it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Figure, Observation, SourceDocument, StatedTotal } from '../model/types.ts';
import { parsePlain } from '../numbers/decimal.ts';
import type { QualityNote, Reconciliation } from '../reconcile/reconcile.ts';
import { documentsTable, observationDimensions, observationsTable, qualityNotesTable, statedTotalsTable } from './common-tables.ts';
import { sourceDocument } from '../fixtures/model.ts';

function figure(printed: string, value: string | null, extra: Partial<Figure> = {}): Figure {
  return {
    key: `doc/${printed}`,
    document: 'kr-report-2023',
    printed,
    value: value === null ? null : parsePlain(value),
    kind: 'count',
    unit: 'звернень',
    qualifier: 'exact',
    section: 'Розділ 2',
    quote: `надійшло ${printed} звернень`,
    quoteIsFigure: false,
    note: undefined,
    origin: { file: 'kr/report/observations.yaml', line: 3, path: 'observations[0]' },
    ...extra,
  };
}

const period = { start: '2023-01-01', end: '2023-12-31', label: '2023' };

function document(extra: Partial<SourceDocument>): SourceDocument {
  return sourceDocument({ id: 'kr-report-2023', publisher: 'kr', kind: 'activity_report', title: 'Звіт міського голови за 2023 рік', period, folder: 'kr/report-2023', files: [], ...extra });
}

const columns = (derived: { table: { schema: { fields: { name: string; title: string }[] } } }) => derived.table.schema.fields.map((f) => `${f.name}: ${f.title}`);

describe('documents', () => {
  const decision = document({ id: 'kr-decision-7', kind: 'decision', title: 'Про програму', number: '7', date: '2019-12-20', url: 'https://kr.example.gov.ua/7.pdf' });
  const report = document({ number: '', url: undefined });
  // Made in each test, so that a mutation run knows which tests reach which code.
  let derived: ReturnType<typeof documentsTable>;
  beforeEach(() => {
    derived = documentsTable([decision, report], (id) => `https://portal.test/reports/${id}/`);
  });

  it('writes one row per document, the kind in Ukrainian, empty cells for what the source leaves out', () => {
    expect(derived.owns).toEqual([]);
    expect(derived.table.rows).toEqual([
      {
        document_id: 'kr-decision-7',
        publisher_id: 'kr',
        kind: 'decision',
        kind_title: 'рішення',
        title: 'Про програму',
        number: '7',
        date: '2019-12-20',
        period_start: '2023-01-01',
        period_end: '2023-12-31',
        url: 'https://kr.example.gov.ua/7.pdf',
        page: 'https://portal.test/reports/kr-decision-7/',
      },
      {
        document_id: 'kr-report-2023',
        publisher_id: 'kr',
        kind: 'activity_report',
        kind_title: 'звіт про діяльність',
        title: 'Звіт міського голови за 2023 рік',
        number: null,
        date: null,
        period_start: '2023-01-01',
        period_end: '2023-12-31',
        url: null,
        page: 'https://portal.test/reports/kr-report-2023/',
      },
    ]);
  });

  it('names every kind in Ukrainian', () => {
    const kinds = (['decision', 'programme', 'execution_report', 'activity_report', 'presentation'] as const).map((kind) => document({ kind }));
    expect(documentsTable(kinds, () => '').table.rows.map((row) => row['kind_title'])).toEqual(['рішення', 'програма', 'звіт про виконання програми', 'звіт про діяльність', 'публічне представлення']);
  });

  it('describes its columns in Ukrainian, with the key and the allowed kinds', () => {
    const { table } = derived;
    expect([table.name, table.title, table.description]).toEqual(['documents', 'Документи-джерела', 'Документи, з яких узято числа: рішення, звіти, презентації.']);
    expect(table.schema.fields).toEqual([
      { name: 'document_id', type: 'string', title: 'Документ', description: 'Ідентифікатор документа', constraints: { required: true } },
      { name: 'publisher_id', type: 'string', title: 'Розпорядник', description: 'Ідентифікатор міської ради', constraints: { required: true } },
      {
        name: 'kind',
        type: 'string',
        title: 'Вид',
        description: 'Вид документа: рішення, програма, звіт про виконання програми, звіт про діяльність або публічне представлення',
        constraints: { required: true, enum: ['decision', 'programme', 'execution_report', 'activity_report', 'presentation'] },
      },
      { name: 'kind_title', type: 'string', title: 'Вид (укр.)', description: 'Вид документа українською' },
      { name: 'title', type: 'string', title: 'Назва', description: 'Назва документа', constraints: { required: true } },
      { name: 'number', type: 'string', title: 'Номер', description: 'Номер рішення' },
      { name: 'date', type: 'date', title: 'Дата', description: 'Дата документа' },
      { name: 'period_start', type: 'date', title: 'Період: з', description: 'Початок періоду, який охоплює документ', constraints: { required: true } },
      { name: 'period_end', type: 'date', title: 'Період: до', description: 'Кінець періоду', constraints: { required: true } },
      { name: 'url', type: 'string', title: 'Оригінал', description: 'Посилання на оригінал документа' },
      { name: 'page', type: 'string', title: 'Сторінка на порталі', description: 'Сторінка документа на порталі' },
    ]);
    expect(table.schema.primaryKey).toEqual(['document_id']);
    expect(table.schema.missingValues).toEqual(['']);
  });
});

describe('observations', () => {
  const appeals: Observation = {
    id: 'appeals',
    document: 'kr-report-2023',
    publisher: 'kr',
    indicator: 'Звернення громадян',
    code: 'appeals',
    topic: 'Звернення',
    figure: figure('близько 1,2 тис.', '1200', { qualifier: 'approx', note: 'Округлено в документі' }),
    period,
    dimensions: { district: 'Центральний', 'year-compared': '2022' },
    result: undefined, budgetGroup: undefined, budgetCode: undefined, shared: undefined, place: () => ({ file: 'test.yaml', line: 1, path: '' }),
  };
  const money: Observation = {
    id: 'spent',
    document: 'kr-report-2023',
    publisher: 'kr',
    indicator: 'Витрачено',
    code: undefined,
    topic: undefined,
    figure: figure('14,5', '14500', { key: 'doc/spent', kind: 'UAH', unit: 'тис. грн', quote: '14,5', quoteIsFigure: true }),
    period: { start: '2023-07-01', end: '2023-07-01', label: '2023-07-01' },
    dimensions: { category: 'ремонт' },
    result: undefined, budgetGroup: undefined, budgetCode: undefined, shared: undefined, place: () => ({ file: 'test.yaml', line: 1, path: '' }),
  };
  const empty: Observation = { ...money, id: 'none', figure: figure('-', null, { key: 'doc/none' }), dimensions: {} };

  it('lists the dimensions the observations use, sorted', () => {
    expect(observationDimensions([appeals, money, empty])).toEqual(['category', 'district', 'year-compared']);
    expect(observationDimensions([])).toEqual([]);
  });

  it('writes exact values, the printed form, the qualifier, one column per dimension, and the quote only when it is more than the figure', () => {
    const derived = observationsTable([appeals, money, empty]);
    expect(derived.owns).toEqual(['doc/близько 1,2 тис.', 'doc/spent', 'doc/none']);
    expect(derived.table.rows).toEqual([
      {
        observation_id: 'kr-report-2023/appeals',
        document_id: 'kr-report-2023',
        section: 'Розділ 2',
        topic: 'Звернення',
        indicator: 'Звернення громадян',
        code: 'appeals',
        shared_indicator: null,
        value: '1200',
        value_printed: 'близько 1,2 тис.',
        unit: 'звернень',
        unit_kind: 'count',
        qualifier: 'approx',
        period_start: '2023-01-01',
        period_end: '2023-12-31',
        dimension_category: null,
        dimension_district: 'Центральний',
        dimension_year_compared: '2022',
        budget_group: null,
        budget_group_title: null,
        budget_code: null,
        quote: 'надійшло близько 1,2 тис. звернень',
        note: 'Округлено в документі',
      },
      {
        observation_id: 'kr-report-2023/spent',
        document_id: 'kr-report-2023',
        section: 'Розділ 2',
        topic: null,
        indicator: 'Витрачено',
        code: null,
        shared_indicator: null,
        value: '14500',
        value_printed: '14,5',
        unit: 'тис. грн',
        unit_kind: 'UAH',
        qualifier: 'exact',
        period_start: '2023-07-01',
        period_end: '2023-07-01',
        dimension_category: 'ремонт',
        dimension_district: null,
        dimension_year_compared: null,
        budget_group: null,
        budget_group_title: null,
        budget_code: null,
        quote: null,
        note: null,
      },
      {
        observation_id: 'kr-report-2023/none',
        document_id: 'kr-report-2023',
        section: 'Розділ 2',
        topic: null,
        indicator: 'Витрачено',
        code: null,
        shared_indicator: null,
        value: null,
        value_printed: '-',
        unit: 'звернень',
        unit_kind: 'count',
        qualifier: 'exact',
        period_start: '2023-07-01',
        period_end: '2023-07-01',
        dimension_category: null,
        dimension_district: null,
        dimension_year_compared: null,
        budget_group: null,
        budget_group_title: null,
        budget_code: null,
        quote: 'надійшло - звернень',
        note: null,
      },
    ]);
  });

  it('titles a dimension column in Ukrainian, or by its own name when it has no title, and takes the dimensions of a whole table when given', () => {
    const derived = observationsTable([money], ['category', 'shelter-kind']);
    expect(columns(derived).slice(14, 16)).toEqual(['dimension_category: Розріз: категорія', 'dimension_shelter_kind: Розріз: shelter-kind']);
    expect(derived.table.schema.fields[14]!.description).toBe('Значення розрізу «категорія»');
    expect(derived.table.schema.fields[15]!.description).toBe('Значення розрізу «shelter-kind»');
    // Text, never a number: a district or a year compared is a label.
    expect(derived.table.schema.fields.slice(14, 16).map((f) => [f.type, f.constraints])).toEqual([['string', undefined], ['string', undefined]]);
    expect(derived.table.rows[0]!['dimension_shelter_kind']).toBeNull();
  });

  it('titles every known dimension in Ukrainian', () => {
    const keys = ['district', 'category', 'topic', 'channel', 'year-compared', 'year_compared', 'result', 'queue', 'item', 'group', 'award', 'recipients', 'owner', 'status', 'service', 'route', 'kind'];
    expect(observationsTable([], keys).table.schema.fields.slice(14, -5).map((f) => f.title.replace('Розріз: ', ''))).toEqual([
      'район', 'категорія', 'тема', 'канал', 'рік порівняння', 'рік порівняння', 'результат', 'черга', 'стаття', 'група', 'відзнака', 'хто нагороджений', 'власник', 'стан', 'послуга', 'шлях', 'вид',
    ]);
  });

  it('describes its columns, the key and the reference to the documents', () => {
    const { table } = observationsTable([]);
    expect([table.name, table.title, table.description]).toEqual([
      'observations',
      'Показники',
      'Числа зі звітів: що рахують, значення, одиниця, точність (точно, близько, понад, менше), період, розрізи і цитата з документа.',
    ]);
    expect(table.schema.fields).toEqual([
      { name: 'observation_id', type: 'string', title: 'Ідентифікатор показника', description: 'Ідентифікатор: документ/показник', constraints: { required: true } },
      { name: 'document_id', type: 'string', title: 'Документ', description: 'Ідентифікатор документа-джерела (див. таблицю «Документи-джерела»)', constraints: { required: true } },
      { name: 'section', type: 'string', title: 'Розділ', description: 'Розділ, додаток або слайд документа, з якого взято число' },
      { name: 'topic', type: 'string', title: 'Тема', description: 'Тема групи показників' },
      { name: 'indicator', type: 'string', title: 'Що рахують', description: 'Назва показника', constraints: { required: true } },
      { name: 'code', type: 'string', title: 'Код показника', description: 'Код показника в документі (спільні показники різних документів — у полі «Спільний показник»)' },
      { name: 'shared_indicator', type: 'string', title: 'Спільний показник', description: 'Код спільного показника, якщо словник спільних показників каже, що число рахує саме його (його значення в усіх радах — на сторінці показника на порталі)' },
      { name: 'value', type: 'number', title: 'Значення', description: 'Значення: у гривнях для грошей, інакше число', constraints: { minimum: 0 } },
      { name: 'value_printed', type: 'string', title: 'Значення (як надруковано)', description: 'Число так, як його надруковано', constraints: { required: true } },
      { name: 'unit', type: 'string', title: 'Одиниця', description: 'Одиниця так, як її подано: грн, тис. грн, %, осіб, звернень…', constraints: { required: true } },
      { name: 'unit_kind', type: 'string', title: 'Вид одиниці', description: 'Вид одиниці: гроші в гривнях, відсоток або кількість', constraints: { required: true, enum: ['UAH', 'percent', 'count'] } },
      { name: 'qualifier', type: 'string', title: 'Точність', description: 'Як сказано в документі: точно, близько, понад або менше', constraints: { required: true, enum: ['exact', 'approx', 'more_than', 'less_than'] } },
      { name: 'period_start', type: 'date', title: 'Період: з', description: 'Початок періоду показника', constraints: { required: true } },
      { name: 'period_end', type: 'date', title: 'Період: до', description: 'Кінець періоду (дорівнює початку для «станом на»)', constraints: { required: true } },
      { name: 'budget_group', type: 'string', title: 'Група показника', description: 'Код групи показника паспорта бюджетної програми, як її подає документ: затрат, продукту, ефективності або якості (назва групи — у наступному полі)', constraints: { enum: ['cost', 'product', 'efficiency', 'quality'] } },
      { name: 'budget_group_title', type: 'string', title: 'Група показника (укр.)', description: 'Група показника українською' },
      { name: 'budget_code', type: 'string', title: 'КПКВКМБ', description: 'Код програмної класифікації видатків та кредитування місцевого бюджету, як його надруковано', constraints: { pattern: '\\d{7}' } },
      { name: 'quote', type: 'string', title: 'Цитата', description: 'Слова документа, з яких прочитано число, дослівно' },
      { name: 'note', type: 'string', title: 'Примітка', description: 'Примітка упорядника: як прочитано неоднозначне місце' },
    ]);
    expect(table.schema.primaryKey).toEqual(['observation_id']);
    expect(table.schema.foreignKeys).toEqual([{ fields: ['document_id'], reference: { resource: 'documents', fields: ['document_id'] } }]);
  });
});

describe('stated totals', () => {
  const totals: StatedTotal[] = [
    { id: 'appeals', document: 'kr-report-2023', label: 'Звернення за каналами', total: 'appeals-all', parts: ['appeals-post', 'appeals-web'], quote: undefined, note: 'Сума в документі' },
    { id: 'visits', document: 'kr-report-2023', label: 'Прийоми', total: 'visits-all', parts: ['visits-1'], quote: undefined, note: undefined },
  ];
  const note = (id: string, code: QualityNote['code']) => ({ id, code }) as QualityNote;
  const reconciliation = (notes: QualityNote[]): Reconciliation => ({ notes, comparisons: [], checks: { passed: 0, failed: 0 } });

  it('says which totals agree: a total disagrees only with a stated-total note of its own id', () => {
    const derived = statedTotalsTable(totals, reconciliation([note('kr-report-2023/total-appeals', 'Q_STATED_TOTAL'), note('kr-report-2023/total-visits', 'Q_ANNEX_ROW')]));
    expect(derived.owns).toEqual([]);
    expect(derived.table.rows).toEqual([
      {
        total_id: 'kr-report-2023/appeals',
        document_id: 'kr-report-2023',
        label: 'Звернення за каналами',
        total_observation_id: 'kr-report-2023/appeals-all',
        part_observation_ids: 'kr-report-2023/appeals-post; kr-report-2023/appeals-web',
        agrees: 'false',
        note: 'Сума в документі',
      },
      {
        total_id: 'kr-report-2023/visits',
        document_id: 'kr-report-2023',
        label: 'Прийоми',
        total_observation_id: 'kr-report-2023/visits-all',
        part_observation_ids: 'kr-report-2023/visits-1',
        agrees: 'true',
        note: null,
      },
    ]);
  });

  it('describes its columns, the key and both references', () => {
    const { table } = statedTotalsTable([], reconciliation([]));
    expect([table.name, table.title, table.description]).toEqual([
      'stated-totals',
      'Заявлені підсумки',
      'Де документ стверджує, що частини складають підсумок, і чи сходиться сума частин із ним; розбіжності описано в таблиці «Зауваження щодо якості даних».',
    ]);
    expect(table.schema.fields).toEqual([
      { name: 'total_id', type: 'string', title: 'Підсумок', description: 'Ідентифікатор: документ/підсумок', constraints: { required: true } },
      { name: 'document_id', type: 'string', title: 'Документ', description: 'Ідентифікатор документа-джерела (див. таблицю «Документи-джерела»)', constraints: { required: true } },
      { name: 'label', type: 'string', title: 'Що підсумовано', description: 'Опис підсумку', constraints: { required: true } },
      { name: 'total_observation_id', type: 'string', title: 'Показник-підсумок', description: 'Показник, що подає підсумок', constraints: { required: true } },
      { name: 'part_observation_ids', type: 'string', title: 'Складові', description: 'Показники-складові, через «; »', constraints: { required: true } },
      { name: 'agrees', type: 'boolean', title: 'Сходиться', description: 'Так, якщо сума складових дорівнює підсумку; ні, якщо не дорівнює', constraints: { required: true } },
      { name: 'note', type: 'string', title: 'Примітка', description: 'Примітка упорядника: як прочитано неоднозначне місце' },
    ]);
    expect(table.schema.primaryKey).toEqual(['total_id']);
    expect(table.schema.foreignKeys).toEqual([
      { fields: ['total_observation_id'], reference: { resource: 'observations', fields: ['observation_id'] } },
      { fields: ['document_id'], reference: { resource: 'documents', fields: ['document_id'] } },
    ]);
  });
});

describe('quality notes', () => {
  const stated = figure('1 250', '1250', { kind: 'UAH', unit: 'грн' });
  const notes: QualityNote[] = [
    {
      id: 'kr-report-2023/total-appeals',
      code: 'Q_STATED_TOTAL',
      document: 'kr-report-2023',
      programme: undefined,
      subject: 'Звернення за каналами',
      stated,
      parts: [],
      computed: parsePlain('1200.5'),
      difference: parsePlain('49.5'),
      message: 'Звернення за каналами: у джерелі 1 250, сума складових 1 200,5, різниця 49,5 грн.',
    },
    { id: 'n2', code: 'Q_ANNEX_ROW', document: 'kr-programme', programme: 'kr-local', subject: 'Напрям 1', stated: figure('-5', '-5'), parts: [], computed: parsePlain('0'), difference: parsePlain('-5'), message: 'Напрям 1' },
  ];

  it('writes both numbers exactly, the difference, the programme when there is one, and the message', () => {
    const derived = qualityNotesTable(notes);
    expect(derived.owns).toEqual([]);
    expect(derived.table.rows).toEqual([
      {
        note_id: 'kr-report-2023/total-appeals',
        code: 'Q_STATED_TOTAL',
        document_id: 'kr-report-2023',
        programme_id: null,
        subject: 'Звернення за каналами',
        stated_printed: '1 250',
        stated_value: '1250',
        computed_value: '1200.5',
        difference: '49.5',
        unit_kind: 'UAH',
        message: 'Звернення за каналами: у джерелі 1 250, сума складових 1 200,5, різниця 49,5 грн.',
      },
      { note_id: 'n2', code: 'Q_ANNEX_ROW', document_id: 'kr-programme', programme_id: 'kr-local', subject: 'Напрям 1', stated_printed: '-5', stated_value: '-5', computed_value: '0', difference: '-5', unit_kind: 'count', message: 'Напрям 1' },
    ]);
  });

  it('describes its columns and its key', () => {
    const { table } = qualityNotesTable([]);
    expect([table.name, table.title, table.description]).toEqual([
      'quality-notes',
      'Зауваження щодо якості даних',
      'Підсумки, які не сходяться з сумою складових у самому документі. Числа опубліковано так, як надруковано; тут — що порівняно, обидва числа і різниця.',
    ]);
    expect(table.schema.fields).toEqual([
      { name: 'note_id', type: 'string', title: 'Ідентифікатор зауваження', description: 'Ідентифікатор зауваження', constraints: { required: true } },
      { name: 'code', type: 'string', title: 'Код', description: 'Вид перевірки (див. опис кодів)', constraints: { required: true } },
      { name: 'document_id', type: 'string', title: 'Документ', description: 'Ідентифікатор документа-джерела (див. таблицю «Документи-джерела»)', constraints: { required: true } },
      { name: 'programme_id', type: 'string', title: 'Програма', description: 'Програма, якщо зауваження стосується програми' },
      { name: 'subject', type: 'string', title: 'Що порівняно', description: 'Що з чим порівняно', constraints: { required: true } },
      { name: 'stated_printed', type: 'string', title: 'У документі (як надруковано)', description: 'Підсумок так, як його надруковано', constraints: { required: true } },
      { name: 'stated_value', type: 'number', title: 'У документі', description: 'Підсумок, що його подає документ', constraints: { required: true } },
      { name: 'computed_value', type: 'number', title: 'Сума складових', description: 'Сума складових, обчислена точно', constraints: { required: true } },
      { name: 'difference', type: 'number', title: 'Різниця', description: 'Підсумок мінус сума складових', constraints: { required: true } },
      { name: 'unit_kind', type: 'string', title: 'Вид одиниці', description: 'Вид одиниці: гроші в гривнях, відсоток або кількість', constraints: { required: true, enum: ['UAH', 'percent', 'count'] } },
      { name: 'message', type: 'string', title: 'Зауваження', description: 'Зауваження українською', constraints: { required: true } },
    ]);
    expect(table.schema.primaryKey).toEqual(['note_id']);
  });
});
