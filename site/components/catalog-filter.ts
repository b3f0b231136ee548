/**
 * The catalog's filter form: narrows and sorts the whole catalog, not only the page shown,
 * from the compact index (catalog-index.ts), fetched the first time the form is used or when
 * the address carries a filter. Its state is kept in the query string; with no filter and the
 * default order the page's own list and its pages come back.
 */
import { number } from '../lib/format.ts';
import { PAGE_SIZE } from '../lib/pages.ts';
import { href } from '../lib/url.ts';
import { countLabel } from './catalog.ts';
import { readIndex, type CatalogIndex, type IndexedDataset } from './catalog-index.ts';
import { datasetItem } from './catalog-item.ts';

const KEYS = ['publisher', 'theme', 'year', 'format'] as const;
type Key = (typeof KEYS)[number];
const SORT_WORDS: Record<string, string> = {
  modified: 'від останньої зміни',
  title: 'за назвою від А до Я',
  publisher: 'за розпорядником',
};

const collator = new Intl.Collator('uk', { sensitivity: 'base', numeric: true });

const has = (d: IndexedDataset, key: Key, value: string): boolean => {
  if (key === 'publisher') return d.publisher?.id === value;
  if (key === 'theme') return d.themes.includes(value);
  if (key === 'year') return d.years.includes(value);
  return d.formats.includes(value);
};

const COMPARE: Record<string, (a: IndexedDataset, b: IndexedDataset) => number> = {
  // The index is in the default order already; the sort is stable.
  modified: () => 0,
  title: (a, b) => collator.compare(a.title, b.title),
  publisher: (a, b) => {
    const pa = a.publisher?.title ?? '';
    const pb = b.publisher?.title ?? '';
    if (!pa !== !pb) return pa ? -1 : 1; // the portal's own dataset (no publisher) last
    return collator.compare(pa, pb) || collator.compare(a.title, b.title);
  },
};

/** The publisher options, with counts, when the page left them to the index. */
function fillPublishers(select: HTMLSelectElement, items: IndexedDataset[]): void {
  if (!select.hasAttribute('data-lazy')) return;
  select.removeAttribute('data-lazy');
  const counts = new Map<string, { title: string; count: number }>();
  for (const d of items) {
    if (!d.publisher) continue;
    const known = counts.get(d.publisher.id) ?? { title: d.publisher.title, count: 0 };
    known.count += 1;
    counts.set(d.publisher.id, known);
  }
  const sorted = [...counts].sort((a, b) => collator.compare(a[1].title, b[1].title));
  select.append(...sorted.map(([id, { title, count }]) => new Option(`${title} (${count})`, id)));
}

export function catalogFilter(): void {
  const form = document.querySelector<HTMLFormElement>('#catalog-filter');
  const list = document.querySelector<HTMLUListElement>('#dataset-list');
  const count = document.querySelector<HTMLElement>('#result-count');
  const empty = document.querySelector<HTMLElement>('#no-results');
  const links = document.querySelector<HTMLElement>('#facet-links');
  const pager = document.querySelector<HTMLElement>('#catalog-pager');
  const more = document.querySelector<HTMLButtonElement>('#show-more');
  if (!form || !list || !count || !empty || !more) return;

  const pageItems = Array.from(list.children);
  const pageCount = count.textContent ?? '';
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  let index: Promise<IndexedDataset[]> | undefined;
  const load = () =>
    (index ??= fetch(href('datasets/catalog-index.json'))
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return response.json() as Promise<CatalogIndex>;
      })
      .then((data) => {
        const items = readIndex(data);
        fillPublishers(field('publisher'), items);
        return items;
      }));

  /** Sets a select to a value from the URL only if it is one of its options. */
  const restore = (select: HTMLSelectElement, value: string | null, fallback: string) => {
    select.value = value !== null && Array.from(select.options).some((o) => o.value === value) ? value : fallback;
  };
  const readUrl = () => {
    const query = new URLSearchParams(window.location.search);
    KEYS.forEach((key) => restore(field(key), query.get(key), ''));
    restore(field('sort'), query.get('sort'), 'modified');
  };

  let matches: IndexedDataset[] = [];
  let limit = PAGE_SIZE.datasets;
  let summary = '';
  const showMore = () => {
    const shown = list.children.length;
    list.append(...matches.slice(shown, limit).map(datasetItem));
    const rest = matches.length - limit;
    count.textContent = rest > 0 ? `${summary} Показано перші ${number(String(limit))}.` : summary;
    more.hidden = rest <= 0;
    if (rest > 0) more.textContent = `Показати ще ${number(String(Math.min(rest, PAGE_SIZE.datasets)))}`;
  };

  const apply = async (writeUrl: boolean) => {
    const chosen = KEYS.map((key) => [key, field(key).value] as const).filter(([, value]) => value !== '');
    const sort = field('sort').value in COMPARE ? field('sort').value : 'modified';
    if (writeUrl) {
      const query = new URLSearchParams();
      chosen.forEach(([key, value]) => query.set(key, value));
      if (sort !== 'modified') query.set('sort', sort);
      const search = query.toString();
      history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
    }
    if (chosen.length === 0 && sort === 'modified') {
      list.replaceChildren(...pageItems);
      count.textContent = pageCount;
      empty.hidden = true;
      more.hidden = true;
      if (pager) pager.hidden = false;
      return;
    }
    let items: IndexedDataset[];
    try {
      items = await load();
    } catch {
      index = undefined;
      count.textContent = 'Не вдалося завантажити перелік наборів даних для фільтрів. Скористайтеся посиланнями на добори нижче або спробуйте ще раз.';
      if (links) links.hidden = false;
      return;
    }
    matches = items.filter((d) => chosen.every(([key, value]) => has(d, key, value))).sort(COMPARE[sort]);
    const of = chosen.length > 0 ? ` з ${number(String(items.length))}` : '';
    summary = `${chosen.length > 0 ? 'Знайдено' : 'У каталозі'} ${countLabel(matches.length)}${of}, ${SORT_WORDS[sort] ?? ''}.`;
    limit = PAGE_SIZE.datasets;
    list.replaceChildren();
    showMore();
    if (pager) pager.hidden = true;
    empty.hidden = matches.length > 0;
  };

  form.addEventListener('focusin', () => void load().catch(() => (index = undefined)), { once: true });
  form.addEventListener('change', () => void apply(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void apply(true);
  });
  // The reset event fires before the fields are reset.
  form.addEventListener('reset', () => window.setTimeout(() => void apply(true), 0));
  more.addEventListener('click', () => {
    limit += PAGE_SIZE.datasets;
    showMore();
  });

  form.hidden = false;
  if (links) links.hidden = true;
  const query = new URLSearchParams(window.location.search);
  if ([...KEYS, 'sort'].some((key) => query.has(key))) {
    // A shared link is restored (publisher options may come with the index); unknown values are dropped from the address.
    void load()
      .catch(() => [])
      .then(() => {
        readUrl();
        return apply(true);
      });
  } else readUrl();
}
