import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion } from './code-version.ts';

const root = mkdtempSync(join(tmpdir(), 'code-version-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('codeVersion', () => {
  write('pipeline/write/csv.ts', 'export const CRLF = "\\r\\n";');
  write('pipeline/bench/bench.ts', 'export const runs = 1;');
  write('schemas/datapackage/profile.json', '{}');
  write('package-lock.json', '{"lockfileVersion":3}');

  it('changes with the code that makes the files, the schemas and the locked dependencies', async () => {
    for (const [path, text] of [
      ['pipeline/write/csv.ts', 'export const CRLF = "\\n";'],
      ['schemas/datapackage/profile.json', '{"type":"object"}'],
      ['package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
    ] as const) {
      const before = await codeVersion(root);
      write(path, text);
      expect(await codeVersion(root), path).not.toBe(before);
    }
  });

  it('does not change with tests, the benchmark or the corpus generator', async () => {
    const before = await codeVersion(root);
    write('pipeline/write/csv.test.ts', 'it("x", () => {});');
    write('pipeline/bench/bench.ts', 'export const runs = 2;');
    write('pipeline/generate/corpus.ts', 'export const seed = 2;');
    expect(await codeVersion(root)).toBe(before);
  });
});
