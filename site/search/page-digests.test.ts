import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { pageDigest } from './digest.ts';
import { digestPages, readSearchRecord, SEARCH_RECORD_FILE, SEARCH_RECORD_FORMAT, type KnownFile, type SearchRecord } from './page-digests.ts';

const work = mkdtempSync(join(tmpdir(), 'page-digests-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const site = join(work, 'dist');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const html = (title: string) => `<!doctype html><html><body><header>меню</header><main id="main" data-pagefind-body><h1>${title}</h1></main></body></html>`;

const texts: Record<string, string> = {
  'reports/a/index.html': html('Звіт А'),
  'reports/b/index.html': html('Звіт Б'),
  '404.html': '<!doctype html><html><body><main id="main"><h1>Сторінку не знайдено</h1></main></body></html>',
};
const pages = () => Object.keys(texts).sort().map((path) => ({ path, bytes: statSync(join(site, path)).size }));
/** The site step's record of this build: every file with its size and SHA-256. */
const known = () => new Map<string, KnownFile>(Object.entries(texts).map(([path, text]) => [path, { bytes: Buffer.byteLength(text), sha256: sha(text) }]));
/** A previous build's record made from the same pages. */
const previousOf = (): SearchRecord => ({
  format: SEARCH_RECORD_FORMAT,
  pages: Object.fromEntries(Object.entries(texts).map(([path, text]) => [path, { sha256: sha(text), digest: path === '404.html' ? null : pageDigest(text) }])),
  read: [],
  indexed: [],
});

beforeEach(() => {
  rmSync(site, { recursive: true, force: true });
  for (const [path, text] of Object.entries(texts)) {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), text);
  }
});

describe('what each page gives the search index', () => {
  it('reads no page whose file the site step recorded with the SHA-256 the previous record gives', () => {
    const found = digestPages(site, pages(), known(), previousOf());
    expect(found.read).toEqual([]);
    expect(found.pages['reports/a/index.html']).toEqual({ sha256: sha(texts['reports/a/index.html']!), digest: pageDigest(texts['reports/a/index.html']!) });
    expect(found.pages['404.html']!.digest).toBeNull();
  });

  it('reads every page without a previous record, and gives no digest to a page without indexed text', () => {
    const found = digestPages(site, pages(), known(), undefined);
    expect(found.read).toEqual(['404.html', 'reports/a/index.html', 'reports/b/index.html']);
    expect(found.pages['reports/b/index.html']!.digest).toBe(pageDigest(texts['reports/b/index.html']!));
    expect(found.pages['404.html']!.digest).toBeNull();
  });

  it('reads a page rendered again with other bytes, and a page the site step did not record, and no other', () => {
    const changed = html('Звіт А, виправлений');
    writeFileSync(join(site, 'reports/a/index.html'), changed);
    const site2 = known();
    site2.set('reports/a/index.html', { bytes: Buffer.byteLength(changed), sha256: sha(changed) });
    site2.delete('404.html');
    const found = digestPages(site, pages(), site2, previousOf());
    expect(found.read).toEqual(['404.html', 'reports/a/index.html']);
    expect(found.pages['reports/a/index.html']).toEqual({ sha256: sha(changed), digest: pageDigest(changed) });
    expect(found.pages['reports/a/index.html']!.digest).not.toBe(previousOf().pages['reports/a/index.html']!.digest);
  });

  it('reads a page whose file is not of the size the site step recorded', () => {
    const longer = html('Звіт Б, доповнений');
    writeFileSync(join(site, 'reports/b/index.html'), longer);
    const found = digestPages(site, pages(), known(), previousOf());
    expect(found.read).toEqual(['reports/b/index.html']);
    expect(found.pages['reports/b/index.html']).toEqual({ sha256: sha(longer), digest: pageDigest(longer) });
  });

  it('works the digest out again when the previous record holds another SHA-256 for the page', () => {
    const previous = previousOf();
    previous.pages['reports/b/index.html'] = { sha256: sha('something else'), digest: 'not this page\'s digest' };
    const found = digestPages(site, pages(), known(), previous);
    expect(found.read).toEqual(['reports/b/index.html']);
    expect(found.pages['reports/b/index.html']!.digest).toBe(pageDigest(texts['reports/b/index.html']!));
  });
});

describe('the previous record of pages', () => {
  it('is read when it is of this layout, and ignored when missing, damaged or of another', () => {
    const folder = join(work, 'generation');
    mkdirSync(folder, { recursive: true });
    expect(readSearchRecord(undefined)).toBeUndefined();
    expect(readSearchRecord(folder)).toBeUndefined();
    writeFileSync(join(folder, SEARCH_RECORD_FILE), '{"format": 1, "pag');
    expect(readSearchRecord(folder)).toBeUndefined();
    writeFileSync(join(folder, SEARCH_RECORD_FILE), JSON.stringify({ ...previousOf(), format: 0 }));
    expect(readSearchRecord(folder)).toBeUndefined();
    writeFileSync(join(folder, SEARCH_RECORD_FILE), JSON.stringify(previousOf()));
    expect(readSearchRecord(folder)?.pages['reports/a/index.html']?.sha256).toBe(sha(texts['reports/a/index.html']!));
  });
});
