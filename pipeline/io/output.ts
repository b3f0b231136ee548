/**
 * Where the build writes. Files go to a sink as soon as they are made, so memory does not
 * grow with the portal. On disk the sink is a folder of a new generation of the output
 * folder (io/output-folder.ts), published with the site only after every check passed; it
 * takes files over from the previous generation by linking them.
 */
import * as nodeFs from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
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

/** Opens a file for reading, but not through a link in its own place: a link taken over would be a link in the new output. */
export const NOFOLLOW = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NOFOLLOW ?? 0);

/** Writes in flight before put() waits by writing synchronously: bounds the bytes held. */
const MAX_PENDING_WRITES = 128;

/** A path's place under `root`, its folder made the first time it is asked for. */
export function placer(root: string, fs: Pick<typeof nodeFs, 'mkdirSync'> = nodeFs): (path: string) => string {
  const folders = new Set<string>();
  return (path) => {
    const file = join(root, path);
    const folder = dirname(file);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    return file;
  };
}

/** The parts of node:fs a sink on disk uses: passed in, so that tests can make the disk fail. */
export type SinkFs = Pick<typeof nodeFs, 'mkdirSync' | 'writeFileSync' | 'openSync' | 'writeSync' | 'closeSync' | 'linkSync' | 'readSync'> & {
  promises: Pick<typeof nodeFs.promises, 'writeFile'>;
};

export interface FolderSink extends Sink {
  readonly disk: { folder: string; wrote(files: number, bytes: number): void };
  /** Waits for the writes still in flight; throws the first that failed. */
  finish(): Promise<void>;
  /** Waits for the writes still in flight, whatever became of them. */
  drain(): Promise<void>;
  /**
   * The build has failed: from now on nothing more is written (work still finishing
   * elsewhere would make folders again in an output being removed).
   */
  seal(): void;
}

/**
 * A sink that writes into `folder`, taking files over from the output in `previous` (an
 * incremental build's last complete output).
 */
export function folderSink(folder: string, previous: string | undefined, fs: SinkFs = nodeFs): FolderSink {
  const place = placer(folder, fs);
  const written = { files: 0, bytes: 0 };
  // Files are written on libuv's threads while this one goes on making the next ones.
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  const stopped = () => {
    if (failure) throw failure;
  };
  return {
    written,
    disk: {
      folder,
      wrote(files, bytes) {
        written.files += files;
        written.bytes += bytes;
      },
    },
    put(path, bytes) {
      stopped();
      const file = place(path);
      if (pending.size >= MAX_PENDING_WRITES) {
        fs.writeFileSync(file, bytes);
      } else {
        const write: Promise<void> = fs.promises.writeFile(file, bytes).then(
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
      stopped();
      const fd = fs.openSync(place(path), 'w');
      written.files++;
      return {
        write(bytes) {
          stopped();
          for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at);
          written.bytes += bytes.length;
        },
        close: () => fs.closeSync(fd),
        // The folder it is in goes as a whole when the build is given up.
        discard: () => fs.closeSync(fd),
      };
    },
    reuse(path) {
      stopped();
      if (previous === undefined) throw new Error(`${path}: there is no previous output to take it over from`);
      const file = place(path);
      // A link costs no bytes; the previous output is removed after the swap, the file lives on here.
      try {
        fs.linkSync(join(previous, path), file);
      } catch (error) {
        throw new Error(`${path} was in the previous build's manifest but cannot be taken over (${(error as NodeJS.ErrnoException).code}); build again with --clean`, { cause: error });
      }
      written.files++;
    },
    previous(path, start, end) {
      if (previous === undefined) return undefined;
      let fd: number;
      try {
        fd = fs.openSync(join(previous, path), NOFOLLOW);
      } catch {
        return undefined;
      }
      try {
        const bytes = new Uint8Array(end - start);
        for (let at = 0; at < bytes.length; ) {
          const read = fs.readSync(fd, bytes, at, bytes.length - at, start + at);
          if (read === 0) return undefined;
          at += read;
        }
        return bytes;
      } catch {
        // A previous output that cannot be read back is made again, not taken over.
        return undefined;
      } finally {
        fs.closeSync(fd);
      }
    },
    async finish() {
      await Promise.all(pending);
      if (failure) throw failure;
    },
    async drain() {
      await Promise.allSettled(pending);
    },
    seal() {
      failure ??= new Error('the build has stopped: nothing more is written');
    },
  };
}

/**
 * A staging folder beside `target`, swapped in for it with renames on commit: for tools that
 * build a data folder of their own (the benchmark). The command line publishes through
 * io/output-folder.ts instead, which swaps data and site together.
 */
export async function stage(target: string): Promise<Staging> {
  const staging = `${target}.staging-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const sink = folderSink(staging, target);
  return {
    ...sink,
    async commit() {
      try {
        await sink.finish();
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
      await sink.drain();
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

