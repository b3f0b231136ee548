import { describe, expect, it } from 'vitest';
import { locateInvalidUtf8 } from './decode.ts';

/** 80 000 bytes of «а» (D0 B0): a character starts at every even offset, and a chunk of 65 536 bytes ends on one. */
const cyrillic = () => new TextEncoder().encode('а'.repeat(40_000));

describe('the first byte that is not UTF-8', () => {
  it('is none in valid text', () => {
    expect(locateInvalidUtf8(cyrillic())).toBe(80_000);
  });
  it('is a continuation byte left without its lead, just after a chunk boundary', () => {
    const bytes = cyrillic();
    bytes[65_536] = 0x41;
    expect(locateInvalidUtf8(bytes)).toBe(65_537);
  });
  it('is the lead byte of a character whose second byte is broken', () => {
    const bytes = cyrillic();
    bytes[65_537] = 0xff;
    expect(locateInvalidUtf8(bytes)).toBe(65_536);
  });
  it('is the lead byte of a character cut by the end of the file', () => {
    expect(locateInvalidUtf8(cyrillic().slice(0, 65_537))).toBe(65_536);
  });
  it.each([
    ['an overlong "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a windows-1251 «і»', [0xb3, 0x41]],
  ])('is the start of %s', (_, tail) => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('ok: так\n'), ...tail]);
    expect(locateInvalidUtf8(bytes)).toBe(new TextEncoder().encode('ok: так\n').length);
  });
});
