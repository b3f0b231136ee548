/**
 * What loading and shape validation made of each valid source file, kept beside the manifest
 * for the next build (not published). Both are functions of the file's bytes, its name (which
 * says how it is parsed and which schema reads it) and the code: a file whose SHA-256 and name
 * are those of a file found valid then is not parsed and checked again, its data is read from
 * here. The checks across files, normalize and reconcile still run on the whole tree.
 *
 * One line a file, `["SHA-256","name",data]`, after a first line with the layout and the key
 * (the code's version and the platform's Unicode data, which the checks of text depend on).
 * The manifest records the file's size and SHA-256, so a file cut short or changed since is
 * never read; anything amiss (another layout or key, a line that does not parse) and the files
 * are parsed and checked again, as in a clean build. An invalid file is never kept.
 */
import { createHash } from 'node:crypto';
import type { Sink } from '../io/output.ts';
import type { FileSum } from '../write/reuse.ts';

/** Where the record lies in the output, beside the manifest (not published). */
export const KEPT_FILES_PATH = 'sources.jsonl';
/** The record's layout; one of another layout is not read. */
export const KEPT_FILES_FORMAT = 1;

export interface SourceRecord {
  /** The data of a valid file of this name and SHA-256, as a check made it, if known: a copy of its own at each call. */
  find(name: string, digest: string): { data: unknown } | undefined;
  /** A file this check found valid, with its data as shape validation made it. */
  keep(name: string, digest: string, data: unknown): void;
  /** Files found here rather than parsed and checked. */
  readonly found: number;
}

export interface KeptFiles extends SourceRecord {
  /** The record for the next build: the files kept by this record's own checks, in the order kept. */
  bytes(): Uint8Array;
  /**
   * A record for checking other sources beside the build's own (an earlier commit's): it finds
   * what this one finds, and keeps what it is given for itself, not for the next build.
   */
  aside(): SourceRecord;
}

/** What the kept data depends on besides each file's bytes and name: the code, and the platform's Unicode (the text checks). */
export function keptFilesKey(version: string): string {
  return createHash('sha256').update(JSON.stringify([version, process.versions.unicode ?? null, process.versions.icu ?? null])).digest('hex');
}

/** A line's start, up to its data: the file's SHA-256 and name. */
const LINE = /^\["([0-9a-f]{64})","([a-z]+\.[a-z]+)",/;

const entry = (name: string, digest: string) => `${name} ${digest}`;

/** A line of the record, as bytes (its line feed included), and where in it the data's JSON lies. */
interface Line {
  bytes: Buffer;
  data: [start: number, end: number];
}

/**
 * The record the previous build kept, when it is there with the size and SHA-256 its manifest
 * records, of this layout and made under `key`; else an empty one. Either way it keeps what
 * this build's check finds valid, for the next build.
 */
export function readKeptFiles(sink: Pick<Sink, 'previous'>, sum: Omit<FileSum, 'path'> | undefined, key: string): KeptFiles {
  const previous = previousLines(sink, sum, key);
  const kept = new Map<string, Line>();
  const own = finder((at) => previous.get(at));
  return {
    find: own.find,
    keep(name, digest, data) {
      const at = entry(name, digest);
      if (kept.has(at)) return;
      // A file found here is written again as it was read, not made into text again.
      const line = own.parsed(at) ? previous.get(at) : lineOf(name, digest, data);
      if (line !== undefined) kept.set(at, line);
    },
    get found() {
      return own.found();
    },
    bytes: () => Buffer.concat([Buffer.from(`${JSON.stringify({ format: KEPT_FILES_FORMAT, key })}\n`), ...[...kept.values()].map((line) => line.bytes)]),
    aside() {
      const aside = new Map<string, Line>();
      const finds = finder((at) => aside.get(at) ?? kept.get(at) ?? previous.get(at));
      return {
        find: finds.find,
        keep(name, digest, data) {
          const at = entry(name, digest);
          if (finds.parsed(at) || aside.has(at) || kept.has(at)) return;
          const line = lineOf(name, digest, data);
          if (line !== undefined) aside.set(at, line);
        },
        get found() {
          return finds.found();
        },
      };
    },
  };
}

/** Finds files' data by their lines, counting those found; a line whose data does not parse is not found. */
function finder(lineAt: (at: string) => Line | undefined) {
  const parsed = new Set<string>();
  let found = 0;
  return {
    find(name: string, digest: string): { data: unknown } | undefined {
      const at = entry(name, digest);
      const line = lineAt(at);
      if (line === undefined) return undefined;
      let data: unknown;
      try {
        data = JSON.parse(line.bytes.toString('utf8', ...line.data));
      } catch {
        return undefined;
      }
      parsed.add(at);
      found++;
      return { data };
    },
    parsed: (at: string) => parsed.has(at),
    found: () => found,
  };
}

/** A file's line: its data as JSON, when JSON gives the data back as it is. */
function lineOf(name: string, digest: string, data: unknown): Line | undefined {
  const text = jsonText(data);
  if (text === undefined) return undefined;
  const start = `[${JSON.stringify(digest)},${JSON.stringify(name)},`;
  const bytes = Buffer.from(`${start}${text}]\n`);
  return { bytes, data: [start.length, bytes.length - 2] };
}

/** The previous record's lines, by file, when it is the one the manifest records and of this layout and key. */
function previousLines(sink: Pick<Sink, 'previous'>, sum: Omit<FileSum, 'path'> | undefined, key: string): Map<string, Line> {
  const lines = new Map<string, Line>();
  const recorded = sum && previousAsRecorded(sink, KEPT_FILES_PATH, sum);
  if (!recorded) return lines;
  const bytes = Buffer.from(recorded.buffer, recorded.byteOffset, recorded.length);
  const first = bytes.indexOf(10);
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, first < 0 ? bytes.length : first));
  } catch {
    return lines;
  }
  const { format, key: madeUnder } = (header ?? {}) as { format?: unknown; key?: unknown };
  if (format !== KEPT_FILES_FORMAT || madeUnder !== key) return lines;
  for (let start = first + 1; start > 0 && start < bytes.length; ) {
    const end = bytes.indexOf(10, start);
    if (end < 0) break;
    // The start of a line is ASCII: its digest and name.
    const match = LINE.exec(bytes.toString('latin1', start, Math.min(end, start + 100)));
    if (match && bytes[end - 1] === 0x5d) lines.set(entry(match[2]!, match[1]!), { bytes: bytes.subarray(start, end + 1), data: [match[0].length, end - start - 1] });
    start = end + 1;
  }
  return lines;
}

/** A file of the previous output, when it has exactly the size and SHA-256 recorded. */
function previousAsRecorded(sink: Pick<Sink, 'previous'>, path: string, sum: Omit<FileSum, 'path'>): Uint8Array | undefined {
  const bytes = sink.previous?.(path, 0, sum.bytes);
  if (!bytes || bytes.length !== sum.bytes || sink.previous!(path, sum.bytes, sum.bytes + 1) !== undefined) return undefined;
  return createHash('sha256').update(bytes).digest('hex') === sum.sha256 ? bytes : undefined;
}

/**
 * The data as JSON text, when JSON gives it back as it is: plain maps and lists of text,
 * finite numbers (not -0), true, false and null. Anything else is not kept.
 */
function jsonText(data: unknown): string | undefined {
  return plain(data) ? JSON.stringify(data) : undefined;
}

function plain(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !plain(value[i])) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) if (!plain((value as Record<string, unknown>)[key])) return false;
  return true;
}
