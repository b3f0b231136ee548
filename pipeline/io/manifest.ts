/** The previous build's manifest on disk (write/reuse.ts), if there is a previous build. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_PATH, type Manifest } from '../write/reuse.ts';

export function readManifest(out: string): Manifest | undefined {
  const path = join(out, MANIFEST_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : undefined;
}
