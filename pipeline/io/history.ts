/**
 * Times come from the history of the sources, never from the clock, so the same commit
 * builds the same bytes: a dataset was created when its first source file was committed
 * and modified when its last one was.
 */
import { execFile, spawn } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { memorySources, type SourceFiles } from './files.ts';

export interface Times {
  created: string;
  modified: string;
  /** Commits that touched the files: a dataset's revision number. */
  revisions: number;
}

export interface History {
  /** The build's own time: the commit's (or SOURCE_DATE_EPOCH), never the clock's. */
  buildTime: string;
  of(paths: readonly string[]): Times;
  /**
   * The commits that touched the files, newest first: each one a published version of what
   * they make, with its time and its revision (1 for the oldest).
   */
  changes(paths: readonly string[], limit?: number): Version[];
  /** Every commit that touched the sources, newest first. */
  readonly commits: readonly string[];
  /** The sources as they were at a commit (relative to the sources folder). */
  sourcesAt(commit: string): Promise<SourceFiles>;
}

export interface Version {
  commit: string;
  time: string;
  revision: number;
}

/** RFC 3339 in UTC without fractions: one spelling for one instant. */
export function utc(time: string | number | Date): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function fixedHistory(time: string): History {
  const at = utc(time);
  return { buildTime: at, of: () => ({ created: at, modified: at, revisions: 1 }), changes: () => [], commits: [], sourcesAt: async () => memorySources({}) };
}

const run = promisify(execFile);

/**
 * One `git log` over the sources folder, read once. Files git does not know yet (a new,
 * uncommitted source) take the build time.
 */
export async function gitHistory(sourcesRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<History> {
  const epoch = env.SOURCE_DATE_EPOCH ? utc(Number(env.SOURCE_DATE_EPOCH) * 1000) : undefined;
  let top: string;
  try {
    top = (await run('git', ['-C', sourcesRoot, 'rev-parse', '--show-toplevel'])).stdout.trim();
  } catch {
    return fixedHistory(epoch ?? '2000-01-01T00:00:00Z');
  }
  const head = await run('git', ['-C', top, 'log', '-1', '--format=%cI']).then((r) => r.stdout.trim()).catch(() => '');
  const buildTime = epoch ?? (head ? utc(head) : '2000-01-01T00:00:00Z');
  const scope = relative(top, resolve(sourcesRoot)) || '.';
  const { stdout } = await run('git', ['-C', top, 'log', '--format=%x1e%cI%x1f%H', '--name-only', '--no-renames', '--', scope], { maxBuffer: 1 << 30 });
  const files = new Map<string, { first: string; last: string; count: number }>();
  const commits: { time: string; hash: string; paths: Set<string> }[] = [];
  for (const commit of stdout.split('\x1e')) {
    const [header, ...names] = commit.split('\n').filter((line) => line !== '');
    if (!header) continue;
    const [time, hash = ''] = header.split('\x1f');
    const at = utc(time!);
    const paths = new Set<string>();
    commits.push({ time: at, hash, paths });
    for (const name of names) {
      paths.add(relative(scope, name).split('\\').join('/'));
      const path = relative(scope, name).split('\\').join('/');
      const known = files.get(path);
      // git log lists newest first: the first sighting is the last change.
      if (!known) files.set(path, { first: at, last: at, count: 1 });
      else {
        known.first = at;
        known.count++;
      }
    }
  }
  return {
    buildTime,
    of(paths) {
      let created: string | undefined;
      let modified: string | undefined;
      let revisions = 0;
      for (const path of paths) {
        const known = files.get(path);
        const first = known?.first ?? buildTime;
        const last = known?.last ?? buildTime;
        if (!created || first < created) created = first;
        if (!modified || last > modified) modified = last;
        revisions = Math.max(revisions, known?.count ?? 1);
      }
      return { created: created ?? buildTime, modified: modified ?? buildTime, revisions: Math.max(revisions, 1) };
    },
    changes(paths, limit = 10) {
      const wanted = new Set(paths);
      const touching = commits.filter((commit) => [...commit.paths].some((path) => wanted.has(path)));
      return touching.slice(0, limit).map((commit, i) => ({ commit: commit.hash, time: commit.time, revision: touching.length - i }));
    },
    commits: commits.map((commit) => commit.hash),
    sourcesAt: (commit) => treeAt(top, commit, scope),
  };
}

/** The files below `scope` at a commit, read in one pass of `git cat-file --batch`. */
async function treeAt(top: string, commit: string, scope: string): Promise<SourceFiles> {
  const listing = (await run('git', ['-C', top, 'ls-tree', '-r', '-z', commit, '--', scope], { maxBuffer: 1 << 30 })).stdout;
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      return { blob: meta.split(' ')[2]!, path: relative(scope, path).split('\\').join('/') };
    });
  const blobs = await catFiles(top, entries.map((entry) => entry.blob));
  return memorySources(Object.fromEntries(entries.map((entry, i) => [entry.path, blobs[i]!])));
}

function catFiles(top: string, blobs: string[]): Promise<Uint8Array[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['-C', top, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const all = Buffer.concat(chunks);
      const out: Uint8Array[] = [];
      let at = 0;
      for (let i = 0; i < blobs.length; i++) {
        const end = all.indexOf(10, at);
        const size = Number(all.subarray(at, end).toString('latin1').split(' ')[2]);
        out.push(new Uint8Array(all.subarray(end + 1, end + 1 + size)));
        at = end + 1 + size + 1;
      }
      resolvePromise(out);
    });
    child.stdin.end(blobs.map((blob) => `${blob}\n`).join(''));
  });
}
