/**
 * Stage 4, reconcile: check every total the sources state against its parts, and every
 * reported amount against its plan. A difference is a quality note to publish, never an
 * error and never a correction: the portal shows what the source says.
 */
import type { NoteCode } from '../errors/codes.ts';
import type { Annex, Direction, Execution, Figure, FundingSource, Model, Programme } from '../model/types.ts';
import { type Decimal, compare, decimal, isNegative, percent, shift, sub, sum, ZERO } from '../numbers/decimal.ts';
import { isProblem, parseFigure, toUah } from '../numbers/parse.ts';
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

const value = (figure: Figure): Decimal => figure.value ?? ZERO;

const QUALIFIER_WORDS = { exact: '', approx: 'близько ', more_than: 'понад ', less_than: 'менше ' } as const;

/**
 * One unit of the last digit the source printed, in the figure's own terms (UAH for
 * money): "близько 6,5 тис." is 6 500 ± 100, "близько 14 981,8" under a тис. грн heading
 * is ± 100 грн. An approximate figure claims no more precision than that.
 */
export function precision(figure: Figure): Decimal {
  const parsed = parseFigure(figure.printed);
  if (isProblem(parsed)) return ZERO;
  const digit = shift(decimal(1n, parsed.number.scale), parsed.multiplier);
  return figure.kind === 'UAH' ? toUah({ ...parsed, value: digit }, figure.unit)! : digit;
}

/**
 * Whether parts make the total the way the source claims it: as a bound, which equal parts
 * meet too ("понад 1 200" is made by 1 215, "щонайменше 12" by 12, "не більше 7" by 7);
 * otherwise within what "близько" allows on either side, which is nothing for exact figures.
 */
function agrees(stated: Figure, computed: Decimal, parts: Figure[]): boolean {
  const total = stated.value!;
  const order = compare(computed, total);
  const exactParts = parts.every((part) => part.qualifier === 'exact');
  if (exactParts && stated.qualifier === 'more_than') return order >= 0;
  if (exactParts && stated.qualifier === 'less_than') return order <= 0;
  const approximate = [stated, ...parts].filter((figure) => figure.qualifier === 'approx');
  const slack = sum(approximate.map(precision));
  const gap = sub(total, computed);
  const distance = isNegative(gap) ? sub(ZERO, gap) : gap;
  return compare(distance, slack) <= 0;
}

/** Runs the checks and keeps their count and the notes of those that fail. */
class Checks {
  readonly notes: QualityNote[] = [];
  readonly counts = { passed: 0, failed: 0 };

  /** Stated against the sum of its parts; nothing to check when the source leaves the total empty. */
  readonly check: Check = (code, id, document, programme, subject, stated, parts) => {
    if (!stated || stated.value === null) return;
    const computed = sum(parts.map(value));
    if (agrees(stated, computed, parts)) {
      this.counts.passed++;
      return;
    }
    const difference = sub(stated.value, computed);
    const approximately = parts.some((part) => part.qualifier === 'approx') ? 'близько ' : '';
    this.fail({
      id: `${document}/${id}`,
      code,
      document,
      programme,
      subject,
      stated,
      parts,
      computed,
      difference,
      message: `${subject}: у джерелі ${QUALIFIER_WORDS[stated.qualifier]}${formatUk(stated.value)}, сума складових ${approximately}${formatUk(computed)}, різниця ${formatUk(difference)}${stated.kind === 'UAH' ? ' грн' : ''}.`,
    });
  };

  pass(): void {
    this.counts.passed++;
  }

  fail(note: QualityNote): void {
    this.counts.failed++;
    this.notes.push(note);
  }
}

export function reconcile(model: Model): Reconciliation {
  const checks = new Checks();
  for (const programme of model.programmes) checkProgramme(programme, checks.check);
  const comparisons = checkExecutions(model, checks);
  checkStatedTotals(model, checks.check);
  const notes = checks.notes.sort((a, b) => a.id.localeCompare(b.id));
  return { notes, comparisons, checks: checks.counts };
}

/** Each execution report's total against its items, and each item against its plan. */
function checkExecutions(model: Model, checks: Checks): ExecutionComparison[] {
  const comparisons: ExecutionComparison[] = [];
  const programmes = new Map(model.programmes.map((p) => [p.id, p]));
  for (const execution of model.executions) {
    checks.check(
      'Q_EXECUTION_TOTAL',
      `execution-${execution.year}-total`,
      execution.document,
      execution.programme,
      `Звіт за ${execution.year} рік: загальна сума проти суми за напрямами`,
      execution.total.amount,
      execution.items.flatMap((item) => item.amount ?? []),
    );
    const programme = programmes.get(execution.programme);
    const comparison = programme && compareExecution(execution, programme);
    if (!comparison) continue;
    comparisons.push(comparison);
    for (const direction of comparison.directions) checkAgainstPlan(execution, comparison.programme, direction, checks);
  }
  return comparisons;
}

/** A direction may report less than planned, not more. */
function checkAgainstPlan(execution: Execution, programme: string, direction: DirectionComparison, checks: Checks): void {
  const { planned, reported } = direction;
  if (!planned || !reported) return;
  if (!planned.value || !reported.value || compare(reported.value, planned.value) <= 0) {
    checks.pass();
    return;
  }
  const difference = sub(reported.value, planned.value);
  checks.fail({
    id: `${execution.document}/execution-${execution.year}-${direction.direction}-over-plan`,
    code: 'Q_EXECUTION_OVER_PLAN',
    document: execution.document,
    programme,
    subject: `Напрям ${direction.directionNumber} у ${execution.year} році: звіт проти плану`,
    stated: reported,
    parts: [planned],
    computed: planned.value,
    difference,
    message: `Напрям ${direction.directionNumber} у ${execution.year} році: у звіті ${formatUk(reported.value)} грн, заплановано ${formatUk(planned.value)} грн, більше на ${formatUk(difference)} грн.`,
  });
}

/** Totals an observations file states ("these parts make that total"), each within its document. */
function checkStatedTotals(model: Model, check: Check): void {
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
}

type Check = (code: NoteCode, id: string, document: string, programme: string | undefined, subject: string, stated: Figure | undefined, parts: Figure[]) => void;

function checkProgramme(programme: Programme, check: Check): void {
  checkPassport(programme, check);
  for (const annex of programme.annexes) checkAnnex(programme, annex, check);
}

/** The passport's funding table: total, years, sources, and the «Усього» row. */
function checkPassport(programme: Programme, check: Check): void {
  const { document, id } = programme;
  const years = [...programme.funding.years.entries()].sort(([a], [b]) => a - b);
  const yearTotals = years.map(([, row]) => row.total);
  check('Q_PASSPORT_TOTAL', 'passport-total', document, id, 'Паспорт програми: загальний обсяг фінансування проти суми за роками', programme.funding.total, yearTotals);
  for (const [year, row] of years) {
    const sources = Object.values(row.sources);
    if (sources.length > 0) {
      check('Q_PASSPORT_YEAR_SOURCES', `passport-${year}-sources`, document, id, `Паспорт програми, ${year} рік: усього проти суми за джерелами фінансування`, row.total, sources);
    }
  }
  const totalRow = programme.funding.totalRow;
  if (!totalRow) return;
  check('Q_PASSPORT_TOTAL_ROW', 'passport-total-row', document, id, 'Паспорт програми, рядок «Усього»: проти суми за роками', totalRow.total, yearTotals);
  for (const [source, figure] of Object.entries(totalRow.sources) as [FundingSource, Figure][]) {
    const column = years.flatMap(([, row]) => row.sources[source] ?? []);
    check('Q_PASSPORT_TOTAL_ROW', `passport-total-row-${source}`, document, id, `Паспорт програми, рядок «Усього», джерело «${SOURCE_NAMES[source]}»: проти суми за роками`, figure, column);
  }
}

/** An annex: its rows, its year columns against its «Усього» row and the passport, and its grand total. */
function checkAnnex(programme: Programme, annex: Annex, check: Check): void {
  const { document, id } = programme;
  for (const direction of annex.directions) checkDirection(programme, annex, direction, check);
  for (let year = annex.period.start; year <= annex.period.end; year++) {
    const column = annexColumn(annex, year);
    check('Q_ANNEX_COLUMN', `${annex.id}-${year}-column`, document, id, `Додаток ${annex.number}, ${year} рік: рядок «Усього» проти суми напрямів`, annex.totalRow.get(year), column);
    check('Q_PASSPORT_ANNEX', `passport-${year}-${annex.id}`, document, id, `${year} рік: паспорт програми проти суми напрямів у додатку ${annex.number}`, programme.funding.years.get(year)?.total, column);
  }
  const grand = annex.totalRow.get('total');
  const rowTotals = annex.directions.flatMap((direction) => direction.plannedTotal ?? []);
  if (rowTotals.length > 0) {
    check('Q_ANNEX_COLUMN', `${annex.id}-total-column`, document, id, `Додаток ${annex.number}: «Усього» за всі роки проти суми підсумків напрямів`, grand, rowTotals);
  }
  const yearCells = [...annex.totalRow.entries()].flatMap(([key, figure]) => (key === 'total' ? [] : [figure]));
  if (yearCells.length > 0) {
    check('Q_ANNEX_COLUMN', `${annex.id}-total-row`, document, id, `Додаток ${annex.number}: «Усього» за всі роки проти суми за роками`, grand, yearCells);
  }
}

/**
 * A direction's row, its measures' rows, and each year of the direction against its measures.
 * A direction whose money is printed per measure only has a row of its measures' years.
 */
function checkDirection(programme: Programme, annex: Annex, direction: Direction, check: Check): void {
  const { document, id } = programme;
  const where = `Додаток ${annex.number}, напрям ${direction.number}`;
  const ownYears = direction.planned.size > 0;
  const years = ownYears ? [...direction.planned.values()] : direction.measures.flatMap((measure) => [...measure.planned.values()]);
  check('Q_ANNEX_ROW', `${annex.id}-${direction.id}-row`, document, id, `${where}: усього проти суми за роками`, direction.plannedTotal, years);
  for (const measure of direction.measures) {
    check('Q_ANNEX_ROW', `${annex.id}-${measure.id}-row`, document, id, `${where}, захід ${measure.number}: усього проти суми за роками`, measure.plannedTotal, [...measure.planned.values()]);
  }
  for (const [year, figure] of direction.planned) {
    const parts = direction.measures.flatMap((measure) => measure.planned.get(year) ?? []);
    if (parts.length > 0) check('Q_ANNEX_ROW', `${annex.id}-${direction.id}-${year}-measures`, document, id, `${where}, ${year} рік: проти суми заходів`, figure, parts);
  }
}

const SOURCE_NAMES: Record<FundingSource, string> = { state: 'державний бюджет', oblast: 'обласний бюджет', community: 'бюджет громади', other: 'інші джерела' };

/** Planned money of an annex for a year: per direction, or per measure where the direction has none. */
function annexColumn(annex: Annex, year: number): Figure[] {
  return annex.directions.flatMap((direction) => {
    const own = direction.planned.get(year);
    if (own) return [own];
    return direction.measures.flatMap((measure) => measure.planned.get(year) ?? []);
  });
}

function compareExecution(execution: Execution, programme: Programme): ExecutionComparison | undefined {
  const annex = programme.annexes.find((a) => execution.year >= a.period.start && execution.year <= a.period.end);
  if (!annex) return undefined;
  const items = new Map(execution.items.map((item) => [item.direction, item]));
  const directions: DirectionComparison[] = annex.directions.map((direction) => {
    const item = items.get(direction.id);
    const planned = direction.planned.get(execution.year);
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
