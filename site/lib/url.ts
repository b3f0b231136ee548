/** Links inside the site, under its base path (a project site lives at /REPO/). */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export function href(path = ''): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

export const to = {
  home: () => href(''),
  catalog: () => href('datasets/'),
  dataset: (name: string) => href(`datasets/${name}/`),
  file: (name: string, file: string) => href(`datasets/${name}/${file}`),
  programme: (id: string) => href(`programmes/${id}/`),
  programmeYear: (id: string, year: number) => href(`programmes/${id}/${year}/`),
  /** A figure on its report's page (the row's anchor). */
  figure: (document: string, id: string) => href(`reports/${document}/#figure-${id}`),
  indicators: () => href('indicators/'),
  indicator: (code: string) => href(`indicators/${code}/`),
  report: (id: string) => href(`reports/${id}/`),
  publisher: (id: string) => href(`publishers/${id}/`),
  search: () => href('search/'),
  developers: () => href('developers/'),
};
