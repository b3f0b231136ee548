/**
 * Exact decimals for money and counts: an integer of units and a scale (digits after
 * the point). Money is never added as a binary float: 0,1 + 0,2 must be 0,3 in a
 * published total.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

export function decimal(units: bigint, scale = 0): Decimal {
  return { units, scale };
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** Drops trailing zeros so that equal values have one form. */
export function normalize(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ units: rescale(a, scale) + rescale(b, scale), scale });
}

export function sub(a: Decimal, b: Decimal): Decimal {
  return add(a, { units: -b.units, scale: b.scale });
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

/** Multiplies by 10^power (power may be negative only while it stays exact). */
export function shift(value: Decimal, power: number): Decimal {
  // Stryker disable next-line EqualityOperator: at power 0 both branches return the value unchanged
  if (power >= 0) return normalize({ units: value.units * 10n ** BigInt(power), scale: value.scale });
  return normalize({ units: value.units, scale: value.scale - power });
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function equals(a: Decimal, b: Decimal): boolean {
  return compare(a, b) === 0;
}

export function isNegative(value: Decimal): boolean {
  return value.units < 0n;
}

/** Plain decimal text with a point and no grouping: the form CSV and JSON carry. */
export function toPlain(value: Decimal, minScale = 0): string {
  const { units, scale } = normalize(value);
  const digits = Math.max(scale, minScale);
  const scaled = units * 10n ** BigInt(digits - scale);
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return (negative ? '-' : '') + whole + (digits > 0 ? '.' + fraction : '');
}

export function parsePlain(text: string): Decimal {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a plain decimal: ${text}`);
  const fraction = match[1] ?? '';
  return normalize({ units: BigInt(text.replace('.', '')), scale: fraction.length });
}

/**
 * a / b × 100, rounded half away from zero to `digits` places: an execution rate.
 * Returns undefined when b is zero.
 */
export function percent(a: Decimal, b: Decimal, digits = 2): Decimal | undefined {
  if (b.units === 0n) return undefined;
  const scale = Math.max(a.scale, b.scale);
  const numerator = rescale(a, scale) * 100n * 10n ** BigInt(digits);
  const denominator = rescale(b, scale);
  // Stryker disable EqualityOperator: read as negative, a zero numerator still gives 0n (−0n is 0n); the denominator is never zero here
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  // Stryker restore EqualityOperator
  let quotient = n / d;
  if ((n % d) * 2n >= d) quotient += 1n;
  return normalize({ units: negative ? -quotient : quotient, scale: digits });
}
