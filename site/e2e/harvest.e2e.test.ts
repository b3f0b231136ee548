/**
 * What harvesters and search engines read of the built site: the sitemap is exactly the
 * indexable pages, robots.txt names it, no page claims a canonical address that does not
 * exist, and every dataset page carries schema.org Dataset JSON-LD with what Google's
 * Dataset guidelines ask for, every file among its downloads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base, siteDir } from './context.ts';

const basePath = new URL(base).pathname;
const fixture = process.env.E2E_FIXTURE_URL ?? '';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The path a file is served at: /base/datasets/x/ for datasets/x/index.html. */
const servedAt = (file: string) => basePath + relative(siteDir, file).replace(/index\.html$/, '');
const head = (html: string) => html.slice(0, html.indexOf('</head>'));
const noindex = (html: string) => /<meta name="robots" content="[^"]*noindex/.test(head(html));
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(head(html))?.[1];

function resolves(path: string): boolean {
  const local = join(siteDir, decodeURIComponent(path.slice(basePath.length)));
  return (existsSync(local) && statSync(local).isFile()) || existsSync(join(local, 'index.html'));
}

/** The JSON-LD blocks of a page's head, parsed. */
function jsonLd(html: string): Record<string, any>[] {
  return [...head(html).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, any>);
}

const pages = htmlFiles(siteDir).map((file) => ({ file, path: servedAt(file), html: readFileSync(file, 'utf8') }));
const sitemapXml = readFileSync(join(siteDir, 'sitemap.xml'), 'utf8');
const sitemapPaths = [...sitemapXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
const siteOrigin = new URL([...sitemapXml.matchAll(/<loc>([^<]+)<\/loc>/g)][0]![1]!).origin;

describe('sitemap and robots.txt', () => {
  it('lists exactly the pages that may be indexed, each once', () => {
    expect(pages.length).toBeGreaterThan(30);
    const indexable = pages.filter((page) => !noindex(page.html)).map((page) => page.path).sort();
    expect(new Set(sitemapPaths).size).toBe(sitemapPaths.length);
    expect([...sitemapPaths].sort()).toEqual(indexable);
    // The facet pages and the lists are indexable pages too.
    expect(sitemapPaths).toContain(`${basePath}datasets/format/csv/`);
    expect(sitemapPaths).toContain(`${basePath}programmes/`);
    expect(sitemapPaths).not.toContain(`${basePath}404.html`);
  });

  it('is named by robots.txt at the site address', () => {
    const robots = readFileSync(join(siteDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`Sitemap: ${siteOrigin}${basePath}sitemap.xml\n`);
  });
});

describe('canonical addresses', () => {
  it('are the page\'s own address, on every page that has one, and the 404 page has none', () => {
    const wrong: string[] = [];
    for (const page of pages) {
      const canonical = canonicalOf(page.html);
      if (noindex(page.html)) {
        if (canonical) wrong.push(`${page.path}: noindex, yet canonical ${canonical}`);
        continue;
      }
      if (!canonical) wrong.push(`${page.path}: no canonical`);
      else if (new URL(canonical).pathname !== page.path || !resolves(new URL(canonical).pathname)) wrong.push(`${page.path}: canonical ${canonical}`);
    }
    expect(wrong).toEqual([]);
    const notFound = pages.find((page) => page.path === `${basePath}404.html`)!;
    expect(canonicalOf(notFound.html)).toBeUndefined();
    expect(noindex(notFound.html)).toBe(true);
  });
});

describe('schema.org Dataset on every dataset page', () => {
  const datasetPages = pages.filter((page) => existsSync(join(page.file, '..', 'package.json')));

  it('covers every dataset', () => {
    expect(datasetPages.length).toBe(readdirSync(join(siteDir, 'datasets')).filter((name) => existsSync(join(siteDir, 'datasets', name, 'package.json'))).length);
    expect(datasetPages.length).toBeGreaterThan(5);
  });

  it.each(datasetPages.map((page) => [page.path, page] as const))('%s', (_, page) => {
    const blocks = jsonLd(page.html);
    expect(blocks).toHaveLength(1);
    const data = blocks[0]!;
    const ckan = (JSON.parse(readFileSync(join(page.file, '..', 'package.json'), 'utf8')) as { result: { id: string; name: string; notes: string; resources: { url: string; mimetype: string }[] } }).result;
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Dataset');
    expect(data.name.length).toBeGreaterThan(0);
    expect(data.description.length).toBeGreaterThanOrEqual(50);
    expect(data.description.length).toBeLessThanOrEqual(5000);
    expect(data.description.startsWith(ckan.notes.trim().slice(0, 40))).toBe(true);
    expect(data.url).toBe(canonicalOf(page.html));
    expect(data.identifier).toBe(ckan.id);
    expect(data.keywords.length).toBeGreaterThan(0);
    expect(data.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(data.isAccessibleForFree).toBe(true);
    for (const who of [data.creator, data.publisher].flat()) expect(who.name.length).toBeGreaterThan(0);
    expect(data.temporalCoverage).toMatch(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/);
    for (const place of [data.spatialCoverage].flat()) {
      expect(place.name).toMatch(/громада/);
      expect(place.identifier).toMatchObject({ propertyID: 'КАТОТТГ', value: expect.stringMatching(/^UA\d{17}$/) });
    }
    expect(Date.parse(data.dateModified)).not.toBeNaN();
    // Every file of the dataset, as its CKAN package lists them, is a download.
    const downloads = data.distribution.map((d: Record<string, string>) => [d.contentUrl, d.encodingFormat]);
    expect(downloads.sort()).toEqual(ckan.resources.map((r) => [r.url, r.mimetype]).sort());
    for (const [url] of downloads) expect(resolves(new URL(url).pathname), url).toBe(true);
  });

  it.each(datasetPages.map((page) => [page.path, page] as const))('%s links its metadata as alternates', (_, page) => {
    const links = [...head(page.html).matchAll(/<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"/g)].map((m) => [m[1], m[2]!.replace(page.path, '')]);
    expect(links).toEqual(expect.arrayContaining([['application/json', 'datapackage.json'], ['application/json', 'package.json'], ['text/turtle', 'dataset.ttl']]));
    for (const [, file] of links.slice(1)) expect(resolves(page.path + file), file).toBe(true);
  });
});

describe('markup of programme and report pages', () => {
  it('describes each programme as a plan based on its approving decision', () => {
    const programmes = pages.filter((page) => /\/programmes\/[^/]+\/$/.test(page.path));
    expect(programmes.length).toBeGreaterThan(0);
    for (const page of programmes) {
      const [data] = jsonLd(page.html);
      expect(data).toMatchObject({ '@type': 'WebPage', url: canonicalOf(page.html), mainEntity: { '@type': 'CreativeWork', isBasedOn: { '@type': 'Legislation' } } });
    }
  });

  it('describes each report page\'s document as Legislation or a Report', () => {
    const reports = pages.filter((page) => /\/reports\/[^/]+\/$/.test(page.path));
    expect(reports.length).toBeGreaterThan(3);
    for (const page of reports) {
      const [data] = jsonLd(page.html);
      expect(['Legislation', 'Report']).toContain(data!.mainEntity['@type']);
      expect(data!.url).toBe(canonicalOf(page.html));
    }
  });
});

describe('JSON-LD of source texts that carry markup', () => {
  it.each([
    ['datasets/pokaznyky-zvitiv-testovoi-miskoi-rady/', 'description', '</script><script>alert("dataset")</script>'],
    ['reports/tc-2021-execution-report/', 'mainEntity', '<script>alert("xss")</script>'],
  ])('%s keeps %s inside its JSON string', async (path, property, payload) => {
    const html = await (await fetch(`${fixture}${path}`)).text();
    // The block runs to the first </script>: had the payload ended it, the JSON would be cut short.
    const blocks = [...head(html).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).not.toMatch(/[<>]/);
    const [data] = jsonLd(html);
    expect(JSON.stringify(data![property])).toContain(JSON.stringify(payload).slice(1, -1));
  });
});
