/**
 * Times come from the history of the sources, never from the clock, so the same commit
 * builds the same bytes: a dataset was created when its first source file was committed
 * and modified when its last one was.
 */
import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';

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
  /** The commits that touched the files, newest first: time and subject line. */
  changes(paths: readonly string[], limit?: number): { time: string; message: string }[];
}

/** RFC 3339 in UTC without fractions: one spelling for one instant. */
export function utc(time: string | number | Date): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function fixedHistory(time: string): History {
  const at = utc(time);
  return { buildTime: at, of: () => ({ created: at, modified: at, revisions: 1 }), changes: () => [] };
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
  const { stdout } = await run('git', ['-C', top, 'log', '--format=%x1e%cI%x1f%s', '--name-only', '--no-renames', '--', scope], { maxBuffer: 1 << 30 });
  const files = new Map<string, { first: string; last: string; count: number }>();
  const commits: { time: string; message: string; paths: Set<string> }[] = [];
  for (const commit of stdout.split('\x1e')) {
    const [header, ...names] = commit.split('\n').filter((line) => line !== '');
    if (!header) continue;
    const [time, message = ''] = header.split('\x1f');
    const at = utc(time!);
    const paths = new Set<string>();
    commits.push({ time: at, message, paths });
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
      const out: { time: string; message: string }[] = [];
      for (const commit of commits) {
        if (out.length >= limit) break;
        if ([...commit.paths].some((path) => wanted.has(path))) out.push({ time: commit.time, message: commit.message });
      }
      return out;
    },
  };
}
