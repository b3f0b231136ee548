/**
 * Where the build writes. Files go to a sink as soon as they are made, so memory does not
 * grow with the portal. On disk the sink is a staging folder beside the target that is
 * swapped in with renames only after every check passed: a reader sees the previous build
 * or the new one, never half of one, and a failed build leaves the previous output as it was.
 */
import { closeSync, linkSync, mkdirSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type OutputTree = Map<string, Uint8Array>;

/** How many files, and how many bytes in them, a writer has written. */
export interface Written {
  files: number;
  bytes: number;
}

export interface Sink {
  put(path: string, bytes: Uint8Array): void;
  /** A file written piece by piece, for a file too large to hold at once. */
  open(path: string): FileStream;
  /**
   * Takes the file at `path` over from the output being replaced, unchanged (a sink on disk
   * links it); for incremental builds.
   */
  reuse?(path: string): void;
  /** Bytes [start, end) of a file of the output being replaced; undefined when it has no such file. */
  previous?(path: string, start: number, end: number): Uint8Array | undefined;
  /** Files and bytes written so far (files taken over count as files, not bytes). */
  readonly written: Written;
  /**
   * A sink on disk: the folder its paths are under, so that other threads can write files
   * into it themselves rather than hand their bytes to this one, and how to count them.
   */
  readonly disk?: { folder: string; wrote(files: number, bytes: number): void };
}

export interface FileStream {
  write(bytes: Uint8Array): void;
  close(): void;
  /** Stops writing when the build has failed: the file is not to be kept, only its handle let go. */
  discard(): void;
}

export function memorySink(): Sink & { tree: OutputTree } {
  const tree: OutputTree = new Map();
  const written = { files: 0, bytes: 0 };
  const sink: Sink & { tree: OutputTree } = {
    tree,
    written,
    put(path, bytes) {
      if (!tree.has(path)) written.files++;
      written.bytes += bytes.length;
      tree.set(path, bytes);
    },
    open(path) {
      const pieces: Uint8Array[] = [];
      return {
        write: (bytes) => void pieces.push(bytes),
        close: () => sink.put(path, Buffer.concat(pieces)),
        discard: () => void pieces.splice(0),
      };
    },
  };
  return sink;
}

export interface Staging extends Sink {
  /** Swap the staged folder in for the target. */
  commit(): Promise<void>;
  /** Remove the staged folder; the target stays as it was. */
  abort(): Promise<void>;
}

/** Writes in flight before put() waits by writing synchronously: bounds the bytes held. */
const MAX_PENDING_WRITES = 128;

/** A path's place under `root`, its folder made the first time it is asked for. */
export function placer(root: string): (path: string) => string {
  const folders = new Set<string>();
  return (path) => {
    const file = join(root, path);
    const folder = dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    return file;
  };
}

export async function stage(target: string): Promise<Staging> {
  const staging = `${target}.staging-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const place = placer(staging);
  const written = { files: 0, bytes: 0 };
  // Files are written on libuv's threads while this one goes on making the next ones.
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  const settle = async () => {
    await Promise.all(pending);
    if (failure) throw failure;
  };
  return {
    written,
    disk: {
      folder: staging,
      wrote(files, bytes) {
        written.files += files;
        written.bytes += bytes;
      },
    },
    put(path, bytes) {
      if (failure) throw failure;
      const file = place(path);
      if (pending.size >= MAX_PENDING_WRITES) {
        writeFileSync(file, bytes);
      } else {
        const write: Promise<void> = writeFile(file, bytes).then(
          () => void pending.delete(write),
          (error: unknown) => {
            failure ??= error;
            pending.delete(write);
          },
        );
        pending.add(write);
      }
      written.files++;
      written.bytes += bytes.length;
    },
    open(path) {
      if (failure) throw failure;
      const fd = openSync(place(path), 'w');
      written.files++;
      return {
        write(bytes) {
          for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
          written.bytes += bytes.length;
        },
        close: () => closeSync(fd),
        // The staging folder it is in goes as a whole when the build is aborted.
        discard: () => closeSync(fd),
      };
    },
    reuse(path) {
      const file = place(path);
      // A link costs no bytes; the previous tree is removed after the swap, the file lives on here.
      try {
        linkSync(join(target, path), file);
      } catch (error) {
        throw new Error(`${path} was in the previous build's manifest but cannot be taken over (${(error as NodeJS.ErrnoException).code}); build again with --clean`, { cause: error });
      }
      written.files++;
    },
    previous(path, start, end) {
      let fd: number;
      try {
        fd = openSync(join(target, path), 'r');
      } catch {
        return undefined;
      }
      try {
        const bytes = new Uint8Array(end - start);
        for (let at = 0; at < bytes.length; ) {
          const read = readSync(fd, bytes, at, bytes.length - at, start + at);
          if (read === 0) return undefined;
          at += read;
        }
        return bytes;
      } finally {
        closeSync(fd);
      }
    },
    async commit() {
      try {
        await settle();
      } catch (error) {
        // A write that failed in the background stops the build here: nothing of it stays behind.
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      let hadPrevious = true;
      try {
        await rename(target, previous);
      } catch {
        hadPrevious = false;
      }
      await rename(staging, target);
      if (hadPrevious) await rm(previous, { recursive: true, force: true });
    },
    async abort() {
      await Promise.allSettled(pending);
      await rm(staging, { recursive: true, force: true });
    },
  };
}

/** Writes a whole in-memory tree atomically (kept for tools that build a tree first). */
export async function writeTreeAtomically(target: string, tree: OutputTree): Promise<void> {
  const staging = await stage(target);
  try {
    for (const [path, content] of tree) staging.put(path, content);
  } catch (error) {
    await staging.abort();
    throw error;
  }
  await staging.commit();
}

