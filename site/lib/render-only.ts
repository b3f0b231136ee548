/**
 * The pages an incremental build takes over rather than renders (scripts/incremental.ts).
 * Every page with `getStaticPaths` hands its paths through `renderOnly`, with its route as a
 * pattern (`datasets/[name]/`, the file's path under pages/); the paths whose page is taken
 * over are left out, so Astro renders the rest. `SITE_KEEP` names a file that lists the
 * pages taken over, one path under the site's root a line (`datasets/x/`); without it every
 * page is rendered.
 */
import { readFileSync } from 'node:fs';
import { readsLog } from './page-reads.ts';

type Params = Record<string, string | number | undefined>;

let kept: Set<string> | undefined;
function keptPages(): Set<string> {
  if (!kept) {
    const file = process.env.SITE_KEEP;
    kept = new Set(file ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '') : []);
  }
  return kept;
}

/** The pages taken over that the routes still give: with those rendered, the site's pages. */
export function keptRoutes(): string[] {
  const routes = readsLog().routes;
  return [...keptPages()].filter((path) => routes.has(path));
}

/** A route's path for its params: `datasets/[name]/` and { name: 'x' } give `datasets/x/`. */
export function pathOf(pattern: string, params: Params): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${pattern}: no parameter ${name}`);
    return String(value);
  });
}

/** The paths of `pattern` whose pages are rendered in this build; every path is noted as a page of the site. */
export function renderOnly<P extends { params: Params }>(pattern: string, paths: P[]): P[] {
  const taken = keptPages();
  const routes = readsLog().routes;
  return paths.filter((path) => {
    const at = pathOf(pattern, path.params);
    routes.add(at);
    return !taken.has(at);
  });
}

/** A page's path under the site's root from its URL's path: `/base/datasets/x/` gives `datasets/x/`. */
export function pagePath(pathname: string, base: string): string {
  const decoded = decodeURI(pathname);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (decoded.startsWith(prefix) ? decoded.slice(prefix.length) : decoded.replace(/^\/+/, ''));
}
