import { describe, expect, it } from 'vitest';
import { coversPlan, holdsInOrder, matchesPlan, type Pagefind, type PagefindResult, readLatin, searchUkrainian, type VocabularyLoader } from './engine.ts';
import { plan } from './ukrainian.ts';

const covers = (query: string, content: string) => {
  const p = plan(query);
  return coversPlan(content, p.words, p.phrases);
};

describe('a page is kept only when its text holds every query word', () => {
  it('drops a page pagefind found by one word alone, as it does over an index in parts', () => {
    expect(covers('Кривий Ріг', 'Програма розвитку місцевого електронного урядування; розпорядження міського голови')).toBe(false);
    expect(covers('Кривий Ріг', 'Програма сприяння розвитку місцевого самоврядування в м. Кривому Розі')).toBe(true);
  });

  it('finds the words in any form, in hyphenated names, and numbers with any space', () => {
    expect(covers('Івано-Франківськ звернення', 'Івано-Франківська міська рада: звернень громадян')).toBe(true);
    expect(covers('1 243 280,57', 'виділено 1\u00a0243\u00a0280,57 грн')).toBe(true);
    expect(covers('1 243 280,57', 'виділено 1 243 280 грн')).toBe(false);
  });

  it('keeps what it cannot check: a result without its text', () => {
    expect(coversPlan(undefined, [['крив']], [])).toBe(true);
  });
});

describe('words one after another', () => {
  const inOrder = (query: string, content: string) => holdsInOrder(content, plan(query).words);

  it('holds when the page has the query words in sequence, in any form', () => {
    expect(inOrder('бюджет участі', 'проєкти бюджету участі 2022 року')).toBe(true);
    expect(inOrder('гаряча лінія', 'Гарячої\u00a0лінії для переміщених осіб')).toBe(true);
    expect(inOrder('Івано-Франківськ звернення', 'Івано-Франківськ звернення громадян за рік')).toBe(true);
    expect(inOrder('Івано-Франківськ звернення', 'Івано-Франківськ: звернення громадян')).toBe(false);
  });

  it('does not hold when the words are apart, reversed, or the query has one word', () => {
    expect(inOrder('бюджет участі', 'Усього бюджет громади; участь мешканців')).toBe(false);
    expect(inOrder('бюджет участі', 'участь у бюджеті')).toBe(false);
    expect(inOrder('бюджет', 'бюджет участі')).toBe(false);
    expect(holdsInOrder(undefined, [['бюджет'], ['участ']])).toBe(false);
  });
});

describe('what pagefind marked', () => {
  it('keeps a page when a marked word starts with a query stem, whatever its case or the punctuation before it', () => {
    expect(matchesPlan('у <mark>Кривому</mark> Розі', ['крив'])).toBe(true);
    expect(matchesPlan('«<mark>««Звернення</mark>', ['звернен'])).toBe(true);
    expect(matchesPlan("<mark>пам'яті</mark>", ["пам'ят"])).toBe(true);
    expect(matchesPlan('<mark>м.</mark> Кривий', ['метрополітен'])).toBe(false);
    expect(matchesPlan('Кривий Ріг без позначок', ['крив'])).toBe(false);
    expect(matchesPlan('<mark>рада</mark> і <mark>кривому</mark>', ['крив'])).toBe(true);
  });
});

describe('Latin words', () => {
  const vocabulary: Record<string, Record<string, string[]>> = { z: { zvernennia: ['звернення'], zvernennia_x: ['звернення'], zvit: ['звіт', 'звіти'] }, k: { kryvyi: ['кривий'], kryvoho: ['кривого'], kyiv: ['київ'] } };
  const load: VocabularyLoader = async (chunk) => {
    const found = vocabulary[chunk];
    if (!found) throw new Error(`no chunk ${chunk}`);
    return found;
  };

  it('reads an exact spelling to its stems, a prefix to every word it starts, and nothing from a chunk that does not load', async () => {
    expect(await readLatin('zvernennia', load)).toEqual(['звернен']);
    expect(await readLatin('zvit', load)).toEqual(['звіт', 'звот']);
    expect(await readLatin('kryv', load)).toEqual(['крив']);
    expect(await readLatin('qwerty', load)).toEqual([]);
  });

  /** An index of three pages that answers each query with the pages holding all its words. */
  function index(pages: { id: string; score: number; excerpt: string; content?: string }[]): Pagefind & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      async search(query, options) {
        asked.push(`${query} ${JSON.stringify(options?.filters ?? {})}`);
        const words = query.split(' ');
        const results: PagefindResult[] = pages
          .filter((page) => words.every((word) => (page.content ?? page.excerpt).toLowerCase().includes(word)))
          .map((page) => ({ id: page.id, score: page.score * words.length, data: async () => ({ url: `/${page.id}/`, excerpt: page.excerpt, ...(page.content === undefined ? {} : { content: page.content }), meta: {}, filters: {} }) }));
        return { results };
      },
    };
  }

  it('searches each combination of stems, keeps each page once at its best score, best first, and checks what was marked', async () => {
    const pagefind = index([
      { id: 'a', score: 1, excerpt: 'у <mark>Кривому</mark> <mark>Розі</mark>', content: 'програма у кривому розі' },
      { id: 'b', score: 3, excerpt: '<mark>Кривий</mark> <mark>Ріг</mark>', content: 'кривий ріг' },
      { id: 'c', score: 2, excerpt: '<mark>кривої</mark> <mark>розвитку</mark>', content: 'кривої розвитку' },
    ]);
    const found = await searchUkrainian(pagefind, 'Кривий Ріг', { kind: 'Звіт' }, load);
    expect(found.queries).toEqual(['крив ріг', 'крив рог', 'крив роз']);
    expect(pagefind.asked).toEqual(['крив ріг {"kind":"Звіт"}', 'крив рог {"kind":"Звіт"}', 'крив роз {"kind":"Звіт"}']);
    expect(found.words).toEqual([['крив'], ['ріг', 'рог', 'роз']]);
    // b (3 × 2) before c (2 × 2) before a (1 × 2); all are kept: роз- is a stem of Ріг.
    expect(found.results.map((r) => r.url)).toEqual(['/b/', '/c/', '/a/']);
    expect([found.total, found.more]).toEqual([3, false]);
  });

  it('cuts the results to the limit, checks only the first pages, and says when there were more', async () => {
    const pages = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, score: 10 - i, excerpt: '<mark>звіт</mark>' }));
    const found = await searchUkrainian(index(pages), 'звіт', {}, load, { limit: 2, verifyLimit: 3 });
    expect(found.results.map((r) => r.url)).toEqual(['/a/', '/b/']);
    expect([found.total, found.more]).toEqual([3, true]);
    const all = await searchUkrainian(index(pages), 'звіт', {}, load, { limit: 4, verifyLimit: 4 });
    expect([all.results.length, all.total, all.more]).toEqual([4, 4, false]);
  });

  it('orders pages of equal score by id, and drops a page whose text lacks a query word or where pagefind marked none', async () => {
    const pages = [
      { id: 'b', score: 1, excerpt: '<mark>звіт</mark>' },
      { id: 'a', score: 1, excerpt: '<mark>звіт</mark>' },
      { id: 'c', score: 5, excerpt: '<mark>звіт</mark>', content: 'рада' },
      { id: 'd', score: 9, excerpt: 'звіт без позначок', content: 'звіт' },
    ];
    expect((await searchUkrainian(index(pages), 'звіт', {}, load)).results.map((r) => r.url)).toEqual(['/a/', '/b/']);
  });

  it('searches a Latin word by the Cyrillic words it stands for and by itself, and an unknown one as printed', async () => {
    const pagefind = index([
      { id: 'a', score: 1, excerpt: '<mark>звернення</mark>' },
      { id: 'b', score: 1, excerpt: '<mark>ckan</mark>' },
    ]);
    const known = await searchUkrainian(pagefind, 'zvernennia', {}, load);
    expect(known.words).toEqual([['звернен', 'zvernennia']]);
    expect(known.queries).toEqual(['звернен', 'zvernennia']);
    expect(known.results.map((r) => r.url)).toEqual(['/a/']);
    const unknown = await searchUkrainian(pagefind, 'ckan', {}, load);
    expect(unknown.words).toEqual([['ckan']]);
    expect(unknown.results.map((r) => r.url)).toEqual(['/b/']);
  });
});

describe('the best search of a page', () => {
  /** An index answering each query with the results given for it. */
  const answering = (answers: Record<string, [id: string, score: number, excerpt: string][]>): Pagefind => ({
    async search(query) {
      return { results: (answers[query] ?? []).map(([id, score, excerpt]) => ({ id, score, data: async () => ({ url: `/${id}/`, excerpt, meta: {}, filters: {} }) })) };
    },
  });
  const none: VocabularyLoader = async () => ({});

  it('keeps the excerpt of the search that scored the page best, the first on a tie', async () => {
    const found = await searchUkrainian(
      answering({
        'крив ріг': [['a', 2, '<mark>Кривий</mark> <mark>Ріг</mark> 1'], ['b', 5, '<mark>Кривий</mark> <mark>Ріг</mark> b1'], ['c', 3, '<mark>Кривий</mark> <mark>Ріг</mark> c1']],
        'крив рог': [['a', 4, '<mark>Кривого</mark> <mark>Рогу</mark> 2'], ['b', 1, '<mark>Кривого</mark> <mark>Рогу</mark> b2'], ['c', 3, '<mark>Кривого</mark> <mark>Рогу</mark> c2']],
      }),
      'Кривий Ріг',
      {},
      none,
    );
    expect(found.results.map((r) => r.excerpt)).toEqual(['<mark>Кривий</mark> <mark>Ріг</mark> b1', '<mark>Кривого</mark> <mark>Рогу</mark> 2', '<mark>Кривий</mark> <mark>Ріг</mark> c1']);
  });

  it('puts the pages that hold the words one after another first, each group in its score order', async () => {
    const page = (id: string, score: number, content: string): [string, number, string, string] => [id, score, '<mark>бюджет</mark> <mark>участь</mark>', content];
    const index: Pagefind = {
      async search() {
        const results = [page('apart', 9, 'бюджет громади та участь мешканців'), page('phrase', 5, 'проєкти бюджету участі'), page('apart2', 4, 'бюджет, участь'), page('phrase2', 1, 'бюджет участі')];
        return { results: results.map(([id, score, excerpt, content]) => ({ id, score, data: async () => ({ url: `/${id}/`, excerpt, content, meta: {}, filters: {} }) })) };
      },
    };
    const found = await searchUkrainian(index, 'бюджет участі', {}, none);
    expect(found.results.map((r) => r.url)).toEqual(['/phrase/', '/phrase2/', '/apart/', '/apart2/']);
  });

  it('keeps a page found by a number alone when pagefind marked its digits', async () => {
    const found = await searchUkrainian(answering({ '"1 243 280,57"': [['a', 1, 'виділено <mark>1</mark> <mark>243</mark> <mark>280,57</mark> грн']] }), '1 243 280,57', {}, none);
    expect(found.results.map((r) => r.url)).toEqual(['/a/']);
  });

  it('drops a page where pagefind marked only another number, one that starts with the same digit', async () => {
    // Pagefind backs off to a prefix it has indexed: «2800» is no group of «1 243 280,57», though it starts with 2.
    const found = await searchUkrainian(answering({ '"1 243 280,57"': [['a', 1, 'у <mark>2800</mark> разів більше']] }), '1 243 280,57', {}, none);
    expect([found.results, found.total]).toEqual([[], 0]);
  });

  it('finds a number in the text with any spaces between its groups, and with a point for its comma', () => {
    expect(coversPlan('виділено 1\u00a0\u00a0243 грн', [], ['1 243'])).toBe(true);
    expect(coversPlan('виконання 12.5 %', [], ['12,5'])).toBe(true);
    expect(coversPlan('виконання 125 %', [], ['12,5'])).toBe(false);
  });
});
