/**
 * The DCAT-AP 3 catalogue as one RDF graph, written twice: Turtle and JSON-LD with full
 * IRIs (readers that ignore type-scoped contexts read it the same). Every node has an
 * IRI (no blank nodes), and triples are in a fixed order, so the bytes are the same every
 * build. At tens of thousands of datasets the graph has millions of triples, so it is made,
 * written and read back one piece at a time: each dataset with the nodes only it names
 * (made where the dataset's files are made), then the catalogue's own node and the agents.
 */
import { DataFactory, Parser, Writer, type Quad, type Term } from 'n3';
import type { Model } from '../model/types.ts';
import type { Dataset, Frequency } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { CKAN_LICENCE, LICENCE, PORTAL_TITLE_FALLBACK, type WrittenFile } from './package.ts';

const { namedNode, literal, quad } = DataFactory;

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  dcatap: 'http://data.europa.eu/r5r/',
  adms: 'http://www.w3.org/ns/adms#',
  owl: 'http://www.w3.org/2002/07/owl#',
  spdx: 'http://spdx.org/rdf/terms#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  prov: 'http://www.w3.org/ns/prov#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority/';

export const EU_FREQUENCY: Record<Frequency, string> = {
  'more than once a day': 'UPDATE_CONT',
  'once a day': 'DAILY',
  'once a week': 'WEEKLY',
  'once a month': 'MONTHLY',
  'once a quarter': 'QUARTERLY',
  'once a half year': 'ANNUAL_2',
  'once a year': 'ANNUAL',
  'immediately after making changes': 'IRREG',
  'no longer updated': 'NEVER',
};

const p = (prefix: keyof typeof NS, local: string) => namedNode(NS[prefix] + local);
const A = p('rdf', 'type');
const uk = (text: string) => literal(text, 'uk');
const typed = (value: string, type: string) => literal(value, p('xsd', type));

/** Where the two serialisations go, a piece at a time, as UTF-8. */
export interface CatalogueOut {
  turtle(bytes: Uint8Array): void;
  jsonld(bytes: Uint8Array): void;
}

/** Where a dataset's piece lies in each file, in bytes from the start: [start, end). */
export interface PieceRanges {
  turtle: [number, number];
  jsonld: [number, number];
}

/**
 * A piece as it is written, in UTF-8: Turtle without the prefixes, JSON-LD nodes without the
 * commas around them. Bytes, so that the thread that made it encodes it and hands it over
 * without a copy.
 */
export interface CataloguePiece {
  turtle: Uint8Array;
  jsonld: Uint8Array;
}

/** Who answers for a dataset without a publisher of its own. */
export interface PortalContact {
  name: string;
  email: string;
}

const encoder = new TextEncoder();

/** The prefixes every Turtle piece is written under. */
const HEADER = toTurtle([]);

export interface CatalogueWriter {
  /** A dataset's piece, in the order the catalogue lists them; where it was written. */
  add(name: string, piece: CataloguePiece): PieceRanges;
  /** The catalogue's own node and the agents, then the files' ends; what went wrong, if anything. */
  end(head: CataloguePiece): string[];
}

/**
 * Writes the catalogue as its pieces come: each dataset's (made, and read back, where its
 * files are made), then the catalogue's own node with the agents. Every subject belongs to
 * one piece, so the pieces together are one graph.
 */
export function catalogueWriter(out: CatalogueOut): CatalogueWriter {
  const problems: string[] = [];
  const names = new Set<string>();
  const at = { turtle: 0, jsonld: 0 };
  const emit = (file: keyof CatalogueOut, text: string | Uint8Array): [number, number] => {
    const bytes = typeof text === 'string' ? encoder.encode(text) : text;
    out[file](bytes);
    at[file] += bytes.length;
    return [at[file] - bytes.length, at[file]];
  };
  let first = true;
  emit('turtle', HEADER);
  emit('jsonld', '{\n "@graph": [\n');
  const write = (piece: CataloguePiece): PieceRanges => {
    const turtle = emit('turtle', piece.turtle);
    if (!first) emit('jsonld', ',\n');
    first = false;
    return { turtle, jsonld: emit('jsonld', piece.jsonld) };
  };
  return {
    add(name, piece) {
      if (names.has(name)) problems.push(`the dataset ${name} has more than one piece of the catalogue`);
      names.add(name);
      return write(piece);
    },
    end(head) {
      write(head);
      emit('jsonld', '\n ]\n}\n');
      return problems;
    },
  };
}

/** Triples made into a piece and read back from both texts; `owns` says which subjects may be in it. */
function makePiece(quads: Quad[], owns: (subject: string) => boolean): { piece: CataloguePiece; problems: string[] } {
  const grouped = groupBySubject(quads);
  const turtle = toTurtle(grouped).slice(HEADER.length);
  const jsonld = jsonLdNodes(grouped);
  return { piece: { turtle: encoder.encode(turtle), jsonld: encoder.encode(jsonld) }, problems: checkPiece(grouped, HEADER + turtle, jsonld, owns) };
}

const portalAgentOf = (urls: Urls) => namedNode(`${urls.home()}#publisher`);

type Add = (s: Term, p: Term, o: Term) => void;

/** The portal's agent, and its homepage. */
function portalQuads(add: Add, urls: Urls, title: string | undefined, contact: PortalContact | undefined) {
  const home = namedNode(urls.home());
  const agent = portalAgentOf(urls);
  add(home, A, p('foaf', 'Document'));
  add(agent, A, p('foaf', 'Agent'));
  add(agent, p('foaf', 'name'), uk(title || PORTAL_TITLE_FALLBACK));
  if (contact) add(agent, p('foaf', 'mbox'), namedNode(`mailto:${contact.email}`));
  add(agent, p('foaf', 'homepage'), home);
}

/** A publisher's agent, and its website. */
function publisherQuads(add: Add, publisher: NonNullable<Dataset['publisher']>, urls: Urls) {
  const agent = namedNode(urls.publisher(publisher.id));
  add(agent, A, p('foaf', 'Agent'));
  add(agent, p('foaf', 'name'), uk(publisher.name.uk));
  add(agent, p('foaf', 'name'), literal(publisher.name.en, 'en'));
  add(agent, p('dct', 'identifier'), literal(publisher.edrpou));
  add(agent, p('dct', 'type'), namedNode('http://purl.org/adms/publishertype/LocalAuthority'));
  add(agent, p('foaf', 'homepage'), namedNode(publisher.website));
  add(namedNode(publisher.website), A, p('foaf', 'Document'));
}

/**
 * The catalogue's own node (naming every dataset, in order), the portal's agent and each
 * publisher's agent: everything not under a dataset's address.
 */
/** The dataset's own node: its page (the landing page) is a document about it, not the dataset. */
export const datasetNode = (urls: Urls, name: string) => `${urls.dataset(name)}#dataset`;

/**
 * The classes DCAT-AP 3 gives the values of its properties, stated of the values this
 * catalogue uses, as ckanext-dcat's DCAT-AP writer states them: a reader that does not load
 * the vocabularies (or cannot: IANA publishes no RDF) still sees what each value is.
 */
function typeVocabularyValues(add: (s: Term, p: Term, o: Term) => void, datasets: Dataset[]) {
  const typed = (iri: string, cls: Term) => add(namedNode(iri), A, cls);
  // The EU table gives its scheme no dct:title, which DCAT-AP requires of a theme taxonomy.
  add(namedNode(`${EU}data-theme`), p('dct', 'title'), literal('Data theme', 'en'));
  typed(`${EU}language/UKR`, p('dct', 'LinguisticSystem'));
  typed(`${EU}country/UKR`, p('dct', 'Location'));
  for (const frequency of new Set(datasets.map((d) => d.frequency))) typed(`${EU}frequency/${EU_FREQUENCY[frequency]}`, p('dct', 'Frequency'));
  for (const format of FILE_FORMATS) {
    typed(`${EU}file-type/${format.code}`, p('dct', 'MediaTypeOrExtent'));
    typed(`${IANA}${format.mediatype}`, p('dct', 'MediaType'));
  }
  for (const licence of [LICENCE.eu, CKAN_LICENCE.url]) typed(licence, p('dct', 'LicenseDocument'));
  add(namedNode(LICENCE.eu), p('dct', 'title'), literal(LICENCE.title, 'en'));
  add(namedNode(CKAN_LICENCE.url), p('dct', 'title'), literal(CKAN_LICENCE.title, 'en'));
}

/** The formats the build writes, as the EU file-type and IANA media-type vocabularies name them. */
export const FILE_FORMATS = [
  { code: 'CSV', mediatype: 'text/csv' },
  { code: 'JSON', mediatype: 'application/json' },
  { code: 'XLSX', mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
] as const;

const IANA = 'https://www.iana.org/assignments/media-types/';

/**
 * The catalogue's own node (naming every dataset, in order), the portal's agent and each
 * publisher's agent, the pages and licences they point to: everything not under a
 * dataset's address.
 */
export function headPiece(model: Pick<Model, 'portal'>, datasets: Dataset[], urls: Urls, buildTime: string): { piece: CataloguePiece; problems: string[] } {
  const quads: Quad[] = [];
  const add = (s: Term, pr: Term, o: Term) => quads.push(quad(s as never, pr as never, o as never));
  const catalog = namedNode(`${urls.home()}#catalog`);
  const portalAgent = portalAgentOf(urls);
  const portal = model.portal;
  const home = namedNode(urls.home());

  add(catalog, A, p('dcat', 'Catalog'));
  add(catalog, p('dct', 'title'), uk(portal?.title ?? PORTAL_TITLE_FALLBACK));
  if (portal) add(catalog, p('dct', 'title'), literal(portal.titleEn, 'en'));
  add(catalog, p('dct', 'description'), uk(portal?.description ?? ''));
  add(catalog, p('dct', 'publisher'), portalAgent);
  add(catalog, p('foaf', 'homepage'), home);
  add(catalog, p('dct', 'language'), namedNode(`${EU}language/UKR`));
  add(catalog, p('dct', 'license'), namedNode(LICENCE.eu));
  add(catalog, p('dct', 'spatial'), namedNode(`${EU}country/UKR`));
  const issued = datasets.map((dataset) => dataset.created).sort()[0] ?? buildTime;
  add(catalog, p('dct', 'issued'), typed(issued, 'dateTime'));
  add(catalog, p('dct', 'modified'), typed(buildTime, 'dateTime'));
  add(catalog, p('dcat', 'themeTaxonomy'), namedNode(`${EU}data-theme`));
  for (const dataset of datasets) add(catalog, p('dcat', 'dataset'), namedNode(datasetNode(urls, dataset.name)));
  portalQuads(add, urls, portal?.title, portal?.contact);

  const agents = new Set<string>();
  for (const { publisher } of datasets) {
    if (!publisher || agents.has(publisher.id)) continue;
    agents.add(publisher.id);
    publisherQuads(add, publisher, urls);
  }
  // The report pages the datasets name as their documentation.
  const pages = new Set(datasets.flatMap((dataset) => dataset.sources.map((source) => source.path)));
  for (const page of [...pages].sort()) add(namedNode(page), A, p('foaf', 'Document'));
  typeVocabularyValues(add, datasets);
  const datasetsRoot = urls.catalog();
  return makePiece(quads, (subject) => !subject.startsWith(datasetsRoot));
}

/** One dataset's piece: the dataset, its period and contact, its distributions and their checksums, all under its own address. */
export function datasetPiece(dataset: Dataset, files: WrittenFile[], urls: Urls, contacts: Contacts): { piece: CataloguePiece; problems: string[] } {
  const own = urls.dataset(dataset.name);
  return makePiece(datasetQuads(dataset, files, urls, contacts), (subject) => subject.startsWith(own));
}

/**
 * The dataset's own Turtle (datasets/{name}/dataset.ttl, as ckanext-dcat serves one per
 * dataset): its piece of the catalogue with its publisher's agent and the report pages.
 */
export function datasetTurtle(dataset: Dataset, files: WrittenFile[], urls: Urls, portal: { portalTitle: string } & Contacts): string {
  const quads = datasetQuads(dataset, files, urls, portal);
  const add: Add = (s, pr, o) => quads.push(quad(s as never, pr as never, o as never));
  if (dataset.publisher) publisherQuads(add, dataset.publisher, urls);
  else portalQuads(add, urls, portal.portalTitle, portal.portalContact);
  for (const page of new Set(dataset.sources.map((source) => source.path))) add(namedNode(page), A, p('foaf', 'Document'));
  typeVocabularyValues(add, [dataset]);
  return toTurtle(groupBySubject(quads));
}

/** Who answers for a dataset without a publisher of its own: the portal's editors, else every publisher. */
export interface Contacts {
  portalContact?: PortalContact | undefined;
  publisherContacts?: PortalContact[] | undefined;
}

function datasetQuads(dataset: Dataset, files: WrittenFile[], urls: Urls, { portalContact, publisherContacts = [] }: Contacts): Quad[] {
  const quads: Quad[] = [];
  const add: Add = (s, pr, o) => quads.push(quad(s as never, pr as never, o as never));
  const page = namedNode(urls.dataset(dataset.name));
  const node = namedNode(datasetNode(urls, dataset.name));
  add(node, A, p('dcat', 'Dataset'));
  add(node, p('dct', 'identifier'), literal(dataset.id));
  add(node, p('dct', 'title'), uk(dataset.title));
  add(node, p('dct', 'description'), uk(dataset.description));
  for (const keyword of dataset.keywords) add(node, p('dcat', 'keyword'), uk(keyword));
  for (const theme of dataset.themes) add(node, p('dcat', 'theme'), namedNode(`${EU}data-theme/${theme}`));
  add(node, p('dct', 'issued'), typed(dataset.created, 'dateTime'));
  add(node, p('dct', 'modified'), typed(dataset.modified, 'dateTime'));
  add(node, p('dct', 'accrualPeriodicity'), namedNode(`${EU}frequency/${EU_FREQUENCY[dataset.frequency]}`));
  add(node, p('dct', 'language'), namedNode(`${EU}language/UKR`));
  add(node, p('dct', 'spatial'), namedNode(`${EU}country/UKR`));
  add(node, p('dcat', 'landingPage'), page);
  add(node, p('owl', 'versionInfo'), literal(dataset.version));
  if (dataset.temporal) {
    const period = namedNode(`${urls.dataset(dataset.name)}#period`);
    add(node, p('dct', 'temporal'), period);
    add(period, A, p('dct', 'PeriodOfTime'));
    add(period, p('dcat', 'startDate'), typed(dataset.temporal.start, 'date'));
    add(period, p('dcat', 'endDate'), typed(dataset.temporal.end, 'date'));
  }
  // The documents the figures were read from: their pages on the portal document the
  // dataset, and the dataset derives from the originals (dct:source names datasets only).
  for (const source of dataset.sources) add(node, p('foaf', 'page'), namedNode(source.path));
  for (const url of new Set(dataset.sources.flatMap((source) => (source.url ? [new URL(source.url).href] : [])))) add(node, p('prov', 'wasDerivedFrom'), namedNode(url));

  const publisher = dataset.publisher;
  add(node, p('dct', 'publisher'), publisher ? namedNode(urls.publisher(publisher.id)) : portalAgentOf(urls));
  const people = publisher ? [publisher.contact] : portalContact ? [portalContact] : publisherContacts;
  people.forEach((person, index) => {
    const contact = namedNode(`${urls.dataset(dataset.name)}#contact${index === 0 ? '' : `-${index + 1}`}`);
    add(node, p('dcat', 'contactPoint'), contact);
    add(contact, A, p('vcard', 'Kind'));
    add(contact, p('vcard', 'fn'), uk(person.name));
    add(contact, p('vcard', 'hasEmail'), namedNode(`mailto:${person.email}`));
  });
  add(page, A, p('foaf', 'Document'));

  for (const file of files) {
    const url = urls.datasetFile(dataset.name, file.path);
    const distribution = namedNode(`${url}#distribution`);
    const download = namedNode(url);
    add(node, p('dcat', 'distribution'), distribution);
    add(distribution, A, p('dcat', 'Distribution'));
    add(distribution, p('dct', 'title'), uk(file.table ? `${file.table.title} (${file.format})` : 'Книга XLSX'));
    add(distribution, p('dct', 'description'), uk(file.table ? file.table.description : 'Усі таблиці набору, словник даних і джерела в одній книзі XLSX.'));
    add(distribution, p('dcat', 'accessURL'), download);
    add(distribution, p('dcat', 'downloadURL'), download);
    add(distribution, p('dct', 'format'), namedNode(`${EU}file-type/${file.format}`));
    add(distribution, p('dcat', 'mediaType'), namedNode(`${IANA}${file.mediatype}`));
    add(distribution, p('dcat', 'byteSize'), typed(String(file.bytes), 'nonNegativeInteger'));
    // The licence as CKAN's register knows it, so that ckanext-dcat fills license_id (cc-by).
    add(distribution, p('dct', 'license'), namedNode(CKAN_LICENCE.url));
    add(distribution, p('dcatap', 'availability'), namedNode(`${EU}planned-availability/STABLE`));
    add(distribution, p('dct', 'issued'), typed(dataset.created, 'dateTime'));
    add(distribution, p('dct', 'modified'), typed(dataset.modified, 'dateTime'));
    const checksum = namedNode(`${url}#checksum`);
    add(distribution, p('spdx', 'checksum'), checksum);
    add(checksum, A, p('spdx', 'Checksum'));
    add(checksum, p('spdx', 'algorithm'), p('spdx', 'checksumAlgorithm_sha256'));
    add(checksum, p('spdx', 'checksumValue'), typed(file.sha256, 'hexBinary'));
    add(download, A, p('rdfs', 'Resource'));
  }
  return quads;
}

/**
 * Each subject's triples together, subjects in the order the graph first names them: the
 * build adds them in a fixed order, so this is deterministic without sorting every triple.
 */
function groupBySubject(quads: Quad[]): Quad[] {
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const group = bySubject.get(q.subject.value);
    if (group) group.push(q);
    else bySubject.set(q.subject.value, [q]);
  }
  return [...bySubject.values()].flat();
}

function toTurtle(quads: Quad[]): string {
  const writer = new Writer({ prefixes: { ...NS } });
  writer.addQuads(quads);
  let out = '';
  writer.end((error, result) => {
    if (error) throw error;
    out = result;
  });
  return out;
}

/**
 * Flattened, expanded JSON-LD: one node object per subject, full IRIs as keys; the nodes of
 * a piece as they stand inside the "@graph" array, without the commas around the piece.
 */
function jsonLdNodes(quads: Quad[]): string {
  const nodes = new Map<string, Record<string, unknown[]>>();
  for (const q of quads) {
    const node = nodes.get(q.subject.value) ?? {};
    nodes.set(q.subject.value, node);
    if (q.predicate.value === NS.rdf + 'type') {
      (node['@type'] ??= []).push(q.object.value);
      continue;
    }
    const object = q.object;
    let value: Record<string, string>;
    if (object.termType === 'NamedNode') value = { '@id': object.value };
    else if (object.termType === 'Literal' && object.language) value = { '@value': object.value, '@language': object.language };
    else if (object.termType === 'Literal' && object.datatype.value !== NS.xsd + 'string') value = { '@value': object.value, '@type': object.datatype.value };
    else value = { '@value': object.value };
    (node[q.predicate.value] ??= []).push(value);
  }
  // Two levels in (the document, then "@graph"), as JSON.stringify(document, null, 1) indents them.
  return [...nodes.entries()].map(([id, properties]) => JSON.stringify({ '@id': id, ...properties }, null, 1).replace(/^/gm, '  ')).join(',\n');
}

/** Reads JSON-LD node objects as this module writes them back into quads: proof both files carry one graph. */
export function readJsonLd(graph: Record<string, unknown>[]): Quad[] {
  const quads: Quad[] = [];
  for (const node of graph) {
    const subject = namedNode(node['@id'] as string);
    for (const [predicate, values] of Object.entries(node)) {
      if (predicate === '@id') continue;
      for (const value of values as (string | Record<string, string>)[]) {
        if (predicate === '@type') quads.push(quad(subject, namedNode(NS.rdf + 'type'), namedNode(value as string)));
        else {
          const v = value as Record<string, string>;
          const object = v['@id'] ? namedNode(v['@id']) : v['@language'] ? literal(v['@value']!, v['@language']) : v['@type'] ? literal(v['@value']!, namedNode(v['@type'])) : literal(v['@value']!);
          quads.push(quad(subject, namedNode(predicate), object));
        }
      }
    }
  }
  return quads;
}

/** The mandatory properties of DCAT-AP 3, checked on the graph read back from Turtle. */
const MANDATORY: Record<string, string[]> = {
  [NS.dcat + 'Catalog']: [NS.dct + 'title', NS.dct + 'description', NS.dct + 'publisher', NS.dcat + 'dataset'],
  [NS.dcat + 'Dataset']: [NS.dct + 'title', NS.dct + 'description'],
  [NS.dcat + 'Distribution']: [NS.dcat + 'accessURL'],
  [NS.foaf + 'Agent']: [NS.foaf + 'name'],
};

/**
 * Reads a piece back from both texts and checks it against the triples it was written from;
 * `owns` says which subjects the piece may hold.
 */
export function checkPiece(quads: Quad[], turtle: string, nodes: string, owns: (subject: string) => boolean): string[] {
  const problems: string[] = [];
  const parsed = new Parser().parse(turtle);
  const fromJsonLd = readJsonLd(JSON.parse(`[${nodes}]`) as Record<string, unknown>[]);
  const about = `the piece from ${quads[0]?.subject.value ?? '(empty)'}`;
  if (parsed.length !== quads.length) problems.push(`${about}: Turtle reads back ${parsed.length} triples, the graph has ${quads.length}`);
  if (fromJsonLd.length !== quads.length) problems.push(`${about}: JSON-LD reads back ${fromJsonLd.length} triples, the graph has ${quads.length}`);
  const types = new Map<string, string[]>();
  const properties = new Map<string, Set<string>>();
  for (const q of parsed) {
    if (q.predicate.value === NS.rdf + 'type') types.set(q.subject.value, [...(types.get(q.subject.value) ?? []), q.object.value]);
    if (!properties.has(q.subject.value)) properties.set(q.subject.value, new Set());
    properties.get(q.subject.value)!.add(q.predicate.value);
  }
  for (const [subject, classes] of types) {
    for (const cls of classes) {
      for (const property of MANDATORY[cls] ?? []) {
        if (!properties.get(subject)?.has(property)) problems.push(`${subject} (${cls}) has no ${property}`);
      }
    }
  }
  // A subject in two pieces would be written as two nodes, and the pieces would not make one graph.
  for (const subject of properties.keys()) {
    if (!owns(subject)) problems.push(`${subject} does not belong in ${about}: its triples could be split between pieces`);
  }
  return problems;
}
