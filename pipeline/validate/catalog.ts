/**
 * What each publisher's datasets.yaml promises: every programme in exactly one programme
 * dataset, every document with observations in exactly one indicators dataset, all of
 * them the publisher's own, and names and ids unique across the portal. This is what
 * makes the conservation rule ("every figure in exactly one published row") hold.
 */
import type { ErrorCode } from '../errors/codes.ts';
import { formatPath, type Problem } from '../errors/problem.ts';
import { ckanName } from '../publish/translit.ts';
import type { Part, SourceTree } from './tree.ts';

export function checkCatalog(tree: SourceTree, broken: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const report = (part: Part<unknown>, path: PropertyKey[], code: ErrorCode, message: string, hint: string) => {
    const pos = part.file.locate(path);
    problems.push({ code, file: part.file.path, line: pos?.line, column: pos?.column, path: formatPath(path), message, hint });
  };
  const names = new Map<string, string>();
  const ids = new Map<string, string>();

  for (const publisher of tree.publishers) {
    const catalog = publisher.catalog;
    const catalogPath = `${publisher.folder}/datasets.yaml`;
    if (broken.has(catalogPath)) continue;
    const programmes = new Map(publisher.documents.flatMap((d) => (d.programme ? [[d.programme.data.id, d.folder] as const] : [])));
    const withObservations = new Set(publisher.documents.filter((d) => d.observations).map((d) => d.document.data.id));
    const ownDocuments = new Set(publisher.documents.map((d) => d.document.data.id));
    const placedProgrammes = new Map<string, number>();
    const placedDocuments = new Map<string, number>();

    catalog?.data.datasets.forEach((entry, i) => {
      const name = entry.name ?? ckanName(entry.title);
      const previousName = names.get(name);
      if (previousName) report(catalog, ['datasets', i, entry.name ? 'name' : 'title'], 'E_ID_DUPLICATE', `the dataset name "${name}" is already used in ${previousName}`, 'Dataset names are unique across the portal; give this one an explicit `name`.');
      names.set(name, catalogPath);
      if (entry.id) {
        const previousId = ids.get(entry.id);
        if (previousId) report(catalog, ['datasets', i, 'id'], 'E_ID_DUPLICATE', `the dataset id ${entry.id} is already used in ${previousId}`, 'Each dataset has its own UUID.');
        ids.set(entry.id, catalogPath);
      }
      if (entry.programme !== undefined) {
        if (!programmes.has(entry.programme)) {
          report(catalog, ['datasets', i, 'programme'], 'E_REF_UNKNOWN', `${publisher.folder} has no programme "${entry.programme}"`, `A programme dataset names a programme of its own publisher${programmes.size ? ` (here: ${[...programmes.keys()].join(', ')})` : ''}.`);
        }
        placedProgrammes.set(entry.programme, (placedProgrammes.get(entry.programme) ?? 0) + 1);
      }
      entry.documents?.forEach((document, j) => {
        if (!ownDocuments.has(document)) {
          report(catalog, ['datasets', i, 'documents', j], 'E_REF_UNKNOWN', `${publisher.folder} has no document "${document}"`, `Name a document folder of this publisher (here: ${[...ownDocuments].join(', ')}).`);
        } else if (!withObservations.has(document)) {
          report(catalog, ['datasets', i, 'documents', j], 'E_DATASET_COVERAGE', `the document "${document}" has no observations to publish`, 'List only documents with observations.yaml or observations.csv; a programme is published through its programme dataset.');
        }
        placedDocuments.set(document, (placedDocuments.get(document) ?? 0) + 1);
      });
    });

    const where = catalog ?? publisher.publisher;
    for (const [programme, folder] of programmes) {
      const count = placedProgrammes.get(programme) ?? 0;
      if (count !== 1 && !broken.has(`${folder}/programme.yaml`)) {
        report(where, ['datasets'], 'E_DATASET_COVERAGE', `the programme "${programme}" is in ${count} datasets of ${catalogPath}`, count === 0 ? 'Add a dataset with `programme: ' + programme + '` so its figures are published.' : 'Keep it in one dataset, so every figure is published once.');
      }
    }
    for (const document of withObservations) {
      const count = placedDocuments.get(document) ?? 0;
      if (count !== 1) {
        report(where, ['datasets'], 'E_DATASET_COVERAGE', `the observations of "${document}" are in ${count} datasets of ${catalogPath}`, count === 0 ? `Add "${document}" to the documents of an indicators dataset so its figures are published.` : 'Keep the document in one dataset, so every figure is published once.');
      }
    }
  }
  return problems;
}
