/** The previous build's manifest: what makes it unusable, and the files it no longer vouches for. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../write/reuse.ts';
import { readIdentities, recordIdentities } from './file-identity.ts';
import { checkPrevious, previousReuse, readManifest, type ManifestFs } from './manifest.ts';

const work = mkdtempSync(join(tmpdir(), 'manifest-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const sum = (path: string, text: string) => ({ path, bytes: Buffer.byteLength(text), sha256: sha(text) });

/** A previous output of two datasets and a catalogue, with its manifest. */
function previousOutput(name: string): { folder: string; manifest: Manifest } {
  const folder = join(work, name);
  const texts: Record<string, string> = {
    'public/datasets/a/observations.csv': 'id,value\r\n1,2\r\n',
    'public/datasets/a/datapackage.json': '{"name":"a"}\n',
    'public/datasets/b/funding.csv': 'year,amount\r\n2021,5\r\n',
    'public/catalog.ttl': '<a> a dcat:Dataset.\n<b> a dcat:Dataset.\n',
    'public/catalog.jsonld': '[{"@id":"a"},{"@id":"b"}]\n',
  };
  for (const [path, text] of Object.entries(texts)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const manifest: Manifest = {
    format: 4,
    datasets: {
      a: { key: 'ka', rows: 1, written: [], files: [sum('observations.csv', texts['public/datasets/a/observations.csv']!), sum('datapackage.json', texts['public/datasets/a/datapackage.json']!)], catalogue: { turtle: [0, 20], jsonld: [1, 13] } },
      b: { key: 'kb', rows: 1, written: [], files: [sum('funding.csv', texts['public/datasets/b/funding.csv']!)], catalogue: { turtle: [20, 40], jsonld: [14, 26] } },
    },
    catalogue: [sum('public/catalog.ttl', texts['public/catalog.ttl']!), sum('public/catalog.jsonld', texts['public/catalog.jsonld']!)],
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  return { folder, manifest };
}

describe('reading the manifest', () => {
  it('reads a whole one, and finds none where no build was', () => {
    const { folder, manifest } = previousOutput('whole');
    expect(readManifest(folder)).toEqual({ manifest });
    expect(readManifest(join(work, 'nothing'))).toEqual({ manifest: undefined });
  });

  it('says once why a damaged one is not used: cut off, of the wrong shape, of another version, unreadable', () => {
    const { folder } = previousOutput('damaged');
    const path = join(folder, 'manifest.json');
    const whole = fs.readFileSync(path, 'utf8');
    writeFileSync(path, whole.slice(0, 120));
    expect(readManifest(folder)).toEqual({ manifest: undefined, notice: 'manifest.json of the previous build is damaged (not JSON: 120 characters, cut off or changed)' });
    writeFileSync(path, JSON.stringify({ format: 4, datasets: { a: { key: 'k', rows: -1, written: [], files: [] } }, catalogue: [] }));
    expect(readManifest(folder).notice).toBe('manifest.json of the previous build is damaged (datasets.a.rows: Too small: expected number to be >=0)');
    writeFileSync(path, JSON.stringify({ datasets: {} }));
    expect(readManifest(folder).notice).toContain('of another layout');
    writeFileSync(path, whole);
    const denied = { ...fs, readFileSync: () => { throw Object.assign(new Error('denied'), { code: 'EACCES' }); } } as unknown as typeof fs;
    expect(readManifest(folder, denied)).toEqual({ manifest: undefined, notice: 'manifest.json of the previous build cannot be read (EACCES)' });
  });
});

describe('reading the manifest without its schema', () => {
  const written = (name: string, json: unknown) => {
    const folder = join(work, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(json));
    return folder;
  };
  const sum64 = (path: string) => ({ path, bytes: 3, sha256: 'a'.repeat(64) });
  const whole: Manifest = {
    format: 4,
    datasets: {
      a: {
        key: 'ka',
        rows: 2,
        written: [{ path: 'observations.csv', bytes: 3, sha256: 'b'.repeat(64), format: 'csv', table: 'observations' } as unknown as Manifest['datasets'][string]['written'][number]],
        files: [sum64('observations.csv')],
        catalogue: { turtle: [0, 20], jsonld: [1, 13] },
        owned: { figures: 12, digest: 'c'.repeat(32) },
        kept: { bytes: 40, sha256: 'd'.repeat(64) },
        tables: [{ rows: 2, first: [{ id: 'x', value: '1,5', total: false, note: null }] }],
      },
    },
    catalogue: [sum64('public/catalog.ttl')],
    history: { bytes: 10, sha256: 'e'.repeat(64) },
    sources: { bytes: 11, sha256: 'f'.repeat(64) },
  };

  it('reads one as the build writes it, every field there', () => {
    expect(readManifest(written('every-field', whole))).toEqual({ manifest: whole });
  });

  it('drops what the schema drops, a field it does not know', () => {
    const extra = { ...whole, datasets: { a: { ...whole.datasets.a, note: 'added by hand' } }, also: 1 };
    expect(readManifest(written('extra-field', extra))).toEqual({ manifest: whole });
  });

  it('says of a damaged one what the schema says', () => {
    const damaged = (name: string, json: unknown) => readManifest(written(name, json)).notice;
    expect(damaged('short-hash', { ...whole, catalogue: [{ ...sum64('public/catalog.ttl'), sha256: 'a'.repeat(63) }] })).toBe('manifest.json of the previous build is damaged (catalogue.0.sha256: Invalid string: must match pattern /^[0-9a-f]{64}$/)');
    expect(damaged('long-range', { ...whole, datasets: { a: { ...whole.datasets.a, catalogue: { turtle: [0, 20, 30], jsonld: [1, 13] } } } })).toBe('manifest.json of the previous build is damaged (datasets.a.catalogue.turtle: Too big: expected array to have <=2 items)');
    expect(damaged('null-history', { ...whole, history: null })).toBe('manifest.json of the previous build is damaged (history: Invalid input: expected object, received null)');
    expect(damaged('fraction', { ...whole, datasets: { a: { ...whole.datasets.a, tables: [{ rows: 1.5, first: [] }] } } })).toBe('manifest.json of the previous build is damaged (datasets.a.tables.0.rows: Invalid input: expected int, received number)');
  });
});

describe('checking the previous output against its manifest', () => {
  it('vouches for files as they were published', async () => {
    const { folder, manifest } = previousOutput('intact');
    const check = await checkPrevious(folder, manifest);
    expect(await check.intact('a', manifest.datasets.a!)).toBe(true);
    expect(check.manifest).toEqual(manifest);
    expect(check.changed).toEqual([]);
  });

  it('refuses a dataset whose file was cut short, changed in place at its size, or is gone', async () => {
    const { folder, manifest } = previousOutput('changed');
    writeFileSync(join(folder, 'public/datasets/a/observations.csv'), 'id,value\r\n');
    const check = await checkPrevious(folder, manifest);
    expect(await check.intact('a', manifest.datasets.a!)).toBe(false);
    writeFileSync(join(folder, 'public/datasets/b/funding.csv'), 'year,amount\r\n2021,6\r\n');
    expect(await check.intact('b', manifest.datasets.b!)).toBe(false);
    rmSync(join(folder, 'public/datasets/a/datapackage.json'));
    expect(await check.intact('a', manifest.datasets.a!)).toBe(false);
    expect(check.changed).toEqual([
      'public/datasets/a/observations.csv: 10 bytes, 15 published',
      'public/datasets/b/funding.csv: changed since it was published',
      'public/datasets/a/observations.csv: 10 bytes, 15 published',
      'public/datasets/a/datapackage.json: missing',
    ]);
  });

  it('takes no catalogue piece from a catalogue that changed, and still vouches for the datasets', async () => {
    const { folder, manifest } = previousOutput('catalogue');
    writeFileSync(join(folder, 'public/catalog.ttl'), '<a> a dcat:Dataset.\n<x> a dcat:Dataset.\n');
    const check = await checkPrevious(folder, manifest);
    expect(check.changed).toEqual(['public/catalog.ttl: changed since it was published']);
    expect(Object.values(check.manifest.datasets).map((entry) => entry.catalogue)).toEqual([undefined, undefined]);
    expect(await check.intact('a', check.manifest.datasets.a!)).toBe(true);
  });
});

/** The real file system, counting the files read back whole. */
function counting(): { fs: ManifestFs; reads: string[] } {
  const reads: string[] = [];
  const io = { ...fs, promises: { ...fs.promises, readFile: async (path: fs.PathLike, options?: unknown) => {
    reads.push(String(path).slice(work.length + 1));
    return fs.promises.readFile(path, options as { flag: number });
  } } } as unknown as ManifestFs;
  return { fs: io, reads };
}

describe('checking the previous output by what the file system says of its files', () => {
  it('reads none of the files recorded after that output was published, and vouches for them', async () => {
    const { folder, manifest } = previousOutput('by-stat');
    recordIdentities(folder);
    const { fs: io, reads } = counting();
    const { reuse, check } = await previousReuse(folder, 'v', readIdentities(folder), io);
    expect(reuse.previous).toEqual(manifest);
    expect(await check!.intact('a', manifest.datasets.a!)).toBe(true);
    expect(await check!.intact('b', manifest.datasets.b!)).toBe(true);
    expect(reads).toEqual([]);
    expect(check!.checked).toEqual({ stat: 5, read: 0 });
    expect(reuse.untouched!('public/datasets/a/observations.csv', 15)).toBe(true);
    expect(reuse.untouched!('public/datasets/a/observations.csv', 14)).toBe(false);
  });

  it('reads back a file whose identity changed, and refuses it when its bytes changed at its size', async () => {
    const { folder, manifest } = previousOutput('by-stat-changed');
    recordIdentities(folder);
    const csv = join(folder, 'public/datasets/b/funding.csv');
    writeFileSync(csv, 'year,amount\r\n2021,6\r\n');
    // Another file rewritten with the same bytes: read back, and taken over.
    writeFileSync(join(folder, 'public/datasets/a/datapackage.json'), '{"name":"a"}\n');
    const { fs: io, reads } = counting();
    const { check } = await previousReuse(folder, 'v', readIdentities(folder), io);
    expect(await check!.intact('a', manifest.datasets.a!)).toBe(true);
    expect(await check!.intact('b', manifest.datasets.b!)).toBe(false);
    expect(reads.sort()).toEqual(['by-stat-changed/public/datasets/a/datapackage.json', 'by-stat-changed/public/datasets/b/funding.csv']);
    expect(check!.changed).toEqual(['public/datasets/b/funding.csv: changed since it was published']);
  });

  it('trusts no identity when the manifest itself is not the file recorded: every file is read back', async () => {
    const { folder, manifest } = previousOutput('by-stat-manifest');
    recordIdentities(folder);
    const text = fs.readFileSync(join(folder, 'manifest.json'), 'utf8');
    writeFileSync(join(folder, 'manifest.json'), text);
    const { fs: io, reads } = counting();
    const { check } = await previousReuse(folder, 'v', readIdentities(folder), io);
    expect(await check!.intact('a', manifest.datasets.a!)).toBe(true);
    expect(reads).toHaveLength(4);
    expect(check!.checked).toEqual({ stat: 0, read: 4 });
  });

  it('takes no link over in a file\'s place, even to the very bytes published', async () => {
    const { folder, manifest } = previousOutput('by-stat-link');
    recordIdentities(folder);
    const csv = join(folder, 'public/datasets/b/funding.csv');
    const elsewhere = join(work, 'funding-elsewhere.csv');
    fs.renameSync(csv, elsewhere);
    fs.symlinkSync(elsewhere, csv);
    const { check } = await previousReuse(folder, 'v', readIdentities(folder));
    expect(await check!.intact('b', manifest.datasets.b!)).toBe(false);
    expect(check!.changed).toEqual(['public/datasets/b/funding.csv: a link, not a file']);
  });
});
