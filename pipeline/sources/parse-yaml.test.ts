/**
 * YAML read as the author wrote it: numbers only in plain digits, the place of every field,
 * and each refusal with its code, line and column.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors/problem.ts';
import { parseYaml } from './parse-yaml.ts';

const SYNTAX_HINT = 'Check indentation (spaces, not tabs), the colon after each key, and quotes around text that contains ": " or starts with a special character.';

function read(text: string) {
  const problems: Problem[] = [];
  const parsed = parseYaml(text, () => text, 'f.yaml', problems);
  return { parsed, problems };
}

const syntax = (line: number, column: number, message: string) => ({ code: 'E_YAML_SYNTAX', file: 'f.yaml', line, column, message, hint: SYNTAX_HINT });

describe('YAML sources', () => {
  it('reads a number only from plain decimal digits, up to 15 of them; every other form stays text', () => {
    const { parsed } = read('a: 11\nb: -0\nc: 0x10\nd: 0o17\ne: 1e3\nf: 7.0\ng: +5\nh: 007\ni: .inf\nj: 0\nk: 999999999999999\nl: 1000000000000000\nm: true\nn: ~\no: 7\np: 2020\n');
    expect(parsed!.data).toEqual({ a: 11, b: '-0', c: '0x10', d: '0o17', e: '1e3', f: '7.0', g: '+5', h: '007', i: '.inf', j: 0, k: 999_999_999_999_999, l: '1000000000000000', m: true, n: null, o: 7, p: 2020 });
  });

  it('finds where a field is written: its value, or its key when asked, or the nearest place it reaches', () => {
    const text = 'title: Звіт\ngroups:\n  - section: Перша\n    observations:\n      - id: a\n        value: 12\n      - { id: b, value: 7 }\nempty:\n';
    const locate = read(text).parsed!.locate;
    expect(locate([])).toEqual({ line: 1, column: 1 });
    expect(locate(['title'])).toEqual({ line: 1, column: 8 });
    expect(locate(['title'], { key: true })).toEqual({ line: 1, column: 1 });
    expect(locate(['groups', 0, 'observations', 0, 'value'])).toEqual({ line: 6, column: 16 });
    expect(locate(['groups', 0, 'observations', 1, 'value'])).toEqual({ line: 7, column: 25 });
    expect(locate(['groups', 0, 'observations', 1, 'value'], { key: true })).toEqual({ line: 7, column: 18 });
    expect(locate(['groups', 0, 'observations', 1])).toEqual({ line: 7, column: 9 });
    expect(locate(['groups', 0, 'observations', 9, 'id'])).toEqual({ line: 5, column: 7 });
    expect(locate(['groups', 0, 'missing'])).toEqual({ line: 3, column: 5 });
    expect(locate(['title', 'uk'])).toEqual({ line: 1, column: 8 });
    expect(locate(['empty'])).toEqual({ line: 8, column: 7 });
    expect(locate(['groups', 'first'])).toEqual({ line: 3, column: 3 });
  });

  it('places the whole file at its first node, after the comments above it, and a key without a value at the key', () => {
    const locate = read('# Звіт за 2023 рік\n\ntitle: Звіт\n? draft\nlist: [a, {b}]\n').parsed!.locate;
    expect(locate([])).toEqual({ line: 3, column: 1 });
    expect(locate(['draft'])).toEqual({ line: 4, column: 3 });
    expect(locate(['list', 1, 'b'])).toEqual({ line: 5, column: 12 });
  });

  it('refuses a tag, which would change how the value is read', () => {
    expect(read('title: Звіт\na: !foo bar\n').problems).toEqual([
      { code: 'E_YAML_TAG', file: 'f.yaml', line: 2, column: 4, message: 'unknown scalar tag !<!foo>: a tag (a word after "!") would change how the value is read', hint: 'Delete the tag, and write the value as plain text or a number; put text that starts with "!" in quotes.' },
    ]);
  });

  it('reads a tag of an integer as a plain integer would be read, and refuses the tag of a float', () => {
    expect(read('a: !!int 12\n').parsed!.data).toEqual({ a: 12 });
    expect(read('a: !!int 0x10\n').problems.map((problem) => [problem.code, problem.line])).toEqual([['E_YAML_SYNTAX', 1]]);
    expect(read('a: !!float 7.0\n').problems.map((problem) => [problem.code, problem.message])).toEqual([['E_YAML_TAG', 'unknown scalar tag !<tag:yaml.org,2002:float>: a tag (a word after "!") would change how the value is read']]);
  });

  it('places a field inside a value an alias repeats at the alias', () => {
    const { parsed } = read('a: &x [1, 2]\nb: *x\n');
    expect(parsed!.locate(['b', 1])).toEqual({ line: 2, column: 4 });
  });

  it('refuses nesting deeper than 32 levels, and takes 32', () => {
    const nested = (levels: number) => `x: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
    expect(read(nested(31)).problems).toEqual([]);
    expect(read(nested(32)).problems).toEqual([
      { code: 'E_YAML_DEPTH', file: 'f.yaml', line: 1, column: 35, message: 'the YAML nests deeper than 32 levels', hint: 'No file of the authoring format nests this deep: look for brackets [ { that are never closed, or a list indented under itself.' },
    ]);
  });

  it('names every syntax error at its place, once for each place', () => {
    expect(read('a: 1\na: 2\n').problems).toEqual([syntax(2, 1, 'Map keys must be unique')]);
    expect(read('a: [1, 2\nb: 3\n').problems).toEqual([syntax(2, 1, 'Flow sequence in block collection must be sufficiently indented and end with a ]')]);
    expect(read('a: 1\nb: c: d\ne: 2\nf: g: h\n').problems).toEqual([syntax(2, 4, 'Nested mappings are not allowed in compact mappings'), syntax(4, 4, 'Nested mappings are not allowed in compact mappings')]);
    // The second reader finds two errors at the «b»: the first is said.
    expect(read('a: b\n  c: d\n').problems).toEqual([syntax(1, 4, 'Nested mappings are not allowed in compact mappings')]);
  });

  it('says the first error only, in the first reader\'s words, when the text has more brackets than the second reader is given', () => {
    const text = (brackets: number) => `a: "${'['.repeat(brackets)}"\nb: c: d\n`;
    expect(read(text(32)).problems).toEqual([syntax(2, 4, 'Nested mappings are not allowed in compact mappings')]);
    expect(read(text(33)).problems).toEqual([syntax(2, 5, 'bad indentation of a mapping entry')]);
    expect(read('a: "[]]]{"\nb: c: d\n').problems).toEqual([syntax(2, 4, 'Nested mappings are not allowed in compact mappings')]);
    // Brackets that close count down: forty pairs nest one level.
    expect(read(`a: "${'[]'.repeat(40)}"\nb: c: d\n`).problems).toEqual([syntax(2, 4, 'Nested mappings are not allowed in compact mappings')]);
    expect(read(`a: "${'{}'.repeat(40)}"\nb: c: d\n`).problems).toEqual([syntax(2, 4, 'Nested mappings are not allowed in compact mappings')]);
    expect(read(`a: "${'{'.repeat(20)}${'['.repeat(13)}"\nb: c: d\n`).problems).toEqual([syntax(2, 5, 'bad indentation of a mapping entry')]);
    // Only brackets count, and a closing one before any opening one counts for nothing: thirty-three levels.
    expect(read(`a: "]${'[ '.repeat(33)}"\nb: c: d\n`).problems).toEqual([syntax(2, 5, 'bad indentation of a mapping entry')]);
  });
});
