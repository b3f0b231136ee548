/** The bench's file-system probe: it times the files it creates and leaves none behind. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { probeFileSystem } from './probe.ts';

const work = mkdtempSync(join(tmpdir(), 'probe-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('creates the files it is asked for, says what one took, and removes them', () => {
  const start = performance.now();
  const probe = probeFileSystem(work, 60);
  const elapsed = performance.now() - start;
  expect(probe.files).toBe(60);
  expect(probe.msPerFile).toBeGreaterThan(0);
  // A figure per file: sixty of them fit in the time the whole call took.
  expect(probe.msPerFile * probe.files).toBeLessThanOrEqual(elapsed);
  expect(readdirSync(work)).toEqual([]);
});

it('fails with the file system’s error when it cannot create a file', () => {
  expect(() => probeFileSystem(join(work, 'missing'), 1)).toThrow(/ENOENT/);
});
