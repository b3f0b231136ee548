/**
 * Ukrainian for pagefind. Pagefind matches every query word as a prefix of indexed words
 * and requires all of them, but knows no Ukrainian endings: «звернення» does not find
 * «звернень», «Кривий Ріг» does not find «Кривому Розі». So a query is rewritten, never
 * the index: each word becomes the stem its forms share (звернен-, програм-), with the
 * stems that vowel and consonant alternation gives (ріг → рог, роз), numbers become the
 * digit groups pages print, and Latin words are read back through the site's own
 * vocabulary. The page text stays as printed, so excerpts show the words as written.
 */

/** Endings, longest first: nouns, adjectives, participles and common verb forms. */
const ENDINGS = [
  'ьому', 'ього', 'ими', 'іми', 'ами', 'ями', 'ого', 'ому', 'ові', 'еві', 'єві',
  'ої', 'ою', 'ею', 'єю', 'ам', 'ям', 'ах', 'ях', 'ів', 'їв', 'ий', 'ій', 'их', 'іх', 'им', 'ім',
  // -ть: діяльність and діяльності share діяльніс-.
  'ом', 'ем', 'єм', 'ей', 'ть',
  'а', 'я', 'и', 'і', 'ї', 'у', 'ю', 'о', 'е', 'є', 'ь', 'й',
];

const MIN_STEM = 3;
const VOWELS = /[аеєиіїоуюя]/;

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[’ʼ`´]/g, "'");
}

/** The prefix the word's inflected forms share: звернень → звернен, Кривому → крив. */
export function stem(word: string): string {
  // A word of MIN_STEM letters or fewer has nothing to cut: every rule below keeps MIN_STEM.
  let w = normalizeWord(word);
  for (const ending of ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= MIN_STEM) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  // Verbal nouns double the н before the ending (звернення) and drop it in the genitive
  // plural (звернень): the shared prefix has one.
  if (w.endsWith('нн') && w.length > MIN_STEM + 1) w = w.slice(0, -1);
  // A stem left ending in a vowel (програма → програм- is fine, but петиції → петиці-)
  // prefix-matches fewer forms than one cut at the consonant.
  if (VOWELS.test(w.at(-1)!) && w.length > MIN_STEM + 1) w = w.slice(0, -1);
  return w;
}

const MUTATION: Record<string, string> = { г: 'з', к: 'ц', х: 'с' };
const UNMUTATION: Record<string, string> = { з: 'г', ц: 'к', с: 'х' };

/**
 * Stems the same word takes in its other forms. In a closed last syllable і alternates
 * with о (Ріг → Рогу, Львів → Львова, діяльність → діяльності), and before the -і of the
 * locative г, к, х become з, ц, с (Ріг → Розі). Only these two, so that a query does not
 * start matching unrelated words.
 */
export function alternatives(stemmed: string): string[] {
  const out = new Set([stemmed]);
  const match = /^(.*[^аеєиіїоуюя])?([іо])([бвгґджзклмнпрстфхцчшщь]{1,2})$/.exec(stemmed);
  if (match) {
    const head = match[1] ?? '';
    const vowel = match[2]!;
    const tail = match[3]!;
    const other = vowel === 'і' ? 'о' : 'і';
    out.add(`${head}${other}${tail}`);
    const last = tail.at(-1)!;
    const withO = `${head}о${tail.slice(0, -1)}`;
    if (MUTATION[last]) out.add(`${withO}${MUTATION[last]}`);
    if (vowel === 'о' && UNMUTATION[last]) {
      out.add(`${withO}${UNMUTATION[last]}`);
      out.add(`${head}і${tail.slice(0, -1)}${UNMUTATION[last]}`);
    }
  }
  return [...out];
}

/** 1243280, 1 243 280, 1 243 280,57, 1243280.57 → the groups pages print: 1 243 280,57 */
export function groupNumber(text: string): string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const [whole, fraction] = compact.split(/[,.]/) as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return fraction ? `${grouped},${fraction}` : grouped;
}

export interface QueryPlan {
  /** One list of alternatives per query word; a page must match one of each. */
  words: string[][];
  /** Latin words to read back through the vocabulary before searching. */
  latin: string[];
  /** Exact phrases (numbers as pages print them). */
  phrases: string[];
}

const NUMBER = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?/g;

export function plan(query: string): QueryPlan {
  const phrases: string[] = [];
  const rest = normalizeWord(query).replace(NUMBER, (match) => {
    phrases.push(groupNumber(match));
    return ' ';
  });
  const words: string[][] = [];
  const latin: string[] = [];
  for (const token of rest.split(/[^\p{L}'-]/u)) {
    for (const part of token.split('-')) {
      const word = part.replace(/^'+|'+$/g, '');
      if (word.length === 0) continue;
      if (/^[a-z']+$/.test(word)) latin.push(word.replace(/'/g, ''));
      else words.push([...new Set(alternatives(stem(word)))]);
    }
  }
  return { words, latin, phrases };
}

/**
 * The pagefind queries a plan needs: every combination of the words' alternatives
 * (capped), each with the phrases.
 */
export function searches(words: string[][], phrases: string[], limit = 12): string[] {
  let combos: string[][] = [[]];
  for (const options of words) {
    const next: string[][] = [];
    for (const combo of combos) for (const option of options) next.push([...combo, option]);
    combos = next.slice(0, limit);
  }
  const quoted = phrases.map((phrase) => `"${phrase}"`);
  return combos.map((combo) => [...combo, ...quoted].join(' ')).filter(Boolean);
}
