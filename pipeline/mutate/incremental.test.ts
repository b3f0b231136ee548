import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepKills, pruneIncrementalFile } from './incremental.ts';

const mutant = (id: string, status: string) => ({ id, status, mutatorName: 'EqualityOperator' });

describe('taking over an incremental run', () => {
  it('keeps only killed mutants, file by file, and everything else in the report', () => {
    const report = {
      schemaVersion: '2',
      files: {
        'a.ts': { source: 'a', mutants: [mutant('1', 'Killed'), mutant('2', 'Survived'), mutant('3', 'Timeout'), mutant('4', 'NoCoverage'), mutant('5', 'Killed')] },
        'b.ts': { source: 'b', mutants: [mutant('6', 'Ignored'), mutant('7', 'RuntimeError')] },
      },
      testFiles: { 'a.test.ts': { tests: [] } },
    };
    expect(keepKills(report)).toEqual({
      schemaVersion: '2',
      files: { 'a.ts': { source: 'a', mutants: [mutant('1', 'Killed'), mutant('5', 'Killed')] }, 'b.ts': { source: 'b', mutants: [] } },
      testFiles: { 'a.test.ts': { tests: [] } },
    });
  });

  it('rewrites the file in place, and leaves a missing one missing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'incremental-'));
    try {
      const path = join(folder, 'numbers.incremental.json');
      writeFileSync(path, JSON.stringify({ files: { 'a.ts': { mutants: [mutant('1', 'Survived'), mutant('2', 'Killed')] } } }));
      pruneIncrementalFile(path);
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ files: { 'a.ts': { mutants: [mutant('2', 'Killed')] } } });
      pruneIncrementalFile(join(folder, 'none.json'));
      expect(() => readFileSync(join(folder, 'none.json'))).toThrow(/ENOENT/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
