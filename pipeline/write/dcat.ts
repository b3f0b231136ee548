/**
 * The DCAT-AP 3 catalogue as one RDF graph, written twice: Turtle and JSON-LD with full
 * IRIs (readers that ignore type-scoped contexts read it the same). Every node has an
 * IRI (no blank nodes), and triples are in a fixed order, so the bytes are the same every
 * build. At tens of thousands of datasets the graph has millions of triples, so it is made,
 * written and read back one piece at a time: the catalogue's own node, then each dataset
 * with the nodes only it names.
 */
import { DataFactory, Parser, Writer, type Quad, type Term } from 'n3';
import type { Model } from '../model/types.ts';
import type { Dataset, Frequency } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { LICENCE, type WrittenFile } from './package.ts';

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

/** Where the two serialisations go, a piece at a time. */
export interface CatalogueOut {
  turtle(text: string): void;
  jsonld(text: string): void;
}

/**
 * Writes the catalogue piece by piece and reads each piece back from both texts; returns
 * what the reading found wrong (nothing, when all is well).
 */
export function writeCatalogue(model: Model, datasets: Dataset[], filesOf: (dataset: Dataset) => WrittenFile[], urls: Urls, buildTime: string, out: CatalogueOut): string[] {
  const problems: string[] = [];
  const header = toTurtle([]);
  const seen = new Set<string>();
  let triples = 0;
  let first = true;
  out.turtle(header);
  out.jsonld('{\n "@graph": [\n');
  for (const piece of cataloguePieces(model, datasets, filesOf, urls, buildTime)) {
    const grouped = groupBySubject(piece);
    const turtle = toTurtle(grouped).slice(header.length);
    const nodes = jsonLdNodes(grouped);
    out.turtle(turtle);
    out.jsonld((first ? '' : ',\n') + nodes);
    first = false;
    triples += grouped.length;
    problems.push(...checkPiece(grouped, header + turtle, nodes, seen));
  }
  out.jsonld('\n ]\n}\n');
  if (triples === 0) problems.push('the catalogue has no triples');
  return problems;
}

/**
 * The triples in pieces: first the catalogue's node (naming every dataset) and the portal's
 * agent, then one piece per dataset. A subject's triples are all in one piece.
 */
function* cataloguePieces(model: Model, datasets: Dataset[], filesOf: (dataset: Dataset) => WrittenFile[], urls: Urls, buildTime: string): Generator<Quad[]> {
  let quads: Quad[] = [];
  const add = (s: Term, pr: Term, o: Term) => quads.push(quad(s as never, pr as never, o as never));
  const catalog = namedNode(`${urls.home()}#catalog`);
  const portalAgent = namedNode(`${urls.home()}#publisher`);
  const portal = model.portal;

  add(catalog, A, p('dcat', 'Catalog'));
  add(catalog, p('dct', 'title'), uk(portal?.title ?? 'Відкриті дані міських рад'));
  if (portal) add(catalog, p('dct', 'title'), literal(portal.titleEn, 'en'));
  add(catalog, p('dct', 'description'), uk(portal?.description ?? ''));
  add(catalog, p('dct', 'publisher'), portalAgent);
  add(catalog, p('foaf', 'homepage'), namedNode(urls.home()));
  add(catalog, p('dct', 'language'), namedNode(`${EU}language/UKR`));
  add(catalog, p('dct', 'license'), namedNode(LICENCE.eu));
  add(catalog, p('dct', 'spatial'), namedNode(`${EU}country/UKR`));
  const issued = datasets.map((dataset) => dataset.created).sort()[0] ?? buildTime;
  add(catalog, p('dct', 'issued'), typed(issued, 'dateTime'));
  add(catalog, p('dct', 'modified'), typed(buildTime, 'dateTime'));
  add(catalog, p('dcat', 'themeTaxonomy'), namedNode(`${EU}data-theme`));
  add(portalAgent, A, p('foaf', 'Agent'));
  add(portalAgent, p('foaf', 'name'), uk(portal?.title ?? 'Відкриті дані міських рад'));
  if (portal) add(portalAgent, p('foaf', 'mbox'), namedNode(`mailto:${portal.contact.email}`));
  for (const dataset of datasets) add(catalog, p('dcat', 'dataset'), namedNode(urls.dataset(dataset.name)));
  yield quads;

  const agents = new Set<string>();
  for (const dataset of datasets) {
    quads = [];
    const node = namedNode(urls.dataset(dataset.name));
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
    add(node, p('dcat', 'landingPage'), namedNode(urls.dataset(dataset.name)));
    add(node, p('owl', 'versionInfo'), literal(dataset.version));
    if (dataset.temporal) {
      const period = namedNode(`${urls.dataset(dataset.name)}#period`);
      add(node, p('dct', 'temporal'), period);
      add(period, A, p('dct', 'PeriodOfTime'));
      add(period, p('dcat', 'startDate'), typed(dataset.temporal.start, 'date'));
      add(period, p('dcat', 'endDate'), typed(dataset.temporal.end, 'date'));
    }
    for (const source of dataset.sources) add(node, p('dct', 'source'), namedNode(source.path));

    const publisher = dataset.publisher;
    const agent = publisher ? namedNode(urls.publisher(publisher.id)) : portalAgent;
    add(node, p('dct', 'publisher'), agent);
    if (publisher && !agents.has(publisher.id)) {
      agents.add(publisher.id);
      add(agent, A, p('foaf', 'Agent'));
      add(agent, p('foaf', 'name'), uk(publisher.name.uk));
      add(agent, p('foaf', 'name'), literal(publisher.name.en, 'en'));
      add(agent, p('dct', 'identifier'), literal(publisher.edrpou));
      add(agent, p('dct', 'type'), namedNode('http://purl.org/adms/publishertype/LocalAuthority'));
      add(agent, p('foaf', 'homepage'), namedNode(publisher.website));
    }
    const contactPerson = publisher?.contact ?? (portal ? { name: portal.contact.name, email: portal.contact.email } : undefined);
    if (contactPerson) {
      const contact = namedNode(`${urls.dataset(dataset.name)}#contact`);
      add(node, p('dcat', 'contactPoint'), contact);
      add(contact, A, p('vcard', 'Kind'));
      add(contact, p('vcard', 'fn'), uk(contactPerson.name));
      add(contact, p('vcard', 'hasEmail'), namedNode(`mailto:${contactPerson.email}`));
    }

    for (const file of filesOf(dataset)) {
      const url = urls.datasetFile(dataset.name, file.path);
      const distribution = namedNode(url);
      add(node, p('dcat', 'distribution'), distribution);
      add(distribution, A, p('dcat', 'Distribution'));
      add(distribution, p('dct', 'title'), uk(file.table ? `${file.table.title} (${file.format})` : 'Книга XLSX'));
      add(distribution, p('dct', 'description'), uk(file.table ? file.table.description : 'Усі таблиці набору, словник даних і джерела в одній книзі XLSX.'));
      add(distribution, p('dcat', 'accessURL'), namedNode(urls.dataset(dataset.name)));
      add(distribution, p('dcat', 'downloadURL'), distribution);
      add(distribution, p('dct', 'format'), namedNode(`${EU}file-type/${file.format}`));
      add(distribution, p('dcat', 'mediaType'), namedNode(`https://www.iana.org/assignments/media-types/${file.mediatype}`));
      add(distribution, p('dcat', 'byteSize'), typed(String(file.bytes), 'nonNegativeInteger'));
      add(distribution, p('dct', 'license'), namedNode(LICENCE.eu));
      add(distribution, p('dcatap', 'availability'), namedNode('http://data.europa.eu/r5r/availability/stable'));
      add(distribution, p('dct', 'issued'), typed(dataset.created, 'dateTime'));
      add(distribution, p('dct', 'modified'), typed(dataset.modified, 'dateTime'));
      const checksum = namedNode(`${url}#checksum`);
      add(distribution, p('spdx', 'checksum'), checksum);
      add(checksum, A, p('spdx', 'Checksum'));
      add(checksum, p('spdx', 'algorithm'), p('spdx', 'checksumAlgorithm_sha256'));
      add(checksum, p('spdx', 'checksumValue'), typed(file.sha256, 'hexBinary'));
    }
    yield quads;
  }
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

/** Reads a piece back from both texts and checks it against the triples it was written from. */
export function checkPiece(quads: Quad[], turtle: string, nodes: string, seen: Set<string>): string[] {
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
    if (seen.has(subject)) problems.push(`${subject} has triples in more than one piece of the catalogue`);
  }
  for (const subject of properties.keys()) seen.add(subject);
  return problems;
}
