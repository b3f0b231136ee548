/**
 * load → validate → normalize → reconcile: everything `npm run validate` does, as one pure
 * function of the source files. Every problem of a run is collected; none is thrown.
 */
import { sortProblems, type Problem } from './errors/problem.ts';
import type { SourceFiles } from './io/files.ts';
import type { Model } from './model/types.ts';
import { normalize } from './normalize/normalize.ts';
import { reconcile, type Reconciliation } from './reconcile/reconcile.ts';
import { loadSources } from './sources/load.ts';
import { checkCatalog } from './validate/catalog.ts';
import { checkReferences } from './validate/references.ts';
import { validateShapes } from './validate/shape.ts';
import { arrange } from './validate/tree.ts';

export type Checked =
  | { ok: true; model: Model; reconciliation: Reconciliation; problems: [] }
  | { ok: false; problems: Problem[] };

export async function checkSources(files: SourceFiles): Promise<Checked> {
  const loaded = await loadSources(files);
  const shapes = validateShapes(loaded.files);
  const tree = arrange(shapes.valid);
  const broken = new Set([...loaded.problems, ...shapes.problems].map((problem) => problem.file));
  const references = checkReferences(tree, broken);
  const catalog = checkCatalog(tree, broken);
  const normalized = normalize(tree);
  const problems = [...loaded.problems, ...shapes.problems, ...references, ...catalog, ...normalized.problems];
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, model: normalized.model, reconciliation: reconcile(normalized.model), problems: [] };
}
