import { describe, expect, it } from 'vitest';
import type { SiteConfig, SiteDataset, SitePublisher, SiteReport } from '../../pipeline/publish/site-types.ts';
import { type Addresses, datasetDescription, datasetJsonLd, jsonLdText, reportJsonLd } from './structured-data.ts';

const root = 'https://rada.example.gov.ua/portal/';
const urls: Addresses = {
  home: root,
  catalog: `${root}datasets/`,
  dataset: (name) => `${root}datasets/${name}/`,
  file: (name, file) => `${root}datasets/${name}/${file}`,
  programme: (id) => `${root}programmes/${id}/`,
  report: (id) => `${root}reports/${id}/`,
  publisher: (id) => `${root}publishers/${id}/`,
};
const site = { siteUrl: 'https://rada.example.gov.ua', basePath: '/portal/', buildTime: '2024-05-01T09:00:00Z', title: 'Відкриті дані', titleEn: 'Open data', description: '', contact: { name: 'Редакція', email: 'data@example.gov.ua' }, dimensions: {} } satisfies SiteConfig;
const council: SitePublisher = {
  id: 'tc',
  name: { uk: 'Тестова міська рада', en: 'Test City Council' },
  community: { uk: 'Тестова міська територіальна громада', en: 'Test city community' },
  edrpou: '12345678',
  katottg: 'UA12345678901234567',
  koatuu: null,
  website: 'https://test-city.example.org',
  contact: { name: 'Відділ', email: 'opendata@test-city.example.org', phone: null },
  address: null,
  note: null,
  programmes: [],
  reports: [],
  datasets: [],
  register: 'reiestr',
  portalPart: null,
};
const payload = 'Показники </script><script>alert(1)</script> <!-- і </SCRIPT > & \u2028 кінець';
const dataset: SiteDataset = {
  name: 'tc-data',
  id: '0b0f6d0e-5a8e-4e43-9a55-6d2f2a1c7e01',
  kind: 'indicators',
  title: 'Показники звітів',
  description: payload,
  publisher: { id: 'tc', title: council.name.uk },
  keywords: ['звернення', 'показники'],
  themes: ['SOCI'],
  frequency: 'once a year',
  frequencyTitle: 'Щороку',
  purpose: 'Інформування.',
  created: '2021-03-01T10:00:00Z',
  modified: '2024-04-30T08:00:00Z',
  version: '1.0.3',
  temporal: { start: '2021-01-01', end: '2021-12-31' },
  years: [2021],
  sources: [{ id: 'tc-report', title: 'Звіт', kind: 'activity_report' }],
  files: [
    { path: 'observations.csv', format: 'CSV', bytes: 1200, sha256: 'a'.repeat(64), table: 'observations' },
    { path: 'observations.json', format: 'JSON', bytes: 2400, sha256: 'b'.repeat(64), table: 'observations' },
    { path: 'tc-data.xlsx', format: 'XLSX', bytes: 9000, sha256: 'c'.repeat(64), table: null },
  ],
  tables: [{ name: 'observations', title: 'Показники', description: '', fields: [], rows: 3, preview: [] }],
  passport: [],
  notes: [],
  due: null,
  changes: [],
};

describe('jsonLdText', () => {
  it('keeps a description that holds </script> inside its string, and the parsed value unchanged', () => {
    const text = jsonLdText({ description: payload });
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).not.toContain('<!--');
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ description: payload });
  });
});

describe('datasetDescription', () => {
  it('is 50 to 5000 characters long, as Google reads a Dataset description', () => {
    expect(datasetDescription('Показники зі звітів.', 'Показники звітів', 'Тестова міська рада')).toBe('Показники зі звітів. Показники звітів. Відкриті дані: Тестова міська рада.');
    const long = 'а'.repeat(6000);
    expect(datasetDescription(long, 't', 'p').length).toBe(5000);
    const fine = 'б'.repeat(120);
    expect(datasetDescription(fine, 't', 'p')).toBe(fine);
  });
});

describe('datasetJsonLd', () => {
  const data = JSON.parse(jsonLdText(datasetJsonLd(dataset, site, [council], urls))) as Record<string, any>;

  it('has what Google\'s Dataset guidelines ask for', () => {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Dataset');
    expect(data.name).toBe('Показники звітів');
    expect(data.description).toBe(payload);
    expect(data.url).toBe(`${root}datasets/tc-data/`);
    expect(data.identifier).toBe(dataset.id);
    expect(data.keywords).toEqual(['звернення', 'показники']);
    expect(data.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(data.isAccessibleForFree).toBe(true);
    expect(data.creator.name).toBe('Тестова міська рада');
    expect(data.publisher.identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'ЄДРПОУ', value: '12345678' });
    expect(data.temporalCoverage).toBe('2021-01-01/2021-12-31');
    expect(data.spatialCoverage.name).toBe('Тестова міська територіальна громада');
    expect(data.spatialCoverage.identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'КАТОТТГ', value: 'UA12345678901234567' });
    expect(data.dateModified).toBe('2024-04-30T08:00:00Z');
  });

  it('offers every file as a download with its media type and address', () => {
    expect(data.distribution.map((d: Record<string, string>) => [d.encodingFormat, d.contentUrl])).toEqual([
      ['text/csv', `${root}datasets/tc-data/observations.csv`],
      ['application/json', `${root}datasets/tc-data/observations.json`],
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${root}datasets/tc-data/tc-data.xlsx`],
    ]);
  });

  it('names the portal as publisher and every council as creator of the portal-wide package', () => {
    const other = { ...council, id: 'oc', name: { uk: 'Інша міська рада', en: 'Other' }, katottg: 'UA76543210987654321' };
    const portal = datasetJsonLd({ ...dataset, kind: 'portal', publisher: null }, site, [council, other], urls) as Record<string, any>;
    expect(portal.publisher.name).toBe('Відкриті дані');
    expect(portal.creator.map((c: { name: string }) => c.name)).toEqual(['Тестова міська рада', 'Інша міська рада']);
    expect(portal.spatialCoverage.map((p: { identifier: { value: string } }) => p.identifier.value)).toEqual(['UA12345678901234567', 'UA76543210987654321']);
  });
});

describe('reportJsonLd', () => {
  const report: SiteReport = {
    id: 'tc-2019-decision-7',
    kind: 'decision',
    kindTitle: 'рішення',
    title: 'Про затвердження програми',
    number: '7',
    date: '2019-12-20',
    period: { start: '2020-01-01', end: '2021-12-31', label: '2020–2021' },
    author: null,
    description: null,
    url: 'https://test-city.example.org/decisions/7',
    publisher: { id: 'tc', title: council.name.uk },
    programmes: [],
    sections: [],
    figureCount: 0,
    notes: [],
    datasets: [{ id: 'tc-data', title: 'Показники звітів' }],
  };

  it('presents a decision as Legislation, with its number, date, council and datasets', () => {
    const data = reportJsonLd(report, site, [council], urls) as Record<string, any>;
    expect(data['@type']).toBe('WebPage');
    expect(data.mainEntity).toMatchObject({ '@type': 'Legislation', legislationIdentifier: '7', legislationDate: '2019-12-20', sameAs: report.url });
    expect(data.mainEntity.legislationPassedBy.name).toBe('Тестова міська рада');
    expect(data.mainEntity.subjectOf).toEqual([{ '@type': 'Dataset', name: 'Показники звітів', url: `${root}datasets/tc-data/` }]);
  });

  it('presents any other document as a Report', () => {
    const data = reportJsonLd({ ...report, kind: 'activity_report' }, site, [council], urls) as Record<string, any>;
    expect(data.mainEntity).toMatchObject({ '@type': 'Report', reportNumber: '7', datePublished: '2019-12-20' });
  });
});
