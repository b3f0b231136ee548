/**
 * What a build worked out of the history (history/versions.ts), kept beside its manifest for
 * the next build: not published. The manifest records the file's size and SHA-256, so a file
 * cut short or changed since is never read; it is keyed by the code, the settings and today's
 * vocabularies, so that a change of any of them compares every commit again. Anything amiss
 * and the history is worked out again, as in a clean build.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Sink } from '../io/output.ts';
import { settingsKey, type FileSum } from '../write/reuse.ts';
import type { WriterSettings } from '../write/writers.ts';
import { VOCABULARIES } from './sources-at.ts';
import type { CommitChanges, DatasetChange } from './versions.ts';

/** Where the history lies in the output, beside the manifest (not published). */
export const KEPT_CHANGES_PATH = 'history.json';
/** The file's layout; one of another layout is not read. */
export const KEPT_CHANGES_FORMAT = 1;

const cell = z.union([z.string(), z.boolean(), z.null()]);
const tableChanges = z.object({
  table: z.string(),
  title: z.string(),
  added: z.array(z.object({ key: z.string(), cells: z.record(z.string(), cell) })),
  removed: z.array(z.object({ key: z.string(), cells: z.record(z.string(), cell) })),
  changed: z.array(z.object({ key: z.string(), cells: z.array(z.object({ field: z.string(), before: cell, after: cell })) })),
});
/** A dataset's change: its name alone when compared and unchanged, the most common by far. */
const datasetChange = z.union([z.string(), z.object({ name: z.string(), rows: z.number().int().nonnegative() }), z.object({ name: z.string(), tables: z.array(tableChanges) })]);
const keptShape = z.object({
  format: z.literal(KEPT_CHANGES_FORMAT),
  key: z.string(),
  commits: z.array(z.object({ commit: z.string(), before: z.string().nullable(), readable: z.boolean(), datasets: z.array(datasetChange) })),
});

/** What the comparisons depend on besides the two commits' sources: the code, the settings, today's vocabularies. */
export function changesKey(settings: WriterSettings, version: string, digests: ReadonlyMap<string, string>): string {
  const vocabularies = VOCABULARIES.map((path) => [path, digests.get(path) ?? null]);
  return createHash('sha256').update(JSON.stringify([...settingsKey(settings, version), vocabularies])).digest('hex');
}

function storedChange([name, change]: [string, DatasetChange]): z.infer<typeof datasetChange> {
  if (change.status === 'first') return { name, rows: change.rows };
  return change.tables.length === 0 ? name : { name, tables: change.tables };
}

function readChange(stored: z.infer<typeof datasetChange>): [string, DatasetChange] {
  if (typeof stored === 'string') return [stored, { status: 'compared', tables: [] }];
  return 'rows' in stored ? [stored.name, { status: 'first', rows: stored.rows }] : [stored.name, { status: 'compared', tables: stored.tables }];
}

/** The history as kept: its bytes, to be written with the output and recorded in the manifest. */
export function keptChangesBytes(key: string, commits: readonly CommitChanges[]): Uint8Array {
  const kept: z.infer<typeof keptShape> = {
    format: KEPT_CHANGES_FORMAT,
    key,
    commits: commits.map(({ commit, before, readable, datasets }) => ({ commit, before, readable, datasets: [...datasets].map(storedChange) })),
  };
  return new TextEncoder().encode(JSON.stringify(kept));
}

/**
 * What the previous build kept of the history, when the file is there with the size and
 * SHA-256 its manifest records, of this layout, and made under the same key; else undefined.
 */
export function readKeptChanges(sink: Sink, sum: Omit<FileSum, 'path'> | undefined, key: string, untouched?: (path: string, bytes: number) => boolean): CommitChanges[] | undefined {
  if (!sum || !sink.previous) return undefined;
  const bytes = sink.previous(KEPT_CHANGES_PATH, 0, sum.bytes);
  if (!bytes || bytes.length !== sum.bytes) return undefined;
  // The file recorded after the previous build was published is not hashed again (io/file-identity.ts).
  if (!untouched?.(KEPT_CHANGES_PATH, sum.bytes) && (sink.previous(KEPT_CHANGES_PATH, sum.bytes, sum.bytes + 1) !== undefined || createHash('sha256').update(bytes).digest('hex') !== sum.sha256)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  const parsed = keptShape.safeParse(json);
  if (!parsed.success || parsed.data.key !== key) return undefined;
  return parsed.data.commits.map(({ datasets, ...commit }) => ({ ...commit, datasets: new Map(datasets.map(readChange)) }));
}
