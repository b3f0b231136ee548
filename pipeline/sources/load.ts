/**
 * Stage 1, load: bytes → parsed YAML/CSV with a way back from any field to its line and
 * column. Nothing here judges the content; it only reads it, or says why it cannot.
 */
import { createHash } from 'node:crypto';
import type { Problem } from '../errors/problem.ts';
import type { SourceFiles } from '../io/files.ts';
import { decode } from './decode.ts';
import { inspectData } from './inspect.ts';
import type { SourceRecord } from './kept-files.ts';
import { parseCsv } from './parse-csv.ts';
import { parseYaml } from './parse-yaml.ts';
import { FILE_SCHEMAS, type SourceFileName } from './schema.ts';

export interface Position {
  line: number;
  column: number;
}

/** From a field path to where it is written; `key` asks for the key rather than its value. */
export type Locator = (path: ReadonlyArray<PropertyKey>, options?: { key?: boolean }) => Position | undefined;

export interface LoadedFile {
  path: string;
  /** Which schema reads it (observations.csv reads as observations.yaml). */
  name: SourceFileName;
  publisher: string;
  document: string | undefined;
  data: unknown;
  locate: Locator;
  /** The SHA-256 of its bytes, when the check keeps a record of valid files (sources/kept-files.ts). */
  digest?: string | undefined;
  /**
   * Its data as shape validation made it, when the record holds a valid file of the same name
   * and bytes: it is neither parsed nor checked again.
   */
  shaped?: { data: unknown } | undefined;
}

export interface Loaded {
  files: LoadedFile[];
  problems: Problem[];
  /** What was not read: dot-files and dot-folders, notes (.md, .txt), links and other entries that are not files. */
  skipped: string[];
}

const READ_AHEAD = 64;

const DOCUMENT_FILES = new Set<string>(['document.yaml', 'programme.yaml', 'execution.yaml', 'observations.yaml', 'observations.csv', 'totals.yaml']);

/** Files an author may keep beside the sources; the pipeline does not read them. */
function ignored(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.')) || /\.(md|txt)$/i.test(path);
}

/**
 * Every source file read; with a record of the files a previous check found valid, a file of
 * the same name and bytes is taken from it instead of being parsed (`shaped`).
 */
export async function loadSources(files: SourceFiles, record?: SourceRecord): Promise<Loaded> {
  const problems: Problem[] = [];
  const loaded: LoadedFile[] = [];
  const listed = await files.list();
  const paths = listed.filter((path) => !ignored(path));
  const skipped = [...listed.filter(ignored), ...((await files.skipped?.()) ?? [])].sort();
  const folders = new Map<string, Set<string>>();

  const placed: string[] = [];
  for (const path of paths) {
    const parts = path.split('/');
    const name = parts.at(-1)!;
    const known =
      (parts.length === 1 && (name === 'portal.yaml' || name === 'units.yaml' || name === 'indicators.yaml')) ||
      (parts.length === 2 && (name === 'publisher.yaml' || name === 'datasets.yaml')) ||
      (parts.length === 3 && DOCUMENT_FILES.has(name));
    if (!known) {
      problems.push({
        code: 'E_FILE_UNKNOWN',
        file: path,
        line: 1,
        message: `${path} is not a file the authoring format knows`,
        hint: 'The sources folder holds portal.yaml, units.yaml, optionally indicators.yaml, and one folder per publisher; a publisher folder holds publisher.yaml, datasets.yaml and one folder per document; a document folder holds document.yaml and optionally programme.yaml, execution.yaml, observations.yaml or .csv, totals.yaml. See docs/authoring.md.',
      });
      continue;
    }
    placed.push(path);
    const folder = parts.slice(0, -1).join('/');  // '' for the sources root
    if (!folders.has(folder)) folders.set(folder, new Set());
    folders.get(folder)!.add(name);
  }

  // Reads run ahead of parsing: a file system answers many small reads at once far faster than one after another.
  const reads: Promise<Uint8Array>[] = [];
  const readAhead = (until: number) => {
    for (let i = reads.length; i < Math.min(until, placed.length); i++) reads.push(files.read(placed[i]!));
  };
  for (const [i, path] of placed.entries()) {
    readAhead(i + READ_AHEAD);
    const bytes = await reads[i]!;
    delete reads[i];
    const parts = path.split('/');
    const name = parts.at(-1)!;
    const where = { path, name: (name === 'observations.csv' ? 'observations.yaml' : name) as SourceFileName, publisher: parts.length === 1 ? '' : parts[0]!, document: parts.length === 3 ? parts[1] : undefined };
    const digest = record && (files.digest?.(path) ?? createHash('sha256').update(bytes).digest('hex'));
    const shaped = digest === undefined ? undefined : record!.find(name, digest);
    if (shaped) {
      loaded.push({ ...where, data: shaped.data, locate: locateAgain(files, path, name), digest, shaped });
      continue;
    }
    const text = decode(bytes, path, problems);
    if (text === undefined) continue;
    const file = name.endsWith('.csv') ? parseCsv(text, path, problems) : parseYaml(text, readAgain(files, path), path, problems);
    if (file === undefined) continue;
    const before = problems.length;
    inspectData(file.data, path, file.locate, problems);
    if (problems.length > before) continue;
    loaded.push({
      ...where,
      // A copy with strings of their own: a parser's strings are slices of the file's text (model/strings.ts).
      data: structuredClone(file.data),
      locate: file.locate,
      digest,
    });
  }
  checkRequiredFiles(folders, problems);
  return { files: loaded, problems, skipped };
}

function checkRequiredFiles(folders: Map<string, Set<string>>, problems: Problem[]) {
  if (!folders.get('')?.has('portal.yaml')) {
    problems.push({
      code: 'E_FILE_MISSING',
      file: 'portal.yaml',
      message: 'the sources folder has no portal.yaml',
      hint: 'Add portal.yaml with the catalogue\'s title, description, site URL and contact (docs/authoring.md).',
    });
  }
  const publishers = new Set([...folders.keys()].filter((folder) => folder !== '').map((folder) => folder.split('/')[0]!));
  for (const publisher of publishers) {
    if (!folders.get(publisher)?.has('publisher.yaml')) {
      problems.push({
        code: 'E_FILE_MISSING',
        file: `${publisher}/publisher.yaml`,
        message: `the publisher folder ${publisher}/ has no publisher.yaml`,
        hint: 'Add publisher.yaml with the council\'s names, codes and contact (docs/authoring.md).',
      });
    }
  }
  for (const [folder, names] of folders) {
    if (folder.includes('/') && !names.has('document.yaml')) {
      problems.push({
        code: 'E_FILE_MISSING',
        file: `${folder}/document.yaml`,
        message: `the document folder ${folder}/ has no document.yaml`,
        hint: 'Every document folder starts with document.yaml saying what the document is (docs/authoring.md).',
      });
    }
  }
  for (const [folder, names] of folders) {
    if (names.has('observations.yaml') && names.has('observations.csv')) {
      problems.push({
        code: 'E_FILE_UNKNOWN',
        file: `${folder}/observations.csv`,
        message: `${folder}/ has both observations.yaml and observations.csv`,
        hint: 'Keep a document\'s observations in one of the two files.',
      });
    }
  }
}

export { FILE_SCHEMAS };

/** The bytes decoded without fault the first time; a byte-order mark is dropped, as it was then. */
const utf8 = new TextDecoder();

/**
 * Where a field is written is asked of few files (those with problems, the figures whose
 * quotes are missing), so no file's text is kept for it: the file is read again then. (A
 * function of its own, so the closure holds nothing of the loop that reads the files.)
 */
function readAgain(files: SourceFiles, path: string): () => string {
  return () => utf8.decode(files.readSync(path));
}

/**
 * Where a field of a file taken from the record is written: the file is read and parsed again
 * when first asked, as it was when it was found valid, so a problem found in it across files
 * names the same line and column as in a clean check.
 */
function locateAgain(files: SourceFiles, path: string, name: string): Locator {
  let locate: Locator | undefined;
  return (fieldPath, options) => {
    locate ??= parsedAgain(files, path, name);
    return locate(fieldPath, options);
  };
}

function parsedAgain(files: SourceFiles, path: string, name: string): Locator {
  const text = readAgain(files, path)();
  const parsed = name.endsWith('.csv') ? parseCsv(text, path, []) : parseYaml(text, () => text, path, []);
  return parsed?.locate ?? (() => ({ line: 1, column: 1 }));
}
