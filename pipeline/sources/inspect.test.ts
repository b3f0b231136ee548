/**
 * What a parsed file holds that no schema sees, said word for word: control characters,
 * lone surrogates and text not in NFC, in values and keys; aliases that repeat more than
 * 10 000 values, refused at the alias that passes the bound.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors/problem.ts';
import { inspectData } from './inspect.ts';
import { parseYaml } from './parse-yaml.ts';

function inspect(text: string): Problem[] {
  const problems: Problem[] = [];
  const parsed = parseYaml(text, () => text, 'f.yaml', problems);
  expect(problems).toEqual([]);
  inspectData(parsed!.data, 'f.yaml', parsed!.locate, problems);
  return problems;
}

const CONTROL_HINT = 'Delete the character, or the escape (\\0, \\r, \\x1b, \\ud800…) that wrote it. A line break in a text is a plain line break (\\n).';
const NFC_HINT = 'Type the words again, or convert the file to NFC (letters such as «й» and «ї» written as one character, not as a letter and a combining mark).';

describe('what a parsed file holds', () => {
  it('passes text with line breaks, tabs and NFC letters', () => {
    expect(inspect('a: "рядок\\nі\\tще"\nй: ї\nb: [1, { c: d }]\n')).toEqual([]);
  });

  it('names a control character in a value or a key, shown as an escape, at its place', () => {
    expect(inspect('title: Звіт\nlist:\n  - "a\\u0001b"\n  - "\\r"\n"ke\\x7fy": 1\n')).toEqual([
      { code: 'E_TEXT_CONTROL', file: 'f.yaml', line: 3, column: 5, path: 'list[0]', message: 'the text "a\\\\u0001b" holds the control character U+0001, which no published format keeps as written', hint: CONTROL_HINT },
      { code: 'E_TEXT_CONTROL', file: 'f.yaml', line: 4, column: 5, path: 'list[1]', message: 'the text "\\\\u000d" holds the control character U+000D, which no published format keeps as written', hint: CONTROL_HINT },
      { code: 'E_TEXT_CONTROL', file: 'f.yaml', line: 5, column: 1, path: 'ke\u007fy', message: 'the key "ke\\\\u007fy" holds the control character U+007F, which no published format keeps as written', hint: CONTROL_HINT },
    ]);
  });

  it('names a lone surrogate, and cuts a long text it shows at 40 characters', () => {
    const long = 'д'.repeat(45);
    expect(inspect(`a: "\\ud800${long}"\n`)).toEqual([
      { code: 'E_TEXT_CONTROL', file: 'f.yaml', line: 1, column: 4, path: 'a', message: `the text ${JSON.stringify(`\ud800${'д'.repeat(39)}…`)} holds a lone surrogate (half of a character), which no published format keeps as written`, hint: CONTROL_HINT },
    ]);
  });

  it('shows a text of 40 characters whole', () => {
    const forty = `\\ud800${'д'.repeat(39)}`;
    expect(inspect(`a: "${forty}"\n`)[0]!.message).toBe(`the text ${JSON.stringify(`\ud800${'д'.repeat(39)}`)} holds a lone surrogate (half of a character), which no published format keeps as written`);
  });

  it('names text and keys not in Unicode NFC', () => {
    expect(inspect('a: "Краи\\u0306"\n"и\\u0306": 1\n')).toEqual([
      { code: 'E_TEXT_NORMALIZATION', file: 'f.yaml', line: 1, column: 4, path: 'a', message: 'the text "Краи\u0306" is not written in Unicode NFC: it looks like the same words in NFC but compares as other text (two districts where there is one)', hint: NFC_HINT },
      { code: 'E_TEXT_NORMALIZATION', file: 'f.yaml', line: 2, column: 1, path: 'и\u0306', message: 'the key "и\u0306" is not written in Unicode NFC: it looks like the same words in NFC but compares as other text (two districts where there is one)', hint: NFC_HINT },
    ]);
  });

  it('looks at a value an alias repeats only where it was written', () => {
    expect(inspect('a: &x ["\\u0001"]\nb: [*x, *x]\n')).toEqual([expect.objectContaining({ path: 'a[0]', line: 1, column: 8 })]);
  });

  it('takes aliases that repeat 10 000 values, and refuses the alias that repeats one more', () => {
    const values = Array.from({ length: 100 }, (_, i) => i).join(', ');
    const bomb = (aliases: number) => `a: &x [${values}]\nb:\n${'  - *x\n'.repeat(aliases)}`;
    expect(inspect(bomb(100))).toEqual([]);
    expect(inspect(bomb(101))).toEqual([
      { code: 'E_YAML_ALIAS', file: 'f.yaml', line: 103, column: 5, path: 'b[100]', message: 'aliases (*name) repeat more than 10000 values in this file', hint: 'Write the values out, or repeat fewer: an alias that repeats a list of aliases multiplies them ("billion laughs").' },
    ]);
  });

  it('refuses an alias of aliases at the outer alias, counting the values each inner one repeats', () => {
    // y holds ten aliases of x (100 numbers): written out, b repeats 1 000 values; each *y under c repeats
    // the ten lists and their numbers, 1 010. After c[7], 9 080 in all; c[8] passes 10 000.
    const numbers = Array.from({ length: 100 }, (_, i) => i).join(', ');
    const text = (aliases: number) => `a: &x [${numbers}]\nb: &y [${Array(10).fill('*x').join(', ')}]\nc:\n${'  - *y\n'.repeat(aliases)}`;
    expect(inspect(text(8))).toEqual([]);
    expect(inspect(text(9))).toEqual([expect.objectContaining({ code: 'E_YAML_ALIAS', path: 'c[8]', line: 12, column: 5 })]);
  });

  it('refuses an alias under a key at its value, where the alias is written', () => {
    // As above, but the aliases of y are values of keys: b repeats 1 000 values, each *y 1 010; k8 passes 10 000.
    const numbers = Array.from({ length: 100 }, (_, i) => i).join(', ');
    const keys = Array.from({ length: 9 }, (_, i) => `  k${i}: *y\n`).join('');
    expect(inspect(`a: &x [${numbers}]\nb: &y [${Array(10).fill('*x').join(', ')}]\nc:\n${keys}`)).toEqual([expect.objectContaining({ code: 'E_YAML_ALIAS', path: 'c.k8', line: 12, column: 7 })]);
  });

  it('stops at the alias that passes the bound, looking at nothing after it, however deep it was', () => {
    const values = Array.from({ length: 100 }, (_, i) => i).join(', ');
    const text = `o:\n  a: &x [${values}]\n  b:\n${'    - *x\n'.repeat(101)}c: "\\u0001"\n`;
    expect(inspect(text).map((problem) => problem.code)).toEqual(['E_YAML_ALIAS']);
  });

  it('looks at a key of a map an alias repeats only where it was written', () => {
    expect(inspect('a: &x { "k\\u0001": 1 }\nb: *x\n').map((problem) => [problem.path, problem.line])).toEqual([[expect.stringContaining('a'), 1]]);
  });

  it('passes empty values beside the text it looks at', () => {
    expect(inspect('a:\nb: [~, "\\u0001"]\n').map((problem) => problem.path)).toEqual(['b[1]']);
  });

  it('counts the values inside a repeated map, keys and nested lists alike', () => {
    const bomb = (aliases: number) => `a: &x { k: [1, 2, 3, 4], m: 5 }\nb:\n${'  - *x\n'.repeat(aliases)}`;
    // Each alias repeats the list, its four numbers and the number under m: six values.
    expect(inspect(bomb(1666))).toEqual([]);
    expect(inspect(bomb(1667))).toEqual([expect.objectContaining({ code: 'E_YAML_ALIAS', path: 'b[1666]', line: 1669 })]);
  });
});
