/** Ukrainian number formats: 1 243 280,57 (no-break space between groups, comma before decimals). */
import { type Decimal, toPlain } from './decimal.ts';

const NBSP = '\u00a0';

export function formatUk(value: Decimal, minFraction = 0): string {
  const plain = toPlain(value, minFraction);
  const negative = plain.startsWith('-');
  const [whole, fraction] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (negative ? '−' : '') + grouped + (fraction ? ',' + fraction : '');
}

export function formatUah(value: Decimal): string {
  return `${formatUk(value, value.scale > 0 ? 2 : 0)}${NBSP}грн`;
}
