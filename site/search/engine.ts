/**
 * Runs a query through pagefind the Ukrainian way: the query's plan becomes a few pagefind
 * searches (one per combination of stems), whose results are merged by page, best score
 * first. Each page keeps the excerpt of the search that scored it best, so the words
 * marked in it are the page's own.
 */
import { PARTS_FILE, partUrls, type PartsFile } from './parts.ts';
import { alternatives, normalizeWord, plan, searches, stem } from './ukrainian.ts';

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

export interface ResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text. */
  content?: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface Pagefind {
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

/** pagefind's script as the browser imports it. */
export interface PagefindModule extends Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Makes the imported index whole: its options, then every further part parts.json lists,
 * merged one after another (a large portal's index is written in parts; see parts.ts).
 */
export async function openIndex(module: PagefindModule, indexUrl: string, baseUrl: string, fetchJson: (url: string) => Promise<unknown>): Promise<PagefindModule> {
  await module.options({ baseUrl });
  const list = (await fetchJson(`${indexUrl}${PARTS_FILE}`).catch(() => undefined)) as PartsFile | undefined;
  for (const url of partUrls(indexUrl, list)) await module.mergeIndex(url, { baseUrl });
  return module;
}

/** Reads a chunk of the Latin vocabulary: Latin spelling → the Cyrillic words it stands for. */
export type VocabularyLoader = (chunk: string) => Promise<Record<string, string[]>>;

export interface Found {
  /** Best first, each with its loaded data, at most `limit`. */
  results: ResultData[];
  /** How many pages matched, counting only those checked (at most `verifyLimit`). */
  total: number;
  /** True when more pages matched than were checked. */
  more: boolean;
  /** The pagefind queries that were run, for the curious and for tests. */
  queries: string[];
  /** The stems searched for, one list per query word (Latin words read back included), and the numbers: what results mark. */
  words: string[][];
  phrases: string[];
}

/**
 * Pagefind backs off to the longest indexed prefix of a word it cannot find («метрополітен»
 * matches «м.»). A page is kept only when a word pagefind marked in it starts with one of
 * the query's stems.
 */
export function matchesPlan(excerpt: string, prefixes: string[]): boolean {
  const marked = [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => normalizeWord(m[1]!).replace(/^[^\p{L}\d]+/u, ''));
  return marked.some((word) => prefixes.some((prefix) => word.startsWith(prefix)));
}

/**
 * The page's text holds every query word (a word starting with one of its stems) and every
 * number. Pagefind requires every word, but over an index in parts it searches each part on
 * its own and drops a word a part has never seen: there «Кривий Ріг» found pages with only
 * роз- words (розвитку) in them.
 */
export function coversPlan(content: string | undefined, words: string[][], phrases: string[]): boolean {
  if (content === undefined) return true;
  const text = normalizeWord(content).replace(/[\s\u00a0\u202f]+/g, ' ');
  const tokens = wordsOf(text).flatMap((token) => [token, ...token.split('-')]);
  const hasWord = (stems: string[]) => tokens.some((token) => stems.some((s) => token.startsWith(s)));
  const hasNumber = (phrase: string) => text.includes(phrase) || text.includes(phrase.replace(/,/g, '.'));
  return words.every(hasWord) && phrases.every(hasNumber);
}

const wordsOf = (text: string): string[] => [...text.matchAll(/[\p{L}\d'-]+/gu)].map(([token]) => token);

/**
 * The page's text holds the query's words one after another, as typed («бюджет участі» in
 * «бюджету участі», not «бюджет громади… участь мешканців»). Pages that do come first.
 */
export function holdsInOrder(content: string | undefined, words: string[][]): boolean {
  if (content === undefined || words.length < 2) return false;
  // Within a clause: «бюджет, участь» is two things, not one.
  return normalizeWord(content)
    .split(/[,;:.!?()«»"“”„—–/|]+/)
    .some((clause) => {
      const tokens = wordsOf(clause).flatMap((token) => token.split('-'));
      const at = (i: number) => words.every((stems, k) => stems.some((s) => tokens[i + k]?.startsWith(s)));
      return tokens.some((_, i) => at(i));
    });
}

/** Cyrillic stems for a word typed in Latin letters, from the site's own vocabulary. */
export async function readLatin(word: string, load: VocabularyLoader): Promise<string[]> {
  const chunk = await load(word[0]!).catch(() => ({}) as Record<string, string[]>);
  const exact = chunk[word];
  const words = exact ?? Object.entries(chunk).filter(([latin]) => latin.startsWith(word)).flatMap(([, cyrillic]) => cyrillic);
  return [...new Set(words.flatMap((w) => alternatives(stem(w))))];
}

export async function searchUkrainian(
  pagefind: Pagefind,
  query: string,
  filters: Record<string, string>,
  load: VocabularyLoader,
  { limit = 30, verifyLimit = 100 }: { limit?: number; verifyLimit?: number } = {},
): Promise<Found> {
  const p = plan(query);
  const words = [...p.words];
  for (const latin of p.latin) {
    const cyrillic = await readLatin(latin, load);
    // A Latin word the vocabulary does not know may be printed in Latin (ISO, CKAN).
    words.push([...cyrillic, latin]);
  }
  const queries = searches(words, p.phrases);
  const best = new Map<string, PagefindResult>();
  const all = await Promise.all(queries.map((q) => pagefind.search(q, { filters })));
  for (const { results } of all) {
    for (const result of results) {
      const known = best.get(result.id);
      if (!known || result.score > known.score) best.set(result.id, result);
    }
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const prefixes = [...words.flat(), ...p.phrases.flatMap((phrase) => phrase.split(' '))];
  const checked = await Promise.all(ranked.slice(0, verifyLimit).map((result) => result.data()));
  const covered = checked.filter((data) => matchesPlan(data.excerpt, prefixes) && coversPlan(data.content, words, p.phrases));
  const inOrder = covered.map((data) => holdsInOrder(data.content, words));
  const kept = [...covered.filter((_, i) => inOrder[i]), ...covered.filter((_, i) => !inOrder[i])];
  return { results: kept.slice(0, limit), total: kept.length, more: ranked.length > verifyLimit, queries, words, phrases: p.phrases };
}
