/**
 * A worker thread that dies (process.exit inside it, a crash) fails what waits on it with a
 * coded problem instead of leaving the build waiting for ever: the dataset writers' pool, a
 * dataset on a thread of its own, and the thread of the site files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { faultProblem } from '../cli/faults.ts';
import type { Dataset } from '../publish/types.ts';
import { siteFilesOnThread } from './site-files.ts';
import { poolWriter, type WriterSettings } from './writers.ts';
import { WorkerStopped } from './worker-watch.ts';

const work = mkdtempSync(join(tmpdir(), 'worker-watch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A worker script of `body`, run on each message it is sent. */
function script(name: string, body: string): URL {
  const path = join(work, `${name}.mjs`);
  writeFileSync(path, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { ${body} });\n`);
  return pathToFileURL(path);
}

const exits = script('exits', 'process.exit(3);');
const throws = script('throws', "throw new Error('cannot write observations.csv');");
const settings: WriterSettings = { siteUrl: 'https://data.example.ua', basePath: '/', portalTitle: 'Відкриті дані' };
const dataset = (rows: number) => ({ name: 'zvit-2024', tables: [{ rows: Array.from({ length: rows }, (_, at) => [at]) }] }) as unknown as Dataset;

describe('a writer thread that dies', () => {
  it('fails the datasets handed to it, and every later one, when it exits without answering', async () => {
    const writer = poolWriter(settings, 1, exits);
    const first = writer.write(dataset(3));
    const second = writer.write(dataset(3));
    await expect(first).rejects.toThrow('a thread writing the dataset files stopped (exit code 3) before it answered');
    await expect(second).rejects.toBeInstanceOf(WorkerStopped);
    await expect(writer.write(dataset(3))).rejects.toThrow('exit code 3');
    await writer.close();
  });

  it('fails them with its own error when it throws', async () => {
    const writer = poolWriter(settings, 2, throws);
    await expect(writer.write(dataset(3))).rejects.toThrow('cannot write observations.csv');
    await writer.close();
  });

  it('fails a dataset too large for the pool, on a thread of its own, when that thread exits', async () => {
    const writer = poolWriter(settings, 1, exits);
    await expect(writer.write(dataset(50_001))).rejects.toThrow('a thread writing the dataset files stopped (exit code 3) before it answered');
    await writer.close();
  });

  it('is not a failure when the writer ends its threads itself', async () => {
    const quiet = script('answers', 'parentPort.postMessage({ files: [], written: 0 });');
    const writer = poolWriter(settings, 2, quiet);
    await expect(writer.write(dataset(1))).resolves.toEqual({ files: [], written: 0 });
    await writer.close();
    await expect(writer.write(dataset(1))).rejects.toThrow(/^the dataset writer is closed$/);
  });
});

describe("the writers' pool", () => {
  it('starts its threads with the first dataset to make, and none for a build that makes none', async () => {
    const marker = join(work, 'started.txt');
    const path = join(work, 'counts-starts.mjs');
    writeFileSync(path, `import { appendFileSync } from 'node:fs';\nimport { parentPort } from 'node:worker_threads';\nappendFileSync(${JSON.stringify(marker)}, 'started\\n');\nparentPort.on('message', () => parentPort.postMessage({ files: [], written: 0 }));\n`);
    const starts = () => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0);
    const idle = poolWriter(settings, 2, pathToFileURL(path));
    // Time for a thread started with the pool to run its script, were one started.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await idle.close();
    expect(starts()).toBe(0);
    const busy = poolWriter(settings, 2, pathToFileURL(path));
    await expect(busy.write(dataset(1))).resolves.toEqual({ files: [], written: 0 });
    // Both threads start with the first dataset; the second may not have run its script yet
    // when the writes are answered, and closing would end it before it does.
    await expect.poll(starts, { timeout: 30_000 }).toBe(2);
    await busy.close();
    expect(starts()).toBe(2);
  });
});

describe('the site files thread that dies', () => {
  it('fails the next text handed to it, and the end, when it exits without answering', async () => {
    const files = siteFilesOnThread({ folder: join(work, 'site'), wrote: () => expect.unreachable('nothing is counted') }, exits);
    const run = async () => {
      for (let at = 0; at < 1000; at++) await files.add(`site/reports/report-${at}.json`, '{}');
      await files.end();
    };
    await expect(run()).rejects.toThrow('the thread writing the site files stopped (exit code 3) before it answered');
  });
});

describe('the problem of a dead thread', () => {
  it('is E_WORKER_STOPPED, naming the thread and its exit code', () => {
    expect(faultProblem(new WorkerStopped('a thread writing the dataset files', 3), 'building the data')).toEqual({
      code: 'E_WORKER_STOPPED',
      file: 'building the data',
      message: 'While building the data, a thread writing the dataset files stopped (exit code 3) before it answered; nothing was published, and the previous output is as it was.',
      hint: 'Build again with more memory free on the machine (close other work); if it stops again, run with --debug and report what it prints.',
    });
  });

  it('is E_WORKER_STOPPED for a thread out of memory, as Node reports it', () => {
    const error = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(faultProblem(error, 'building the data')).toMatchObject({ code: 'E_WORKER_STOPPED', message: 'While building the data, a thread of the build ran out of memory; nothing was published, and the previous output is as it was.' });
  });
});
