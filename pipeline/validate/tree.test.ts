/**
 * The shape-valid files arranged as their folders arrange them, whatever order they come in:
 * publishers in the order of their paths, each with its catalogue and documents, each
 * document with its parts; files of a folder whose publisher.yaml or document.yaml failed are
 * left out.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedFile } from '../sources/load.ts';
import { arrange } from './tree.ts';

function file(path: string): LoadedFile {
  const parts = path.split('/');
  const name = parts.at(-1)!.replace('.csv', '.yaml') as LoadedFile['name'];
  return { path, name, publisher: parts.length === 1 ? '' : parts[0]!, document: parts.length === 3 ? parts[1] : undefined, data: undefined, locate: () => undefined };
}

/** The files of `paths`, each valid with its own path as its data, in the order given. */
const valid = (paths: string[]) => new Map(paths.map((path) => [file(path), { from: path }] as const));

/** A tree with each part named by the data it holds. */
function shown(paths: string[]) {
  const tree = arrange(valid(paths));
  const from = (part: { data: unknown } | undefined) => (part?.data as { from: string } | undefined)?.from;
  return {
    portal: from(tree.portal),
    units: from(tree.units),
    indicators: from(tree.indicators),
    keys: Object.keys(tree),
    publishers: tree.publishers.map((publisher) => ({
      folder: publisher.folder,
      publisher: from(publisher.publisher),
      catalog: from(publisher.catalog),
      documents: publisher.documents.map((entry) => ({
        folder: entry.folder,
        publisher: entry.publisher,
        document: from(entry.document),
        parts: Object.fromEntries((['programme', 'execution', 'observations', 'totals'] as const).flatMap((key) => (entry[key] ? [[key, from(entry[key])]] : []))),
        // Nothing but its folder, publisher, document and parts: a file of no part is no key of it.
        keys: Object.keys(entry),
      })),
    })),
  };
}

describe('the tree of the sources', () => {
  it('arranges files given in any order by the order of their paths', () => {
    expect(
      shown(['b/publisher.yaml', 'a/x/observations.csv', 'indicators.yaml', 'a/x/document.yaml', 'a/datasets.yaml', 'units.yaml', 'a/publisher.yaml', 'a/w/document.yaml', 'a/x/programme.yaml', 'a/x/execution.yaml', 'a/x/totals.yaml', 'portal.yaml']),
    ).toEqual({
      portal: 'portal.yaml',
      units: 'units.yaml',
      indicators: 'indicators.yaml',
      keys: ['portal', 'units', 'indicators', 'publishers'],
      publishers: [
        {
          folder: 'a',
          publisher: 'a/publisher.yaml',
          catalog: 'a/datasets.yaml',
          documents: [
            { folder: 'a/w', publisher: 'a', document: 'a/w/document.yaml', parts: {}, keys: ['folder', 'publisher', 'document'] },
            {
              folder: 'a/x',
              publisher: 'a',
              document: 'a/x/document.yaml',
              parts: { programme: 'a/x/programme.yaml', execution: 'a/x/execution.yaml', observations: 'a/x/observations.csv', totals: 'a/x/totals.yaml' },
              keys: ['folder', 'publisher', 'document', 'execution', 'observations', 'programme', 'totals'],
            },
          ],
        },
        { folder: 'b', publisher: 'b/publisher.yaml', catalog: undefined, documents: [] },
      ],
    });
  });

  it('has no portal, units or indicators it was not given, and leaves out the folders whose publisher or document failed', () => {
    expect(shown(['a/datasets.yaml', 'a/x/document.yaml', 'b/publisher.yaml', 'b/y/programme.yaml', 'b/y/totals.yaml'])).toEqual({
      portal: undefined,
      units: undefined,
      indicators: undefined,
      keys: ['publishers'],
      publishers: [{ folder: 'b', publisher: 'b/publisher.yaml', catalog: undefined, documents: [] }],
    });
  });
});
