/**
 * One folder per malformed input under fixtures/: the files in it replace or join the
 * valid base tree, and expected.json names the problem the author must be shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { diskSources, memorySources } from '../io/files.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const base = join(import.meta.dirname, '..', 'fixtures', 'base');

async function overlay(caseFolder: string) {
  const files: Record<string, Uint8Array> = {};
  for (const source of [diskSources(base), diskSources(caseFolder)]) {
    for (const path of await source.list()) if (path !== 'expected.json') files[path] = await source.read(path);
  }
  return memorySources(files);
}

interface Expected {
  code: string;
  file: string;
  line?: number;
  column?: number;
  path?: string;
  message?: string;
  hint?: string;
}

const cases = readdirSync(fixtures).sort();

describe('malformed sources', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('the base tree alone is valid', async () => {
    const result = await checkSources(diskSources(base));
    expect(result.problems).toEqual([]);
  });

  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected;
      const result = await checkSources(await overlay(join(fixtures, name)));
      expect(result.ok).toBe(false);
      const match = result.problems.find((problem) => problem.code === expected.code && problem.file === expected.file);
      expect(match, `no ${expected.code} in ${expected.file}; got:\n${JSON.stringify(result.problems, null, 2)}`).toBeDefined();
      if (expected.line !== undefined) expect(match!.line).toBe(expected.line);
      if (expected.column !== undefined) expect(match!.column).toBe(expected.column);
      if (expected.path !== undefined) expect(match!.path).toBe(expected.path);
      if (expected.message !== undefined) expect(match!.message).toContain(expected.message);
      if (expected.hint !== undefined) expect(match!.hint).toContain(expected.hint);
      expect(match!.message.length).toBeGreaterThan(10);
      expect(match!.hint.length).toBeGreaterThan(10);
    });
  }
});
