/** Terminal text for problems and summaries. The only place that decides how they read. */
import type { Notice } from '../errors/notice.ts';
import type { Problem } from '../errors/problem.ts';
import type { Model } from '../model/types.ts';
import { formatUk } from '../numbers/format.ts';
import type { Reconciliation } from '../reconcile/reconcile.ts';
import type { DatasetSummary } from '../write/publish.ts';

export function formatProblems(problems: Problem[], root: string): string {
  const lines: string[] = [];
  for (const problem of problems) {
    const where = [`${root}/${problem.file}`, problem.line, problem.column].filter((part) => part !== undefined).join(':');
    lines.push(`${where}  ${problem.code}${problem.path ? `  ${problem.path}` : ''}`);
    lines.push(`  ${problem.message}`);
    if (problem.hint) lines.push(`  hint: ${problem.hint}`);
  }
  const files = new Set(problems.map((problem) => problem.file)).size;
  lines.push('', `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was written.`);
  return lines.join('\n');
}

/** Problems of the build rather than of the sources: where (a path or a stage), the code, what happened, what to do. */
export function formatFaults(problems: Problem[]): string {
  const lines: string[] = [];
  for (const problem of problems) {
    lines.push(`${problem.file}  ${problem.code}`);
    lines.push(...problem.message.split('\n').map((line) => (line.startsWith('  ') ? line : `  ${line}`)));
    lines.push(`  hint: ${problem.hint}`);
  }
  return lines.join('\n');
}

export function formatNotices(notices: Notice[]): string {
  return notices.map((notice) => `notice  ${notice.code}  ${notice.message}`).join('\n');
}

export function formatDatasets(summary: DatasetSummary[]): string {
  const width = Math.max(...summary.map((s) => s.name.length), 7);
  const lines = [`  ${'dataset'.padEnd(width)}  resources     rows       bytes`];
  for (const s of summary) lines.push(`  ${s.name.padEnd(width)}  ${String(s.resources).padStart(9)}  ${String(s.rows).padStart(7)}  ${String(s.bytes).padStart(10)}`);
  const total = summary.reduce((t, s) => ({ resources: t.resources + s.resources, rows: t.rows + s.rows, bytes: t.bytes + s.bytes }), { resources: 0, rows: 0, bytes: 0 });
  lines.push(`  ${'total'.padEnd(width)}  ${String(total.resources).padStart(9)}  ${String(total.rows).padStart(7)}  ${String(total.bytes).padStart(10)}`);
  return `${summary.length} datasets\n${lines.join('\n')}`;
}

export function formatSummary(model: Model, reconciliation: Reconciliation): string {
  const lines: string[] = [];
  const figuresByDocument = new Map<string, number>();
  for (const figure of model.figures) figuresByDocument.set(figure.document, (figuresByDocument.get(figure.document) ?? 0) + 1);
  const notesByDocument = new Map<string, number>();
  for (const note of reconciliation.notes) notesByDocument.set(note.document, (notesByDocument.get(note.document) ?? 0) + 1);

  lines.push(`${model.publishers.length} publishers, ${model.documents.length} documents, ${model.programmes.length} programmes, ${model.figures.length} figures`);
  lines.push('');
  const width = Math.max(...model.documents.map((document) => document.id.length), 8);
  lines.push(`  ${'document'.padEnd(width)}  figures  notes`);
  for (const document of model.documents) {
    lines.push(`  ${document.id.padEnd(width)}  ${String(figuresByDocument.get(document.id) ?? 0).padStart(7)}  ${String(notesByDocument.get(document.id) ?? 0).padStart(5)}`);
  }
  lines.push('');
  for (const comparison of reconciliation.comparisons) {
    lines.push(`Execution ${comparison.year}, ${comparison.programme}:`);
    for (const direction of comparison.directions) {
      if (!direction.planned && !direction.reported) continue;
      const reported = direction.reported?.value ? formatUk(direction.reported.value, 2) : '—';
      const planned = direction.planned?.value ? formatUk(direction.planned.value) : '—';
      const rate = direction.rate ? ` (${formatUk(direction.rate, 2)} %)` : '';
      lines.push(`  direction ${direction.directionNumber}: ${reported} of ${planned}${rate}`);
    }
    const rate = comparison.rate ? ` (${formatUk(comparison.rate, 2)} %)` : '';
    lines.push(`  total: ${formatUk(comparison.reportedTotal.value!, 2)} of ${formatUk(comparison.plannedTotal)}${rate}`);
    lines.push('');
  }
  const { passed, failed } = reconciliation.checks;
  lines.push(`${passed + failed} checks of stated totals and plans: ${passed} agree, ${failed} differ`);
  if (reconciliation.notes.length > 0) {
    lines.push('', `${reconciliation.notes.length} quality notes (published with the data; the figures stay as printed):`);
    for (const note of reconciliation.notes) lines.push(`  ${note.code}  ${note.document}`, `    ${note.message}`);
  }
  return lines.join('\n');
}

/** The entries of the sources folder that were not read, named so that nothing is left out unsaid. */
export function formatSkipped(skipped: string[], limit = 20): string {
  if (skipped.length === 0) return '';
  const shown = skipped.slice(0, limit).map((path) => `  ${path}`);
  if (skipped.length > limit) shown.push(`  and ${skipped.length - limit} more`);
  return `not read (dot-files and dot-folders, notes, links): ${skipped.length}\n${shown.join('\n')}\n`;
}
