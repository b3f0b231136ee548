/**
 * schema.org JSON-LD for search engines: a Dataset on every dataset page, with what Google's
 * Dataset guidelines ask for, and fitting markup on programme and report pages. Pure
 * functions of the site's data and its absolute addresses, so they can be tested alone.
 */
import type { SiteConfig, SiteDataset, SiteFile, SiteProgramme, SitePublisher, SiteReport } from '../../pipeline/publish/site-types.ts';

/** The site's settings: the build's time is not needed here. */
type Settings = Omit<SiteConfig, 'buildTime'>;

/** Absolute addresses of the portal's pages and files, all from the site's configuration. */
export interface Addresses {
  home: string;
  catalog: string;
  dataset(name: string): string;
  file(name: string, file: string): string;
  programme(id: string): string;
  report(id: string): string;
  publisher(id: string): string;
}

type Node = Record<string, unknown>;

export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

const MEDIA_TYPES: Record<SiteFile['format'], string> = {
  CSV: 'text/csv',
  JSON: 'application/json',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * JSON for a <script type="application/ld+json"> block. The block ends at the first
 * "</script" in it, and "<!--" changes how it is read, so "<", ">" and "&" are written as
 * JSON escapes (the parsed value is the same); so are the line separators older readers trip on.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Google reads a Dataset description of 50 to 5000 characters. */
export function datasetDescription(description: string, title: string, publisher: string): string {
  let text = description.trim();
  if (text.length < 50) text = `${text} ${title}. Відкриті дані: ${publisher}.`.trim();
  return text.length > 5000 ? `${text.slice(0, 4999).trimEnd()}…` : text;
}

/** The community a council serves, with its КАТОТТГ code. */
export function communityPlace(publisher: SitePublisher): Node {
  return {
    '@type': 'AdministrativeArea',
    name: publisher.community.uk,
    alternateName: publisher.community.en,
    identifier: { '@type': 'PropertyValue', propertyID: 'КАТОТТГ', value: publisher.katottg },
    containedInPlace: { '@type': 'Country', name: 'Україна', identifier: 'UA' },
  };
}

/** A council as an organisation, with its ЄДРПОУ code. */
export function councilOrganization(publisher: SitePublisher, urls: Addresses): Node {
  return {
    '@type': 'GovernmentOrganization',
    '@id': `${urls.publisher(publisher.id)}#organization`,
    name: publisher.name.uk,
    alternateName: publisher.name.en,
    url: publisher.website,
    email: publisher.contact.email,
    identifier: { '@type': 'PropertyValue', propertyID: 'ЄДРПОУ', value: publisher.edrpou },
    areaServed: communityPlace(publisher),
  };
}

function portalOrganization(site: Settings, urls: Addresses): Node {
  return { '@type': 'Organization', '@id': `${urls.home}#publisher`, name: site.title, alternateName: site.titleEn, url: urls.home, ...(site.contact ? { email: site.contact.email } : {}) };
}

function website(site: Settings, urls: Addresses): Node {
  return { '@type': 'WebSite', name: site.title, url: urls.home, inLanguage: 'uk' };
}

/**
 * A dataset page's Dataset: the dataset's own publisher (or, for the portal-wide package, the
 * portal, with every council as a creator), every file as a download.
 */
/**
 * The most councils and documents a page's structured data names: the dataset of the whole
 * portal has all of them, and its page must weigh the same at any size of the portal. The
 * complete lists are in its metadata files (DCAT-AP, Data Package).
 */
export const LISTED_IN_JSONLD = 30;

export function datasetJsonLd(d: SiteDataset, site: Settings, publishers: SitePublisher[], urls: Addresses): Node {
  const own = (d.publisher ? publishers.filter((p) => p.id === d.publisher!.id) : publishers).slice(0, LISTED_IN_JSONLD);
  const councils = own.map((p) => councilOrganization(p, urls));
  const tables = new Map(d.tables.map((table) => [table.name, table.title]));
  const page = urls.dataset(d.name);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${page}#dataset`,
    name: d.title,
    description: datasetDescription(d.description, d.title, d.publisher?.title ?? site.title),
    url: page,
    identifier: d.id,
    keywords: d.keywords,
    inLanguage: 'uk',
    version: d.version,
    license: LICENCE_URL,
    isAccessibleForFree: true,
    creator: d.publisher ? councils[0] : councils,
    publisher: d.publisher ? councils[0] : portalOrganization(site, urls),
    datePublished: d.created,
    dateModified: d.modified,
    ...(d.temporal ? { temporalCoverage: `${d.temporal.start}/${d.temporal.end}` } : {}),
    spatialCoverage: own.length === 1 ? communityPlace(own[0]!) : own.map(communityPlace),
    isBasedOn: d.sources.slice(0, LISTED_IN_JSONLD).map((source) => ({ '@type': 'CreativeWork', name: source.title, url: urls.report(source.id) })),
    includedInDataCatalog: { '@type': 'DataCatalog', name: site.title, url: urls.catalog },
    distribution: d.files.map((file) => ({
      '@type': 'DataDownload',
      name: file.table ? `${tables.get(file.table) ?? file.table} (${file.format})` : `Книга ${file.format}`,
      encodingFormat: MEDIA_TYPES[file.format],
      contentUrl: urls.file(d.name, file.path),
      contentSize: `${file.bytes} B`,
      sha256: file.sha256,
    })),
  };
}

/** A programme page: a web page about the programme, a plan the council approved by decision. */
export function programmeJsonLd(p: SiteProgramme, site: Settings, publishers: SitePublisher[], urls: Addresses): Node {
  const council = publishers.find((publisher) => publisher.id === p.publisher.id);
  const page = urls.programme(p.id);
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    url: page,
    name: p.title,
    inLanguage: 'uk',
    isPartOf: website(site, urls),
    mainEntity: {
      '@type': 'CreativeWork',
      '@id': `${page}#programme`,
      name: p.title,
      description: p.goal,
      temporalCoverage: `${p.period.start}/${p.period.end}`,
      ...(council ? { creator: councilOrganization(council, urls), spatialCoverage: communityPlace(council) } : {}),
      isBasedOn: {
        '@type': 'Legislation',
        name: p.decision.title,
        url: urls.report(p.decision.id),
        ...(p.decision.number ? { legislationIdentifier: p.decision.number } : {}),
        ...(p.decision.date ? { legislationDate: p.decision.date } : {}),
      },
      subjectOf: p.datasets.map((dataset) => ({ '@type': 'Dataset', name: dataset.title, url: urls.dataset(dataset.id) })),
    },
  };
}

/** A report page: the document it presents, a decision as Legislation and anything else as a Report. */
export function reportJsonLd(r: SiteReport, site: Settings, publishers: SitePublisher[], urls: Addresses): Node {
  const council = publishers.find((publisher) => publisher.id === r.publisher.id);
  const page = urls.report(r.id);
  const decision = r.kind === 'decision';
  const document: Node = {
    '@type': decision ? 'Legislation' : 'Report',
    '@id': `${page}#document`,
    name: r.title,
    ...(r.description ? { description: r.description } : {}),
    inLanguage: 'uk',
    ...(r.date ? { [decision ? 'legislationDate' : 'datePublished']: r.date } : {}),
    ...(r.number ? { [decision ? 'legislationIdentifier' : 'reportNumber']: r.number } : {}),
    temporalCoverage: `${r.period.start}/${r.period.end}`,
    ...(council ? { [decision ? 'legislationPassedBy' : 'author']: councilOrganization(council, urls), spatialCoverage: communityPlace(council) } : {}),
    ...(r.author ? { creator: { '@type': 'Organization', name: r.author } } : {}),
    ...(r.url ? { sameAs: r.url } : {}),
    subjectOf: r.datasets.map((dataset) => ({ '@type': 'Dataset', name: dataset.title, url: urls.dataset(dataset.id) })),
  };
  return { '@context': 'https://schema.org', '@type': 'WebPage', url: page, name: r.title, inLanguage: 'uk', isPartOf: website(site, urls), mainEntity: document };
}
