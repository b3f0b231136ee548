/**
 * Incremental builds. A dataset's files are a pure function of the dataset, the site address
 * and the pipeline's code, so a hash of those three names them: when the previous build made
 * a dataset under the same hash, its files are taken over as they are (hard links on disk)
 * instead of being made again. The manifest of hashes travels inside the output it
 * describes, so it can never speak of files other than those beside it.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../publish/types.ts';
import type { DatasetFiles, FileRecord } from './dataset-files.ts';
import type { PieceRanges } from './dcat.ts';
import type { DatasetWriter, WriterSettings } from './writers.ts';

export const MANIFEST_PATH = 'manifest.json';

export interface ManifestEntry {
  key: string;
  rows: number;
  written: FileRecord[];
  /** Every file of the dataset's folder. */
  files: string[];
  /** Where the dataset's piece of the catalogue lies in catalog.ttl and catalog.jsonld. */
  catalogue?: PieceRanges | undefined;
}

export interface Manifest {
  datasets: Record<string, ManifestEntry>;
}

export interface Reuse {
  /** The previous build's manifest, if there is a previous build. */
  previous: Manifest | undefined;
  /** A hash of the code that makes the files (pipeline sources, locked dependencies). */
  version: string;
}

export interface ReuseCounts {
  made: number;
  reused: number;
}

/** Rows hashed per piece: the portal-wide package as one JSON text would pass the longest string V8 holds. */
const ROWS_PER_PIECE = 2_000;

export function datasetKey(dataset: Dataset, settings: WriterSettings, version: string): string {
  const { tables, ...description } = dataset;
  const hash = createHash('sha256').update(JSON.stringify([...settingsKey(settings, version), description]));
  for (const { rows, ...table } of tables) {
    hash.update(JSON.stringify(table)).update(`\n${rows.length}\n`);
    for (let at = 0; at < rows.length; at += ROWS_PER_PIECE) hash.update(JSON.stringify(rows.slice(at, at + ROWS_PER_PIECE)));
  }
  return hash.digest('hex');
}

/** What of the settings a dataset's files and catalogue piece depend on. */
export function settingsKey({ siteUrl, basePath, portalTitle, portalContact }: WriterSettings, version: string): unknown[] {
  return [version, siteUrl, basePath, portalTitle, portalContact ?? null];
}

/**
 * Wraps a writer: a dataset whose key the previous manifest holds comes back with its file
 * paths in `reused` and nothing made; others are made by `inner`. Each result carries its key
 * for the next manifest.
 */
export function reusingWriter(inner: DatasetWriter, settings: WriterSettings, reuse: Reuse, counts: ReuseCounts): DatasetWriter {
  return {
    capacity: inner.capacity,
    async write(dataset, folder) {
      const before = reuse.previous?.datasets[dataset.name];
      // Without a previous build, the key is computed by the inner writer, beside the files.
      if (before) {
        const key = datasetKey(dataset, settings, reuse.version);
        if (before.key === key) {
          counts.reused++;
          return { name: dataset.name, files: [], reused: before.files, written: before.written, rows: before.rows, problems: [], key, previousPiece: before.catalogue };
        }
      }
      counts.made++;
      return inner.write(dataset, folder);
    },
    close: () => inner.close(),
  };
}

/** What publish keeps of a dataset's files once their bytes are in the sink. */
export type FileList = Omit<DatasetFiles, 'files' | 'reused' | 'stored' | 'catalogue' | 'previousPiece'> & { paths: string[]; catalogue?: PieceRanges };

export function manifestOf(lists: FileList[]): Manifest {
  const datasets: Record<string, ManifestEntry> = {};
  for (const list of lists) {
    if (list.key === undefined || list.problems.length > 0) continue;
    datasets[list.name] = { key: list.key, rows: list.rows, written: list.written, files: list.paths, catalogue: list.catalogue };
  }
  return { datasets };
}
