/**
 * A hash of everything that decides what the pipeline writes: its own code (tests, the
 * benchmark and the corpus generator aside), the schemas it checks against, and the locked
 * versions of its dependencies. An incremental build reuses files only when this is unchanged.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function codeVersion(projectRoot: string): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const folder of ['pipeline', 'schemas']) {
    for (const entry of await readdir(join(projectRoot, folder), { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isFile() && /\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts') && !/\/(golden|fixtures|bench|generate)\//.test(path)) files.push(path);
    }
  }
  const lock = join(projectRoot, 'package-lock.json');
  if (existsSync(lock)) files.push(lock);
  for (const file of files.sort()) {
    hash.update(relative(projectRoot, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}
