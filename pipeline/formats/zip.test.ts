import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zip } from './zip.ts';

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
