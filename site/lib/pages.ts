/**
 * Lists in pages: every list of the site (the catalog and its facets, documents, programmes,
 * publishers, a shared indicator's values) is cut into pages of a fixed size, so that a page
 * weighs the same at any size of the portal. Page 1 keeps the list's own address
 * (/datasets/); page n is /datasets/page/n/.
 * No Node imports: the catalog's script uses the sizes too.
 */

/** Items per page, by list: a publisher's card is several times a document's line; a shared indicator's values with their quotes. */
export const PAGE_SIZE = { datasets: 50, reports: 50, programmes: 50, publishers: 10, indicatorValues: 50 } as const;

/** How many pages a list of `total` items takes; an empty list still has its first page. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items of page `page` (from 1). */
export function pageItems<T>(list: readonly T[], page: number, size: number): T[] {
  return list.slice((page - 1) * size, page * size);
}

/** getStaticPaths for /…/page/{n}/: pages 2 to the last (page 1 is the list's own address). */
export function laterPages(total: number, size: number): { params: { page: string }; props: { page: number } }[] {
  return Array.from({ length: pageCount(total, size) - 1 }, (_, i) => ({ params: { page: String(i + 2) }, props: { page: i + 2 } }));
}

/** The address of page `page` of the list whose first page is at `first` (ending in /). */
export function pageHref(first: string, page: number): string {
  return page <= 1 ? first : `${first}page/${page}/`;
}

/** «Сторінка 2 з 40». */
export function pageLabel(page: number, count: number): string {
  return `Сторінка ${page} з ${count}`;
}

/** A page's title: the list's own on page 1, «Набори даних — сторінка 2 з 40» after it. */
export function pagedTitle(title: string, page: number, count: number): string {
  return page <= 1 ? title : `${title} — сторінка ${page} з ${count}`;
}

/**
 * The page numbers a pager links to: the first, the last, and two either side of the current
 * one; `null` where numbers are left out. At most nine entries, whatever the number of pages.
 */
export function pagerNumbers(page: number, count: number): (number | null)[] {
  const shown = new Set([1, count, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= count));
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) result.push(n - sorted[i - 1]! === 2 ? n - 1 : null);
    result.push(n);
  });
  return result;
}
