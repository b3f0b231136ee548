/**
 * What a Ukrainian reader would stumble on in a page's text, found without the site's own
 * code: counts whose noun does not agree with the number (by Intl.PluralRules('uk')), ISO
 * dates, years printed as amounts, placeholder addresses, and words in Latin letters.
 */

/** A counted noun in the four forms a number chooses between (nominative). */
export interface Paradigm {
  one: string;
  few: string;
  many: string;
  other: string;
}

export interface Finding {
  kind: 'count' | 'iso-date' | 'grouped-year' | 'placeholder' | 'latin';
  text: string;
  /** For a count: the form the number asks for. */
  expected?: string;
}

const SPACE = '[ \\u00a0\\u202f]';
/** A number as pages print it: 1 463, 1463, 6,5; not a piece of a date, a code or a decimal. */
const NUMBER = `(?<![\\p{L}\\p{N}.,/:-])(\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)(?:,(\\d+))?(?![\\p{N}.,:/-]\\p{N})`;
const MULTIPLIER = `(?:${SPACE}(тис\\.|млн|млрд))?`;
/** Words after which a number governs the genitive: близько 21 особи, до 512 символів. */
const GENITIVE = /(?:^|[^\p{L}])(близько|приблизно|менше|більше|з|із|до|від|понад|майже)\s*$/iu;

const rulesByDigits = new Map<number, Intl.PluralRules>();
function category(whole: string, fraction: string | undefined): keyof Paradigm {
  const digits = fraction?.length ?? 0;
  let rules = rulesByDigits.get(digits);
  if (!rules) rulesByDigits.set(digits, (rules = new Intl.PluralRules('uk', { minimumFractionDigits: digits })));
  return rules.select(Number(`${whole.replace(/\D/g, '')}${fraction ? `.${fraction}` : ''}`)) as keyof Paradigm;
}

/**
 * Every «number + counted noun» whose noun is in a form the number does not take. A noun is
 * known by any of its forms; after тис., млн or млрд it takes the form after 5; after
 * близько, менше, більше, з, до, від the genitive (after 1 the fraction's form, after 2–4 the
 * form after 5); after понад the genitive or the nominative.
 */
export function countFindings(text: string, paradigms: Paradigm[]): Finding[] {
  const byForm = new Map<string, Paradigm[]>();
  for (const p of paradigms) for (const form of new Set([p.one, p.few, p.many, p.other])) byForm.set(form.toLowerCase(), [...(byForm.get(form.toLowerCase()) ?? []), p]);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const findings: Finding[] = [];
  const pattern = new RegExp(`${NUMBER}${MULTIPLIER}${SPACE}+`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 80);
    const lower = rest.toLowerCase();
    const form = forms.find((f) => lower.startsWith(f) && !/[\p{L}'’ʼ-]/u.test(lower.charAt(f.length)));
    if (!form) continue;
    const [, whole = '', fraction, multiplier] = match;
    const wanted = multiplier ? 'many' : category(whole, fraction);
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    if (/№\s*$/u.test(before)) continue;
    const preposition = GENITIVE.exec(before)?.[1]?.toLowerCase();
    const accepted = (p: Paradigm): string[] => {
      const nominative = p[wanted];
      const genitive = wanted === 'one' ? p.other : wanted === 'few' ? p.many : p[wanted];
      if (preposition === 'понад') return [nominative, genitive];
      return preposition ? [genitive] : [nominative];
    };
    const candidates = byForm.get(form)!;
    if (candidates.some((p) => accepted(p).some((f) => f.toLowerCase() === form))) continue;
    const said = `${preposition ? `${preposition} ` : ''}${match[0]}${rest.slice(0, form.length)}`;
    findings.push({ kind: 'count', text: said.replace(/[\s\u00a0\u202f]+/gu, ' ').trim(), expected: accepted(candidates[0]!).join(' / ') });
  }
  return findings;
}

/** An ISO date (2022-01-01) or period (2022-01-01/2022-06-30), or a year grouped as an amount (1 980 рік). */
export function dateFindings(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])\d{4}-\d{2}-\d{2}(?:[T/][\d:TZ/+-]*)?/gu)) findings.push({ kind: 'iso-date', text: match[0] });
  for (const match of text.matchAll(new RegExp(`(?<!\\p{N}${SPACE}?)[12]${SPACE}\\d{3}${SPACE}+(?:рік|року|році|роки|років|р\\.)`, 'gu'))) {
    findings.push({ kind: 'grouped-year', text: match[0] });
  }
  return findings;
}

/**
 * Example domains and addresses (RFC 2606) that must never reach a reader: what an author or
 * a template could leave in. (The end-to-end build is published at a .test address of its own.)
 */
export function placeholderFindings(text: string): Finding[] {
  return [...text.matchAll(/[\w.-]*\bexample\.(?:org|com|net)\b|\blocalhost\b|\.invalid\b/giu)].map((match) => ({ kind: 'placeholder', text: match[0] }));
}

/**
 * Words in Latin letters that are not addresses and not on the allow-list (names of
 * formats, standards, licences and codes a reader meets on a data portal).
 */
export function latinFindings(text: string, allowed: ReadonlySet<string>): Finding[] {
  const withoutAddresses = text
    // Codes: UUIDs, checksums, UPPER_CASE codes.
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[0-9a-f]{32,}\b|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/gu, ' ')
    .replace(/\b(?:https?|mailto):[^\s«»"<>]+/giu, ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu, ' ')
    .replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:ua|org|com|net|gov|eu|io)\b[^\s«»"<>]*/giu, ' ')
    .replace(/\b[\w-]+\.(?:csv|json|xlsx|ttl|jsonld|xml)\b/giu, ' ')
    // Paths within the site: /council-open-data/datasets/x/
    .replace(/(?<![\p{L}\p{N}])\/[\w.-]+(?:\/[\w.-]*)+/gu, ' ');
  const findings: Finding[] = [];
  // A Latin letter inside a Cyrillic word (ІSO) is a typing slip of the source, not English.
  for (const match of withoutAddresses.matchAll(/(?<![\p{Script=Cyrillic}\p{Script=Latin}])[\p{Script=Latin}][\p{Script=Latin}\p{N}_'-]*(?![\p{Script=Cyrillic}])/gu)) {
    const word = match[0].replace(/[-']+$/u, '');
    if (!allowed.has(word) && !/^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$/u.test(word) && !/^UA\d{17}$/u.test(word)) findings.push({ kind: 'latin', text: word });
  }
  return findings;
}
