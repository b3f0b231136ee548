/**
 * The pages an incremental build takes over rather than renders (scripts/incremental.ts).
 * Every page with `getStaticPaths` hands its paths through `renderOnly`, with its route as a
 * pattern (`datasets/[name]/`, the file's path under pages/); the paths whose page is taken
 * over are left out, so Astro renders the rest. The build's script hands over the pages
 * taken over, paths under the site's root (`datasets/x/`), as a promise (`keepPages`): they
 * are worked out while Astro bundles the site, and the paths wait for them. Without it every
 * page is rendered.
 *
 * Astro bundles the pages apart from the script that runs it; the two meet through
 * `globalThis`, under a registered symbol (as in lib/page-reads.ts).
 */
import { readsLog } from './page-reads.ts';

type Params = Record<string, string | number | undefined>;

const KEEP = Symbol.for('council-open-data:pages-kept');
interface Kept {
  pending: Promise<Set<string>>;
  /** Once known. */
  known?: Set<string>;
}
const global = globalThis as typeof globalThis & { [KEEP]?: Kept };

/** Hands over the pages this build takes over, once they are known; before Astro builds. */
export function keepPages(pending: Promise<Set<string>>): void {
  const kept: Kept = { pending };
  global[KEEP] = kept;
  // A failed plan fails the paths that wait for it, and the build's script, which waits too.
  pending.then((known) => (kept.known = known), () => undefined);
}

/** The pages taken over that the routes still give: with those rendered, the site's pages. */
export function keptRoutes(): string[] {
  const routes = readsLog().routes;
  const kept = global[KEEP];
  if (kept && !kept.known && routes.size > 0) throw new Error('the pages taken over are asked for before they are known');
  return [...(kept?.known ?? [])].filter((path) => routes.has(path));
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
export async function renderOnly<P extends { params: Params }>(pattern: string, paths: P[]): Promise<P[]> {
  const taken = (await global[KEEP]?.pending) ?? new Set<string>();
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
