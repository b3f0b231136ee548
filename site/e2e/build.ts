/**
 * Builds the portal into a temporary folder for the end-to-end tests and the Lighthouse run,
 * leaving build/ and dist/ alone: the pipeline's output, the Astro site, and (for the real
 * site) its search index.
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
  /** The pipeline's output. */
  buildDir: string;
  /** The built site. */
  siteOut: string;
  /** The variables that point the pipeline and Astro at these folders. */
  env: Record<string, string>;
}

/** The folders of a build under `work`, without building anything. */
export function siteBuild(work: string, name = '', base = basePath): SiteBuild {
  const buildDir = join(work, name ? `${name}-build` : 'build');
  const siteOut = join(work, name ? `${name}-dist` : 'dist');
  return { basePath: base, buildDir, siteOut, env: { BASE_PATH: base, BUILD_DIR: buildDir, SITE_OUT: siteOut } };
}

/**
 * Runs the pipeline, Astro and (with `search`) the search indexer for `build`. `sources`
 * replaces the real sources, e.g. with the test fixtures.
 */
export function buildSite(build: SiteBuild, options: { sources?: string; search?: boolean } = {}): void {
  const env = { ...process.env, ...build.env };
  const step = (args: string[]) => {
    const result = spawnSync(process.execPath, args, { cwd: project, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
  };
  step(['pipeline/cli.ts', 'build', ...(options.sources ? ['--sources', options.sources] : []), '--out', build.buildDir]);
  step([join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  if (options.search) step(['site/scripts/index-search.ts']);
}
