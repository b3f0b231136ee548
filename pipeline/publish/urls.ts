/**
 * The published URL contract, in one place: once published, a URL does not change.
 * Every absolute URL is built from one site URL and one base path.
 */
export interface Urls {
  siteUrl: string;
  basePath: string;
  /** Absolute URL of a path inside the site ("datasets/x/" → https://host/base/datasets/x/). */
  absolute(path: string): string;
  home(): string;
  catalog(): string;
  dataset(name: string): string;
  datasetFile(name: string, file: string): string;
  programme(id: string): string;
  /** A programme's year: plan, money reported and results side by side. */
  programmeYear(id: string, year: number): string;
  report(id: string): string;
  /** A figure on its report's page. */
  figure(document: string, observation: string): string;
  indicators(): string;
  indicator(code: string): string;
  publisher(id: string): string;
  search(): string;
}

/**
 * The origin of a build without a published address (no SITE_URL, no site_url): the catalogue
 * files must carry absolute addresses, and this one says plainly that they are local. The
 * pages of such a build link within the site and never show it.
 */
export const LOCAL_ORIGIN = 'http://localhost';

export function makeUrls(siteUrl: string, basePath: string): Urls {
  const origin = siteUrl.replace(/\/+$/, '');
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const absolute = (path: string) => `${origin}${base}${path.replace(/^\/+/, '')}`;
  return {
    siteUrl: origin,
    basePath: base,
    absolute,
    home: () => absolute(''),
    catalog: () => absolute('datasets/'),
    dataset: (name) => absolute(`datasets/${name}/`),
    datasetFile: (name, file) => absolute(`datasets/${name}/${file}`),
    programme: (id) => absolute(`programmes/${id}/`),
    programmeYear: (id, year) => absolute(`programmes/${id}/${year}/`),
    report: (id) => absolute(`reports/${id}/`),
    figure: (document, observation) => absolute(`reports/${document}/#figure-${observation}`),
    indicators: () => absolute('indicators/'),
    indicator: (code) => absolute(`indicators/${code}/`),
    publisher: (id) => absolute(`publishers/${id}/`),
    search: () => absolute('search/'),
  };
}
