import { describe, expect, it } from 'vitest';
import { readsLog } from './page-reads.ts';
import { keepPages, keptRoutes, pathOf, renderOnly } from './render-only.ts';

const paths = (...ids: string[]) => ids.map((id) => ({ params: { id } }));

describe('the pages an incremental build renders', () => {
  it('waits for the pages taken over, worked out while the site is bundled, and leaves them out', async () => {
    let settle!: (kept: Set<string>) => void;
    keepPages(new Promise((resolve) => (settle = resolve)));
    let given: { params: { id: string } }[] | undefined;
    const asked = renderOnly('reports/[id]/', paths('a', 'b', 'c')).then((rendered) => (given = rendered));
    await Promise.resolve();
    expect(given).toBeUndefined();
    settle(new Set(['reports/b/', 'reports/gone/']));
    await asked;
    expect(given).toEqual(paths('a', 'c'));
    // Taken over and still given by the routes: the sitemap names it with the pages rendered.
    expect(keptRoutes()).toEqual(['reports/b/']);
    expect([...readsLog().routes]).toEqual(expect.arrayContaining(['reports/a/', 'reports/b/', 'reports/c/']));
  });

  it('fails the paths, rather than render every page or none, when the pages taken over could not be worked out', async () => {
    keepPages(Promise.reject(new Error('the previous site does not read')));
    await expect(renderOnly('reports/[id]/', paths('a'))).rejects.toThrow('the previous site does not read');
  });

  it('names a route\'s path from its parameters', () => {
    expect(pathOf('datasets/[facet]/[value]/page/[page]/', { facet: 'theme', value: 'SOCI', page: 2 })).toBe('datasets/theme/SOCI/page/2/');
    expect(() => pathOf('reports/[id]/', {})).toThrow('reports/[id]/: no parameter id');
  });
});
