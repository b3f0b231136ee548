/**
 * Everything the pages know comes from the pipeline's output in BUILD_DIR/site/ (read once
 * per build). Only the published types are imported from the pipeline.
 *
 * Each accessor records what it hands to the page being rendered (lib/page-reads.ts), on
 * every call, so the next build knows which pages a change of data reaches: a page must
 * read the site data only through these functions, and a value derived from them and kept
 * between pages must call them again each time it is used. A page of a list reads its view
 * (lib/views.ts): what that one page shows, recorded as such, not the whole list.
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
import { afterDigest, afterKey, CONFIG_KEY, fileKey, isAfter, itemDigest, itemKey, ITEM_ID, settingsDigest, settingsOf, viewDigest, type ItemList } from './data-keys.ts';
import { recordRead, sha256 } from './page-reads.ts';
import { VIEWS, viewKey, type Lists, type ViewArgs, type ViewName, type ViewOf } from './views.ts';

export type * from '../../pipeline/publish/site-types.ts';

const root = join(process.env.BUILD_DIR ?? join(process.cwd(), 'build', 'data'), 'site');
const cache = new Map<string, { value: unknown; digest: string }>();

function load(name: string): { value: unknown; digest: string } {
  let loaded = cache.get(name);
  if (!loaded) {
    const bytes = readFileSync(join(root, name));
    loaded = { value: JSON.parse(bytes.toString('utf8')), digest: sha256(bytes) };
    cache.set(name, loaded);
  }
  return loaded;
}

function read<T>(name: string): T {
  const { value, digest } = load(name);
  recordRead(fileKey(name), digest);
  return value as T;
}

/** One entry of a list, looked up by its id; only that entry is recorded as read. */
const entries = new Map<ItemList, Map<string, { entry: unknown; digest: string }>>();
function item<T>(list: ItemList, id: string): T | undefined {
  let byId = entries.get(list);
  if (!byId) {
    const all = load(list).value as Record<string, unknown>[];
    byId = new Map(all.map((entry) => [String(entry[ITEM_ID[list]]), { entry, digest: itemDigest(entry) }]));
    entries.set(list, byId);
  }
  const found = byId.get(id);
  recordRead(itemKey(list, id), found?.digest ?? 'missing');
  return found?.entry as T | undefined;
}

let settings: Omit<SiteConfig, 'buildTime'> | undefined;
/** The site's settings, without the build's time: no page shows the build's day (see `isPast`). */
export const config = (): Omit<SiteConfig, 'buildTime'> => {
  const all = load('config.json').value as SiteConfig;
  recordRead(CONFIG_KEY, settingsDigest(all));
  return (settings ??= settingsOf(all));
};
/**
 * Whether `day` (YYYY-MM-DD) is past on the build's day: a due date judged as the build sees
 * it. Only the answer is recorded, so the page is rendered again on the day it flips.
 */
export const isPast = (day: string): boolean => {
  const past = isAfter(load('config.json').value as SiteConfig, day);
  recordRead(afterKey(day), afterDigest(past));
  return past;
};
export const home = () => read<SiteHome>('home.json');
/** The lists, read once per build. */
export const programmes = () => read<SiteProgrammeSummary[]>('programmes.json');
export const reports = () => read<SiteReportSummary[]>('reports.json');
export const datasets = () => read<SiteDatasetSummary[]>('datasets.json');

/** The lists as views read them: loaded, not recorded (the view is). */
const lists: Lists = {
  datasets: () => load('datasets.json').value as SiteDatasetSummary[],
  reports: () => load('reports.json').value as SiteReportSummary[],
  programmes: () => load('programmes.json').value as SiteProgrammeSummary[],
  publishers: () => load('publishers.json').value as SitePublisher[],
};

/** What one page of a list shows (lib/views.ts); only that is recorded as read. */
export function view<N extends ViewName>(name: N, ...args: ViewArgs<N>): ViewOf<N> {
  const result = (VIEWS[name] as (lists: Lists, ...rest: unknown[]) => ViewOf<N>)(lists, ...args);
  recordRead(viewKey(name, args), viewDigest(result));
  return result;
}

/** One document of the list of documents, by id. */
export const reportSummary = (id: string) => item<SiteReportSummary>('reports.json', id);
/** One dataset of the catalogue, by name. */
export const datasetSummary = (name: string) => item<SiteDatasetSummary>('datasets.json', name);
/** One council, by id. */
export const publisher = (id: string) => item<SitePublisher>('publishers.json', id);

/**
 * The text of the entities read last, with their digests: a programme's year pages are
 * rendered one after another and each reads the programme's file. A few are kept, not all,
 * so that the build's memory stays flat; each page parses its own copy, so none can change
 * what another page reads.
 */
const recent = new Map<string, { text: string; digest: string }>();
const RECENT = 16;

/** One page's whole entity, read when that page is built and not kept: the build's memory stays flat. */
function readOne<T>(folder: string, name: string): T {
  const path = `${folder}/${name}.json`;
  let file = recent.get(path);
  if (file) recent.delete(path);
  else {
    const bytes = readFileSync(join(root, path));
    file = { text: bytes.toString('utf8'), digest: sha256(bytes) };
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  }
  recent.set(path, file);
  recordRead(fileKey(path), file.digest);
  return JSON.parse(file.text) as T;
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
    recordRead(fileKey('indicators.json'), 'missing');
    return [];
  }
};
export const publishers = () => read<SitePublisher[]>('publishers.json');
