/**
 * The mutation score of each module, from the outcome of every mutant: Stryker's own
 * definition (killed and timed-out mutants over all that ran or had no test), counted
 * per module so that a well-tested module cannot hide a poorly tested one.
 */
import { matchesGlob } from 'node:path';
import type { MutationModule } from './modules.ts';

export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

export interface MutantOutcome {
  /** Relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  mutator: string;
  replacement: string;
  status: MutantStatus;
}

export interface ModuleScore {
  module: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Compile and runtime errors: mutants that could not run; outside the score, as in Stryker. */
  errors: number;
  /** Marked equivalent in the code with a Stryker disable comment and its reason. */
  ignored: number;
  /** Percent, undefined when the module has no mutant that counts. */
  score: number | undefined;
  /** Survived and uncovered mutants, in file and line order. */
  undetected: MutantOutcome[];
}

/** The module whose globs take `file`: one of them matches it and none of its `!` globs leaves it out. */
export function moduleOf(file: string, modules: readonly MutationModule[]): MutationModule | undefined {
  const takes = (module: MutationModule) => {
    const left = module.files.filter((glob) => glob.startsWith('!')).some((glob) => matchesGlob(file, glob.slice(1)));
    return !left && module.files.some((glob) => !glob.startsWith('!') && matchesGlob(file, glob));
  };
  return modules.find(takes);
}

export function scoreModules(outcomes: readonly MutantOutcome[], modules: readonly MutationModule[]): ModuleScore[] {
  const scores = new Map(modules.map((module) => [module.name, emptyScore(module.name)]));
  for (const outcome of outcomes) {
    const module = moduleOf(outcome.file, modules);
    if (module) count(scores.get(module.name)!, outcome);
  }
  for (const score of scores.values()) {
    const detected = score.killed + score.timeout;
    const valid = detected + score.survived + score.noCoverage;
    score.score = valid === 0 ? undefined : (detected / valid) * 100;
    score.undetected.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  }
  return [...scores.values()];
}

function emptyScore(module: string): ModuleScore {
  return { module, killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0, score: undefined, undetected: [] };
}

function count(score: ModuleScore, outcome: MutantOutcome): void {
  switch (outcome.status) {
    case 'Killed':
      score.killed++;
      break;
    case 'Timeout':
      score.timeout++;
      break;
    case 'Survived':
      score.survived++;
      score.undetected.push(outcome);
      break;
    case 'NoCoverage':
      score.noCoverage++;
      score.undetected.push(outcome);
      break;
    case 'CompileError':
    case 'RuntimeError':
      score.errors++;
      break;
    case 'Ignored':
      score.ignored++;
      break;
    case 'Pending':
      break;
  }
}
