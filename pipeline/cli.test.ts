/** The command line as an officer meets it: exit codes, what is printed, what is written. */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './fixtures/run-script.ts';

const cli = join(import.meta.dirname, 'cli.ts');
const base = join(import.meta.dirname, 'fixtures', 'base');

const cliRun = (...args: string[]) => runScript(cli, ...args);

describe('npm run build', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cli-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('writes the output and prints a summary when the sources are valid', async () => {
    const out = join(work, 'good-out');
    const result = await cliRun('build', '--sources', base, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 publishers, 2 documents, 1 programmes');
    expect(result.stdout.replace(/\u00a0/g, ' ')).toContain('direction 1: 149 500,50 of 150 000 (99,67 %)');
    const notes = await readFile(join(out, 'public', 'datasets', 'pokaznyky-zvitiv-testovoi-miskoi-rady', 'quality-notes.csv'), 'utf8');
    expect(notes.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(notes).toContain(',1200,1050,150,count,');
  });

  it('prints only the errors, exits 1 and leaves the previous output untouched when a source is bad', async () => {
    const sources = join(work, 'bad-sources');
    const out = join(work, 'kept-out');
    await cp(base, sources, { recursive: true });
    const report = join(sources, 'test-city-council', 'tc-2021-execution-report', 'execution.yaml');
    await writeFile(report, (await readFile(report, 'utf8')).replace('"149 500,50"', '"149.500,50"'));
    await mkdir(out);
    await writeFile(join(out, 'previous.txt'), 'the last good build');

    const result = await cliRun('build', '--sources', sources, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/test-city-council\/tc-2021-execution-report\/execution\.yaml:6:\d+ {2}E_NUMBER_FORMAT {2}items\[0\]\.amount/);
    expect(result.stderr).toContain('hint:');
    expect(result.stderr).toContain('nothing was written');
    expect(await readdir(out)).toEqual(['previous.txt']);
    expect(await readFile(join(out, 'previous.txt'), 'utf8')).toBe('the last good build');
    expect((await readdir(work)).filter((name) => name.includes('staging') || name.includes('previous-'))).toEqual([]);
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

describe('npm run validate', () => {
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
