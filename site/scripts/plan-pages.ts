/**
 * The plan of an incremental build of the site (incremental.ts), worked out on a thread of
 * its own while Astro loads and bundles the site on the build's: checking the pages taken
 * over (every key they read, and each file's size and SHA-256 unless a stat vouched for it) is the larger part of an
 * incremental build's fixed cost, and the bundling does not need it. The pages' paths wait
 * for it (lib/render-only.ts).
 *
 * First, though, the thread says whether Astro is needed at all (whole-site.ts): when every
 * page reads what it read before, the whole previous site is taken over instead. That answer
 * comes from the pages' reads alone when one changed, before any file is checked, so Astro
 * starts as early as it did.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { dirname } from 'node:path';
import { currentDigests } from '../lib/data-keys.ts';
import { planPages, readRecord, readUnchanged, RECORD_FILE, siteVersion, type PageRecord, type Plan, type SiteRecord } from './incremental.ts';
import { restIntact, somethingToRender } from './whole-site.ts';

export interface Planned {
  /** The site's code (siteVersion). */
  version: string;
  plan: Plan;
  /** The previous record of each page the plan takes over. */
  kept: Record<string, PageRecord>;
  /** The previous record, when nothing is to be rendered and the whole previous site is taken over. */
  whole?: SiteRecord;
}

interface Asked {
  project: string;
  siteData: string;
  previousDist: string | undefined;
  /** The list of the previous site's files found unchanged (`SITE_PREVIOUS_UNCHANGED`), if any. */
  unchanged?: string | undefined;
}

type Said = { astro: boolean } | { planned: Planned };

function plan({ project, siteData, previousDist, unchanged: list }: Asked, say: (said: Said) => void): void {
  const version = siteVersion(project);
  const previous = readRecord(previousDist ? dirname(previousDist) : undefined);
  const digest = currentDigests(siteData);
  const changed = previousDist ? somethingToRender(previous, version, digest) : 'no previous site';
  if (changed !== undefined) say({ astro: true });
  const unchanged = readUnchanged(list, previousDist, RECORD_FILE);
  const plan = planPages(previous, previousDist, siteData, version, digest, unchanged);
  const kept: Record<string, PageRecord> = {};
  if (!plan.full && typeof previous !== 'string') for (const path of plan.keep) kept[path] = previous.pages[path]!;
  const whole = changed === undefined && !plan.full && plan.render.length === 0 && typeof previous !== 'string' && restIntact(previous, previousDist!, unchanged);
  if (changed === undefined) say({ astro: !whole });
  say({ planned: { version, plan, kept, ...(whole && typeof previous !== 'string' ? { whole: previous } : {}) } });
}

/** The plan, worked out on a thread of its own: first whether Astro is needed, then the plan. */
export function planAside(asked: Asked): { astro: Promise<boolean>; planning: Promise<Planned> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: asked });
  const ended = (code: number) => new Error(`the plan of the site's pages ended without one (exit ${code})`);
  const astro = new Promise<boolean>((resolve, reject) => {
    worker.on('message', (said: Said) => 'astro' in said && resolve(said.astro));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(ended(code)));
  });
  const planning = new Promise<Planned>((resolve, reject) => {
    worker.on('message', (said: Said) => 'planned' in said && resolve(said.planned));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(ended(code)));
  });
  // Either may go unheard (the build fails first); a failure is heard through the other.
  astro.catch(() => undefined);
  return { astro, planning };
}

if (!isMainThread && parentPort) plan(workerData as Asked, (said) => parentPort!.postMessage(said));
