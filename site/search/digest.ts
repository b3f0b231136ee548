/**
 * What a page gives the search index, as a digest: a part of the index made before can be
 * taken over when every page it holds gives the same. pagefind reads the page's
 * data-pagefind-body element (<main>) without its data-pagefind-ignore elements, and the
 * data-pagefind-filter, -meta and -sort attributes anywhere in it; the digest covers that
 * and the page's path, not the header, the footer or ignored parts (breadcrumbs, citations,
 * downloads), so that a change the index would not read does not index a part again.
 */
import { createHash } from 'node:crypto';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** `html` without the elements marked data-pagefind-ignore (and what they hold). Linear in the page's length. */
export function withoutIgnored(html: string): string {
  const marked = /<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*\sdata-pagefind-ignore(?=[\s=>/])[^>]*>/g;
  let out = '';
  let at = 0;
  for (let m = marked.exec(html); m; m = marked.exec(html)) {
    out += html.slice(at, m.index);
    const tag = m[1]!.toLowerCase();
    let end = m.index + m[0].length;
    if (!VOID.has(tag) && !m[0].endsWith('/>')) {
      // The matching end tag: same-name elements opened inside it are counted.
      const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
      tags.lastIndex = end;
      let depth = 1;
      for (let t = tags.exec(html); t; t = tags.exec(html)) {
        depth += t[1] ? -1 : 1;
        if (depth === 0) {
          end = t.index + t[0].length;
          break;
        }
      }
      if (depth > 0) end = html.length;
    }
    at = end;
    marked.lastIndex = end;
  }
  return out + html.slice(at);
}

/** The part of a page the index reads: its <main data-pagefind-body>, with the pagefind attributes of ignored elements kept. */
export function indexedPart(html: string): string {
  const main = mainOf(html);
  if (main === undefined) return '';
  const attributes = main.match(/data-pagefind-(?:filter|meta|sort)[^\s>]*(?:="[^"]*")?/g) ?? [];
  return `${withoutIgnored(main)}\n${attributes.join('\n')}`;
}

/** The page's <main data-pagefind-body> as written; undefined for a page the index does not read. */
export function mainOf(html: string): string | undefined {
  const start = html.search(/<main\b[^>]*data-pagefind-body/);
  if (start < 0) return undefined;
  const end = html.indexOf('</main>', start);
  return html.slice(start, end < 0 ? html.length : end);
}

/** The digest of what one page gives the index. */
export const pageDigest = (html: string): string => createHash('sha256').update(indexedPart(html)).digest('hex');

/** The digest of a part: what each of its pages gives the index (pageDigest), in order, and the indexer's own version. */
export function partDigest(pages: { path: string; digest: string }[], version: string): string {
  const hash = createHash('sha256').update(`${version}\n`);
  for (const page of pages) hash.update(`${page.path}\n${page.digest}\n`);
  return hash.digest('hex');
}
