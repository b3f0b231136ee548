/**
 * Each check of the reconcile stage on small models built by hand, with every expected
 * note, sum and difference worked out on paper. The project's real reports go through the
 * same stage in reconcile.sources.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Annex, Direction, Execution, Figure, Measure, Model, Observation, Programme, StatedTotal } from '../model/types.ts';
import { parsePlain, toPlain } from '../numbers/decimal.ts';
import type { Qualifier } from '../numbers/parse.ts';
import { precision, reconcile, type QualityNote } from './reconcile.ts';

const NBSP = '\u00a0';
/** A figure as formatUk prints it: "300 000" with no-break spaces, "−" before a negative. */
const uk = (text: string) => text.replaceAll(' ', NBSP).replace('-', '\u2212');

/** A figure; `value` is the amount in UAH (or the count) worked out by hand, null for "-". */
function fig(printed: string, value: string | null, options: { qualifier?: Qualifier; kind?: Figure['kind']; unit?: string; document?: string } = {}): Figure {
  const kind = options.kind ?? 'UAH';
  return {
    key: printed,
    document: options.document ?? 'dec-7',
    printed,
    value: value === null ? null : parsePlain(value),
    kind,
    unit: options.unit ?? (kind === 'UAH' ? 'грн' : 'осіб'),
    qualifier: options.qualifier ?? 'exact',
    section: '1',
    quote: printed,
    quoteIsFigure: true,
    note: undefined,
    origin: { file: 'c/dec-7/programme.yaml', line: 1, path: 'x' },
  };
}

const uah = (amount: string) => fig(`${amount},00`, amount.replaceAll(' ', ''));
const years = (entries: Record<number, string>) => new Map(Object.entries(entries).map(([year, amount]) => [Number(year), uah(amount)]));

function measure(id: string, number: number, planned: Record<number, string>, total?: string): Measure {
  return { id, number, title: id, timeline: undefined, executors: undefined, fundingSource: undefined, planned: years(planned), plannedTotal: total === undefined ? undefined : uah(total), expectedResult: undefined, note: undefined };
}

function direction(id: string, number: number, planned: Record<number, string>, total: string | undefined, measures: Measure[]): Direction {
  return { id, annex: 'annex-1', number, title: `Напрям ${number}`, fundingSource: undefined, planned: years(planned), plannedTotal: total === undefined ? undefined : uah(total), measures, note: undefined };
}

/**
 * Programme "prog" of decision "dec-7", 2020–2021, whose figures all add up:
 *
 *   passport      total   community  oblast          annex 1     2020     2021     total
 *   2020        120 000    100 000  20 000           d1        100 000  150 000  250 000
 *   2021        180 000    180 000       –             m1       60 000  150 000  210 000
 *   «Усього»    300 000    280 000  20 000             m2       40 000        –   40 000
 *   total       300 000                              d2         20 000   30 000   50 000
 *                                                      m3            –        –        –
 *                                                    «Усього»  120 000  180 000  300 000
 *
 * The years are listed 2021 first, as an author may write them.
 */
function programme(): Programme {
  const annex: Annex = {
    id: 'annex-1',
    number: 1,
    title: 'Додаток 1',
    period: { start: 2020, end: 2021 },
    unit: 'грн',
    directions: [
      direction('d1', 1, { 2020: '100 000', 2021: '150 000' }, '250 000', [measure('m1', 1, { 2020: '60 000', 2021: '150 000' }, '210 000'), measure('m2', 2, { 2020: '40 000' }, '40 000')]),
      direction('d2', 2, { 2020: '20 000', 2021: '30 000' }, '50 000', [measure('m3', 1, {})]),
    ],
    totalRow: new Map<number | 'total', Figure>([
      [2020, uah('120 000')],
      [2021, uah('180 000')],
      ['total', uah('300 000')],
    ]),
  };
  return {
    id: 'prog',
    document: 'dec-7',
    publisher: 'c',
    title: 'Програма',
    titleEn: undefined,
    period: { start: 2020, end: 2021 },
    amendments: [],
    basis: undefined,
    developer: 'Відділ',
    executors: [],
    goal: 'Мета',
    expectedResults: [],
    coordination: undefined,
    funding: {
      section: '1.7',
      unit: 'грн',
      total: uah('300 000'),
      years: new Map([
        [2021, { total: uah('180 000'), sources: { community: uah('180 000') } }],
        [2020, { total: uah('120 000'), sources: { community: uah('100 000'), oblast: uah('20 000') } }],
      ]),
      totalRow: { total: uah('300 000'), sources: { community: uah('280 000'), oblast: uah('20 000') } },
    },
    annexes: [annex],
  };
}

function model(parts: Partial<Model>): Model {
  return { portal: undefined, catalog: [], publishers: [], documents: [], programmes: [], executions: [], observations: [], statedTotals: [], indicators: [], relations: [], units: new Map(), figures: [], ...parts };
}

const ids = (notes: QualityNote[]) => notes.map((note) => note.id);
const printed = (figures: Figure[]) => figures.map((figure) => figure.printed);

describe('a programme whose figures all add up', () => {
  it('passes every check and publishes no note', () => {
    const { notes, checks } = reconcile(model({ programmes: [programme()] }));
    expect(notes).toEqual([]);
    // passport: total, 2 years by source, «Усього» and its 2 sources = 6;
    // annex: d1, m1, m2, d2 rows, d1 against m1+m2 in 2020 and 2021 = 6 (m3 prints nothing);
    // columns 2020 and 2021 against «Усього» and the passport = 4; the grand total twice = 2.
    expect(checks).toEqual({ passed: 18, failed: 0 });
  });

  it('skips a total the source leaves empty ("-"), and parts it leaves empty count as nothing', () => {
    const p = programme();
    p.funding.totalRow!.sources.oblast = fig('-', null);
    p.funding.years.get(2021)!.sources.state = fig('-', null);
    const { notes, checks } = reconcile(model({ programmes: [p] }));
    expect(notes).toEqual([]);
    expect(checks).toEqual({ passed: 17, failed: 0 });
  });
});

describe('programme checks, one changed figure at a time', () => {
  function withChange(change: (p: Programme) => void) {
    const p = programme();
    change(p);
    return reconcile(model({ programmes: [p] }));
  }

  it('Q_PASSPORT_TOTAL: the passport total against the years, in year order', () => {
    const { notes, checks } = withChange((p) => (p.funding.total = uah('310 000')));
    expect(notes).toHaveLength(1);
    const [note] = notes;
    expect(note).toMatchObject({ id: 'dec-7/passport-total', code: 'Q_PASSPORT_TOTAL', document: 'dec-7', programme: 'prog' });
    expect(note!.subject).toBe('Паспорт програми: загальний обсяг фінансування проти суми за роками');
    expect(printed(note!.parts)).toEqual(['120 000,00', '180 000,00']);
    expect(toPlain(note!.computed)).toBe('300000');
    expect(toPlain(note!.difference)).toBe('10000');
    expect(note!.message).toBe(`Паспорт програми: загальний обсяг фінансування проти суми за роками: у джерелі ${uk('310 000')}, сума складових ${uk('300 000')}, різниця ${uk('10 000')} грн.`);
    expect(checks).toEqual({ passed: 17, failed: 1 });
  });

  it('Q_PASSPORT_YEAR_SOURCES and Q_PASSPORT_TOTAL_ROW: a source that does not add up across and down', () => {
    const { notes } = withChange((p) => (p.funding.years.get(2020)!.sources.community = uah('110 000')));
    expect(ids(notes)).toEqual(['dec-7/passport-2020-sources', 'dec-7/passport-total-row-community']);
    const [year, row] = notes;
    expect(year).toMatchObject({ code: 'Q_PASSPORT_YEAR_SOURCES', subject: 'Паспорт програми, 2020 рік: усього проти суми за джерелами фінансування' });
    expect(year!.message).toBe(`Паспорт програми, 2020 рік: усього проти суми за джерелами фінансування: у джерелі ${uk('120 000')}, сума складових ${uk('130 000')}, різниця ${uk('-10 000')} грн.`);
    expect(row).toMatchObject({ code: 'Q_PASSPORT_TOTAL_ROW', subject: 'Паспорт програми, рядок «Усього», джерело «бюджет громади»: проти суми за роками' });
    expect(printed(row!.parts)).toEqual(['110 000,00', '180 000,00']);
    expect(toPlain(row!.difference)).toBe('-10000');
  });

  it('Q_PASSPORT_TOTAL_ROW: the «Усього» row against the years, and each source by its name', () => {
    const total = withChange((p) => (p.funding.totalRow!.total = uah('301 000')));
    expect(ids(total.notes)).toEqual(['dec-7/passport-total-row']);
    expect(total.notes[0]).toMatchObject({ code: 'Q_PASSPORT_TOTAL_ROW', subject: 'Паспорт програми, рядок «Усього»: проти суми за роками' });
    const names = withChange((p) => {
      const row = p.funding.totalRow!;
      row.sources = { state: uah('1'), oblast: uah('2'), community: uah('3'), other: uah('4') };
    });
    expect(names.notes.map((note) => note.subject)).toEqual([
      'Паспорт програми, рядок «Усього», джерело «бюджет громади»: проти суми за роками',
      'Паспорт програми, рядок «Усього», джерело «обласний бюджет»: проти суми за роками',
      'Паспорт програми, рядок «Усього», джерело «інші джерела»: проти суми за роками',
      'Паспорт програми, рядок «Усього», джерело «державний бюджет»: проти суми за роками',
    ]);
    // Nothing in the years for the state and other columns: the sum of no parts is zero.
    expect(names.notes.map((note) => toPlain(note.computed))).toEqual(['280000', '20000', '0', '0']);
    // Only the years that print the source are its parts: oblast money is in 2020 alone.
    expect(names.notes.map((note) => printed(note.parts))).toEqual([['100 000,00', '180 000,00'], ['20 000,00'], [], []]);
  });

  it('checks a year by its sources only when the passport prints some', () => {
    const { checks } = withChange((p) => (p.funding.years.get(2021)!.sources = {}));
    // 2021's sources check is gone; the «Усього» row's community column now lacks 2021.
    expect(checks).toEqual({ passed: 16, failed: 1 });
  });

  it('leaves out the «Усього» checks when the passport prints no such row', () => {
    const { checks } = withChange((p) => (p.funding.totalRow = undefined));
    expect(checks).toEqual({ passed: 15, failed: 0 });
  });

  it('Q_ANNEX_ROW: a direction row against its years, and the grand total against the rows', () => {
    const { notes } = withChange((p) => (p.annexes[0]!.directions[0]!.plannedTotal = uah('205 000')));
    expect(ids(notes)).toEqual(['dec-7/annex-1-d1-row', 'dec-7/annex-1-total-column']);
    expect(notes[0]).toMatchObject({ code: 'Q_ANNEX_ROW', subject: 'Додаток 1, напрям 1: усього проти суми за роками' });
    expect(toPlain(notes[0]!.computed)).toBe('250000');
    expect(notes[1]).toMatchObject({ code: 'Q_ANNEX_COLUMN', subject: 'Додаток 1: «Усього» за всі роки проти суми підсумків напрямів' });
    expect(printed(notes[1]!.parts)).toEqual(['205 000,00', '50 000,00']);
  });

  it('Q_ANNEX_ROW: a measure row against its years', () => {
    const { notes } = withChange((p) => (p.annexes[0]!.directions[0]!.measures[0]!.plannedTotal = uah('200 000')));
    expect(ids(notes)).toEqual(['dec-7/annex-1-m1-row']);
    expect(notes[0]).toMatchObject({ code: 'Q_ANNEX_ROW', subject: 'Додаток 1, напрям 1, захід 1: усього проти суми за роками' });
    expect(toPlain(notes[0]!.difference)).toBe('-10000');
  });

  it('Q_ANNEX_ROW: a direction year against its measures', () => {
    const { notes } = withChange((p) => {
      const m2 = p.annexes[0]!.directions[0]!.measures[1]!;
      m2.planned.set(2020, uah('45 000'));
      m2.plannedTotal = uah('45 000');
    });
    expect(ids(notes)).toEqual(['dec-7/annex-1-d1-2020-measures']);
    expect(notes[0]).toMatchObject({ code: 'Q_ANNEX_ROW', subject: 'Додаток 1, напрям 1, 2020 рік: проти суми заходів' });
    expect(printed(notes[0]!.parts)).toEqual(['60 000,00', '45 000,00']);
  });

  it('Q_ANNEX_COLUMN: a year of the «Усього» row against the directions, and the grand total against the years', () => {
    const { notes } = withChange((p) => p.annexes[0]!.totalRow.set(2020, uah('121 000')));
    expect(ids(notes)).toEqual(['dec-7/annex-1-2020-column', 'dec-7/annex-1-total-row']);
    expect(notes[0]).toMatchObject({ code: 'Q_ANNEX_COLUMN', subject: 'Додаток 1, 2020 рік: рядок «Усього» проти суми напрямів' });
    expect(printed(notes[0]!.parts)).toEqual(['100 000,00', '20 000,00']);
    expect(notes[1]).toMatchObject({ code: 'Q_ANNEX_COLUMN', subject: 'Додаток 1: «Усього» за всі роки проти суми за роками' });
    expect(printed(notes[1]!.parts)).toEqual(['121 000,00', '180 000,00']);
  });

  it('Q_PASSPORT_ANNEX: a passport year against the annex column', () => {
    const { notes } = withChange((p) => {
      const d2 = p.annexes[0]!.directions[1]!;
      d2.planned.set(2020, uah('25 000'));
      d2.plannedTotal = uah('55 000');
      p.annexes[0]!.totalRow.set(2020, uah('125 000'));
      p.annexes[0]!.totalRow.set('total', uah('305 000'));
    });
    expect(ids(notes)).toEqual(['dec-7/passport-2020-annex-1']);
    expect(notes[0]).toMatchObject({ code: 'Q_PASSPORT_ANNEX', subject: '2020 рік: паспорт програми проти суми напрямів у додатку 1' });
    expect(toPlain(notes[0]!.stated.value!)).toBe('120000');
    expect(toPlain(notes[0]!.computed)).toBe('125000');
  });

  it('checks every year of the annex period, including one the passport does not list', () => {
    const { notes, checks } = withChange((p) => {
      const annex = p.annexes[0]!;
      annex.period = { start: 2020, end: 2022 };
      annex.totalRow.set(2022, uah('5 000'));
      annex.totalRow.set('total', uah('305 000'));
    });
    // 2022: the «Усього» row prints 5 000, no direction plans anything; the passport has no 2022.
    // The grand total 305 000 is the years' sum but not the directions' (300 000).
    expect(ids(notes)).toEqual(['dec-7/annex-1-2022-column', 'dec-7/annex-1-total-column']);
    expect(toPlain(notes[0]!.computed)).toBe('0');
    expect(checks).toEqual({ passed: 17, failed: 2 });
  });

  it('skips the grand-total checks when there is nothing to add', () => {
    const { checks } = withChange((p) => {
      const annex = p.annexes[0]!;
      for (const d of annex.directions) d.plannedTotal = undefined;
      annex.totalRow = new Map([['total', uah('300 000')]]);
    });
    // Gone: the d1 and d2 rows, the two «Усього» year cells, and both grand-total checks.
    expect(checks).toEqual({ passed: 12, failed: 0 });
  });

  it('reads the row of a direction printed per measure only as the sum of its measures', () => {
    const { notes, checks } = withChange((p) => {
      const d2 = p.annexes[0]!.directions[1]!;
      d2.planned = new Map();
      d2.measures = [measure('m3', 1, { 2020: '20 000', 2021: '30 000' }, '50 000')];
    });
    expect(notes).toEqual([]);
    // d2's row now adds m3's years; m3's own row is one more check.
    expect(checks).toEqual({ passed: 19, failed: 0 });
    const off = withChange((p) => {
      const d2 = p.annexes[0]!.directions[1]!;
      d2.planned = new Map();
      d2.measures = [measure('m3', 1, { 2020: '20 000', 2021: '35 000' }, '55 000'), measure('m4', 2, {})];
    });
    expect(ids(off.notes)).toEqual(['dec-7/annex-1-2021-column', 'dec-7/annex-1-d2-row', 'dec-7/passport-2021-annex-1']);
    expect(printed(off.notes[0]!.parts)).toEqual(['150 000,00', '35 000,00']);
    expect(printed(off.notes[1]!.parts)).toEqual(['20 000,00', '35 000,00']);
  });
});

describe('execution reports', () => {
  /** An amount as a report prints it, "-" for an empty cell. */
  const money = (text: string) => fig(text, text === '-' ? null : text.replaceAll(' ', '').replace(',', '.'), { document: 'rep-2021' });
  const item = (direction: string, amount: string | undefined, word: Execution['items'][number]['word'] = 'spent') => ({
    direction,
    amount: amount === undefined ? undefined : money(amount),
    word,
    section: undefined,
  });

  function execution(items: Execution['items'], total: string, year = 2021, programmeId = 'prog'): Execution {
    return {
      document: 'rep-2021',
      publisher: 'c',
      programme: programmeId,
      year,
      unit: 'грн',
      programmeTitleAsPrinted: undefined,
      items,
      total: { amount: money(total), word: 'spent' },
    };
  }

  it('compares each direction with its plan and gives the rates', () => {
    const report = execution([item('d1', '149 500,50'), item('d2', '30 000', 'allocated')], '179 500,50');
    const { notes, comparisons, checks } = reconcile(model({ programmes: [programme()], executions: [report] }));
    expect(notes).toEqual([]);
    // 18 programme checks, the report's total, and two directions within plan.
    expect(checks).toEqual({ passed: 21, failed: 0 });
    expect(comparisons).toHaveLength(1);
    const [comparison] = comparisons;
    expect(comparison).toMatchObject({ document: 'rep-2021', programme: 'prog', year: 2021, annex: 'annex-1' });
    // 149 500,50 / 150 000 = 99,6670 %; 179 500,50 / 180 000 = 99,7225 %.
    expect(comparison!.directions.map((d) => [d.direction, d.directionNumber, d.directionTitle, d.word, d.planned!.printed, d.reported!.printed, toPlain(d.rate!)])).toEqual([
      ['d1', 1, 'Напрям 1', 'spent', '150 000,00', '149 500,50', '99.67'],
      ['d2', 2, 'Напрям 2', 'allocated', '30 000,00', '30 000', '100'],
    ]);
    expect(toPlain(comparison!.plannedTotal)).toBe('180000');
    expect(comparison!.plannedTotalPrinted!.printed).toBe('180 000,00');
    expect(comparison!.reportedTotal.printed).toBe('179 500,50');
    expect(toPlain(comparison!.rate!)).toBe('99.72');
  });

  it('Q_EXECUTION_TOTAL and Q_EXECUTION_OVER_PLAN: a total that is not its items, an item above its plan', () => {
    const report = execution([item('d1', '150 500,50'), item('d2', '30 000')], '179 500,50');
    const { notes, checks } = reconcile(model({ programmes: [programme()], executions: [report] }));
    expect(ids(notes)).toEqual(['rep-2021/execution-2021-d1-over-plan', 'rep-2021/execution-2021-total']);
    const [over, total] = notes;
    expect(over).toMatchObject({ code: 'Q_EXECUTION_OVER_PLAN', document: 'rep-2021', programme: 'prog', subject: 'Напрям 1 у 2021 році: звіт проти плану' });
    expect(over!.stated.printed).toBe('150 500,50');
    expect(printed(over!.parts)).toEqual(['150 000,00']);
    expect(toPlain(over!.computed)).toBe('150000');
    expect(toPlain(over!.difference)).toBe('500.5');
    expect(over!.message).toBe(`Напрям 1 у 2021 році: у звіті ${uk('150 500,5')} грн, заплановано ${uk('150 000')} грн, більше на 500,5 грн.`);
    expect(total).toMatchObject({ code: 'Q_EXECUTION_TOTAL', programme: 'prog', subject: 'Звіт за 2021 рік: загальна сума проти суми за напрямами' });
    expect(total!.message).toBe(`Звіт за 2021 рік: загальна сума проти суми за напрямами: у джерелі ${uk('179 500,5')}, сума складових ${uk('180 500,5')}, різниця ${uk('-1 000')} грн.`);
    expect(checks).toEqual({ passed: 19, failed: 2 });
  });

  it('accepts an item exactly at its plan', () => {
    const report = execution([item('d1', '150 000'), item('d2', '30 000')], '180 000');
    expect(reconcile(model({ programmes: [programme()], executions: [report] })).checks).toEqual({ passed: 21, failed: 0 });
  });

  it('counts an item against an empty plan cell as compared, without a rate', () => {
    const p = programme();
    p.annexes[0]!.directions[1]!.planned.set(2021, fig('-', null));
    const report = execution([item('d1', '149 500,50'), item('d2', '30 000')], '179 500,50');
    const { comparisons, checks, notes } = reconcile(model({ programmes: [p], executions: [report] }));
    expect(comparisons[0]!.directions[1]).toMatchObject({ direction: 'd2', rate: undefined });
    expect(toPlain(comparisons[0]!.plannedTotal)).toBe('150000');
    // The programme no longer adds up: d2's row, and 2021 against the «Усього» row and the passport.
    expect(ids(notes)).toEqual(['dec-7/annex-1-2021-column', 'dec-7/annex-1-d2-row', 'dec-7/passport-2021-annex-1']);
    // 15 programme checks pass, then the report's total, d1 within plan, and d2 compared.
    expect(checks).toEqual({ passed: 18, failed: 3 });
  });

  it('leaves directions without a reported amount, and items without an amount, out of the comparison', () => {
    const report = execution([item('d1', '149 500,50'), item('d2', undefined)], '149 500,50');
    const { comparisons, checks, notes } = reconcile(model({ programmes: [programme()], executions: [report] }));
    expect(notes).toEqual([]);
    expect(comparisons[0]!.directions[1]).toMatchObject({ direction: 'd2', reported: undefined, rate: undefined, word: 'spent' });
    expect(checks).toEqual({ passed: 20, failed: 0 });
    const without = reconcile(model({ programmes: [programme()], executions: [execution([item('d1', '149 500,50')], '149 500,50')] }));
    expect(without.comparisons[0]!.directions[1]).toMatchObject({ direction: 'd2', reported: undefined, word: undefined, rate: undefined });
  });

  it('lists only the items that print an amount among the parts of the total', () => {
    const report = execution([item('d1', '149 500,50'), item('d2', undefined)], '150 000');
    const { notes } = reconcile(model({ programmes: [programme()], executions: [report] }));
    expect(ids(notes)).toEqual(['rep-2021/execution-2021-total']);
    expect(printed(notes[0]!.parts)).toEqual(['149 500,50']);
  });

  it('compares a report for the first year of an annex, and a direction the annex plans nothing for that year', () => {
    const p = programme();
    p.annexes[0]!.directions[1]!.planned.delete(2020);
    const report = execution([item('d1', '100 000'), item('d2', '20 000')], '120 000', 2020);
    const { comparisons } = reconcile(model({ programmes: [p], executions: [report] }));
    expect(comparisons).toHaveLength(1);
    expect(comparisons[0]!.directions.map((d) => [d.direction, d.planned?.printed, d.reported?.printed, d.rate && toPlain(d.rate)])).toEqual([
      ['d1', '100 000,00', '100 000', '100'],
      ['d2', undefined, '20 000', undefined],
    ]);
  });

  it('has no total rate when the report leaves its total empty', () => {
    const report = execution([item('d1', '149 500,50')], '-');
    const { comparisons } = reconcile(model({ programmes: [programme()], executions: [report] }));
    expect(comparisons[0]!.rate).toBeUndefined();
  });

  it('checks only the total of a report for a year outside every annex, or of an unknown programme', () => {
    const late = reconcile(model({ programmes: [programme()], executions: [execution([item('d1', '900')], '1 000', 2022)] }));
    expect(late.comparisons).toEqual([]);
    expect(ids(late.notes)).toEqual(['rep-2021/execution-2022-total']);
    expect(late.notes[0]!.subject).toBe('Звіт за 2022 рік: загальна сума проти суми за напрямами');
    const early = reconcile(model({ programmes: [programme()], executions: [execution([item('d1', '1 000')], '1 000', 2019)] }));
    expect(early.comparisons).toEqual([]);
    const unknown = reconcile(model({ programmes: [programme()], executions: [execution([item('d1', '1 000')], '1 001', 2021, 'other')] }));
    expect(unknown.comparisons).toEqual([]);
    expect(unknown.notes).toMatchObject([{ id: 'rep-2021/execution-2021-total', programme: 'other' }]);
  });
});

describe('stated totals', () => {
  let serial = 0;
  const observation = (id: string, figure: Figure, document = 'rep-2021'): Observation => ({
    id,
    document,
    publisher: 'c',
    indicator: id,
    code: undefined,
    topic: undefined,
    figure: { ...figure, document, key: `${document}:${id}:${serial++}` },
    period: { start: '2021-01-01', end: '2021-12-31', label: '2021' },
    dimensions: {},
    result: undefined, budgetGroup: undefined, budgetCode: undefined, shared: undefined, place: () => ({ file: 'test.yaml', line: 1, path: '' }),
  });
  const count = (printedText: string, value: string, qualifier: Qualifier = 'exact') => fig(printedText, value, { kind: 'count', unit: 'осіб', qualifier });
  const statedTotal = (parts: string[], document = 'rep-2021'): StatedTotal => ({ id: 'visitors', document, label: 'Відвідувачі за категоріями', total: 'total', parts, quote: undefined, note: undefined });

  function check(total: Figure, ...parts: Figure[]) {
    const observations = [observation('total', total), ...parts.map((part, i) => observation(`p${i}`, part))];
    return reconcile(model({ observations, statedTotals: [statedTotal(parts.map((_, i) => `p${i}`))] }));
  }

  it('agrees when the parts make the total exactly, and says by how much they do not', () => {
    expect(check(count('1 050', '1050'), count('700', '700'), count('350', '350')).notes).toEqual([]);
    const { notes, checks } = check(count('1 051', '1051'), count('700', '700'), count('350', '350'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ id: 'rep-2021/total-visitors', code: 'Q_STATED_TOTAL', document: 'rep-2021', programme: undefined, subject: 'Відвідувачі за категоріями' });
    // Counts carry no "грн".
    expect(notes[0]!.message).toBe(`Відвідувачі за категоріями: у джерелі ${uk('1 051')}, сума складових ${uk('1 050')}, різниця 1.`);
    expect(checks).toEqual({ passed: 0, failed: 1 });
  });

  it('reads "близько 1,2 тис." as 1 200 ± 100: 1 100 and 1 300 agree, 1 099 and 1 301 do not', () => {
    const approx = count('близько 1,2 тис.', '1200', 'approx');
    expect(check(approx, count('700', '700'), count('400', '400')).notes).toEqual([]);
    expect(check(approx, count('700', '700'), count('600', '600')).notes).toEqual([]);
    const under = check(approx, count('700', '700'), count('399', '399')).notes;
    expect(under).toHaveLength(1);
    expect(under[0]!.message).toBe(`Відвідувачі за категоріями: у джерелі близько ${uk('1 200')}, сума складових ${uk('1 099')}, різниця 101.`);
    expect(check(approx, count('700', '700'), count('601', '601')).notes).toHaveLength(1);
  });

  it('adds the slack of approximate parts to that of the total', () => {
    // 1 200 ± 100, plus "близько 400" ± 1: 1 301 agrees, 1 302 does not.
    const approx = count('близько 1,2 тис.', '1200', 'approx');
    expect(check(approx, count('901', '901'), count('близько 400', '400', 'approx')).notes).toEqual([]);
    const off = check(approx, count('902', '902'), count('близько 400', '400', 'approx')).notes;
    expect(off).toHaveLength(1);
    expect(off[0]!.message).toBe(`Відвідувачі за категоріями: у джерелі близько ${uk('1 200')}, сума складових близько ${uk('1 302')}, різниця ${uk('-102')}.`);
    // An exact total made of approximate parts has only their slack: 1 000 against "близько 999".
    expect(check(count('1 000', '1000'), count('близько 999', '999', 'approx')).notes).toEqual([]);
    expect(check(count('1 000', '1000'), count('близько 998', '998', 'approx')).notes).toHaveLength(1);
  });

  it('reads "понад" as a lower bound that equal parts meet: 1 000 and 1 001 agree, 999 does not', () => {
    const bound = count('понад 1 000', '1000', 'more_than');
    expect(check(bound, count('1 000', '1000')).notes).toEqual([]);
    expect(check(bound, count('1 001', '1001')).notes).toEqual([]);
    const below = check(bound, count('999', '999')).notes;
    expect(below).toHaveLength(1);
    expect(below[0]!.message).toBe(`Відвідувачі за категоріями: у джерелі понад ${uk('1 000')}, сума складових 999, різниця 1.`);
  });

  it('reads "менше" as an upper bound that equal parts meet: 1 000 and 999 agree, 1 001 does not', () => {
    const bound = count('менше 1 000', '1000', 'less_than');
    expect(check(bound, count('1 000', '1000')).notes).toEqual([]);
    expect(check(bound, count('999', '999')).notes).toEqual([]);
    const above = check(bound, count('1 001', '1001')).notes;
    expect(above).toHaveLength(1);
    expect(above[0]!.message).toBe(`Відвідувачі за категоріями: у джерелі менше ${uk('1 000')}, сума складових ${uk('1 001')}, різниця ${uk('-1')}.`);
  });

  it('does not read a bound as met by parts that are themselves approximate or bounds', () => {
    expect(check(count('понад 1 000', '1000', 'more_than'), count('близько 1 200', '1200', 'approx')).notes).toHaveLength(1);
    expect(check(count('менше 1 000', '1000', 'less_than'), count('понад 500', '500', 'more_than')).notes).toHaveLength(1);
    // Equal is equal, whatever the words.
    expect(check(count('менше 1 000', '1000', 'less_than'), count('понад 1 000', '1000', 'more_than')).notes).toEqual([]);
  });

  it('adds the parts it finds, and leaves out those it cannot', () => {
    const observations = [observation('total', count('10', '10')), observation('p0', count('4', '4'))];
    const { notes } = reconcile(model({ observations, statedTotals: [statedTotal(['p0', 'p9'])] }));
    expect(printed(notes[0]!.parts)).toEqual(['4']);
    expect(toPlain(notes[0]!.computed)).toBe('4');
  });

  it('does not read a bound as met when only some parts are exact', () => {
    // 600 + "близько 500" = 1 100 is over 1 000, but the approximate part claims only ± 1.
    expect(check(count('понад 1 000', '1000', 'more_than'), count('600', '600'), count('близько 500', '500', 'approx')).notes).toHaveLength(1);
    expect(check(count('менше 1 000', '1000', 'less_than'), count('400', '400'), count('близько 500', '500', 'approx')).notes).toHaveLength(1);
  });

  it('looks the figures up in the total’s own document, and skips a total it cannot find', () => {
    const observations = [observation('total', count('10', '10')), observation('p0', count('10', '10'), 'other-doc'), observation('p0', count('4', '4'))];
    const result = reconcile(model({ observations, statedTotals: [statedTotal(['p0'])] }));
    expect(ids(result.notes)).toEqual(['rep-2021/total-visitors']);
    expect(toPlain(result.notes[0]!.computed)).toBe('4');
    const missing = reconcile(model({ observations, statedTotals: [statedTotal(['p0'], 'no-such-doc')] }));
    expect(missing.checks).toEqual({ passed: 0, failed: 0 });
  });

  it('lists the notes of all checks in the order of their ids', () => {
    const p = programme();
    p.funding.total = uah('310 000');
    p.annexes[0]!.totalRow.set(2020, uah('121 000'));
    const observations = [observation('total', count('10', '10')), observation('p0', count('9', '9'))];
    const result = reconcile(model({ programmes: [p], observations, statedTotals: [statedTotal(['p0'])] }));
    expect(ids(result.notes)).toEqual(['dec-7/annex-1-2020-column', 'dec-7/annex-1-total-row', 'dec-7/passport-total', 'rep-2021/total-visitors']);
  });
});

describe('the precision an approximate figure claims', () => {
  const as = (printedText: string, kind: Figure['kind'], unit: string) => toPlain(precision(fig(printedText, '0', { kind, unit, qualifier: 'approx' })));

  it('is one unit of the last printed digit, multipliers and money units included', () => {
    expect(as('близько 1 200', 'count', 'осіб')).toBe('1');
    expect(as('близько 6,5 тис.', 'count', 'осіб')).toBe('100');
    expect(as('близько 0,25', 'count', '%')).toBe('0.01');
    expect(as('близько 2 млн', 'count', 'осіб')).toBe('1000000');
    expect(as('близько 14 981,8', 'UAH', 'тис. грн')).toBe('100');
    expect(as('близько 14 981,8 тис. грн', 'UAH', 'тис. грн')).toBe('100');
    expect(as('близько 1,2 млн грн', 'UAH', 'млн грн')).toBe('100000');
    expect(as('близько 15,5', 'UAH', 'грн')).toBe('0.1');
  });

  it('lets a unit printed in the figure win over the declared one, which may be written loosely', () => {
    expect(as('близько 275 007 грн', 'UAH', 'тис. грн')).toBe('1');
    expect(as('близько 6,5', 'UAH', 'тис.грн')).toBe('100');
  });

  it('is zero for a figure it cannot read', () => {
    expect(as('сто', 'count', 'осіб')).toBe('0');
  });
});
