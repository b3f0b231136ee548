/**
 * The portal-wide package taken over whole. It reads every source file, so it is keyed by all
 * of them (with its description, its tables' shapes, the settings and the code): a commit
 * that changes no source, only history or nothing at all, finds the same key, and the
 * package's files (its whole tables, workbook and descriptions) and every part's are linked
 * from the previous output instead of being made, once each is known by a stat to be the
 * file recorded after that output was published (io/file-identity.ts), or else read back at
 * the size and SHA-256 the manifest records. What the catalogues and the site read of it
 * comes from `kept/{name}.json`, as for the datasets of the catalogue.
 */
import { createHash } from 'node:crypto';
import type { StreamedDataset } from '../derive/datasets.ts';
import type { Sink } from '../io/output.ts';
import type { Dataset } from '../publish/types.ts';
import type { DatasetFiles } from './dataset-files.ts';
import { listOf, partFolder, partName } from './portal-parts.ts';
import type { FileList, FileSum, InputKey, Manifest, ManifestEntry } from './reuse.ts';
import type { KeptSum } from './writers.ts';

/** The key of a streamed dataset by what it reads: every source file. */
export function streamedInputKey(dataset: Dataset, inputKey: InputKey): string {
  return inputKey({ ...dataset, shapes: dataset.tables }, inputKey.everything);
}

export interface TakenStreamed {
  files: Omit<DatasetFiles, 'files' | 'catalogue'> & { reused: string[] };
  kept: Dataset;
  keptSum: KeptSum;
  parts: FileList[];
}

/** Bytes read at a time when a file taken over is checked. */
const CHUNK = 8 * 1024 * 1024;

/** Whether a file of the previous output is, by a stat, the one recorded after it was published (Reuse.untouched). */
export type Untouched = (path: string, bytes: number) => boolean;

/**
 * Whether the previous output's file is the one the manifest records: the file recorded
 * (`untouched`), or else its size and SHA-256, read a chunk at a time.
 */
export function unchangedOnDisk(sink: Sink, path: string, sum: Pick<FileSum, 'bytes' | 'sha256'>, untouched?: Untouched): boolean {
  if (!sink.previous) return false;
  if (untouched?.(path, sum.bytes)) return true;
  const hash = createHash('sha256');
  for (let at = 0; at < sum.bytes; at += CHUNK) {
    const end = Math.min(at + CHUNK, sum.bytes);
    const bytes = sink.previous(path, at, end);
    if (!bytes || bytes.length !== end - at) return false;
    hash.update(bytes);
  }
  // Nothing past the recorded size.
  return sink.previous(path, sum.bytes, sum.bytes + 1) === undefined && hash.digest('hex') === sum.sha256;
}

/**
 * The streamed dataset's files and its parts' as the previous build made them, when it
 * recorded the same key and every file is as it recorded; undefined (the dataset is made)
 * otherwise. `readKept` reads what the previous build kept of the dataset.
 */
export function takeOverStreamed(
  { dataset }: StreamedDataset,
  key: string,
  sink: Sink,
  previous: Manifest | undefined,
  folder: string,
  readKept: (sum: KeptSum) => Dataset | undefined,
  untouched?: Untouched,
): TakenStreamed | undefined {
  const entry = previous?.datasets[dataset.name];
  if (!entry || entry.key !== key || !entry.kept || !sink.reuse) return undefined;
  const parts: [string, ManifestEntry][] = [];
  for (const part of dataset.parts ?? []) {
    const name = partName(dataset.name, part.id);
    const before = previous!.datasets[name];
    if (!before?.tables) return undefined;
    parts.push([part.id, before]);
  }
  const files = [...entry.files.map((file) => [`${folder}/${file.path}`, file] as const), ...parts.flatMap(([id, before]) => before.files.map((file) => [`${folder}/${partFolder(id)}/${file.path}`, file] as const))];
  if (!files.every(([path, sum]) => unchangedOnDisk(sink, path, sum, untouched))) return undefined;
  const kept = readKept(entry.kept);
  if (!kept) return undefined;
  for (const [path] of files) sink.reuse(path);
  const lists = parts.map(([id, before]) => listOf(partName(dataset.name, id), before));
  const reused = entry.files.map((file) => file.path);
  return { files: { name: dataset.name, rows: entry.rows, written: entry.written, problems: [], reused, key, sums: entry.files, previousPiece: entry.catalogue }, kept, keptSum: entry.kept, parts: lists };
}

