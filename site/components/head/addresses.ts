/**
 * The portal's absolute addresses for structured data: the configured site address and base
 * path; a local build, which has none, links within the site.
 */
import { config } from '../../lib/data.ts';
import type { Addresses } from '../../lib/structured-data.ts';
import { to } from '../../lib/url.ts';

export function addresses(): Addresses {
  const site = config().siteUrl;
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  return {
    home: absolute(to.home()),
    catalog: absolute(to.catalog()),
    dataset: (name) => absolute(to.dataset(name)),
    file: (name, file) => absolute(to.file(name, file)),
    programme: (id) => absolute(to.programme(id)),
    report: (id) => absolute(to.report(id)),
    publisher: (id) => absolute(to.publisher(id)),
  };
}
