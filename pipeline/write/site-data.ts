/**
 * The JSON the site's pages read, under build/site/. The site reads nothing else of the
 * build, and nothing of the sources.
 */
import type { Model } from '../model/types.ts';
import type { Dataset } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import type { Reconciliation } from '../reconcile/reconcile.ts';
import type { WrittenFile } from './package.ts';

export interface SiteDataInput {
  model: Model;
  reconciliation: Reconciliation;
  datasets: Dataset[];
  files: Map<string, WrittenFile[]>;
  urls: Urls;
  buildTime: string;
}

export function siteData({ model, reconciliation, datasets, urls, buildTime }: SiteDataInput): Map<string, string> {
  const out = new Map<string, string>();
  out.set('site/config.json', JSON.stringify({ siteUrl: urls.siteUrl, basePath: urls.basePath, buildTime, title: model.portal?.title ?? '' }, null, 2) + '\n');
  out.set(
    'site/summary.json',
    JSON.stringify(
      {
        documents: model.documents.map((document) => ({ id: document.id, figures: model.figures.filter((f) => f.document === document.id).length })),
        datasets: datasets.map((dataset) => ({ name: dataset.name, title: dataset.title })),
        checks: reconciliation.checks,
        notes: reconciliation.notes.map((note) => ({ id: note.id, message: note.message })),
      },
      null,
      2,
    ) + '\n',
  );
  return out;
}
