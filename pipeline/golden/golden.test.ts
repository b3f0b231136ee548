/**
 * Golden folders: each case under cases/ holds sources/ and the output tree the build
 * must write, expected/. On a mismatch the actual tree is written to actual/ beside them
 * and the test names every file that differs and its first differing line.
 * UPDATE_GOLDEN=1 rewrites expected/ (read the diff before committing it).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import type { OutputTree } from '../io/output.ts';

const cases = join(import.meta.dirname, 'cases');
const BUILD_TIME = '2024-03-01T09:00:00Z';

async function readTree(root: string): Promise<OutputTree> {
  const tree: OutputTree = new Map();
  const source = diskSources(root);
  for (const path of await source.list()) tree.set(path, await source.read(path));
  return tree;
}

async function writeTree(root: string, tree: OutputTree) {
  await rm(root, { recursive: true, force: true });
  for (const [path, content] of tree) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

function describeDifferences(expected: OutputTree, actual: OutputTree): string[] {
  const decoder = new TextDecoder();
  const lines: string[] = [];
  for (const path of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const want = expected.get(path);
    const got = actual.get(path);
    if (!want) lines.push(`+ ${path} (not expected)`);
    else if (!got) lines.push(`- ${path} (missing)`);
    else if (Buffer.compare(Buffer.from(want), Buffer.from(got)) !== 0) {
      if (path.endsWith('.xlsx')) {
        lines.push(`~ ${path} (binary, ${want.length} → ${got.length} bytes)`);
        continue;
      }
      const a = decoder.decode(want).split('\n');
      const b = decoder.decode(got).split('\n');
      const at = a.findIndex((line, i) => line !== b[i]);
      const n = at === -1 ? a.length : at;
      const [left, right] = [a[n] ?? "", b[n] ?? ""];
      // Long lines (one-line JSON) are shown around their first difference.
      let c = 0;
      while (c < left.length && left[c] === right[c]) c++;
      const window = (line: string) => JSON.stringify(line.slice(Math.max(0, c - 60), c + 60));
      lines.push(`~ ${path}:${n + 1}:${c + 1}\n    expected: ${window(left)}\n    actual:   ${window(right)}`);
    }
  }
  return lines;
}

describe('golden output trees', () => {
  for (const name of readdirSync(cases).sort()) {
    it(name, async () => {
      const folder = join(cases, name);
      const built = await buildPortal({ files: diskSources(join(folder, 'sources')), history: fixedHistory(BUILD_TIME) });
      if (!built.ok) throw new Error(JSON.stringify(built.problems, null, 2));
      const expectedRoot = join(folder, 'expected');
      if (process.env.UPDATE_GOLDEN) await writeTree(expectedRoot, built.tree);
      expect(existsSync(expectedRoot), `no expected/ in ${name}: run UPDATE_GOLDEN=1 npx vitest run pipeline/golden`).toBe(true);
      const differences = describeDifferences(await readTree(expectedRoot), built.tree);
      if (differences.length > 0) await writeTree(join(folder, 'actual'), built.tree);
      else await rm(join(folder, 'actual'), { recursive: true, force: true });
      expect(differences, `output differs from ${name}/expected (actual tree written to ${name}/actual):\n${differences.join('\n')}`).toEqual([]);
    });
  }
});
