/** Exact decimals for number, integer and year values and their bounds: never a binary float. */

export type Dec =
  | { readonly kind: 'nan' }
  | { readonly kind: 'inf'; readonly negative: boolean }
  /** digits: no leading or trailing zeros ('' for zero); value = ±digits × 10^exp. */
  | { readonly kind: 'fin'; readonly negative: boolean; readonly digits: string; readonly exp: bigint };

const NAN: Dec = { kind: 'nan' };
const DEC_PARTS = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads text already accepted by the number or integer rules (or a JS number's String()). */
export function parseDec(text: string): Dec {
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

export function decFromNumber(value: number): Dec {
  return parseDec(String(value));
}

function decSign(d: Dec): number {
  if (d.kind === 'inf') return d.negative ? -1 : 1;
  if (d.kind === 'fin') return d.digits === '' ? 0 : d.negative ? -1 : 1;
  return 0;
}

/** -1, 0, 1; undefined when either side is NaN. Exact, whatever the exponents. */
export function compareDec(a: Dec, b: Dec): number | undefined {
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
    if (da === db) return 0;
    magnitude = da > db ? 1 : -1;
  }
  return sa > 0 ? magnitude : -magnitude;
}

/** One text per numeric value: "1.50", "1.5" and "15e-1" share it; NaN has none. */
export function decKey(d: Dec): string | undefined {
  if (d.kind === 'nan') return undefined;
  if (d.kind === 'inf') return d.negative ? 'n:-INF' : 'n:INF';
  if (d.digits === '') return 'n:0';
  return `n:${d.negative ? '-' : ''}${d.digits}e${d.exp}`;
}
