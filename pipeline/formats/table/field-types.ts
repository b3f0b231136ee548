/** Field types: checking a cell, its identity (for unique, enum and keys) and its order (for bounds). */
import type { Field, FieldType } from '../../publish/types.ts';
import { compareDec, type Dec, decKey, parseDec } from './decimal.ts';
import { compareValues } from './order.ts';
import {
  ANY_DATE_LAYOUTS,
  ANY_DATETIME,
  compareMoment,
  compileLayout,
  type DateTimeParts,
  isoDate,
  ISO_DATETIME,
  isoParts,
  type Layout,
  layoutParts,
  type Moment,
  momentKey,
  momentOf,
  realDate,
  realDateTime,
} from './time.ts';

export type Ordered = { t: 'dec'; v: Dec } | { t: 'date'; v: string } | { t: 'moment'; v: Moment };

export function compareOrdered(a: Ordered, b: Ordered): number | undefined {
  if (a.t !== b.t) return undefined;
  switch (a.t) {
    case 'dec':
      return compareDec(a.v, b.v as Dec);
    case 'date':
      return compareValues(a.v, b.v as string);
    case 'moment':
      return compareMoment(a.v, b.v as Moment);
  }
}

export interface TypeRules {
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
/** What people group digits with: a space of any kind (\s takes in the no-break, narrow and thin ones) or '. */
const GROUPING = /[\s']/gu;

function numberHint(raw: string): string {
  const compact = raw.replace(GROUPING, '');
  let candidate = compact;
  // Stryker disable next-line Regex: with more before the digits, the candidate is no number either
  if (/^[+-]?\d+,\d+$/.test(compact)) candidate = compact.replace(',', '.');
  else if (/^[+-]?\d{1,3}(?:,\d{3})+\.\d+$/.test(compact)) candidate = compact.replace(/,/g, '');
  // Only text that is not a number comes here, so a candidate that reads as one was changed.
  if (NUMBER.test(candidate)) return ` (write ${candidate})`;
  if (raw.includes(',')) return " (write '.' as the decimal point and no thousands separator)";
  return ' (expected plain decimal text such as 1243280.57)';
}

function integerHint(raw: string): string {
  const compact = raw.replace(GROUPING, '');
  if (INTEGER.test(compact)) return ` (write ${compact})`;
  const zeros = /^([+-]?\d+)[.,]0+$/.exec(compact);
  if (zeros) return ` (an integer has no decimal part: write ${zeros[1]!})`;
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
  // Only valid values, which read, are given an identity and an order.
  const moment = (raw: string): Moment => momentOf(read(raw)!);
  return {
    check(raw) {
      const p = read(raw);
      if (!p) {
        const spaced = raw.replace(' ', 'T');
        const hint = format === 'default' && ISO_DATETIME.test(spaced) ? ` (write ${spaced})` : '';
        return shapeMessage + hint;
      }
      if (Number.isNaN(p.offset)) return 'has an impossible UTC offset';
      return realDateTime(p);
    },
    key: (raw) => momentKey(moment(raw)),
    order: (raw) => ({ t: 'moment', v: moment(raw) }),
  };
}

export function typeRules(field: Field): TypeRules | string {
  const rawFormat = field.format || 'default';
  const format = rawFormat.startsWith('fmt:') ? rawFormat.slice(4) : rawFormat;
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
