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

describe('marks worked out by hand', () => {
  it('cuts the text into marks and the text between, a mark at the very start included', () => {
    expect(highlight('рада 243 і радою', [['рад']], ['243'])).toEqual([
      { text: 'рада', mark: true },
      { text: ' ', mark: false },
      { text: '243', mark: true },
      { text: ' і ', mark: false },
      { text: 'радою', mark: true },
    ]);
    expect(highlight('нічого', [['рад']], [])).toEqual([{ text: 'нічого', mark: false }]);
    expect(highlight('', [['рад']], [])).toEqual([]);
  });

  it('marks a number apart from the words around it, with any spaces between its groups, never inside a longer one', () => {
    expect(highlight('1  243 280', [], ['243'])).toEqual([{ text: '1  243 280', mark: false }]);
    expect(highlight('ціна 1.5 і 1x5', [], ['1.5'])).toEqual([
      { text: 'ціна ', mark: false },
      { text: '1.5', mark: true },
      { text: ' і 1x5', mark: false },
    ]);
  });

  it('marks no number by a word stem, and a word within a mark once', () => {
    expect(highlight('коди 20231 і 2023', [['2023']], [])).toEqual([{ text: 'коди 20231 і 2023', mark: false }]);
    expect(highlight('а5б кінець', [['а5б']], ['5'])).toEqual([
      { text: 'а5б', mark: true },
      { text: ' кінець', mark: false },
    ]);
  });

  it('marks a name and a number that run into each other as one mark', () => {
    expect(highlight('ковід-19 000 осіб', [['ковід']], ['19 000'])).toEqual([
      { text: 'ковід-19 000', mark: true },
      { text: ' осіб', mark: false },
    ]);
  });

  it('marks a hyphenated name whole when one part matches, and a name with a number in it', () => {
    expect(highlight('Івано-Франківська рада', [['франківськ']], [])).toEqual([
      { text: 'Івано-Франківська', mark: true },
      { text: ' рада', mark: false },
    ]);
    expect(highlight('спалах ковід-19', [['ковід']], [])).toEqual([
      { text: 'спалах ', mark: false },
      { text: 'ковід-19', mark: true },
    ]);
  });

  it('marks no shorter word by a longer stem, and a word whose stem is one letter off either way', () => {
    expect(sharesStem('рад', 'рада')).toBe(false);
    expect(sharesStem('звернення', 'зверненн')).toBe(true);
    expect(sharesStem('звернення', 'звернення')).toBe(false);
  });
});

describe('escapes read back, worked out by hand', () => {
  it('reads decimal and hexadecimal references in either case, and leaves what is no character as written', () => {
    expect(excerptText('&#X41;&#x42;&#67;&AMP;&copy;')).toBe('ABC&&copy;');
    expect(excerptText('&quot;так&apos;')).toBe('"так\'');
    expect(excerptText('&#x10FFFF;')).toBe('\u{10ffff}');
    expect(excerptText('&#1114111;')).toBe('\u{10ffff}');
    expect(excerptText('&#x110000; &#1114112;')).toBe('&#x110000; &#1114112;');
  });
});
