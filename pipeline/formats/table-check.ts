/**
 * Checks published CSV files against their Frictionless Table Schemas (v2) before they
 * leave the build. The rules follow the reference checker
 * (../shared/tools/conformance.py, TableChecker and cast_value) and the standards digest
 * (../shared/STANDARDS.md §1):
 *
 * - CSV: UTF-8 without BOM, comma delimiter, RFC 4180 quoting ("" escapes), CRLF lines;
 *   one header row equal to the schema's field names in order (fieldsMatch "exact").
 * - Each row has as many cells as the header; a cell equal to one of the schema's
 *   missingValues is null.
 * - Non-null cells are cast by field type; constraints apply to the cast (logical) value:
 *   numbers compare exactly as decimals, never as binary floats.
 * - primaryKey (required + unique combination), foreignKeys (the key tuple must exist in
 *   the referenced resource; an empty or absent reference.resource is the table itself).
 *   A foreign key whose parts are all empty is not looked up; one with some parts empty is
 *   a finding, as frictionless-py looks the whole tuple up and finds no match.
 *
 * Every finding names the resource, the 1-based data row (the header is row 0) and the
 * field, and says what was expected. At most 50 findings per resource are listed, then
 * one more finding says how many were left out.
 */
import type { Field, FieldType, ForeignKey, TableSchema } from '../publish/types.ts';

export interface TableFinding {
  resource: string;
  /** 1-based data row; the header is row 0. Absent for schema- and file-level findings. */
  row?: number;
  field?: string;
  message: string;
}

export interface CheckedTable {
  name: string;
  schema: TableSchema;
  csv: string;
}

export const MAX_FINDINGS_PER_RESOURCE = 50;

// ---------------------------------------------------------------------------------------
// Findings, capped per resource

class Bucket {
  readonly resource: string;
  readonly list: TableFinding[] = [];
  hidden = 0;

  constructor(resource: string) {
    this.resource = resource;
  }

  add(message: string, row?: number, field?: string): void {
    if (this.list.length >= MAX_FINDINGS_PER_RESOURCE) {
      this.hidden += 1;
      return;
    }
    const finding: TableFinding = { resource: this.resource, message };
    if (row !== undefined) finding.row = row;
    if (field !== undefined) finding.field = field;
    this.list.push(finding);
  }

  /** A finding about one cell: `row 3, field "x": …`. */
  cell(row: number, field: string, text: string): void {
    this.add(`row ${row}, field ${JSON.stringify(field)}: ${text}`, row, field);
  }

  finish(): TableFinding[] {
    if (this.hidden > 0) {
      this.list.push({
        resource: this.resource,
        message: `${this.hidden} more finding(s) not shown (only the first ${MAX_FINDINGS_PER_RESOURCE} are listed)`,
      });
    }
    return this.list;
  }
}

/** A cell value quoted for a message, shortened if long. */
function show(raw: string): string {
  return JSON.stringify(raw.length > 60 ? raw.slice(0, 57) + '…' : raw);
}

function showList(values: readonly string[], limit = 10): string {
  const shown = values.slice(0, limit).map(show).join(', ');
  return values.length > limit ? `${shown}, … (${values.length} in all)` : shown;
}

function showTuple(names: readonly string[]): string {
  return `(${names.join(', ')})`;
}

// ---------------------------------------------------------------------------------------
// CSV parsing: RFC 4180, strict

type Terminator = 'CRLF' | 'LF' | 'CR' | 'EOF';

interface CsvRecord {
  cells: string[];
  terminator: Terminator;
  /** A '"' inside a field that is not quoted (RFC 4180 requires quoting it). */
  bareQuote: boolean;
}

interface CsvError {
  /** Record index: 0 is the header. */
  record: number;
  message: string;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Calls onRecord for each record of text (from offset start). Returns an error for input
 * that is not parseable (an unterminated quoted field, text after a closing quote); the
 * records before it have been delivered.
 */
function parseCsv(text: string, start: number, onRecord: (record: CsvRecord) => void): CsvError | undefined {
  const n = text.length;
  let i = start;
  let record = 0;
  while (i < n) {
    const cells: string[] = [];
    let bareQuote = false;
    let terminator: Terminator = 'EOF';
    for (;;) {
      // one field, starting at i
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            return { record, message: 'a quoted field is not closed before the end of the file' };
          }
          value += text.slice(from, close);
          if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        cells.push(value);
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== COMMA && c !== CR && c !== LF) {
            return {
              record,
              message: `unexpected ${JSON.stringify(text[i])} after a closing quote (a quote inside a quoted field is written "")`,
            };
          }
        }
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) bareQuote = true;
          i += 1;
        }
        cells.push(text.slice(from, i));
      }
      // after the field: delimiter, line end or end of text
      if (i >= n) {
        terminator = 'EOF';
        break;
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i += 1;
        continue;
      }
      if (c === CR) {
        if (i + 1 < n && text.charCodeAt(i + 1) === LF) {
          terminator = 'CRLF';
          i += 2;
        } else {
          terminator = 'CR';
          i += 1;
        }
      } else {
        terminator = 'LF';
        i += 1;
      }
      break;
    }
    onRecord({ cells, terminator, bareQuote });
    record += 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Exact decimals (for number, integer and year values and their bounds)

type Dec =
  | { readonly kind: 'nan' }
  | { readonly kind: 'inf'; readonly negative: boolean }
  /** digits: no leading or trailing zeros ('' for zero); value = ±digits × 10^exp. */
  | { readonly kind: 'fin'; readonly negative: boolean; readonly digits: string; readonly exp: bigint };

const NAN: Dec = { kind: 'nan' };
const DEC_PARTS = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads text already accepted by the number or integer rules (or a JS number's String()). */
function parseDec(text: string): Dec {
  if (text === 'NaN') return NAN;
  if (text === 'INF' || text === '+INF' || text === 'Infinity') return { kind: 'inf', negative: false };
  if (text === '-INF' || text === '-Infinity') return { kind: 'inf', negative: true };
  const m = DEC_PARTS.exec(text);
  if (!m) return NAN;
  const whole = m[2] ?? '';
  const fraction = m[3] ?? '';
  let digits = whole + fraction;
  let exp = BigInt(m[4] ?? '0') - BigInt(fraction.length);
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === 48) lead += 1;
  digits = digits.slice(lead);
  if (digits === '') return { kind: 'fin', negative: false, digits: '', exp: 0n };
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end -= 1;
  exp += BigInt(digits.length - end);
  digits = digits.slice(0, end);
  return { kind: 'fin', negative: m[1] === '-', digits, exp };
}

function decFromNumber(value: number): Dec {
  return parseDec(String(value));
}

function decSign(d: Dec): number {
  if (d.kind === 'inf') return d.negative ? -1 : 1;
  if (d.kind === 'fin') return d.digits === '' ? 0 : d.negative ? -1 : 1;
  return 0;
}

/** -1, 0, 1; undefined when either side is NaN. Exact, whatever the exponents. */
function compareDec(a: Dec, b: Dec): number | undefined {
  if (a.kind === 'nan' || b.kind === 'nan') return undefined;
  const sa = decSign(a);
  const sb = decSign(b);
  if (a.kind === 'inf' && b.kind === 'inf') return sa === sb ? 0 : sa < sb ? -1 : 1;
  if (a.kind === 'inf') return sa;
  if (b.kind === 'inf') return -sb;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  // same sign, both non-zero: compare magnitudes by their leading digit's power first
  const adjA = BigInt(a.digits.length - 1) + a.exp;
  const adjB = BigInt(b.digits.length - 1) + b.exp;
  let magnitude: number;
  if (adjA !== adjB) {
    magnitude = adjA > adjB ? 1 : -1;
  } else {
    const width = Math.max(a.digits.length, b.digits.length);
    const da = a.digits.padEnd(width, '0');
    const db = b.digits.padEnd(width, '0');
    magnitude = da === db ? 0 : da > db ? 1 : -1;
  }
  return sa > 0 ? magnitude : -magnitude;
}

/** One text per numeric value: "1.50", "1.5" and "15e-1" share it; NaN has none. */
function decKey(d: Dec): string | undefined {
  if (d.kind === 'nan') return undefined;
  if (d.kind === 'inf') return d.negative ? 'n:-INF' : 'n:INF';
  if (d.digits === '') return 'n:0';
  return `n:${d.negative ? '-' : ''}${d.digits}e${d.exp}`;
}

// ---------------------------------------------------------------------------------------
// Dates and times

interface Moment {
  /** Seconds since 1970-01-01T00:00:00 (UTC when aware, wall clock when naive). */
  seconds: number;
  micros: number;
  aware: boolean;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

/** Python's date range: years 1–9999, a real day of a real month. */
function realDate(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
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

function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

interface DateTimeParts {
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
function realDateTime(p: DateTimeParts): string | undefined {
  if (!realDate(p.y, p.mo, p.d)) return 'is not a real calendar date';
  if (p.h > 23 || p.mi > 59 || p.s > 59) return 'is not a real time of day';
  if (p.offset !== undefined && Math.abs(p.offset) >= 24 * 60) return 'has an impossible UTC offset';
  return undefined;
}

function momentOf(p: DateTimeParts): Moment {
  const wall = daysFromCivil(p.y, p.mo, p.d) * 86400 + p.h * 3600 + p.mi * 60 + p.s;
  const micros = Number((p.fraction + '000000').slice(0, 6));
  return p.offset === undefined
    ? { seconds: wall, micros, aware: false }
    : { seconds: wall - p.offset * 60, micros, aware: true };
}

function momentKey(m: Moment): string {
  return `t:${m.aware ? 'Z' : 'N'}${m.seconds}.${pad(m.micros, 6)}`;
}

function compareMoment(a: Moment, b: Moment): number | undefined {
  if (a.aware !== b.aware) return undefined; // Python cannot order naive and aware datetimes
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  return a.micros === b.micros ? 0 : a.micros < b.micros ? -1 : 1;
}

function parseOffset(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (text === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const body = text.slice(1).replace(':', '');
  const hours = Number(body.slice(0, 2));
  const minutes = Number(body.slice(2, 4));
  if (minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;
/** format "any": ISO 8601 forms Python's datetime.fromisoformat reads. */
const ANY_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isoParts(m: RegExpExecArray): DateTimeParts {
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
interface Layout {
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

function compileLayout(format: string): Layout | string {
  let source = '';
  const groups: string[] = [];
  for (let i = 0; i < format.length; i += 1) {
    const c = format[i] ?? '';
    if (c === '%') {
      const directive = format[i + 1] ?? '';
      i += 1;
      if (directive === '%') {
        source += '%';
        continue;
      }
      const group = LAYOUT_DIRECTIVES[directive];
      if (group === undefined) return `format ${JSON.stringify(format)} uses %${directive}, which this checker does not read`;
      source += group;
      groups.push(directive);
    } else if (/\s/u.test(c)) {
      source += '\\s+';
      while (i + 1 < format.length && /\s/u.test(format[i + 1] ?? '')) i += 1;
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return { re: new RegExp(`^${source}$`, 'u'), groups };
}

function layoutParts(layout: Layout, raw: string): DateTimeParts | undefined {
  const m = layout.re.exec(raw);
  if (!m) return undefined;
  const p: DateTimeParts = { y: 1900, mo: 1, d: 1, h: 0, mi: 0, s: 0, fraction: '', offset: undefined };
  layout.groups.forEach((directive, index) => {
    const text = m[index + 1] ?? '0';
    const value = Number(text);
    if (directive === 'Y') p.y = value;
    else if (directive === 'y') p.y = value < 69 ? 2000 + value : 1900 + value;
    else if (directive === 'm') p.mo = value;
    else if (directive === 'd') p.d = value;
    else if (directive === 'H') p.h = value;
    else if (directive === 'M') p.mi = value;
    else if (directive === 'S') p.s = value;
    else if (directive === 'f') p.fraction = text;
  });
  return p;
}

const ANY_DATE_LAYOUTS = ['%Y-%m-%d', '%d.%m.%Y', '%d/%m/%Y', '%Y/%m/%d', '%d-%m-%Y', '%Y%m%d'].map(
  (format) => compileLayout(format) as Layout,
);

// ---------------------------------------------------------------------------------------
// Field types: checking a cell, its identity (for unique, enum and keys) and its order

type Ordered = { t: 'dec'; v: Dec } | { t: 'date'; v: string } | { t: 'moment'; v: Moment };

function compareOrdered(a: Ordered, b: Ordered): number | undefined {
  if (a.t === 'dec' && b.t === 'dec') return compareDec(a.v, b.v);
  if (a.t === 'date' && b.t === 'date') return a.v === b.v ? 0 : a.v < b.v ? -1 : 1;
  if (a.t === 'moment' && b.t === 'moment') return compareMoment(a.v, b.v);
  return undefined;
}

interface TypeRules {
  /** undefined when raw is a valid value, else what is wrong: "is not a number (…)". */
  check(raw: string): string | undefined;
  /** Identity of a valid value; undefined for a value equal to nothing (NaN). */
  key(raw: string): string | undefined;
  /** Order of a valid value, for minimum and maximum; undefined when the type has none. */
  order: ((raw: string) => Ordered) | undefined;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const YEAR = /^-?\d{4}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/u;
const UUID_HEX = /^[0-9a-fA-F]{32}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const SPECIAL_NUMBERS = new Set(['NaN', 'INF', '-INF', '+INF']);
const TRUE_VALUES = ['true', 'True', 'TRUE', '1'];
const FALSE_VALUES = ['false', 'False', 'FALSE', '0'];
const TRUE_SET = new Set(TRUE_VALUES);
const FALSE_SET = new Set(FALSE_VALUES);
/** Spaces people use to group digits: space, no-break, narrow no-break, thin; and '. */
const GROUPING = /[\s\u00A0\u202F\u2009']/gu;

function numberHint(raw: string): string {
  const compact = raw.replace(GROUPING, '');
  let candidate = compact;
  if (/^[+-]?\d+,\d+$/.test(compact)) candidate = compact.replace(',', '.');
  else if (/^[+-]?\d{1,3}(?:,\d{3})+\.\d+$/.test(compact)) candidate = compact.replace(/,/g, '');
  if (candidate !== raw && candidate !== '' && NUMBER.test(candidate)) return ` (write ${candidate})`;
  if (raw.includes(',')) return " (write '.' as the decimal point and no thousands separator)";
  return ' (expected plain decimal text such as 1243280.57)';
}

function integerHint(raw: string): string {
  const compact = raw.replace(GROUPING, '');
  if (compact !== raw && INTEGER.test(compact)) return ` (write ${compact})`;
  const zeros = /^([+-]?\d+)[.,]0+$/.exec(compact);
  if (zeros) return ` (an integer has no decimal part: write ${zeros[1] ?? ''})`;
  if (/^[+-]?\d*[.,]\d+$/.test(compact)) return ' (an integer has no decimal part)';
  return ' (expected digits with an optional leading -)';
}

function dateHint(raw: string): string {
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(raw);
  if (dmy) {
    const [y, m, d] = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
    if (realDate(y, m, d)) return ` (write ${isoDate(y, m, d)})`;
  }
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    if (realDate(y, m, d)) return ` (write ${isoDate(y, m, d)})`;
  }
  return '';
}

function stringRules(format: string): TypeRules {
  let check: (raw: string) => string | undefined = () => undefined;
  if (format === 'email') check = (raw) => (EMAIL.test(raw) ? undefined : 'is not a valid email address');
  else if (format === 'uri') check = (raw) => (URI.test(raw) ? undefined : 'is not a valid URI (scheme:rest, no spaces)');
  else if (format === 'uuid') {
    check = (raw) => {
      const hex = raw.replace(/urn:|uuid:/g, '').replace(/^[{}]+|[{}]+$/g, '').replace(/-/g, '');
      return UUID_HEX.test(hex) ? undefined : 'is not a valid UUID';
    };
  } else if (format === 'binary') check = (raw) => (BASE64.test(raw) ? undefined : 'is not valid base64');
  return { check, key: (raw) => 's:' + raw, order: undefined };
}

const NUMBER_RULES: TypeRules = {
  check(raw) {
    if (NUMBER.test(raw) || SPECIAL_NUMBERS.has(raw)) return undefined;
    return 'is not a number' + numberHint(raw);
  },
  key: (raw) => decKey(parseDec(raw)),
  order: (raw) => ({ t: 'dec', v: parseDec(raw) }),
};

const INTEGER_RULES: TypeRules = {
  check: (raw) => (INTEGER.test(raw) ? undefined : 'is not an integer' + integerHint(raw)),
  key: (raw) => decKey(parseDec(raw)),
  order: (raw) => ({ t: 'dec', v: parseDec(raw) }),
};

const YEAR_RULES: TypeRules = {
  check: (raw) => (YEAR.test(raw) ? undefined : 'is not a year (expected four digits, YYYY)'),
  key: (raw) => decKey(parseDec(raw)),
  order: (raw) => ({ t: 'dec', v: parseDec(raw) }),
};

const BOOLEAN_RULES: TypeRules = {
  check(raw) {
    if (TRUE_SET.has(raw) || FALSE_SET.has(raw)) return undefined;
    return `is not a boolean (expected one of ${[...TRUE_VALUES, ...FALSE_VALUES].join(', ')})`;
  },
  key: (raw) => (TRUE_SET.has(raw) ? 'b:1' : 'b:0'),
  order: undefined,
};

function dateRules(format: string): TypeRules | string {
  if (format === 'default') {
    return {
      check(raw) {
        const m = ISO_DATE.exec(raw);
        if (!m) return 'is not a date in the form YYYY-MM-DD' + dateHint(raw);
        return realDate(Number(m[1]), Number(m[2]), Number(m[3])) ? undefined : 'is not a real calendar date';
      },
      key: (raw) => 'd:' + raw,
      order: (raw) => ({ t: 'date', v: raw }),
    };
  }
  const layouts = format === 'any' ? ANY_DATE_LAYOUTS : [compileLayout(format)];
  const usable: Layout[] = [];
  for (const layout of layouts) {
    if (typeof layout === 'string') return layout;
    usable.push(layout);
  }
  const read = (raw: string): string | undefined => {
    for (const layout of usable) {
      const p = layoutParts(layout, raw);
      if (p && realDateTime(p) === undefined) return isoDate(p.y, p.mo, p.d);
    }
    return undefined;
  };
  return {
    check: (raw) =>
      read(raw) !== undefined
        ? undefined
        : format === 'any'
          ? 'is not a recognisable date'
          : `does not match the date format ${JSON.stringify(format)}`,
    key: (raw) => 'd:' + (read(raw) ?? raw),
    order: (raw) => ({ t: 'date', v: read(raw) ?? raw }),
  };
}

function datetimeRules(format: string): TypeRules | string {
  let read: (raw: string) => DateTimeParts | undefined;
  let shapeMessage: string;
  if (format === 'default' || format === 'any') {
    const re = format === 'default' ? ISO_DATETIME : ANY_DATETIME;
    read = (raw) => {
      const m = re.exec(raw);
      return m ? isoParts(m) : undefined;
    };
    shapeMessage =
      format === 'default'
        ? 'is not a datetime in the form YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]'
        : 'is not a recognisable datetime';
  } else {
    const layout = compileLayout(format);
    if (typeof layout === 'string') return layout;
    read = (raw) => layoutParts(layout, raw);
    shapeMessage = `does not match the datetime format ${JSON.stringify(format)}`;
  }
  const moment = (raw: string): Moment => {
    const p = read(raw);
    return p ? momentOf(p) : { seconds: 0, micros: 0, aware: false };
  };
  return {
    check(raw) {
      const p = read(raw);
      if (!p) {
        const spaced = raw.replace(' ', 'T');
        const hint = format === 'default' && spaced !== raw && ISO_DATETIME.test(spaced) ? ` (write ${spaced})` : '';
        return shapeMessage + hint;
      }
      if (p.offset !== undefined && Number.isNaN(p.offset)) return 'has an impossible UTC offset';
      return realDateTime(p);
    },
    key: (raw) => momentKey(moment(raw)),
    order: (raw) => ({ t: 'moment', v: moment(raw) }),
  };
}

function typeRules(field: Field): TypeRules | string {
  const rawFormat = field.format ?? 'default';
  const format = rawFormat === '' ? 'default' : rawFormat.startsWith('fmt:') ? rawFormat.slice(4) : rawFormat;
  const type: FieldType = field.type;
  switch (type) {
    case 'string':
      return stringRules(format);
    case 'number':
      return NUMBER_RULES;
    case 'integer':
      return INTEGER_RULES;
    case 'boolean':
      return BOOLEAN_RULES;
    case 'date':
      return dateRules(format);
    case 'year':
      return YEAR_RULES;
    case 'datetime':
      return datetimeRules(format);
    default:
      return `unknown type ${JSON.stringify(String(type))} (expected string, number, integer, boolean, date, year or datetime)`;
  }
}

// ---------------------------------------------------------------------------------------
// Per-field plan, compiled once per table

interface Bound {
  value: Ordered;
  text: string;
}

interface FieldPlan {
  name: string;
  index: number;
  rules: TypeRules;
  required: boolean;
  inPrimaryKey: boolean;
  /** First row of each value seen, for the unique constraint. */
  unique: Map<string, number> | undefined;
  enumKeys: Set<string> | undefined;
  enumValues: string[];
  minimum: Bound | undefined;
  maximum: Bound | undefined;
  pattern: RegExp | undefined;
  patternSource: string;
  maxLength: number | undefined;
}

/** A constraint bound in the field's logical type, or a message saying why not. */
function prepareBound(field: Field, rules: TypeRules, bound: unknown): Bound | string {
  const order = rules.order;
  if (order === undefined) return `minimum/maximum cannot apply to a ${field.type} field`;
  if (typeof bound === 'number') {
    if (field.type === 'number' || field.type === 'integer' || field.type === 'year') {
      return { value: { t: 'dec', v: decFromNumber(bound) }, text: String(bound) };
    }
    return `a ${field.type} field needs its minimum/maximum as text in its own format, not the number ${bound}`;
  }
  if (typeof bound === 'string') {
    const problem = rules.check(bound);
    if (problem !== undefined) return `bound ${show(bound)} ${problem}`;
    return { value: order(bound), text: bound };
  }
  return `bound ${JSON.stringify(bound)} is neither a number nor text`;
}

/** Length in characters (code points), as Python's len() counts it. */
function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function planField(field: Field, index: number, inPrimaryKey: boolean, bucket: Bucket): FieldPlan | undefined {
  const rules = typeRules(field);
  const where = `schema: field ${JSON.stringify(field.name)}`;
  if (typeof rules === 'string') {
    bucket.add(`${where}: ${rules}`, undefined, field.name);
    return undefined;
  }
  const c = field.constraints ?? {};
  const plan: FieldPlan = {
    name: field.name,
    index,
    rules,
    required: c.required === true || inPrimaryKey,
    inPrimaryKey,
    unique: c.unique === true ? new Map() : undefined,
    enumKeys: undefined,
    enumValues: [],
    minimum: undefined,
    maximum: undefined,
    pattern: undefined,
    patternSource: '',
    maxLength: undefined,
  };
  if (c.enum !== undefined) {
    plan.enumKeys = new Set();
    for (const item of c.enum as unknown[]) {
      const text = typeof item === 'string' ? item : String(item);
      const problem = field.type === 'string' ? undefined : rules.check(text);
      if (problem !== undefined) {
        bucket.add(`${where}: enum value ${show(text)} ${problem}`, undefined, field.name);
        continue;
      }
      const key = rules.key(text);
      if (key !== undefined) plan.enumKeys.add(key);
      plan.enumValues.push(text);
    }
  }
  for (const which of ['minimum', 'maximum'] as const) {
    const bound: unknown = c[which];
    if (bound === undefined) continue;
    const prepared = prepareBound(field, rules, bound);
    if (typeof prepared === 'string') bucket.add(`${where}: constraint ${which}: ${prepared}`, undefined, field.name);
    else plan[which] = prepared;
  }
  if (c.pattern !== undefined) {
    try {
      plan.pattern = new RegExp(`^(?:${c.pattern})$`, 'u');
      plan.patternSource = c.pattern;
    } catch (error) {
      bucket.add(`${where}: pattern ${JSON.stringify(c.pattern)} does not compile: ${(error as Error).message}`, undefined, field.name);
    }
  }
  if (c.maxLength !== undefined && field.type === 'string') plan.maxLength = c.maxLength;
  return plan;
}

// ---------------------------------------------------------------------------------------
// Keys: primary key, referenced tuples and foreign keys

/** One text per tuple of cell identities; undefined if a part is null, invalid or NaN. */
function tupleKey(parts: readonly (string | undefined)[]): string | undefined {
  if (parts.length === 1) return parts[0];
  let out = '';
  for (const part of parts) {
    if (part === undefined) return undefined;
    out += `${part.length}:${part}`;
  }
  return out;
}

interface ReferencedKey {
  /** Field indexes in the target table. */
  indexes: number[];
  values: Set<string>;
}

interface ForeignKeyPlan {
  fields: string[];
  indexes: number[];
  target: number;
  targetName: string;
  refFields: string[];
  referenced: ReferencedKey;
}

interface PendingReference {
  row: number;
  key: string;
  raws: string[];
}

interface TablePlan {
  table: Omit<CheckedTable, 'csv'>;
  bucket: Bucket;
  names: string[];
  /** One per schema field; undefined for a field whose type cannot be checked. */
  fields: (FieldPlan | undefined)[];
  primaryKey: number[];
  primaryKeySeen: Map<string, number>;
  referenced: Map<string, ReferencedKey>;
  foreignKeys: ForeignKeyPlan[];
  pending: PendingReference[][];
  /** Read to the end without a fatal CSV error. */
  readable: boolean;
  done: boolean;
}

function planTable(table: Omit<CheckedTable, 'csv'>): TablePlan {
  const bucket = new Bucket(table.name);
  const schema = table.schema;
  const names = schema.fields.map((f) => f.name);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) bucket.add(`schema: field ${JSON.stringify(name)} is declared more than once`, undefined, name);
    seen.add(name);
  }
  const primaryKey: number[] = [];
  let primaryKeyUsable = true;
  for (const name of schema.primaryKey ?? []) {
    const index = names.indexOf(name);
    if (index < 0) {
      bucket.add(`schema: primaryKey names unknown field ${JSON.stringify(name)}`, undefined, name);
      primaryKeyUsable = false;
    } else primaryKey.push(index);
  }
  if (!primaryKeyUsable) primaryKey.length = 0;
  const inKey = new Set(primaryKey);
  const fields = schema.fields.map((field, index) => planField(field, index, inKey.has(index), bucket));
  return {
    table,
    bucket,
    names,
    fields,
    primaryKey,
    primaryKeySeen: new Map(),
    referenced: new Map(),
    foreignKeys: [],
    pending: [],
    readable: false,
    done: false,
  };
}

function resolveForeignKeys(plans: TablePlan[]): void {
  const byName = new Map<string, number>();
  plans.forEach((plan, index) => {
    const name = plan.table.name;
    if (byName.has(name)) plan.bucket.add(`resource name ${JSON.stringify(name)} is used by more than one table`);
    else byName.set(name, index);
  });
  plans.forEach((plan, self) => {
    for (const fk of plan.table.schema.foreignKeys ?? []) {
      const resolved = resolveForeignKey(plan, self, fk, plans, byName);
      if (resolved !== undefined) {
        plan.foreignKeys.push(resolved);
        plan.pending.push([]);
      }
    }
  });
}

function resolveForeignKey(
  plan: TablePlan,
  self: number,
  fk: ForeignKey,
  plans: TablePlan[],
  byName: Map<string, number>,
): ForeignKeyPlan | undefined {
  const bucket = plan.bucket;
  const fields = [...fk.fields];
  const refFields = [...fk.reference.fields];
  const label = `schema: foreign key ${showTuple(fields)}`;
  const targetName = fk.reference.resource === '' || fk.reference.resource === undefined ? plan.table.name : fk.reference.resource;
  let ok = true;
  if (fields.length === 0 || fields.length !== refFields.length) {
    bucket.add(`${label} -> ${showTuple(refFields)}: the field lists must be non-empty and of equal length`);
    ok = false;
  }
  const indexes = fields.map((name) => plan.names.indexOf(name));
  fields.forEach((name, i) => {
    if (indexes[i] === -1) {
      bucket.add(`${label} uses unknown field ${JSON.stringify(name)}`, undefined, name);
      ok = false;
    }
  });
  const target = targetName === plan.table.name ? self : byName.get(targetName);
  if (target === undefined) {
    bucket.add(
      `${label} references resource ${JSON.stringify(targetName)}, which is not among the checked tables`,
      undefined,
      fields.join(','),
    );
    return undefined;
  }
  const targetPlan = plans[target];
  if (targetPlan === undefined) return undefined;
  const targetIndexes = refFields.map((name) => targetPlan.names.indexOf(name));
  refFields.forEach((name, i) => {
    if (targetIndexes[i] === -1) {
      bucket.add(`${label} references unknown field ${JSON.stringify(name)} of ${JSON.stringify(targetName)}`, undefined, fields.join(','));
      ok = false;
    }
  });
  if (!ok) return undefined;
  const refKey = refFields.join('\u0000');
  let referenced = targetPlan.referenced.get(refKey);
  if (referenced === undefined) {
    referenced = { indexes: targetIndexes, values: new Set() };
    targetPlan.referenced.set(refKey, referenced);
  }
  return { fields, indexes, target, targetName, refFields, referenced };
}

function foreignKeyMessage(fk: ForeignKeyPlan, raws: readonly string[]): string {
  const target = JSON.stringify(fk.targetName);
  if (fk.fields.length === 1) {
    return `${show(raws[0] ?? '')} has no match in ${target} field ${JSON.stringify(fk.refFields[0])} (foreign key)`;
  }
  return (
    `foreign key ${showTuple(fk.fields)} = (${raws.map(show).join(', ')}) has no match in ` +
    `${target} ${showTuple(fk.refFields)}`
  );
}

// ---------------------------------------------------------------------------------------
// Reading one table

/** Checks one bound; false when the value cannot be ordered against it (NaN). */
function checkBound(
  bucket: Bucket,
  row: number,
  f: FieldPlan,
  raw: string,
  value: Ordered,
  bound: Bound,
  which: 'minimum' | 'maximum',
): boolean {
  const order = compareOrdered(value, bound.value);
  if (order === undefined) {
    bucket.cell(row, f.name, `${show(raw)} cannot be compared with the ${which} ${bound.text}`);
    return false;
  }
  if (order === (which === 'minimum' ? -1 : 1)) {
    bucket.cell(row, f.name, `${show(raw)} is ${which === 'minimum' ? 'below' : 'above'} the ${which} ${bound.text}`);
  }
  return true;
}

function checkHeader(plan: TablePlan, header: readonly string[]): void {
  const names = plan.names;
  if (header.length === names.length && header.every((h, i) => h === names[i])) return;
  const found = `header ${showList(header, 20)} does not match the schema fields ${showList(names, 20)} (same names, same order)`;
  let detail: string;
  const missing = names.filter((n) => !header.includes(n));
  const extra = header.filter((h) => !names.includes(h));
  if (extra.length > 0) detail = `unexpected column(s) ${showList(extra)}`;
  else if (missing.length > 0) detail = `missing field(s) ${showList(missing)}`;
  else {
    const at = header.findIndex((h, i) => h !== names[i]);
    detail = `column ${at + 1} is ${show(header[at] ?? '')}, expected ${show(names[at] ?? '')}`;
    if (header.length !== names.length) detail += `; ${header.length} columns for ${names.length} fields`;
  }
  if (extra.length > 0 && missing.length > 0) detail += `; missing field(s) ${showList(missing)}`;
  plan.bucket.add(`header: ${found}: ${detail}`, 0);
}

/**
 * Reads a table's CSV piece by piece, as a large file is written: each piece holds whole
 * records, so reading the pieces in turn is reading the file they make together.
 */
function tableReader(plan: TablePlan, plans: TablePlan[], self: number): { feed(text: string): void; end(): void } {
  const { bucket, table } = plan;
  const missing = new Set(table.schema.missingValues ?? ['']);
  const fields = plan.fields;
  const fieldCount = fields.length;
  const keys: (string | undefined)[] = new Array<string | undefined>(fieldCount);
  const valid: boolean[] = new Array<boolean>(fieldCount);
  const blank: boolean[] = new Array<boolean>(fieldCount);
  const needsKey = fields.map(
    (f, i) =>
      f !== undefined &&
      (f.unique !== undefined ||
        f.enumKeys !== undefined ||
        f.inPrimaryKey ||
        plan.foreignKeys.some((fk) => fk.indexes.includes(i)) ||
        [...plan.referenced.values()].some((r) => r.indexes.includes(i))),
  );
  const referenced = [...plan.referenced.values()];
  const primaryKeyLabel = plan.primaryKey.map((i) => plan.names[i] ?? '').join(',');
  let headerLength = fieldCount;
  let row = -1;
  let terminatorReported = false;

  const onRecord = (record: CsvRecord): void => {
    row += 1;
    const cells = record.cells;
    if (!terminatorReported && record.terminator !== 'CRLF' && record.terminator !== 'EOF') {
      terminatorReported = true;
      bucket.add(`row ${row}: the line ends with ${record.terminator}; CSV lines must end with CRLF`, row);
    }
    if (record.bareQuote) {
      bucket.add(`row ${row}: a field contains '"' but is not quoted (quote the field and write the quote as "")`, row);
    }
    if (row === 0) {
      headerLength = cells.length;
      checkHeader(plan, cells);
      return;
    }
    if (cells.every((c) => c === '')) {
      bucket.add(`row ${row}: blank row`, row);
      return;
    }
    if (cells.length !== headerLength) {
      bucket.add(`row ${row}: has ${cells.length} cells, the header has ${headerLength}`, row);
    }
    for (let i = 0; i < fieldCount; i += 1) {
      keys[i] = undefined;
      valid[i] = false;
      const f = fields[i];
      const raw = cells[i];
      blank[i] = raw === undefined || missing.has(raw);
      if (f === undefined) continue;
      if (raw === undefined || missing.has(raw)) {
        if (f.required) {
          const marker = raw !== undefined && raw !== '' ? ` (${show(raw)} is a missing-value marker)` : '';
          const why = f.inPrimaryKey ? 'part of the primary key' : 'constraint required';
          bucket.cell(row, f.name, `a value is required but missing${marker} (${why})`);
        }
        continue;
      }
      const problem = f.rules.check(raw);
      if (problem !== undefined) {
        bucket.cell(row, f.name, `${show(raw)} ${problem}`);
        continue;
      }
      valid[i] = true;
      const key = needsKey[i] ? f.rules.key(raw) : undefined;
      keys[i] = key;
      if (f.unique !== undefined && key !== undefined) {
        const first = f.unique.get(key);
        if (first !== undefined) {
          bucket.cell(row, f.name, `duplicate value ${show(raw)} (constraint unique; first in row ${first})`);
        } else f.unique.set(key, row);
      }
      if (f.enumKeys !== undefined && (key === undefined || !f.enumKeys.has(key))) {
        bucket.cell(row, f.name, `${show(raw)} is not one of the allowed values ${showList(f.enumValues)}`);
      }
      if ((f.minimum !== undefined || f.maximum !== undefined) && f.rules.order !== undefined) {
        const value = f.rules.order(raw);
        // a value that cannot be ordered (NaN) is reported once, not once per bound
        const comparable = f.minimum === undefined || checkBound(bucket, row, f, raw, value, f.minimum, 'minimum');
        if (comparable && f.maximum !== undefined) checkBound(bucket, row, f, raw, value, f.maximum, 'maximum');
      }
      if (f.maxLength !== undefined && raw.length > f.maxLength) {
        const length = codePoints(raw);
        if (length > f.maxLength) {
          bucket.cell(row, f.name, `${show(raw)} is ${length} characters long, more than maxLength ${f.maxLength}`);
        }
      }
      if (f.pattern !== undefined && !f.pattern.test(raw)) {
        bucket.cell(row, f.name, `${show(raw)} does not match the pattern ${JSON.stringify(f.patternSource)}`);
      }
    }
    // primary key: the combination is unique (null parts were reported as required)
    if (plan.primaryKey.length > 0) {
      const parts = plan.primaryKey.map((i) => (valid[i] ? keys[i] : undefined));
      const key = tupleKey(parts);
      if (key !== undefined && parts.every((p) => p !== undefined)) {
        const first = plan.primaryKeySeen.get(key);
        if (first !== undefined) {
          const values = plan.primaryKey.map((i) => show(cells[i] ?? '')).join(', ');
          bucket.add(
            `row ${row}, field ${JSON.stringify(primaryKeyLabel)}: duplicate primary key ` +
              `(${primaryKeyLabel.split(',').join(', ')}) = (${values}); first in row ${first}`,
            row,
            primaryKeyLabel,
          );
        } else plan.primaryKeySeen.set(key, row);
      }
    }
    for (const r of referenced) {
      const key = tupleKey(r.indexes.map((i) => (valid[i] ? keys[i] : undefined)));
      if (key !== undefined) r.values.add(key);
    }
    plan.foreignKeys.forEach((fk, n) => {
      // An empty key refers to nothing. A partly empty one is looked up whole by readers such
      // as frictionless-py, which find no match: the key must be filled in full or not at all.
      const emptyParts = fk.indexes.filter((i) => blank[i]);
      if (emptyParts.length === fk.indexes.length) return;
      if (emptyParts.length > 0) {
        const parts = fk.indexes.map((i) => (blank[i] ? '(empty)' : show(cells[i] ?? '')));
        bucket.add(`row ${row}, field ${JSON.stringify(fk.fields.join(','))}: foreign key ${showTuple(fk.fields)} = (${parts.join(', ')}) is partly empty; fill every part or none`, row, fk.fields.join(','));
        return;
      }
      // a key with an invalid part is not looked up (it was reported already)
      if (!fk.indexes.every((i) => valid[i])) return;
      const raws = fk.indexes.map((i) => cells[i] ?? '');
      const key = tupleKey(fk.indexes.map((i) => keys[i]));
      const target = plans[fk.target];
      if (key === undefined) {
        // NaN is a valid number equal to nothing, so it cannot match
        bucket.add(`row ${row}, field ${JSON.stringify(fk.fields.join(','))}: ${foreignKeyMessage(fk, raws)}`, row, fk.fields.join(','));
      } else if (fk.target !== self && target !== undefined && target.done) {
        if (target.readable && !fk.referenced.values.has(key)) {
          bucket.add(`row ${row}, field ${JSON.stringify(fk.fields.join(','))}: ${foreignKeyMessage(fk, raws)}`, row, fk.fields.join(','));
        }
      } else {
        plan.pending[n]?.push({ row, key, raws });
      }
    });
  };

  let empty = true;
  let failed = false;
  let lastTerminator: Terminator | undefined;
  return {
    feed(text) {
      if (failed || text.length === 0) return;
      let start = 0;
      if (empty && text.charCodeAt(0) === 0xfeff) {
        bucket.add('header: the file starts with a byte order mark (BOM); write UTF-8 without BOM', 0);
        start = 1;
        if (text.length === 1) return;
      }
      if (lastTerminator === 'EOF') {
        bucket.add(`row ${row}: a piece of the file ends inside a record; the writer must cut pieces at line ends`, row);
        failed = true;
        return;
      }
      empty = false;
      const first = row + 1;
      const error = parseCsv(text, start, (record) => {
        lastTerminator = record.terminator;
        onRecord(record);
      });
      if (error !== undefined) {
        bucket.add(`row ${first + error.record}: not parseable CSV: ${error.message}`, first + error.record);
        failed = true;
      }
    },
    end() {
      if (empty && !failed) bucket.add('the file is empty: no header row');
      else if (!failed) plan.readable = true;
    },
  };
}

function checkPending(plan: TablePlan, plans: TablePlan[]): void {
  plan.foreignKeys.forEach((fk, n) => {
    const pending = plan.pending[n] ?? [];
    const target = plans[fk.target];
    if (target === undefined || !target.readable) return; // the target's own findings say why
    for (const item of pending) {
      if (!fk.referenced.values.has(item.key)) {
        const field = fk.fields.join(',');
        plan.bucket.add(`row ${item.row}, field ${JSON.stringify(field)}: ${foreignKeyMessage(fk, item.raws)}`, item.row, field);
      }
    }
    pending.length = 0;
  });
}

/**
 * Checks each table's CSV against its Table Schema, foreign keys across the tables
 * given. Returns every finding (none means the tables may be published).
 */
export function checkTables(tables: CheckedTable[]): TableFinding[] {
  const checker = tableChecker(tables);
  tables.forEach((table, index) => {
    checker.feed(index, table.csv);
    checker.end(index);
  });
  return checker.finish();
}

export interface TableChecker {
  /** The next piece of table `index`'s CSV: whole records, in file order. */
  feed(index: number, text: string): void;
  /** Table `index` is complete; foreign keys into it can be looked up from now on. */
  end(index: number): void;
  /** Ends every table and returns every finding, as checkTables would for the whole texts. */
  finish(): TableFinding[];
}

/**
 * checkTables for files too large to hold as one text: the same checks, fed a piece at a
 * time, with the tables' pieces in any interleaving.
 */
export function tableChecker(tables: Omit<CheckedTable, 'csv'>[]): TableChecker {
  const plans = tables.map((table) => planTable({ name: table.name, schema: table.schema }));
  resolveForeignKeys(plans);
  const readers = plans.map((plan, index) => tableReader(plan, plans, index));
  const end = (index: number) => {
    const plan = plans[index]!;
    if (plan.done) return;
    readers[index]!.end();
    plan.done = true;
  };
  return {
    feed: (index, text) => {
      if (plans[index]!.done) throw new Error(`table ${tables[index]!.name} was ended; no more pieces can be read`);
      readers[index]!.feed(text);
    },
    end,
    finish() {
      plans.forEach((_, index) => end(index));
      for (const plan of plans) checkPending(plan, plans);
      return plans.flatMap((plan) => plan.bucket.finish());
    },
  };
}
