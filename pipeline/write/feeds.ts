/** data.json (DCAT-US 1.1, non-federal) and the Atom feed of dataset changes. */
import type { Model } from '../model/types.ts';
import type { Dataset, Frequency } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { LICENCE, type WrittenFile } from './package.ts';

const ISO_FREQUENCY: Record<Frequency, string> = {
  'more than once a day': 'R/PT1H',
  'once a day': 'R/P1D',
  'once a week': 'R/P1W',
  'once a month': 'R/P1M',
  'once a quarter': 'R/P3M',
  'once a half year': 'R/P6M',
  'once a year': 'R/P1Y',
  'immediately after making changes': 'irregular',
  'no longer updated': 'irregular',
};

export function dataJson(model: Model, datasets: Dataset[], filesOf: (dataset: Dataset) => WrittenFile[], urls: Urls): string {
  const catalog = {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': urls.absolute('data.json'),
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: datasets.map((dataset) => {
      const contact = dataset.publisher?.contact ?? model.portal?.contact;
      return {
        '@type': 'dcat:Dataset',
        identifier: dataset.id,
        title: dataset.title,
        description: dataset.description,
        keyword: dataset.keywords,
        issued: dataset.created,
        modified: dataset.modified,
        publisher: { '@type': 'org:Organization', name: dataset.publisher?.name.uk ?? model.portal?.title ?? '' },
        contactPoint: { '@type': 'vcard:Contact', fn: contact?.name ?? model.portal?.title ?? '', ...(contact ? { hasEmail: `mailto:${contact.email}` } : {}) },
        accessLevel: 'public',
        license: LICENCE.path,
        accrualPeriodicity: ISO_FREQUENCY[dataset.frequency],
        ...(dataset.temporal ? { temporal: `${dataset.temporal.start}/${dataset.temporal.end}` } : {}),
        language: ['uk'],
        landingPage: urls.dataset(dataset.name),
        distribution: filesOf(dataset).map((file) => ({
          '@type': 'dcat:Distribution',
          title: file.table ? `${file.table.title} (${file.format})` : 'Книга XLSX',
          downloadURL: urls.datasetFile(dataset.name, file.path),
          mediaType: file.mediatype,
          format: file.format,
          ...(file.format === 'CSV' ? { describedBy: urls.datasetFile(dataset.name, 'datapackage.json'), describedByType: 'application/json' } : {}),
        })),
      };
    }),
  };
  return JSON.stringify(catalog, null, 1) + '\n';
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Atom: one entry per dataset, newest change first. */
export function atomFeed(model: Model, datasets: Dataset[], urls: Urls, buildTime: string): string {
  const sorted = [...datasets].sort((a, b) => (a.modified === b.modified ? a.name.localeCompare(b.name) : a.modified < b.modified ? 1 : -1));
  const updated = sorted[0]?.modified ?? buildTime;
  const entries = sorted.map(
    (dataset) => `  <entry>
    <id>urn:uuid:${dataset.id}</id>
    <title>${escapeXml(dataset.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(urls.dataset(dataset.name))}"/>
    <link rel="describedby" type="application/json" href="${escapeXml(urls.datasetFile(dataset.name, 'datapackage.json'))}"/>
    <published>${dataset.created}</published>
    <updated>${dataset.modified}</updated>
    <author><name>${escapeXml(dataset.publisher?.name.uk ?? model.portal?.title ?? '')}</name></author>
    <summary>${escapeXml(`Версія ${dataset.version}. ${dataset.description}`)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">
  <id>${escapeXml(urls.absolute('feed.xml'))}</id>
  <title>${escapeXml(`${model.portal?.title ?? 'Відкриті дані'}: зміни наборів даних`)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(urls.absolute('feed.xml'))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(urls.home())}"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}
