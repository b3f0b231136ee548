/** Where the built site is served for these tests, and the pages its sitemap lists. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const base = process.env.E2E_URL ?? '';
export const siteDir = process.env.E2E_SITE ?? '';
if (!base) throw new Error('run the end-to-end tests with `npm run test:e2e`, which builds and serves the site');

/** Every page of the sitemap, as a URL of the local server. */
export function sitemapPages(): string[] {
  const xml = readFileSync(join(siteDir, 'sitemap.xml'), 'utf8');
  const origin = new URL(base);
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
    const page = new URL(match[1]!);
    return `${origin.origin}${page.pathname}`;
  });
}

/** Text with every kind of space folded to one ordinary space, as a reader sees it. */
export function plain(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
