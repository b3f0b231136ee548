/**
 * Stage 4, reconcile: check every total the sources state against its parts, and every
 * reported amount against its plan. A difference is a quality note to publish, never an
 * error and never a correction: the portal shows what the source says.
 */
import type { NoteCode } from '../errors/codes.ts';
import type { Annex, Execution, Figure, Model, Programme } from '../model/types.ts';
import { type Decimal, compare, equals, isNegative, percent, sub, sum, ZERO } from '../numbers/decimal.ts';
import { isProblem, MONEY_UNITS, parseFigure } from '../numbers/parse.ts';
import { formatUk } from '../numbers/format.ts';

export interface QualityNote {
  /** Stable: the same finding keeps its id from build to build. */
  id: string;
  code: NoteCode;
  document: string;
  programme: string | undefined;
  /** What was compared, in Ukrainian. */
  subject: string;
  /** The total as the source states it. */
  stated: Figure;
  /** The figures that should make it. */
  parts: Figure[];
  computed: Decimal;
  /** stated − computed */
  difference: Decimal;
  message: string;
}

export interface DirectionComparison {
  direction: string;
  directionNumber: number;
  directionTitle: string;
  planned: Figure | undefined;
  reported: Figure | undefined;
  word: Execution['items'][number]['word'];
  /** reported / planned × 100, two decimals; undefined without both numbers. */
  rate: Decimal | undefined;
}

export interface ExecutionComparison {
  document: string;
  programme: string;
  year: number;
  annex: string;
  directions: DirectionComparison[];
  plannedTotal: Decimal;
  /** The plan column's «Усього», when the annex prints one. */
  plannedTotalPrinted: Figure | undefined;
  reportedTotal: Figure;
  rate: Decimal | undefined;
}

export interface Reconciliation {
  notes: QualityNote[];
  comparisons: ExecutionComparison[];
  checks: { passed: number; failed: number };
}

const value = (figure: Figure | undefined): Decimal => figure?.value ?? ZERO;

const QUALIFIER_WORDS = { exact: '', approx: 'близько ', more_than: 'понад ', less_than: 'менше ' } as const;

/**
 * One unit of the last digit the source printed: "близько 6,5 тис." is 6 500 ± 100.
 * An approximate figure claims no more precision than that.
 */
export function precision(figure: Figure): Decimal {
  const parsed = parseFigure(figure.printed);
  if (isProblem(parsed)) return ZERO;
  const unitPower = figure.kind === 'UAH' ? (MONEY_UNITS[figure.unit] ?? 0) : 0;
  const power = parsed.multiplier + (parsed.unit && MONEY_UNITS[parsed.unit] !== undefined ? MONEY_UNITS[parsed.unit]! : unitPower) - parsed.number.scale;
  return power >= 0 ? { units: 10n ** BigInt(power), scale: 0 } : { units: 1n, scale: -power };
}

/**
 * Whether parts make the total the way the source claims it: exactly, or as a bound
 * ("понад 1 200" is made by 1 215), or within what "близько" allows on either side.
 */
function agrees(stated: Figure, computed: Decimal, parts: Figure[]): boolean {
  const total = stated.value!;
  if (equals(total, computed)) return true;
  if (stated.qualifier === 'more_than' && compare(computed, total) > 0 && !parts.some((part) => part.qualifier !== 'exact')) return true;
  if (stated.qualifier === 'less_than' && compare(computed, total) < 0 && !parts.some((part) => part.qualifier !== 'exact')) return true;
  const approximate = [stated, ...parts].filter((figure) => figure.qualifier === 'approx');
  if (approximate.length === 0) return false;
  const slack = sum(approximate.map(precision));
  const gap = sub(total, computed);
  const distance = isNegative(gap) ? sub(ZERO, gap) : gap;
  return compare(distance, slack) <= 0;
}

export function reconcile(model: Model): Reconciliation {
  const notes: QualityNote[] = [];
  const checks = { passed: 0, failed: 0 };

  const check = (code: NoteCode, id: string, document: string, programme: string | undefined, subject: string, stated: Figure | undefined, parts: Figure[]) => {
    if (!stated || stated.value === null) return;
    const computed = sum(parts.map(value));
    if (agrees(stated, computed, parts)) {
      checks.passed++;
      return;
    }
    checks.failed++;
    const difference = sub(stated.value, computed);
    notes.push({
      id: `${document}/${id}`,
      code,
      document,
      programme,
      subject,
      stated,
      parts,
      computed,
      difference,
      message: `${subject}: у джерелі ${QUALIFIER_WORDS[stated.qualifier]}${formatUk(stated.value)}, сума складових ${parts.some((part) => part.qualifier === 'approx') ? 'близько ' : ''}${formatUk(computed)}, різниця ${formatUk(difference)}${stated.kind === 'UAH' ? ' грн' : ''}.`,
    });
  };

  for (const programme of model.programmes) checkProgramme(programme, check);

  const comparisons: ExecutionComparison[] = [];
  const programmes = new Map(model.programmes.map((p) => [p.id, p]));
  for (const execution of model.executions) {
    const programme = programmes.get(execution.programme);
    check(
      'Q_EXECUTION_TOTAL',
      `execution-${execution.year}-total`,
      execution.document,
      execution.programme,
      `Звіт за ${execution.year} рік: загальна сума проти суми за напрямами`,
      execution.total.amount,
      execution.items.flatMap((item) => (item.amount ? [item.amount] : [])),
    );
    if (!programme) continue;
    const comparison = compareExecution(execution, programme);
    if (!comparison) continue;
    comparisons.push(comparison);
    for (const direction of comparison.directions) {
      if (direction.planned?.value && direction.reported?.value && compare(direction.reported.value, direction.planned.value) > 0) {
        checks.failed++;
        const difference = sub(direction.reported.value, direction.planned.value);
        notes.push({
          id: `${execution.document}/execution-${execution.year}-${direction.direction}-over-plan`,
          code: 'Q_EXECUTION_OVER_PLAN',
          document: execution.document,
          programme: programme.id,
          subject: `Напрям ${direction.directionNumber} у ${execution.year} році: звіт проти плану`,
          stated: direction.reported,
          parts: [direction.planned],
          computed: direction.planned.value,
          difference,
          message: `Напрям ${direction.directionNumber} у ${execution.year} році: у звіті ${formatUk(direction.reported.value)} грн, заплановано ${formatUk(direction.planned.value)} грн, більше на ${formatUk(difference)} грн.`,
        });
      } else if (direction.planned && direction.reported) checks.passed++;
    }
  }

  const byDocument = new Map<string, Map<string, Figure>>();
  for (const observation of model.observations) {
    if (!byDocument.has(observation.document)) byDocument.set(observation.document, new Map());
    byDocument.get(observation.document)!.set(observation.id, observation.figure);
  }
  for (const total of model.statedTotals) {
    const figures = byDocument.get(total.document);
    const stated = figures?.get(total.total);
    const parts = total.parts.map((id) => figures?.get(id)).filter((figure): figure is Figure => figure !== undefined);
    check('Q_STATED_TOTAL', `total-${total.id}`, total.document, undefined, total.label, stated, parts);
  }

  notes.sort((a, b) => a.id.localeCompare(b.id));
  return { notes, comparisons, checks };
}

type Check = (code: NoteCode, id: string, document: string, programme: string | undefined, subject: string, stated: Figure | undefined, parts: Figure[]) => void;

function checkProgramme(programme: Programme, check: Check) {
  const { document, id } = programme;
  const years = [...programme.funding.years.entries()].sort(([a], [b]) => a - b);
  check('Q_PASSPORT_TOTAL', 'passport-total', document, id, 'Паспорт програми: загальний обсяг фінансування проти суми за роками', programme.funding.total, years.map(([, row]) => row.total));
  for (const [year, row] of years) {
    const sources = Object.values(row.sources);
    if (sources.length > 0) {
      check('Q_PASSPORT_YEAR_SOURCES', `passport-${year}-sources`, document, id, `Паспорт програми, ${year} рік: усього проти суми за джерелами фінансування`, row.total, sources);
    }
  }
  const totalRow = programme.funding.totalRow;
  if (totalRow) {
    check('Q_PASSPORT_TOTAL_ROW', 'passport-total-row', document, id, 'Паспорт програми, рядок «Усього»: проти суми за роками', totalRow.total, years.map(([, row]) => row.total));
    for (const [source, figure] of Object.entries(totalRow.sources)) {
      const column = years.flatMap(([, row]) => (row.sources[source as keyof typeof row.sources] ? [row.sources[source as keyof typeof row.sources]!] : []));
      check('Q_PASSPORT_TOTAL_ROW', `passport-total-row-${source}`, document, id, `Паспорт програми, рядок «Усього», джерело «${SOURCE_NAMES[source] ?? source}»: проти суми за роками`, figure, column);
    }
  }
  for (const annex of programme.annexes) {
    for (const direction of annex.directions) {
      const measureYears = direction.measures.some((measure) => measure.planned.size > 0);
      check('Q_ANNEX_ROW', `${annex.id}-${direction.id}-row`, document, id, `Додаток ${annex.number}, напрям ${direction.number}: усього проти суми за роками`, direction.plannedTotal, [...direction.planned.values()]);
      for (const measure of direction.measures) {
        check('Q_ANNEX_ROW', `${annex.id}-${measure.id}-row`, document, id, `Додаток ${annex.number}, напрям ${direction.number}, захід ${measure.number}: усього проти суми за роками`, measure.plannedTotal, [...measure.planned.values()]);
      }
      if (measureYears && direction.planned.size > 0) {
        for (const [year, figure] of direction.planned) {
          const parts = direction.measures.flatMap((measure) => (measure.planned.get(year) ? [measure.planned.get(year)!] : []));
          if (parts.length > 0) check('Q_ANNEX_ROW', `${annex.id}-${direction.id}-${year}-measures`, document, id, `Додаток ${annex.number}, напрям ${direction.number}, ${year} рік: проти суми заходів`, figure, parts);
        }
      }
    }
    for (let year = annex.period.start; year <= annex.period.end; year++) {
      const column = annexColumn(annex, year);
      check('Q_ANNEX_COLUMN', `${annex.id}-${year}-column`, document, id, `Додаток ${annex.number}, ${year} рік: рядок «Усього» проти суми напрямів`, annex.totalRow.get(year), column);
      check('Q_PASSPORT_ANNEX', `passport-${year}-${annex.id}`, document, id, `${year} рік: паспорт програми проти суми напрямів у додатку ${annex.number}`, programme.funding.years.get(year)?.total, column);
    }
    const rowTotals = annex.directions.flatMap((direction) => (direction.plannedTotal ? [direction.plannedTotal] : []));
    const grand = annex.totalRow.get('total');
    if (rowTotals.length > 0) {
      check('Q_ANNEX_COLUMN', `${annex.id}-total-column`, document, id, `Додаток ${annex.number}: «Усього» за всі роки проти суми підсумків напрямів`, grand, rowTotals);
    }
    const yearCells = [...annex.totalRow.entries()].flatMap(([key, figure]) => (key === 'total' ? [] : [figure]));
    if (yearCells.length > 0) {
      check('Q_ANNEX_COLUMN', `${annex.id}-total-row`, document, id, `Додаток ${annex.number}: «Усього» за всі роки проти суми за роками`, grand, yearCells);
    }
  }
}

const SOURCE_NAMES: Record<string, string> = { state: 'державний бюджет', oblast: 'обласний бюджет', community: 'бюджет громади', other: 'інші джерела' };

/** Planned money of an annex for a year: per direction, or per measure where the direction has none. */
function annexColumn(annex: Annex, year: number): Figure[] {
  return annex.directions.flatMap((direction) => {
    const own = direction.planned.get(year);
    if (own) return [own];
    return direction.measures.flatMap((measure) => (measure.planned.get(year) ? [measure.planned.get(year)!] : []));
  });
}

function compareExecution(execution: Execution, programme: Programme): ExecutionComparison | undefined {
  const annex = programme.annexes.find((a) => execution.year >= a.period.start && execution.year <= a.period.end);
  if (!annex) return undefined;
  const items = new Map(execution.items.map((item) => [item.direction, item]));
  const directions: DirectionComparison[] = annex.directions.map((direction) => {
    const item = items.get(direction.id);
    const planned = direction.planned.get(execution.year) ?? undefined;
    const reported = item?.amount;
    return {
      direction: direction.id,
      directionNumber: direction.number,
      directionTitle: direction.title,
      planned,
      reported,
      word: item?.word,
      rate: planned?.value && reported?.value ? percent(reported.value, planned.value) : undefined,
    };
  });
  const plannedTotal = sum(annexColumn(annex, execution.year).map(value));
  return {
    document: execution.document,
    programme: programme.id,
    year: execution.year,
    annex: annex.id,
    directions,
    plannedTotal,
    plannedTotalPrinted: annex.totalRow.get(execution.year),
    reportedTotal: execution.total.amount,
    rate: execution.total.amount.value ? percent(execution.total.amount.value, plannedTotal) : undefined,
  };
}
