/**
 * The shape-valid files, arranged as the folders arrange them: publishers holding
 * documents holding their parts.
 */
import type { LoadedFile } from '../sources/load.ts';
import type {
  CatalogSource,
  PortalSource,
  DocumentSource,
  ExecutionSource,
  IndicatorVocabularySource,
  ObservationsSource,
  ProgrammeSource,
  PublisherSource,
  StatedTotalsSource,
  UnitsSource,
} from '../sources/schema.ts';

export interface Part<T> {
  file: LoadedFile;
  data: T;
}

export interface DocumentEntry {
  folder: string;
  publisher: string;
  document: Part<DocumentSource>;
  programme?: Part<ProgrammeSource>;
  execution?: Part<ExecutionSource>;
  observations?: Part<ObservationsSource>;
  totals?: Part<StatedTotalsSource>;
}

export interface PublisherEntry {
  folder: string;
  publisher: Part<PublisherSource>;
  catalog?: Part<CatalogSource>;
  documents: DocumentEntry[];
}

export interface SourceTree {
  portal?: Part<PortalSource>;
  units?: Part<UnitsSource>;
  /** The shared indicators (indicators.yaml), if the portal has them. */
  indicators?: Part<IndicatorVocabularySource>;
  publishers: PublisherEntry[];
}

const PART_KEYS: Record<string, 'programme' | 'execution' | 'observations' | 'totals'> = {
  'programme.yaml': 'programme',
  'execution.yaml': 'execution',
  'observations.yaml': 'observations',
  'totals.yaml': 'totals',
};

/**
 * Files of a folder whose publisher.yaml or document.yaml failed are left out: their
 * problems are already reported, and checking references against a half-read folder
 * would only add noise.
 */
export function arrange(valid: Map<LoadedFile, unknown>): SourceTree {
  const publishers = new Map<string, PublisherEntry>();
  const documents = new Map<string, DocumentEntry>();
  const files = [...valid.keys()].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of files) {
    if (file.name === 'publisher.yaml') {
      publishers.set(file.publisher, { folder: file.publisher, publisher: { file, data: valid.get(file) as PublisherSource }, documents: [] });
    }
  }
  for (const file of files) {
    if (file.name === 'document.yaml' && publishers.has(file.publisher)) {
      const folder = `${file.publisher}/${file.document}`;
      const entry: DocumentEntry = { folder, publisher: file.publisher, document: { file, data: valid.get(file) as DocumentSource } };
      documents.set(folder, entry);
      publishers.get(file.publisher)!.documents.push(entry);
    }
  }
  let portal: Part<PortalSource> | undefined;
  let units: Part<UnitsSource> | undefined;
  let indicators: Part<IndicatorVocabularySource> | undefined;
  for (const file of files) {
    if (file.name === 'indicators.yaml') indicators = { file, data: valid.get(file) as IndicatorVocabularySource };
    if (file.name === 'portal.yaml') portal = { file, data: valid.get(file) as PortalSource };
    if (file.name === 'units.yaml') units = { file, data: valid.get(file) as UnitsSource };
    if (file.name === 'datasets.yaml' && publishers.has(file.publisher)) {
      publishers.get(file.publisher)!.catalog = { file, data: valid.get(file) as CatalogSource };
    }
  }
  // The parts of a document: every other file is placed above, and has no key here.
  for (const file of files) {
    const key = PART_KEYS[file.name];
    if (!key) continue;
    const entry = documents.get(`${file.publisher}/${file.document}`);
    if (!entry) continue;
    (entry as unknown as Record<string, Part<unknown>>)[key] = { file, data: valid.get(file) };
  }
  return { ...(portal ? { portal } : {}), ...(units ? { units } : {}), ...(indicators ? { indicators } : {}), publishers: [...publishers.values()] };
}
