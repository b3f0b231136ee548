/**
 * The site, built by Astro from the pipeline's output: `BUILD_DIR` is the data folder it
 * reads, `SITE_OUT` the folder it writes (astro.config.mjs). Run by the build
 * (pipeline/cli/site-steps.ts) into the output it is about to publish; Astro's own messages
 * are printed from warnings up (`ASTRO_LOG_LEVEL` to change it).
 *
 * With `SITE_PREVIOUS`, the previous build's site, pages whose data did not change are taken
 * over from it rather than rendered (incremental.ts); with `SITE_PREVIOUS_UNCHANGED`, the
 * command line's list of that site's files found unchanged by a stat, those are not read
 * again to check them. The record of this build's pages is
 * written beside `SITE_OUT`, in its generation. Which pages those are is worked out on a
 * thread of its own while Astro loads and bundles the site (plan-pages.ts).
 */
import { build } from 'astro';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { endWithParent } from './orphan.ts';
import { CONFIG_KEY, currentDigests } from '../lib/data-keys.ts';
import { readsLog } from '../lib/page-reads.ts';
import { keepPages } from '../lib/render-only.ts';
import { newRecord, RECORD_FILE, takeOverPages, type PageRecord } from './incremental.ts';
import { planAside } from './plan-pages.ts';

endWithParent();
const project = resolve(import.meta.dirname, '..', '..');
const dist = resolve(process.env.SITE_OUT ?? '');
const siteData = join(resolve(process.env.BUILD_DIR ?? ''), 'site');
const previousDist = process.env.SITE_PREVIOUS ? resolve(process.env.SITE_PREVIOUS) : undefined;
const planning = planAside({ project, siteData, previousDist, unchanged: process.env.SITE_PREVIOUS_UNCHANGED });
keepPages(planning.then(({ plan }) => new Set(plan.full ? [] : plan.keep)));

const level = process.env.ASTRO_LOG_LEVEL;
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
const record = newRecord(version, currentDigests(siteData)(CONFIG_KEY), rendered, kept, dist, log.unattributed.length);
writeFileSync(join(dirname(dist), RECORD_FILE), `${JSON.stringify(record)}\n`);
if (log.unattributed.length > 0) process.stdout.write(`site: data read outside any page (${log.unattributed.join(', ')}); the next build renders every page\n`);
const others = log.pages.size - rendered.size;
process.stdout.write(
  plan.full
    ? `site: ${log.pages.size} pages rendered (every page: ${plan.reason})\n`
    : `site: ${rendered.size} pages rendered and ${Object.keys(kept).length} taken over unchanged, besides ${others} without parameters, always rendered\n`,
);
// Astro's file watchers and pools would otherwise keep the process alive.
process.exit(0);
