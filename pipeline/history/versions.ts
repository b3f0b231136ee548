/**
 * What changed in each dataset's data at each of the last commits: the sources of each commit
 * and of the one before it, checked and compared by today's code (history/compare.ts), pair
 * by pair, so that only two commits' sources are held at once. What an earlier build worked
 * out for a pair is taken as it is (history/kept-changes.ts): a build after one more commit
 * compares that commit only, and its newer side is the build's own sources. A version whose
 * sources today's checks refuse is known as unreadable.
 */
import type { History, Version } from '../io/history.ts';
import type { DatasetVersion, TableChanges } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { compareCommits, type CommitSources } from './compare.ts';
import { sourcesAt, type CurrentSources } from './sources-at.ts';
import type { SourceRecord } from '../sources/kept-files.ts';

/** How many of the newest commits a build compares; older versions are listed without details. */
export const COMPARED_COMMITS = 20;

/** What one commit changed in one dataset's data against the commit before it. */
export type DatasetChange = { status: 'first'; rows: number } | { status: 'compared'; tables: TableChanges[] };

/** What one commit changed, dataset by dataset, against the commit before it. */
export interface CommitChanges {
  commit: string;
  /** The commit it is compared with: the one before it in the history of the sources (null: none). */
  before: string | null;
  /** False when today's checks refuse the sources of either commit: its versions are unknown. */
  readable: boolean;
  /** Every dataset of either commit, the newer's in its order, then the older's. */
  datasets: Map<string, DatasetChange>;
}

export interface VersionChanges {
  /** What a commit changed; undefined for a commit older than those compared. */
  at(commit: string): CommitChanges | undefined;
}

/** The work of reading the history, counted for the build's report and its tests. */
export interface HistoryCounts {
  /** Pairs of commits compared now. */
  compared: number;
  /** Pairs of commits whose comparison was taken from the previous build. */
  taken: number;
  /** Commits whose sources were checked again. */
  checked: number;
  /** Datasets derived to be compared (each side counted). */
  derived: number;
}

export interface ReadVersionsInput {
  history: History;
  urls: Urls;
  current: CurrentSources;
  /** What the previous build worked out, when it was worked out by the same code and settings. */
  kept?: readonly CommitChanges[] | undefined;
  counts?: HistoryCounts | undefined;
  limit?: number;
  /** What checks made of valid source files (sources/kept-files.ts): an earlier commit's files found there are not parsed and checked again. */
  record?: SourceRecord | undefined;
}

/**
 * The commits whose changes are known, newest first: the newest `limit`, each with the one
 * before it (the very first commit is compared with nothing).
 */
export function comparedCommits(commits: readonly string[], limit = COMPARED_COMMITS): { commit: string; before: string | undefined }[] {
  const compared: { commit: string; before: string | undefined }[] = [];
  for (let at = 0; at < commits.length && at <= limit; at++) {
    const before = commits[at + 1];
    if (before !== undefined && at === limit) break;
    compared.push({ commit: commits[at]!, before });
  }
  return compared;
}

export async function readVersions({ history, urls, current, kept = [], counts = { compared: 0, taken: 0, checked: 0, derived: 0 }, limit = COMPARED_COMMITS, record }: ReadVersionsInput): Promise<{ changes: VersionChanges; commits: CommitChanges[] }> {
  const known = new Map(kept.map((entry) => [entry.commit, entry]));
  const commits: CommitChanges[] = [];
  // The older side of one pair is the newer side of the next: read once.
  let last: { commit: string; sources: CommitSources } | undefined;
  const read = async (commit: string) => (last?.commit === commit ? last.sources : await sourcesAt(history, commit, current, counts, record));
  for (const { commit, before } of comparedCommits(history.commits, limit)) {
    const taken = known.get(commit);
    if (taken && taken.before === (before ?? null)) {
      counts.taken++;
      commits.push(taken);
      continue;
    }
    counts.compared++;
    const now = await read(commit);
    const then = before === undefined ? undefined : await read(before);
    last = before === undefined ? undefined : { commit: before, sources: then! };
    const readable = now.checked !== null && (then === undefined || then.checked !== null);
    commits.push({ commit, before: before ?? null, readable, datasets: readable ? compareCommits(now, then, urls, counts) : new Map() });
  }
  const byCommit = new Map(commits.map((entry) => [entry.commit, entry]));
  return { changes: { at: (commit) => byCommit.get(commit) }, commits };
}

/** A published version of one dataset and what changed in its data since the version before. */
export function datasetVersion(name: string, version: Version, changes: VersionChanges | undefined): DatasetVersion {
  const base = { version: `1.0.${version.revision}`, time: version.time };
  const commit = changes?.at(version.commit);
  if (!commit?.readable) return { ...base, status: 'unknown', tables: [] };
  const change = commit.datasets.get(name) ?? { status: 'first', rows: 0 };
  if (change.status === 'first') return { ...base, status: 'first', tables: [], rows: change.rows };
  return { ...base, status: 'compared', tables: change.tables };
}

/** The portal-wide package's versions: every dataset's changes of the same commit, table by table. */
export function mergedVersion(version: Version, parts: DatasetVersion[]): DatasetVersion {
  const base = { version: `1.0.${version.revision}`, time: version.time };
  if (parts.length === 0 || parts.some((part) => part.status === 'unknown')) return { ...base, status: 'unknown', tables: [] };
  const tables = new Map<string, TableChanges>();
  for (const part of parts) {
    for (const table of part.tables) {
      const merged = tables.get(table.table) ?? { table: table.table, title: table.title, added: [], removed: [], changed: [] };
      merged.added.push(...table.added);
      merged.removed.push(...table.removed);
      merged.changed.push(...table.changed);
      tables.set(table.table, merged);
    }
  }
  if (parts.every((part) => part.status === 'first')) return { ...base, status: 'first', tables: [], rows: parts.reduce((n, part) => n + (part.rows ?? 0), 0) };
  return { ...base, status: 'compared', tables: [...tables.values()] };
}

/** The portal-wide package at a version: the changes of every dataset at that commit. */
export function portalVersion(version: Version, changes: VersionChanges | undefined): DatasetVersion {
  const commit = changes?.at(version.commit);
  const names = commit?.readable ? [...commit.datasets.keys()] : [];
  return mergedVersion(version, names.map((name) => datasetVersion(name, version, changes)));
}
