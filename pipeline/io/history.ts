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
}

/** RFC 3339 in UTC without fractions: one spelling for one instant. */
export function utc(time: string | number | Date): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function fixedHistory(time: string): History {
  const at = utc(time);
  return { buildTime: at, of: () => ({ created: at, modified: at, revisions: 1 }) };
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
  const { stdout } = await run('git', ['-C', top, 'log', '--format=%x1e%cI', '--name-only', '--no-renames', '--', scope], { maxBuffer: 1 << 30 });
  const files = new Map<string, { first: string; last: string; count: number }>();
  for (const commit of stdout.split('\x1e')) {
    const [time, ...names] = commit.split('\n').filter((line) => line !== '');
    if (!time) continue;
    const at = utc(time);
    for (const name of names) {
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
  };
}
