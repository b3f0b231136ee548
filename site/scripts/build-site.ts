/**
 * The site, built by Astro from the pipeline's output: `BUILD_DIR` is the data folder it
 * reads, `SITE_OUT` the folder it writes (astro.config.mjs). Run by the build
 * (pipeline/cli/site-steps.ts) into the output it is about to publish; Astro's own messages
 * are printed from warnings up (`ASTRO_LOG_LEVEL` to change it).
 */
import { build } from 'astro';
import { resolve } from 'node:path';
import { endWithParent } from './orphan.ts';

endWithParent();
const level = process.env.ASTRO_LOG_LEVEL;
await build({ root: resolve(import.meta.dirname, '..', '..'), logLevel: level === 'debug' || level === 'info' || level === 'error' || level === 'silent' ? level : 'warn' });
// Astro's file watchers and pools would otherwise keep the process alive.
process.exit(0);
