/**
 * lib/data.ts reads a page's entity from the site data: each page gets a copy of its own and
 * records the read with the file's digest, whether the file was read from disk or kept from
 * the page before.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asPage, readsLog, sha256 } from './page-reads.ts';

const folder = mkdtempSync(join(tmpdir(), 'site-data-'));
const text = `${JSON.stringify({ id: 'p', title: 'Програма', years: [2023, 2024] })}\n`;
let data: typeof import('./data.ts');

beforeAll(async () => {
  mkdirSync(join(folder, 'site', 'programmes'), { recursive: true });
  writeFileSync(join(folder, 'site', 'programmes', 'p.json'), text);
  vi.stubEnv('BUILD_DIR', folder);
  data = await import('./data.ts');
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(folder, { recursive: true, force: true });
});

describe('an entity read by one page after another', () => {
  it('gives each page its own copy: what one page changes, the next does not see', () => {
    const first = asPage('programmes/p/2023/', () => data.programme('p')) as unknown as { title: string; years: number[] };
    first.title = 'змінено';
    first.years.push(1999);
    const second = asPage('programmes/p/2024/', () => data.programme('p'));
    expect(second).toEqual({ id: 'p', title: 'Програма', years: [2023, 2024] });
  });

  it('records the read with the digest of the file on every page, read from disk or not', () => {
    asPage('programmes/p/', () => data.programme('p'));
    const pages = readsLog().pages;
    for (const path of ['programmes/p/2023/', 'programmes/p/2024/', 'programmes/p/']) {
      expect(pages.get(path)?.get('file:programmes/p.json')).toBe(sha256(text));
    }
  });
});
