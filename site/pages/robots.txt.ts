/** robots.txt: everything may be crawled; the sitemap lists every indexable page. */
import type { APIRoute } from 'astro';
import { config } from '../lib/data.ts';
import { href } from '../lib/url.ts';

export const GET: APIRoute = () => {
  const sitemap = new URL(href('sitemap.xml'), config().siteUrl).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
