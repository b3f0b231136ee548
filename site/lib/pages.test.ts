import { describe, expect, it } from 'vitest';
import { laterPages, pageCount, pagedTitle, pageHref, pageItems, pageLabel, pagerNumbers } from './pages.ts';

describe('lists in pages', () => {
  it('cuts a list into pages of a fixed size, the last one shorter', () => {
    const list = Array.from({ length: 123 }, (_, i) => i + 1);
    expect(pageCount(123, 50)).toBe(3);
    expect(pageItems(list, 1, 50)).toHaveLength(50);
    expect(pageItems(list, 3, 50)).toEqual([101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123]);
    expect(pageCount(100, 50)).toBe(2);
    expect(pageCount(0, 50)).toBe(1);
  });

  it('keeps page 1 at the list\'s own address and numbers the others under page/', () => {
    expect(pageHref('/x/datasets/', 1)).toBe('/x/datasets/');
    expect(pageHref('/x/datasets/', 2)).toBe('/x/datasets/page/2/');
    expect(laterPages(101, 50).map((p) => p.params.page)).toEqual(['2', '3']);
    expect(laterPages(50, 50)).toEqual([]);
  });

  it('names the page in Ukrainian', () => {
    expect(pageLabel(2, 40)).toBe('Сторінка 2 з 40');
    expect(pagedTitle('Документи', 1, 3)).toBe('Документи');
    expect(pagedTitle('Документи', 3, 3)).toBe('Документи — сторінка 3 з 3');
  });

  it('links a bounded set of page numbers, with gaps where numbers are left out', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagerNumbers(10, 400)).toEqual([1, null, 8, 9, 10, 11, 12, null, 400]);
    expect(pagerNumbers(4, 400)).toEqual([1, 2, 3, 4, 5, 6, null, 400]);
    for (const page of [1, 2, 50, 399, 400]) expect(pagerNumbers(page, 400).length).toBeLessThanOrEqual(9);
  });
});
