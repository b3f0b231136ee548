/**
 * load → validate → normalize → reconcile: everything `npm run validate` does, as one pure
 * function of the source files. Every problem of a run is collected; none is thrown.
 */
import { sortProblems, type Problem } from './errors/problem.ts';
import type { SourceFiles } from './io/files.ts';
import type { Model } from './model/types.ts';
import { normalize } from './normalize/normalize.ts';
import { reconcile, type Reconciliation } from './reconcile/reconcile.ts';
import type { SourceRecord } from './sources/kept-files.ts';
import { loadSources, type LoadedFile } from './sources/load.ts';
import { checkCatalog } from './validate/catalog.ts';
import { checkReferences } from './validate/references.ts';
import { checkIndicators } from './validate/indicators.ts';
import { checkResults } from './validate/results.ts';
import { validateShapes } from './validate/shape.ts';
import { arrange } from './validate/tree.ts';

export type Checked =
  | { ok: true; model: Model; reconciliation: Reconciliation; problems: []; skipped: string[] }
  | { ok: false; problems: Problem[]; skipped: string[] };

/** Problems one report lists; a tree with more gets the first of them and a count of the rest. */
export const MAX_PROBLEMS = 200;

/**
 * With a record (sources/kept-files.ts), a file a previous check found valid, of the same name
 * and bytes, is taken from it rather than parsed and checked again; the files found valid now
 * are kept in it. The problems are the same either way.
 */
export async function checkSources(files: SourceFiles, record?: SourceRecord): Promise<Checked> {
  const loaded = await loadSources(files, record);
  const shapes = validateShapes(loaded.files);
  if (record) keepValid(record, shapes.valid);
  const tree = arrange(shapes.valid);
  const broken = new Set([...loaded.problems, ...shapes.problems].map((problem) => problem.file));
  const references = checkReferences(tree, broken);
  const catalog = checkCatalog(tree, broken);
  const normalized = normalize(tree);
  // A figure named by a document whose observations could not be read is not judged.
  const unread = new Set(tree.publishers.flatMap((p) => p.documents.filter((d) => broken.has(`${d.folder}/observations.yaml`) || broken.has(`${d.folder}/observations.csv`)).map((d) => d.document.data.id)));
  const unreadDocuments = [...broken].some((path) => path.endsWith('/document.yaml'));
  const results = checkResults(normalized.model, [...broken].some((path) => path.endsWith('/programme.yaml')));
  const indicators = broken.has('indicators.yaml') ? [] : checkIndicators(normalized.model, (document) => !unreadDocuments && !unread.has(document));
  const problems = [...loaded.problems, ...shapes.problems, ...references, ...catalog, ...normalized.problems, ...results, ...indicators];
  const { skipped } = loaded;
  if (problems.length > 0) return { ok: false, problems: capProblems(sortProblems(problems)), skipped };
  return { ok: true, model: normalized.model, reconciliation: reconcile(normalized.model), problems: [], skipped };
}

/** Each valid file into the record, under its own name (observations.csv is parsed as CSV) and SHA-256. */
export function keepValid(record: SourceRecord, valid: ReadonlyMap<LoadedFile, unknown>): void {
  for (const [file, data] of valid) {
    if (file.digest !== undefined) record.keep(file.path.slice(file.path.lastIndexOf('/') + 1), file.digest, data);
  }
}

/** The first MAX_PROBLEMS problems in reading order, and one that counts the rest. */
export function capProblems(sorted: Problem[]): Problem[] {
  if (sorted.length <= MAX_PROBLEMS) return sorted;
  const rest = sorted.slice(MAX_PROBLEMS);
  const files = new Set(rest.map((problem) => problem.file));
  const codes = new Map<string, number>();
  for (const problem of rest) codes.set(problem.code, (codes.get(problem.code) ?? 0) + 1);
  const most = [...codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([code, count]) => `${count} ${code}`);
  return [
    ...sorted.slice(0, MAX_PROBLEMS),
    {
      code: 'E_TOO_MANY_PROBLEMS',
      file: rest[0]!.file,
      line: rest[0]!.line,
      message: `and ${rest.length} more problems in ${files.size} file${files.size === 1 ? '' : 's'} (${most.join(', ')}${codes.size > 3 ? ', …' : ''})`,
      hint: `Only the first ${MAX_PROBLEMS} problems are listed. Fix those and run again: many problems at once are often one slip repeated (a column shifted, a file in another encoding).`,
    },
  ];
}
