/**
 * The site, built by Astro from the pipeline's output: `BUILD_DIR` is the data folder it
 * reads, `SITE_OUT` the folder it writes (astro.config.mjs). Run by the build
 * (pipeline/cli/site-steps.ts) into the output it is about to publish; Astro's own messages
 * are printed from warnings up (`ASTRO_LOG_LEVEL` to change it).
 *
 * With `SITE_PREVIOUS`, the previous build's site, pages whose data did not change are taken
 * over from it rather than rendered (incremental.ts), and when no page is to be rendered
 * the whole previous site is, without starting Astro (whole-site.ts); with
 * `SITE_PREVIOUS_UNCHANGED`, the command line's list of that site's files found unchanged by
 * a stat, those are not read again to check them. The record of this build's pages is
 * written beside `SITE_OUT`, in its generation. Which pages those are is worked out on a
 * thread of its own while Astro loads and bundles the site (plan-pages.ts).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { endWithParent } from './orphan.ts';
import { CONFIG_KEY, currentDigests, fileKey } from '../lib/data-keys.ts';
import { readsLog, type Reads } from '../lib/page-reads.ts';
import { keepPages } from '../lib/render-only.ts';
import { linkTree } from '../integrations/data-files.ts';
import { fileSum, newRecord, RECORD_FILE, takeOverPages, type PageRecord, type SiteRecord } from './incremental.ts';
import { planAside } from './plan-pages.ts';
import { fixedFile, siteAssets, takeOverSite } from './whole-site.ts';

endWithParent();
// Astro hands the environment to the site's code as import.meta.env, over its own values:
// a BASE_URL, SITE or ASSETS_PREFIX in the shell (a test runner sets BASE_URL) would replace
// the base path of the site's settings in every link. The settings decide them.
for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX']) delete process.env[name];
const project = resolve(import.meta.dirname, '..', '..');
const dist = resolve(process.env.SITE_OUT ?? '');
const buildDir = resolve(process.env.BUILD_DIR ?? '');
const siteData = join(buildDir, 'site');
const previousDist = process.env.SITE_PREVIOUS ? resolve(process.env.SITE_PREVIOUS) : undefined;
const { astro, planning } = planAside({ project, siteData, previousDist, unchanged: process.env.SITE_PREVIOUS_UNCHANGED });
// Astro loads while the plan's thread says whether it is needed.
const loading = import('astro');
const writeRecord = (record: SiteRecord) => writeFileSync(join(dirname(dist), RECORD_FILE), `${JSON.stringify(record)}\n`);

if (!(await astro)) {
  const { whole } = await planning;
  const files = takeOverSite(whole!, previousDist!, dist);
  // The data files, as the data-files integration links them after Astro's pages.
  linkTree(join(buildDir, 'public'), dist);
  writeRecord({ ...whole!, rendered: [] });
  process.stdout.write(`site: nothing to render: the previous site taken over whole, ${Object.keys(whole!.pages).length} pages and ${Object.keys(whole!.fixed!).length} without parameters (${files} files), without starting Astro\n`);
  process.exit(0);
}

keepPages(planning.then(({ plan }) => new Set(plan.full ? [] : plan.keep)));
const level = process.env.ASTRO_LOG_LEVEL;
const { build } = await loading;
await build({ root: project, logLevel: level === 'debug' || level === 'info' || level === 'error' || level === 'silent' ? level : 'warn' });

const { version, plan, kept: candidates } = await planning;
const log = readsLog();
// A page taken over exists only if its route still gives it; the others are gone with their data.
const kept: Record<string, PageRecord> = {};
if (!plan.full && previousDist) {
  for (const path of plan.keep) if (log.routes.has(path)) kept[path] = candidates[path]!;
  takeOverPages(kept, Object.keys(kept), previousDist, dist);
}
const rendered = new Map([...log.pages].filter(([path]) => log.routes.has(path)));
const digest = currentDigests(siteData);
const sorted = (reads: Reads) => Object.fromEntries([...reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
// The pages without parameters, rendered in every build that runs Astro, recorded for the next one to take over when nothing changed.
const fixed = Object.fromEntries([...log.pages].filter(([path]) => !log.routes.has(path)).map(([path, reads]): [string, PageRecord] => [path, { reads: sorted(reads), files: [fileSum(dist, fixedFile(dist, path))] }]));
// The sitemap reads the settings and the datasets' times besides the pages that exist.
const paths = sorted(new Map([...log.paths, [fileKey('datasets.json'), digest(fileKey('datasets.json'))], [CONFIG_KEY, digest(CONFIG_KEY)]]));
const record = newRecord(version, digest(CONFIG_KEY), rendered, kept, dist, log.unattributed.length);
writeRecord({ ...record, fixed, paths, assets: siteAssets(dist) });
if (log.unattributed.length > 0) process.stdout.write(`site: data read outside any page (${log.unattributed.join(', ')}); the next build renders every page\n`);
const others = log.pages.size - rendered.size;
process.stdout.write(
  plan.full
    ? `site: ${log.pages.size} pages rendered (every page: ${plan.reason})\n`
    : `site: ${rendered.size} pages rendered and ${Object.keys(kept).length} taken over unchanged, besides ${others} without parameters, rendered whenever any page is\n`,
);
// Astro's file watchers and pools would otherwise keep the process alive.
process.exit(0);
