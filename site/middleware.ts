/**
 * Each page is rendered as itself (lib/page-reads.ts): what it reads of the site data is
 * recorded under its path, for the next build to know which pages a change reaches.
 *
 * The path is taken under the base path of the site's settings, not `import.meta.env.BASE_URL`,
 * which a `BASE_URL` in the environment overrides (a test runner sets one): every page's
 * reads were then recorded under another path than its route's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineMiddleware } from 'astro:middleware';
import { asPage } from './lib/page-reads.ts';
import { pagePath } from './lib/render-only.ts';

const settings = join(process.env.BUILD_DIR ?? join(process.cwd(), 'build', 'data'), 'site', 'config.json');
const { basePath } = JSON.parse(readFileSync(settings, 'utf8')) as { basePath: string };

export const onRequest = defineMiddleware((context, next) => asPage(pagePath(context.url.pathname, basePath), next));
