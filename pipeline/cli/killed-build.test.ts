/**
 * A build killed at any moment: the whole build (data, site, search index) of the test
 * sources is killed, with every process it started, at 20 moments drawn at random (seeded:
 * KILL_SEED repeats a run) over the length of one timed build, the site's Astro build and the
 * search indexing included. Each time the output folder must hold the previous complete
 * output byte for byte (or, killed after it published, the new one whole), and the next
 * build must succeed and leave nothing of the killed one behind. The builds alternate between
 * two versions of the sources, so that a mix of two outputs could not pass for either.
 *
 * A moment is kept as the step of the build it falls in and how far into that step, so that
 * a machine slower than during the timed build still sees each kill in the step it was drawn
 * for.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { leftOvers, publishedTree, showDifference, treeDifference } from '../fixtures/output-tree.ts';

const KILLS = 20;
const SEED = Number(process.env.KILL_SEED ?? 17_2026);
const cli = join(import.meta.dirname, '..', 'cli.ts');
const base = join(import.meta.dirname, '..', 'fixtures', 'base');
const work = mkdtempSync(join(tmpdir(), 'killed-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Version = 'a' | 'b';
const sources: Record<Version, string> = { a: join(work, 'sources-a'), b: join(work, 'sources-b') };
const expected = {} as Record<Version, Map<string, Buffer>>;
const other = (version: Version): Version => (version === 'a' ? 'b' : 'a');

/** A seeded random generator (mulberry32): the same seed draws the same moments. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts a build of `version` into `out` as a process group of its own, so that it can be killed with all it started. */
function start(version: Version, out: string) {
  const child = spawn(process.execPath, [cli, 'build', '--sources', sources[version], '--out', out], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let ended = false;
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))).finally(() => (ended = true));
  return { child, exit, ended: () => ended, stderr: () => stderr };
}

async function complete(version: Version, out: string): Promise<string> {
  const run = start(version, out);
  const code = await run.exit;
  if (code !== 0) throw new Error(`the build of ${version} failed (${code}): ${run.stderr()}`);
  return run.stderr();
}

/** The steps of a build, in order. */
const STEPS = ['starting', 'data', 'site', 'search index', 'reading back', 'published'] as const;
type Step = (typeof STEPS)[number];
const rank = (step: Step) => STEPS.indexOf(step);

/** Where the build into `out` is, from what it has written: its new generation, the link to the project's packages Astro runs with, the search index. */
function stepOf(out: string, before: string): Step {
  const link = (path: string) => (existsSync(path) ? readlinkSync(path) : '');
  if (link(join(out, '.current')) !== before) return 'published';
  const generations = join(out, '.generations');
  const [left] = (existsSync(generations) ? readdirSync(generations) : []).filter((name) => `.generations/${name}` !== before);
  if (!left) return 'starting';
  const folder = join(out, '.generations', left);
  // The search index's list of parts is written last.
  if (existsSync(join(folder, 'dist', 'pagefind', 'parts.json'))) return 'reading back';
  // Astro runs in the generation's folder, with a link to the project's packages there that goes when it ends.
  if (existsSync(join(folder, 'node_modules'))) return 'site';
  if (existsSync(join(folder, 'dist'))) return 'search index';
  return existsSync(join(folder, 'data')) ? 'data' : 'starting';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LOOK_MS = 25;

/** One build into `out`, watched: when it entered each step, in ms from its start. */
async function timed(version: Version, out: string): Promise<Map<Step, number>> {
  const before = existsSync(join(out, '.current')) ? readlinkSync(join(out, '.current')) : '';
  const began = performance.now();
  const run = start(version, out);
  const entered = new Map<Step, number>([['starting', 0]]);
  while (!run.ended()) {
    const step = stepOf(out, before);
    if (!entered.has(step)) entered.set(step, performance.now() - began);
    await sleep(LOOK_MS);
  }
  if ((await run.exit) !== 0) throw new Error(`the timed build failed: ${run.stderr()}`);
  entered.set('published', Math.min(entered.get('published') ?? Infinity, performance.now() - began));
  return entered;
}

interface Moment {
  /** In ms from the build's start, in the timed build. */
  at: number;
  step: Step;
  /** How far into its step. */
  into: number;
}

/** `KILLS` moments, one at random in each `KILLS`th of the timed build's length. */
function moments(entered: Map<Step, number>, random: () => number): Moment[] {
  const length = entered.get('published')!;
  const starts = STEPS.filter((step) => entered.has(step)).map((step) => [step, entered.get(step)!] as const);
  return Array.from({ length: KILLS }, (_, kill) => {
    const at = ((kill + random()) / KILLS) * length;
    const [step, from] = starts.filter(([, from]) => from <= at).at(-1)!;
    return { at, step, into: at - from };
  });
}

let entered: Map<Step, number>;
beforeAll(async () => {
  cpSync(base, sources.a, { recursive: true });
  cpSync(base, sources.b, { recursive: true });
  const observations = join(sources.b, 'test-city-council', 'tc-2021-execution-report', 'observations.yaml');
  writeFileSync(observations, readFileSync(observations, 'utf8').replace('value: 42', 'value: 43').replace('подано 42 проєкти', 'подано 43 проєкти'));
  await complete('a', join(work, 'clean-a'));
  // The clean build of b is the one timed, for the moments of the kills.
  entered = await timed('b', join(work, 'clean-b'));
  for (const version of ['a', 'b'] as const) expected[version] = publishedTree(join(work, `clean-${version}`));
  expect(treeDifference(expected.a, expected.b).length).toBeGreaterThan(0);
}, 300_000);

it(`keeps the previous output whole through ${KILLS} kills at random moments, and the next build cleans up`, async () => {
  // The clean build of a, links as they are, is the first previous output.
  const out = join(work, 'out');
  cpSync(join(work, 'clean-a'), out, { recursive: true, verbatimSymlinks: true });
  let current: Version = 'a';
  const plan = moments(entered, seeded(SEED));
  process.stdout.write(`kill seed ${SEED}; the timed build entered ${[...entered].map(([step, ms]) => `${step} at ${Math.round(ms)} ms`).join(', ')}\n`);
  // The moments fall in every step that takes time: the data, the site and its search index.
  for (const step of ['data', 'site', 'search index'] as const) expect(plan.filter((moment) => moment.step === step).length, step).toBeGreaterThan(0);

  const hits: string[] = [];
  for (const moment of plan) {
    const before = readlinkSync(join(out, '.current'));
    const run = start(other(current), out);
    // Into the step the moment was drawn in, then as far into it as the moment was.
    while (!run.ended() && rank(stepOf(out, before)) < rank(moment.step)) await sleep(LOOK_MS);
    await Promise.race([run.exit, sleep(moment.into)]);
    let hit = 'finished first';
    if (!run.ended()) {
      hit = stepOf(out, before);
      process.kill(-run.child.pid!, 'SIGKILL');
      await run.exit;
    }
    hits.push(hit);
    const what = `killed ${Math.round(moment.into)} ms into ${moment.step} (${hit}), seed ${SEED}`;
    const seen = publishedTree(out);
    const whole = (['a', 'b'] as const).filter((version) => treeDifference(seen, expected[version]).length === 0);
    // The previous output, or (killed after publishing) the new one; never a mix, never nothing.
    expect(whole, `${what}:\n${showDifference(seen, expected[current], treeDifference(seen, expected[current]))}`).toHaveLength(1);
    if (whole[0] === other(current)) expect(hit, what).toMatch(/published|finished first/);
    current = whole[0]!;

    const stderr = await complete(other(current), out);
    current = other(current);
    const built = publishedTree(out);
    const differ = treeDifference(built, expected[current]);
    expect(differ, `the build after one ${what}:\n${showDifference(built, expected[current], differ)}\n${stderr}`).toEqual([]);
    expect(leftOvers(out), what).toEqual([]);
    // What a build killed on its way left (its lock, its unfinished output) is removed, and said.
    if (/^(data|site|search|reading)/.test(hit)) expect(stderr, what).toContain('N_LEFT_OVER');
  }
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit, (counts.get(hit) ?? 0) + 1);
  process.stdout.write(`killed ${KILLS} builds while: ${[...counts].map(([at, n]) => `${at} ${n}`).join(', ')}\n`);
  // Where a kill lands depends on the machine's load (a busy machine starts a step late); the
  // test is not empty as long as most builds died inside a step of their own.
  const inside = hits.filter((hit) => /^(data|site|search index)/.test(hit)).length;
  expect(inside, `killed while: ${hits.join(', ')}`).toBeGreaterThanOrEqual(KILLS / 2);
}, 1_800_000);
