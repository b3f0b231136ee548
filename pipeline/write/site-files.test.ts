import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memorySink } from '../io/output.ts';
import { siteFiles, siteFilesOnThread } from './site-files.ts';

const work = mkdtempSync(join(tmpdir(), 'site-files-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** More texts than the thread is handed ahead of writing, so that the caller has to wait. */
const texts = Array.from({ length: 300 }, (_, at) => [`site/reports/report-${at}.json`, JSON.stringify({ id: at, title: `Звіт ${at} про виконання програми «Громада ${at % 7}»` }) + '\n'] as const);

describe('site files', () => {
  it('writes on a thread of its own the files and vocabulary it writes here, and counts them', async () => {
    const memory = memorySink();
    const here = siteFiles((path, bytes) => memory.put(path, bytes));
    for (const [path, text] of texts) here.add(path, text);
    const writtenHere = here.end();

    const folder = join(work, 'threaded');
    const counted = { files: 0, bytes: 0 };
    const onThread = siteFilesOnThread({ folder, wrote: (files, bytes) => Object.assign(counted, { files: counted.files + files, bytes: counted.bytes + bytes }) });
    let waited = 0;
    for (const [path, text] of texts) {
      const wait = onThread.add(path, text);
      if (wait) {
        waited++;
        await wait;
      }
    }
    const written = await onThread.end();

    expect(waited).toBeGreaterThan(0);
    expect(written).toEqual(writtenHere);
    expect(counted).toEqual(writtenHere);
    const onDisk = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(onDisk.length).toBe(memory.tree.size);
    for (const [path, bytes] of memory.tree) expect(readFileSync(join(folder, path)).equals(Buffer.from(bytes)), path).toBe(true);
    expect(JSON.parse(readFileSync(join(folder, 'public/search/latin/h.json'), 'utf8')).hromada).toEqual(['громада']);
  });

  it('fails with the file system’s error when the thread cannot write, and writes nothing more', async () => {
    const blocked = join(work, 'blocked');
    writeFileSync(blocked, 'a file where the folder should be');
    const onThread = siteFilesOnThread({ folder: blocked, wrote: () => expect.unreachable('nothing is counted') });
    const run = async () => {
      for (const [path, text] of texts) await onThread.add(path, text);
      await onThread.end();
    };
    await expect(run()).rejects.toThrow(/ENOTDIR/);
  });
});
