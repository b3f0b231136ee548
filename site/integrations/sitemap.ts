/**
 * sitemap.xml from the pages the site has built: every page a search engine may index (all
 * but the error pages, which say noindex), so the sitemap cannot miss a page or name one
 * that does not exist. Dataset pages carry the time their data last changed. Past 50 000
 * addresses (the protocol's limit for one file) sitemap.xml becomes an index of parts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keptRoutes } from '../lib/render-only.ts';

/** Pages that are built but not for search engines: they declare robots noindex. */
export const NOT_INDEXED = new Set(['404/', '404', '500/', '500']);

export const MAX_URLS = 50_000;

export interface SitemapEntry {
  loc: string;
  /** RFC 3339, when known. */
  lastmod?: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function urlset(entries: SitemapEntry[]): string {
  const lines = entries.map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}

/** The sitemap files, by name: one urlset, or an index of parts of at most `max` addresses. */
export function sitemapFiles(entries: SitemapEntry[], siteRoot: string, max = MAX_URLS): Map<string, string> {
  if (entries.length <= max) return new Map([['sitemap.xml', urlset(entries)]]);
  const files = new Map<string, string>();
  const parts: string[] = [];
  for (let at = 0; at < entries.length; at += max) {
    const name = `sitemap-${parts.length + 1}.xml`;
    files.set(name, urlset(entries.slice(at, at + max)));
    parts.push(`  <sitemap><loc>${escapeXml(new URL(name, siteRoot).href)}</loc></sitemap>`);
  }
  files.set('sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join('\n')}\n</sitemapindex>\n`);
  return files;
}

/** The indexable pages' entries, in a stable order; `pathname` is as Astro gives it, under the base path. */
export function sitemapEntries(pathnames: string[], siteRoot: string, lastmod: Map<string, string>): SitemapEntry[] {
  // Endpoints such as robots.txt are files, not pages.
  const isPage = (path: string) => !NOT_INDEXED.has(path) && !/\.[a-z0-9]+$/i.test(path);
  const paths = [...new Set(pathnames.map((p) => p.replace(/^\/+/, '')))].filter(isPage).sort();
  return paths.map((path) => {
    const modified = lastmod.get(path);
    return { loc: new URL(path, siteRoot).href, ...(modified ? { lastmod: modified } : {}) };
  });
}

/** `buildDir` is the pipeline's output: the site address and the datasets' times come from it. */
export function sitemap(buildDir: string): AstroIntegration {
  return {
    name: 'council-open-data:sitemap',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        const { siteUrl, basePath } = JSON.parse(readFileSync(join(buildDir, 'site', 'config.json'), 'utf8')) as { siteUrl: string | null; basePath: string };
        // A sitemap needs absolute addresses: a local build (no published address) names the
        // local origin, as its catalogue files do; its pages never show it.
        const siteRoot = new URL(basePath, siteUrl ?? 'http://localhost').href;
        const datasets = JSON.parse(readFileSync(join(buildDir, 'site', 'datasets.json'), 'utf8')) as { name: string; modified: string }[];
        const lastmod = new Map(datasets.map((d) => [`datasets/${d.name}/`, d.modified]));
        // An incremental build renders some pages and takes the others over (scripts/incremental.ts): both are the site's.
        const entries = sitemapEntries([...pages.map((page) => page.pathname), ...keptRoutes()], siteRoot, lastmod);
        for (const [name, xml] of sitemapFiles(entries, siteRoot)) writeFileSync(join(fileURLToPath(dir), name), xml);
        logger.info(`sitemap: ${entries.length} pages`);
      },
    },
  };
}
