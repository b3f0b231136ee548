/**
 * Builds the portal into a temporary folder for the end-to-end tests and the Lighthouse run,
 * leaving build/ alone: the pipeline's output, the Astro site and its search index, as
 * `npm run build -- --out FOLDER` does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const project = resolve(import.meta.dirname, '..', '..');
/** The site is tested as a project site, under a path, so that every link must carry it. */
export const basePath = '/council-open-data/';

/** A new, empty temporary folder; the caller removes it. */
export function workDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface SiteBuild {
  basePath: string;
  /** The output folder. */
  out: string;
  /** The pipeline's output in it. */
  buildDir: string;
  /** The built site in it. */
  siteOut: string;
  /** The variables that point tests at these folders. */
  env: Record<string, string>;
}

/** The folders of a build under `work`, without building anything. */
export function siteBuild(work: string, name = '', base = basePath): SiteBuild {
  const out = join(work, name || 'out');
  const buildDir = join(out, 'data');
  const siteOut = join(out, 'dist');
  return { basePath: base, out, buildDir, siteOut, env: { BASE_PATH: base, BUILD_DIR: buildDir, SITE_OUT: siteOut } };
}

/** Builds the portal into `build.out`; `sources` replaces the real sources, e.g. with the test fixtures. */
export function buildSite(build: SiteBuild, options: { sources?: string } = {}): void {
  const args = ['pipeline/cli.ts', 'build', ...(options.sources ? ['--sources', options.sources] : []), '--out', build.out];
  // build.env carries the address (BASE_PATH, and SITE_URL where set); the build gives Astro its own folders.
  const result = spawnSync(process.execPath, args, { cwd: project, env: { ...process.env, ...build.env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
}
