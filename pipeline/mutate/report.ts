/** The per-module table and the list of undetected mutants that `npm run mutate` prints. */
import type { ModuleScore, MutantOutcome } from './score.ts';

const HEADER = ['module', 'score', 'killed', 'timeout', 'survived', 'no coverage', 'errors', 'ignored'];

export function formatScore(score: number | undefined): string {
  return score === undefined ? 'n/a' : `${score.toFixed(2)} %`;
}

export function scoreTable(scores: readonly ModuleScore[]): string {
  const rows = scores.map((s) => [s.module, formatScore(s.score), ...[s.killed, s.timeout, s.survived, s.noCoverage, s.errors, s.ignored].map(String)]);
  const widths = HEADER.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(HEADER), ...rows.map(line)].join('\n');
}

/** One line a mutant: where it is, the mutator, and the code it put in (first line, shortened). */
export function describeMutant(mutant: MutantOutcome): string {
  const firstLine = mutant.replacement.split('\n')[0]!.trim();
  const shown = firstLine.length > 70 ? `${firstLine.slice(0, 69)}…` : firstLine;
  const more = mutant.replacement.includes('\n') ? ' …' : '';
  return `${mutant.file}:${mutant.line}:${mutant.column} ${mutant.mutator} [${mutant.status}] ${shown}${more}`;
}

export function undetectedList(scores: readonly ModuleScore[]): string {
  return scores
    .filter((s) => s.undetected.length > 0)
    .map((s) => [`${s.module}: ${s.undetected.length} undetected`, ...s.undetected.map((m) => `  ${describeMutant(m)}`)].join('\n'))
    .join('\n');
}
