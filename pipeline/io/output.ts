/**
 * Atomic output: the whole tree is written beside the target and swapped in with
 * renames, so a reader sees the previous build or the new one, never half of one, and a
 * failed build leaves the previous output as it was.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type OutputTree = Map<string, Uint8Array>;

export async function writeTreeAtomically(target: string, tree: OutputTree): Promise<void> {
  const staging = `${target}.staging-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const folders = new Set([...tree.keys()].map((path) => dirname(join(staging, path))));
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    for (const [path, content] of tree) await writeFile(join(staging, path), content);
  } catch (error) {
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
}
