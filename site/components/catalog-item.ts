/**
 * A dataset's entry in the catalog as the filter script draws it from the compact index:
 * the server's entry (DatasetItem.astro) without the description, which the index leaves
 * out. Built from DOM nodes and text, never from HTML strings.
 */
import { to } from '../lib/url.ts';
import type { IndexedDataset } from './catalog-index.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** 2024-03-01 or an RFC 3339 time → 01.03.2024, as the server's entries write it (format.ts's date). */
const shortDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', json: 'JSON', xlsx: 'XLSX' };

export function datasetItem(d: IndexedDataset): HTMLLIElement {
  const fact = (term: string, ...value: (Node | string)[]) => element('div', {}, element('dt', {}, term), element('dd', {}, ...value));
  return element(
    'li',
    { class: 'dataset-item', 'data-dataset': d.name },
    element('h3', {}, element('a', { href: to.dataset(d.name) }, d.title)),
    element(
      'p',
      { class: 'meta' },
      element('span', { class: 'badge' }, d.kindTitle),
      d.publisher ? element('a', { href: to.publisher(d.publisher.id) }, d.publisher.title) : element('span', {}, 'Усі розпорядники порталу'),
    ),
    element(
      'dl',
      { class: 'item-facts' },
      fact('Формати', d.formats.map((f) => FORMAT_NAMES[f] ?? f).join(', ')),
      fact('Оновлення', d.frequencyTitle),
      fact('Остання зміна', element('time', { datetime: d.modified }, shortDate(d.modified))),
    ),
  );
}
