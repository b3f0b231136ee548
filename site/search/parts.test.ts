import { describe, expect, it } from 'vitest';
import { openIndex, type PagefindModule } from './engine.ts';
import { INDEX_FOLDER, PART_FILE, PARTS_FILE, partFolder, partUrls, planByPublisher } from './parts.ts';

describe('planByPublisher', () => {
  const pages = (publisher: string | null, n: number, bytes = 10) =>
    Array.from({ length: n }, (_, i) => ({ path: `${publisher ?? 'portal'}/${i}/index.html`, bytes, publisher }));

  it('keeps every page in one part when they fit the budget', () => {
    const all = [...pages(null, 2), ...pages('a', 3)];
    expect(planByPublisher(all, 50)).toEqual([{ n: 1, pages: all.map((p) => p.path) }]);
  });

  it('puts the portal\'s own pages in part 1 and each publisher\'s pages together in one group', () => {
    const all = [...pages(null, 2), ...pages('kyiv', 5), ...pages('lviv', 5), ...pages('odesa', 5)];
    const parts = planByPublisher(all, 40);
    expect(parts[0]).toEqual({ n: 1, pages: ['portal/0/index.html', 'portal/1/index.html'] });
    for (const publisher of ['kyiv', 'lviv', 'odesa']) {
      const holding = parts.filter((part) => part.pages.some((path) => path.startsWith(`${publisher}/`)));
      expect(holding).toHaveLength(1);
      expect(holding[0]!.pages.filter((path) => path.startsWith(`${publisher}/`))).toHaveLength(5);
    }
    expect(parts.flatMap((part) => part.pages).sort()).toEqual(all.map((p) => p.path).sort());
  });

  it('keeps a publisher in the same part when others come and go, while the site stays within the same power of two', () => {
    const base = [...pages(null, 1), ...pages('kyiv', 4), ...pages('lviv', 4), ...pages('odesa', 4)];
    const grown = [...base, ...pages('poltava', 3)];
    const partOf = (parts: { n: number; pages: string[] }[], publisher: string) => parts.find((part) => part.pages.some((path) => path.startsWith(`${publisher}/`)))!.n;
    const before = planByPublisher(base, 40);
    const after = planByPublisher(grown, 40);
    for (const publisher of ['kyiv', 'lviv', 'odesa']) expect(partOf(after, publisher)).toBe(partOf(before, publisher));
  });

  it('makes more groups as the site grows past the budget, none of them empty', () => {
    const all = [null, ...Array.from({ length: 40 }, (_, i) => `council-${i}`)].flatMap((publisher) => pages(publisher, 5));
    const parts = planByPublisher(all, 100);
    // 2 050 bytes over a budget of 100: 32 groups, and the portal's part.
    expect(parts.length).toBeGreaterThan(16);
    expect(parts.length).toBeLessThanOrEqual(33);
    expect(parts.every((part) => part.pages.length > 0)).toBe(true);
    expect(Math.max(...parts.map((part) => part.n))).toBeLessThanOrEqual(33);
    // In the order of their numbers, whatever order the publishers come in: parts.json lists them so.
    const numbers = parts.map((part) => part.n);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('makes no part of no pages', () => {
    expect(planByPublisher([], 100)).toEqual([]);
  });
});

describe('part folders and their URLs', () => {
  it('puts the first part at the index folder itself and the others under parts/, each with its record', () => {
    // The names a later build looks for in the previous build's index.
    expect([INDEX_FOLDER, PARTS_FILE, PART_FILE]).toEqual(['pagefind', 'parts.json', 'part.json']);
    expect([1, 2, 3].map(partFolder)).toEqual(['', 'parts/2/', 'parts/3/']);
  });

  it('resolves the listed folders against the index URL, with or without its slash', () => {
    expect(partUrls('/portal/pagefind/', { parts: ['parts/2/', 'parts/3/'] })).toEqual(['/portal/pagefind/parts/2/', '/portal/pagefind/parts/3/']);
    expect(partUrls('/portal/pagefind', { parts: ['parts/2/'] })).toEqual(['/portal/pagefind/parts/2/']);
    expect(partUrls('/portal/pagefind/', undefined)).toEqual([]);
  });
});

describe('openIndex', () => {
  function recorder() {
    const calls: string[] = [];
    const module = {
      options: async (o: Record<string, unknown>) => void calls.push(`options ${JSON.stringify(o)}`),
      mergeIndex: async (url: string, o?: Record<string, unknown>) => void calls.push(`merge ${url} ${JSON.stringify(o)}`),
      filters: async () => ({}),
      search: async () => ({ results: [] }),
    } satisfies PagefindModule;
    return { calls, module };
  }

  it('sets the base URL, then merges every listed part in order with the same base URL', async () => {
    const { calls, module } = recorder();
    const asked: string[] = [];
    await openIndex(module, '/portal/pagefind/', '/portal/', async (url) => {
      asked.push(url);
      return { parts: ['parts/2/', 'parts/3/'] };
    });
    expect(asked).toEqual(['/portal/pagefind/parts.json']);
    expect(calls).toEqual(['options {"baseUrl":"/portal/"}', 'merge /portal/pagefind/parts/2/ {"baseUrl":"/portal/"}', 'merge /portal/pagefind/parts/3/ {"baseUrl":"/portal/"}']);
  });

  it('searches the first part alone when parts.json cannot be read (an index from before parts)', async () => {
    const { calls, module } = recorder();
    await openIndex(module, '/pagefind/', '/', async () => {
      throw new Error('/pagefind/parts.json: 404');
    });
    expect(calls).toEqual(['options {"baseUrl":"/"}']);
  });
});
