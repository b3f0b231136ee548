/**
 * Each page is rendered as itself (lib/page-reads.ts): what it reads of the site data is
 * recorded under its path, for the next build to know which pages a change reaches.
 */
import { defineMiddleware } from 'astro:middleware';
import { asPage } from './lib/page-reads.ts';
import { pagePath } from './lib/render-only.ts';

export const onRequest = defineMiddleware((context, next) => asPage(pagePath(context.url.pathname, import.meta.env.BASE_URL), next));
