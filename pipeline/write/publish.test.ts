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
    const { datasets } = deriveDatasets({ model: checked.model, reconciliation: checked.reconciliation, history, urls });
    const inline = inlineWriter({ siteUrl: urls.siteUrl, basePath: urls.basePath, portalTitle: 'P' });
    // The portal-wide package comes first and fails; the others are still being made.
    const failing: DatasetWriter = {
      capacity: 4,
      write: (dataset) => (dataset.kind === 'portal' ? Promise.reject(new Error(`${dataset.name}: out of disk`)) : new Promise((resolve) => setTimeout(() => resolve(inline.write(dataset)), 5))),
      close: async () => {},
    };
    await expect(publish({ model: checked.model, datasets, urls, history, sink: memorySink(), writer: failing })).rejects.toThrow('usi-dani-portalu: out of disk');
  });
});
