/**
 * The whole build as one function of its inputs: source files, history and site address
 * in; files into the given sink, or the problems that stopped it, out.
 *
 *   load → validate → normalize → reconcile   (check.ts)
 *   → derive → write → self-check             (here)
 */
import { checkSources } from './check.ts';
import { BasePath, HttpUrl } from './sources/schema.ts';
import { deriveDatasets, type PlannedDataset, type StreamedDataset } from './derive/datasets.ts';
import type { Problem } from './errors/problem.ts';
import { digestingSources, type SourceFiles } from './io/files.ts';
import type { History } from './io/history.ts';
import { memorySink, type OutputTree, type Sink, type Written } from './io/output.ts';
import type { Model } from './model/types.ts';
import { LOCAL_ORIGIN, makeUrls, type Urls } from './publish/urls.ts';
import type { Dataset } from './publish/types.ts';
import type { Reconciliation } from './reconcile/reconcile.ts';
import { publish, type DatasetSummary, type Publication } from './write/publish.ts';
import { readVersions, type VersionChanges } from './history/versions.ts';
import { changesKey, KEPT_CHANGES_PATH, keptChangesBytes, readKeptChanges } from './history/kept-changes.ts';
import { sha256 } from './write/dataset-files.ts';
import { KEPT_FILES_PATH, keptFilesKey, readKeptFiles } from './sources/kept-files.ts';
import { inputKeys, reusingWriter, type Reuse, type ReuseCounts } from './write/reuse.ts';
import { defaultThreads, makeWriter, POOL_THRESHOLD, writerSettings, type WriterSettings } from './write/writers.ts';
import { siteData, type SiteDataInput } from './write/site-data.ts';
import { siteFiles, siteFilesOnThread } from './write/site-files.ts';

export interface BuildOptions {
  files: SourceFiles;
  history: History;
  /** Where files go as they are made; in memory when not given (tests read `tree`). */
  sink?: Sink;
  /** Override portal.yaml's site_url and base_path (e.g. SITE_URL, BASE_PATH in CI). */
  siteUrl?: string | undefined;
  basePath?: string | undefined;
  /** Worker threads that write dataset files; 0 writes on this thread. By default, threads for large builds only. */
  threads?: number;
  /** Take over the files of datasets the previous build made under the same hash. */
  reuse?: Reuse;
}

export type Built =
  | { ok: true; published: boolean; tree: OutputTree; written: Written; model: Model; reconciliation: Reconciliation; datasets: Dataset[]; summary: DatasetSummary[]; counts: ReuseCounts; skipped: string[] }
  | { ok: false; problems: Problem[] };

export async function buildPortal(options: BuildOptions): Promise<Built> {
  // Each file's hash as it is read: an unchanged dataset is known by its files' (write/reuse.ts).
  const { files, digests } = digestingSources(options.files);
  const memory = options.sink ? undefined : memorySink();
  const sink = options.sink ?? memory!;
  // What the previous build's check made of each valid file: a file unchanged since is not parsed and checked again.
  let record = options.reuse ? readKeptFiles(sink, options.reuse.previous?.sources, keptFilesKey(options.reuse.version)) : undefined;
  const checked = await checkSources(files, record);
  if (!checked.ok) return checked;
  const overrides = checkOverrides(options);
  if (overrides.length > 0) return { ok: false, problems: overrides };
  const { model, reconciliation } = checked;
  const address = options.siteUrl ?? model.portal!.siteUrl;
  const urls = makeUrls(address ?? LOCAL_ORIGIN, options.basePath ?? model.portal!.basePath);
  const settings = writerSettings(model, urls, options.reuse?.version);
  const counts: ReuseCounts = { made: 0, reused: 0, derived: 0, parts: { made: 0, reused: 0, derived: 0 }, history: { compared: 0, taken: 0, checked: 0, derived: 0 } };
  if (record) counts.sources = { checked: digests.size - record.found, found: record.found };
  const keptSources = record && keepBeside(sink, KEPT_FILES_PATH, record.bytes());
  const threads = options.threads ?? (model.catalog.length >= POOL_THRESHOLD ? defaultThreads() : 0);
  // What changed in the data of each published version: the commits the previous build did not compare, checked and compared now.
  const key = options.reuse ? changesKey(settings, options.reuse.version, digests) : undefined;
  const kept = key === undefined ? undefined : readKeptChanges(sink, options.reuse?.previous?.history, key, options.reuse?.untouched);
  const { changes: versions, commits } = await readVersions({ history: options.history, urls, current: { files: options.files, digests, checked }, kept, counts: counts.history, record: record?.aside() });
  // Written, and used by the history: the sources' data as text, this build's and the last one's, need not outlive them.
  record = undefined;
  const keptHistory = key === undefined ? undefined : keepBeside(sink, KEPT_CHANGES_PATH, keptChangesBytes(key, commits));
  const { publication, conservation } = await writeDatasets({ model, reconciliation, history: options.history, versions, urls, sink, settings, threads, reuse: options.reuse, counts, digests, keptHistory, keptSources });
  const selfCheck = (message: string): Problem => ({
    code: 'E_SELF_CHECK',
    file: 'build',
    message,
    hint: 'The sources passed validation but a published file failed its own check: report this with the message; the previous output is untouched.',
  });
  if (conservation.length > 0) return { ok: false, problems: conservation.map(selfCheck) };
  if (publication.problems.length > 0) return { ok: false, problems: publication.problems.map(selfCheck) };
  const { datasets } = publication;
  await writeSiteData({ model, reconciliation, datasets, files: publication.files, urls, published: address !== undefined, buildTime: options.history.buildTime }, sink, threads > 0);
  return { ok: true, published: address !== undefined, tree: memory?.tree ?? new Map(), written: sink.written, model, reconciliation, datasets, summary: publication.summary, counts, skipped: checked.skipped };
}

/** What the build worked out for the next one (the history, the checked sources), into the sink beside the manifest: its size and hash. */
function keepBeside(sink: Sink, path: string, bytes: Uint8Array): { bytes: number; sha256: string } {
  sink.put(path, bytes);
  return { bytes: bytes.length, sha256: sha256(bytes) };
}

/** SITE_URL and BASE_PATH take the place of portal.yaml's fields, so they answer to the same rules. */
function checkOverrides(options: Pick<BuildOptions, 'siteUrl' | 'basePath'>): Problem[] {
  const problems: Problem[] = [];
  const check = (value: string | undefined, schema: ReturnType<typeof HttpUrl | typeof BasePath>, field: string, variable: string) => {
    const result = value === undefined ? undefined : schema.safeParse(value);
    if (result && !result.success) {
      problems.push({ code: 'E_FIELD_VALUE', file: 'portal.yaml', path: field, message: `${variable}=${JSON.stringify(value)} overrides ${field}: ${result.error.issues[0]!.message}`, hint: `Set ${variable} as ${field} in portal.yaml would be written (docs/authoring.md), or leave it unset.` });
    }
  };
  check(options.siteUrl, HttpUrl(), 'site_url', 'SITE_URL');
  check(options.basePath, BasePath(), 'base_path', 'BASE_PATH');
  return problems;
}

/**
 * The site's JSON, then the Latin vocabulary of every word in it, each file to the sink as it
 * is made; on a thread of its own when asked and the sink is a folder on disk.
 */
export async function writeSiteData(input: SiteDataInput, sink: Sink, onThread = false): Promise<Written> {
  const files = onThread && sink.disk ? siteFilesOnThread(sink.disk) : siteFiles((path, bytes) => sink.put(path, bytes));
  try {
    for (const [path, text] of siteData(input)) await files.add(path, text);
    return await files.end();
  } catch (error) {
    await files.stop();
    throw error;
  }
}

export interface WriteInput {
  model: Model;
  reconciliation: Reconciliation;
  history: History;
  /** Earlier versions' data, for each dataset's change history. */
  versions?: VersionChanges | undefined;
  urls: Urls;
  sink: Sink;
  settings: WriterSettings;
  threads: number;
  reuse?: Reuse | undefined;
  /** Datasets made and taken over, counted when reuse is given. */
  counts: ReuseCounts;
  /**
   * The SHA-256 of every source file, by path: with them a dataset of the catalogue is keyed
   * by what it reads, and taken over without being made when that did not change. Without
   * them, every dataset is made and keyed by its rows.
   */
  digests?: ReadonlyMap<string, string> | undefined;
  /** The size and hash of the history kept beside the manifest (history/kept-changes.ts). */
  keptHistory?: { bytes: number; sha256: string } | undefined;
  /** The size and hash of the record of checked source files kept beside the manifest (sources/kept-files.ts). */
  keptSources?: { bytes: number; sha256: string } | undefined;
}

/**
 * Derive and write: every dataset's files, the catalogues and the manifest into the sink;
 * then the figures no dataset publishes, or more than one does (conservation).
 */
export async function writeDatasets({ model, reconciliation, history, versions, urls, sink, settings, threads, reuse, counts, digests, keptHistory, keptSources }: WriteInput): Promise<{ publication: Publication; conservation: string[] }> {
  const derivation = deriveDatasets({ model, reconciliation, history, urls, versions });
  const maker = makeWriter(settings, threads);
  const writer = reuse ? reusingWriter(maker, settings, reuse, counts) : maker;
  const version = settings.version;
  const inputKey = digests && version !== undefined ? inputKeys(digests, settings, version) : undefined;
  const keyOf = inputKey && ((planned: PlannedDataset & { reads: string[] }) => inputKey(planned.description, planned.reads));
  let publication: Publication;
  try {
    // The portal-wide package is made when any source changed, and taken over whole when none did; its parts, per publisher, only when theirs change.
    const streamedCounts = reuse ? counts : undefined;
    publication = await publish({ model, datasets: counted(derivation.planned, counts), keyOf, inputKey, streamed: [partsCounted(derivation.portal, counts)], settings, urls, history, sink, writer, manifest: reuse !== undefined, previous: reuse?.previous, untouched: reuse?.untouched, partCounts: counts.parts, streamedCounts, keptHistory, keptSources });
  } finally {
    await writer.close();
  }
  return { publication, conservation: derivation.conservation() };
}

/** The streamed dataset, the making of each of its parts' rows counted. */
function partsCounted(streamed: StreamedDataset, counts: ReuseCounts): StreamedDataset {
  const parts = streamed.parts;
  if (!parts) return streamed;
  return {
    ...streamed,
    parts: {
      tables: parts.tables,
      *parts() {
        for (const part of parts.parts()) {
          yield {
            ...part,
            derive() {
              if (counts.parts) counts.parts.derived = (counts.parts.derived ?? 0) + 1;
              return part.derive();
            },
          };
        }
      },
    },
  };
}

/** The planned datasets, each one's making counted. */
function* counted(planned: Iterable<PlannedDataset>, counts: ReuseCounts): Generator<PlannedDataset> {
  for (const one of planned) {
    yield {
      ...one,
      derive() {
        counts.derived = (counts.derived ?? 0) + 1;
        return one.derive();
      },
    };
  }
}
