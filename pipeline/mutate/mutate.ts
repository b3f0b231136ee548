/**
 * `npm run mutate`: mutation testing of the core modules with StrykerJS. Each module's
 * source is mutated and its own unit tests run against every mutant; the score of each
 * module is printed, with every mutant the tests let through, and the command fails when
 * a module is below the minimum. Not part of `npm test`: it takes minutes.
 *
 *   --module NAME   only this module (repeatable); the names are in modules.ts
 *   --force         test every mutant again; otherwise a kill is taken over from the last run
 *                   while its code and the test that killed it are unchanged (incremental.ts)
 *   --concurrency N test runner processes (2)
 *
 * The HTML report is written to reports/mutation/index.html.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import { MIN_SCORE, MODULES, type MutationModule } from './modules.ts';
import { pruneIncrementalFile } from './incremental.ts';
import { scoreModules, type MutantOutcome } from './score.ts';
import { formatScore, scoreTable, undetectedList } from './report.ts';

type StrykerOptions = ConstructorParameters<typeof Stryker>[0];
type StrykerResult = Awaited<ReturnType<Stryker['runMutationTest']>>[number];

const { values } = parseArgs({
  options: {
    module: { type: 'string', multiple: true, default: [] },
    force: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '2' },
  },
});

const root = resolve(import.meta.dirname, '..', '..');
process.chdir(root);

const unknown = values.module.filter((name) => !MODULES.some((module) => module.name === name));
if (unknown.length > 0) {
  console.error(`Unknown module ${unknown.join(', ')}; the modules are ${MODULES.map((module) => module.name).join(', ')}.`);
  process.exit(2);
}
const selected = values.module.length === 0 ? MODULES : MODULES.filter((module) => values.module.includes(module.name));

const started = performance.now();
// Outside the project, so that a killed run leaves no copy of the tests for `npm test` to find.
const sandboxes = mkdtempSync(join(tmpdir(), 'mutate-'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(sandboxes, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
const outcomes: MutantOutcome[] = [];
try {
  for (const module of selected) {
    console.log(`\n${module.name}: ${module.files.join(', ')}`);
    process.env['MUTATE_MODULE'] = module.name;
    pruneIncrementalFile(incrementalFile(module));
    const results = await new Stryker(strykerOptions(module, sandboxes, Number(values.concurrency), values.force)).runMutationTest();
    outcomes.push(...results.map(outcome));
  }
} finally {
  rmSync(sandboxes, { recursive: true, force: true });
}
const minutes = (performance.now() - started) / 60_000;

const scores = scoreModules(outcomes, selected);
console.log(`\nMutation score per module (minimum ${MIN_SCORE} %), ${outcomes.length} mutants in ${minutes.toFixed(1)} min:\n`);
console.log(scoreTable(scores));
const undetected = undetectedList(scores);
if (undetected !== '') console.log(`\n${undetected}`);
const low = scores.filter((score) => score.score !== undefined && score.score < MIN_SCORE);
if (low.length > 0) {
  console.error(`\nBelow ${MIN_SCORE} %: ${low.map((score) => `${score.module} ${formatScore(score.score)}`).join(', ')}.`);
  process.exitCode = 1;
}

function strykerOptions(module: MutationModule, sandboxes: string, concurrency: number, force: boolean): StrykerOptions {
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    // The module's tests are named in the configuration, not found through imports.
    vitest: { configFile: 'pipeline/mutate/vitest.config.ts', related: false, pool: 'threads' },
    mutate: [...module.files, '!**/*.test.ts'],
    concurrency,
    // Kills whose code and killing test are unchanged are taken over (see incremental.ts).
    incremental: true,
    // Each mutant runs only the tests that reach it.
    coverageAnalysis: 'perTest',
    incrementalFile: incrementalFile(module),
    force,
    reporters: ['progress', 'html'],
    htmlReporter: { fileName: `reports/mutation/${module.name}.html` },
    tempDirName: sandboxes,
    // Other work shares the cores: a slow test is not yet a mutant stuck in a loop.
    timeoutMS: 10_000,
    ignorePatterns: ['build', 'build.*', 'dist', '.astro', 'screenshots', 'test-results'],
    cleanTempDir: true,
  };
}

function incrementalFile(module: MutationModule): string {
  return `reports/mutation/${module.name}.incremental.json`;
}

function outcome(result: StrykerResult): MutantOutcome {
  return {
    file: relative(root, result.fileName).split(sep).join('/'),
    line: result.location.start.line,
    column: result.location.start.column,
    mutator: result.mutatorName,
    replacement: result.replacement,
    status: result.status,
  };
}
