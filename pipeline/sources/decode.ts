/**
 * Bytes → text, or why not: the file is too large, is not UTF-8, is empty, or carries a
 * control character a published format cannot hold. Every check is one pass over the bytes.
 */
import type { Problem } from '../errors/problem.ts';

/** The largest source file read: a generated corpus of 40 000 datasets has none above 1 MiB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Refuses what is not UTF-8; a byte-order mark at the start is dropped (the decoder's default). */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array, path: string, problems: Problem[]): string | undefined {
  if (bytes.length > MAX_FILE_BYTES) {
    problems.push({
      code: 'E_FILE_TOO_LARGE',
      file: path,
      line: 1,
      message: `the file has ${bytes.length} bytes; a source file holds at most ${MAX_FILE_BYTES} (${MAX_FILE_BYTES / 1048576} MiB)`,
      hint: 'Split the figures over several documents, or check that the file is the one meant (an export of a whole database is not a source).',
    });
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = locateInvalidUtf8(bytes);
    const line = lineAt(bytes, offset);
    problems.push({
      code: 'E_FILE_ENCODING',
      file: path,
      line,
      message: `the file is not UTF-8 (the first byte that is not, 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '??'}, is on line ${line})`,
      hint: 'Save the file as UTF-8. Files saved by older Windows programs are often windows-1251 (or UTF-16 when they start with the bytes FF FE): re-save them with the encoding set to UTF-8.',
    });
    return undefined;
  }
  if (text.trim() === '') {
    problems.push({ code: 'E_FILE_EMPTY', file: path, line: 1, message: 'the file is empty', hint: 'Fill it in, or delete it if the document has nothing of this kind.' });
    return undefined;
  }
  const control = firstControl(text);
  if (control !== undefined) {
    problems.push({
      code: 'E_TEXT_CONTROL',
      file: path,
      ...control,
      message: `the file holds the control character ${codePoint(text, control.offset)} on line ${control.line}, which no published format keeps as written`,
      hint: 'Delete the character: it is invisible in most editors (a NUL often comes from a file cut short or saved by a binary tool). Line breaks, spaces and tabs are the only control characters a source may hold.',
    });
    return undefined;
  }
  return text;
}

const CHUNK = 65_536;

/**
 * The offset of the first byte that breaks UTF-8, in one pass: the platform's decoder reads
 * the file a chunk at a time until one fails, and only that chunk is looked at byte by byte.
 * (Decoding ever longer prefixes took time in the square of the file's length: hours for a
 * few megabytes.)
 */
export function locateInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at < bytes.length; at += CHUNK) {
    try {
      decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length });
    } catch {
      // Back to the first byte of the last character before the chunk, which the chunk may
      // have cut (the bytes before it were read without fault, so that is a character's start).
      let start = Math.max(0, at - 1);
      while (start > 0 && (bytes[start]! & 0xc0) === 0x80) start--;
      return start + firstInvalidUtf8(bytes.subarray(start, at + CHUNK));
    }
  }
  return bytes.length;
}

/** The offset of the first byte that breaks UTF-8 (Unicode 15, table 3-7), byte by byte. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      // The second byte has the lead byte's range; the rest are plain continuation bytes.
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < min || next > max) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** The line of a byte: line feeds before it, found by the platform's search rather than a loop over every byte. */
function lineAt(bytes: Uint8Array, offset: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, offset);
  let line = 1;
  for (let at = buffer.indexOf(0x0a); at >= 0; at = buffer.indexOf(0x0a, at + 1)) line++;
  return line;
}

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls; the noncharacters XML refuses. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;

function firstControl(text: string): { line: number; column: number; offset: number } | undefined {
  const match = CONTROL.exec(text);
  if (!match) return undefined;
  let line = 1;
  let start = 0;
  for (let i = 0; i < match.index; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: match.index - start + 1, offset: match.index };
}

export function codePoint(text: string, offset: number): string {
  return `U+${text.codePointAt(offset)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
