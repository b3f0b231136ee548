/**
 * Text that a spreadsheet would run as a formula when the published CSV is opened
 * (CSV injection). `=` and `@` always start one; `+` and `-` do unless a number
 * follows, as in a phone number "+380 56 …" or an amount "-5".
 */
export function formulaLike(text: string): boolean {
  const first = text.trimStart();
  if (first === '') return false;
  const c = first[0];
  if (c === '=' || c === '@') return true;
  if (c === '+' || c === '-') {
    const rest = first.slice(1).trimStart();
    if (rest === '') return false;
    return !/^[\d(]/.test(rest);
  }
  // A tab or carriage return before a formula hides it from a trim in some readers.
  return /^[\t\r]/.test(text) && formulaLike(text.slice(1));
}
