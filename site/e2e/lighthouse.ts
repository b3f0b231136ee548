/**
 * Lighthouse on the real site, as a phone on a slow network sees it (Lighthouse's default
 * mobile profile with simulated throttling): the home page, the programme page and the
 * biggest dataset page. Builds the site under /council-open-data/ into a temporary folder,
 * like the end-to-end run, and fails below performance 95 or accessibility 100.
 *
 *   npm run lighthouse                   one run per page
 *   npm run lighthouse -- --report=DIR   also writes each page's HTML report into DIR
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch as launchChrome, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROME_FLAGS, chromePath } from './browser.ts';
import { buildSite, siteBuild, workDir } from './build.ts';
import { serve } from './serve.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Lowest acceptable category scores, out of 100. */
const TARGETS: Record<string, number> = { performance: 95, accessibility: 100 };

const reportArg = process.argv.find((arg) => arg.startsWith('--report='));
const reportDir = reportArg ? resolve(reportArg.slice('--report='.length)) : undefined;

/** The pages to measure, as paths under the base path: home, the programme, the biggest dataset page. */
function pages(siteOut: string, basePath: string): [string, string][] {
  const xml = readFileSync(join(siteOut, 'sitemap.xml'), 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const relative = paths.filter((path) => path.startsWith(basePath)).map((path) => path.slice(basePath.length));
  const programme = relative.find((path) => /^programmes\/[^/]+\/$/.test(path));
  const datasets = relative.filter((path) => /^datasets\/[^/]+\/$/.test(path));
  const size = (path: string) => statSync(join(siteOut, path, 'index.html')).size;
  const dataset = datasets.sort((a, b) => size(b) - size(a))[0];
  if (!programme || !dataset) throw new Error('the sitemap lists no programme or dataset page');
  return [['home', ''], ['programme', programme], ['dataset', dataset]];
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`);
const kib = (value: number | undefined) => (value === undefined ? '–' : `${(value / 1024).toFixed(1)} KiB`);

/** The audits that pull a category below its target, with what they found. */
function failingAudits(lhr: Result, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < (category === 'performance' ? 0.9 : 1))
    .map((audit) => `${audit.id} (${Math.round((audit.score ?? 0) * 100)})${audit.displayValue ? `: ${audit.displayValue}` : ''}`);
}

const work = workDir('portal-lighthouse-');
const site = siteBuild(work);
let chrome: LaunchedChrome | undefined;
let server: Awaited<ReturnType<typeof serve>>['server'] | undefined;
let code = 1;
try {
  buildSite(site);
  // Compressed, as the published site is: the page-weight budgets count compressed bytes too.
  const served = await serve(site.siteOut, site.basePath, { compress: true });
  server = served.server;
  const path = chromePath();
  const profile = join(work, 'chrome-profile');
  mkdirSync(profile);
  chrome = await launchChrome({
    ...(path ? { chromePath: path } : {}),
    chromeFlags: [...CHROME_FLAGS, '--headless=new'],
    userDataDir: profile,
    logLevel: 'silent',
  });
  if (reportDir) mkdirSync(reportDir, { recursive: true });

  const rows: string[][] = [['page', 'perf', 'a11y', 'best', 'seo', 'FCP', 'LCP', 'TBT', 'CLS', 'weight']];
  const failures: string[] = [];
  for (const [name, path] of pages(site.siteOut, site.basePath)) {
    const url = `${served.url}${path}`;
    const result = await lighthouse(url, { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (reportDir) writeFileSync(join(reportDir, `${name}.html`), String(result.report));
    const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.numericValue;
    rows.push([
      `${name} (/${path})`,
      ...CATEGORIES.map((category) => String(score(category))),
      ms(metric('first-contentful-paint')),
      ms(metric('largest-contentful-paint')),
      ms(metric('total-blocking-time')),
      (metric('cumulative-layout-shift') ?? 0).toFixed(3),
      kib(metric('total-byte-weight')),
    ]);
    for (const [category, target] of Object.entries(TARGETS)) {
      if (score(category) < target) failures.push(`${name}: ${category} ${score(category)} < ${target}; ${failingAudits(lhr, category).join(', ') || 'no single audit fails'}`);
    }
    for (const warning of lhr.runWarnings) process.stderr.write(`${name}: ${warning}\n`);
  }

  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  process.stdout.write(`Lighthouse ${CATEGORIES.join(', ')}; mobile, simulated throttling\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  for (const failure of failures) process.stdout.write(`FAIL ${failure}\n`);
  code = failures.length > 0 ? 1 : 0;
} finally {
  chrome?.kill();
  server?.close();
  if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true });
}
process.exit(code);
