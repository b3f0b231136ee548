/**
 * The DCAT-AP 3.0.0 SHACL shapes (schemas/dcat-ap/) run over a catalogue with a SHACL
 * engine: what a harvester that validates DCAT-AP finds. The catalogue is read back from
 * its published text by other people's parsers (N3.js for Turtle, jsonld-streaming-parser
 * for JSON-LD), not by the code that wrote it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import factory from 'rdf-validate-shacl/src/defaultEnv.js';

const SCHEMAS = join(import.meta.dirname, '..', '..', 'schemas', 'dcat-ap');
export const SHAPES_FILE = join(SCHEMAS, '3.0.0', 'dcat-ap-SHACL.ttl');
export const FACTS_FILE = join(SCHEMAS, 'vocabulary-facts.ttl');

export interface ShapeResult {
  severity: 'Violation' | 'Warning' | 'Info';
  /** The node that breaks the shape. */
  focus: string;
  /** The property, if the shape is about one. */
  path: string | undefined;
  /** The constraint component, e.g. ClassConstraintComponent. */
  constraint: string;
  value: string | undefined;
  message: string;
}

export function readTurtle(text: string): Quad[] {
  return new Parser().parse(text) as unknown as Quad[];
}

export function readJsonLd(text: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new JsonLdParser();
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

let shapes: ReturnType<typeof factory.dataset> | undefined;
let facts: Quad[] | undefined;

/** The catalogue's triples, with the vocabulary facts, against the shapes: every result. */
export async function checkShapes(catalogue: Quad[]): Promise<ShapeResult[]> {
  shapes ??= factory.dataset(readTurtle(readFileSync(SHAPES_FILE, 'utf8')));
  facts ??= readTurtle(readFileSync(FACTS_FILE, 'utf8'));
  const data = factory.dataset([...catalogue, ...facts]);
  const report = await new SHACLValidator(shapes).validate(data);
  const local = (iri: string | undefined) => iri?.replace(/^.*[#/]/, '');
  return report.results.map((result) => ({
    severity: (local(result.severity?.value) ?? 'Violation') as ShapeResult['severity'],
    focus: result.focusNode?.value ?? '',
    path: result.path?.value,
    constraint: local(result.sourceConstraintComponent?.value) ?? '',
    value: result.value?.value,
    message: result.message.map((m) => m.value).join('; '),
  }));
}
