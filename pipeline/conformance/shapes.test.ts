/** The official DCAT-AP 3.0.0 shapes, run by a SHACL engine over the catalogue the build writes. */
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { checkShapes, readJsonLd, readTurtle } from './shapes.ts';

const { namedNode, quad } = DataFactory;
const DCT = 'http://purl.org/dc/terms/';
const DCAT = 'http://www.w3.org/ns/dcat#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

// A SHACL run over a few thousand triples takes seconds on a busy machine.
describe('the DCAT-AP 3.0.0 shapes', { timeout: 60_000 }, async () => {
  const built = await buildPortal({ files: diskSources(join(import.meta.dirname, '..', 'fixtures', 'base')), history: fixedHistory('2024-05-01T12:00:00Z') });
  if (!built.ok) throw new Error(JSON.stringify(built.problems[0]));
  const turtle = readTurtle(text(built.tree.get('public/catalog.ttl')));
  const violations = async (quads: Quad[]) => (await checkShapes(quads)).filter((r) => r.severity === 'Violation');

  it('find no violation in the Turtle nor in the JSON-LD', async () => {
    expect(turtle.length).toBeGreaterThan(200);
    expect(await violations(turtle)).toEqual([]);
    const jsonld = await readJsonLd(text(built.tree.get('public/catalog.jsonld')));
    expect(jsonld.length).toBe(turtle.length);
    expect(await violations(jsonld)).toEqual([]);
  });

  it('reject a dct:source that points at a report page rather than a dataset', async () => {
    const dataset = turtle.find((q) => q.predicate.value === RDF_TYPE && q.object.value === DCAT + 'Dataset')!.subject;
    const page = turtle.find((q) => q.subject.equals(dataset) && q.predicate.value === 'http://xmlns.com/foaf/0.1/page')!.object;
    const found = await violations([...turtle, quad(dataset as never, namedNode(DCT + 'source'), page as never) as unknown as Quad]);
    expect(found.map((r) => [r.focus, r.path, r.constraint])).toEqual([[dataset.value, DCT + 'source', 'ClassConstraintComponent']]);
  });

  it('reject a landing page that is not said to be a foaf:Document', async () => {
    const landing = new Set(turtle.filter((q) => q.predicate.value === DCAT + 'landingPage').map((q) => q.object.value));
    const untyped = turtle.filter((q) => !(landing.has(q.subject.value) && q.predicate.value === RDF_TYPE));
    const found = await violations(untyped);
    expect(found.length).toBe(landing.size);
    expect(new Set(found.map((r) => `${r.path} ${r.constraint}`))).toEqual(new Set([`${DCAT}landingPage ClassConstraintComponent`]));
  });
});
