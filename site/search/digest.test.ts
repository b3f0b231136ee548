import { describe, expect, it } from 'vitest';
import { indexedPart, pageDigest, partDigest, withoutIgnored } from './digest.ts';

const page = (main: string, outside = '') => `<!doctype html><html><head><title>T</title></head><body><header>${outside}</header><main id="main" data-pagefind-body>${main}</main><footer>${outside}</footer></body></html>`;

describe('what a page gives the search index', () => {
  it('leaves out ignored elements with everything they hold, nested ones of the same name included', () => {
    expect(withoutIgnored('<p>a</p><div data-pagefind-ignore><div>b</div><div>c</div></div><p>d</p>')).toBe('<p>a</p><p>d</p>');
    expect(withoutIgnored('<tr data-pagefind-ignore><td>1</td></tr><tr><td>2</td></tr>')).toBe('<tr><td>2</td></tr>');
    expect(withoutIgnored('<p>x<img data-pagefind-ignore src="a.png">y</p>')).toBe('<p>xy</p>');
    expect(withoutIgnored('<section data-pagefind-ignore="all"><p>z</p></section>ok')).toBe('ok');
  });

  it('changes with the indexed text, the filters and the path, not with the header, footer or ignored parts', () => {
    const version = 'v1';
    const digest = (html: string, path = 'datasets/a/index.html') => partDigest([{ path, digest: pageDigest(html) }], version);
    const original = digest(page('<h1>Звернення</h1><p data-pagefind-ignore>дата звернення: 01.12.2026</p>', 'меню'));
    expect(digest(page('<h1>Звернення</h1><p data-pagefind-ignore>дата звернення: 05.12.2026</p>', 'інше меню'))).toBe(original);
    expect(digest(page('<h1>Звернення громадян</h1><p data-pagefind-ignore>дата звернення: 01.12.2026</p>', 'меню'))).not.toBe(original);
    expect(digest(page('<h1>Звернення</h1><p data-pagefind-ignore>дата звернення: 01.12.2026</p>', 'меню'), 'datasets/b/index.html')).not.toBe(original);
    expect(partDigest([{ path: 'datasets/a/index.html', digest: pageDigest(page('<h1>Звернення</h1><p data-pagefind-ignore>дата звернення: 01.12.2026</p>')) }], 'v2')).not.toBe(original);
  });

  it('keeps the filters of ignored elements, which pagefind still reads', () => {
    const a = indexedPart(page('<h1>x</h1><div data-pagefind-ignore><span data-pagefind-filter="year:2023"></span></div>'));
    const b = indexedPart(page('<h1>x</h1><div data-pagefind-ignore><span data-pagefind-filter="year:2024"></span></div>'));
    expect(a).not.toBe(b);
  });

  it('gives nothing for a page that is not indexed', () => {
    expect(indexedPart('<html><body><main id="main">text</main></body></html>')).toBe('');
  });
});
