/**
 * Files known by what the file system says of them, not by reading them again: as git's
 * index, rsync's quick check and make do. After a build's output is in its final place, the
 * identity of every file in it is recorded (`file-identities.json`, not published): its
 * device and inode, its size, and the times of the last change of its bytes (mtime) and of
 * its inode (ctime), in nanoseconds. The next build takes a file over without reading it when
 * a stat gives the identity recorded; any other file is read and hashed as before.
 *
 * When: linking a file into a new output and unlinking it from the one replaced both change
 * its ctime, so the record is taken once the output is published and the output it replaced
 * removed (an output built aside and the site's links into the data are made before). What
 * a build does afterwards to those files (a failed build's links removed, say) only makes the
 * next one read them.
 *
 * What it catches: an edit in place at the same size changes mtime and ctime; a file
 * replaced by another, or a folder by a link to a copy, changes the inode; `touch -d` sets
 * mtime back but not ctime, which only the kernel sets; a file cut short changes its size.
 *
 * Racy files (git's «racy git»): a file changed again within the same tick of the file
 * system's clock as its last change keeps its identity. So the record is stamped with the
 * file system's own time, read off a file written just before the first stat once that clock
 * has moved on from where it was: every file changed before has a ctime before the stamp, and
 * a file changed after its stat gets a ctime at or after it, so a different identity. A file
 * whose ctime or mtime is not before the stamp changed while the record was being taken: it is
 * not recorded, and the next build reads it.
 */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';

export const IDENTITIES_FILE = 'file-identities.json';
const IDENTITIES_FORMAT = 1;
/** How long to wait for the file system's clock to move on before the stamp, in milliseconds; past it, files changed in the last tick are left unrecorded. */
const MAX_TICK_MS = 50;

export type IdentityFs = Pick<typeof nodeFs, 'lstatSync' | 'readdirSync' | 'readFileSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'openSync' | 'writeSync' | 'fstatSync' | 'closeSync'>;

interface IdentityRecord {
  format: typeof IDENTITIES_FORMAT;
  /** The file system's time just before the first stat, in nanoseconds. */
  stamp: string;
  /** By path under the folder: `device inode size mtime ctime`. */
  files: Record<string, string>;
}

/** A regular file's identity: `device inode size mtime ctime`, times in nanoseconds. */
export const identityOf = (stats: nodeFs.BigIntStats): string => `${stats.dev} ${stats.ino} ${stats.size} ${stats.mtimeNs} ${stats.ctimeNs}`;

const IDENTITY = /^(\d+) (\d+) (\d+) (\d+) (\d+)$/;

/**
 * Records the identity of every regular file under `root` (links and what lies behind them
 * left out) into `root/file-identities.json`, replacing any there. Returns how many files were
 * recorded, and how many changed while the record was taken (left out).
 */
export function recordIdentities(root: string, fs: IdentityFs = nodeFs): { files: number; racy: number } {
  const stamp = fileSystemNow(root, fs);
  const files: Record<string, string> = {};
  let racy = 0;
  for (const path of regularFiles(root, fs)) {
    let stats: nodeFs.BigIntStats | undefined;
    try {
      stats = fs.lstatSync(join(root, path), { bigint: true, throwIfNoEntry: false });
    } catch {
      stats = undefined;
    }
    if (!stats?.isFile()) continue;
    if (stats.ctimeNs >= stamp || stats.mtimeNs >= stamp) {
      racy++;
      continue;
    }
    files[path] = identityOf(stats);
  }
  const record: IdentityRecord = { format: IDENTITIES_FORMAT, stamp: String(stamp), files };
  const aside = join(root, `${IDENTITIES_FILE}.${process.pid}`);
  fs.writeFileSync(aside, JSON.stringify(record));
  fs.renameSync(aside, join(root, IDENTITIES_FILE));
  return { files: Object.keys(files).length, racy };
}

/** Every regular file under `root`, by path under it, in no particular order; the record's own files left out. */
function regularFiles(root: string, fs: IdentityFs): string[] {
  const paths: string[] = [];
  const walk = (prefix: string) => {
    for (const entry of fs.readdirSync(prefix ? join(root, prefix) : root, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !(prefix === '' && entry.name.startsWith(IDENTITIES_FILE))) paths.push(path);
    }
  };
  walk('');
  return paths;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The file system's time now, in nanoseconds, as it stamps a file written in `root`, once
 * its clock has moved on from the time of that first write (within MAX_TICK_MS).
 */
export function fileSystemNow(root: string, fs: Pick<IdentityFs, 'openSync' | 'writeSync' | 'fstatSync' | 'closeSync' | 'rmSync'> = nodeFs): bigint {
  const stampFile = join(root, `${IDENTITIES_FILE}.stamp-${process.pid}`);
  const fd = fs.openSync(stampFile, 'w');
  try {
    fs.writeSync(fd, '0', 0);
    const first = fs.fstatSync(fd, { bigint: true }).mtimeNs;
    let now = first;
    const until = performance.now() + MAX_TICK_MS;
    while (now <= first && performance.now() < until) {
      Atomics.wait(pause, 0, 0, 1);
      fs.writeSync(fd, '1', 0);
      now = fs.fstatSync(fd, { bigint: true }).mtimeNs;
    }
    return now;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(stampFile, { force: true });
  }
}

/** The identities recorded for a folder's files, seen from it or from a folder inside it. */
export interface Identities {
  /**
   * Whether the file at `path` is the very file recorded: a regular file whose identity a stat
   * gives as recorded (and, when `bytes` is given, of that size), recorded before the stamp.
   */
  same(path: string, bytes?: number): boolean;
  /** The same record, for paths under `folder`. */
  under(folder: string): Identities;
  /** Every recorded path that is `same`, outside `except` (a folder), by path. */
  unchanged(except?: string): string[];
}

/** The identities recorded in `root`; undefined when there is no record, or one that cannot be read or is of another layout. */
export function readIdentities(root: string, fs: Pick<IdentityFs, 'readFileSync' | 'lstatSync'> = nodeFs): Identities | undefined {
  let record: IdentityRecord;
  try {
    record = JSON.parse(fs.readFileSync(join(root, IDENTITIES_FILE), 'utf8')) as IdentityRecord;
  } catch {
    return undefined;
  }
  if (record?.format !== IDENTITIES_FORMAT || typeof record.stamp !== 'string' || !/^\d+$/.test(record.stamp) || typeof record.files !== 'object' || record.files === null) return undefined;
  const stamp = BigInt(record.stamp);
  const files = new Map(Object.entries(record.files));
  const same = (path: string, bytes?: number) => {
    const recorded = files.get(path);
    const parts = typeof recorded === 'string' ? IDENTITY.exec(recorded) : null;
    if (!parts) return false;
    // Recorded while it changed: not vouched for.
    if (BigInt(parts[4]!) >= stamp || BigInt(parts[5]!) >= stamp) return false;
    if (bytes !== undefined && parts[3] !== String(bytes)) return false;
    let stats: nodeFs.BigIntStats | undefined;
    try {
      stats = fs.lstatSync(join(root, path), { bigint: true, throwIfNoEntry: false });
    } catch {
      return false;
    }
    return stats?.isFile() === true && identityOf(stats) === recorded;
  };
  const view = (prefix: string): Identities => ({
    same: (path, bytes) => same(prefix + path, bytes),
    under: (folder) => view(`${prefix}${folder}/`),
    unchanged: (except) => {
      const skip = except === undefined ? undefined : `${prefix}${except}/`;
      return [...files.keys()].filter((path) => path.startsWith(prefix) && !(skip && path.startsWith(skip)) && same(path)).map((path) => path.slice(prefix.length));
    },
  });
  return view('');
}

/** Where the command line lists, for the site's steps, the files of the previous site found unchanged. */
export const UNCHANGED_FILE = 'previous-unchanged.json';

/** The files of a previous site found unchanged (`SITE_PREVIOUS_UNCHANGED`): paths under the folder the site is in, beside its records. */
export interface UnchangedList {
  files: string[];
}

/**
 * Lists into `file` the recorded files that are still the same, outside `except` (the data,
 * which the build checks itself), for the site's steps, which run in processes of their own;
 * returns `file`.
 */
export function writeUnchanged(identities: Identities, file: string, except: string | undefined, fs: Pick<IdentityFs, 'writeFileSync'> = nodeFs): string {
  const list: UnchangedList = { files: identities.unchanged(except) };
  fs.writeFileSync(file, JSON.stringify(list));
  return file;
}
