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
  report: (id: string) => href(`reports/${id}/`),
  publisher: (id: string) => href(`publishers/${id}/`),
  search: () => href('search/'),
  developers: () => href('developers/'),
};
