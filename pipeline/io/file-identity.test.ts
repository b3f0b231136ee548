/**
 * Files known by a stat: every way a file can change under its name is seen, even at its
 * size, and a record taken while a file changed vouches for nothing.
 */
import * as fs from 'node:fs';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IDENTITIES_FILE, readIdentities, recordIdentities, type IdentityFs } from './file-identity.ts';

const work = mkdtempSync(join(tmpdir(), 'file-identity-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const texts: Record<string, string> = {
  'public/datasets/a/observations.csv': 'id,value\r\n1,2\r\n',
  'public/datasets/a/datapackage.json': '{"name":"a"}\n',
  'public/datasets/b/funding.csv': 'year,amount\r\n2021,5\r\n',
  'manifest.json': '{"format":4}\n',
};

/** An output of a few files, their identities recorded. */
function recorded(name: string): string {
  const root = join(work, name);
  for (const [path, text] of Object.entries(texts)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  recordIdentities(root);
  return root;
}

/** The size-only check a quick check without identities would make: what each attack below gets past. */
const sizeAlone = (root: string, path: string) => lstatSync(join(root, path), { throwIfNoEntry: false })?.size === Buffer.byteLength(texts[path]!);

/** One byte of a file changed in place, the file keeping its size and inode. */
function editInPlace(file: string): void {
  const bytes = readFileSync(file);
  bytes[bytes.length - 3] = bytes[bytes.length - 3] === 0x31 ? 0x32 : 0x31;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, bytes.length, 0);
  fs.closeSync(fd);
}

const csv = 'public/datasets/a/observations.csv';

describe('a file known by its identity', () => {
  it('vouches for every file as it was recorded, at the size given, without reading any', () => {
    const root = recorded('intact');
    const noReads = { ...fs, readFileSync: (path: fs.PathOrFileDescriptor, options?: unknown) => {
      if (!String(path).endsWith(IDENTITIES_FILE)) throw new Error(`read ${String(path)}`);
      return fs.readFileSync(path, options as BufferEncoding);
    } } as unknown as IdentityFs;
    const identities = readIdentities(root, noReads)!;
    for (const [path, text] of Object.entries(texts)) expect(identities.same(path, Buffer.byteLength(text)), path).toBe(true);
    expect(identities.same(csv, 3)).toBe(false);
    expect(identities.same('public/datasets/a/none.csv')).toBe(false);
    expect(identities.under('public/datasets').same('a/observations.csv')).toBe(true);
    expect(identities.unchanged('public').sort()).toEqual(['manifest.json']);
  });

  it('sees a file edited in place at its size (mtime and ctime change)', () => {
    const root = recorded('edited');
    editInPlace(join(root, csv));
    expect(sizeAlone(root, csv)).toBe(true);
    expect(readIdentities(root)!.same(csv)).toBe(false);
  });

  it('sees an edit whose mtime was set back to the one recorded (touch -d): ctime is the kernel\'s', () => {
    const root = recorded('touched');
    // A time Node sets to the nanosecond, so that only ctime can tell.
    const day = new Date('2024-01-01T00:00:00Z');
    utimesSync(join(root, csv), day, day);
    recordIdentities(root);
    const before = lstatSync(join(root, csv), { bigint: true });
    editInPlace(join(root, csv));
    utimesSync(join(root, csv), day, day);
    const after = lstatSync(join(root, csv), { bigint: true });
    expect([after.dev, after.ino, after.size, after.mtimeNs]).toEqual([before.dev, before.ino, before.size, before.mtimeNs]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
    expect(readIdentities(root)!.same(csv)).toBe(false);
  });

  it('sees a file replaced by another of the same size, even with the same bytes (the inode changes)', () => {
    const root = recorded('replaced');
    const other = join(root, 'other.csv');
    writeFileSync(other, texts[csv]!.replace('2', '3'));
    renameSync(other, join(root, csv));
    expect(sizeAlone(root, csv)).toBe(true);
    expect(readIdentities(root)!.same(csv)).toBe(false);
    const same = join(root, 'same.json');
    writeFileSync(same, texts['manifest.json']!);
    renameSync(same, join(root, 'manifest.json'));
    expect(readIdentities(root)!.same('manifest.json')).toBe(false);
  });

  it('sees a file cut short', () => {
    const root = recorded('truncated');
    truncateSync(join(root, csv), 5);
    expect(readIdentities(root)!.same(csv)).toBe(false);
  });

  it('sees a folder replaced by a link to a copy of it, one byte changed', () => {
    const root = recorded('linked-folder');
    const folder = join(root, 'public/datasets/a');
    const copy = join(work, 'linked-folder-copy');
    cpSync(folder, copy, { recursive: true, preserveTimestamps: true });
    editInPlace(join(copy, 'observations.csv'));
    rmSync(folder, { recursive: true });
    symlinkSync(copy, folder);
    expect(sizeAlone(root, csv)).toBe(true);
    const identities = readIdentities(root)!;
    expect(identities.same(csv)).toBe(false);
    expect(identities.same('public/datasets/a/datapackage.json')).toBe(false);
  });

  it('sees a file replaced by a link to itself elsewhere: a link is not the file recorded', () => {
    const root = recorded('linked-file');
    const elsewhere = join(work, 'linked-file-target.json');
    renameSync(join(root, 'manifest.json'), elsewhere);
    symlinkSync(elsewhere, join(root, 'manifest.json'));
    expect(readIdentities(root)!.same('manifest.json')).toBe(false);
  });

  it('does not record a file that changed while the record was taken (racy), and vouches for it no more', () => {
    const root = recorded('racy');
    // The file changes while the record is being taken: after the stamp, before its stat.
    const racing = {
      ...fs,
      lstatSync: ((path: string, options?: fs.StatSyncOptions) => {
        if (String(path).endsWith('observations.csv')) editInPlace(path);
        return fs.lstatSync(path, options);
      }) as typeof fs.lstatSync,
    } as IdentityFs;
    expect(recordIdentities(root, racing)).toEqual({ files: Object.keys(texts).length - 1, racy: 1 });
    const identities = readIdentities(root)!;
    expect(identities.same(csv)).toBe(false);
    expect(identities.same('manifest.json')).toBe(true);
  });

  it('vouches for no file recorded in the same tick of the file system\'s clock as its stamp, identity or not', () => {
    const root = recorded('same-tick');
    const record = JSON.parse(readFileSync(join(root, IDENTITIES_FILE), 'utf8')) as { stamp: string; files: Record<string, string> };
    const ctime = record.files[csv]!.split(' ')[4]!;
    // A stamp no later than the file's last change: it may have changed again within that tick.
    writeFileSync(join(root, IDENTITIES_FILE), JSON.stringify({ ...record, stamp: ctime }));
    expect(readIdentities(root)!.same(csv)).toBe(false);
    writeFileSync(join(root, IDENTITIES_FILE), JSON.stringify({ ...record, stamp: String(BigInt(ctime) + 1n) }));
    expect(readIdentities(root)!.same(csv)).toBe(true);
  });

  it('reads no record that is missing, damaged or of another layout: every file is then read', () => {
    const root = recorded('damaged');
    const file = join(root, IDENTITIES_FILE);
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, 40));
    expect(readIdentities(root)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...JSON.parse(whole), format: 2 }));
    expect(readIdentities(root)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...JSON.parse(whole), files: { [csv]: 'not an identity' } }));
    expect(readIdentities(root)!.same(csv)).toBe(false);
    rmSync(file);
    expect(readIdentities(root)).toBeUndefined();
  });

  it('records neither links nor what lies behind them, nor its own files', () => {
    const root = recorded('with-links');
    symlinkSync(join(root, 'public'), join(root, 'public-link'));
    recordIdentities(root);
    const record = JSON.parse(readFileSync(join(root, IDENTITIES_FILE), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(record.files).sort()).toEqual(Object.keys(texts).sort());
    expect(fs.readdirSync(root).sort()).toEqual([IDENTITIES_FILE, 'manifest.json', 'public', 'public-link']);
  });
});
