/**
 * The portal-wide package made on a thread of its own: the same files as on this thread, and
 * a failure there stops the build with that thread's message instead of hanging it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { deriveDatasets, type StreamedDataset } from '../derive/datasets.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { memorySink } from '../io/output.ts';
import { makeUrls } from '../publish/urls.ts';
import type { StreamJob } from './dataset-stream.ts';
import { inlineWriter, poolWriter } from './writers.ts';

const urls = makeUrls('https://portal.example.org', '/');
const settings = { siteUrl: urls.siteUrl, basePath: urls.basePath, portalTitle: 'Портал', version: 'code-1' };

async function portal(): Promise<StreamedDataset> {
  const checked = await checkSources(diskSources(join(import.meta.dirname, '..', 'fixtures', 'base')));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 2)));
  // Chunks of a few rows, so that the stream's thread falls behind and this one has to wait.
  const portalChunks = { programmes: 1, rows: 2 };
  return deriveDatasets({ model: checked.model, reconciliation: checked.reconciliation, history: fixedHistory('2024-05-01T12:00:00Z'), urls, portalChunks }).portal;
}

/** Steps the job through, waiting when it asks to, as publish does. */
async function run(job: StreamJob) {
  let waits = 0;
  for (let state = job.step(); state !== 'done'; state = job.step()) {
    if (state === 'wait') {
      waits++;
      await job.ready();
    }
  }
  return { result: await job.result, waits };
}

describe('a streamed dataset on a thread of its own', async () => {
  const one = await portal();

  it('writes the files and keeps the rows that the same stream on this thread does', async () => {
    const here = memorySink();
    const inline = await run(inlineWriter(settings).stream(one, here, 'out', 3));
    const pool = poolWriter(settings, 1);
    const there = memorySink();
    try {
      const threaded = await run(pool.stream(await portal(), there, 'out', 3));
      expect(threaded.waits).toBeGreaterThan(0);
      expect([...there.tree.keys()].sort()).toEqual([...here.tree.keys()].sort());
      for (const [path, bytes] of here.tree) expect(Buffer.from(there.tree.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
      expect(threaded.result.kept).toEqual(inline.result.kept);
      expect(threaded.result.files.written).toEqual(inline.result.files.written);
      expect(threaded.result.files.key).toBe(inline.result.files.key);
      expect(threaded.result.files.files.map((file) => file.path)).toEqual(inline.result.files.files.map((file) => file.path));
    } finally {
      await pool.close();
    }
  });

  it('fails with the message of what went wrong on its thread', async () => {
    const broken: StreamedDataset = {
      ...one,
      groups: one.groups.map((group, at) =>
        at === 1
          ? {
              tables: group.tables,
              *chunks() {
                yield [[], []];
              },
            }
          : group,
      ),
    };
    const pool = poolWriter(settings, 1);
    try {
      await expect(run(pool.stream(broken, memorySink(), 'out', 3))).rejects.toThrow('usi-dani-portalu: a chunk of 2 tables for a group of 1');
    } finally {
      await pool.close();
    }
  });
});
