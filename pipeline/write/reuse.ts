/**
 * Incremental builds. A dataset's files are a pure function of the dataset, the site address
 * and the pipeline's code, so a hash of those three names them: when the previous build made
 * a dataset under the same hash, its files are taken over as they are (hard links on disk)
 * instead of being made again. The manifest of hashes travels inside the output it
 * describes, so it can never speak of files other than those beside it; it records the size
 * and hash of every file, so that a file changed on disk since is made again, never taken over.
 */
import { createHash } from 'node:crypto';
import type { HistoryCounts } from '../history/versions.ts';
import type { FileStream } from '../io/output.ts';
import type { Owned } from '../derive/datasets.ts';
import type { Dataset, Row } from '../publish/types.ts';
import type { DatasetFiles, FileRecord } from './dataset-files.ts';
import type { PieceRanges } from './dcat.ts';
import type { DatasetWriter, WriterSettings } from './writers.ts';

export const MANIFEST_PATH = 'manifest.json';
/** The manifest's layout; a manifest of another is not read (everything is made again). */
export const MANIFEST_FORMAT = 4;

/** A file as it was published: its size and SHA-256. */
export interface FileSum {
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManifestEntry {
  key: string;
  rows: number;
  written: FileRecord[];
  /** Every file of the dataset's folder, paths inside it. */
  files: FileSum[];
  /** Where the dataset's piece of the catalogue lies in catalog.ttl and catalog.jsonld. */
  catalogue?: PieceRanges | undefined;
  /**
   * For a dataset keyed by its inputs (`inputKey`), what the build needs of it when it is
   * taken over without being made: the figures it publishes, and the size and hash of
   * `kept/{name}.json`, the dataset as the catalogues and the site read it (its first rows,
   * its tables' sizes), which is taken over with its files.
   */
  owned?: Owned | undefined;
  kept?: Omit<FileSum, 'path'> | undefined;
  /**
   * For a part of the portal-wide package keyed by its inputs: per table, its rows and the
   * first of them the package keeps, so that a part taken over need not be made at all.
   */
  tables?: PartTable[] | undefined;
}

/** A part's rows of one table: how many, and the first (at most the rows a dataset keeps). */
export interface PartTable {
  rows: number;
  first: Row[];
}

/** Where the dataset kept for the next build lies in the output (not published). */
export const keptPath = (name: string) => `kept/${name}.json`;

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  datasets: Record<string, ManifestEntry>;
  /** catalog.ttl and catalog.jsonld, whose pieces an incremental build takes over. */
  catalogue: FileSum[];
  /** The size and hash of what the build worked out of the history (history/kept-changes.ts), kept for the next. */
  history?: Omit<FileSum, 'path'> | undefined;
  /** The size and hash of what the check made of each valid source file (sources/kept-files.ts), kept for the next. */
  sources?: Omit<FileSum, 'path'> | undefined;
}

export interface Reuse {
  /** The previous build's manifest, if there is a previous build. */
  previous: Manifest | undefined;
  /** A hash of the code that makes the files (pipeline sources, locked dependencies). */
  version: string;
  /**
   * Whether the previous output still holds the dataset's files as its manifest records them
   * (io/manifest.ts reads them back); a dataset whose files differ is made again.
   */
  intact?: ((name: string, entry: ManifestEntry) => Promise<boolean>) | undefined;
  /**
   * Whether a file of the previous output (its path in the data folder) is, by a stat, the
   * very file recorded after that output was published (io/file-identity.ts), of `bytes`
   * bytes: then it is taken over without being read. Otherwise it is read back and hashed.
   */
  untouched?: ((path: string, bytes: number) => boolean) | undefined;
}

export interface ReuseCounts {
  made: number;
  reused: number;
  /** Datasets whose tables were made from the model (the rest were taken over by their inputs' key, not made). */
  derived?: number;
  /** The parts of the portal-wide package (write/portal-parts.ts), made and taken over; those whose rows were made (for the workbook, or to be written). */
  parts?: { made: number; reused: number; derived?: number };
  /** The comparisons of commits made for the change history (history/versions.ts). */
  history?: HistoryCounts;
  /** The build's source files: how many were parsed and checked, how many were found as the last build's check left them (sources/kept-files.ts). */
  sources?: { checked: number; found: number };
}

/** Rows hashed per piece: the portal-wide package as one JSON text would pass the longest string V8 holds. */
const ROWS_PER_PIECE = 2_000;

/** The key of what is made from a description and the source files it reads (`inputKeys`). */
export interface InputKey {
  (description: object, reads: readonly string[]): string;
  /** Every source file, for what reads them all (the portal-wide package's whole tables). */
  readonly everything: readonly string[];
}

/**
 * The key of a dataset made from its description and the source files it reads
 * (derive/datasets.ts, `reads`): the settings and code, the description (times, versions and
 * sources included; its `tables`, empty before it is made, left out), the bytes of every file
 * it reads, and of the portal's own files (the vocabularies of units and shared indicators,
 * the portal's settings), which any dataset may read. Known before the dataset is made, so an
 * unchanged one is neither made nor hashed. Given the digests of every source file, by path;
 * returns the key of one dataset, or of one part of the portal-wide package.
 */
export function inputKeys(digests: ReadonlyMap<string, string>, settings: WriterSettings, version: string): InputKey {
  const portal = [...digests].filter(([path]) => !path.includes('/')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const common = JSON.stringify([...settingsKey(settings, version), portal]);
  const key = (description: object, reads: readonly string[]) => {
    const { tables: _tables, ...rest } = description as { tables?: unknown };
    const own = [...new Set(reads)].sort().map((path) => [path, digests.get(path) ?? null]);
    return createHash('sha256').update(common).update('\n').update(JSON.stringify([rest, own])).digest('hex');
  };
  return Object.assign(key, { everything: [...digests.keys()] });
}

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
export function settingsKey({ siteUrl, basePath, portalTitle, portalContact, publisherContacts }: WriterSettings, version: string): unknown[] {
  return [version, siteUrl, basePath, portalTitle, portalContact ?? null, publisherContacts ?? []];
}

/**
 * Wraps a writer: a dataset whose key the previous manifest holds comes back with its file
 * paths in `reused` and nothing made; others are made by `inner`. Each result carries its key
 * for the next manifest.
 */
export function reusingWriter(inner: DatasetWriter, settings: WriterSettings, reuse: Reuse, counts: ReuseCounts): DatasetWriter {
  return {
    capacity: inner.capacity,
    async takeOver(name, key, readKept) {
      const before = reuse.previous?.datasets[name];
      if (before?.key !== key || !before.owned || !before.kept) return undefined;
      const kept = readKept(before.kept);
      if (!kept || !(await (reuse.intact?.(name, before) ?? true))) return undefined;
      counts.reused++;
      const reused = before.files.map((file) => file.path);
      return { name, files: [], reused, sums: before.files, written: before.written, rows: before.rows, problems: [], key, previousPiece: before.catalogue, owned: before.owned, kept, keptSum: before.kept };
    },
    async write(dataset, folder, key) {
      // A dataset keyed by its inputs comes here once takeOver has found it changed.
      if (key !== undefined) {
        counts.made++;
        return inner.write(dataset, folder, key);
      }
      const before = reuse.previous?.datasets[dataset.name];
      // Without a previous build, the key is computed by the inner writer, beside the files.
      if (before) {
        const key = datasetKey(dataset, settings, reuse.version);
        if (before.key === key && (await (reuse.intact?.(dataset.name, before) ?? true))) {
          counts.reused++;
          const reused = before.files.map((file) => file.path);
          return { name: dataset.name, files: [], reused, sums: before.files, written: before.written, rows: before.rows, problems: [], key, previousPiece: before.catalogue };
        }
      }
      counts.made++;
      return inner.write(dataset, folder);
    },
    close: () => inner.close(),
  };
}

/** What publish keeps of a dataset's files once their bytes are in the sink. */
export type FileList = Omit<DatasetFiles, 'files' | 'reused' | 'stored' | 'catalogue' | 'previousPiece'> & { paths: string[]; catalogue?: PieceRanges; owned?: Owned; kept?: Omit<FileSum, 'path'>; tables?: PartTable[] | undefined };

export function manifestOf(lists: FileList[], catalogue: FileSum[], history?: Omit<FileSum, 'path'>, sources?: Omit<FileSum, 'path'>): Manifest {
  const datasets: Record<string, ManifestEntry> = {};
  for (const list of lists) {
    if (list.key === undefined || list.sums === undefined || list.problems.length > 0) continue;
    datasets[list.name] = { key: list.key, rows: list.rows, written: list.written, files: list.sums, catalogue: list.catalogue, owned: list.owned, kept: list.kept, tables: list.tables };
  }
  return { format: MANIFEST_FORMAT, datasets, catalogue, ...(history ? { history } : {}), ...(sources ? { sources } : {}) };
}

/**
 * The size and hash of each of a dataset's files, in the order given: those of its tables and
 * workbook from their written records (hashed when they were made), the others hashed here.
 */
export function fileSums(files: { path: string; bytes: Uint8Array }[], written: readonly FileSum[], streamed: readonly string[] = []): FileSum[] {
  const known = new Map(written.map((file) => [file.path, file]));
  const sum = (path: string, bytes?: Uint8Array): FileSum => {
    const record = known.get(path);
    if (record) return { path, bytes: record.bytes, sha256: record.sha256 };
    if (!bytes) throw new Error(`${path}: streamed, but has no written record`);
    return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  return [...streamed.map((path) => sum(path)), ...files.map((file) => sum(file.path, file.bytes))];
}

/** A file written piece by piece that keeps its size and hash, for the manifest. */
export function summing(path: string, stream: FileStream): FileStream & { sum(): FileSum } {
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    write(piece) {
      stream.write(piece);
      hash.update(piece);
      bytes += piece.length;
    },
    close: () => stream.close(),
    discard: () => stream.discard(),
    sum: () => ({ path, bytes, sha256: hash.digest('hex') }),
  };
}
