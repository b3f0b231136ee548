/**
 * Page weight: the bytes a browser fetches to show a page (HTML, CSS, JavaScript), gzip
 * compressed, as a first visit would. Run after `npm run build`: node site/e2e/weight.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const project = resolve(import.meta.dirname, '..', '..');

/** A module's static imports (not `import()`, which loads on use), as paths under the site. */
function staticImports(site: string, basePath: string, asset: string): string[] {
  const file = join(site, asset.slice(basePath.length));
  if (!existsSync(file)) return [];
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]!);
  return specifiers.map((s) => posix.join(posix.dirname(asset), s));
}

/** Compressed bytes of a built page and the CSS and JS it loads up front, module imports included. */
export function pageWeight(site: string, basePath: string, path: string): { html: number; css: number; js: number; total: number } {
  const html = readFileSync(join(site, path, 'index.html'));
  const text = html.toString('utf8');
  const assets = [...text.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = [...assets];
  while (queue.length > 0) {
    const asset = queue.shift()!;
    if (seen.has(asset)) continue;
    seen.add(asset);
    if (asset.endsWith('.js')) queue.push(...staticImports(site, basePath, asset));
  }
  const sizes = { html: gzipSync(html).length, css: 0, js: 0, total: 0 };
  for (const asset of seen) {
    const file = join(site, asset.slice(basePath.length));
    if (!existsSync(file)) continue;
    const bytes = gzipSync(readFileSync(file)).length;
    if (asset.endsWith('.css')) sizes.css += bytes;
    else sizes.js += bytes;
  }
  sizes.total = sizes.html + sizes.css + sizes.js;
  return sizes;
}

if (import.meta.main) {
  const site = resolve(process.env.SITE_OUT ?? join(project, 'build', 'dist'));
  const { basePath } = JSON.parse(readFileSync(join(project, 'build', 'data', 'site', 'config.json'), 'utf8')) as { basePath: string };
  for (const path of ['', 'programmes/kr-local-self-government-2017-2027/', 'datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/', 'datasets/']) {
    const w = pageWeight(site, basePath, path);
    process.stdout.write(`/${path}: HTML ${w.html} B + CSS ${w.css} B + JS ${w.js} B = ${w.total} B gzip\n`);
  }
}
