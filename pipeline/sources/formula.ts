/**
 * Text that a spreadsheet would run as a formula when the published CSV is opened (CSV
 * injection). Following OWASP's guidance, no cell may begin with `=`, `+`, `-`, `@`, a tab
 * or a carriage return, nor with the full-width `＝`, `＋`, `－`, `＠`, after any leading
 * spaces, unless the whole cell is a number: an amount "-5", a phone number "+380 56 000 00 00".
 * A sign followed by a digit is not enough: `-2+3+cmd|' /C calc'!A0` and `+1+HYPERLINK(…)` run.
 */
const TRIGGER = /^[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** A signed number as printed: digits in groups, a decimal comma or point, a percent sign. */
const NUMBER = /^[+-]\s?\d+(?:[ \u00a0\u202f]\d+)*(?:[.,]\d+)?\s?%?$/;

export function formulaLike(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  const first = text.trimStart();
  if (!TRIGGER.test(first)) return false;
  // A dash alone marks an empty cell; nothing can follow it into a formula.
  if (first === '-' || first === '+') return false;
  return !NUMBER.test(first.trimEnd());
}
