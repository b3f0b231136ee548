/**
 * The site built incrementally, through the command line on the project's own sources in a
 * git repository of their own (so that a commit moves a dataset's time, as it does for an
 * officer): a clean build; one report's figure changed and committed on a later day; an
 * incremental build beside a clean one of the same commit. Every published file must be the
 * same, byte for byte, and the incremental build must have rendered only the pages the change
 * reaches: a new day alone renders nothing again, but the page of a dataset whose due date it
 * crosses. A change of the site's code renders every page again.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedTree, showDifference, treeDifference } from '../fixtures/output-tree.ts';
import { runScriptWithin } from '../fixtures/run-script.ts';
import { readIdentities, UNCHANGED_FILE } from '../io/file-identity.ts';
import type { SiteRecord } from '../../site/scripts/incremental.ts';
import type { SearchRecord } from '../../site/search/page-digests.ts';

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

/** Commits what is in the sources folder at `time`. */
function commit(time: string, message: string): void {
  git(time, 'add', '-A');
  git(time, 'commit', '-q', '--allow-empty', '-m', message);
}

/** Builds through the command line; what it printed. */
async function build(out: string, ...options: string[]): Promise<string> {
  const result = await runScriptWithin(240_000, cli, 'build', '--sources', sources, '--out', out, ...options);
  if (result.code !== 0) throw new Error(`the build into ${out} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

const record = (out: string) => JSON.parse(readFileSync(join(out, '.current', 'site-pages.json'), 'utf8')) as SiteRecord;
const searchRecord = (out: string) => JSON.parse(readFileSync(join(out, '.current', 'search-pages.json'), 'utf8')) as SearchRecord;
/** The HTML files of the pages without route parameters, which the search step always reads. */
const fixedPages = (out: string) => Object.keys(searchRecord(out).pages).filter((path) => !Object.values(record(out).pages).some((page) => page.files.some((file) => file.path === path))).sort();

function expectSameTree(out: string, clean: string): void {
  const [actual, expected] = [publishedTree(out), publishedTree(clean)];
  const differ = treeDifference(actual, expected);
  expect(differ, showDifference(actual, expected, differ)).toEqual([]);
  expect(actual.size).toBe(expected.size);
}

const incremental = join(work, 'incremental');
const printed = { first: '', incremental: '', clean: '' };

/** The text of every HTML page of an output's site. */
function pagesOf(out: string): Map<string, string> {
  const dist = join(out, 'dist');
  const html = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
  return new Map(html.map((path) => [path, readFileSync(join(dist, path), 'utf8')]));
}

// The project's datasets that promise a schedule are due by 2023-02-28, 2023-03-31 and, the
// two of Kryvyi Rih's executive bodies' reports and programme (figures of 2023, yearly: the 2024
// figures three months after 2024 ends), by 2025-03-31. The first two commits come before that
// day, on two days; the last, after it.
const FIRST = '2025-03-28T09:00:00Z';
const LATER_DAY = '2025-03-30T11:30:00Z';
const PAST_DUE = '2025-04-01T07:00:00Z';

describe('an incremental build of the site', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    cpSync(join(project, 'datasets'), sources, { recursive: true });
    git(FIRST, 'init', '-q');
    commit(FIRST, 'the reports');
    printed.first = await build(incremental);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('value: 12\n');
    writeFileSync(report, text.replace('value: 12\n', 'value: 13\n').replace('доступна за допомогою 12 сенсорних', 'доступна за допомогою 13 сенсорних'));
    commit(LATER_DAY, 'one figure corrected');
    printed.incremental = await build(incremental);
    printed.clean = await build(join(work, 'clean'), '--clean');
  }, 600_000);

  it('publishes the same files as a clean build of the same commit on its later day, byte for byte', () => {
    expectSameTree(incremental, join(work, 'clean'));
  });

  it('compares only the new commit for the change history, and takes the one before over from the last build', () => {
    expect(printed.first).toContain('change history: 1 commit compared now (8 datasets derived, the sources of 0 commits checked), 0 commits taken over from the last build\n');
    // The new commit against the one before: the report's dataset, its council's register and the shared indicators, at each commit.
    expect(printed.incremental).toContain('change history: 1 commit compared now (6 datasets derived, the sources of 1 commit checked), 1 commit taken over from the last build\n');
    expect(printed.clean).toContain('change history: 2 commits compared now (14 datasets derived, the sources of 1 commit checked), 0 commits taken over from the last build\n');
  });

  it('parses and checks again only the source file that changed, the others as the last build found them', () => {
    const files = readdirSync(sources, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(yaml|csv)$/.test(path) && !path.split('/').some((part) => part.startsWith('.')));
    expect(files.length).toBeGreaterThan(20);
    expect(printed.incremental).toContain(`\n${files.length - 1} source files unchanged since the last build's check, not parsed again; 1 parsed and checked\n`);
    expect(printed.first).not.toContain("since the last build's check");
    expect(printed.clean).not.toContain("since the last build's check");
  });

  it('renders on a new day only the pages the changed report reaches, and takes the others over', () => {
    const { rendered, pages } = record(incremental);
    // The report's own page, the pages of the datasets its figure is in (its council's
    // indicators, the shared indicators and the portal-wide dataset), and the catalogue's
    // pages that list those datasets by their last change (the first of each facet they are
    // in). Not the other documents', programmes' and datasets' pages, though the day changed.
    expect(rendered).toEqual([
      'datasets/format/csv/',
      'datasets/format/json/',
      'datasets/format/xlsx/',
      'datasets/kryvyi-rih-pokaznyky-zvitiv-vykonavchykh-orhaniv/',
      'datasets/publisher/kryvyi-rih-city-council/',
      'datasets/spilni-pokaznyky-porivniannia-rad-i-periodiv/',
      'datasets/theme/GOVE/',
      'datasets/theme/TECH/',
      'datasets/usi-dani-portalu/',
      'datasets/year/2017/',
      'datasets/year/2018/',
      'datasets/year/2019/',
      'datasets/year/2020/',
      'datasets/year/2021/',
      'datasets/year/2022/',
      'datasets/year/2023/',
      'datasets/year/2024/',
      'datasets/year/2025/',
      'datasets/year/2026/',
      'datasets/year/2027/',
      'reports/kr-2020-ict-department-report/',
    ]);
    const untouched = ['reports/kr-2016-decision-1176/', 'reports/if-2022-h1-strategic-development-report/', 'programmes/kr-local-self-government-2017-2027/', 'datasets/ivano-frankivsk-pokaznyky-zvitu-departamentu-stratehichnoho-rozvytku/', 'datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/', 'publishers/ivano-frankivsk-city-council/', 'datasets/publisher/ivano-frankivsk-city-council/', 'datasets/theme/SOCI/'];
    for (const page of untouched) expect(Object.keys(pages), page).toContain(page);
    expect(rendered.length).toBeLessThan(Object.keys(pages).length / 2);
  });

  it('reads for the search index only the pages rendered again and those without parameters, not the pages taken over', () => {
    const { rendered, pages } = record(incremental);
    const { read, indexed } = searchRecord(incremental);
    const renderedFiles = rendered.flatMap((path) => pages[path]!.files.map((file) => file.path));
    expect(read).toEqual([...renderedFiles, ...fixedPages(incremental)].filter((path) => path.endsWith('.html')).sort());
    expect(read).not.toContain('reports/kr-2016-decision-1176/index.html');
    expect(fixedPages(incremental)).toEqual(expect.arrayContaining(['index.html', '404.html', 'search/index.html']));
    expect(fixedPages(incremental).length).toBeLessThan(20);
    // The real site is one part; a changed page in it means the part is indexed again.
    expect(indexed).toEqual([1]);
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

  it('renders a page again whose file in the previous site is not as recorded though of the same size, rather than take it over', async () => {
    const page = 'reports/kr-2016-decision-1176/';
    const file = join(incremental, 'dist', page, 'index.html');
    // A new file under the old name (the generation before keeps its bytes), of the same size.
    const text = readFileSync(file, 'utf8');
    const altered = text.replace('<h1', '<h2').replace('</h1>', '</h2>');
    expect(altered).not.toBe(text);
    expect(Buffer.byteLength(altered)).toBe(Buffer.byteLength(text));
    rmSync(file);
    writeFileSync(file, altered);
    await build(incremental);
    expect(record(incremental).rendered).toEqual([page]);
    // Rendered again as it was, the page gives the index what it gave the part, which is
    // taken over; no page taken over is read again for the index, only those without parameters.
    expect(searchRecord(incremental).read).toEqual(fixedPages(incremental));
    expect(searchRecord(incremental).indexed).toEqual([]);
    expectSameTree(incremental, join(work, 'clean'));
  });

  it('renders the page of a dataset whose due date a new day crosses, and only those, the same as a clean build', async () => {
    const programme = 'datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/';
    const indicators = 'datasets/kryvyi-rih-pokaznyky-zvitiv-vykonavchykh-orhaniv/';
    const before = pagesOf(incremental).get(`${programme}index.html`)!;
    expect(before).toMatch(/<p data-when="late" hidden>/);
    commit(PAST_DUE, 'nothing changed but the day');
    await build(incremental);
    await build(join(work, 'past-due'), '--clean');
    expect(record(incremental).rendered).toEqual([indicators, programme]);
    expectSameTree(incremental, join(work, 'past-due'));
    const after = pagesOf(incremental).get(`${programme}index.html`)!;
    expect(after).toMatch(/<p data-when="current" hidden>/);
    expect(after).toContain('<p data-when="late">');
  });

  it('carries the build\'s day in no page: citations leave the date of access to the reader', () => {
    const pages = pagesOf(incremental);
    expect(pages.size).toBeGreaterThan(50);
    for (const [path, html] of pages) expect(html, path).not.toMatch(/01\.04\.2025|2025-04-01|1 квітня 2025/);
    const citation = pages.get('reports/kr-2020-ict-department-report/index.html')!.replace(/<script\b[^>]*><\/script>/g, '').replace(/\s+/g, ' ');
    expect(citation).toContain('URL: /reports/kr-2020-ict-department-report/ (дата звернення: <span data-access-date>дд.мм.рррр</span>).');
  });

  it('takes the portal-wide package over whole after a commit that changes no source, and publishes what a clean build of that commit publishes', async () => {
    const workbook = () => statSync(join(incremental, 'data', 'public', 'datasets', 'usi-dani-portalu', 'usi-dani-portalu.xlsx')).ino;
    const before = workbook();
    git('2026-03-02T15:00:00Z', 'commit', '-q', '--allow-empty', '-m', 'nothing changed');
    await build(incremental);
    // The same file on disk: linked from the previous output, not made again.
    expect(workbook()).toBe(before);
    // Once published, every file of the output is recorded as the file system gives it, for
    // the next build's check; the list of the previous site's unchanged files is gone.
    const identities = readIdentities(join(incremental, '.current'))!;
    expect(identities.under('data').same('public/datasets/usi-dani-portalu/usi-dani-portalu.xlsx')).toBe(true);
    expect(identities.same('site-pages.json')).toBe(true);
    expect(identities.same('dist/index.html')).toBe(true);
    expect(existsSync(join(incremental, '.current', UNCHANGED_FILE))).toBe(false);
    await build(join(work, 'clean-empty-commit'), '--clean');
    expectSameTree(incremental, join(work, 'clean-empty-commit'));
  });

  it('takes the whole previous site over, without starting Astro, after a commit that changes nothing a page reads, and publishes what a clean build publishes', async () => {
    const dist = join(incremental, 'dist');
    // Files Astro writes whenever it runs: the pages without parameters, the bundled styles and scripts, the sitemap.
    const astroFiles = ['index.html', '404.html', 'search/index.html', 'datasets/index.html', 'robots.txt', 'sitemap.xml', ...readdirSync(join(dist, '_astro')).map((name) => `_astro/${name}`)];
    const inodes = () => new Map(astroFiles.map((path) => [path, statSync(join(dist, path)).ino]));
    const before = inodes();
    git('2026-03-02T16:00:00Z', 'commit', '-q', '--allow-empty', '-m', 'nothing changed, again');
    await build(incremental);
    expect(record(incremental).rendered).toEqual([]);
    // The same files on disk: linked from the previous site, none written again.
    expect(inodes()).toEqual(before);
    await build(join(work, 'clean-nothing-read'), '--clean');
    expectSameTree(incremental, join(work, 'clean-nothing-read'));
  });
});
