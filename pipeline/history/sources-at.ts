/**
 * The sources of an earlier commit as today's build reads them: the files of the commit, with
 * today's vocabularies where the commit had none yet, each file's SHA-256, and what today's
 * checks make of them. When the commit's files are the build's own sources, the build's own
 * check is taken as it is instead of checking them again; otherwise a file found valid before
 * with the same bytes is taken from the record of checked files (sources/kept-files.ts).
 */
import { createHash } from 'node:crypto';
import { checkSources, type Checked } from '../check.ts';
import type { SourceFiles } from '../io/files.ts';
import type { History } from '../io/history.ts';
import type { CommitSources } from './compare.ts';
import type { SourceRecord } from '../sources/kept-files.ts';

/** Files that hold vocabularies, not data: an earlier version without one reads today's. */
export const VOCABULARIES = ['units.yaml'];

/** The build's own sources: its files, each one's SHA-256 as read, and its check. */
export interface CurrentSources {
  files: SourceFiles;
  digests: ReadonlyMap<string, string>;
  checked: Extract<Checked, { ok: true }>;
}

/** The sources of a version, with today's vocabularies where the version had none yet. */
function withVocabularies(then: SourceFiles, now: SourceFiles, today: ReadonlySet<string>): SourceFiles {
  const listing = then.list();
  const own = listing.then((listed) => new Set(listed));
  return {
    async list() {
      const listed = await listing;
      return [...new Set([...listed, ...VOCABULARIES.filter((name) => today.has(name) && !listed.includes(name))])].sort();
    },
    read: async (path) => ((await own).has(path) ? then.read(path) : now.read(path)),
    readSync: (path) => {
      try {
        return then.readSync(path);
      } catch {
        return now.readSync(path);
      }
    },
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function digestsOf(files: SourceFiles): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const path of await files.list()) digests.set(path, sha256(await files.read(path)));
  return digests;
}

function sameFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, digest] of a) if (b.get(path) !== digest) return false;
  return true;
}

/** The work reading commits did, for the build's counts. */
export interface ReadCounts {
  /** Commits whose sources were checked again (those equal to the build's own are not). */
  checked: number;
}

/** The build's own files, listed once however many commits are read. */
const listed = new WeakMap<CurrentSources, Promise<Set<string>>>();

/** A commit's sources, checked by today's code (or found to be the build's own). */
export async function sourcesAt(history: History, commit: string, current: CurrentSources, counts: ReadCounts, record?: SourceRecord): Promise<CommitSources> {
  if (!listed.has(current)) listed.set(current, current.files.list().then((paths) => new Set(paths)));
  const today = await listed.get(current)!;
  const files = withVocabularies(await history.sourcesAt(commit), current.files, today);
  const digests = await digestsOf(files);
  if (sameFiles(digests, current.digests)) return { digests, checked: current.checked };
  counts.checked++;
  // Each file's SHA-256 is known already, for the record of files checked before.
  const checked = await checkSources({ ...files, digest: (path) => digests.get(path) }, record);
  return { digests, checked: checked.ok ? { model: checked.model, reconciliation: checked.reconciliation } : null };
}
