/**
 * Everything the pages know comes from the pipeline's output in BUILD_DIR/site/ (read once
 * per build). Only the published types are imported from the pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  SiteConfig,
  SiteDataset,
  SiteDatasetSummary,
  SiteHome,
  SiteIndicator,
  SiteIndicatorSummary,
  SiteProgramme,
  SiteProgrammeSummary,
  SitePublisher,
  SiteReport,
  SiteReportSummary,
} from '../../pipeline/publish/site-types.ts';

export type * from '../../pipeline/publish/site-types.ts';

const root = join(process.env.BUILD_DIR ?? join(process.cwd(), 'build', 'data'), 'site');
const cache = new Map<string, unknown>();

function read<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(join(root, name), 'utf8')));
  return cache.get(name) as T;
}

export const config = () => read<SiteConfig>('config.json');
export const home = () => read<SiteHome>('home.json');
/** The lists, read once per build. */
export const programmes = () => read<SiteProgrammeSummary[]>('programmes.json');
export const reports = () => read<SiteReportSummary[]>('reports.json');
export const datasets = () => read<SiteDatasetSummary[]>('datasets.json');

/** Document titles by id, for pages that name documents they only have the id of. */
let titles: Map<string, string> | undefined;
export const reportTitles = () => (titles ??= new Map(reports().map((r) => [r.id, r.title])));

/** One page's whole entity, read when that page is built and not kept: the build's memory stays flat. */
function readOne<T>(folder: string, name: string): T {
  return JSON.parse(readFileSync(join(root, folder, `${name}.json`), 'utf8')) as T;
}
export const programme = (id: string) => readOne<SiteProgramme>('programmes', id);
export const report = (id: string) => readOne<SiteReport>('reports', id);
export const dataset = (name: string) => readOne<SiteDataset>('datasets', name);
export const indicator = (code: string) => readOne<SiteIndicator>('indicators', code);
/** The shared indicators; an older output without them has none. */
export const indicators = (): SiteIndicatorSummary[] => {
  try {
    return read<SiteIndicatorSummary[]>('indicators.json');
  } catch {
    return [];
  }
};
export const publishers = () => read<SitePublisher[]>('publishers.json');
