/**
 * What a parsed file holds that no schema sees: values an alias repeats past a bound (the
 * copy the loader makes, and every later stage, would pay for each repetition), and text
 * that a published format would not keep as written (control characters, a lone surrogate)
 * or that looks the same as other text but is not (a spelling not in Unicode NFC, such as
 * «й» written as «и» and a combining breve). One pass, stopped once the bound is passed.
 */
import type { ErrorCode } from '../errors/codes.ts';
import { formatPath, type Problem } from '../errors/problem.ts';
import { CONTROL, codePoint } from './decode.ts';
import type { Locator } from './load.ts';

/** Values that aliases may repeat in one file, beyond the values written out. */
export const MAX_REPEATED_VALUES = 10_000;

/** Control characters in a value, with the carriage return a YAML escape or a CSV cell can carry. */
const VALUE_CONTROL = new RegExp(`${CONTROL.source}|\\r`);

export function inspectData(data: unknown, path: string, locate: Locator, problems: Problem[]): void {
  const seen = new Set<object>();
  let repeated = 0;
  const report = (code: ErrorCode, at: PropertyKey[], key: boolean, message: string, hint: string) => {
    const pos = locate(at, { key });
    problems.push({ code, file: path, line: pos?.line, column: pos?.column, path: formatPath(at), message, hint });
  };
  const text = (value: string, at: PropertyKey[], key: boolean) => {
    const control = VALUE_CONTROL.exec(value);
    if (control || !value.isWellFormed()) {
      const what = control ? `the control character ${codePoint(value, control.index)}` : 'a lone surrogate (half of a character)';
      report('E_TEXT_CONTROL', at, key, `${key ? 'the key' : 'the text'} ${preview(value)} holds ${what}, which no published format keeps as written`, 'Delete the character, or the escape (\\0, \\r, \\x1b, \\ud800…) that wrote it. A line break in a text is a plain line break (\\n).');
    } else if (value !== value.normalize('NFC')) {
      report('E_TEXT_NORMALIZATION', at, key, `${key ? 'the key' : 'the text'} ${preview(value)} is not written in Unicode NFC: it looks like the same words in NFC but compares as other text (two districts where there is one)`, 'Type the words again, or convert the file to NFC (letters such as «й» and «ї» written as one character, not as a letter and a combining mark).');
    }
  };
  // Where the value being repeated was reached again: the alias that repeats it.
  let alias: PropertyKey[] = [];
  const walk = (value: unknown, at: PropertyKey[], inAlias: boolean): boolean => {
    if (inAlias && ++repeated > MAX_REPEATED_VALUES) {
      report('E_YAML_ALIAS', alias, false, `aliases (*name) repeat more than ${MAX_REPEATED_VALUES} values in this file`, 'Write the values out, or repeat fewer: an alias that repeats a list of aliases multiplies them ("billion laughs").');
      return false;
    }
    // A value an alias repeats was looked at where it was written.
    if (typeof value === 'string' && !inAlias) text(value, at, false);
    if (value === null || typeof value !== 'object') return true;
    const again = inAlias || seen.has(value);
    if (again && !inAlias) alias = at;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (!walk(value[i], [...at, i], again)) return false;
      return true;
    }
    for (const [key, item] of Object.entries(value)) {
      if (!again) text(key, [...at, key], true);
      if (!walk(item, [...at, key], again)) return false;
    }
    return true;
  };
  walk(data, [], false);
}

function preview(value: string): string {
  const shown = [...value.slice(0, 40)].map((c) => (VALUE_CONTROL.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
  return JSON.stringify(value.length > 40 ? `${shown}…` : shown);
}
