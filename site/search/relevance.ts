/**
 * Which pages a query must find, worked out from the built pages rather than listed by hand,
 * so the judgment follows the site as pages are added. A page is relevant when the text the
 * index reads (its <main data-pagefind-body>, without ignored elements) holds one of the
 * query's forms. Forms are written by hand in `queries.json`, independently of the search
 * code under test, in a small notation: words separated by spaces must follow one another;
 * `stem*` is any word that begins with `stem`; `#1243280` or `#1243280,57` is that number as
 * written or printed in groups of three; any other word must appear whole. Case, the kind of
 * apostrophe and the kind of space do not matter.
 */
import { mainOf, withoutIgnored } from './digest.ts';

const APOSTROPHE = "['’ʼ`]";
const LETTER = `(?:[\\p{L}\\p{M}]|${APOSTROPHE})`;
const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/** The text a page gives the index, with one kind of space and one apostrophe; '' for a page the index does not read. */
export function indexedText(html: string): string {
  const main = mainOf(html);
  if (main === undefined) return '';
  return normalize(
    decode(
      withoutIgnored(main)
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' '),
    ),
  );
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

function normalize(text: string): string {
  return text.replace(/[’ʼ`]/g, "'").replace(/\s+/gu, ' ');
}

/** One word of a form as a regular expression. */
function wordPattern(word: string): string {
  if (word.startsWith('#')) {
    const [whole = '', fraction] = word.slice(1).split(',');
    const groups = whole.replace(/\B(?=(\d{3})+$)/g, ' ').split(' ');
    return `(?<!\\d ?)${groups.join(' ?')}${fraction === undefined ? '(?! ?\\d)' : `,${fraction}(?!\\d)`}`;
  }
  const stem = word.endsWith('*');
  const text = normalize(stem ? word.slice(0, -1) : word)
    .replace(ESCAPE, '\\$&')
    .replace(/'/g, APOSTROPHE);
  return `(?<!${LETTER})${text}${stem ? `${LETTER}*` : `(?!${LETTER})`}`;
}

/** A form as one regular expression: its words one after another. */
export function formPattern(form: string): RegExp {
  const words = normalize(form).trim().split(' ');
  return new RegExp(words.map(wordPattern).join('[\\s,;:]+'), 'iu');
}

/** The paths of the pages that hold one of the forms, in path order. */
export function relevantPages(pages: readonly { path: string; text: string }[], forms: readonly string[]): string[] {
  const patterns = forms.map(formPattern);
  return pages
    .filter((page) => patterns.some((pattern) => pattern.test(page.text)))
    .map((page) => page.path)
    .sort();
}
