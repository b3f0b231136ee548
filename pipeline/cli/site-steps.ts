/**
 * The site's part of a build: Astro, then the search index, each a process of its own run
 * on a generation of the output folder before it is published. Their output is kept rather
 * than printed as it comes, so that what they say on failure is shown once, as a problem.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Generation } from '../io/output-folder.ts';

export interface StepResult {
  ok: boolean;
  /** What the step printed, stdout and stderr together, the last lines of it. */
  output: string;
  /** The time limit, in milliseconds, when the step ran past it and was stopped. */
  timedOut?: number;
}

/** How long each step may run, in milliseconds, before it is stopped as hung. */
export interface StepLimits {
  site: number;
  search: number;
}

/**
 * An hour each: the site of 10 000 datasets is built in about a quarter of that on two busy
 * cores, so only a step that hangs meets it. `SITE_STEP_MINUTES` sets another (stepLimits).
 */
export const DEFAULT_STEP_MINUTES = 60;

/** The limits of `minutes` (by default DEFAULT_STEP_MINUTES) for both steps. */
export function stepLimits(minutes = DEFAULT_STEP_MINUTES): StepLimits {
  const ms = Math.round(minutes * 60_000);
  return { site: ms, search: ms };
}

/**
 * The minutes of `SITE_STEP_MINUTES`, or the default when it is unset or empty; undefined
 * when it is set to anything but a positive number.
 */
export function stepMinutes(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return DEFAULT_STEP_MINUTES;
  const minutes = Number(value);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : undefined;
}

export interface SiteSteps {
  /**
   * The site; pages of `previous`'s site whose data did not change are taken over
   * (site/scripts/incremental.ts). `unchanged`: the file listing the files of `previous`
   * found unchanged since they were recorded (io/file-identity.ts), which are not read again.
   */
  site(generation: Generation, previous?: Generation, unchanged?: string): Promise<StepResult>;
  /** The search index; parts of `previous`'s index made from the same pages are taken over. */
  search(generation: Generation, previous?: Generation, unchanged?: string): Promise<StepResult>;
  /** Stops a step that is running (the build itself is being stopped); resolves once it has ended. */
  stop(): Promise<void>;
}

/** Lines of a step's output kept for its message: what it said last. */
const KEPT_LINES = 200;

export function siteSteps(project: string, limits: StepLimits = stepLimits()): SiteSteps {
  const running = new Set<ChildProcess>();
  const run = (script: string, generation: Generation, limit: number, extra: Record<string, string> = {}) =>
    new Promise<StepResult>((resolve) => {
      const child = spawn(process.execPath, [join(project, 'site', 'scripts', script)], {
        cwd: generation.folder,
        env: { ...process.env, BUILD_DIR: generation.data, SITE_OUT: generation.dist, ...extra },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(child);
      const lines: string[] = [];
      const keep = (chunk: Buffer) => {
        lines.push(...chunk.toString().split('\n'));
        if (lines.length > KEPT_LINES * 2) lines.splice(0, lines.length - KEPT_LINES);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      let timedOut = false;
      // A hung step is killed; its 'close' then ends it as timed out.
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, limit);
      const end = (ok: boolean) => {
        clearTimeout(timer);
        running.delete(child);
        const output = lines.slice(-KEPT_LINES).join('\n').trim();
        resolve(timedOut ? { ok: false, output, timedOut: limit } : { ok, output });
      };
      child.on('error', (error) => {
        lines.push(error.message);
        end(false);
      });
      child.on('close', (code) => end(code === 0));
    });
  return {
    async site(generation, previous, unchanged) {
      // Astro bundles the pages under the working folder, runs them from there (so the
      // project's packages must be found from it) and renames what they make into the site:
      // run in the generation's folder, its files are on the site's disk and no other build's.
      const packages = join(generation.folder, 'node_modules');
      symlinkSync(join(project, 'node_modules'), packages);
      try {
        return await run('build-site.ts', generation, limits.site, previousEnv('SITE_PREVIOUS', previous, unchanged));
      } finally {
        rmSync(packages, { force: true });
      }
    },
    search: (generation, previous, unchanged) => run('index-search.ts', generation, limits.search, previousEnv('SEARCH_PREVIOUS', previous, unchanged)),
    async stop() {
      const ended = [...running].map((child) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('close', () => resolve()))));
      for (const child of running) child.kill('SIGKILL');
      await Promise.all(ended);
    },
  };
}

/** The previous site for a step, and the list of its files found unchanged, when there is one. */
function previousEnv(name: 'SITE_PREVIOUS' | 'SEARCH_PREVIOUS', previous: Generation | undefined, unchanged: string | undefined): Record<string, string> {
  if (!previous) return {};
  return unchanged ? { [name]: previous.dist, SITE_PREVIOUS_UNCHANGED: unchanged } : { [name]: previous.dist };
}
