/**
 * For searches typed in Latin letters («Kryvyi Rih», «zvernennia»): every Cyrillic word the
 * site shows, keyed by its official transliteration, split by first letter so a query
 * loads one small file. Written under public/search/latin/.
 */
import { transliterate } from '../publish/translit.ts';

const WORD = /[\p{Script=Cyrillic}][\p{Script=Cyrillic}'’ʼ]*/gu;

/** Collects the words of texts as they pass; files() gives the vocabulary's files. */
export function latinWords(): { add(text: string): void; files(): Map<string, string> } {
  const words = new Set<string>();
  return {
    add(text) {
      // A page repeats its words; each distinct one is folded once.
      for (const word of new Set(text.match(WORD))) words.add(word.toLowerCase().replace(/['’ʼ]+$/, ''));
    },
    files: () => vocabularyFiles(words),
  };
}

function vocabularyFiles(words: Set<string>): Map<string, string> {
  const chunks = new Map<string, Map<string, Set<string>>>();
  // Each distinct word is transliterated once, however often the pages repeat it.
  for (const word of words) {
    if (word.length < 2) continue;
    const latin = transliterate(word).toLowerCase().replace(/[^a-z]/g, '');
    if (!latin) continue;
    const chunk = latin[0]!;
    if (!chunks.has(chunk)) chunks.set(chunk, new Map());
    const entries = chunks.get(chunk)!;
    if (!entries.has(latin)) entries.set(latin, new Set());
    entries.get(latin)!.add(word.replace(/[’ʼ]/g, "'"));
  }
  const out = new Map<string, string>();
  for (const [chunk, entries] of [...chunks].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)).map(([latin, words]) => [latin, [...words].sort()]));
    out.set(`public/search/latin/${chunk}.json`, JSON.stringify(sorted) + '\n');
  }
  return out;
}
