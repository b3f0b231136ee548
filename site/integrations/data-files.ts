/**
 * The pipeline's published files (build/public/: datasets, catalogues, sitemap) go into the
 * built site as hard links rather than through Astro's public folder, which copies every
 * byte: at thousands of datasets that copy was a fifth of the site build. A link is the same
 * file under a second name, so dist/ is still a complete, self-contained site to upload.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function linkTree(from: string, to: string): number {
  let count = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      count += linkTree(source, target);
    } else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') throw new Error(`${target} is both a page of the site and a file of build/public/`, { cause: error });
        // Another file system, or one without hard links: a copy is the same bytes.
        if (!['EXDEV', 'EPERM', 'ENOTSUP'].includes(code)) throw error;
        copyFileSync(source, target);
      }
      count++;
    }
  }
  return count;
}

export function dataFiles(publicFolder: string): AstroIntegration {
  return {
    name: 'council-open-data:data-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const count = linkTree(publicFolder, fileURLToPath(dir));
        logger.info(`${count} data files linked from ${publicFolder}`);
      },
    },
  };
}
