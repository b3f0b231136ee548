/**
 * Everything the pages know comes from the pipeline's output in build/site/ (read once
 * per build). Only the published types are imported from the pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig, SiteDataset, SiteHome, SiteProgramme, SitePublisher, SiteReport } from '../../pipeline/publish/site-types.ts';

export type * from '../../pipeline/publish/site-types.ts';

const root = join(process.env.BUILD_DIR ?? join(process.cwd(), 'build'), 'site');
const cache = new Map<string, unknown>();

function read<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(join(root, name), 'utf8')));
  return cache.get(name) as T;
}

export const config = () => read<SiteConfig>('config.json');
export const home = () => read<SiteHome>('home.json');
export const programmes = () => read<SiteProgramme[]>('programmes.json');
export const reports = () => read<SiteReport[]>('reports.json');
export const datasets = () => read<SiteDataset[]>('datasets.json');
export const publishers = () => read<SitePublisher[]>('publishers.json');
