/** The output folder: where it may be, whose it is, one build at a time, and a publish that is one step. */
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../errors/problem.ts';
import { MARK, openOutput, placementProblem, thisProcess, type Identity, type OutputFolder, type OutputFs } from './output-folder.ts';

const work = mkdtempSync(join(tmpdir(), 'output-folder-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(root: string, tree: Record<string, string>) {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A project as the build sees it: its sources and its own folders. */
const project = files(join(work, 'project'), {
  'datasets/portal.yaml': 'portal',
  'pipeline/cli.ts': 'code',
  'site/pages/index.astro': 'page',
  'docs/errors.md': 'docs',
});
const sources = join(project, 'datasets');

const refused = (out: string) => placementProblem(out, sources, project);

describe('where the output folder may be', () => {
  it('refuses the sources folder, a folder in it and a folder around it', () => {
    expect(refused(sources)).toMatchObject({ code: 'E_OUT_UNSAFE', message: expect.stringContaining('is the sources folder') });
    expect(refused(join(sources, 'out'))).toMatchObject({ code: 'E_OUT_UNSAFE', message: expect.stringContaining('lies inside the sources folder') });
    const outside = files(join(work, 'around'), { 'src/portal.yaml': 'x' });
    expect(placementProblem(outside, join(outside, 'src'), project)).toMatchObject({ code: 'E_OUT_UNSAFE', message: expect.stringContaining('contains the sources folder') });
  });

  it('refuses the project, a folder around it, and the project\'s own folders and what lies in them', () => {
    expect(refused(project)?.message).toContain('contains the sources folder');
    const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-sources-'));
    expect(placementProblem(project, elsewhere, project)?.message).toContain('is the project folder');
    expect(placementProblem(work, elsewhere, project)?.message).toContain('contains the project folder');
    rmSync(elsewhere, { recursive: true });
    expect(refused(join(project, 'site'))?.message).toContain("is the project's folder site/");
    expect(refused(join(project, 'pipeline', 'out'))?.message).toContain("lies inside the project's folder pipeline/");
    expect(refused(join(project, 'docs', 'a', 'b'))?.message).toContain("lies inside the project's folder docs/");
  });

  it('sees through a link: a link to the sources is the sources', () => {
    const link = join(work, 'link-to-sources');
    symlinkSync(sources, link);
    expect(refused(link)?.message).toContain('is the sources folder');
    expect(refused(join(link, 'out'))?.message).toContain('lies inside the sources folder');
  });

  it('takes a new folder in the project or anywhere else, and names what to do when it refuses', () => {
    expect(refused(join(project, 'build'))).toBeUndefined();
    expect(refused(join(work, 'new', 'out'))).toBeUndefined();
    expect(refused(sources)?.hint).toContain('Choose a folder of its own');
  });
});

const open = (out: string, me: Identity = thisProcess, io: OutputFs = fs) => {
  const opened = openOutput(out, io, me);
  if ('code' in opened) throw new Error(`${opened.code}: ${opened.message}`);
  return opened;
};

/** Writes a complete output into the new generation, as a build does, and publishes it. */
function publishOutput(out: string, text: string, me: Identity = thisProcess): OutputFolder {
  const folder = open(out, me);
  files(folder.next.folder, { 'data/public/catalog.ttl': `data ${text}`, 'dist/index.html': `site ${text}` });
  folder.publish();
  folder.release();
  return folder;
}

const read = (out: string) => [readFileSync(join(out, 'data', 'public', 'catalog.ttl'), 'utf8'), readFileSync(join(out, 'dist', 'index.html'), 'utf8')];

describe('an output folder', () => {
  it('is marked when the build makes it, and publishes data and site through fixed links', () => {
    const out = join(work, 'fresh');
    publishOutput(out, 'one');
    expect(readdirSync(out).sort()).toEqual([MARK, '.current', '.generations', 'data', 'dist'].sort());
    expect(read(out)).toEqual(['data one', 'site one']);
    publishOutput(out, 'two');
    expect(read(out)).toEqual(['data two', 'site two']);
    // The previous generation went once the new one was in place.
    expect(readdirSync(join(out, '.generations'))).toHaveLength(1);
  });

  it('refuses a folder that holds files it did not make, and touches none of them', () => {
    const out = files(join(work, 'foreign'), { 'notes.txt': 'mine', 'photos/a.jpg': 'jpg' });
    const opened = openOutput(out) as Problem;
    expect(opened).toMatchObject({ code: 'E_OUT_FOREIGN', message: expect.stringContaining('notes.txt, photos') });
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'photos']);
    const file = files(join(work, 'a-file'), {});
    writeFileSync(join(work, 'plain.txt'), 'x');
    expect(openOutput(join(work, 'plain.txt'))).toMatchObject({ code: 'E_OUT_FOREIGN', message: expect.stringContaining('is a file') });
    // An empty folder is taken and marked.
    mkdirSync(file, { recursive: true });
    publishOutput(file, 'x');
    expect(readdirSync(file)).toContain(MARK);
  });

  it('says how to deal with the unmarked output of an earlier version of the build', () => {
    const out = files(join(project, 'old-build'), { 'manifest.json': '{}', 'public/catalog.ttl': 'old', 'site/config.json': '{}' });
    expect(placementProblem(out, sources, project)).toBeUndefined();
    expect(openOutput(out)).toMatchObject({ code: 'E_OUT_FOREIGN', hint: expect.stringContaining('earlier version of the build') });
    expect(readFileSync(join(out, 'public', 'catalog.ttl'), 'utf8')).toBe('old');
  });

  it('lets one build in at a time, naming the one that holds it', () => {
    const out = join(work, 'locked');
    const first = open(out);
    const second = openOutput(out) as Problem;
    expect(second.code).toBe('E_BUILD_LOCKED');
    expect(second.message).toContain(`process ${process.pid}`);
    expect(second.hint).toContain('.lock');
    first.discard();
    first.release();
    const third = open(out);
    third.release();
  });

  it('takes over the lock of a build that no longer runs, or a lock cut short, and says so', () => {
    const out = join(work, 'stale');
    const dead: Identity = { pid: 999_999_991, host: thisProcess.host, alive: () => false };
    open(out, dead);
    const me: Identity = { ...thisProcess, alive: (pid) => pid !== dead.pid };
    const taken = open(out, me);
    expect(taken.notices.map((notice) => notice.message)).toContainEqual(expect.stringContaining(`process ${dead.pid}`));
    taken.release();
    writeFileSync(join(out, '.lock'), '');
    const again = open(out);
    expect(again.notices.map((notice) => notice.code)).toContain('N_LEFT_OVER');
    again.release();
  });

  it('removes what killed builds left, never what it did not make', () => {
    const out = join(work, 'left');
    publishOutput(out, 'good');
    const killed = files(join(out, '.generations', 'killed-1'), { [MARK]: 'x', 'data/public/a.csv': 'half' });
    mkdirSync(join(out, '.generations', 'killed-before-marking'));
    const someone = files(join(out, '.generations', 'someone-elses'), { 'keep.txt': 'keep' });
    symlinkSync('.generations/killed-1', join(out, '.current.next-123'));
    const folder = open(out);
    expect(fs.existsSync(killed)).toBe(false);
    expect(fs.existsSync(join(out, '.generations', 'killed-before-marking'))).toBe(false);
    expect(fs.existsSync(join(out, '.current.next-123'))).toBe(false);
    expect(readFileSync(join(someone, 'keep.txt'), 'utf8')).toBe('keep');
    expect(folder.notices.map((notice) => notice.message).sort()).toEqual([expect.stringContaining('someone-elses has no .council-open-data mark: left as it is'), 'removed 2 unfinished or replaced outputs that stopped builds left']);
    folder.discard();
    folder.release();
    expect(read(out)).toEqual(['data good', 'site good']);
  });
});

describe('a build killed while it publishes', () => {
  /** The file-system calls that change something: each one is a moment a build can die at. */
  const MUTATING = ['mkdirSync', 'writeFileSync', 'rmSync', 'rmdirSync', 'symlinkSync', 'renameSync', 'unlinkSync'];
  /** The real file system, until the at-th changing call after arm(at): that one fails, as if the process died there. */
  const killable = () => {
    let calls = 0;
    let killAt = Infinity;
    const io = new Proxy(fs, {
      get(target, name: string) {
        const real = Reflect.get(target, name) as unknown;
        if (!MUTATING.includes(name) || typeof real !== 'function') return real;
        return (...args: unknown[]) => {
          if (calls++ === killAt) throw new Error('killed');
          return (real as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
    return {
      io,
      arm: (at: number) => {
        calls = 0;
        killAt = at;
      },
      calls: () => calls,
    };
  };
  const notRunning = (pid: number): Identity => ({ pid, host: thisProcess.host, alive: () => false });

  it('leaves the previous output or the new one, whole, at every step; the next build cleans up and publishes', () => {
    const out = join(work, 'killed');
    publishOutput(out, 'old');
    // How many changing calls a publish makes, counted on one that is not killed.
    const counting = killable();
    const trial = open(out, thisProcess, counting.io);
    files(trial.next.folder, { 'data/public/catalog.ttl': 'data old', 'dist/index.html': 'site old' });
    counting.arm(Infinity);
    trial.publish();
    const steps = counting.calls();
    trial.release();
    expect(steps).toBeGreaterThanOrEqual(4);

    const seen: string[][] = [];
    for (let at = 0; at < steps; at++) {
      const dying = killable();
      const folder = open(out, notRunning(999_999_000 + at), dying.io);
      files(folder.next.folder, { 'data/public/catalog.ttl': `data new ${at}`, 'dist/index.html': `site new ${at}` });
      dying.arm(at);
      try {
        folder.publish();
      } catch {
        // Died.
      }
      // Neither release() nor discard(): a killed process does nothing more.
      const now = read(out);
      expect([['data old', 'site old'], [`data new ${at}`, `site new ${at}`]]).toContainEqual(now);
      seen.push(now);
      // The next build finds the dead build's lock and left-overs, removes them and publishes.
      const next = open(out, notRunning(process.pid));
      files(next.next.folder, { 'data/public/catalog.ttl': 'data old', 'dist/index.html': 'site old' });
      next.publish();
      next.release();
      expect(read(out)).toEqual(['data old', 'site old']);
      expect(readdirSync(join(out, '.generations'))).toHaveLength(1);
      expect(readdirSync(out).filter((name) => name.startsWith('.current.') || name.startsWith('.lock'))).toEqual([]);
    }
    // Killed before the swap, the old output; after it, the new one: both happen.
    expect(seen.some(([data]) => data === 'data old')).toBe(true);
    expect(seen.some(([data]) => data!.startsWith('data new'))).toBe(true);
  });
});
