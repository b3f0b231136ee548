import { describe, expect, it } from 'vitest';
import type { MutationModule } from './modules.ts';
import { describeMutant, scoreTable, undetectedList } from './report.ts';
import { moduleOf, type MutantOutcome, type MutantStatus, scoreModules } from './score.ts';

const modules: MutationModule[] = [
  { name: 'numbers', files: ['pipeline/numbers/*.ts'], tests: [] },
  { name: 'table-check', files: ['pipeline/formats/table-check.ts', 'pipeline/formats/table/*.ts'], tests: [] },
];

const at = (file: string, line: number, status: MutantStatus, replacement = 'x > 0'): MutantOutcome => ({ file, line, column: 3, mutator: 'EqualityOperator', replacement, status });

describe('scores per module', () => {
  it('finds the module of a file by its globs', () => {
    expect(moduleOf('pipeline/numbers/parse.ts', modules)?.name).toBe('numbers');
    expect(moduleOf('pipeline/formats/table/csv.ts', modules)?.name).toBe('table-check');
    expect(moduleOf('pipeline/formats/xlsx.ts', modules)).toBeUndefined();
  });

  it('leaves a file out of a module whose ! glob names it, for the module that takes it', () => {
    const split: MutationModule[] = [
      { name: 'sources', files: ['pipeline/sources/*.ts', '!pipeline/sources/schema.ts'], tests: [] },
      { name: 'schema', files: ['pipeline/sources/schema.ts'], tests: [] },
    ];
    expect(moduleOf('pipeline/sources/load.ts', split)?.name).toBe('sources');
    expect(moduleOf('pipeline/sources/schema.ts', split)?.name).toBe('schema');
    expect(moduleOf('pipeline/numbers/parse.ts', split)).toBeUndefined();
  });

  it('counts killed and timed-out mutants as detected, survivors and uncovered ones as not, errors and ignored ones apart', () => {
    const outcomes = [
      ...Array.from({ length: 7 }, (_, i) => at('pipeline/numbers/decimal.ts', i, 'Killed')),
      at('pipeline/numbers/decimal.ts', 20, 'Timeout'),
      at('pipeline/numbers/parse.ts', 9, 'Survived'),
      at('pipeline/numbers/decimal.ts', 30, 'NoCoverage'),
      at('pipeline/numbers/decimal.ts', 31, 'CompileError'),
      at('pipeline/numbers/decimal.ts', 32, 'RuntimeError'),
      at('pipeline/numbers/decimal.ts', 33, 'Ignored'),
      at('pipeline/formats/xlsx.ts', 1, 'Survived'),
    ];
    const [numbers, table] = scoreModules(outcomes, modules);
    // 8 detected of 10 that count: 80 %.
    expect(numbers).toMatchObject({ module: 'numbers', killed: 7, timeout: 1, survived: 1, noCoverage: 1, errors: 2, ignored: 1, score: 80 });
    expect(numbers!.undetected.map((m) => `${m.file}:${m.line}`)).toEqual(['pipeline/numbers/decimal.ts:30', 'pipeline/numbers/parse.ts:9']);
    expect(table).toMatchObject({ module: 'table-check', killed: 0, survived: 0, score: undefined, undetected: [] });
  });
});

describe('the report', () => {
  it('prints one row a module, numbers aligned right', () => {
    const scores = scoreModules([at('pipeline/numbers/parse.ts', 1, 'Killed'), at('pipeline/numbers/parse.ts', 2, 'Killed'), at('pipeline/numbers/parse.ts', 3, 'Survived')], modules);
    expect(scoreTable(scores).split('\n')).toEqual([
      'module         score  killed  timeout  survived  no coverage  errors  ignored',
      'numbers      66.67 %       2        0         1            0       0        0',
      'table-check      n/a       0        0         0            0       0        0',
    ]);
  });

  it('lists each undetected mutant with where it is and what it put in, shortened to one line', () => {
    const long = at('pipeline/numbers/parse.ts', 52, 'Survived', `unit.replace(${'x'.repeat(80)})\n  .trim()`);
    expect(describeMutant(long)).toBe(`pipeline/numbers/parse.ts:52:3 EqualityOperator [Survived] unit.replace(${'x'.repeat(56)}… …`);
    expect(describeMutant(at('pipeline/numbers/parse.ts', 7, 'NoCoverage', '  x >= 0  '))).toBe('pipeline/numbers/parse.ts:7:3 EqualityOperator [NoCoverage] x >= 0');
    const scores = scoreModules([at('pipeline/numbers/parse.ts', 7, 'Survived'), at('pipeline/numbers/parse.ts', 8, 'Killed')], modules);
    expect(undetectedList(scores)).toBe('numbers: 1 undetected\n  pipeline/numbers/parse.ts:7:3 EqualityOperator [Survived] x > 0');
  });
});
