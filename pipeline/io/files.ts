/**
 * The file system, passed into the stages so each one is testable without a disk and a
 * build reads nothing it was not given.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface SourceFiles {
  /** Every file below the root: relative paths with forward slashes, sorted. */
  list(): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
  /** The same, at once: for the rare second look at a file (where a field is written), so that no file has to be held for it. */
  readSync(path: string): Uint8Array;
}

export function diskSources(root: string): SourceFiles {
  return {
    async list() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
        .sort();
    },
    async read(path) {
      return readFile(join(root, path));
    },
    readSync(path) {
      return readFileSync(join(root, path));
    },
  };
}

export function memorySources(files: Record<string, string | Uint8Array>): SourceFiles {
  const encoder = new TextEncoder();
  const bytesOf = (path: string) => {
    const content = files[path];
    if (content === undefined) throw new Error(`no such file: ${path}`);
    return typeof content === 'string' ? encoder.encode(content) : content;
  };
  return {
    async list() {
      return Object.keys(files).sort();
    },
    async read(path) {
      return bytesOf(path);
    },
    readSync: bytesOf,
  };
}
