/**
 * The site built incrementally, through the command line on the project's own sources in a
 * git repository of their own (so that a commit moves a dataset's time, as it does for an
 * officer): a clean build; one report's figure changed and committed; an incremental build
 * beside a clean one of the same commit. Every published file must be the same, byte for
 * byte, and the incremental build must have rendered only the pages the change reaches.
 * A change of the site's code renders every page again.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedTree, showDifference, treeDifference } from '../fixtures/output-tree.ts';
import { runScriptWithin } from '../fixtures/run-script.ts';
import type { SiteRecord } from '../../site/scripts/incremental.ts';

const project = join(import.meta.dirname, '..', '..');
const cli = join(project, 'pipeline', 'cli.ts');
const work = mkdtempSync(join(tmpdir(), 'incremental-site-'));
const sources = join(work, 'sources');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const report = join(sources, 'kryvyi-rih-city-council', 'kr-2020-ict-department-report', 'observations.yaml');

/** git in the sources folder, as an officer committing at `time`. */
function git(time: string, ...args: string[]): void {
  const who = { GIT_AUTHOR_NAME: 'Officer', GIT_AUTHOR_EMAIL: 'officer@example.org', GIT_COMMITTER_NAME: 'Officer', GIT_COMMITTER_EMAIL: 'officer@example.org' };
  execFileSync('git', ['-C', sources, ...args], { env: { ...process.env, ...who, GIT_AUTHOR_DATE: time, GIT_COMMITTER_DATE: time }, stdio: 'ignore' });
}

/** Commits what is in the sources folder at `time` (the same day for both commits: the pages that show the build's day stay). */
function commit(time: string, message: string): void {
  git(time, 'add', '-A');
  git(time, 'commit', '-q', '-m', message);
}

async function build(out: string, ...options: string[]): Promise<void> {
  const result = await runScriptWithin(240_000, cli, 'build', '--sources', sources, '--out', out, ...options);
  if (result.code !== 0) throw new Error(`the build into ${out} failed (${result.code}): ${result.stderr}`);
}

const record = (out: string) => JSON.parse(readFileSync(join(out, '.current', 'site-pages.json'), 'utf8')) as SiteRecord;

function expectSameTree(out: string, clean: string): void {
  const [actual, expected] = [publishedTree(out), publishedTree(clean)];
  const differ = treeDifference(actual, expected);
  expect(differ, showDifference(actual, expected, differ)).toEqual([]);
  expect(actual.size).toBe(expected.size);
}

const incremental = join(work, 'incremental');

describe('an incremental build of the site', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    cpSync(join(project, 'datasets'), sources, { recursive: true });
    git('2026-03-02T09:00:00Z', 'init', '-q');
    commit('2026-03-02T09:00:00Z', 'the reports');
    await build(incremental);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('value: 12\n');
    writeFileSync(report, text.replace('value: 12\n', 'value: 13\n').replace('доступна за допомогою 12 сенсорних', 'доступна за допомогою 13 сенсорних'));
    commit('2026-03-02T11:30:00Z', 'one figure corrected');
    await build(incremental);
    await build(join(work, 'clean'), '--clean');
  }, 600_000);

  it('publishes the same files as a clean build of the same commit, byte for byte', () => {
    expectSameTree(incremental, join(work, 'clean'));
  });

  it('renders only the pages the changed report reaches, and takes the others over', () => {
    const { rendered, pages } = record(incremental);
    // The report's own page and the datasets its figure is in (its council's indicators, the
    // council's register, the shared indicators and the portal-wide dataset), the shared
    // indicator's page, the council's page that names its register, and the catalogue's
    // facets, which list datasets by their last change.
    expect(rendered).toEqual(
      expect.arrayContaining([
        'reports/kr-2020-ict-department-report/',
        'datasets/kryvyi-rih-pokaznyky-zvitiv-vykonavchykh-orhaniv/',
        'datasets/usi-dani-portalu/',
      ]),
    );
    const untouched = ['reports/kr-2016-decision-1176/', 'reports/if-2022-h1-strategic-development-report/', 'programmes/kr-local-self-government-2017-2027/', 'datasets/ivano-frankivsk-pokaznyky-zvitu-departamentu-stratehichnoho-rozvytku/', 'publishers/ivano-frankivsk-city-council/', 'datasets/publisher/ivano-frankivsk-city-council/', 'datasets/theme/SOCI/'];
    for (const page of untouched) expect(rendered, page).not.toContain(page);
    expect(rendered.length).toBeLessThan(Object.keys(pages).length / 2);
    expect(rendered).toMatchSnapshot();
  });

  it('renders every page again when the site\'s code differs from the one the previous pages were made with', async () => {
    const file = join(incremental, '.current', 'site-pages.json');
    const before = record(incremental);
    writeFileSync(file, JSON.stringify({ ...before, version: 'another version of the site' }));
    await build(incremental);
    const after = record(incremental);
    expect(after.rendered).toEqual(Object.keys(after.pages));
    expectSameTree(incremental, join(work, 'clean'));
  });

  it('renders a page again whose file in the previous site is not as recorded, rather than take it over', async () => {
    const page = 'reports/kr-2016-decision-1176/';
    const file = join(incremental, 'dist', page, 'index.html');
    // A new file under the old name: the generation before keeps its bytes.
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    writeFileSync(file, text.replace('</main>', '<p>changed on disk</p></main>'));
    await build(incremental);
    expect(record(incremental).rendered).toEqual([page]);
    expectSameTree(incremental, join(work, 'clean'));
  });

  it('takes the portal-wide package over whole after a commit that changes no source, and publishes what a clean build of that commit publishes', async () => {
    const workbook = () => statSync(join(incremental, 'data', 'public', 'datasets', 'usi-dani-portalu', 'usi-dani-portalu.xlsx')).ino;
    const before = workbook();
    git('2026-03-02T15:00:00Z', 'commit', '-q', '--allow-empty', '-m', 'nothing changed');
    await build(incremental);
    // The same file on disk: linked from the previous output, not made again.
    expect(workbook()).toBe(before);
    await build(join(work, 'clean-empty-commit'), '--clean');
    expectSameTree(incremental, join(work, 'clean-empty-commit'));
  });
});
