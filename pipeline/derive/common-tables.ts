/** Indicator observations, stated totals, source documents and quality notes as tables. */
import type { Model, Observation, SourceDocument } from '../model/types.ts';
import { toPlain } from '../numbers/decimal.ts';
import type { QualityNote, Reconciliation } from '../reconcile/reconcile.ts';
import type { Field, Row } from '../publish/types.ts';
import { type Derived, f, field, schema, text } from './fields.ts';

const KIND_TITLES: Record<SourceDocument['kind'], string> = {
  decision: 'рішення',
  programme: 'програма',
  execution_report: 'звіт про виконання програми',
  activity_report: 'звіт про діяльність',
  presentation: 'публічне представлення',
};

export const QUALIFIER_TITLES = { exact: 'точно', approx: 'близько', more_than: 'понад', less_than: 'менше' } as const;

/** The groups of a budget programme passport's indicators, as the passport names them. */
export const BUDGET_GROUP_TITLES = { cost: 'затрат', product: 'продукту', efficiency: 'ефективності', quality: 'якості' } as const;

/** A figure's budget group, its title and programme code, as published beside it. */
export const budgetFields = (): Field[] => [
  field('budget_group', 'string', 'Група показника', 'Код групи показника паспорта бюджетної програми, як її подає документ: затрат, продукту, ефективності або якості (назва групи — у наступному полі)', { enum: Object.keys(BUDGET_GROUP_TITLES) }),
  field('budget_group_title', 'string', 'Група показника (укр.)', 'Група показника українською'),
  field('budget_code', 'string', 'КПКВКМБ', 'Код програмної класифікації видатків та кредитування місцевого бюджету, як його надруковано', { pattern: '\\d{7}' }),
];

export function budgetCells(o: Observation): Row {
  return { budget_group: text(o.budgetGroup), budget_group_title: o.budgetGroup ? BUDGET_GROUP_TITLES[o.budgetGroup] : null, budget_code: text(o.budgetCode) };
}

export function documentsTable(documents: SourceDocument[], pageUrl: (id: string) => string): Derived {
  return {
    owns: [],
    table: {
      name: 'documents',
      title: 'Документи-джерела',
      description: 'Документи, з яких узято числа: рішення, звіти, презентації.',
      schema: schema(
        [
          field('document_id', 'string', 'Документ', 'Ідентифікатор документа', { required: true }),
          field('publisher_id', 'string', 'Розпорядник', 'Ідентифікатор міської ради', { required: true }),
          field('kind', 'string', 'Вид', 'Вид документа: рішення, програма, звіт про виконання програми, звіт про діяльність або публічне представлення', { required: true, enum: Object.keys(KIND_TITLES) }),
          field('kind_title', 'string', 'Вид (укр.)', 'Вид документа українською'),
          field('title', 'string', 'Назва', 'Назва документа', { required: true }),
          field('number', 'string', 'Номер', 'Номер рішення'),
          field('date', 'date', 'Дата', 'Дата документа'),
          field('period_start', 'date', 'Період: з', 'Початок періоду, який охоплює документ', { required: true }),
          field('period_end', 'date', 'Період: до', 'Кінець періоду', { required: true }),
          field('url', 'string', 'Оригінал', 'Посилання на оригінал документа'),
          field('page', 'string', 'Сторінка на порталі', 'Сторінка документа на порталі'),
        ],
        { primaryKey: ['document_id'] },
      ),
      rows: documents.map((document) => ({
        document_id: document.id,
        publisher_id: document.publisher,
        kind: document.kind,
        kind_title: KIND_TITLES[document.kind],
        title: document.title,
        number: text(document.number),
        date: text(document.date),
        period_start: document.period.start,
        period_end: document.period.end,
        url: text(document.url),
        page: pageUrl(document.id),
      })),
    },
  };
}

/** The dimensions these observations use, in column order. */
export function observationDimensions(observations: Observation[]): string[] {
  const keys = new Set<string>();
  for (const o of observations) for (const key in o.dimensions) keys.add(key);
  return [...keys].sort();
}

/**
 * One column per dimension the observations use, so a spreadsheet can filter by it. A table
 * written in pieces passes the dimensions of all its observations.
 */
export function observationsTable(observations: Observation[], dimensions = observationDimensions(observations)): Derived {
  const dimensionFields: Field[] = dimensions.map((key) =>
    field(`dimension_${key.replace(/-/g, '_')}`, 'string', `Розріз: ${DIMENSION_TITLES[key] ?? key}`, `Значення розрізу «${DIMENSION_TITLES[key] ?? key}»`),
  );
  return {
    owns: observations.map((o) => o.figure.key),
    table: {
      name: 'observations',
      title: 'Показники',
      description: 'Числа зі звітів: що рахують, значення, одиниця, точність (точно, близько, понад, менше), період, розрізи і цитата з документа.',
      schema: schema(
        [
          field('observation_id', 'string', 'Ідентифікатор показника', 'Ідентифікатор: документ/показник', { required: true }),
          f.documentId(),
          f.section(),
          field('topic', 'string', 'Тема', 'Тема групи показників'),
          field('indicator', 'string', 'Що рахують', 'Назва показника', { required: true }),
          field('code', 'string', 'Код показника', 'Код показника в документі (спільні показники різних документів — у полі «Спільний показник»)'),
          field('shared_indicator', 'string', 'Спільний показник', 'Код спільного показника, якщо словник спільних показників каже, що число рахує саме його (його значення в усіх радах — на сторінці показника на порталі)'),
          field('value', 'number', 'Значення', 'Значення: у гривнях для грошей, інакше число', { minimum: 0 }),
          field('value_printed', 'string', 'Значення (як надруковано)', 'Число так, як його надруковано', { required: true }),
          field('unit', 'string', 'Одиниця', 'Одиниця так, як її подано: грн, тис. грн, %, осіб, звернень…', { required: true }),
          field('unit_kind', 'string', 'Вид одиниці', 'Вид одиниці: гроші в гривнях, відсоток або кількість', { required: true, enum: ['UAH', 'percent', 'count'] }),
          field('qualifier', 'string', 'Точність', 'Як сказано в документі: точно, близько, понад або менше', { required: true, enum: ['exact', 'approx', 'more_than', 'less_than'] }),
          field('period_start', 'date', 'Період: з', 'Початок періоду показника', { required: true }),
          field('period_end', 'date', 'Період: до', 'Кінець періоду (дорівнює початку для «станом на»)', { required: true }),
          ...dimensionFields,
          ...budgetFields(),
          f.quote(),
          f.note(),
        ],
        {
          primaryKey: ['observation_id'],
          foreignKeys: [{ fields: ['document_id'], reference: { resource: 'documents', fields: ['document_id'] } }],
        },
      ),
      rows: observations.map((o): Row => ({
        observation_id: `${o.document}/${o.id}`,
        document_id: o.document,
        section: o.figure.section,
        topic: text(o.topic),
        indicator: o.indicator,
        code: text(o.code),
        shared_indicator: text(o.shared),
        value: o.figure.value ? toPlain(o.figure.value) : null,
        value_printed: o.figure.printed,
        unit: o.figure.unit,
        unit_kind: o.figure.kind,
        qualifier: o.figure.qualifier,
        period_start: o.period.start,
        period_end: o.period.end,
        ...Object.fromEntries(dimensions.map((key) => [`dimension_${key.replace(/-/g, '_')}`, text(o.dimensions[key])])),
        ...budgetCells(o),
        quote: text(o.figure.quoteIsFigure ? null : o.figure.quote),
        note: text(o.figure.note),
      })),
    },
  };
}

/** Ukrainian names of the dimensions figures are broken down by (the site shows them too). */
export const DIMENSION_TITLES: Record<string, string> = {
  district: 'район',
  category: 'категорія',
  topic: 'тема',
  channel: 'канал',
  'year-compared': 'рік порівняння',
  year_compared: 'рік порівняння',
  result: 'результат',
  queue: 'черга',
  item: 'стаття',
  group: 'група',
  award: 'відзнака',
  recipients: 'хто нагороджений',
  owner: 'власник',
  status: 'стан',
  service: 'послуга',
  route: 'шлях',
  kind: 'вид',
};

export function statedTotalsTable(totals: Model['statedTotals'], reconciliation: Reconciliation): Derived {
  const notes = new Set(reconciliation.notes.filter((note) => note.code === 'Q_STATED_TOTAL').map((note) => note.id));
  return {
    owns: [],
    table: {
      name: 'stated-totals',
      title: 'Заявлені підсумки',
      description: 'Де документ стверджує, що частини складають підсумок, і чи сходиться сума частин із ним; розбіжності описано в таблиці «Зауваження щодо якості даних».',
      schema: schema(
        [
          field('total_id', 'string', 'Підсумок', 'Ідентифікатор: документ/підсумок', { required: true }),
          f.documentId(),
          field('label', 'string', 'Що підсумовано', 'Опис підсумку', { required: true }),
          field('total_observation_id', 'string', 'Показник-підсумок', 'Показник, що подає підсумок', { required: true }),
          field('part_observation_ids', 'string', 'Складові', 'Показники-складові, через «; »', { required: true }),
          field('agrees', 'boolean', 'Сходиться', 'Так, якщо сума складових дорівнює підсумку; ні, якщо не дорівнює', { required: true }),
          f.note(),
        ],
        {
          primaryKey: ['total_id'],
          foreignKeys: [
            { fields: ['total_observation_id'], reference: { resource: 'observations', fields: ['observation_id'] } },
            { fields: ['document_id'], reference: { resource: 'documents', fields: ['document_id'] } },
          ],
        },
      ),
      rows: totals.map((total) => ({
        total_id: `${total.document}/${total.id}`,
        document_id: total.document,
        label: total.label,
        total_observation_id: `${total.document}/${total.total}`,
        part_observation_ids: total.parts.map((part) => `${total.document}/${part}`).join('; '),
        agrees: notes.has(`${total.document}/total-${total.id}`) ? 'false' : 'true',
        note: text(total.note),
      })),
    },
  };
}

export function qualityNotesTable(notes: QualityNote[]): Derived {
  return {
    owns: [],
    table: {
      name: 'quality-notes',
      title: 'Зауваження щодо якості даних',
      description: 'Підсумки, які не сходяться з сумою складових у самому документі. Числа опубліковано так, як надруковано; тут — що порівняно, обидва числа і різниця.',
      schema: schema(
        [
          field('note_id', 'string', 'Ідентифікатор зауваження', 'Ідентифікатор зауваження', { required: true }),
          field('code', 'string', 'Код', 'Вид перевірки (див. опис кодів)', { required: true }),
          f.documentId(),
          field('programme_id', 'string', 'Програма', 'Програма, якщо зауваження стосується програми'),
          field('subject', 'string', 'Що порівняно', 'Що з чим порівняно', { required: true }),
          field('stated_printed', 'string', 'У документі (як надруковано)', 'Підсумок так, як його надруковано', { required: true }),
          field('stated_value', 'number', 'У документі', 'Підсумок, що його подає документ', { required: true }),
          field('computed_value', 'number', 'Сума складових', 'Сума складових, обчислена точно', { required: true }),
          field('difference', 'number', 'Різниця', 'Підсумок мінус сума складових', { required: true }),
          field('unit_kind', 'string', 'Вид одиниці', 'Вид одиниці: гроші в гривнях, відсоток або кількість', { required: true, enum: ['UAH', 'percent', 'count'] }),
          field('message', 'string', 'Зауваження', 'Зауваження українською', { required: true }),
        ],
        { primaryKey: ['note_id'] },
      ),
      rows: notes.map((note) => ({
        note_id: note.id,
        code: note.code,
        document_id: note.document,
        programme_id: text(note.programme),
        subject: note.subject,
        stated_printed: note.stated.printed,
        stated_value: toPlain(note.stated.value!),
        computed_value: toPlain(note.computed),
        difference: toPlain(note.difference),
        unit_kind: note.stated.kind,
        message: note.message,
      })),
    },
  };
}
