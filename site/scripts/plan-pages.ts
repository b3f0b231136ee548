/**
 * The plan of an incremental build of the site (incremental.ts), worked out on a thread of
 * its own while Astro loads and bundles the site on the build's: checking the pages taken
 * over (every key they read, and each file's size and SHA-256 unless a stat vouched for it) is the larger part of an
 * incremental build's fixed cost, and the bundling does not need it. The pages' paths wait
 * for it (lib/render-only.ts).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { dirname } from 'node:path';
import { planPages, readRecord, readUnchanged, RECORD_FILE, siteVersion, type PageRecord, type Plan } from './incremental.ts';

export interface Planned {
  /** The site's code (siteVersion). */
  version: string;
  plan: Plan;
  /** The previous record of each page the plan takes over. */
  kept: Record<string, PageRecord>;
}

interface Asked {
  project: string;
  siteData: string;
  previousDist: string | undefined;
  /** The list of the previous site's files found unchanged (`SITE_PREVIOUS_UNCHANGED`), if any. */
  unchanged?: string | undefined;
}

function planned({ project, siteData, previousDist, unchanged }: Asked): Planned {
  const version = siteVersion(project);
  const previous = readRecord(previousDist ? dirname(previousDist) : undefined);
  const plan = planPages(previous, previousDist, siteData, version, readUnchanged(unchanged, previousDist, RECORD_FILE));
  const kept: Record<string, PageRecord> = {};
  if (!plan.full && typeof previous !== 'string') for (const path of plan.keep) kept[path] = previous.pages[path]!;
  return { version, plan, kept };
}

/** The plan, worked out on a thread of its own. */
export function planAside(asked: Asked): Promise<Planned> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: asked });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the plan of the site's pages ended without one (exit ${code})`)));
  });
}

if (!isMainThread && parentPort) parentPort.postMessage(planned(workerData as Asked));
