/**
 * How long this machine's file system takes to create a file, right now. A build at 10 000
 * datasets creates about half a million files and links, and on a shared machine the
 * kernel's cost of one goes from hundredths to tenths of a millisecond within minutes: the
 * bench prints this beside its figures so that runs on a slow disk are seen as such.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Probe {
  files: number;
  /** Milliseconds to create one empty file, in folders of twenty as a build makes them. */
  msPerFile: number;
}

export function probeFileSystem(parent: string, files = 2000): Probe {
  const folder = mkdtempSync(join(parent, '.probe-'));
  try {
    const start = performance.now();
    for (let i = 0; i < files; i++) {
      const sub = join(folder, String(Math.floor(i / 20)));
      if (i % 20 === 0) mkdirSync(sub);
      closeSync(openSync(join(sub, `${i}.csv`), 'w'));
    }
    return { files, msPerFile: (performance.now() - start) / files };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
