/** robots.txt: everything may be crawled; the sitemap lists every indexable page. */
import type { APIRoute } from 'astro';
import { config } from '../lib/data.ts';
import { href } from '../lib/url.ts';

export const GET: APIRoute = () => {
  // A local build has no published address: its sitemap is named by its path within the site.
  const site = config().siteUrl;
  const sitemap = site ? new URL(href('sitemap.xml'), site).href : href('sitemap.xml');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
