/**
 * `npm run build -- --sources X --out Y`: the whole publish as one step. The data, the site
 * and its search index are built into a new generation of the output folder Y
 * (io/output-folder.ts), read back, and published together by one rename; on any problem the
 * new generation is removed and Y's current output stays as it was.
 *
 *   sources → data (pipeline) → site (Astro) → search index (pagefind) → read back → publish
 */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { buildPortal, type Built } from '../build.ts';
import type { Notice } from '../errors/notice.ts';
import type { Problem } from '../errors/problem.ts';
import { diskSources } from '../io/files.ts';
import type { History } from '../io/history.ts';
import { readIdentities, recordIdentities, writeUnchanged, UNCHANGED_FILE, type Identities, type IdentityFs } from '../io/file-identity.ts';
import { previousReuse, type ManifestFs } from '../io/manifest.ts';
import { openOutput, placementProblem, thisProcess, type Generation, type Identity, type OutputFolder, type OutputFs } from '../io/output-folder.ts';
import { folderSink, type FolderSink, type SinkFs } from '../io/output.ts';
import type { Reuse } from '../write/reuse.ts';
import { faultProblem, stepProblem, timeoutProblem } from './faults.ts';
import { readBack, type ReadBackFs } from './read-back.ts';
import type { SiteSteps, StepResult } from './site-steps.ts';

export interface RunOptions {
  sources: string;
  out: string;
  /** The project's folder: the output may not be it, contain it, or lie in its folders. */
  project: string;
  /** Make every dataset, taking nothing over from the previous output. */
  clean: boolean;
  siteUrl?: string | undefined;
  basePath?: string | undefined;
  /** Keep stack lines in the messages of failed steps. */
  debug?: boolean;
}

export type BuildFs = OutputFs & SinkFs & ManifestFs & ReadBackFs & IdentityFs & Pick<typeof nodeFs, 'statSync'>;

export interface RunDeps {
  fs?: BuildFs;
  history: (sources: string) => Promise<History>;
  /** The hash of the code that makes the files (io/code-version.ts). */
  version: string;
  steps: SiteSteps;
  /** Told what each stage is, as it starts. */
  progress?: (stage: string) => void;
  /** Given the way to stop the build at once, from a signal handler: the new output goes, the lock is let go. */
  stopper?: (stop: () => Promise<void>) => void;
  me?: Identity;
}

export type BuildOk = Extract<Built, { ok: true }>;

export type RunResult =
  | { ok: true; built: BuildOk; notices: Notice[]; folder: OutputFolder; search: string }
  | {
      ok: false;
      problems: Problem[];
      /** Problems of the sources, rather than of the build. */
      sources: boolean;
      notices: Notice[];
      /** The error behind a fault, for --debug. */
      cause?: unknown;
    };

const MAX_CHANGED_LISTED = 10;

export async function runBuild(options: RunOptions, deps: RunDeps): Promise<RunResult> {
  const fs = deps.fs ?? (nodeFs as BuildFs);
  const notices: Notice[] = [];
  const fail = (problem: Problem, cause?: unknown): RunResult => ({ ok: false, problems: [problem], sources: false, notices, cause });
  let stage = 'checking the output folder';
  let opened: OutputFolder | Problem;
  try {
    const refused = sourcesProblem(options.sources, fs) ?? placementProblem(options.out, options.sources, options.project, fs);
    if (refused) return fail(refused);
    stage = 'opening the output folder';
    opened = openOutput(options.out, fs, deps.me ?? thisProcess);
  } catch (error) {
    return fail(faultProblem(error, stage), error);
  }
  if ('code' in opened) return fail(opened);
  const folder = opened;
  notices.push(...folder.notices);
  let sink: FolderSink | undefined;
  let published = false;
  const stop = async () => {
    try {
      if (!published) {
        sink?.seal();
        await Promise.all([sink?.drain(), deps.steps.stop()]);
        folder.discard();
      }
    } finally {
      folder.release();
    }
  };
  deps.stopper?.(stop);
  try {
    stage = 'reading the previous output';
    // What the file system says of the previous output's files, recorded once it was published: those it vouches for are not read.
    const identities = options.clean || !folder.previous ? undefined : readIdentities(folder.previous.folder, fs);
    const { reuse, changed } = await prepareReuse(folder.previous, options.clean, deps.version, identities, fs, notices);
    const unchanged = identities ? writeUnchanged(identities, join(folder.next.folder, UNCHANGED_FILE), 'data', fs) : undefined;

    stage = 'building the data';
    deps.progress?.(stage);
    sink = folderSink(folder.next.data, folder.previous?.data, fs);
    const built = await buildPortal({
      reuse,
      files: diskSources(options.sources),
      history: await deps.history(options.sources),
      siteUrl: options.siteUrl,
      basePath: options.basePath,
      sink,
    });
    if (!built.ok) return { ok: false, problems: built.problems, sources: true, notices };
    await sink.finish();
    if (changed.length > 0) notices.push(changedNotice(changed));

    stage = 'building the site';
    deps.progress?.(stage);
    const site = await deps.steps.site(folder.next, options.clean ? undefined : folder.previous, unchanged);
    if (!site.ok) return fail(failedStep('the site', site, options.debug ?? false));

    stage = 'indexing the site for search';
    deps.progress?.(stage);
    const search = await deps.steps.search(folder.next, options.clean ? undefined : folder.previous, unchanged);
    if (!search.ok) return fail(failedStep('the search index', search, options.debug ?? false));
    if (unchanged) fs.rmSync(unchanged, { force: true });

    stage = 'reading the new output back';
    deps.progress?.(stage);
    const unread = readBack(folder.next, fs);
    if (unread) return fail(unread);

    stage = 'publishing';
    notices.push(...folder.publish());
    published = true;
    notices.push(...recordAfterPublish(folder.next.folder, fs));
    return { ok: true, built, notices, folder, search: search.output.split('\n').at(-1) ?? '' };
  } catch (error) {
    return fail(faultProblem(error, stage), error);
  } finally {
    try {
      if (!published) {
        sink?.seal();
        await sink?.drain();
        folder.discard();
      }
    } finally {
      folder.release();
    }
  }
}

/** The problem of a site step that failed or ran past its time limit. */
function failedStep(step: 'the site' | 'the search index', result: StepResult, debug: boolean): Problem {
  return result.timedOut === undefined ? stepProblem(step, result.output, debug) : timeoutProblem(step, result.timedOut, result.output);
}

/** Why `sources` cannot be read as a sources folder, if it cannot. */
export function sourcesProblem(sources: string, fs: Pick<typeof nodeFs, 'statSync'> = nodeFs): Problem | undefined {
  const problem = (message: string): Problem => ({ code: 'E_SOURCES_MISSING', file: sources, message, hint: 'Give --sources the folder of the sources (by default `datasets/` in the project).' });
  try {
    if (!fs.statSync(sources).isDirectory()) return problem(`The sources folder ${sources} is a file, not a folder.`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return problem(`There is no sources folder ${sources}.`);
    return faultProblem(error, 'reading the sources folder');
  }
  return undefined;
}

/** What the build may take over from the previous output, after checking it against its manifest (io/manifest.ts, as the benchmark's rebuild does). */
async function prepareReuse(previous: Generation | undefined, clean: boolean, version: string, identities: Identities | undefined, fs: BuildFs, notices: Notice[]): Promise<{ reuse: Reuse; changed: string[] }> {
  const { reuse, notice, check } = await previousReuse(clean ? undefined : previous?.data, version, identities?.under('data'), fs);
  if (notice) notices.push(notice);
  return { reuse, changed: check?.changed ?? [] };
}

/**
 * The identity of every file of the output just published, as the file system gives it now
 * that nothing more is linked to or from them (io/file-identity.ts): the next build takes
 * those still the same over without reading them. Without the record it reads them.
 */
function recordAfterPublish(generation: string, fs: BuildFs): Notice[] {
  try {
    recordIdentities(generation, fs);
    return [];
  } catch (error) {
    return [{ code: 'N_FILES_UNRECORDED', message: `the files of the new output could not be recorded as the file system gives them (${(error as NodeJS.ErrnoException).code ?? String(error)}); the next build reads back every file it takes over` }];
  }
}

function changedNotice(changed: string[]): Notice {
  const listed = changed.slice(0, MAX_CHANGED_LISTED).map((line) => `\n  ${line}`).join('');
  const more = changed.length > MAX_CHANGED_LISTED ? `\n  and ${changed.length - MAX_CHANGED_LISTED} more` : '';
  return { code: 'N_FILE_CHANGED', message: `${changed.length === 1 ? 'a file of the previous output differs' : `${changed.length} files of the previous output differ`} from its manifest; made again, not taken over:${listed}${more}` };
}
