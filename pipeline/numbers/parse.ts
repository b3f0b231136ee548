/**
 * Reads figures as Ukrainian documents print them: `1 243 280,57`, `14 981,8 тис. грн`,
 * `близько 6,5 тис.`, `понад 8,8 тис.`, `80%`, `-`. Exact: the digits become a Decimal,
 * never a float.
 */
import { type Decimal, decimal, normalize, shift } from './decimal.ts';

export type Qualifier = 'exact' | 'approx' | 'more_than' | 'less_than';
export type UnitKind = 'UAH' | 'percent' | 'count';

export interface ParsedFigure {
  /** The text as the author wrote it. */
  printed: string;
  /** The number as printed, before any multiplier (6,5 in "близько 6,5 тис."). */
  number: Decimal;
  /** The number with multipliers applied (6500). Money is not yet in UAH: see toUah. */
  value: Decimal;
  /** null for an empty cell printed as "-". */
  empty: boolean;
  qualifier: Qualifier | undefined;
  /** Power of ten from "тис." (3), "млн" (6) or "млрд" (9) printed inside the figure. */
  multiplier: number;
  /** Unit printed inside the figure: "грн", "тис. грн", "%"… */
  unit: string | undefined;
}

export interface FigureProblem {
  code: 'E_NUMBER_FORMAT' | 'E_NEGATIVE_AMOUNT';
  message: string;
  hint: string;
}

/** Space characters used as digit-group separators in Ukrainian texts. */
const GROUP_SPACES = /[\u0020\u00a0\u2007\u2009\u202f]/g;

const QUALIFIERS: ReadonlyArray<[RegExp, Qualifier]> = [
  [/^(?:близько|приблизно|майже|орієнтовно|біля)\s+/i, 'approx'],
  [/^(?:понад|більше\s+ніж|більш\s+як|більше|від|щонайменше)\s+/i, 'more_than'],
  [/^(?:менше\s+ніж|менш\s+як|менше|до|не\s+більше)\s+/i, 'less_than'],
];

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^тис\.?/i, 3],
  [/^млн\.?/i, 6],
  [/^млрд\.?/i, 9],
];

/** Money and percentage units, and the power of ten each carries. */
export const MONEY_UNITS: Readonly<Record<string, number>> = { 'грн': 0, 'тис. грн': 3, 'млн грн': 6, 'млрд грн': 9 };

function canonicalUnit(unit: string): string {
  const spaced = unit.replace(GROUP_SPACES, ' ').replace(/\s+/g, ' ').trim().replace(/\.\s*грн/, '. грн');
  return spaced === 'тис грн' ? 'тис. грн' : spaced;
}

const HINT =
  'Write the figure in quotes as Ukrainian documents print it: digits in groups of three separated by spaces, a comma before the decimals, e.g. "1 243 280,57" or "14 981,8 тис. грн".';

/** Digits a spreadsheet or a JSON reader keeps exactly; a longer figure would be read as another number. */
export const MAX_SIGNIFICANT_DIGITS = 15;

/** Parses a figure; returns a problem instead of throwing so the validator can report it. */
export function parseFigure(input: string | number): ParsedFigure | FigureProblem {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input)) {
      return {
        code: 'E_NUMBER_FORMAT',
        message: `${input} is not a whole number; a fraction read by YAML may already have lost digits`,
        hint: 'Put the figure in quotes exactly as printed, e.g. "7,5".',
      };
    }
    if (input < 0) return negative(String(input));
    return { printed: String(input), number: decimal(BigInt(input)), value: decimal(BigInt(input)), empty: false, qualifier: undefined, multiplier: 0, unit: undefined };
  }
  const printed = input;
  let rest = input.replace(GROUP_SPACES, ' ').trim();
  if (/^[-–—]$/.test(rest)) {
    return { printed, number: decimal(0n), value: decimal(0n), empty: true, qualifier: undefined, multiplier: 0, unit: undefined };
  }
  let qualifier: Qualifier | undefined;
  for (const [pattern, q] of QUALIFIERS) {
    const m = pattern.exec(rest);
    if (m) {
      qualifier = q;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const numberMatch = /^([-−]?)(\d[\d ]*)(?:,(\d+))?/.exec(rest);
  if (!numberMatch) {
    return { code: 'E_NUMBER_FORMAT', message: `"${printed}" does not start with a number`, hint: HINT };
  }
  const [, sign, wholeRaw, fraction = ''] = numberMatch;
  const whole = wholeRaw!.trimEnd();
  const tail = rest.slice(numberMatch[0].length - (wholeRaw!.length - whole.length)).trim();
  if (sign) {
    if (/^[0 ]+$/.test(whole) && /^0*$/.test(fraction)) {
      return { code: 'E_NUMBER_FORMAT', message: `"${printed}" is a zero with a sign, which readers and spreadsheets show as 0`, hint: 'Write 0, or "-" for an empty cell.' };
    }
    return negative(printed);
  }
  if (whole.includes(' ') && !/^\d{1,3}(?: \d{3})+$/.test(whole)) {
    return { code: 'E_NUMBER_FORMAT', message: `"${printed}": digit groups after the first must have three digits`, hint: HINT };
  }
  if (/^[.,]\d/.test(tail) || tail.startsWith('.')) {
    return {
      code: 'E_NUMBER_FORMAT',
      message: `"${printed}" has more than one decimal mark, or a point where a Ukrainian figure has a comma or a space`,
      hint: HINT,
    };
  }
  let multiplier = 0;
  let unitText = tail;
  for (const [pattern, power] of MULTIPLIERS) {
    const m = pattern.exec(unitText);
    if (m && !/^\s*грн/.test(unitText.slice(m[0].length))) {
      multiplier = power;
      unitText = unitText.slice(m[0].length).trim();
      break;
    }
  }
  let unit: string | undefined;
  if (unitText !== '') {
    const canonical = canonicalUnit(unitText);
    if (canonical === '%' || canonical in MONEY_UNITS) unit = canonical;
    else if (/^[\p{L}][\p{L}\s'’ʼ.-]*$/u.test(unitText)) unit = unitText;
    else return { code: 'E_NUMBER_FORMAT', message: `"${printed}": unexpected "${unitText}" after the number`, hint: HINT };
  }
  const significant = (whole.replace(/ /g, '') + fraction).replace(/^0+/, '').length;
  if (significant > MAX_SIGNIFICANT_DIGITS) {
    return {
      code: 'E_NUMBER_FORMAT',
      message: `"${printed}" has ${significant} significant digits; spreadsheets and JSON readers keep ${MAX_SIGNIFICANT_DIGITS} and would show another number`,
      hint: 'Check the figure in the document; a unit such as тис. грн or млн грн shortens a large amount.',
    };
  }
  const number = normalize(decimal(BigInt(whole.replace(/ /g, '') + fraction), fraction.length));
  return { printed, number, value: shift(number, multiplier), empty: false, qualifier, multiplier, unit };
}

function negative(printed: string): FigureProblem {
  return {
    code: 'E_NEGATIVE_AMOUNT',
    message: `"${printed}" is negative; amounts and counts in reports are never below zero`,
    hint: 'Check the figure in the document; a dash alone ("-") marks an empty cell.',
  };
}

export function isProblem(result: ParsedFigure | FigureProblem): result is FigureProblem {
  return 'code' in result;
}

export function checkFigure(input: string | number): FigureProblem | undefined {
  const result = parseFigure(input);
  return isProblem(result) ? result : undefined;
}

/**
 * The amount in hryvnias: the printed unit wins over the declared one (a figure printed
 * "14 981,8 тис. грн" in a table headed грн is thousands), a multiplier word applies on top.
 */
export function toUah(figure: ParsedFigure, declaredUnit: string | undefined): Decimal | undefined {
  const unit = figure.unit ?? declaredUnit;
  if (unit === undefined) return undefined;
  const power = MONEY_UNITS[canonicalUnit(unit)];
  if (power === undefined) return undefined;
  return shift(figure.value, power);
}

export function isMoneyUnit(unit: string | undefined): boolean {
  return unit !== undefined && canonicalUnit(unit) in MONEY_UNITS;
}

export function unitKind(unit: string | undefined): UnitKind {
  if (isMoneyUnit(unit)) return 'UAH';
  if (unit !== undefined && canonicalUnit(unit) === '%') return 'percent';
  return 'count';
}
