// The site reads only the pipeline's output: BUILD_DIR/site/ for its pages, and
// BUILD_DIR/public/ (data files and catalogues) linked into SITE_OUT as they are after the
// pages are built. The address it is published at comes from the same build, so page links
// and data files agree. Both folders are given by the build (`npm run build`), which writes
// the site beside the output it replaces and publishes the two together: an Astro run of its
// own would empty a published site before filling it again.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { dataFiles } from './site/integrations/data-files.ts';
import { sitemap } from './site/integrations/sitemap.ts';

if (!process.env.BUILD_DIR || !process.env.SITE_OUT) throw new Error('BUILD_DIR and SITE_OUT are not set: the site is built by `npm run build`, with its data');
const buildDir = resolve(process.env.BUILD_DIR);
const configFile = resolve(buildDir, 'site', 'config.json');
if (!existsSync(configFile)) throw new Error(`${configFile} is missing: BUILD_DIR must be the data folder of a build`);
const { siteUrl, basePath } = JSON.parse(readFileSync(configFile, 'utf8'));

export default defineConfig({
  srcDir: './site',
  outDir: resolve(process.env.SITE_OUT),
  // Nothing is copied by Astro: the data-files integration links BUILD_DIR/public/ into the site.
  publicDir: resolve(buildDir, 'site', 'public'),
  integrations: [dataFiles(resolve(buildDir, 'public')), sitemap(buildDir)],
  // null for a local build, whose pages link within the site only.
  ...(siteUrl ? { site: siteUrl } : {}),
  base: basePath,
  trailingSlash: 'always',
  // Whitespace between tags keeps the search index from running words together ("НазваКриворізька").
  compressHTML: false,
  // Pages rendered eight at a time: a page spends most of its time reading its JSON and
  // writing its HTML, so overlapping them takes a third off the site build; the output is the same.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  // No Markdown code blocks here; Shiki's inline styles would need a looser CSP.
  markdown: { syntaxHighlight: false },
  security: {
    // Only this site's own files: no CDN, fonts, analytics or any other host.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Search runs pagefind's WebAssembly.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
