/**
 * A programme as tables: its passport, amendments, funding by year and source,
 * directions, measures, planned money, and its execution against the plan.
 */
import type { Annex, Direction, Execution, Figure, FundingRow, FundingSource, Programme, SourceDocument } from '../model/types.ts';
import { FUNDING_SOURCES } from '../model/types.ts';
import type { ExecutionComparison } from '../reconcile/reconcile.ts';
import type { Field, Row } from '../publish/types.ts';
import { type Derived, f, field, ID_PATTERN, moneyCells, plain, schema, text, year } from './fields.ts';

const SOURCE_TITLES: Record<FundingSource | 'total', string> = {
  total: 'усього',
  state: 'державний бюджет',
  oblast: 'обласний бюджет',
  community: 'бюджет територіальної громади',
  other: 'інші джерела',
};

export const WORD_TITLES = { spent: 'витрачено', allocated: 'виділено', cash_expenditure: 'касові видатки' } as const;

const programmeId = () => field('programme_id', 'string', 'Програма', 'Ідентифікатор програми', { required: true, pattern: ID_PATTERN });
const directionId = (required: boolean) => field('direction_id', 'string', 'Ідентифікатор напряму', 'Ідентифікатор напряму програми (див. таблицю напрямів)', required ? { required: true } : undefined);

function figureRow(figure: Figure): Row {
  return { section: text(figure.section), quote: text(figure.quoteIsFigure ? null : figure.quote), note: text(figure.note) };
}

/** The money cells of a figure read from the programme's decision, and where it was read. */
function moneyRow(programme: Programme, figure: Figure): Row {
  return { ...moneyCells(figure), unit_printed: figure.unit, document_id: programme.document, ...figureRow(figure) };
}

const yearField = (required: boolean, description = 'Рік') => field('year', 'year', 'Рік', description, required ? { required: true } : undefined);
const anexField = () => field('annex', 'integer', 'Додаток', 'Номер додатка до програми', { required: true, minimum: 1 });
const plannedMoney = (): Field[] => [f.uah('amount_uah', 'Сума', 'Заплановано'), f.printed('amount_printed', 'Сума (як надруковано)'), f.unitPrinted(), ...f.provenance()];
const executionMoney = (): Field[] => [
  f.uah('planned_uah', 'Заплановано', 'Заплановано на рік за додатком до програми'),
  f.printed('planned_printed', 'Заплановано (як надруковано)'),
  f.uah('reported_uah', 'Звітовано', 'Сума, яку подано у звіті'),
  f.printed('reported_printed', 'Звітовано (як надруковано)'),
  field('word', 'string', 'Як названо суму', 'Слово звіту: витрачено, виділено або касові видатки', { enum: ['spent', 'allocated', 'cash_expenditure'] }),
  field('word_title', 'string', 'Як названо суму (укр.)', 'Слово звіту українською'),
  field('rate_percent', 'number', 'Виконання, %', 'Звітовано ÷ заплановано × 100, округлено до сотих', { minimum: 0 }),
];

/** A map's entries by year, earliest first. */
function byYear<T>(values: Map<number, T>): [number, T][] {
  return [...values.entries()].sort(([a], [b]) => a - b);
}

/** Every direction of the programmes' annexes, with its programme and annex. */
function directionsOf(programmes: Programme[]): { programme: Programme; annex: Annex; direction: Direction }[] {
  return programmes.flatMap((programme) => programme.annexes.flatMap((annex) => annex.directions.map((direction) => ({ programme, annex, direction }))));
}

/**
 * The programme tables of these programmes; the execution rows come from `comparisons`, in
 * their order (a dataset passes its programme's, the portal-wide package runs them alongside).
 */
export function programmeTables(programmes: Programme[], executionList: Execution[], documents: Map<string, SourceDocument>, comparisons: ExecutionComparison[]): Derived[] {
  const executions = new Map(executionList.map((e) => [`${e.document}/${e.year}`, e]));
  return [
    programmesTable(programmes, documents),
    amendmentsTable(programmes),
    fundingTable(programmes),
    directionsTable(programmes),
    measuresTable(programmes),
    plannedTable(programmes),
    plannedMeasuresTable(programmes),
    plannedTotalsTable(programmes),
    executionTable(comparisons, executions),
    executionTotalsTable(comparisons, executions),
  ];
}

/** The passport of each programme. */
function programmesTable(programmes: Programme[], documents: Map<string, SourceDocument>): Derived {
  const owns = programmes.map((programme) => programme.funding.total.key);
  const rows: Row[] = programmes.map((programme) => {
    const decision = documents.get(programme.document);
    return {
      programme_id: programme.id,
      title: programme.title,
      period_start: year(programme.period.start),
      period_end: year(programme.period.end),
      publisher_id: programme.publisher,
      document_id: programme.document,
      decision_number: text(decision?.number),
      decision_date: text(decision?.date),
      amendments: String(programme.amendments.length),
      developer: programme.developer,
      executors: programme.executors.join('; '),
      goal: programme.goal,
      expected_results: text(programme.expectedResults.join('; ')),
      ...moneyCells(programme.funding.total, 'planned_total'),
      quote: text(programme.funding.total.quoteIsFigure ? null : programme.funding.total.quote),
    };
  });
  return {
    owns,
    table: {
      name: 'programmes',
      title: 'Програми',
      description: 'Паспорт програми: назва, період, рішення про затвердження, розробник, виконавці, мета, очікувані результати, загальний обсяг фінансування.',
      schema: schema(
        [
          programmeId(),
          field('title', 'string', 'Назва', 'Назва програми', { required: true }),
          field('period_start', 'year', 'Початок', 'Перший рік програми', { required: true }),
          field('period_end', 'year', 'Закінчення', 'Останній рік програми', { required: true }),
          field('publisher_id', 'string', 'Розпорядник', 'Ідентифікатор міської ради', { required: true }),
          f.documentId(),
          field('decision_number', 'string', 'Номер рішення', 'Номер рішення про затвердження'),
          field('decision_date', 'date', 'Дата рішення', 'Дата рішення про затвердження'),
          field('amendments', 'integer', 'Зміни', 'Кількість рішень про внесення змін', { minimum: 0 }),
          field('developer', 'string', 'Розробник', 'Розробник програми'),
          field('executors', 'string', 'Відповідальні виконавці', 'Відповідальні за виконання, через «; »'),
          field('goal', 'string', 'Мета', 'Мета програми'),
          field('expected_results', 'string', 'Очікувані результати', 'Очікувані кінцеві результати, через «; »'),
          f.uah('planned_total_uah', 'Загальний обсяг фінансування', 'Загальний орієнтовний обсяг фінансування за паспортом'),
          f.printed('planned_total_printed', 'Обсяг (як надруковано)'),
          f.quote(),
        ],
        { primaryKey: ['programme_id'] },
      ),
      rows,
    },
  };
}

/** The decisions that amended each programme. */
function amendmentsTable(programmes: Programme[]): Derived {
  const rows: Row[] = programmes.flatMap((programme) =>
    programme.amendments.map((amendment) => ({ programme_id: programme.id, date: amendment.date, number: amendment.number, quote: text(amendment.quote) })),
  );
  return {
    owns: [],
    table: {
      name: 'amendments',
      title: 'Зміни до програми',
      description: 'Рішення про внесення змін до програми: дата і номер.',
      schema: schema(
        [
          programmeId(),
          field('date', 'date', 'Дата', 'Дата рішення про зміни', { required: true }),
          field('number', 'string', 'Номер', 'Номер рішення', { required: true }),
          f.quote(),
        ],
        { primaryKey: ['programme_id', 'date', 'number'], foreignKeys: [{ fields: ['programme_id'], reference: { resource: 'programmes', fields: ['programme_id'] } }] },
      ),
      rows,
    },
  };
}

/** The passport's money by year (then its «Усього» row) and source, the total of each first. */
function fundingTable(programmes: Programme[]): Derived {
  const owns: string[] = [];
  const rows: Row[] = [];
  for (const programme of programmes) {
    const years: [number | null, FundingRow][] = [...byYear(programme.funding.years), ...(programme.funding.totalRow ? [[null, programme.funding.totalRow] as [null, FundingRow]] : [])];
    for (const [rowYear, row] of years) {
      for (const source of ['total', ...FUNDING_SOURCES] as const) {
        const figure = source === 'total' ? row.total : row.sources[source];
        if (!figure) continue;
        owns.push(figure.key);
        rows.push({
          programme_id: programme.id,
          year: year(rowYear),
          total_row: rowYear === null ? 'true' : 'false',
          source,
          source_title: SOURCE_TITLES[source],
          ...moneyCells(figure),
          unit_printed: figure.unit,
          document_id: programme.document,
          ...figureRow(figure),
        });
      }
    }
  }
  return {
    owns,
    table: {
      name: 'funding',
      title: 'Фінансування за паспортом',
      description: 'Орієнтовні обсяги фінансування з паспорта програми за роками та джерелами; рядок «Усього» позначено в полі «Рядок «Усього»». Порожня сума — у документі прочерк.',
      schema: schema(
        [
          programmeId(),
          yearField(false, 'Рік; порожньо для рядка «Усього»'),
          field('total_row', 'boolean', 'Рядок «Усього»', 'Так для підсумкового рядка таблиці, ні для інших', { required: true }),
          field('source', 'string', 'Джерело', 'Джерело фінансування: усього, державний бюджет, обласний бюджет, бюджет громади або інші джерела', { required: true, enum: ['total', ...FUNDING_SOURCES] }),
          field('source_title', 'string', 'Джерело (назва)', 'Назва джерела фінансування'),
          f.uah('amount_uah', 'Сума', 'Орієнтовний обсяг фінансування'),
          f.printed('amount_printed', 'Сума (як надруковано)'),
          f.unitPrinted(),
          ...f.provenance(),
        ],
        { foreignKeys: [{ fields: ['programme_id'], reference: { resource: 'programmes', fields: ['programme_id'] } }] },
      ),
      rows,
    },
  };
}

/** The directions of each annex, with the total planned for each. */
function directionsTable(programmes: Programme[]): Derived {
  const owns: string[] = [];
  const rows: Row[] = directionsOf(programmes).map(({ programme, annex, direction }) => {
    if (direction.plannedTotal) owns.push(direction.plannedTotal.key);
    return {
      direction_id: direction.id,
      programme_id: programme.id,
      annex: String(annex.number),
      annex_period_start: year(annex.period.start),
      annex_period_end: year(annex.period.end),
      number: String(direction.number),
      title: direction.title,
      funding_source: text(direction.fundingSource),
      ...moneyCells(direction.plannedTotal, 'planned_total'),
      document_id: programme.document,
      note: text(direction.note),
    };
  });
  return {
    owns,
    table: {
      name: 'directions',
      title: 'Напрями програми',
      description: 'Напрями діяльності (пріоритетні завдання) з додатків до програми, з підсумком запланованих коштів за рядком.',
      schema: schema(
        [
          directionId(true),
          programmeId(),
          anexField(),
          field('annex_period_start', 'year', 'Додаток: з', 'Перший рік додатка'),
          field('annex_period_end', 'year', 'Додаток: до', 'Останній рік додатка'),
          field('number', 'integer', '№', 'Номер напряму в додатку', { required: true, minimum: 1 }),
          field('title', 'string', 'Назва напряму', 'Назва напряму діяльності', { required: true }),
          field('funding_source', 'string', 'Джерело фінансування', 'Джерело фінансування, як у додатку'),
          f.uah('planned_total_uah', 'Усього заплановано', 'Підсумок рядка за всі роки додатка'),
          f.printed('planned_total_printed', 'Усього (як надруковано)'),
          f.documentId(),
          f.note(),
        ],
        // Direction ids are unique within their programme, not across the portal.
        { primaryKey: ['programme_id', 'direction_id'], foreignKeys: [{ fields: ['programme_id'], reference: { resource: 'programmes', fields: ['programme_id'] } }] },
      ),
      rows,
    },
  };
}

/** The measures of each direction. */
function measuresTable(programmes: Programme[]): Derived {
  const owns: string[] = [];
  const rows: Row[] = directionsOf(programmes).flatMap(({ programme, direction }) =>
    direction.measures.map((measure) => {
      if (measure.plannedTotal) owns.push(measure.plannedTotal.key);
      return {
        measure_id: measure.id,
        direction_id: direction.id,
        programme_id: programme.id,
        number: String(measure.number),
        title: measure.title,
        timeline: text(measure.timeline),
        executors: text(measure.executors),
        funding_source: text(measure.fundingSource),
        expected_result: text(measure.expectedResult),
        ...moneyCells(measure.plannedTotal, 'planned_total'),
        note: text(measure.note),
      };
    }),
  );
  return {
    owns,
    table: {
      name: 'measures',
      title: 'Заходи програми',
      description: 'Заходи кожного напряму: строк виконання, виконавці, очікуваний результат.',
      schema: schema(
        [
          field('measure_id', 'string', 'Ідентифікатор заходу', 'Ідентифікатор заходу', { required: true }),
          directionId(true),
          programmeId(),
          field('number', 'integer', '№', 'Порядковий номер заходу в напрямі', { required: true, minimum: 1 }),
          field('title', 'string', 'Захід', 'Зміст заходу', { required: true }),
          field('timeline', 'string', 'Строк виконання', 'Строк виконання заходу'),
          field('executors', 'string', 'Виконавці', 'Виконавці заходу'),
          field('funding_source', 'string', 'Джерело фінансування', 'Джерело фінансування'),
          field('expected_result', 'string', 'Очікуваний результат', 'Очікуваний результат заходу'),
          f.uah('planned_total_uah', 'Усього заплановано', 'Підсумок заходу за всі роки, якщо кошти зазначено за заходом'),
          f.printed('planned_total_printed', 'Усього (як надруковано)'),
          f.note(),
        ],
        { primaryKey: ['programme_id', 'measure_id'], foreignKeys: [{ fields: ['programme_id', 'direction_id'], reference: { resource: 'directions', fields: ['programme_id', 'direction_id'] } }] },
      ),
      rows,
    },
  };
}

/** The money planned for each direction, year by year. */
function plannedTable(programmes: Programme[]): Derived {
  const owns: string[] = [];
  const rows: Row[] = directionsOf(programmes).flatMap(({ programme, annex, direction }) =>
    byYear(direction.planned).map(([planYear, figure]) => {
      owns.push(figure.key);
      return { programme_id: programme.id, annex: String(annex.number), direction_id: direction.id, year: String(planYear), ...moneyRow(programme, figure) };
    }),
  );
  return {
    owns,
    table: {
      name: 'planned',
      title: 'Заплановані кошти за напрямами й роками',
      description: 'Орієнтовні обсяги фінансових ресурсів з додатків до програми: за напрямом і роком. Кошти, зазначені за заходами, — у таблиці коштів за заходами; рядок «Усього» додатка — у таблиці підсумків додатків.',
      schema: schema(
        [programmeId(), anexField(), directionId(true), yearField(true), ...plannedMoney()],
        {
          primaryKey: ['programme_id', 'direction_id', 'year'],
          foreignKeys: [{ fields: ['programme_id', 'direction_id'], reference: { resource: 'directions', fields: ['programme_id', 'direction_id'] } }],
        },
      ),
      rows,
    },
  };
}

/** The money an annex gives a measure, year by year. */
function plannedMeasuresTable(programmes: Programme[]): Derived {
  const owns: string[] = [];
  const rows: Row[] = directionsOf(programmes).flatMap(({ programme, annex, direction }) =>
    direction.measures.flatMap((measure) =>
      byYear(measure.planned).map(([planYear, figure]) => {
        owns.push(figure.key);
        return { programme_id: programme.id, annex: String(annex.number), direction_id: direction.id, measure_id: measure.id, year: String(planYear), ...moneyRow(programme, figure) };
      }),
    ),
  );
  return {
    owns,
    table: {
      name: 'planned-measures',
      title: 'Заплановані кошти за заходами й роками',
      description: 'Орієнтовні обсяги фінансових ресурсів, які додаток до програми зазначає за окремими заходами: за заходом і роком.',
      schema: schema(
        [programmeId(), anexField(), directionId(true), field('measure_id', 'string', 'Ідентифікатор заходу', 'Ідентифікатор заходу (див. таблицю заходів)', { required: true }), yearField(true), ...plannedMoney()],
        {
          primaryKey: ['programme_id', 'measure_id', 'year'],
          foreignKeys: [
            { fields: ['programme_id', 'direction_id'], reference: { resource: 'directions', fields: ['programme_id', 'direction_id'] } },
            { fields: ['programme_id', 'measure_id'], reference: { resource: 'measures', fields: ['programme_id', 'measure_id'] } },
          ],
        },
      ),
      rows,
    },
  };
}

/** The «Усього» row of each annex: a column per year, and the grand total of all its years. */
function plannedTotalsTable(programmes: Programme[]): Derived {
  const owns: string[] = [];
  const rows: Row[] = programmes.flatMap((programme) =>
    programme.annexes.flatMap((annex) =>
      [...annex.totalRow].map(([key, figure]) => {
        owns.push(figure.key);
        return { programme_id: programme.id, annex: String(annex.number), year: key === 'total' ? null : String(key), all_years: key === 'total' ? 'true' : 'false', ...moneyRow(programme, figure) };
      }),
    ),
  );
  return {
    owns,
    table: {
      name: 'planned-totals',
      title: 'Рядок «Усього» додатків',
      description: 'Підсумковий рядок «Усього» кожного додатка до програми: за роками і за всі роки разом (у полі «За всі роки» — так, рік порожній).',
      schema: schema(
        [
          programmeId(),
          anexField(),
          yearField(false, 'Рік; порожньо для підсумку за всі роки'),
          field('all_years', 'boolean', 'За всі роки', 'Так для підсумку за всі роки додатка', { required: true }),
          ...plannedMoney(),
        ],
        { foreignKeys: [{ fields: ['programme_id'], reference: { resource: 'programmes', fields: ['programme_id'] } }] },
      ),
      rows,
    },
  };
}

/** Each direction's plan and report, year by year, as the comparisons give them. */
function executionTable(comparisons: ExecutionComparison[], executions: Map<string, Execution>): Derived {
  const owns: string[] = [];
  const rows: Row[] = comparisons.flatMap((comparison) => {
    const execution = executions.get(`${comparison.document}/${comparison.year}`)!;
    return comparison.directions.map((direction) => {
      if (direction.reported) owns.push(direction.reported.key);
      return {
        programme_id: comparison.programme,
        year: String(comparison.year),
        direction_id: direction.direction,
        direction_number: String(direction.directionNumber),
        direction_title: direction.directionTitle,
        ...moneyCells(direction.planned, 'planned'),
        ...moneyCells(direction.reported, 'reported'),
        word: text(direction.word),
        word_title: direction.word ? WORD_TITLES[direction.word] : null,
        rate_percent: plain(direction.rate),
        document_id: comparison.document,
        section: text(execution.items.find((item) => item.direction === direction.direction)?.section ?? direction.reported?.section),
        quote: text(direction.reported && !direction.reported.quoteIsFigure ? direction.reported.quote : null),
        note: text(direction.reported?.note),
      };
    });
  });
  return {
    owns,
    table: {
      name: 'execution',
      title: 'Виконання програми за напрямами',
      description: 'Заплановано за додатком і звітовано за напрямами й роками, з відсотком виконання та словом, яким звіт назвав суму (витрачено, виділено, касові видатки). Усього за програмою — у таблиці підсумків виконання.',
      schema: schema(
        [
          programmeId(),
          yearField(true),
          directionId(true),
          field('direction_number', 'integer', '№ напряму', 'Номер напряму в додатку', { required: true, minimum: 1 }),
          field('direction_title', 'string', 'Назва напряму', 'Назва напряму', { required: true }),
          ...executionMoney(),
          ...f.provenance(),
        ],
        {
          primaryKey: ['document_id', 'year', 'direction_id'],
          foreignKeys: [
            { fields: ['programme_id'], reference: { resource: 'programmes', fields: ['programme_id'] } },
            { fields: ['programme_id', 'direction_id'], reference: { resource: 'directions', fields: ['programme_id', 'direction_id'] } },
          ],
        },
      ),
      rows,
    },
  };
}

/** Each year's plan and report in all. */
function executionTotalsTable(comparisons: ExecutionComparison[], executions: Map<string, Execution>): Derived {
  const owns = comparisons.map((comparison) => comparison.reportedTotal.key);
  const rows: Row[] = comparisons.map((comparison) => {
    const execution = executions.get(`${comparison.document}/${comparison.year}`)!;
    return {
      programme_id: comparison.programme,
      year: String(comparison.year),
      planned_uah: plain(comparison.plannedTotal),
      planned_printed: comparison.plannedTotalPrinted?.printed ?? null,
      ...moneyCells(comparison.reportedTotal, 'reported'),
      word: execution.total.word,
      word_title: WORD_TITLES[execution.total.word],
      rate_percent: plain(comparison.rate),
      document_id: comparison.document,
      section: text(comparison.reportedTotal.section),
      quote: text(comparison.reportedTotal.quoteIsFigure ? null : comparison.reportedTotal.quote),
      note: text(comparison.reportedTotal.note),
    };
  });
  return {
    owns,
    table: {
      name: 'execution-totals',
      title: 'Виконання програми: усього',
      description: 'Заплановано на рік за додатком (сума напрямів) і загальна сума, яку подано у звіті, з відсотком виконання.',
      schema: schema([programmeId(), yearField(true), ...executionMoney(), ...f.provenance()], {
        primaryKey: ['document_id', 'year'],
        foreignKeys: [{ fields: ['programme_id'], reference: { resource: 'programmes', fields: ['programme_id'] } }],
      }),
      rows,
    },
  };
}
