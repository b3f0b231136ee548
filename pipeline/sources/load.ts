/**
 * Stage 1, load: bytes → parsed YAML/CSV with a way back from any field to its line and
 * column. Nothing here judges the content; it only reads it, or says why it cannot.
 */
import Papa from 'papaparse';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../errors/problem.ts';
import type { SourceFiles } from '../io/files.ts';
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
}

export interface Loaded {
  files: LoadedFile[];
  problems: Problem[];
}

const READ_AHEAD = 64;

const DOCUMENT_FILES = new Set<string>(['document.yaml', 'programme.yaml', 'execution.yaml', 'observations.yaml', 'observations.csv', 'totals.yaml']);

/** Files an author may keep beside the sources; the pipeline does not read them. */
function ignored(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.')) || /\.(md|txt)$/i.test(path);
}

export async function loadSources(files: SourceFiles): Promise<Loaded> {
  const problems: Problem[] = [];
  const loaded: LoadedFile[] = [];
  const paths = (await files.list()).filter((path) => !ignored(path));
  const folders = new Map<string, Set<string>>();

  const placed: string[] = [];
  for (const path of paths) {
    const parts = path.split('/');
    const name = parts.at(-1)!;
    const known =
      (parts.length === 1 && name === 'portal.yaml') ||
      (parts.length === 2 && (name === 'publisher.yaml' || name === 'datasets.yaml')) ||
      (parts.length === 3 && DOCUMENT_FILES.has(name));
    if (!known) {
      problems.push({
        code: 'E_FILE_UNKNOWN',
        file: path,
        message: `${path} is not a file the authoring format knows`,
        hint: 'The sources folder holds portal.yaml and one folder per publisher; a publisher folder holds publisher.yaml, datasets.yaml and one folder per document; a document folder holds document.yaml and optionally programme.yaml, execution.yaml, observations.yaml or .csv, totals.yaml. See docs/authoring.md.',
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
    const text = decode(bytes, path, problems);
    if (text === undefined) continue;
    const file = name.endsWith('.csv') ? parseCsv(text, path, problems) : parseYaml(text, readAgain(files, path), path, problems);
    if (file === undefined) continue;
    loaded.push({
      path,
      name: (name === 'observations.csv' ? 'observations.yaml' : name) as SourceFileName,
      publisher: parts.length === 1 ? '' : parts[0]!,
      document: parts.length === 3 ? parts[1] : undefined,
      // A copy with strings of their own: a parser's strings are slices of the file's text (model/strings.ts).
      data: structuredClone(file.data),
      locate: file.locate,
    });
  }
  checkRequiredFiles(folders, problems);
  return { files: loaded, problems };
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

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decode(bytes: Uint8Array, path: string, problems: Problem[]): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).reduce((n, byte) => n + (byte === 0x0a ? 1 : 0), 1);
    problems.push({
      code: 'E_FILE_ENCODING',
      file: path,
      line,
      message: `the file is not UTF-8 (the first byte that is not, 0x${bytes[offset]?.toString(16).padStart(2, '0')}, is on line ${line})`,
      hint: 'Save the file as UTF-8. Files saved by older Windows programs are often windows-1251: re-save them with the encoding set to UTF-8.',
    });
    return undefined;
  }
  if (text.trim() === '') {
    problems.push({
      code: 'E_FILE_EMPTY',
      file: path,
      line: 1,
      message: 'the file is empty',
      hint: 'Fill it in, or delete it if the document has nothing of this kind.',
    });
    return undefined;
  }
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let end = 1; end <= bytes.length; end++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    } catch {
      return end - 1;
    }
  }
  return 0;
}

/**
 * js-yaml reads the data (about nine times faster than building a positioned document);
 * the positioned document is built only when a file has a syntax error or a later stage
 * asks where a field is written, which happens only for files with problems.
 */
function parseYaml(text: string, bytes: () => Uint8Array, path: string, problems: Problem[]): Pick<LoadedFile, 'data' | 'locate'> | undefined {
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA });
  } catch {
    const positioned = parsePositioned(text, path, problems);
    return positioned && { data: positioned.doc.toJS(), locate: positioned.locate };
  }
  let locate: Locator | undefined;
  return {
    data,
    // The text is not kept for a question that may never come.
    locate: (fieldPath, options) => {
      locate ??= parsePositioned(utf8.decode(bytes()), path, [])?.locate ?? (() => ({ line: 1, column: 1 }));
      return locate(fieldPath, options);
    },
  };
}

/**
 * Where a field is written is asked of few files (those with problems, the figures whose
 * quotes are missing), so no file's text is kept for it: the file is read again then. (A
 * function of its own, so the closure holds nothing of the loop that reads the files.)
 */
function readAgain(files: SourceFiles, path: string): () => Uint8Array {
  return () => files.readSync(path);
}

function parsePositioned(text: string, path: string, problems: Problem[]): { doc: Document; locate: Locator } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const seen = new Set<number>();
    for (const error of doc.errors) {
      // One slip often yields several errors at the same place; the first says it best.
      if (seen.has(error.pos[0])) continue;
      seen.add(error.pos[0]);
      const pos = lineCounter.linePos(error.pos[0]);
      problems.push({
        code: 'E_YAML_SYNTAX',
        file: path,
        line: pos.line,
        column: pos.col,
        message: error.message.split('\n')[0]!,
        hint: 'Check indentation (spaces, not tabs), the colon after each key, and quotes around text that contains ": " or starts with a special character.',
      });
    }
    return undefined;
  }
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const locate: Locator = (fieldPath, options) => {
    let node: unknown = doc.contents;
    let found: Position | undefined = node && (node as Node).range ? at((node as Node).range![0]) : { line: 1, column: 1 };
    for (const [index, key] of fieldPath.entries()) {
      const last = index === fieldPath.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) return found;
        const keyNode = pair.key as Node;
        if (last && options?.key) return keyNode.range ? at(keyNode.range[0]) : found;
        node = pair.value;
        const valueNode = node as Node | null;
        found = valueNode?.range ? at(valueNode.range[0]) : keyNode.range ? at(keyNode.range[0]) : found;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if ((node as Node | undefined)?.range) found = at((node as Node).range![0]);
      } else {
        return found;
      }
    }
    return found;
  };
  return { doc, locate };
}

const CSV_FIELDS = ['section', 'id', 'indicator', 'code', 'value', 'unit', 'qualifier', 'period', 'quote', 'note'] as const;

/**
 * observations.csv → the same shape as observations.yaml: one group per run of rows with
 * the same section. Positions point at the row's line and the column's place in the header.
 */
function parseCsv(text: string, path: string, problems: Problem[]): Pick<LoadedFile, 'data' | 'locate'> | undefined {
  const rows: { line: number; cells: string[] }[] = [];
  const errors: Papa.ParseError[] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step(result) {
      // The cursor is where the row ends; its first line is after the blank lines before it.
      while (offset < text.length && (text[offset] === '\n' || text[offset] === '\r')) {
        if (text[offset] === '\n') line++;
        offset++;
      }
      rows.push({ line, cells: result.data });
      for (; offset < result.meta.cursor; offset++) if (text[offset] === '\n') line++;
      errors.push(...result.errors.map((error) => ({ ...error, row: rows.length - 1 })));
    },
  });
  if (errors.length > 0) {
    for (const error of errors) {
      problems.push({
        code: 'E_CSV_SYNTAX',
        file: path,
        line: rows[error.row ?? 0]?.line ?? 1,
        message: error.message,
        hint: 'Check the quotes: a cell with a comma, quote or line break is wrapped in double quotes, and a quote inside it is doubled ("").',
      });
    }
    return undefined;
  }
  const [header, ...body] = rows;
  const names = header!.cells.map((cell) => cell.trim());
  const unknown = names.filter((name) => !(CSV_FIELDS as readonly string[]).includes(name) && !/^dim\.[a-z0-9-]+$/.test(name));
  const missing = ['section', 'id', 'indicator', 'value', 'quote'].filter((name) => !names.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    problems.push({
      code: 'E_CSV_SYNTAX',
      file: path,
      line: 1,
      message: [
        unknown.length > 0 ? `unknown column(s) ${unknown.join(', ')}` : '',
        missing.length > 0 ? `missing column(s) ${missing.join(', ')}` : '',
      ].filter(Boolean).join('; '),
      hint: `Columns are ${CSV_FIELDS.join(', ')} and one dim.NAME column per dimension (docs/authoring.md).`,
    });
    return undefined;
  }
  const groups: { section: string; observations: Record<string, unknown>[] }[] = [];
  const lines: number[][] = [];
  for (const row of body) {
    const record: Record<string, unknown> = {};
    const dimensions: Record<string, string> = {};
    names.forEach((name, i) => {
      const cell = row.cells[i] ?? '';
      if (cell === '') return;
      if (name.startsWith('dim.')) dimensions[name.slice(4)] = cell;
      else if (name !== 'section') record[name] = cell;
    });
    if (Object.keys(dimensions).length > 0) record.dimensions = dimensions;
    const section = row.cells[names.indexOf('section')] ?? '';
    let group = groups.at(-1);
    if (!group || group.section !== section) {
      group = { section, observations: [] };
      groups.push(group);
      lines.push([]);
    }
    group.observations.push(record);
    lines.at(-1)!.push(row.line);
  }
  const locate: Locator = (fieldPath) => {
    const [, group, , index, field, sub] = fieldPath;
    if (typeof group !== 'number') return { line: 1, column: 1 };
    const line = typeof index === 'number' ? lines[group]?.[index] : lines[group]?.[0];
    if (line === undefined) return { line: 1, column: 1 };
    const columnName = field === 'dimensions' && sub !== undefined ? `dim.${String(sub)}` : field === undefined ? 'section' : String(field);
    const column = names.indexOf(typeof index === 'number' ? columnName : 'section');
    return { line, column: column < 0 ? 1 : column + 1 };
  };
  return { data: { groups }, locate };
}

export { FILE_SCHEMAS };
