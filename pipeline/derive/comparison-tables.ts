/**
 * The shared indicators as tables: the vocabulary, every figure of each indicator by council
 * and period (the comparison), and the figures and indicators that are related but not the
 * same, with the difference in words. The figures are owned by their documents' tables.
 */
import type { Model, Observation, Publisher, SharedIndicator } from '../model/types.ts';
import { toPlain } from '../numbers/decimal.ts';
import { unitKind } from '../numbers/parse.ts';
import type { Row } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { BUDGET_GROUP_TITLES } from './common-tables.ts';
import { type Derived, field, ID_PATTERN, schema, text } from './fields.ts';

export interface ComparisonInput {
  indicators: SharedIndicator[];
  relations: Model['relations'];
  observations: Map<string, Observation>;
  publishers: Map<string, Publisher>;
  urls: Urls;
}

const observationKey = (ref: { document: string; observation: string }) => `${ref.document}/${ref.observation}`;

/** An indicator's figures in the order of the comparison: by period, then council, then document. */
export function membersOf(indicator: SharedIndicator, observations: Map<string, Observation>): Observation[] {
  return indicator.members
    .map((member) => observations.get(observationKey(member))!)
    .sort((a, b) => a.period.start.localeCompare(b.period.start) || a.period.end.localeCompare(b.period.end) || a.publisher.localeCompare(b.publisher) || a.document.localeCompare(b.document));
}

const codeField = (required = true) => field('indicator_code', 'string', 'Спільний показник', 'Код спільного показника (див. таблицю спільних показників)', required ? { required: true, pattern: ID_PATTERN } : { pattern: ID_PATTERN });
const valueFields = () => [
  field('value', 'number', 'Значення', 'Значення: у гривнях для грошей, інакше число', { minimum: 0 }),
  field('value_printed', 'string', 'Значення (як надруковано)', 'Число так, як його надруковано'),
  field('unit', 'string', 'Одиниця', 'Одиниця так, як її подано в документі'),
  field('qualifier', 'string', 'Точність', 'Як сказано в документі: точно, близько, понад або менше', { enum: ['exact', 'approx', 'more_than', 'less_than'] }),
  field('period_start', 'date', 'Період: з', 'Початок періоду числа'),
  field('period_end', 'date', 'Період: до', 'Кінець періоду (дорівнює початку для «станом на»)'),
];
const valueCells = (o: Observation): Row => ({
  value: o.figure.value ? toPlain(o.figure.value) : null,
  value_printed: o.figure.printed,
  unit: o.figure.unit,
  qualifier: o.figure.qualifier,
  period_start: o.period.start,
  period_end: o.period.end,
});

export function comparisonTables({ indicators, relations, observations, publishers, urls }: ComparisonInput): Derived[] {
  const indicatorRows: Row[] = [];
  const comparisonRows: Row[] = [];
  for (const indicator of indicators) {
    const members = membersOf(indicator, observations);
    indicatorRows.push({
      indicator_code: indicator.code,
      name_uk: indicator.name.uk,
      name_en: indicator.name.en,
      definition_uk: indicator.definition.uk,
      definition_en: text(indicator.definition.en),
      unit: indicator.unit,
      unit_kind: unitKind(indicator.unit),
      budget_group: text(indicator.group),
      budget_group_title: indicator.group ? BUDGET_GROUP_TITLES[indicator.group] : null,
      values: String(members.length),
      councils: String(new Set(members.map((o) => o.publisher)).size),
      // Stryker disable next-line MethodExpression: membersOf gives the members in order of their start
      period_start: members.map((o) => o.period.start).sort()[0] ?? null,
      period_end: members.map((o) => o.period.end).sort().at(-1) ?? null,
      page: urls.indicator(indicator.code),
      note: text(indicator.note),
    });
    const notes = new Map(indicator.members.map((member) => [observationKey(member), member.note]));
    for (const o of members) {
      const key = `${o.document}/${o.id}`;
      comparisonRows.push({
        indicator_code: indicator.code,
        observation_id: key,
        publisher_id: o.publisher,
        publisher_name: publishers.get(o.publisher)!.name.uk,
        document_id: o.document,
        indicator_as_printed: o.indicator,
        ...valueCells(o),
        member_note: text(notes.get(key)),
        section: o.figure.section,
        quote: text(o.figure.quoteIsFigure ? null : o.figure.quote),
        note: text(o.figure.note),
        page: urls.figure(o.document, o.id),
      });
    }
  }

  const relationRows: Row[] = [];
  const names = new Map(indicators.map((i) => [i.code, i.name.uk]));
  for (const relation of relations) {
    for (const { code } of relation.indicators) {
      relationRows.push({ relation_id: relation.id, item_id: code, indicator_code: code, observation_id: null, publisher_id: null, document_id: null, name: names.get(code)!, ...Object.fromEntries(valueFields().map((f) => [f.name, null])), difference: relation.difference, page: urls.indicator(code) });
    }
    for (const ref of relation.observations) {
      const o = observations.get(observationKey(ref))!;
      relationRows.push({ relation_id: relation.id, item_id: observationKey(ref), indicator_code: text(o.shared), observation_id: observationKey(ref), publisher_id: o.publisher, document_id: o.document, name: o.indicator, ...valueCells(o), difference: relation.difference, page: urls.figure(o.document, o.id) });
    }
  }

  return [
    {
      owns: [],
      table: {
        name: 'indicators',
        title: 'Спільні показники',
        description: 'Словник спільних показників: код, назви, визначення того, що саме рахують, одиниця, група показника паспорта бюджетної програми; скільки чисел і рад має кожен.',
        schema: schema(
          [
            codeField(),
            field('name_uk', 'string', 'Назва', 'Назва показника українською', { required: true }),
            field('name_en', 'string', 'Назва англійською', 'Назва показника англійською', { required: true }),
            field('definition_uk', 'string', 'Визначення', 'Що саме рахує показник, а що ні', { required: true }),
            field('definition_en', 'string', 'Визначення англійською', 'Визначення англійською'),
            field('unit', 'string', 'Одиниця', 'Одиниця показника: грн, % або що рахують', { required: true }),
            field('unit_kind', 'string', 'Вид одиниці', 'Вид одиниці: гроші в гривнях, відсоток або кількість', { required: true, enum: ['UAH', 'percent', 'count'] }),
            field('budget_group', 'string', 'Група показника', 'Код групи показника паспорта бюджетної програми: затрат, продукту, ефективності або якості (назва групи — у наступному полі)', { enum: Object.keys(BUDGET_GROUP_TITLES) }),
            field('budget_group_title', 'string', 'Група показника (укр.)', 'Група показника українською'),
            field('values', 'integer', 'Чисел', 'Скільки чисел рахують цей показник', { required: true, minimum: 0 }),
            field('councils', 'integer', 'Рад', 'Скільки рад подали ці числа', { required: true, minimum: 0 }),
            field('period_start', 'date', 'Від', 'Початок найранішого періоду'),
            field('period_end', 'date', 'До', 'Кінець найпізнішого періоду'),
            field('page', 'string', 'Сторінка на порталі', 'Сторінка показника: визначення, усі числа за радами й періодами, цитати', { required: true }),
            field('note', 'string', 'Примітка', 'Примітка до показника'),
          ],
          { primaryKey: ['indicator_code'] },
        ),
        rows: indicatorRows,
      },
    },
    {
      owns: [],
      table: {
        name: 'comparison',
        title: 'Порівняння за радами й періодами',
        description: 'Усі числа спільних показників: рада, документ, період, значення як надруковано і в числах, точність, цитата і посилання на число на сторінці документа. Різні періоди (рік, півріччя, «станом на») порівнюють лише з огляду на це.',
        schema: schema(
          [
            codeField(),
            field('observation_id', 'string', 'Ідентифікатор показника', 'Ідентифікатор числа: документ/показник (як у таблиці показників документа)', { required: true }),
            field('publisher_id', 'string', 'Розпорядник', 'Ідентифікатор міської ради', { required: true }),
            field('publisher_name', 'string', 'Рада', 'Назва міської ради', { required: true }),
            field('document_id', 'string', 'Документ', 'Ідентифікатор документа-джерела (див. таблицю «Документи-джерела»)', { required: true }),
            field('indicator_as_printed', 'string', 'Як названо в документі', 'Що рахує число, словами документа', { required: true }),
            ...valueFields().map((f) => (f.name === 'value' ? f : { ...f, constraints: { ...f.constraints, required: true } })),
            field('member_note', 'string', 'Відмінність у подробицях', 'Чим формулювання документа відрізняється від визначення показника, якщо відрізняється'),
            field('section', 'string', 'Розділ', 'Розділ документа, з якого взято число'),
            field('quote', 'string', 'Цитата', 'Слова документа, з яких прочитано число, дослівно'),
            field('note', 'string', 'Примітка', 'Примітка упорядника до числа'),
            field('page', 'string', 'Число на порталі', 'Посилання на число на сторінці документа', { required: true }),
          ],
          {
            primaryKey: ['indicator_code', 'observation_id'],
            foreignKeys: [
              { fields: ['indicator_code'], reference: { resource: 'indicators', fields: ['indicator_code'] } },
              { fields: ['document_id'], reference: { resource: 'documents', fields: ['document_id'] } },
            ],
          },
        ),
        rows: comparisonRows,
      },
    },
    {
      owns: [],
      table: {
        name: 'relations',
        title: 'Схожі, але не ті самі',
        description: 'Числа й показники, що рахують близьке, але не те саме: їх не об\'єднано, а різницю сказано словами.',
        schema: schema(
          [
            field('relation_id', 'string', 'Зв\'язок', 'Ідентифікатор зв\'язку', { required: true, pattern: ID_PATTERN }),
            field('item_id', 'string', 'Що пов\'язано', 'Код спільного показника або ідентифікатор числа (документ/показник)', { required: true }),
            codeField(false),
            field('observation_id', 'string', 'Ідентифікатор показника', 'Ідентифікатор числа, якщо пов\'язано число'),
            field('publisher_id', 'string', 'Розпорядник', 'Ідентифікатор міської ради, якщо пов\'язано число'),
            field('document_id', 'string', 'Документ', 'Ідентифікатор документа-джерела, якщо пов\'язано число'),
            field('name', 'string', 'Що рахують', 'Назва показника або що рахує число, словами документа', { required: true }),
            ...valueFields(),
            field('difference', 'string', 'Чим відрізняються', 'Чим відрізняється те, що рахують', { required: true }),
            field('page', 'string', 'На порталі', 'Сторінка показника або число на сторінці документа', { required: true }),
          ],
          {
            primaryKey: ['relation_id', 'item_id'],
            foreignKeys: [
              { fields: ['indicator_code'], reference: { resource: 'indicators', fields: ['indicator_code'] } },
              { fields: ['document_id'], reference: { resource: 'documents', fields: ['document_id'] } },
            ],
          },
        ),
        rows: relationRows,
      },
    },
  ];
}
