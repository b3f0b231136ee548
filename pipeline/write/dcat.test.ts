/** The catalogue written in pieces is one graph, in the same bytes one writer would give. */
import { join } from 'node:path';
import { DataFactory, Parser, Writer, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { makeUrls } from '../publish/urls.ts';
import { catalogueWriter, checkPiece, datasetPiece, NS, readJsonLd } from './dcat.ts';
import { CKAN_LICENCE } from './package.ts';

const { namedNode, literal, quad } = DataFactory;
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const ntriples = (quads: Quad[]) => quads.map((q) => `${q.subject.value} ${q.predicate.value} ${JSON.stringify(q.object)}`).sort();

describe('the DCAT catalogue', async () => {
  const built = await buildPortal({ files: diskSources(join(import.meta.dirname, '..', 'fixtures', 'base')), history: fixedHistory('2024-05-01T12:00:00Z') });
  if (!built.ok) throw new Error(JSON.stringify(built.problems[0]));
  const turtle = text(built.tree.get('public/catalog.ttl'));
  const jsonld = text(built.tree.get('public/catalog.jsonld'));
  const quads = new Parser().parse(turtle);

  it('is the Turtle one writer makes of all its triples at once', () => {
    expect(quads.length).toBeGreaterThan(200);
    const writer = new Writer({ prefixes: { ...NS } });
    writer.addQuads(quads);
    let whole = '';
    writer.end((_, result) => (whole = result));
    expect(turtle).toBe(whole);
  });

  it('is JSON-LD as one document, indented as a whole, with the same triples as the Turtle', () => {
    const document = JSON.parse(jsonld) as { '@graph': Record<string, unknown>[] };
    expect(jsonld).toBe(JSON.stringify(document, null, 1) + '\n');
    expect(ntriples(readJsonLd(document['@graph']))).toEqual(ntriples(quads));
    // One node per subject.
    expect(document['@graph'].length).toBe(new Set(quads.map((q) => q.subject.value)).size);
  });

  it('names every published dataset from the catalogue node', () => {
    const named = quads.filter((q) => q.predicate.value === NS.dcat + 'dataset').map((q) => q.object.value);
    expect(named).toEqual(built.datasets.map((dataset) => `https://portal.example.org/data/datasets/${dataset.name}/#dataset`));
  });

  it('reports a dataset given two pieces, whose subjects would be written twice', () => {
    const urls = makeUrls('https://portal.example.org', '/');
    const dataset = built.datasets[0]!;
    const { piece, problems } = datasetPiece(dataset, [], urls, {});
    expect(problems).toEqual([]);
    const writer = catalogueWriter({ turtle: () => {}, jsonld: () => {} });
    writer.add(dataset.name, piece);
    writer.add(dataset.name, piece);
    expect(writer.end({ turtle: new Uint8Array(), jsonld: new Uint8Array() })).toEqual([`the dataset ${dataset.name} has more than one piece of the catalogue`]);
  });

  const objects = (subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
  const ofType = (type: string) => quads.filter((q) => q.predicate.value === NS.rdf + 'type' && q.object.value === type).map((q) => q.subject.value);

  it('gives every distribution the licence as CKAN\'s register names it, so that ckanext-dcat finds license_id cc-by', () => {
    // ckanext-dcat (profiles/base.py, _license) maps a distribution's dct:license to CKAN's
    // register by the licence's URL; CKAN's cc-by is http://www.opendefinition.org/licenses/cc-by.
    const distributions = ofType(NS.dcat + 'Distribution');
    expect(distributions.length).toBeGreaterThan(10);
    for (const distribution of distributions) expect(objects(distribution, NS.dct + 'license')).toEqual(['http://www.opendefinition.org/licenses/cc-by']);
    expect(CKAN_LICENCE.url).toBe('http://www.opendefinition.org/licenses/cc-by');
    expect(objects(CKAN_LICENCE.url, NS.rdf + 'type')).toEqual([NS.dct + 'LicenseDocument']);
  });

  it('gives every dataset, the portal-wide one too, a named publisher and a contact with an e-mail', () => {
    const datasets = ofType(NS.dcat + 'Dataset');
    expect(datasets.length).toBe(built.datasets.length);
    for (const dataset of datasets) {
      const [publisher] = objects(dataset, NS.dct + 'publisher');
      expect(objects(publisher!, NS.foaf + 'name').length, dataset).toBeGreaterThan(0);
      const [contact] = objects(dataset, NS.dcat + 'contactPoint');
      expect(objects(contact!, NS.vcard + 'hasEmail')[0], dataset).toMatch(/^mailto:.+@/);
    }
  });

  it('names every publisher\'s contact for the portal-wide dataset when the portal has no editors of its own', () => {
    const urls = makeUrls('https://portal.example.org', '/');
    const portalWide = built.datasets.find((dataset) => dataset.publisher === undefined)!;
    const emailsOf = (piece: { turtle: Uint8Array }) => {
      // A piece is Turtle without its prefixes, which the catalogue declares once.
      const prefixes = Object.entries(NS).map(([prefix, iri]) => `@prefix ${prefix}: <${iri}>.`).join('\n');
      const own = new Parser().parse(`${prefixes}\n${text(piece.turtle)}`);
      const contacts = own.filter((q) => q.predicate.value === NS.dcat + 'contactPoint').map((q) => q.object.value);
      return contacts.flatMap((contact) => own.filter((q) => q.subject.value === contact && q.predicate.value === NS.vcard + 'hasEmail').map((q) => q.object.value));
    };
    const publisherContacts = [{ name: 'Відділ А', email: 'a@rada.example' }, { name: 'Відділ Б', email: 'b@rada.example' }];
    expect(emailsOf(datasetPiece(portalWide, [], urls, { publisherContacts }).piece)).toEqual(['mailto:a@rada.example', 'mailto:b@rada.example']);
    // The portal's own editors, where it has them, answer instead.
    expect(emailsOf(datasetPiece(portalWide, [], urls, { portalContact: { name: 'Редакція', email: 'ed@portal.example' }, publisherContacts }).piece)).toEqual(['mailto:ed@portal.example']);
    // A council's dataset names its own council only.
    const own = built.datasets.find((dataset) => dataset.publisher !== undefined)!;
    expect(emailsOf(datasetPiece(own, [], urls, { publisherContacts }).piece)).toEqual([`mailto:${own.publisher!.contact.email}`]);
  });

  it('points dct:source at datasets only, and names the report pages as documents about the dataset', () => {
    const datasets = new Set(ofType(NS.dcat + 'Dataset'));
    for (const q of quads.filter((q) => q.predicate.value === NS.dct + 'source')) expect(datasets.has(q.object.value)).toBe(true);
    const pages = quads.filter((q) => q.predicate.value === NS.foaf + 'page').map((q) => q.object.value);
    expect(pages.length).toBeGreaterThan(0);
    const documents = new Set(ofType(NS.foaf + 'Document'));
    for (const page of pages) {
      expect(page).toMatch(/\/reports\/[^/]+\/$/);
      expect(documents.has(page), page).toBe(true);
    }
    for (const q of quads.filter((q) => [NS.dcat + 'landingPage', NS.foaf + 'homepage'].includes(q.predicate.value))) expect(documents.has(q.object.value), q.object.value).toBe(true);
  });

  it('lists the catalogue node and the agents after the datasets, each agent once', () => {
    const subjects = [...new Set(quads.map((q) => q.subject.value))];
    const agents = subjects.filter((subject) => subject.includes('/publishers/') || subject.endsWith('#publisher'));
    expect(new Set(agents).size).toBe(agents.length);
    const firstHead = subjects.indexOf('https://portal.example.org/data/#catalog');
    expect(subjects.slice(firstHead).every((subject) => !subject.includes('/datasets/'))).toBe(true);
    expect(agents.every((agent) => subjects.indexOf(agent) > firstHead)).toBe(true);
  });
});

describe('checkPiece', () => {
  const subject = namedNode('https://portal.example.org/datasets/x/');
  const typeOf = quad(subject, namedNode(NS.rdf + 'type'), namedNode(NS.dcat + 'Dataset'));
  const title = quad(subject, namedNode(NS.dct + 'title'), literal('Назва', 'uk'));
  const turtle = (quads: Quad[]) => {
    const writer = new Writer();
    writer.addQuads(quads);
    let out = '';
    writer.end((_, result) => (out = result));
    return out;
  };
  const nodes = JSON.stringify({ '@id': subject.value, '@type': [NS.dcat + 'Dataset'], [NS.dct + 'title']: [{ '@value': 'Назва', '@language': 'uk' }] });

  it('names a mandatory DCAT-AP property a node lacks', () => {
    expect(checkPiece([typeOf, title], turtle([typeOf, title]), nodes, () => true)).toEqual([`${subject.value} (${NS.dcat}Dataset) has no ${NS.dct}description`]);
  });

  it('notices a text that does not read back to the triples it was written from', () => {
    const problems = checkPiece([typeOf, title], turtle([typeOf]), nodes, () => true);
    expect(problems[0]).toBe(`the piece from ${subject.value}: Turtle reads back 1 triples, the graph has 2`);
  });

  it('names a subject the piece does not own, whose triples could be split between pieces', () => {
    const description = quad(subject, namedNode(NS.dct + 'description'), literal('Опис', 'uk'));
    const all = [typeOf, title, description];
    const text = JSON.stringify({ '@id': subject.value, '@type': [NS.dcat + 'Dataset'], [NS.dct + 'title']: [{ '@value': 'Назва', '@language': 'uk' }], [NS.dct + 'description']: [{ '@value': 'Опис', '@language': 'uk' }] });
    expect(checkPiece(all, turtle(all), text, (s) => s.startsWith('https://portal.example.org/datasets/y/'))).toEqual([
      `${subject.value} does not belong in the piece from ${subject.value}: its triples could be split between pieces`,
    ]);
  });
});
