import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { ZIP32_LIMITS, zip } from './zip.ts';

const text = (s: string) => new TextEncoder().encode(s);
const MODIFIED = new Date('2024-05-01T07:15:42Z');

function centralNames(bytes: Uint8Array): { name: string; flags: number; offset: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const out = [];
  for (let at = view.getUint32(end + 16, true); view.getUint32(at, true) === 0x02014b50; ) {
    const length = view.getUint16(at + 28, true);
    out.push({ name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + length)), flags: view.getUint16(at + 8, true), offset: view.getUint32(at + 42, true) });
    at += 46 + length;
  }
  return out;
}

describe('zip', () => {
  it('is read back by another implementation, entry for entry and byte for byte', () => {
    const long = 'Видатки бюджету розвитку; '.repeat(5000);
    const archive = zip([{ path: 'a.xml', data: text('<a/>') }, { path: 'dir/long.txt', data: text(long) }, { path: 'empty', data: new Uint8Array() }], MODIFIED);
    const back = unzipSync(archive);
    expect(Object.keys(back)).toEqual(['a.xml', 'dir/long.txt', 'empty']);
    expect(strFromU8(back['a.xml']!)).toBe('<a/>');
    expect(strFromU8(back['dir/long.txt']!)).toBe(long);
    expect(back['empty']!.length).toBe(0);
    // Deflated, not stored: the repeated text shrinks to a small part of its size.
    expect(archive.length).toBeLessThan(text(long).length / 20);
  });

  it('lists the entries in order in the central directory, each pointing at its local header', () => {
    const archive = zip([{ path: 'one', data: text('1') }, { path: 'two', data: text('22') }], MODIFIED);
    const view = new DataView(archive.buffer);
    const entries = centralNames(archive);
    expect(entries.map((e) => e.name)).toEqual(['one', 'two']);
    for (const entry of entries) expect(view.getUint32(entry.offset, true)).toBe(0x04034b50);
  });

  it('marks a non-ASCII name as UTF-8 and leaves an ASCII name unmarked', () => {
    const entries = centralNames(zip([{ path: 'plain.txt', data: text('x') }, { path: 'звіт.txt', data: text('y') }], MODIFIED));
    expect(entries.map((e) => [e.name, e.flags])).toEqual([['plain.txt', 0], ['звіт.txt', 0x0800]]);
  });

  it('stores the given moment in UTC as DOS time, and clamps what DOS time cannot hold', () => {
    const stamp = (moment: Date) => {
      const view = new DataView(zip([{ path: 'x', data: text('x') }], moment).buffer);
      return [view.getUint16(10, true), view.getUint16(12, true)];
    };
    // 07:15:42 → hours 7, minutes 15, seconds/2 21; 2024-05-01 → year 44, month 5, day 1.
    expect(stamp(MODIFIED)).toEqual([(7 << 11) | (15 << 5) | 21, (44 << 9) | (5 << 5) | 1]);
    expect(stamp(new Date('1970-01-01T00:00:00Z'))).toEqual([0, (1 << 5) | 1]);
    expect(stamp(new Date('2200-01-01T00:00:00Z'))[1]).toBe((127 << 9) | (12 << 5) | 31);
  });

  it('gives the same bytes for the same input', () => {
    const make = () => zip([{ path: 'a', data: text('Кривий Ріг '.repeat(100)) }], MODIFIED);
    expect(make()).toEqual(make());
  });
});

describe('zip: the bytes of each header (APPNOTE 6.3, little-endian)', () => {
  // CRC-32 and raw deflate at level 1 of "x" and "yy", as zlib and Python's zlib give them.
  const CRC_X = 0x8cdc1683;
  const CRC_YY = 0x96fd19d8;
  // Written in each test, not while the tests are collected: a mutation run then knows which tests reach which code.
  let archive: Uint8Array;
  let view: DataView;
  beforeEach(() => {
    archive = zip([{ path: 'a', data: text('x') }, { path: 'b/c', data: text('yy') }], MODIFIED);
    view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  });
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const TIME = (7 << 11) | (15 << 5) | 21;
  const DATE = (44 << 9) | (5 << 5) | 1;

  it('writes each local header, name and deflated body in order', () => {
    // Entry a at 0: 30 header bytes, 1 name byte, 3 body bytes (ab 00 00).
    expect([u32(0), u16(4), u16(6), u16(8), u16(10), u16(12), u32(14), u32(18), u32(22), u16(26), u16(28)]).toEqual([0x04034b50, 20, 0, 8, TIME, DATE, CRC_X, 3, 1, 1, 0]);
    expect([...archive.subarray(30, 34)]).toEqual([0x61, 0xab, 0x00, 0x00]);
    // Entry b/c at 34: 30 + 3 name bytes + 4 body bytes (ab ac 04 00).
    expect([u32(34), u16(38), u16(40), u16(42), u32(48), u32(52), u32(56), u16(60), u16(62)]).toEqual([0x04034b50, 20, 0, 8, CRC_YY, 4, 2, 3, 0]);
    expect(new TextDecoder().decode(archive.subarray(64, 67))).toBe('b/c');
  });

  it('writes the central directory and the end record that points at it', () => {
    // The central directory starts after both entries: 34 + 37 = 71.
    const central = 71;
    const header = (at: number) => [u32(at), u16(at + 4), u16(at + 6), u16(at + 8), u16(at + 10), u16(at + 12), u16(at + 14), u32(at + 16), u32(at + 20), u32(at + 24), u16(at + 28), u16(at + 30), u16(at + 32), u16(at + 34), u16(at + 36), u32(at + 38), u32(at + 42)];
    expect(header(central)).toEqual([0x02014b50, 20, 20, 0, 8, TIME, DATE, CRC_X, 3, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(header(central + 47)).toEqual([0x02014b50, 20, 20, 0, 8, TIME, DATE, CRC_YY, 4, 2, 3, 0, 0, 0, 0, 0, 34]);
    // 47 + 49 bytes of central directory, then the 22-byte end record.
    const end = central + 96;
    expect(archive.length).toBe(end + 22);
    expect([u32(end), u16(end + 4), u16(end + 6), u16(end + 8), u16(end + 10), u32(end + 12), u32(end + 16), u16(end + 20)]).toEqual([0x06054b50, 0, 0, 2, 2, 96, 71, 0]);
  });

  it('compresses at the level asked for', () => {
    const long = [{ path: 'long.txt', data: text('Видатки бюджету розвитку; '.repeat(5000)) }];
    expect(zip(long, MODIFIED, 9).length).toBeLessThan(zip(long, MODIFIED, 1).length);
    expect(zip(long, MODIFIED).length).toBe(zip(long, MODIFIED, 1).length);
  });

  it('stores times from 1980 to 2107 as they are, and halves the seconds', () => {
    const stamp = (moment: string) => {
      const bytes = new DataView(zip([{ path: 'x', data: text('x') }], new Date(moment)).buffer);
      return [bytes.getUint16(10, true), bytes.getUint16(12, true)];
    };
    expect(stamp('1980-06-15T12:00:00Z')).toEqual([12 << 11, (6 << 5) | 15]);
    expect(stamp('2107-06-15T12:00:43Z')).toEqual([(12 << 11) | 21, (127 << 9) | (6 << 5) | 15]);
    expect(stamp('1979-12-31T23:59:59Z')).toEqual([0, (1 << 5) | 1]);
    expect(stamp('2108-01-01T00:00:00Z')).toEqual([(23 << 11) | (59 << 5) | 29, (127 << 9) | (12 << 5) | 31]);
  });

  it('refuses more entries than a ZIP without ZIP64 can list, before writing any', () => {
    const entries = Array.from({ length: 65_536 }, (_, i) => ({ path: String(i), data: new Uint8Array() }));
    expect(() => zip(entries, MODIFIED)).toThrow('65536 ZIP entries: past 65535, which needs ZIP64');
  });
});

describe('zip: the limits of a ZIP without ZIP64, tried on small limits', () => {
  // Raw deflate at level 1 (zlib and Python's zlib agree): no data takes 2 bytes (03 00), and
  // n bytes without a repeated triple are stored in n + 5 (a block header of 5 bytes).
  const spread = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 167) & 255);
  const empty = new Uint8Array();
  const endRecord = (archive: Uint8Array) => {
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    return { size: view.getUint32(archive.length - 10, true), offset: view.getUint32(archive.length - 6, true) };
  };

  it('writes 65 535 entries and sizes and offsets up to 4 GiB − 1 unless told otherwise', () => {
    expect(ZIP32_LIMITS).toEqual({ entries: 65_535, bytes: 4_294_967_295 });
  });

  it('takes as many entries as the limit, and refuses one more before writing any', () => {
    const limits = { entries: 2, bytes: ZIP32_LIMITS.bytes };
    const two = [{ path: 'a', data: text('x') }, { path: 'b', data: text('yy') }];
    expect(Object.keys(unzipSync(zip(two, MODIFIED, 1, limits)))).toEqual(['a', 'b']);
    expect(() => zip([...two, { path: 'c', data: empty }], MODIFIED, 1, limits)).toThrow('3 ZIP entries: past 2, which needs ZIP64');
  });

  it('takes an entry of as many bytes as the limit, however well they deflate, and refuses one more', () => {
    const limits = { entries: 1, bytes: 100 };
    expect(strFromU8(unzipSync(zip([{ path: 'a', data: text('x'.repeat(100)) }], MODIFIED, 1, limits))['a']!)).toBe('x'.repeat(100));
    expect(() => zip([{ path: 'a', data: text('x'.repeat(101)) }], MODIFIED, 1, limits)).toThrow('ZIP entry a: 101 bytes, past 100, which needs ZIP64');
  });

  it('takes a central directory that starts at the limit, and refuses one a byte later', () => {
    const limits = { entries: 1, bytes: 100 };
    // 30 header bytes, the name «a», 64 bytes stored in 69: the central directory starts at byte 100.
    const archive = zip([{ path: 'a', data: spread(64) }], MODIFIED, 1, limits);
    expect(endRecord(archive)).toEqual({ size: 47, offset: 100 });
    expect(unzipSync(archive)['a']).toEqual(spread(64));
    expect(() => zip([{ path: 'a', data: spread(65) }], MODIFIED, 1, limits)).toThrow('ZIP central directory at byte 101, 47 bytes long: past 100, which needs ZIP64');
  });

  it('takes a central directory as long as the limit, and refuses one a byte longer', () => {
    const limits = { entries: 2, bytes: 100 };
    // Two headers of 46 bytes and names of 4: 100 bytes, after two entries of 30 + 4 + 2.
    const archive = zip([{ path: 'aaaa', data: empty }, { path: 'bbbb', data: empty }], MODIFIED, 1, limits);
    expect(endRecord(archive)).toEqual({ size: 100, offset: 72 });
    expect(() => zip([{ path: 'aaaa', data: empty }, { path: 'bbbbb', data: empty }], MODIFIED, 1, limits)).toThrow(
      'ZIP central directory at byte 73, 101 bytes long: past 100, which needs ZIP64',
    );
  });
});
