/** Dates and times as the reference checker (Python's datetime) reads them: ISO forms and strptime layouts. */
import { compareValues } from './order.ts';

export interface Moment {
  /** Seconds since 1970-01-01T00:00:00 (UTC when aware, wall clock when naive). */
  seconds: number;
  micros: number;
  aware: boolean;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 0 for a month that does not exist. */
function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

/** Python's date range: years 1–9999, a real day of a real month. */
export function realDate(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export interface DateTimeParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Fraction of a second, digits as written (truncated to microseconds when used). */
  fraction: string;
  /** Offset in minutes east of UTC; undefined for a naive datetime. */
  offset: number | undefined;
}

/** Validates the parts; returns a message fragment when they name no real moment. */
export function realDateTime(p: DateTimeParts): string | undefined {
  if (!realDate(p.y, p.mo, p.d)) return 'is not a real calendar date';
  if (p.h > 23 || p.mi > 59 || p.s > 59) return 'is not a real time of day';
  // No offset is NaN here, and NaN is no impossible offset.
  if (Math.abs(p.offset ?? Number.NaN) >= 24 * 60) return 'has an impossible UTC offset';
  return undefined;
}

export function momentOf(p: DateTimeParts): Moment {
  const wall = daysFromCivil(p.y, p.mo, p.d) * 86400 + p.h * 3600 + p.mi * 60 + p.s;
  const micros = Number((p.fraction + '000000').slice(0, 6));
  return p.offset === undefined
    ? { seconds: wall, micros, aware: false }
    : { seconds: wall - p.offset * 60, micros, aware: true };
}

export function momentKey(m: Moment): string {
  return `t:${m.aware ? 'Z' : 'N'}${m.seconds}.${pad(m.micros, 6)}`;
}

export function compareMoment(a: Moment, b: Moment): number | undefined {
  if (a.aware !== b.aware) return undefined; // Python cannot order naive and aware datetimes
  return compareValues(a.seconds, b.seconds) || compareValues(a.micros, b.micros);
}

/** Minutes east of UTC; Z is 0 (no hours, no minutes), minutes past 59 are NaN. */
function parseOffset(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const sign = text[0] === '-' ? -1 : 1;
  const body = text.slice(1).replace(':', '');
  const hours = Number(body.slice(0, 2));
  const minutes = Number(body.slice(2, 4));
  if (minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

export const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;
/** format "any": ISO 8601 forms Python's datetime.fromisoformat reads. */
export const ANY_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isoParts(m: RegExpExecArray): DateTimeParts {
  return {
    y: Number(m[1]),
    mo: Number(m[2]),
    d: Number(m[3]),
    h: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
    s: Number(m[6] ?? 0),
    fraction: m[7] ?? '',
    offset: parseOffset(m[8]),
  };
}

/** A strptime layout (%d.%m.%Y …) compiled once per field; a subset of Python's. */
export interface Layout {
  re: RegExp;
  groups: string[];
}

const LAYOUT_DIRECTIVES: Record<string, string> = {
  Y: '(\\d{4})',
  y: '(\\d{2})',
  m: '(\\d{1,2})',
  d: '(\\d{1,2})',
  H: '(\\d{1,2})',
  M: '(\\d{1,2})',
  S: '(\\d{1,2})',
  f: '(\\d{1,6})',
};

/** A directive (%d, or % at the very end), a run of white space, or any other character. */
const LAYOUT_TOKEN = /%(.?)|(\s+)|([^%\s])/gu;

export function compileLayout(format: string): Layout | string {
  let source = '';
  const groups: string[] = [];
  for (const [, directive, space, literal] of format.matchAll(LAYOUT_TOKEN)) {
    if (space !== undefined) source += '\\s+';
    else if (literal !== undefined) source += literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (directive === '%') source += '%';
    else {
      const group = LAYOUT_DIRECTIVES[directive!];
      if (group === undefined) return `format ${JSON.stringify(format)} uses %${directive}, which this checker does not read`;
      source += group;
      groups.push(directive!);
    }
  }
  return { re: new RegExp(`^${source}$`), groups };
}

export function layoutParts(layout: Layout, raw: string): DateTimeParts | undefined {
  const m = layout.re.exec(raw);
  if (!m) return undefined;
  const p: DateTimeParts = { y: 1900, mo: 1, d: 1, h: 0, mi: 0, s: 0, fraction: '', offset: undefined };
  layout.groups.forEach((directive, index) => {
    const text = m[index + 1]!;
    const value = Number(text);
    if (directive === 'Y') p.y = value;
    else if (directive === 'y') p.y = value < 69 ? 2000 + value : 1900 + value;
    else if (directive === 'm') p.mo = value;
    else if (directive === 'd') p.d = value;
    else if (directive === 'H') p.h = value;
    else if (directive === 'M') p.mi = value;
    else if (directive === 'S') p.s = value;
    else p.fraction = text; // %f, the one left
  });
  return p;
}

export const ANY_DATE_LAYOUTS = ['%Y-%m-%d', '%d.%m.%Y', '%d/%m/%Y', '%Y/%m/%d', '%d-%m-%Y', '%Y%m%d'].map(
  (format) => compileLayout(format) as Layout,
);
