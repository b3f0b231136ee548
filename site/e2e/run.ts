/**
 * The end-to-end run: builds the portal as a project site under /council-open-data/ into a
 * temporary folder (leaving build/ alone), serves it, and runs the *.e2e.test.ts
 * files against it in Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, project, siteBuild, workDir } from './build.ts';
import { serve } from './serve.ts';

/** Datasets of the generated corpus: 12 councils, 141 programmes, 512 documents; every list has a second page. */
const SCALE_DATASETS = 300;

const work = workDir('portal-e2e-');
const site = siteBuild(work);
// Built as published, at an address of the test's own (RFC 2606 .test): canonical addresses,
// structured data and robots.txt are what a harvester of the real site reads.
site.env.SITE_URL = 'https://portal.test';

let code = 1;
try {
  buildSite(site);
  // A second, small site from the test sources, whose texts carry markup that must stay text.
  const fixtureSite = siteBuild(work, 'fixture', '/');
  buildSite(fixtureSite, { sources: 'pipeline/fixtures/base' });
  // A third, from a generated corpus large enough that every list has more than one page:
  // page weight and the pages of lists are checked on it (scale.e2e.test.ts).
  const corpus = join(work, 'corpus');
  const generated = spawnSync(process.execPath, ['pipeline/generate/cli.ts', '--datasets', String(SCALE_DATASETS), '--out', corpus], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
  if (generated.status !== 0) throw new Error('generating the corpus failed');
  const scaleSite = siteBuild(work, 'scale');
  buildSite(scaleSite, { sources: corpus });
  const { server, url } = await serve(site.siteOut, site.basePath);
  const fixture = await serve(fixtureSite.siteOut, fixtureSite.basePath);
  const scale = await serve(scaleSite.siteOut, scaleSite.basePath);
  // A browser needs more than vitest's default five seconds; two workers for two cores.
  const options = ['--testTimeout=60000', '--hookTimeout=120000', '--maxWorkers=2'];
  // Not spawnSync: the server above answers from this process's event loop.
  const tests = spawn(process.execPath, [join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'site/e2e', ...options, ...process.argv.slice(2)], {
    cwd: project,
    // The folders behind the output folder's links, so that tests that copy the site copy its files.
    env: { ...process.env, ...site.env, BUILD_DIR: realpathSync(site.buildDir), SITE_OUT: realpathSync(site.siteOut), E2E_URL: url, E2E_SITE: realpathSync(site.siteOut), E2E_FIXTURE_URL: fixture.url, E2E_SCALE_URL: scale.url, E2E_SCALE_SITE: realpathSync(scaleSite.siteOut) },
    stdio: 'inherit',
  });
  code = await new Promise<number>((resolve) => tests.on('exit', (status) => resolve(status ?? 1)));
  server.close();
  fixture.server.close();
  scale.server.close();
} finally {
  if (!process.env.E2E_KEEP) rmSync(work, { recursive: true, force: true });
}
process.exit(code);
