// The site reads only the pipeline's output: build/site/ for its pages, and build/public/
// (the data files and catalogues) copied into dist/ as they are. The address it is
// published at comes from the same build, so links and data files agree.
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';

const configFile = new URL('./build/site/config.json', import.meta.url);
if (!existsSync(configFile)) throw new Error('build/site/config.json is missing: run `npm run build:data` before the site build');
const { siteUrl, basePath } = JSON.parse(readFileSync(configFile, 'utf8'));

export default defineConfig({
  srcDir: './site',
  outDir: './dist',
  publicDir: './build/public',
  site: siteUrl,
  base: basePath,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
