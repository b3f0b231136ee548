/**
 * The last check before a new output is published: it is read back from the disk as its
 * manifest describes it. Every dataset file is in the data folder and in the site, at the
 * size it was written, as are the catalogues; the site has its pages and its search index.
 * Only sizes are read, so the check costs a look at each file, not its bytes.
 */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../errors/problem.ts';
import { readManifest, type ManifestFs } from '../io/manifest.ts';
import type { Generation } from '../io/output-folder.ts';

export type ReadBackFs = ManifestFs & Pick<typeof nodeFs, 'statSync'>;

/** Files of the site without which it is not one: its home page and its search. */
const SITE_FILES = ['index.html', 'pagefind/pagefind.js', 'pagefind/parts.json'];

export function readBack(generation: Generation, fs: ReadBackFs = nodeFs): Problem | undefined {
  const read = readManifest(generation.data, fs);
  if (!read.manifest) return unread('data/manifest.json', read.notice ?? 'missing');
  const expected: [string, number | undefined][] = SITE_FILES.map((path) => [`dist/${path}`, undefined]);
  for (const sum of read.manifest.catalogue) expected.push([`data/${sum.path}`, sum.bytes], [`dist/${sum.path.replace(/^public\//, '')}`, sum.bytes]);
  for (const [name, entry] of Object.entries(read.manifest.datasets)) {
    for (const file of entry.files) expected.push([`data/public/datasets/${name}/${file.path}`, file.bytes], [`dist/datasets/${name}/${file.path}`, file.bytes]);
  }
  for (const [path, bytes] of expected) {
    let size: number;
    try {
      size = fs.statSync(join(generation.folder, path)).size;
    } catch (error) {
      return unread(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (bytes !== undefined && size !== bytes) return unread(path, `${size} bytes, ${bytes} written`);
  }
  return undefined;
}

function unread(path: string, why: string): Problem {
  return {
    code: 'E_READ_BACK',
    file: path,
    message: `The new output does not read back as it was written: ${path} is ${why}; nothing was published, and the previous output is as it was.`,
    hint: 'Check the disk of the output folder (and that nothing else writes into it during a build), then build again.',
  };
}
