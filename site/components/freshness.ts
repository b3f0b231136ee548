/**
 * Whether a dataset is up to date, judged as a reader would: from the period its newest
 * figures cover and the update frequency it declares. A dataset of 2021 figures that
 * promises a yearly update is late once the 2022 figures should have been out, however
 * recently its files were rebuilt. The last change of the files counts only when the
 * dataset has no reported period (a plan alone).
 */

/** Length of one period of each declared frequency (the data.gov.ua keys). */
const PERIOD: Record<string, { months?: number; days?: number }> = {
  'more than once a day': { days: 1 },
  'once a day': { days: 1 },
  'once a week': { days: 7 },
  'once a month': { months: 1 },
  'once a quarter': { months: 3 },
  'once a half year': { months: 6 },
  'once a year': { months: 12 },
};

/** Time allowed after a period ends for its report to be published; `words` as in «на звіт відведено …». */
export const ALLOWANCE: Record<string, { months?: number; days?: number; words: string }> = {
  'more than once a day': { days: 1, words: 'один день' },
  'once a day': { days: 1, words: 'один день' },
  'once a week': { days: 3, words: 'три дні' },
  'once a month': { days: 15, words: 'п’ятнадцять днів' },
  'once a quarter': { months: 1, words: 'один місяць' },
  'once a half year': { months: 2, words: 'два місяці' },
  'once a year': { months: 3, words: 'три місяці' },
};

/** Document kinds that plan rather than report: their period is not what the data covers. */
const PLANS = new Set(['decision', 'programme']);

export interface Period {
  start: string;
  end: string;
}

export interface Source {
  id: string;
  title: string;
  kind: string;
  period: Period | null;
}

export type Freshness =
  /** The frequency promises no date: irregular, or no longer updated. */
  | { state: 'unscheduled'; frequency: string; newest: Source | null }
  /** The next period's figures are due by `due`; late once a day after it has begun. */
  | { state: 'scheduled'; basis: 'period'; newest: Source; next: Period; due: string; late: boolean }
  /** Plans only: the next change is due a period after the last one. */
  | { state: 'scheduled'; basis: 'modified'; modified: string; due: string; late: boolean };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** YYYY-MM-DD plus months and days, from the start of a day (UTC). */
function add(day: string, { months = 0, days = 0 }: { months?: number; days?: number }): string {
  const d = new Date(`${day}T00:00:00Z`);
  const date = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(date, last) + days);
  return iso(d);
}

/** The last day of `length` counted from `start`: 2022-07-01 + 6 months → 2022-12-31. */
const lastDayOf = (start: string, length: { months?: number; days?: number }) => add(add(start, length), { days: -1 });

/** The newest source that reports (not plans), by the end of its period. */
export function newestReport(sources: Source[]): Source | null {
  const reporting = sources.filter((s) => s.period !== null && !PLANS.has(s.kind));
  return reporting.reduce<Source | null>((best, s) => (best === null || s.period!.end > best.period!.end ? s : best), null);
}

/** Whether a due date is past: on the day of the site build (lib/data.ts `isPast`), or on a given day. */
export type IsPast = (due: string) => boolean;

/** Judged on `today` (YYYY-MM-DD): late once the day after the due date has begun. */
export const onDay =
  (today: string): IsPast =>
  (due) =>
    today > due;

/**
 * The judgment depends on the day only through `isPast(due)`, so a page that shows it changes
 * only on the day its due date is crossed.
 */
export function freshness(frequency: string, sources: Source[], modified: string, isPast: IsPast): Freshness {
  const length = PERIOD[frequency];
  const allowance = ALLOWANCE[frequency];
  const newest = newestReport(sources);
  if (!length || !allowance) return { state: 'unscheduled', frequency, newest };
  if (newest) {
    const nextStart = add(newest.period!.end, { days: 1 });
    const next = { start: nextStart, end: lastDayOf(nextStart, length) };
    const due = lastDayOf(add(next.end, { days: 1 }), allowance);
    return { state: 'scheduled', basis: 'period', newest, next, due, late: isPast(due) };
  }
  const due = add(modified.slice(0, 10), length);
  return { state: 'scheduled', basis: 'modified', modified, due, late: isPast(due) };
}
