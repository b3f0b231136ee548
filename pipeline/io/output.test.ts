/** The staging folder: files appear all at once on commit, and a failed build leaves the previous output as it was. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stage } from './output.ts';

const work = mkdtempSync(join(tmpdir(), 'output-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A previous build in `target`: one file per path, its text the path. */
function previousBuild(name: string, paths: string[]): string {
  const target = join(work, name);
  for (const path of paths) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), `old ${path}`);
  }
  return target;
}

const read = (target: string, path: string) => readFileSync(join(target, path), 'utf8');

/** The previous build's file is as it was, and nothing of the failed build is left beside it. */
function expectLeftAsItWas(target: string, path: string) {
  expect(read(target, path)).toBe(`old ${path}`);
  const name = basename(target);
  expect(readdirSync(work).filter((entry) => entry.startsWith(`${name}.`))).toEqual([]);
}
const bytes = (text: string) => new TextEncoder().encode(text);

describe('a staged build', () => {
  it('shows nothing of itself until it commits, then all of it, files taken over included', async () => {
    const target = previousBuild('swap', ['public/datasets/a/a.csv', 'public/datasets/b/b.csv']);
    const before = statSync(join(target, 'public/datasets/a/a.csv')).ino;
    const staging = await stage(target);
    staging.reuse!('public/datasets/a/a.csv');
    // More than are written at once in the background, so some are written on this thread.
    let size = 0;
    for (let at = 0; at < 300; at++) {
      const text = bytes(`new ${at}`);
      staging.put(`public/datasets/b/${at}.json`, text);
      size += text.length;
    }
    expect(read(target, 'public/datasets/b/b.csv')).toBe('old public/datasets/b/b.csv');
    expect(existsSync(join(target, 'public/datasets/b/0.json'))).toBe(false);

    await staging.commit();
    expect(read(target, 'public/datasets/a/a.csv')).toBe('old public/datasets/a/a.csv');
    // Taken over is the same file, not a copy.
    expect(statSync(join(target, 'public/datasets/a/a.csv')).ino).toBe(before);
    expect(read(target, 'public/datasets/b/299.json')).toBe('new 299');
    expect(existsSync(join(target, 'public/datasets/b/b.csv'))).toBe(false);
    // A link costs no bytes.
    expect(staging.written).toEqual({ files: 301, bytes: size });
    expect(readdirSync(work).filter((name) => name.startsWith('swap.'))).toEqual([]);
  });

  it('refuses a file that cannot be taken over, naming it and what to do; aborted, the previous output stays', async () => {
    const target = previousBuild('missing', ['public/datasets/a/a.csv']);
    const staging = await stage(target);
    staging.put('public/datasets/a/a.csv', bytes('new'));
    expect(() => staging.reuse!('public/datasets/gone/gone.csv')).toThrow(/^public\/datasets\/gone\/gone\.csv was in the previous build's manifest but cannot be taken over \(ENOENT\); build again with --clean$/);
    await staging.abort();
    expectLeftAsItWas(target, 'public/datasets/a/a.csv');
  });

  it('fails its commit when a write in the background failed; the previous output stays and the staging folder goes', async () => {
    const target = previousBuild('failed', ['public/feed.xml']);
    const staging = await stage(target);
    staging.put('public/datasets/a/a.csv', bytes('a folder now'));
    // A file where the folder already is: the write fails after put() has returned.
    staging.put('public/datasets/a', bytes('not a folder'));
    await expect(staging.commit()).rejects.toThrow(/EISDIR/);
    expectLeftAsItWas(target, 'public/feed.xml');
  });

  it('leaves the previous output as it was when aborted', async () => {
    const target = previousBuild('aborted', ['public/catalog.ttl']);
    const staging = await stage(target);
    staging.put('public/catalog.ttl', bytes('new'));
    await staging.abort();
    expectLeftAsItWas(target, 'public/catalog.ttl');
  });
});
