/**
 * The whole build when the machine fails it: a full disk, a permission, a read-back that does
 * not match, a site that does not build. Each is a coded problem with a hint, and the output
 * folder keeps its previous output byte for byte, with nothing of the failed build beside it.
 * The disk fails through the file system the build is given.
 */
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftOvers, publishedTree, treeDifference } from '../fixtures/output-tree.ts';
import { fixedHistory } from '../io/history.ts';
import { runBuild, type BuildFs, type RunResult } from './run-build.ts';
import { siteSteps } from './site-steps.ts';
import type { SiteRecord } from '../../site/scripts/incremental.ts';

const project = join(import.meta.dirname, '..', '..');
const sources = join(project, 'pipeline', 'fixtures', 'base');
const work = mkdtempSync(join(tmpdir(), 'run-build-'));
const out = join(work, 'out');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The site step inherits the environment: one with a BASE_URL of its own (as a test runner's)
// must not change the path under which each page's reads are recorded (the sources' base path is /data/).
process.env.BASE_URL = '/';

const build = (io: BuildFs = fs as BuildFs, steps = siteSteps(project), debug = false): Promise<RunResult> =>
  runBuild({ sources, out, project, clean: false, debug }, { fs: io, history: async () => fixedHistory('2024-05-01T12:00:00Z'), version: 'test', steps });

const errorOf = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

/** The real file system, but a disk that is full once `room` more bytes are written. */
function fullDisk(room: number): BuildFs {
  let left = room;
  const take = (bytes: number, path: string) => {
    left -= bytes;
    if (left < 0) throw errorOf('ENOSPC', 'write', path);
  };
  return {
    ...fs,
    writeFileSync: (path: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
      take(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, String(path));
      fs.writeFileSync(path, data, options);
    },
    writeSync: ((fd: number, buffer: NodeJS.ArrayBufferView, offset?: number) => {
      take(buffer.byteLength - (offset ?? 0), `file ${fd}`);
      return fs.writeSync(fd, buffer, offset);
    }) as typeof fs.writeSync,
    promises: {
      ...fs.promises,
      writeFile: async (path: fs.PathLike | fs.promises.FileHandle, data: string | NodeJS.ArrayBufferView) => {
        take(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, String(path));
        await fs.promises.writeFile(path, data);
      },
    },
  } as BuildFs;
}

let previous: Map<string, Buffer>;
beforeAll(async () => {
  const first = await build();
  if (!first.ok) throw new Error(JSON.stringify(first.problems));
  previous = publishedTree(out);
}, 180_000);

/** The failed build left the previous output as it was, and nothing of itself. */
function expectUntouched() {
  expect(treeDifference(publishedTree(out), previous)).toEqual([]);
  expect(leftOvers(out)).toEqual([]);
}

describe('a build the machine fails', { timeout: 180_000 }, () => {
  it('stops on a full disk with E_DISK_FULL, whichever file it was writing', async () => {
    for (const [room, stage] of [[0, 'opening the output folder'], [20_000, 'building the data'], [200_000, 'building the data']] as const) {
      const result = await build(fullDisk(room));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toEqual([
        expect.objectContaining({
          code: 'E_DISK_FULL',
          message: `While ${stage}, no space is left on the disk (write ENOSPC); nothing was published, and the previous output is as it was.`,
          hint: expect.stringContaining('Free space on the disk of the output folder'),
        }),
      ]);
      expectUntouched();
    }
  });

  it('stops with E_PERMISSION when a folder cannot be made', async () => {
    const denied = { ...fs, mkdirSync: (path: fs.PathLike) => { throw errorOf('EACCES', 'mkdir', String(path)); } } as BuildFs;
    const result = await build(denied);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_PERMISSION', message: expect.stringContaining('permission is denied (mkdir EACCES)'), hint: expect.stringContaining('write access to the output folder') }] });
    expectUntouched();
  });

  it('publishes nothing when a file does not read back at the size it was written', async () => {
    const shrunk = {
      ...fs,
      statSync: ((path: fs.PathLike, options?: fs.StatSyncOptions) => {
        const stats = fs.statSync(path, options) as fs.Stats;
        return String(path).endsWith(join('dist', 'datasets', 'pokaznyky-zvitiv-testovoi-miskoi-rady', 'observations.csv')) ? { ...stats, size: stats.size - 1 } : stats;
      }) as typeof fs.statSync,
    } as BuildFs;
    const result = await build(shrunk);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_READ_BACK', file: 'dist/datasets/pokaznyky-zvitiv-testovoi-miskoi-rady/observations.csv' }] });
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/observations\.csv is \d+ bytes, \d+ written; nothing was published/);
    expectUntouched();
  });

  it('reports a site that does not build with what it said, stack lines only when debugging', async () => {
    // Steps of a project without the site's scripts: node itself fails, with a stack.
    fs.mkdirSync(join(work, 'no-project'));
    const broken = siteSteps(join(work, 'no-project'));
    const result = await build(fs as BuildFs, broken);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_SITE_BUILD', file: 'the site' }] });
    if (result.ok) return;
    expect(result.problems[0]!.message).toContain('Cannot find module');
    expect(result.problems[0]!.message).not.toMatch(/^\s+at\s/m);
    expectUntouched();
    const debugging = await build(fs as BuildFs, broken, true);
    expect(debugging.ok || debugging.problems[0]!.message).toMatch(/^\s+at\s/m);
  });

  it('stops a site step that runs past its time limit with E_STEP_TIMEOUT, and the previous output stays', async () => {
    // A project whose site step prints a line, then hangs.
    const hanging = join(work, 'hanging-project');
    fs.mkdirSync(join(hanging, 'site', 'scripts'), { recursive: true });
    fs.writeFileSync(join(hanging, 'site', 'scripts', 'build-site.ts'), "console.log('bundling 3 pages');\nsetInterval(() => {}, 1000);\n");
    const started = performance.now();
    const result = await build(fs as BuildFs, siteSteps(hanging, { site: 1500, search: 60_000 }));
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          code: 'E_STEP_TIMEOUT',
          file: 'the site',
          message: 'Building the site ran past its limit of 1.5 s and was stopped; nothing was published, and the previous output is as it was. It said last:\n    bundling 3 pages',
          hint: expect.stringContaining('set a longer limit in SITE_STEP_MINUTES'),
        },
      ],
    });
    expectUntouched();
  });

  it('makes again a dataset whose files cannot be read back from the previous output, rather than stop', async () => {
    // A place on the disk that does not read: neither its bytes nor what the file system says of it.
    const unreadable = {
      ...fs,
      lstatSync: ((path: fs.PathLike, options?: fs.StatSyncOptions) => {
        if (String(path).endsWith('observations.csv')) throw errorOf('EIO', 'lstat', String(path));
        return fs.lstatSync(path, options);
      }) as typeof fs.lstatSync,
      promises: {
        ...fs.promises,
        readFile: async (path: fs.PathLike) => {
          if (String(path).endsWith('observations.csv')) throw errorOf('EIO', 'read', String(path));
          return fs.promises.readFile(path);
        },
      },
    } as unknown as BuildFs;
    const result = await build(unreadable);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notices).toEqual([expect.objectContaining({ code: 'N_FILE_CHANGED', message: expect.stringContaining('observations.csv: cannot be read (EIO)') })]);
    expect(result.built.counts.reused).toBeGreaterThan(0);
    expect(treeDifference(publishedTree(out), previous)).toEqual([]);
  });
});

describe('the record of the site\'s pages, under a base path', () => {
  it('names each page by its route\'s path, whatever BASE_URL the environment holds', () => {
    const record = JSON.parse(readFileSync(join(out, '.current', 'site-pages.json'), 'utf8')) as SiteRecord;
    expect(Object.keys(record.pages)).toEqual(expect.arrayContaining(['datasets/publisher/test-city-council/', 'datasets/format/csv/']));
    expect(Object.keys(record.pages).filter((path) => path.startsWith('data/'))).toEqual([]);
    expect(Object.keys(record.fixed ?? {})).toEqual(expect.arrayContaining(['', 'datasets/', '404/', 'robots.txt']));
  });

  it('links every page under the base path of the sources, whatever BASE_URL the environment holds', () => {
    const home = readFileSync(join(out, 'dist', 'index.html'), 'utf8');
    const links = [...home.matchAll(/<a [^>]*href="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(links).toContain('/data/datasets/');
    expect(links.filter((link) => !link.startsWith('/data/'))).toEqual([]);
  });
});
