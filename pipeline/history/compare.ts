/**
 * What one commit changed in each dataset's data against the commit before it: both commits'
 * sources, checked, are planned whole (cheap: descriptions, not rows), and only the datasets
 * whose inputs differ between them are derived and compared, one at a time, so that no more
 * than one dataset's tables of each commit are held at once.
 */
import { deriveDatasets, type PlannedDataset } from '../derive/datasets.ts';
import { fixedHistory } from '../io/history.ts';
import type { Model } from '../model/types.ts';
import type { Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import type { Reconciliation } from '../reconcile/reconcile.ts';
import { diffTables } from './diff.ts';
import type { DatasetChange } from './versions.ts';

/** The sources of one commit: each file's SHA-256 by path, and what today's checks made of them (null: refused). */
export interface CommitSources {
  digests: ReadonlyMap<string, string>;
  checked: { model: Model; reconciliation: Reconciliation } | null;
}

/** The work a comparison did, for the build's counts. */
export interface CompareCounts {
  /** Datasets derived (each side counted), to compare those whose inputs changed. */
  derived: number;
}

/** Paths whose bytes differ between two commits, or that only one of them has. */
export function changedPaths(now: ReadonlyMap<string, string>, then: ReadonlyMap<string, string>): Set<string> {
  const changed = new Set<string>();
  for (const [path, digest] of now) if (then.get(path) !== digest) changed.add(path);
  for (const path of then.keys()) if (!now.has(path)) changed.add(path);
  return changed;
}

/**
 * Whether a dataset may read a changed file: the files it reads when the derivation knows them
 * (write/reuse.ts keys the same datasets by the same files), else (a publisher's register) any
 * file of its publisher's folder, else (datasets of the whole portal) any file. The portal's own
 * files (vocabularies, settings) may be read by every dataset.
 */
function touched(plans: (PlannedDataset | undefined)[], changed: ReadonlySet<string>, portalChanged: boolean): boolean {
  if (portalChanged) return true;
  for (const plan of plans) {
    if (!plan) continue;
    if (plan.reads) {
      if (plan.reads.some((path) => changed.has(path))) return true;
      continue;
    }
    const publisher = plan.description.publisher?.id;
    if (publisher === undefined) return changed.size > 0;
    const folder = `${publisher}/`;
    for (const path of changed) if (path.startsWith(folder)) return true;
  }
  return false;
}

/** Every dataset of a commit planned, by name, in the order the build publishes them. */
function plansOf(sources: NonNullable<CommitSources['checked']>, urls: Urls): Map<string, PlannedDataset> {
  const { planned } = deriveDatasets({ ...sources, history: fixedHistory('2000-01-01T00:00:00Z'), urls });
  return new Map([...planned].map((plan) => [plan.description.name, plan]));
}

/**
 * What the commit `now` changed in each dataset against `then` (undefined: `now` is the first
 * commit), for every dataset of either, in the order of `now`'s datasets then `then`'s. Both
 * must have passed today's checks.
 */
export function compareCommits(now: CommitSources, then: CommitSources | undefined, urls: Urls, counts: CompareCounts): Map<string, DatasetChange> {
  const newer = plansOf(now.checked!, urls);
  const older = then ? plansOf(then.checked!, urls) : new Map<string, PlannedDataset>();
  const changed = changedPaths(now.digests, then?.digests ?? new Map());
  const portalChanged = [...changed].some((path) => !path.includes('/'));
  const tablesOf = (plan: PlannedDataset | undefined): Table[] | undefined => {
    if (!plan) return undefined;
    counts.derived++;
    return plan.derive().dataset.tables;
  };
  const changes = new Map<string, DatasetChange>();
  for (const name of new Set([...newer.keys(), ...older.keys()])) {
    const plan = newer.get(name);
    const previous = older.get(name);
    if (plan && previous && !touched([plan, previous], changed, portalChanged)) {
      changes.set(name, { status: 'compared', tables: [] });
      continue;
    }
    const after = tablesOf(plan) ?? [];
    const before = tablesOf(previous);
    changes.set(name, before ? { status: 'compared', tables: diffTables(before, after) } : { status: 'first', rows: after.reduce((n, table) => n + table.rows.length, 0) });
  }
  return changes;
}
