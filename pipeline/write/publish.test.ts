import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { deriveDatasets } from '../derive/datasets.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { memorySink } from '../io/output.ts';
import { makeUrls } from '../publish/urls.ts';
import { publish } from './publish.ts';
import { inlineWriter, type DatasetWriter } from './writers.ts';

describe('publish', () => {
  it('stops with the error of a dataset whose files could not be made, whichever finishes first', async () => {
    const checked = await checkSources(diskSources(join(import.meta.dirname, '..', 'fixtures', 'base')));
    if (!checked.ok) throw new Error('fixtures invalid');
    const urls = makeUrls('https://portal.example.org', '/');
    const history = fixedHistory('2024-05-01T12:00:00Z');
    const { datasets, portal } = deriveDatasets({ model: checked.model, reconciliation: checked.reconciliation, history, urls });
    const settings = { siteUrl: urls.siteUrl, basePath: urls.basePath, portalTitle: 'P' };
    const inline = inlineWriter(settings);
    // The first dataset fails at once; the others are still being made, and so is the streamed package.
    let first = true;
    const failing: DatasetWriter = {
      capacity: 4,
      write(dataset) {
        const fails = first;
        first = false;
        return fails ? Promise.reject(new Error(`${dataset.name}: out of disk`)) : new Promise((resolve) => setTimeout(() => resolve(inline.write(dataset)), 5));
      },
      close: async () => {},
    };
    const name = checked.model.catalog[0]!.name;
    const sink = memorySink();
    await expect(publish({ model: checked.model, datasets, streamed: [portal], settings, urls, history, sink, writer: failing })).rejects.toThrow(`${name}: out of disk`);
    // Nothing is described as published: no catalogue, no descriptor of the streamed package.
    expect([...sink.tree.keys()].filter((path) => path.endsWith('catalog.ttl') || path.endsWith('usi-dani-portalu/datapackage.json'))).toEqual([]);
  });
});
