/**
 * What a search result marks: only the words that share a query word's stem («Кривому
 * Розі» for «Кривий Ріг»), not every word pagefind matched by a shorter prefix («розвитку»,
 * «Розпорядник» start with роз- too), and numbers only as the whole number asked for. The
 * excerpt is pagefind's escaped text; it is read back to plain text and marked again here,
 * and the page builds the marks as elements, never as HTML.
 */
import { alternatives, normalizeWord, stem } from './ukrainian.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Pagefind's excerpt (escaped text with <mark> around what it matched) as plain text. */
export function excerptText(excerpt: string): string {
  return excerpt.replace(/<\/?mark>/g, '').replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // NaN and numbers past the last code point are no character
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A word shares a query stem when its own stem (or an alternation of it) is that stem, or
 * differs from it by one letter at the end: діяльності (діяльност-) for діяльність
 * (діяльніс-), but not розвитку (розвитк-) for Ріг (роз-).
 */
export function sharesStem(word: string, queryStem: string): boolean {
  const w = normalizeWord(word);
  if (!w.startsWith(queryStem)) return false;
  return alternatives(stem(w)).some((s) => (s.startsWith(queryStem) && s.length - queryStem.length <= 1) || (queryStem.startsWith(s) && queryStem.length - s.length <= 1));
}

/** A word, hyphenated parts joined (Івано-Франківська): marked whole when a part matches. */
const WORD = /[\p{L}\d][\p{L}\d'’ʼ]*(?:-[\p{L}\d][\p{L}\d'’ʼ]*)*/gu;
const SPACE = '[\\s\\u00a0\\u202f]+';

/** A number as pages print it, where it stands alone: «1 243 280,57», and «243» not inside «1 243 280». */
function phrasePattern(phrase: string): RegExp {
  const body = phrase
    .split(' ')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/,/g, '[,.]'))
    .join(SPACE);
  // Not a part of a longer number: no digit, decimal mark or digit group right before or after.
  return new RegExp(`(?<![\\d,.])(?<!\\d${SPACE})${body}(?!\\d|[,.]\\d|${SPACE}\\d{3}(?!\\d))`, 'gu');
}

/**
 * The text cut into marked and unmarked parts. `words` holds one list of stems per query
 * word (as the search ran them, Latin words read back included); `phrases` the numbers.
 */
export function highlight(text: string, words: string[][], phrases: string[]): Segment[] {
  const ranges: [number, number][] = [];
  for (const phrase of phrases) for (const m of text.matchAll(phrasePattern(phrase))) ranges.push([m.index, m.index + m[0].length]);
  const stems = words.flat();
  for (const m of text.matchAll(WORD)) {
    if (/^\d/.test(m[0])) continue;
    if (m[0].split('-').some((part) => stems.some((s) => sharesStem(part, s)))) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), mark: false });
    const last = segments.at(-1);
    // The last segment is a mark only when this range starts where it ended (text between
    // them was pushed unmarked just above): the two run on as one mark.
    if (last?.mark) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), mark: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}
