/** Exact decimals for number, integer and year values and their bounds: never a binary float. */
import { compareValues } from './order.ts';

export type Dec =
  | { readonly kind: 'nan' }
  | { readonly kind: 'inf'; readonly negative: boolean }
  /** digits: no leading or trailing zeros ('' for zero); value = ±digits × 10^exp. */
  | { readonly kind: 'fin'; readonly negative: boolean; readonly digits: string; readonly exp: bigint };

const NAN: Dec = { kind: 'nan' };
const DEC_PARTS = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads text already accepted by the number or integer rules (or a JS number's String()). */
export function parseDec(text: string): Dec {
  if (text === 'INF' || text === '+INF' || text === 'Infinity') return { kind: 'inf', negative: false };
  if (text === '-INF' || text === '-Infinity') return { kind: 'inf', negative: true };
  const m = DEC_PARTS.exec(text);
  if (!m) return NAN; // NaN too
  const fraction = m[3] ?? '';
  let digits = m[2]! + fraction;
  let exp = (m[4] === undefined ? 0n : BigInt(m[4])) - BigInt(fraction.length);
  // Past the last digit charCodeAt gives NaN, which is no zero.
  let lead = 0;
  while (digits.charCodeAt(lead) === 48) lead += 1;
  digits = digits.slice(lead);
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end -= 1;
  exp += BigInt(digits.length - end);
  digits = digits.slice(0, end);
  return { kind: 'fin', negative: m[1] === '-', digits, exp };
}

export function decFromNumber(value: number): Dec {
  return parseDec(String(value));
}

/** Zero has no digits, whatever its sign or exponent were written as. */
function decSign(d: Exclude<Dec, { kind: 'nan' }>): number {
  if (d.kind === 'inf') return d.negative ? -1 : 1;
  return d.digits === '' ? 0 : d.negative ? -1 : 1;
}

/** -1, 0, 1; undefined when either side is NaN. Exact, whatever the exponents. */
export function compareDec(a: Dec, b: Dec): number | undefined {
  if (a.kind === 'nan' || b.kind === 'nan') return undefined;
  const sa = decSign(a);
  const sb = decSign(b);
  if (a.kind === 'inf' && b.kind === 'inf') return compareValues(sa, sb);
  if (a.kind === 'inf') return sa;
  if (b.kind === 'inf') return -sb;
  if (sa !== sb) return compareValues(sa, sb);
  if (sa === 0) return 0;
  // Same sign, both non-zero: the power of the leading digit first, then the digits, which
  // have no trailing zeros, so that text order is numeric order (15 > 105 as 1,5 > 1,05).
  const adjA = BigInt(a.digits.length - 1) + a.exp;
  const adjB = BigInt(b.digits.length - 1) + b.exp;
  const magnitude = compareValues(adjA, adjB) || compareValues(a.digits, b.digits);
  if (magnitude === 0) return 0;
  // Stryker disable next-line EqualityOperator: sa is −1 or 1 here, never 0
  return sa > 0 ? magnitude : -magnitude;
}

/** One text per numeric value: "1.50", "1.5" and "15e-1" share it; NaN has none. */
export function decKey(d: Dec): string | undefined {
  if (d.kind === 'nan') return undefined;
  if (d.kind === 'inf') return d.negative ? 'n:-INF' : 'n:INF';
  if (d.digits === '') return 'n:0';
  return `n:${d.negative ? '-' : ''}${d.digits}e${d.exp}`;
}
