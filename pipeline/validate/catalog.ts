/**
 * What each publisher's datasets.yaml promises: every programme in exactly one programme
 * dataset, every document with observations in exactly one indicators dataset, all of
 * them the publisher's own, and names and ids unique across the portal. This is what
 * makes the conservation rule ("every figure in exactly one published row") hold.
 */
import type { ErrorCode } from '../errors/codes.ts';
import { formatPath, type Problem } from '../errors/problem.ts';
import { COMPARISON_DATASET_TITLE, PORTAL_DATASET_TITLE } from '../derive/datasets.ts';
import { ckanName } from '../publish/translit.ts';
import { uuidV5 } from '../publish/uuid.ts';
import type { Part, SourceTree } from './tree.ts';

/** Names the site's routes under /datasets/ take for themselves: the catalogue's facet pages (/datasets/theme/GOVE/) and its later pages (/datasets/page/2/). */
export const ROUTE_NAMES: readonly string[] = ['publisher', 'theme', 'year', 'format', 'page'];

/** Names and ids of the datasets the portal makes of its own: the portal-wide package and each publisher's register. */
function builtIn(tree: SourceTree): { names: Map<string, string>; ids: Map<string, string> } {
  const names = new Map<string, string>([[ckanName(PORTAL_DATASET_TITLE), 'the portal-wide package'], [ckanName(COMPARISON_DATASET_TITLE), 'the shared indicators\' dataset']]);
  const ids = new Map<string, string>([[uuidV5('portal/all'), 'the portal-wide package'], [uuidV5('portal/shared-indicators'), 'the shared indicators\' dataset']]);
  for (const name of ROUTE_NAMES) names.set(name, `the catalogue's pages /datasets/${name}/…`);
  for (const { publisher } of tree.publishers) {
    names.set(ckanName(`Реєстр наборів даних ${publisher.data.name.uk}`), `the register of ${publisher.data.id}`);
    ids.set(uuidV5(`${publisher.data.id}/register`), `the register of ${publisher.data.id}`);
  }
  return { names, ids };
}

export function checkCatalog(tree: SourceTree, broken: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const report = (part: Part<unknown>, path: PropertyKey[], code: ErrorCode, message: string, hint: string) => {
    const pos = part.file.locate(path);
    // Stryker disable next-line OptionalChaining: the locator falls back to the nearest field written (the file's start at worst): a problem always has a position
    problems.push({ code, file: part.file.path, line: pos?.line, column: pos?.column, path: formatPath(path), message, hint });
  };
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  const own = builtIn(tree);

  for (const publisher of tree.publishers) {
    const catalog = publisher.catalog;
    const catalogPath = `${publisher.folder}/datasets.yaml`;
    if (broken.has(catalogPath)) continue;
    const programmes = new Set(publisher.documents.flatMap((d) => (d.programme ? [d.programme.data.id] : [])));
    // A document whose observations file could not be read has observations all the same: its problems say why.
    // A programme.yaml that failed its schema is no programme here: its problems say why, and a dataset naming it waits for that fix.
    const programmeBroken = [...broken].some((path) => path.startsWith(`${publisher.folder}/`) && path.endsWith('/programme.yaml'));
    const observationsBroken = (folder: string) => broken.has(`${folder}/observations.yaml`) || broken.has(`${folder}/observations.csv`);
    const withObservations = new Set(publisher.documents.filter((d) => d.observations || observationsBroken(d.folder)).map((d) => d.document.data.id));
    const ownDocuments = new Set(publisher.documents.map((d) => d.document.data.id));
    const programmeList = [...programmes].slice(0, 10).join(', ') + (programmes.size > 10 ? ', …' : '');
    const documentList = [...ownDocuments].slice(0, 10).join(', ') + (ownDocuments.size > 10 ? ', …' : '');
    const placedProgrammes = new Map<string, number>();
    const placedDocuments = new Map<string, number>();

    catalog?.data.datasets.forEach((entry, i) => {
      const name = entry.name ?? ckanName(entry.title);
      const nameField = ['datasets', i, entry.name ? 'name' : 'title'];
      const previousName = names.get(name);
      if (name.length < 2) {
        report(catalog, nameField, 'E_NAME_INVALID', `the title gives the dataset the name "${name}": a name needs at least 2 Latin letters or digits`, 'Give the dataset an explicit `name:` of 2–100 lowercase Latin letters, digits, "-" or "_" (the title has too few Ukrainian or Latin letters to make one).');
      } else if (own.names.has(name)) {
        report(catalog, nameField, 'E_NAME_INVALID', `the dataset name "${name}" is the name of ${own.names.get(name)}`, 'Give the dataset an explicit `name:` of its own; the portal keeps this one for what it makes itself.');
      } else if (previousName) {
        report(catalog, nameField, 'E_ID_DUPLICATE', `the dataset name "${name}" is already used in ${previousName}`, 'Dataset names are unique across the portal; give this one an explicit `name`.');
      }
      names.set(name, catalogPath);
      const id = entry.id ?? uuidV5(`${publisher.folder}/${name}`);
      const idField = ['datasets', i, entry.id ? 'id' : nameField.at(-1)!];
      const previousId = own.ids.get(id) ?? ids.get(id);
      if (previousId) report(catalog, idField, 'E_ID_DUPLICATE', `the dataset id ${id}${entry.id ? '' : `, derived from the name "${name}",`} is already the id of ${previousId}`, entry.id ? 'Each dataset has its own UUID.' : 'Give the dataset an explicit `id:` (a new UUID) or another `name:`.');
      ids.set(id, catalogPath);
      if (entry.programme !== undefined) {
        if (!programmes.has(entry.programme) && !programmeBroken) {
          report(catalog, ['datasets', i, 'programme'], 'E_REF_UNKNOWN', `${publisher.folder} has no programme "${entry.programme}"`, `A programme dataset names a programme of its own publisher${programmes.size ? ` (here: ${programmeList})` : ''}.`);
        }
        placedProgrammes.set(entry.programme, (placedProgrammes.get(entry.programme) ?? 0) + 1);
      }
      entry.documents?.forEach((document, j) => {
        if (!ownDocuments.has(document)) {
          report(catalog, ['datasets', i, 'documents', j], 'E_REF_UNKNOWN', `${publisher.folder} has no document "${document}"`, `Name a document folder of this publisher (here: ${documentList}).`);
        } else if (!withObservations.has(document)) {
          report(catalog, ['datasets', i, 'documents', j], 'E_DATASET_COVERAGE', `the document "${document}" has no observations to publish`, 'List only documents with observations.yaml or observations.csv; a programme is published through its programme dataset.');
        }
        placedDocuments.set(document, (placedDocuments.get(document) ?? 0) + 1);
      });
    });

    const where = catalog ?? publisher.publisher;
    // Only programmes read whole are here (a file with problems is in no tree): each is placed once.
    for (const programme of programmes) {
      const count = placedProgrammes.get(programme) ?? 0;
      if (count !== 1) {
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
