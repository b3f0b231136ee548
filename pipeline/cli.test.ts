/** The command line as an officer meets it: exit codes, what is printed, what is written, what is left alone. */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftOvers, publishedTree, treeDifference } from './fixtures/output-tree.ts';
import { runScript, runScriptWithin } from './fixtures/run-script.ts';

const project = join(import.meta.dirname, '..');
const cli = join(import.meta.dirname, 'cli.ts');
const base = join(import.meta.dirname, 'fixtures', 'base');
const notes = join('public', 'datasets', 'pokaznyky-zvitiv-testovoi-miskoi-rady');

const cliRun = (...args: string[]) => runScript(cli, ...args);
/** A stack trace's line, which an officer never sees without --debug. */
const STACK = /^\s+at\s/m;
const listing = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();

let work: string;
/** A complete build of the test sources, made once: the "previous output" of the tests below. */
let good: string;
let goodTree: Map<string, Buffer>;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-'));
  good = join(work, 'good');
  const built = await cliRun('build', '--sources', base, '--out', good);
  if (built.code !== 0) throw new Error(built.stderr);
  goodTree = publishedTree(good);
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of the good output, links as they are, to build into again. */
function previousOutput(name: string): string {
  const out = join(work, name);
  cpSync(good, out, { recursive: true, verbatimSymlinks: true });
  return out;
}

describe('npm run build', { timeout: 120_000 }, () => {
  it('builds the sources given into the output folder given, data, site and search index alike', async () => {
    const out = join(work, 'npm-out');
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'build', '--', '--sources', base, '--out', out], { cwd: project });
    expect(stdout).toContain('1 publishers, 2 documents, 1 programmes');
    expect(stdout.replace(/\u00a0/g, ' ')).toContain('direction 1: 149 500,50 of 150 000 (99,67 %)');
    expect(stdout).toContain(`published to ${out}/`);
    const qualityNotes = await readFile(join(out, 'data', notes, 'quality-notes.csv'), 'utf8');
    expect(qualityNotes.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(qualityNotes).toContain(',1200,1050,150,count,');
    // The site is the test sources' (their council and report), with their data files and a search index.
    const report = await readFile(join(out, 'dist', 'reports', 'tc-2021-execution-report', 'index.html'), 'utf8');
    expect(report).toContain('Тестова міська рада');
    expect(await readFile(join(out, 'dist', 'datasets', 'pokaznyky-zvitiv-testovoi-miskoi-rady', 'quality-notes.csv'), 'utf8')).toBe(qualityNotes);
    expect(existsSync(join(out, 'dist', 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(project, 'datasets', 'pokaznyky-zvitiv-testovoi-miskoi-rady'))).toBe(false);
  });

  it('prints only the errors, exits 1 and leaves the previous output as it was when a source is bad', async () => {
    const sources = join(work, 'bad-sources');
    await cp(base, sources, { recursive: true });
    const report = join(sources, 'test-city-council', 'tc-2021-execution-report', 'execution.yaml');
    await writeFile(report, (await readFile(report, 'utf8')).replace('"149 500,50"', '"149.500,50"'));
    const out = previousOutput('kept');

    const result = await cliRun('build', '--sources', sources, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/test-city-council\/tc-2021-execution-report\/execution\.yaml:6:\d+ {2}E_NUMBER_FORMAT {2}items\[0\]\.amount/);
    expect(result.stderr).toContain('hint:');
    expect(result.stderr).toContain('nothing was written');
    expect(treeDifference(publishedTree(out), goodTree)).toEqual([]);
    expect(leftOvers(out)).toEqual([]);
  });

  it('exits 1 through npm when the sources given are broken: they, not datasets/, are what it builds', async () => {
    const sources = join(work, 'npm-bad-sources');
    await cp(base, sources, { recursive: true });
    const report = join(sources, 'test-city-council', 'tc-2021-execution-report', 'execution.yaml');
    await writeFile(report, (await readFile(report, 'utf8')).replace('"149 500,50"', '"149.500,50"'));
    const out = join(work, 'npm-bad-out');
    const failed = await promisify(execFile)('npm', ['run', '--silent', 'build', '--', '--sources', sources, '--out', out], { cwd: project }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/test-city-council\/tc-2021-execution-report\/execution\.yaml:6:\d+ {2}E_NUMBER_FORMAT/);
    expect(publishedTree(out).size).toBe(0);
  });

  it('reports every problem of a run together', async () => {
    const sources = join(work, 'many-bad');
    await cp(base, sources, { recursive: true });
    const document = join(sources, 'test-city-council', 'tc-2019-decision-7', 'document.yaml');
    await writeFile(document, (await readFile(document, 'utf8')).replace('kind: decision', 'kind: decree').replace('title:', 'titel:'));
    const result = await cliRun('validate', '--sources', sources);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('E_FIELD_VALUE');
    expect(result.stderr).toContain('E_FIELD_UNKNOWN');
    expect(result.stderr).toContain('Did you mean "title"');
  });
});

describe('npm run validate', { timeout: 60_000 }, () => {
  it('names what it did not read: dot-folders, notes, links', async () => {
    const work = await mkdtemp(join(tmpdir(), 'cli-skipped-'));
    try {
      await cp(base, work, { recursive: true });
      await mkdir(join(work, 'test-city-council', '.drafts'));
      await writeFile(join(work, 'test-city-council', '.drafts', 'observations.yaml'), 'groups: []\n');
      await symlink(join(base, 'portal.yaml'), join(work, 'test-city-council', 'portal-link.yaml'));
      const result = await cliRun('validate', '--sources', work);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('not read (dot-files and dot-folders, notes, links): 2\n  test-city-council/.drafts/observations.yaml\n  test-city-council/portal-link.yaml\n');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('the output folder', { timeout: 120_000 }, () => {
  it('is never the sources, inside them or around them: refused, and the sources stay whole', async () => {
    const sources = join(work, 'precious');
    await cp(base, sources, { recursive: true });
    const before = listing(sources);
    for (const [out, why] of [
      [sources, 'is the sources folder'],
      [join(sources, 'test-city-council'), 'lies inside the sources folder'],
      [join(sources, 'out'), 'lies inside the sources folder'],
      [work, 'contains the sources folder'],
    ] as const) {
      const result = await cliRun('build', '--sources', sources, '--out', out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('E_OUT_UNSAFE');
      expect(result.stderr).toContain(why);
      expect(result.stderr).toContain('hint: Choose a folder of its own');
      expect(listing(sources)).toEqual(before);
    }
  });

  it('is never the project or one of its folders', async () => {
    for (const [out, why] of [
      [project, 'contains the sources folder'],
      [join(project, 'docs'), "is the project's folder docs/"],
      [join(project, 'pipeline'), 'contains the sources folder'],
      [join(project, 'site', 'out'), "lies inside the project's folder site/"],
    ] as const) {
      const result = await cliRun('build', '--sources', base, '--out', out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('E_OUT_UNSAFE');
      expect(result.stderr).toContain(why);
    }
    expect(existsSync(join(project, 'site', 'out'))).toBe(false);
    expect(existsSync(join(project, 'docs', '.council-open-data'))).toBe(false);
  });

  it('is never the project or one of its folders, whatever the sources: refused, and each stays as it was', async () => {
    // Sources outside the project, so that each folder is refused for being the project's.
    const sources = join(work, 'outside-sources');
    await cp(base, sources, { recursive: true });
    for (const [out, why] of [
      [project, 'is the project folder'],
      [join(project, 'site'), "is the project's folder site/"],
      [join(project, 'pipeline'), "is the project's folder pipeline/"],
      [join(project, 'datasets'), "is the project's folder datasets/"],
      [join(project, 'pipeline', 'golden'), "lies inside the project's folder pipeline/"],
    ] as const) {
      const result = await cliRun('build', '--sources', sources, '--out', out);
      expect(result.code, out).toBe(1);
      expect(result.stderr).toContain('E_OUT_UNSAFE');
      expect(result.stderr).toContain(`The output folder ${why}; nothing was written.`);
      expect(result.stderr).not.toMatch(STACK);
      // Nothing of a build was made there: no mark, no lock, no output.
      expect(readdirSync(out).filter((name) => ['.council-open-data', '.lock', '.generations', '.current', 'data', 'dist'].includes(name)), out).toEqual([]);
    }
  });

  it('is refused when it holds files the build did not make, and they stay as they were', async () => {
    const out = join(work, 'someone-elses');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'years of work');
    const result = await cliRun('build', '--sources', base, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('E_OUT_FOREIGN');
    expect(result.stderr).toContain('thesis.docx');
    expect(readdirSync(out)).toEqual(['thesis.docx']);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('years of work');
  });

  it('takes one build at a time: a second run at once is refused with who holds it, the first completes', async () => {
    const out = previousOutput('busy');
    const first = spawn(process.execPath, [cli, 'build', '--sources', base, '--out', out], { stdio: 'ignore' });
    const firstDone = new Promise<number | null>((resolve) => first.on('exit', resolve));
    await until(() => existsSync(join(out, '.lock')));
    const second = await cliRun('build', '--sources', base, '--out', out);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('E_BUILD_LOCKED');
    expect(second.stderr).toContain(`Another build (process ${first.pid}, started `);
    expect(second.stderr).toContain('.lock');
    expect(await firstDone).toBe(0);
    expect(treeDifference(publishedTree(out), goodTree)).toEqual([]);
    expect(leftOvers(out)).toEqual([]);
  });

  it('takes over the lock of a build that no longer runs, and says so', async () => {
    const out = previousOutput('stale-lock');
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: gone.pid, host: hostname(), started: '2024-05-01T12:00:00.000Z' }));
    const result = await cliRun('build', '--sources', base, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`notice  N_LEFT_OVER  removed the lock of a build that no longer runs (process ${gone.pid}, started 2024-05-01T12:00:00.000Z)`);
    expect(treeDifference(publishedTree(out), goodTree)).toEqual([]);
    expect(leftOvers(out)).toEqual([]);
  });
});

/** Waits until `ready` holds, looking every 20 ms, for at most a minute. */
async function until(ready: () => boolean): Promise<void> {
  const limit = performance.now() + 60_000;
  while (!ready()) {
    if (performance.now() > limit) throw new Error('waited a minute for a build to get there');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The generation a running build writes into `out`, once it has begun writing `part` (data or dist). */
const writing = (out: string, part: string) => () => {
  const current = readlinkSync(join(out, '.current'));
  return readdirSync(join(out, '.generations')).some((name) => `.generations/${name}` !== current && existsSync(join(out, '.generations', name, part)));
};

describe('a stopped build', { timeout: 120_000 }, () => {
  it('stops at once on Ctrl-C, removes what it wrote and its lock itself, and leaves the previous output as it was', async () => {
    const out = previousOutput('interrupted');
    const child = spawn(process.execPath, [cli, 'build', '--sources', base, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    await until(writing(out, 'dist'));
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(stderr).toContain('stopped (SIGINT): nothing was published, and the previous output is as it was');
    expect(treeDifference(publishedTree(out), goodTree)).toEqual([]);
    expect(leftOvers(out)).toEqual([]);
  });

  it('leaves no step of the site running when its own process is killed, and the next build cleans up', async () => {
    const out = previousOutput('orphans');
    const child = spawn(process.execPath, [cli, 'build', '--sources', base, '--out', out], { stdio: 'ignore' });
    const exit = new Promise((resolve) => child.on('close', resolve));
    await until(writing(out, 'dist'));
    child.kill('SIGKILL');
    await exit;
    // Processes still working in the killed build's folder (Linux shows each one's working folder).
    const working = () =>
      readdirSync('/proc')
        .filter((pid) => /^\d+$/.test(pid))
        .filter((pid) => {
          try {
            return readlinkSync(`/proc/${pid}/cwd`).startsWith(join(out, '.generations'));
          } catch {
            return false;
          }
        });
    const waited = performance.now();
    while (working().length > 0 && performance.now() - waited < 5_000) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(working()).toEqual([]);
    expect(treeDifference(publishedTree(out), goodTree)).toEqual([]);
    const next = await cliRun('build', '--sources', base, '--out', out);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('notice  N_LEFT_OVER  removed the lock of a build that no longer runs');
    expect(leftOvers(out)).toEqual([]);
  });
});

describe('an incremental build', { timeout: 120_000 }, () => {
  it('makes again a file of the previous output that was damaged on disk, says so once, and publishes what a clean build does', async () => {
    const out = previousOutput('damaged');
    truncateSync(join(out, 'data', notes, 'observations.csv'), 200);
    const result = await cliRun('build', '--sources', base, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/N_FILE_CHANGED/g)).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`${notes.replaceAll('/', '\\/')}\\/observations\\.csv: 200 bytes, \\d+ published`));
    expect(treeDifference(publishedTree(out), goodTree)).toEqual([]);
  });

  it('builds everything again when the manifest is cut short, says so once, and exits 0', async () => {
    const out = previousOutput('cut-manifest');
    const manifest = join(out, 'data', 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest).subarray(0, 300));
    const result = await cliRun('build', '--sources', base, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/N_MANIFEST_UNUSABLE/g)).toHaveLength(1);
    expect(result.stderr).toContain('manifest.json of the previous build is damaged (not JSON: 300 characters, cut off or changed); every dataset is made again');
    expect(result.stderr).not.toMatch(STACK);
    expect(treeDifference(publishedTree(out), goodTree)).toEqual([]);
  });
});

describe('faults', { timeout: 60_000 }, () => {
  it('reports a missing sources folder as a coded problem with a hint, never a stack trace', async () => {
    for (const command of ['build', 'validate', 'quotes']) {
      const result = await cliRun(command, '--sources', join(work, 'no-such-folder'), '--out', join(work, 'never'));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('E_SOURCES_MISSING');
      expect(result.stderr).toContain(`There is no sources folder ${join(work, 'no-such-folder')}`);
      expect(result.stderr).toContain('hint: Give --sources the folder of the sources');
      expect(result.stderr).not.toMatch(STACK);
    }
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('stops within seconds with a coded problem when the output folder cannot be made, never loops', async () => {
    // /proc answers every mkdir with ENOENT, even where the parent is: Node's own recursive
    // mkdir never returns there. Each run has 30 s; it needs one or two.
    for (const [out, shown] of [
      ['/proc/council-open-data-test/out', '/proc/council-open-data-test'],
      ['/proc/council-open-data-test', '/proc/council-open-data-test'],
      ['/proc/sys/council-open-data-test/a/b', '/proc/sys/council-open-data-test'],
    ] as const) {
      const result = await runScriptWithin(30_000, cli, 'build', '--sources', base, '--out', out);
      expect(result.killed, `--out ${out} still ran after 30 s`).toBe(false);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${shown}  E_PERMISSION\n  While opening the output folder, a folder cannot be made there (mkdir ENOENT)`);
      expect(result.stderr).toContain('hint: Choose an output folder on a disk where folders can be made.');
      expect(result.stderr).not.toMatch(STACK);
    }
  });

  it('prints the stack of a fault of its own only with --debug', async () => {
    // No folder can be made in /proc (and Node's own recursive mkdir never returns there).
    const out = '/proc/council-open-data-test/out';
    const plain = await cliRun('build', '--sources', base, '--out', out);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('/proc/council-open-data-test  E_PERMISSION\n  While opening the output folder, a folder cannot be made there (mkdir ENOENT); nothing was published');
    expect(plain.stderr).toContain('hint: Choose an output folder on a disk where folders can be made.');
    expect(plain.stderr).not.toMatch(STACK);
    const debug = await cliRun('build', '--sources', base, '--out', out, '--debug');
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK);
  });

  it('answers an unknown option with the usage, not a stack trace', async () => {
    const result = await cliRun('build', '--sourcse', base);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--sourcse'");
    expect(result.stderr).toContain('usage: node pipeline/cli.ts');
    expect(result.stderr).not.toMatch(STACK);
  });
});
