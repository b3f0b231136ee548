import { describe, expect, it } from 'vitest';
import { sitemapEntries, sitemapFiles } from './sitemap.ts';

const root = 'https://rada.example.gov.ua/portal/';

describe('sitemapEntries', () => {
  it('lists every built page under the site address, but the error pages and files', () => {
    const entries = sitemapEntries(['', 'datasets/', 'datasets/year/2023/', '404/', 'robots.txt', 'favicon.svg', 'programmes/'], root, new Map([['datasets/', '2024-05-01T09:00:00Z']]));
    expect(entries).toEqual([
      { loc: 'https://rada.example.gov.ua/portal/' },
      { loc: 'https://rada.example.gov.ua/portal/datasets/', lastmod: '2024-05-01T09:00:00Z' },
      { loc: 'https://rada.example.gov.ua/portal/datasets/year/2023/' },
      { loc: 'https://rada.example.gov.ua/portal/programmes/' },
    ]);
  });
});

describe('sitemapFiles', () => {
  const entries = Array.from({ length: 5 }, (_, i) => ({ loc: `${root}p${i}/?a=1&b=<2>` }));

  it('writes one urlset, with its addresses escaped for XML', () => {
    const files = sitemapFiles(entries, root);
    expect([...files.keys()]).toEqual(['sitemap.xml']);
    const xml = files.get('sitemap.xml')!;
    expect(xml.match(/<url>/g)).toHaveLength(5);
    expect(xml).toContain('<loc>https://rada.example.gov.ua/portal/p0/?a=1&amp;b=&lt;2&gt;</loc>');
  });

  it('becomes an index of parts past the limit of one file', () => {
    const files = sitemapFiles(entries, root, 2);
    expect([...files.keys()].sort()).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    expect(files.get('sitemap.xml')).toContain('<sitemapindex');
    expect([...files.get('sitemap.xml')!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([1, 2, 3].map((n) => `${root}sitemap-${n}.xml`));
    expect(files.get('sitemap-3.xml')!.match(/<url>/g)).toHaveLength(1);
  });
});
