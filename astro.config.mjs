// The site reads only the pipeline's output in build/; it is built into dist/.
// SITE_URL and BASE_PATH let the same build serve a project site under /REPO/.
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './site',
  outDir: './dist',
  publicDir: './site/public',
  site: process.env.SITE_URL ?? 'https://example.github.io',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
