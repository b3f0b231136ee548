/**
 * A build killed at any moment: the whole build (data, site, search index) of the test
 * sources is killed, with every process it started, at 20 random moments spread over its
 * length. Each time the output folder must hold the previous complete output byte for byte
 * (or, killed after it published, the new one whole), and the next build must succeed and
 * leave nothing of the killed one behind. The builds alternate between two versions of the
 * sources, so that a mix of two outputs could not pass for either.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { leftOvers, publishedTree, treeDifference } from '../fixtures/output-tree.ts';

const KILLS = 20;
const cli = join(import.meta.dirname, '..', 'cli.ts');
const base = join(import.meta.dirname, '..', 'fixtures', 'base');
const work = mkdtempSync(join(tmpdir(), 'killed-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Version = 'a' | 'b';
const sources: Record<Version, string> = { a: join(work, 'sources-a'), b: join(work, 'sources-b') };
const expected = {} as Record<Version, Map<string, Buffer>>;
const other = (version: Version): Version => (version === 'a' ? 'b' : 'a');

/** Starts a build of `version` into `out` as a process group of its own, so that it can be killed with all it started. */
function start(version: Version, out: string) {
  const child = spawn(process.execPath, [cli, 'build', '--sources', sources[version], '--out', out], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exit, stderr: () => stderr };
}

async function complete(version: Version, out: string): Promise<{ ms: number; stderr: string }> {
  const began = performance.now();
  const run = start(version, out);
  const code = await run.exit;
  if (code !== 0) throw new Error(`the build of ${version} failed (${code}): ${run.stderr()}`);
  return { ms: performance.now() - began, stderr: run.stderr() };
}

/** How far the killed build had got, from what it left in the output folder. */
function reached(out: string, before: string): string {
  if (readlinkSync(join(out, '.current')) !== before) return 'published';
  const [left] = readdirSync(join(out, '.generations')).filter((name) => `.generations/${name}` !== before);
  if (!left) return 'starting';
  const folder = join(out, '.generations', left);
  if (existsSync(join(folder, 'dist', 'pagefind'))) return 'search index';
  // Astro runs in the generation's folder, with a link to the project's packages there.
  if (existsSync(join(folder, 'dist')) || existsSync(join(folder, 'node_modules'))) return 'site';
  if (existsSync(join(folder, 'data', 'manifest.json'))) return 'data, written';
  return existsSync(join(folder, 'data')) ? 'data' : 'starting';
}

beforeAll(async () => {
  cpSync(base, sources.a, { recursive: true });
  cpSync(base, sources.b, { recursive: true });
  const observations = join(sources.b, 'test-city-council', 'tc-2021-execution-report', 'observations.yaml');
  writeFileSync(observations, readFileSync(observations, 'utf8').replace('value: 42', 'value: 43').replace('подано 42 проєкти', 'подано 43 проєкти'));
  for (const version of ['a', 'b'] as const) {
    await complete(version, join(work, `clean-${version}`));
    expected[version] = publishedTree(join(work, `clean-${version}`));
  }
  expect(treeDifference(expected.a, expected.b).length).toBeGreaterThan(0);
}, 300_000);

it(`keeps the previous output whole through ${KILLS} kills at random moments, and the next build cleans up`, async () => {
  const out = join(work, 'out');
  const durations = [(await complete('a', out)).ms];
  let current: Version = 'a';
  const hits: string[] = [];
  for (let kill = 0; kill < KILLS; kill++) {
    // One moment in each twentieth of a build's length, at random within it.
    const length = durations.reduce((sum, ms) => sum + ms, 0) / durations.length;
    const moment = ((kill + Math.random()) / KILLS) * length;
    const before = readlinkSync(join(out, '.current'));
    const run = start(other(current), out);
    const finished = await Promise.race([run.exit.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), moment))]);
    if (!finished) {
      process.kill(-run.child.pid!, 'SIGKILL');
      await run.exit;
    }
    hits.push(finished ? 'finished first' : reached(out, before));
    const seen = publishedTree(out);
    const whole = (['a', 'b'] as const).filter((version) => treeDifference(seen, expected[version]).length === 0);
    // The previous output, or (killed after publishing) the new one; never a mix, never nothing.
    expect(whole, `killed at ${Math.round(moment)} ms (${hits.at(-1)})`).toHaveLength(1);
    if (whole[0] === other(current)) expect(hits.at(-1)).toMatch(/published|finished first/);
    current = whole[0]!;

    const next = await complete(other(current), out);
    durations.push(next.ms);
    current = other(current);
    expect(treeDifference(publishedTree(out), expected[current])).toEqual([]);
    expect(leftOvers(out)).toEqual([]);
    // What a build killed on its way left (its lock, its unfinished output) is removed, and said.
    if (/^(data|site|search)/.test(hits.at(-1)!)) expect(next.stderr).toContain('N_LEFT_OVER');
  }
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit, (counts.get(hit) ?? 0) + 1);
  process.stdout.write(`killed ${KILLS} builds of ${Math.round(durations.reduce((sum, ms) => sum + ms, 0) / durations.length)} ms on average, while: ${[...counts].map(([at, n]) => `${at} ${n}`).join(', ')}\n`);
  // The kills are spread over the whole build: the data, the site and the search index were all hit.
  expect(hits.filter((hit) => hit.startsWith('data')).length).toBeGreaterThan(0);
  expect(hits.filter((hit) => hit === 'site').length).toBeGreaterThan(0);
}, 1_800_000);
