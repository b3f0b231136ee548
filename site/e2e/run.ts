/**
 * The end-to-end run: builds the portal as a project site under /council-open-data/ into a
 * temporary folder (leaving build/ and dist/ alone), serves it, and runs the *.e2e.test.ts
 * files against it in Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './serve.ts';

const project = resolve(import.meta.dirname, '..', '..');
const basePath = '/council-open-data/';
const work = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
const buildDir = join(work, 'build');
const siteOut = join(work, 'dist');
const env = { ...process.env, BASE_PATH: basePath, BUILD_DIR: buildDir, SITE_OUT: siteOut };

function step(command: string, args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: project, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

let code = 1;
try {
  step(process.execPath, ['pipeline/cli.ts', 'build', '--out', buildDir]);
  step(process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  step(process.execPath, ['site/scripts/index-search.ts']);
  // A second, small site from the test sources, whose texts carry markup that must stay text.
  const fixtureEnv = { BASE_PATH: '/', BUILD_DIR: join(work, 'fixture-build'), SITE_OUT: join(work, 'fixture-dist') };
  step(process.execPath, ['pipeline/cli.ts', 'build', '--sources', 'pipeline/fixtures/base', '--out', fixtureEnv.BUILD_DIR], fixtureEnv);
  step(process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], fixtureEnv);
  const { server, url } = await serve(siteOut, basePath);
  const fixture = await serve(fixtureEnv.SITE_OUT, '/');
  // A browser needs more than vitest's default five seconds; two workers for two cores.
  const options = ['--testTimeout=60000', '--hookTimeout=120000', '--maxWorkers=2'];
  // Not spawnSync: the server above answers from this process's event loop.
  const tests = spawn(process.execPath, [join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'site/e2e', ...options, ...process.argv.slice(2)], {
    cwd: project,
    env: { ...env, E2E_URL: url, E2E_SITE: siteOut, E2E_FIXTURE_URL: fixture.url },
    stdio: 'inherit',
  });
  code = await new Promise<number>((resolve) => tests.on('exit', (status) => resolve(status ?? 1)));
  server.close();
  fixture.server.close();
} finally {
  if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true });
}
process.exit(code);
