/**
 * Screenshots of a page of every kind at phone (360 px) and desktop (1280 px) widths, from the
 * built site (build/dist/), into screenshots/ (not committed). Run after `npm run build`:
 * npm run screenshots, or only some kinds: npm run screenshots -- programme-year indicator
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

const project = resolve(import.meta.dirname, '..', '..');
const site = resolve(process.env.SITE_OUT ?? join(project, 'build', 'dist'));
const { basePath } = JSON.parse(readFileSync(join(project, 'build', 'data', 'site', 'config.json'), 'utf8')) as { basePath: string };
const out = join(project, 'screenshots');
mkdirSync(out, { recursive: true });

/** One page of every kind. */
const pages: [string, string][] = [
  ['home', ''],
  ['catalog', 'datasets/'],
  ['facet', 'datasets/publisher/kryvyi-rih-city-council/'],
  ['dataset-programme', 'datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/'],
  ['dataset-indicators', 'datasets/kropyvnytskyi-pokaznyky-vykonannia-biudzhetnykh-prohram-2021/'],
  ['dataset-register', 'datasets/reiestr-naboriv-danykh-kryvorizka-miska-rada/'],
  ['dataset-portal', 'datasets/usi-dani-portalu/'],
  ['programmes', 'programmes/'],
  ['programme', 'programmes/kr-local-self-government-2017-2027/'],
  ['programme-year', 'programmes/kr-local-self-government-2017-2027/2023/'],
  ['programme-year-unreported', 'programmes/kr-local-self-government-2017-2027/2024/'],
  ['indicators', 'indicators/'],
  ['indicator', 'indicators/operative-response-appeals/'],
  ['reports', 'reports/'],
  ['report', 'reports/kropyvnytskyi-2021-programmes-presentation/'],
  ['report-decision', 'reports/kr-2016-decision-1176/'],
  ['publishers', 'publishers/'],
  ['publisher', 'publishers/kryvyi-rih-city-council/'],
  ['search', 'search/?q=звернення'],
  ['developers', 'developers/'],
  ['not-found', 'no-such-page/'],
];
const widths: [string, number, number][] = [['phone', 360, 740], ['desktop', 1280, 900]];

const { server, url } = await serve(site, basePath);
const browser = await launch();
const only = process.argv.slice(2);
for (const [name, path] of pages.filter(([name]) => only.length === 0 || only.includes(name))) {
  for (const [label, width, height] of widths) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${url}${path}`);
    await page.waitForLoadState('networkidle');
    const file = join(out, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    process.stdout.write(`${file}\n`);
    await page.close();
  }
}
await browser.close();
server.close();
