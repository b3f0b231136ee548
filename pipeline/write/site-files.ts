/**
 * The site's JSON files and the Latin vocabulary of every word in them, written as the texts
 * come: here, through the sink, or on a thread of their own straight into the sink's folder.
 * At 10 000 datasets the texts are 850 MB; encoding, writing and scanning them was two thirds
 * of the main thread's time in this stage, while the pool's threads had nothing left to do.
 */
import { Worker } from 'node:worker_threads';
import type { Sink, Written } from '../io/output.ts';
import { latinWords } from './vocabulary.ts';
import { watchWorker } from './worker-watch.ts';

export interface SiteFiles {
  /** A file's text; a promise when the thread writing them is behind and the caller should wait. */
  add(path: string, text: string): Promise<void> | undefined;
  /** The vocabulary's files after the last text; what was written in all. */
  end(): Promise<Written>;
  /** Stops writing when the build has failed, before its folder is removed. */
  stop(): Promise<void>;
}

/** Files by `put`, on this thread. */
export function siteFiles(put: (path: string, bytes: Uint8Array) => void): { add(path: string, text: string): undefined; end(): Written; stop(): Promise<void> } {
  const encoder = new TextEncoder();
  const words = latinWords();
  const written: Written = { files: 0, bytes: 0 };
  const write = (path: string, text: string) => {
    const bytes = encoder.encode(text);
    put(path, bytes);
    written.files++;
    written.bytes += bytes.length;
  };
  return {
    add(path, text) {
      write(path, text);
      words.add(text);
      return undefined;
    },
    end() {
      for (const [path, text] of words.files()) write(path, text);
      return written;
    },
    stop: async () => {},
  };
}

/** Texts handed to the thread and not yet written, at most: bounds the text held at once. */
const AHEAD = 64;

/** Messages between this thread and site-files-worker.ts. */
export type SiteFilesMessage = { path: string; text: string } | { end: true };
export type SiteFilesReply = { wrote: number } | { end: Written };

/** Files into the sink's folder on disk, by a thread of its own. */
export function siteFilesOnThread(disk: NonNullable<Sink['disk']>, script = new URL('./site-files-worker.ts', import.meta.url)): SiteFiles {
  const worker = new Worker(script, { workerData: disk.folder });
  let ahead = 0;
  let failure: unknown;
  let resume: (() => void) | undefined;
  let finish: ((written: Written) => void) | undefined;
  let fail: ((error: unknown) => void) | undefined;
  worker.on('message', (reply: SiteFilesReply) => {
    if ('end' in reply) return finish?.(reply.end);
    ahead -= reply.wrote;
    if (ahead < AHEAD / 2) resume?.();
  });
  const ending = watchWorker(worker, 'the thread writing the site files', (error) => {
    failure = error;
    resume?.();
    fail?.(error);
  });
  const post = (message: SiteFilesMessage) => worker.postMessage(message);
  return {
    add(path, text) {
      if (failure) throw failure;
      post({ path, text });
      if (++ahead < AHEAD) return undefined;
      return new Promise<void>((resolve) => (resume = resolve)).then(() => {
        resume = undefined;
        if (failure) throw failure;
      });
    },
    async end() {
      if (failure) throw failure;
      const written = await new Promise<Written>((resolve, reject) => {
        finish = resolve;
        fail = reject;
        post({ end: true });
      }).finally(ending);
      disk.wrote(written.files, written.bytes);
      return written;
    },
    stop: ending,
  };
}
