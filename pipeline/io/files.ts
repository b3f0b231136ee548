/**
 * The file system, passed into the stages so each one is testable without a disk and a
 * build reads nothing it was not given.
 */
import { createHash } from 'node:crypto';
import { readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface SourceFiles {
  /** Every file below the root: relative paths with forward slashes, sorted. */
  list(): Promise<string[]>;
  /** Entries below the root that are not regular files (symbolic links, sockets…), which are not read. */
  skipped?(): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
  /** The same, at once: for the rare second look at a file (where a field is written), so that no file has to be held for it. */
  readSync(path: string): Uint8Array;
  /** The SHA-256 of a file already read, when the files keep them (`digestingSources`). */
  digest?(path: string): string | undefined;
}

export function diskSources(root: string): SourceFiles {
  const relativePath = (entry: Dirent) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
  let listing: Promise<Dirent[]> | undefined;
  const entries = () => (listing ??= readdir(root, { recursive: true, withFileTypes: true }));
  return {
    async list() {
      return (await entries()).filter((entry) => entry.isFile()).map(relativePath).sort();
    },
    async skipped() {
      return (await entries()).filter((entry) => !entry.isFile() && !entry.isDirectory()).map(relativePath).sort();
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

/**
 * The same files, each one's SHA-256 kept as it is read: what an incremental build keys each
 * dataset on (write/reuse.ts), at the cost of hashing the bytes the loader reads anyway.
 */
export function digestingSources(files: SourceFiles): { files: SourceFiles; digests: Map<string, string> } {
  const digests = new Map<string, string>();
  return {
    digests,
    files: {
      ...files,
      async read(path) {
        const bytes = await files.read(path);
        digests.set(path, createHash('sha256').update(bytes).digest('hex'));
        return bytes;
      },
      digest: (path) => digests.get(path),
    },
  };
}
