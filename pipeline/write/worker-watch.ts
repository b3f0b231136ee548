/**
 * A worker thread that ends without answering (it crashed, ran out of memory, or called
 * `process.exit`) must fail what waits on it, not leave it waiting for ever: each thread the
 * build starts is watched here for 'error' and for an 'exit' it did not ask for.
 */
import type { Worker } from 'node:worker_threads';

/** A thread ended while the build still waited on it. */
export class WorkerStopped extends Error {
  readonly exitCode: number;

  /** `doing`: what the thread was doing, as in «a thread writing the dataset files». */
  constructor(doing: string, exitCode: number) {
    super(`${doing} stopped (exit code ${exitCode}) before it answered`);
    this.name = 'WorkerStopped';
    this.exitCode = exitCode;
  }
}

/**
 * Calls `failed` once, with the thread's error or a WorkerStopped, if `worker` fails or ends
 * before it is ended by the function returned (which terminates it).
 */
export function watchWorker(worker: Worker, doing: string, failed: (error: unknown) => void): () => Promise<void> {
  let ending = false;
  let told = false;
  const tell = (error: unknown) => {
    if (told) return;
    told = true;
    failed(error);
  };
  worker.on('error', tell);
  worker.on('exit', (code) => {
    if (!ending) tell(new WorkerStopped(doing, code));
  });
  return async () => {
    ending = true;
    await worker.terminate();
  };
}
