/**
 * The output folder: where a build publishes, as one atomic step, its data (`data/`) and the
 * site built from it (`dist/`).
 *
 *   OUT/.council-open-data          the mark: this folder is the build's, and only its
 *   OUT/.lock                       while a build runs: which process, since when
 *   OUT/.generations/{id}/          one complete output (marked): data/ and dist/
 *   OUT/.current -> .generations/{id}
 *   OUT/data -> .current/data       what readers and deploy steps use; never change
 *   OUT/dist -> .current/dist
 *
 * A build writes a new generation beside the current one, and publishes it by replacing the
 * `.current` link with one rename: whoever opens `data/` or `dist/` gets the previous
 * complete output or the new one, never a mix or nothing, and a build killed at any moment
 * leaves the previous output as it was. The next build removes what a killed one left.
 * Nothing is deleted that does not carry the mark; a folder that is not the build's, or that
 * is (or contains, or lies in) the sources or a folder of the project, is refused.
 */
import * as nodeFs from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Notice } from '../errors/notice.ts';
import type { Problem } from '../errors/problem.ts';
import { shownPath } from './shown.ts';

export const MARK = '.council-open-data';
const MARK_TEXT = 'Made by the council-open-data build, which replaces everything in this folder on its next run.\n';
const GENERATIONS = '.generations';
const CURRENT = '.current';
const LOCK = '.lock';
/** The names under which a complete output is read. */
export const PUBLISHED = ['data', 'dist'] as const;

export type OutputFs = Pick<
  typeof nodeFs,
  'mkdirSync' | 'writeFileSync' | 'readFileSync' | 'readdirSync' | 'rmSync' | 'rmdirSync' | 'symlinkSync' | 'renameSync' | 'readlinkSync' | 'realpathSync' | 'lstatSync' | 'unlinkSync'
>;

/** Who is building: this process, unless a test plays another one. */
export interface Identity {
  pid: number;
  host: string;
  alive(pid: number): boolean;
}

export const thisProcess: Identity = { pid: process.pid, host: hostname(), alive: processAlive };

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const problem = (code: Problem['code'], file: string, message: string, hint: string): Problem => ({ code, file, message, hint });
const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** `path` with every symbolic link of the part of it that exists resolved. */
export function realPath(path: string, fs: Pick<OutputFs, 'realpathSync'> = nodeFs): string {
  const absolute = resolve(path);
  try {
    return fs.realpathSync(absolute);
  } catch (error) {
    // A path through a file is judged where it is used (it cannot be a folder).
    if ((errno(error) !== 'ENOENT' && errno(error) !== 'ENOTDIR') || dirname(absolute) === absolute) throw error;
    return join(realPath(dirname(absolute), fs), basename(absolute));
  }
}

const inside = (path: string, folder: string) => path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * Why `out` cannot be the output folder: it is, contains or lies inside the sources folder,
 * is or contains the project, or is or lies inside one of the project's own folders.
 */
export function placementProblem(out: string, sources: string, project: string, fs: Pick<OutputFs, 'realpathSync' | 'readdirSync'> = nodeFs): Problem | undefined {
  const [target, source, root] = [realPath(out, fs), realPath(sources, fs), realPath(project, fs)];
  const hint = 'Choose a folder of its own for the output, outside the sources and the project\'s folders (by default `build/` in the project): the build replaces what is in it.';
  const refuse = (why: string) => problem('E_OUT_UNSAFE', shownPath(out), `The output folder ${why}; nothing was written.`, hint);
  if (target === source) return refuse('is the sources folder');
  if (inside(target, source)) return refuse(`lies inside the sources folder ${shownPath(sources)}`);
  if (inside(source, target)) return refuse(`contains the sources folder ${shownPath(sources)}`);
  if (target === root) return refuse('is the project folder');
  if (inside(root, target)) return refuse('contains the project folder');
  if (!inside(target, root)) return undefined;
  const top = relative(root, target).split(sep)[0]!;
  const own = fs.readdirSync(root, { withFileTypes: true }).find((entry) => entry.name === top && entry.isDirectory() && !isOutputFolder(join(root, top), fs));
  if (own && target !== join(root, top)) return refuse(`lies inside the project's folder ${top}/`);
  // An output of an earlier build, not yet marked, is left to claim(), which says what to do.
  if (own && !isEmpty(target, fs) && !looksLikeOldOutput(target, fs)) return refuse(`is the project's folder ${top}/`);
  return undefined;
}

function isOutputFolder(folder: string, fs: Pick<OutputFs, 'readdirSync'>): boolean {
  try {
    return fs.readdirSync(folder).includes(MARK);
  } catch {
    return false;
  }
}

/** The data folder earlier versions of the build wrote, unmarked: its manifest and published files. */
function looksLikeOldOutput(folder: string, fs: Pick<OutputFs, 'readdirSync'>): boolean {
  try {
    const names = fs.readdirSync(folder);
    return names.includes('manifest.json') && names.includes('public');
  } catch {
    return false;
  }
}

function isEmpty(folder: string, fs: Pick<OutputFs, 'readdirSync'>): boolean {
  try {
    return fs.readdirSync(folder).length === 0;
  } catch {
    return true;
  }
}

/** One generation of the output: its folder, and where data and site go in it. */
export interface Generation {
  folder: string;
  data: string;
  dist: string;
}

export interface OutputFolder {
  /** The output folder, every link in its path resolved. */
  root: string;
  /** The output the build replaces, if there is one. */
  previous: Generation | undefined;
  /** Where the build writes; swapped in by publish(). */
  next: Generation;
  /** What was found and dealt with on the way in: a stale lock, left-overs of killed builds. */
  notices: Notice[];
  /**
   * Makes `next` the current output in one step, then removes the previous one; what could
   * not be removed is said (the next build removes it), since the new output is in place.
   */
  publish(): Notice[];
  /** Removes `next`, as far as it got; the current output stays. */
  discard(): void;
  /** Lets the next build in. */
  release(): void;
}

/**
 * Takes the output folder for one build: marks it (a new or empty folder) or finds its mark,
 * takes its lock, removes what killed builds left, and makes the new generation's folder.
 */
export function openOutput(out: string, fs: OutputFs = nodeFs, me: Identity = thisProcess): OutputFolder | Problem {
  const root = realPath(out, fs);
  const claimed = claim(root, out, fs);
  if (claimed) return claimed;
  const locked = lock(root, out, fs, me);
  if ('code' in locked) return locked;
  try {
    const notices: Notice[] = locked.notice ? [{ code: 'N_LEFT_OVER', message: locked.notice }] : [];
    const foreign = PUBLISHED.map((name) => join(root, name)).find((path) => !isOurLink(path, `${CURRENT}/${basename(path)}`, fs));
    if (foreign) {
      locked.release();
      return problem('E_OUT_FOREIGN', shownPath(foreign), `${shownPath(foreign)} is not the build's link to its output; nothing was written.`, `Move ${shownPath(foreign)} out of the output folder: the build keeps its output there.`);
    }
    const previous = currentGeneration(root, fs);
    notices.push(...sweep(root, previous, fs));
    const id = `${Date.now().toString(36)}-${me.pid}`;
    const folder = join(root, GENERATIONS, id);
    makeFolders(folder, fs);
    fs.writeFileSync(join(folder, MARK), MARK_TEXT);
    const next = generation(folder);
    // Links to the current output that a killed first publish did not get to make.
    if (previous) link(root, fs);
    return {
      root,
      previous,
      next,
      notices,
      publish() {
        replaceLink(join(root, CURRENT), `${GENERATIONS}/${id}`, fs, me);
        try {
          link(root, fs);
          if (previous) removeMarked(previous.folder, fs);
          return [];
        } catch (error) {
          return [{ code: 'N_LEFT_OVER', message: `the previous output could not be removed (${errno(error) ?? String(error)}); the next build removes it` }];
        }
      },
      discard() {
        // Never the output readers see, whatever happened before.
        if (currentGeneration(root, fs)?.folder !== folder) removeMarked(folder, fs);
      },
      release: locked.release,
    };
  } catch (error) {
    locked.release();
    throw error;
  }
}

const generation = (folder: string): Generation => ({ folder, data: join(folder, 'data'), dist: join(folder, 'dist') });

/** Makes `root` the build's (creating it, or marking it when empty), or says why it is not. */
function claim(root: string, out: string, fs: OutputFs): Problem | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync(root);
  } catch (error) {
    if (errno(error) === 'ENOTDIR') return problem('E_OUT_FOREIGN', shownPath(out), `The output folder ${shownPath(out)} is a file, or lies under one; nothing was written.`, 'Give --out a folder of its own.');
    if (errno(error) !== 'ENOENT') throw error;
    makeFolders(root, fs);
    entries = [];
  }
  if (entries.includes(MARK)) return undefined;
  if (entries.length === 0) {
    fs.writeFileSync(join(root, MARK), MARK_TEXT);
    return undefined;
  }
  const some = entries.slice(0, 3).join(', ') + (entries.length > 3 ? `, … (${entries.length} in all)` : '');
  return problem(
    'E_OUT_FOREIGN',
    shownPath(out),
    `The output folder ${shownPath(out)} holds files the build did not make (${some}): it has no ${MARK} mark, so nothing in it is replaced; nothing was written.`,
    `Choose an empty or new folder for --out. If ${shownPath(out)} is the output of an earlier version of the build (which did not mark its folders), delete it once.`,
  );
}

/**
 * Makes `folder` and the folders above it that are missing, one at a time: Node's recursive
 * mkdir never returns on a file system that answers every mkdir with ENOENT (/proc), where
 * this gives up after one try at each level, so at most twice the path's depth of calls.
 */
function makeFolders(folder: string, fs: OutputFs): void {
  try {
    fs.mkdirSync(folder);
  } catch (error) {
    if (errno(error) === 'EEXIST') return;
    if (errno(error) !== 'ENOENT' || dirname(folder) === folder) throw error;
    makeFolders(dirname(folder), fs);
    fs.mkdirSync(folder);
  }
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** The output folder's lock, or the problem of a build that holds it. */
function lock(root: string, out: string, fs: OutputFs, me: Identity): { release(): void; notice?: string } | Problem {
  const path = join(root, LOCK);
  const mine = JSON.stringify({ pid: me.pid, host: me.host, started: new Date().toISOString() } satisfies LockInfo);
  const release = () => {
    try {
      if (fs.readFileSync(path, 'utf8') === mine) fs.unlinkSync(path);
    } catch {
      // Gone already.
    }
  };
  let notice: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(path, mine, { flag: 'wx' });
      return notice ? { release, notice } : { release };
    } catch (error) {
      if (errno(error) !== 'EEXIST') {
        // Made but not written (a full disk): this build's, so it goes.
        fs.rmSync(path, { force: true });
        throw error;
      }
    }
    const text = readOr(path, fs);
    const held = parseLock(text);
    if (held && (held.host !== me.host || me.alive(held.pid))) {
      const where = held.host === me.host ? `process ${held.pid}` : `process ${held.pid} on ${held.host}`;
      return problem(
        'E_BUILD_LOCKED',
        shownPath(join(out, LOCK)),
        `Another build (${where}, started ${held.started}) is writing into ${shownPath(out)}; nothing was written.`,
        `Wait for it to finish, then build again. If no build is running (the process may have become another program), delete ${shownPath(join(out, LOCK))}.`,
      );
    }
    // The lock of a build that no longer runs (or one killed while writing it): taken over,
    // unless another build took it over first.
    const aside = `${path}.stale-${me.pid}`;
    try {
      fs.renameSync(path, aside);
    } catch (error) {
      if (errno(error) === 'ENOENT') continue;
      throw error;
    }
    if (readOr(aside, fs) !== text) {
      fs.renameSync(aside, path);
      continue;
    }
    fs.unlinkSync(aside);
    notice = held ? `removed the lock of a build that no longer runs (process ${held.pid}, started ${held.started})` : 'removed a damaged lock left by a killed build';
  }
  return problem('E_BUILD_LOCKED', shownPath(join(out, LOCK)), `Another build took the lock of ${shownPath(out)} at the same moment; nothing was written.`, 'Build again when it has finished.');
}

function readOr(path: string, fs: OutputFs): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseLock(text: string | undefined): LockInfo | undefined {
  try {
    const info = JSON.parse(text ?? '') as LockInfo;
    return Number.isInteger(info.pid) && typeof info.host === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The generation `.current` points to, when it is one of the build's. */
function currentGeneration(root: string, fs: OutputFs): Generation | undefined {
  let target: string;
  try {
    target = fs.readlinkSync(join(root, CURRENT));
  } catch {
    return undefined;
  }
  const folder = resolve(root, target);
  if (dirname(folder) !== join(root, GENERATIONS) || !isOutputFolder(folder, fs)) return undefined;
  return generation(folder);
}

/** Removes what builds killed before they finished left: generations but the current one, temporary links, set-aside locks. */
function sweep(root: string, current: Generation | undefined, fs: OutputFs): Notice[] {
  const notices: Notice[] = [];
  let removed = 0;
  for (const name of fs.readdirSync(root)) {
    if (name.startsWith(`${CURRENT}.next-`) || name.startsWith(`${LOCK}.stale-`)) fs.unlinkSync(join(root, name));
  }
  let generations: string[] = [];
  try {
    generations = fs.readdirSync(join(root, GENERATIONS));
  } catch (error) {
    if (errno(error) !== 'ENOENT') throw error;
  }
  for (const name of generations) {
    const folder = join(root, GENERATIONS, name);
    if (folder === current?.folder) continue;
    if (isOutputFolder(folder, fs)) {
      removeMarked(folder, fs);
      removed++;
    } else if (isEmpty(folder, fs)) {
      // Made by a build killed before it could mark it.
      fs.rmdirSync(folder);
      removed++;
    } else {
      notices.push({ code: 'N_LEFT_OVER', message: `${shownPath(folder)} has no ${MARK} mark: left as it is` });
    }
  }
  if (removed > 0) notices.push({ code: 'N_LEFT_OVER', message: `removed ${removed === 1 ? 'an unfinished or replaced output' : `${removed} unfinished or replaced outputs`} that stopped builds left` });
  return notices;
}

/** Removes a generation folder, after checking its mark (a folder without one is never touched). */
function removeMarked(folder: string, fs: OutputFs): void {
  if (!isOutputFolder(folder, fs)) {
    if (isEmpty(folder, fs)) fs.rmSync(folder, { recursive: true, force: true });
    return;
  }
  // The mark goes last, so that a removal cut short is still recognised as the build's.
  for (const name of fs.readdirSync(folder)) if (name !== MARK) fs.rmSync(join(folder, name), { recursive: true, force: true, maxRetries: 3 });
  fs.rmSync(folder, { recursive: true, force: true });
}

function isOurLink(path: string, target: string, fs: OutputFs): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink() && fs.readlinkSync(path) === target;
  } catch (error) {
    if (errno(error) === 'ENOENT') return true;
    throw error;
  }
}

/** Replaces (or makes) the link `path` → `target` in one step: a link made aside, renamed over it. */
function replaceLink(path: string, target: string, fs: OutputFs, me: Identity): void {
  const aside = `${dirname(path)}/${CURRENT}.next-${me.pid}`;
  fs.rmSync(aside, { force: true });
  fs.symlinkSync(target, aside);
  fs.renameSync(aside, path);
}

/** The fixed links through which the current output is read, where missing. */
function link(root: string, fs: OutputFs): void {
  for (const name of PUBLISHED) {
    const path = join(root, name);
    try {
      fs.lstatSync(path);
    } catch (error) {
      if (errno(error) !== 'ENOENT') throw error;
      replaceLink(path, `${CURRENT}/${name}`, fs, thisProcess);
    }
  }
}
