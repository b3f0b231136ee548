/**
 * The keys under which lib/data.ts hands out site data, and the digest of what each key
 * gives, computed the same way when a page reads it (lib/page-reads.ts) and when the next
 * build checks whether it still gives the same (scripts/incremental.ts):
 *
 * - `file:{path}`: a whole file of the site data (a list, one dataset's JSON): its bytes.
 * - `item:{list}#{id}`: one entry of a list, for a page that looks up a few (the
 *   documents a dataset cites, the council a report's structured data names): its JSON.
 *   A dataset's page thus does not depend on every other document's title.
 * - `config`: the site's settings without the build's time.
 * - `view:[name, …args]`: what one page of a list shows (lib/views.ts): its JSON. A commit
 *   that changes one dataset thus renders the pages of the lists that show it, not all.
 * - `after:{YYYY-MM-DD}`: whether the build's day is after that day, for what a page judges
 *   on the build's day (a dataset's freshness: is its due date past?). The page is rendered
 *   again on the day the answer flips, not on every new day. No page reads the day itself.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './page-reads.ts';
import { viewOfKey, type Lists } from './views.ts';

/** The lists whose entries are looked up one by one, and the field that names an entry. */
export const ITEM_ID = { 'reports.json': 'id', 'publishers.json': 'id', 'datasets.json': 'name' } as const;
export type ItemList = keyof typeof ITEM_ID;

export const fileKey = (path: string) => `file:${path}`;
export const itemKey = (list: ItemList, id: string) => `item:${list}#${id}`;
export const CONFIG_KEY = 'config';
export const afterKey = (day: string) => `after:${day}`;

export const itemDigest = (entry: unknown) => sha256(JSON.stringify(entry));

/** The JSON of an object that views share (a dataset's summary, the facets' options), made once per object. */
const sharedJson = new WeakMap<object, string>();
function jsonOnce(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  let json = sharedJson.get(value);
  if (json === undefined) sharedJson.set(value, (json = JSON.stringify(value)));
  return json;
}

/**
 * A view's digest: its fields' JSON, a list's field entry by entry. The pages of the catalog
 * and its facets show the same summaries and options over and over: each is serialised once
 * rather than with every view (at 1 000 datasets, 338 views of up to 50 summaries each).
 */
export function viewDigest(view: unknown): string {
  const hash = createHash('sha256');
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return hash.update(jsonOnce(view)).digest('hex');
  for (const [key, value] of Object.entries(view)) {
    hash.update(`${JSON.stringify(key)}:`);
    if (Array.isArray(value)) for (const entry of value) hash.update(jsonOnce(entry)).update(',');
    else hash.update(jsonOnce(value));
    hash.update(';');
  }
  return hash.digest('hex');
}
/** The settings a page may read: everything but the build's time, which changes with every commit. */
export function settingsOf<T extends { buildTime: string }>(config: T): Omit<T, 'buildTime'> {
  const { buildTime: _time, ...settings } = config;
  return settings;
}
export const settingsDigest = (config: { buildTime: string }) => sha256(JSON.stringify(settingsOf(config)));
const dayOf = (config: { buildTime: string }) => config.buildTime.slice(0, 10);
/** Whether the build's day (YYYY-MM-DD, UTC) is after `day`: what an `after:` key records. */
export const isAfter = (config: { buildTime: string }, day: string): boolean => dayOf(config) > day;
export const afterDigest = (after: boolean) => (after ? 'after' : 'not after');

/** A missing file or entry has this digest, so that a page that read one is rendered again. */
export const MISSING = 'missing';

/**
 * Digests of keys in the site data folder `root` as it is now, each file read once: what a
 * page that read the key would receive today.
 */
export function currentDigests(root: string): (key: string) => string {
  const bytes = new Map<string, Buffer | null>();
  const read = (path: string) => {
    if (!bytes.has(path)) {
      try {
        bytes.set(path, readFileSync(join(root, path)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        bytes.set(path, null);
      }
    }
    return bytes.get(path)!;
  };
  const parsed = new Map<string, unknown>();
  const parsedList = <T>(path: string): T[] => {
    if (!parsed.has(path)) {
      const text = read(path);
      parsed.set(path, text ? JSON.parse(text.toString('utf8')) : []);
    }
    return parsed.get(path) as T[];
  };
  const lists: Lists = {
    datasets: () => parsedList('datasets.json'),
    reports: () => parsedList('reports.json'),
    programmes: () => parsedList('programmes.json'),
    publishers: () => parsedList('publishers.json'),
  };
  const items = new Map<string, Map<string, string>>();
  const itemsOf = (list: ItemList) => {
    let digests = items.get(list);
    if (!digests) {
      const entries = parsedList<Record<string, unknown>>(list);
      digests = new Map(entries.map((entry) => [String(entry[ITEM_ID[list]]), itemDigest(entry)]));
      items.set(list, digests);
    }
    return digests;
  };
  const config = () => JSON.parse(read('config.json')?.toString('utf8') ?? 'null') as { buildTime: string } | null;
  const known = new Map<string, string>();
  return (key) => {
    let digest = known.get(key);
    if (digest !== undefined) return digest;
    if (key.startsWith('file:')) {
      const text = read(key.slice('file:'.length));
      digest = text ? sha256(text) : MISSING;
    } else if (key.startsWith('item:')) {
      const [list, id] = key.slice('item:'.length).split(/#(.*)/s) as [string, string];
      digest = list in ITEM_ID ? (itemsOf(list as ItemList).get(id) ?? MISSING) : MISSING;
    } else if (key.startsWith('view:')) {
      const shown = viewOfKey(key, lists);
      digest = shown === undefined ? MISSING : viewDigest(shown);
    } else if (key === CONFIG_KEY) {
      const c = config();
      digest = c ? settingsDigest(c) : MISSING;
    } else if (key.startsWith('after:')) {
      const c = config();
      digest = c ? afterDigest(isAfter(c, key.slice('after:'.length))) : MISSING;
    } else digest = MISSING;
    known.set(key, digest);
    return digest;
  };
}
