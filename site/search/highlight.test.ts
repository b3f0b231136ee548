import { describe, expect, it } from 'vitest';
import { excerptText, highlight, sharesStem } from './highlight.ts';
import { plan } from './ukrainian.ts';

/** The words a query marks in a text, as the search page would. */
function marked(query: string, text: string, latin: Record<string, string[]> = {}): string[] {
  const p = plan(query);
  const words = [...p.words, ...p.latin.map((w) => [...(latin[w] ?? []), w])];
  return highlight(text, words, p.phrases)
    .filter((s) => s.mark)
    .map((s) => s.text);
}

describe('search marks only words that share a query word’s stem', () => {
  const text = 'Програма сприяння розвитку місцевого самоврядування в м. Кривому Розі. Розпорядник: управління; для розробників. Кривий Ріг, Рогу, Криворізька рада.';

  it('«Кривий Ріг» marks Кривому Розі, Кривий Ріг, Рогу, and not розвитку, Розпорядник, розробників', () => {
    expect(marked('Кривий Ріг', text)).toEqual(['Кривому', 'Розі', 'Кривий', 'Ріг', 'Рогу']);
  });

  it('a Latin query marks the Cyrillic words the site’s vocabulary reads it as', () => {
    // What search/latin/k.json and r.json give for these words, as stems (readLatin).
    const latin = { kryvyi: ['крив'], rih: ['ріг', 'рог', 'роз'] };
    expect(marked('Kryvyi Rih', text, latin)).toEqual(['Кривому', 'Розі', 'Кривий', 'Ріг', 'Рогу']);
  });

  it('marks the forms of a word, not a longer word that starts the same', () => {
    expect(marked('звернення', 'Звернень надійшло 3 402; зверненнями опікується відділ; громадяни звернулися; зверненнях.')).toEqual(['Звернень', 'зверненнями', 'зверненнях']);
    expect(marked('діяльність', 'звіт про діяльність і діяльності; діяльністю.')).toEqual(['діяльність', 'діяльності', 'діяльністю']);
    expect(marked('рада', 'міська рада, радою, ради; радник, радіус.')).toEqual(['рада', 'радою', 'ради']);
  });

  it('marks a hyphenated name whole', () => {
    expect(marked('Івано-Франківськ', 'Івано-Франківська міська рада; Франківськ; Іванович')).toEqual(['Івано-Франківська', 'Франківськ']);
  });

  it('marks a number only whole, as pages print it', () => {
    const money = 'виділено 1\u00a0243\u00a0280,57 грн, а не 11 243 280,57 і не 243.';
    expect(marked('1243280.57', money)).toEqual(['1\u00a0243\u00a0280,57']);
    expect(marked('243', money)).toEqual(['243']);
  });

  it('keeps the words apart: «Кривому Розі» is two marks, the space between them unmarked', () => {
    expect(highlight('у Кривому Розі', [['крив'], ['ріг', 'рог', 'роз']], [])).toEqual([
      { text: 'у ', mark: false },
      { text: 'Кривому', mark: true },
      { text: ' ', mark: false },
      { text: 'Розі', mark: true },
    ]);
  });

  it('tells stems apart by more than their first letters', () => {
    expect(sharesStem('Розі', 'роз')).toBe(true);
    expect(sharesStem('розвитку', 'роз')).toBe(false);
    expect(sharesStem('Криворізької', 'крив')).toBe(false);
  });
});

describe('the excerpt pagefind gives', () => {
  it('is read back to its text: marks dropped, escapes undone once', () => {
    expect(excerptText('&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; <mark>Розі</mark> &#39;x&#x27; &nbsp;')).toBe("<script>alert(1)</script> &amp; Розі 'x' \u00a0");
  });

  it('stays text when marked again: markup in it is never a tag', () => {
    const segments = highlight(excerptText('&lt;img src=x onerror=alert(1)&gt; Кривому'), [['крив']], []);
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'Кривому', mark: true },
    ]);
  });
});
