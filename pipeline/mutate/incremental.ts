/**
 * What a later run may take over from Stryker's incremental file. Stryker reuses a
 * surviving mutant's result until a test is added that covers it; a test made stronger
 * under its old name, or any test at all for a mutant in module-level code (which has no
 * per-test coverage), would never be tried against it again. So only kills are kept:
 * every other mutant is tested again on every run. A kill is taken over while the test
 * that killed it still exists (Stryker checks that); `--force` tests everything again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface IncrementalReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

export function keepKills<Report extends IncrementalReport>(report: Report): Report {
  const files = Object.fromEntries(
    Object.entries(report.files).map(([name, file]) => [name, { ...file, mutants: file.mutants.filter((mutant) => mutant.status === 'Killed') }]),
  );
  return { ...report, files };
}

export function pruneIncrementalFile(path: string): void {
  if (!existsSync(path)) return;
  const report = JSON.parse(readFileSync(path, 'utf8')) as IncrementalReport;
  writeFileSync(path, JSON.stringify(keepKills(report)));
}
