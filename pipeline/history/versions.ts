/**
 * The data of earlier published versions: the sources as they were at each of the last
 * commits, checked and derived by today's code, so that two versions differ only where
 * their data does. A version whose sources today's checks refuse is known as unreadable.
 */
import { checkSources } from '../check.ts';
import { deriveDatasets } from '../derive/datasets.ts';
import { diffTables } from './diff.ts';
import { fixedHistory, type History, type Version } from '../io/history.ts';
import type { DatasetVersion, Table, TableChanges } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import type { SourceFiles } from '../io/files.ts';

/** How many of the newest commits a build compares; older versions are listed without details. */
export const COMPARED_COMMITS = 20;

export interface VersionTables {
  /** The tables of every dataset at a commit, by dataset name; null if its sources are refused, undefined if not read. */
  at(commit: string): Map<string, Table[]> | null | undefined;
  /** The commit before this one in the history of the sources; undefined for the first. */
  before(commit: string): string | undefined;
}

/** Files that hold vocabularies, not data: an earlier version without one reads today's. */
const VOCABULARIES = ['units.yaml'];

/** The sources of a version, with today's vocabularies where the version had none yet. */
function withVocabularies(then: SourceFiles, now: SourceFiles): SourceFiles {
  return {
    async list() {
      const listed = await then.list();
      return [...new Set([...listed, ...VOCABULARIES.filter((name) => !listed.includes(name))])].sort();
    },
    read: async (path) => ((await then.list()).includes(path) ? then.read(path) : now.read(path)),
    readSync: (path) => {
      try {
        return then.readSync(path);
      } catch {
        return now.readSync(path);
      }
    },
  };
}

export async function readVersions(history: History, urls: Urls, current: SourceFiles, limit = COMPARED_COMMITS): Promise<VersionTables> {
  const commits = history.commits;
  const read = new Map<string, Map<string, Table[]> | null>();
  const today = new Set(await current.list());
  // The newest `limit` commits, and the one before them to compare the oldest with.
  for (const commit of commits.slice(0, limit + 1)) {
    const then = await history.sourcesAt(commit);
    const checked = await checkSources(VOCABULARIES.some((name) => today.has(name)) ? withVocabularies(then, current) : then);
    if (!checked.ok) {
      read.set(commit, null);
      continue;
    }
    const tables = new Map<string, Table[]>();
    const derivation = deriveDatasets({ model: checked.model, reconciliation: checked.reconciliation, history: fixedHistory(history.buildTime), urls });
    for (const dataset of derivation.datasets) tables.set(dataset.name, dataset.tables);
    read.set(commit, tables);
  }
  const order = new Map(commits.map((commit, i) => [commit, i]));
  return {
    at: (commit) => read.get(commit),
    before: (commit) => commits[(order.get(commit) ?? commits.length) + 1],
  };
}

/** A published version of one dataset and what changed in its data since the version before. */
export function datasetVersion(name: string, version: Version, tables: VersionTables | undefined): DatasetVersion {
  const base = { version: `1.0.${version.revision}`, time: version.time };
  const now = tables?.at(version.commit);
  if (!tables || !now) return { ...base, status: 'unknown', tables: [] };
  const after = now.get(name) ?? [];
  const previous = tables.before(version.commit);
  const then = previous === undefined ? new Map<string, Table[]>() : tables.at(previous);
  if (!then) return { ...base, status: 'unknown', tables: [] };
  const before = then.get(name);
  if (!before) return { ...base, status: 'first', tables: [], rows: after.reduce((n, table) => n + table.rows.length, 0) };
  return { ...base, status: 'compared', tables: diffTables(before, after) };
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
export function portalVersion(version: Version, tables: VersionTables | undefined): DatasetVersion {
  const now = tables?.at(version.commit);
  const previous = tables && tables.before(version.commit);
  const then = previous === undefined ? undefined : tables?.at(previous);
  const names = new Set([...(now?.keys() ?? []), ...(then?.keys() ?? [])]);
  return mergedVersion(version, now ? [...names].map((name) => datasetVersion(name, version, tables)) : []);
}
