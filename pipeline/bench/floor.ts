/**
 * The least any incremental build of an output can cost on this machine while it keeps the
 * published layout and builds into a staging folder swapped in whole: every file it takes
 * over linked into the new folder (the portal-wide package's parts among them), and the files
 * every source reaches (the portal-wide package's whole-table files and the two catalogues)
 * written out again, the package's files hashed for its descriptor. No source is read and nothing is derived; this is the file system's part alone.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { PORTAL_DATASET_TITLE } from '../derive/datasets.ts';
import { ckanName } from '../publish/translit.ts';

export interface Floor {
  linked: { files: number; seconds: number };
  rewritten: { files: number; bytes: number; seconds: number };
}

export function stagingFloor(out: string): Floor {
  const portal = `public/datasets/${ckanName(PORTAL_DATASET_TITLE)}/`;
  const everySource = (path: string) => (path.startsWith(portal) && !path.startsWith(`${portal}parts/`)) || path === 'public/catalog.ttl' || path === 'public/catalog.jsonld';
  const paths = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(out.length + 1));
  const copy = `${out}.floor-${process.pid}`;
  rmSync(copy, { recursive: true, force: true });
  try {
    const folders = new Set<string>();
    const place = (path: string) => {
      const folder = dirname(join(copy, path));
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      return join(copy, path);
    };
    let start = performance.now();
    const kept = paths.filter((path) => !everySource(path));
    for (const path of kept) linkSync(join(out, path), place(path));
    const linked = { files: kept.length, seconds: (performance.now() - start) / 1000 };

    start = performance.now();
    const rewritten = { files: 0, bytes: 0, seconds: 0 };
    for (const path of paths.filter(everySource)) {
      if (path.startsWith(portal)) {
        const bytes = readFileSync(join(out, path));
        createHash('sha256').update(bytes).digest('hex');
        writeFileSync(place(path), bytes);
      } else copyFileSync(join(out, path), place(path));
      rewritten.files++;
      rewritten.bytes += statSync(join(out, path)).size;
    }
    rewritten.seconds = (performance.now() - start) / 1000;
    return { linked, rewritten };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
