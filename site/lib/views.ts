/**
 * What one page of a list shows, worked out from the site data's lists by pure functions.
 *
 * A page of a list (the catalog and its facets, documents, programmes, publishers) asks
 * lib/data.ts for its view, which records the digest of the view rather than of the whole
 * list; the next build works out the same view from its own data (lib/data-keys.ts) and
 * renders the page again only if the view changed. So a commit that changes one report
 * renders the pages of the lists that show it, not every page of every list. A page of a
 * list must show only what its view returns. No Node imports: the checker runs outside Astro.
 */
import type { SiteDatasetSummary, SiteProgrammeSummary, SitePublisher, SiteReportSummary } from '../../pipeline/publish/site-types.ts';
import { facetItems, facetOptions, sortByModified, type Facet, type FacetOption } from '../components/catalog.ts';
import { PAGE_SIZE, pageCount, pageItems } from './pages.ts';

/** The site data's lists, each read when a view first needs it. */
export interface Lists {
  datasets(): SiteDatasetSummary[];
  reports(): SiteReportSummary[];
  programmes(): SiteProgrammeSummary[];
  publishers(): SitePublisher[];
}

/** What every page of a list shows besides its items: how many in all, how many pages. */
interface Paged<T> {
  total: number;
  count: number;
  shown: T[];
}

function paged<T, S>(all: readonly T[], page: number, size: number, show: (item: T) => S): Paged<S> {
  return { total: all.length, count: pageCount(all.length, size), shown: pageItems(all, page, size).map(show) };
}

/** Sorted once per list: every page of a list reads the same sorted array. */
function sortedOnce<T>(compare: (a: T, b: T) => number): (all: T[]) => T[] {
  const sorted = new WeakMap<T[], T[]>();
  return (all) => {
    let result = sorted.get(all);
    if (!result) sorted.set(all, (result = [...all].sort(compare)));
    return result;
  };
}

/** Documents, the latest period first, then by title. */
export const sortReports = sortedOnce<SiteReportSummary>((a, b) => b.period.end.localeCompare(a.period.end) || a.title.localeCompare(b.title, 'uk'));
/** Programmes by publisher, then by title. */
export const sortProgrammes = sortedOnce<SiteProgrammeSummary>((a, b) => a.publisher.title.localeCompare(b.publisher.title, 'uk') || a.title.localeCompare(b.title, 'uk'));
/** Publishers by name. */
export const sortPublishers = sortedOnce<SitePublisher>((a, b) => a.name.uk.localeCompare(b.name.uk, 'uk'));

export interface CatalogView extends Paged<SiteDatasetSummary> {
  /** Every facet's values with their counts, over the whole catalog. */
  options: Record<Facet, FacetOption[]>;
}

export interface FacetView extends CatalogView {
  /** The facet value's name (a council's title, a theme's). */
  label: string;
  /** Datasets with this value. */
  items: number;
}

/** A document's line in the list. */
export type ReportLine = Pick<SiteReportSummary, 'id' | 'title' | 'kindTitle' | 'date' | 'number' | 'period'> & { publisher: string };
/** A programme's line in the list. */
export type ProgrammeLine = Pick<SiteProgrammeSummary, 'id' | 'title' | 'period'> & { publisher: string; planned: string | null };
/** A council's card in the list. */
export type PublisherCard = Pick<SitePublisher, 'id' | 'name' | 'community' | 'edrpou' | 'katottg'> & { datasets: number; programmes: number; reports: number };

export const VIEWS = {
  catalog(lists: Lists, page: number): CatalogView {
    const all = sortByModified(lists.datasets());
    return { ...paged(all, page, PAGE_SIZE.datasets, (d) => d), options: facetOptions(all) };
  },
  facet(lists: Lists, facet: Facet, value: string, page: number): FacetView {
    const all = sortByModified(lists.datasets());
    const options = facetOptions(all);
    const items = facetItems(all, facet, value);
    const { count, shown } = paged(items, page, PAGE_SIZE.datasets, (d) => d);
    const label = options[facet].find((o) => o.value === value)?.label ?? value;
    return { total: all.length, count, shown, options, label, items: items.length };
  },
  reports(lists: Lists, page: number): Paged<ReportLine> {
    return paged(sortReports(lists.reports()), page, PAGE_SIZE.reports, ({ id, title, kindTitle, date, number, period, publisher }) => ({ id, title, kindTitle, date, number, period, publisher: publisher.title }));
  },
  programmes(lists: Lists, page: number): Paged<ProgrammeLine> {
    return paged(sortProgrammes(lists.programmes()), page, PAGE_SIZE.programmes, ({ id, title, period, publisher, funding }) => ({ id, title, period, publisher: publisher.title, planned: funding.total.value }));
  },
  publishers(lists: Lists, page: number): Paged<PublisherCard> {
    return paged(sortPublishers(lists.publishers()), page, PAGE_SIZE.publishers, ({ id, name, community, edrpou, katottg, datasets, programmes, reports }) => ({
      id,
      name,
      community,
      edrpou,
      katottg,
      datasets: datasets.length,
      programmes: programmes.length,
      reports: reports.length,
    }));
  },
};

export type ViewName = keyof typeof VIEWS;
type Rest<F> = F extends (lists: Lists, ...args: infer A) => unknown ? A : never;
export type ViewArgs<N extends ViewName> = Rest<(typeof VIEWS)[N]>;
export type ViewOf<N extends ViewName> = ReturnType<(typeof VIEWS)[N]>;

/** The key under which a page's view is recorded: `view:["facet","year","2023",2]`. */
export const viewKey = (name: ViewName, args: readonly unknown[]): string => `view:${JSON.stringify([name, ...args])}`;

/** The view a key names, worked out from `lists`; undefined for a key no view answers to. */
export function viewOfKey(key: string, lists: Lists): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key.slice('view:'.length));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || !Object.hasOwn(VIEWS, parsed[0])) return undefined;
  const [name, ...args] = parsed as [ViewName, ...unknown[]];
  return (VIEWS[name] as (lists: Lists, ...args: unknown[]) => unknown)(lists, ...args);
}
