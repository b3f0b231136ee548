/**
 * What a programme did, as tables: every figure a report places under one of its directions,
 * by year, with the figure's words; and, where the source names the measure, which one. The
 * figures themselves are published (and owned) by their document's observations table: these
 * rows repeat them beside the plan, so that "what was done" downloads as one table.
 */
import type { Observation, Programme } from '../model/types.ts';
import { toPlain } from '../numbers/decimal.ts';
import type { Row } from '../publish/types.ts';
import { budgetCells, budgetFields } from './common-tables.ts';
import { type Derived, f, field, ID_PATTERN, schema, text } from './fields.ts';

/** A result's direction and measure, found in its programme. */
function placeOf(programme: Programme, o: Observation) {
  const direction = programme.annexes.flatMap((a) => a.directions).find((d) => d.id === o.result!.direction);
  const measure = direction?.measures.find((m) => m.id === o.result!.measure);
  return { direction, measure };
}

/** Results in the order a reader follows them: programme, year, direction, then as written. */
export function orderResults(results: Observation[], programmes: Map<string, Programme>): Observation[] {
  const number = (o: Observation) => {
    const programme = programmes.get(o.result!.programme);
    return programme ? (placeOf(programme, o).direction?.number ?? 0) : 0;
  };
  // The sort is stable: results in the same place stay as written.
  return [...results].sort((a, b) => a.result!.programme.localeCompare(b.result!.programme) || a.result!.year - b.result!.year || number(a) - number(b));
}

/** The results tables of these results (of programmes found in `programmes`). */
export function resultTables(results: Observation[], programmes: Map<string, Programme>): Derived[] {
  const rows: Row[] = [];
  const measureRows: Row[] = [];
  for (const o of results) {
    const programme = programmes.get(o.result!.programme)!;
    const { direction, measure } = placeOf(programme, o);
    const id = `${o.document}/${o.id}`;
    rows.push({
      observation_id: id,
      programme_id: programme.id,
      year: String(o.result!.year),
      direction_id: o.result!.direction,
      direction_number: String(direction!.number),
      direction_title: direction!.title,
      document_id: o.document,
      indicator: o.indicator,
      shared_indicator: text(o.shared),
      value: o.figure.value ? toPlain(o.figure.value) : null,
      value_printed: o.figure.printed,
      unit: o.figure.unit,
      unit_kind: o.figure.kind,
      qualifier: o.figure.qualifier,
      period_start: o.period.start,
      period_end: o.period.end,
      ...budgetCells(o),
      section: o.figure.section,
      quote: text(o.figure.quoteIsFigure ? null : o.figure.quote),
      note: text(o.figure.note),
    });
    if (measure) {
      measureRows.push({ observation_id: id, programme_id: programme.id, direction_id: o.result!.direction, measure_id: measure.id, measure_number: String(measure.number), measure_title: measure.title });
    }
  }
  const programmeId = () => field('programme_id', 'string', 'Програма', 'Ідентифікатор програми', { required: true, pattern: ID_PATTERN });
  const observationId = () => field('observation_id', 'string', 'Ідентифікатор показника', 'Ідентифікатор числа: документ/показник (як у таблиці показників документа)', { required: true });
  const tables: Derived[] = [
    {
      owns: [],
      table: {
        name: 'results',
        title: 'Результати за напрямами',
        description: 'Що зроблено: числа, які звіти подають під напрямами програми, за роками, з одиницею, точністю, періодом і цитатою з документа. Гроші за напрямами — у таблиці виконання; заходи, під якими звіт подає число, — у таблиці результатів за заходами.',
        schema: schema(
          [
            observationId(),
            programmeId(),
            field('year', 'year', 'Рік', 'Рік, про який звітує число', { required: true }),
            field('direction_id', 'string', 'Ідентифікатор напряму', 'Ідентифікатор напряму програми (див. таблицю напрямів)', { required: true }),
            field('direction_number', 'integer', '№ напряму', 'Номер напряму в додатку', { required: true, minimum: 1 }),
            field('direction_title', 'string', 'Назва напряму', 'Назва напряму', { required: true }),
            f.documentId(),
            field('indicator', 'string', 'Що рахують', 'Що рахує число, словами документа', { required: true }),
            field('shared_indicator', 'string', 'Спільний показник', 'Код спільного показника, якщо словник спільних показників каже, що число рахує саме його'),
            field('value', 'number', 'Значення', 'Значення: у гривнях для грошей, інакше число', { minimum: 0 }),
            field('value_printed', 'string', 'Значення (як надруковано)', 'Число так, як його надруковано', { required: true }),
            field('unit', 'string', 'Одиниця', 'Одиниця так, як її подано: грн, %, осіб, рішень…', { required: true }),
            field('unit_kind', 'string', 'Вид одиниці', 'Вид одиниці: гроші в гривнях, відсоток або кількість', { required: true, enum: ['UAH', 'percent', 'count'] }),
            field('qualifier', 'string', 'Точність', 'Як сказано в документі: точно, близько, понад або менше', { required: true, enum: ['exact', 'approx', 'more_than', 'less_than'] }),
            field('period_start', 'date', 'Період: з', 'Початок періоду числа', { required: true }),
            field('period_end', 'date', 'Період: до', 'Кінець періоду (дорівнює початку для «станом на»)', { required: true }),
            ...budgetFields(),
            f.section(),
            f.quote(),
            f.note(),
          ],
          {
            primaryKey: ['observation_id'],
            foreignKeys: [
              { fields: ['programme_id', 'direction_id'], reference: { resource: 'directions', fields: ['programme_id', 'direction_id'] } },
              { fields: ['document_id'], reference: { resource: 'documents', fields: ['document_id'] } },
            ],
          },
        ),
        rows,
      },
    },
    {
      owns: [],
      table: {
        name: 'result-measures',
        title: 'Результати за заходами',
        description: 'Під яким заходом напряму звіт подає число, де документ називає захід.',
        schema: schema(
          [
            observationId(),
            programmeId(),
            field('direction_id', 'string', 'Ідентифікатор напряму', 'Ідентифікатор напряму програми', { required: true }),
            field('measure_id', 'string', 'Ідентифікатор заходу', 'Ідентифікатор заходу (див. таблицю заходів)', { required: true }),
            field('measure_number', 'integer', '№ заходу', 'Порядковий номер заходу в напрямі', { required: true, minimum: 1 }),
            field('measure_title', 'string', 'Захід', 'Зміст заходу', { required: true }),
          ],
          {
            primaryKey: ['observation_id'],
            foreignKeys: [
              { fields: ['observation_id'], reference: { resource: 'results', fields: ['observation_id'] } },
              { fields: ['programme_id', 'measure_id'], reference: { resource: 'measures', fields: ['programme_id', 'measure_id'] } },
            ],
          },
        ),
        rows: measureRows,
      },
    },
  ];
  return tables;
}
