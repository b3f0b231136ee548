/** The bench's floor: what it links, what it writes again, and that it leaves nothing behind. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { stagingFloor } from './floor.ts';

const work = mkdtempSync(join(tmpdir(), 'floor-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('links every file but the portal-wide ones, and writes those again', () => {
  const out = join(work, 'build');
  const files: Record<string, string> = {
    'public/datasets/a/a.csv': 'a',
    'public/datasets/b/b.json': 'bb',
    'site/datasets/a.json': 'ccc',
    'public/datasets/usi-dani-portalu/observations.csv': 'dddd',
    'public/catalog.ttl': 'eeeee',
    'public/catalog.jsonld': 'ffffff',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  const floor = stagingFloor(out);
  expect(floor.linked.files).toBe(3);
  expect(floor.rewritten).toMatchObject({ files: 3, bytes: 4 + 5 + 6 });
  expect(readdirSync(work)).toEqual(['build']);
});
