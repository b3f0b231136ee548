import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors/problem.ts';
import { decode, firstInvalidUtf8, locateInvalidUtf8, MAX_FILE_BYTES } from './decode.ts';

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
  it('is found past a valid character that a chunk boundary cuts in two', () => {
    // «ї» (D1 97) at offsets 65 535 and 65 536, then a byte that is not UTF-8 at 70 000.
    const bytes = new Uint8Array(80_000).fill(0x61);
    bytes.set([0xd1, 0x97], 65_535);
    bytes[70_000] = 0xff;
    expect(locateInvalidUtf8(bytes)).toBe(70_000);
  });
  it.each([
    ['a two-byte character', [0xd0], 65_535],
    ['a three-byte character', [0xe0, 0xbf], 65_534],
    ['a four-byte character', [0xf0, 0x90, 0x80], 65_533],
  ])('is the lead byte of %s the last chunk boundary cut, when the next chunk does not go on with it', (_, lead, start) => {
    const bytes = new Uint8Array(80_000).fill(0x61);
    bytes.set(lead, start);
    bytes[65_536] = 0x41;
    expect(locateInvalidUtf8(bytes)).toBe(start);
  });
  it('is the first byte of the file when it is a continuation byte', () => {
    const bytes = new Uint8Array(80_000).fill(0x61);
    bytes[0] = 0x80;
    expect(locateInvalidUtf8(bytes)).toBe(0);
  });
  it('is the lead byte of a character cut by the end of a file of exactly one chunk', () => {
    const bytes = new Uint8Array(65_536).fill(0x61);
    bytes[65_535] = 0xd0;
    expect(locateInvalidUtf8(bytes)).toBe(65_535);
  });
  it.each([
    ['a continuation byte followed by continuation bytes', [0x80, 0x80, 0x80, 0x80]],
    ['a lead byte past F4 followed by continuation bytes', [0xf5, 0x80, 0x80, 0x80]],
  ])('is the first byte of %s, which no character starts with', (_, start) => {
    expect(firstInvalidUtf8(Uint8Array.from(start))).toBe(0);
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

describe('UTF-8 byte by byte (Unicode 15, table 3-7)', () => {
  const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from([0x41, ...bytes]));
  it.each([
    ['two bytes from C2', [0xc2, 0x80], 3],
    ['two bytes up to DF BF', [0xdf, 0xbf], 3],
    ['E0 with a second byte from A0', [0xe0, 0xa0, 0x80], 4],
    ['E1–EC, EE–EF with any continuation', [0xef, 0xbf, 0xbf], 4],
    ['ED up to 9F (no surrogates)', [0xed, 0x9f, 0xbf], 4],
    ['F0 with a second byte from 90', [0xf0, 0x90, 0x80, 0x80], 5],
    ['F1–F3 with any continuation', [0xf3, 0xbf, 0xbf, 0xbf], 5],
    ['F4 up to 8F', [0xf4, 0x8f, 0xbf, 0xbf], 5],
  ])('takes %s', (_, bytes, length) => {
    expect(at(...bytes)).toBe(length);
  });
  it.each([
    ['C0 and C1, always overlong', [0xc1, 0xbf]],
    ['C2 without its continuation', [0xc2, 0x41]],
    ['a lead byte past F4', [0xf5, 0x80, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
    ['E0 below A0 (overlong)', [0xe0, 0x9f, 0x80]],
    ['ED from A0 (a surrogate)', [0xed, 0xa0, 0x80]],
    ['F0 below 90 (overlong)', [0xf0, 0x8f, 0x80, 0x80]],
    ['F4 from 90 (past U+10FFFF)', [0xf4, 0x90, 0x80, 0x80]],
    ['a third byte that is no continuation', [0xe1, 0x80, 0xc0]],
    ['a fourth byte past BF', [0xf1, 0x80, 0x80, 0xc0]],
    ['a character cut short', [0xf1, 0x80, 0x80]],
  ])('refuses %s at its first byte', (_, bytes) => {
    expect(at(...bytes)).toBe(1);
  });
});

describe('a source file decoded', () => {
  const bytes = (text: string, ...tail: number[]) => Uint8Array.from([...new TextEncoder().encode(text), ...tail]);
  function decoded(input: Uint8Array) {
    const problems: Problem[] = [];
    return { text: decode(input, 'c/d/document.yaml', problems), problems };
  }

  it('is its text when it is UTF-8, not blank and without control characters', () => {
    expect(decoded(bytes('id: d\r\n\ttitle: так\n'))).toEqual({ text: 'id: d\r\n\ttitle: так\n', problems: [] });
  });

  it('names the first byte that is not UTF-8 and its line', () => {
    expect(decoded(bytes('id: d\nkind: x\ntitle: ', 0xb3, 0x41, 0x0a))).toEqual({
      text: undefined,
      problems: [
        {
          code: 'E_FILE_ENCODING',
          file: 'c/d/document.yaml',
          line: 3,
          message: 'the file is not UTF-8 (the first byte that is not, 0xb3, is on line 3)',
          hint: 'Save the file as UTF-8. Files saved by older Windows programs are often windows-1251 (or UTF-16 when they start with the bytes FF FE): re-save them with the encoding set to UTF-8.',
        },
      ],
    });
    expect(decoded(bytes('', 0x0a, 0x0a, 0x05 + 0x80)).problems[0]!.message).toBe('the file is not UTF-8 (the first byte that is not, 0x85, is on line 3)');
  });

  it('names a character cut short where the file is read in two chunks, on its own line', () => {
    // 32 767 lines of «a», «b» and the lead byte of «а» (D0) at byte 65 535, then «A» instead of its second byte.
    const input = bytes(`${'a\n'.repeat(32_767)}b`, 0xd0, ...new TextEncoder().encode('A\n'.repeat(100)));
    expect(decoded(input).problems.map((problem) => [problem.line, problem.message])).toEqual([[32_768, 'the file is not UTF-8 (the first byte that is not, 0xd0, is on line 32768)']]);
  });

  it('is empty when it holds only white space', () => {
    expect(decoded(bytes(' \n\t\n'))).toEqual({ text: undefined, problems: [{ code: 'E_FILE_EMPTY', file: 'c/d/document.yaml', line: 1, message: 'the file is empty', hint: 'Fill it in, or delete it if the document has nothing of this kind.' }] });
  });

  it('names the first control character with its line and column', () => {
    expect(decoded(bytes('id: d\ntitle: так\u0000ні\u0007\n'))).toEqual({
      text: undefined,
      problems: [
        {
          code: 'E_TEXT_CONTROL',
          file: 'c/d/document.yaml',
          line: 2,
          column: 11,
          offset: 16,
          message: 'the file holds the control character U+0000 on line 2, which no published format keeps as written',
          hint: 'Delete the character: it is invisible in most editors (a NUL often comes from a file cut short or saved by a binary tool). Line breaks, spaces and tabs are the only control characters a source may hold.',
        },
      ],
    });
    expect(decoded(bytes('a\u0085')).problems[0]).toMatchObject({ line: 1, column: 2, message: 'the file holds the control character U+0085 on line 1, which no published format keeps as written' });
    expect(decoded(bytes('\n\n\uffff')).problems[0]).toMatchObject({ line: 3, column: 1, message: 'the file holds the control character U+FFFF on line 3, which no published format keeps as written' });
  });

  // 64 MiB decoded: seconds on a busy machine.
  it('refuses a file past 64 MiB, and reads one of 64 MiB', { timeout: 30_000 }, () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
    big[0] = 0x61;
    expect(decoded(big).problems).toEqual([
      {
        code: 'E_FILE_TOO_LARGE',
        file: 'c/d/document.yaml',
        line: 1,
        message: `the file has ${64 * 1024 * 1024 + 1} bytes; a source file holds at most ${64 * 1024 * 1024} (64 MiB)`,
        hint: 'Split the figures over several documents, or check that the file is the one meant (an export of a whole database is not a source).',
      },
    ]);
    expect(decoded(big.subarray(0, MAX_FILE_BYTES)).problems).toEqual([]);
  });
});
