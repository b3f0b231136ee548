import { describe, expect, it } from 'vitest';
import { openIndex, type PagefindModule } from './engine.ts';
import { INDEX_FOLDER, PARTS_FILE, partFolder, partUrls, planParts } from './parts.ts';

const page = (path: string, bytes: number) => ({ path, bytes });

describe('planParts', () => {
  it('keeps every page in one part when they fit', () => {
    expect(planParts([page('a.html', 10), page('b.html', 20)], 30)).toEqual([['a.html', 'b.html']]);
  });

  it('cuts before the page that would pass the budget, keeping the order', () => {
    const pages = [page('datasets/a/index.html', 40), page('datasets/b/index.html', 40), page('datasets/c/index.html', 40), page('reports/d/index.html', 10)];
    expect(planParts(pages, 100)).toEqual([['datasets/a/index.html', 'datasets/b/index.html'], ['datasets/c/index.html', 'reports/d/index.html']]);
  });

  it('gives a page larger than the budget a part of its own instead of dropping it', () => {
    expect(planParts([page('a.html', 5), page('big.html', 500), page('c.html', 5)], 100)).toEqual([['a.html'], ['big.html'], ['c.html']]);
  });

  it('starts with the first page even when it alone passes the budget', () => {
    expect(planParts([page('big.html', 500), page('b.html', 5)], 100)).toEqual([['big.html'], ['b.html']]);
  });

  it('makes no part of no pages', () => {
    expect(planParts([], 100)).toEqual([]);
  });
});

describe('part folders and their URLs', () => {
  it('puts the first part at the index folder itself and the others under parts/', () => {
    expect([INDEX_FOLDER, PARTS_FILE]).toEqual(['pagefind', 'parts.json']);
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
