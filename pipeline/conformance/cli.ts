/**
 * node pipeline/conformance/cli.ts FILE…: each DCAT catalogue (.ttl or .jsonld) against the
 * DCAT-AP 3.0.0 shapes. Prints what the shapes find and exits 1 on any violation.
 */
import { readFileSync } from 'node:fs';
import { checkShapes, readJsonLd, readTurtle, type ShapeResult } from './shapes.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node pipeline/conformance/cli.ts CATALOGUE.ttl|CATALOGUE.jsonld …');
  process.exit(2);
}

let violations = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const quads = file.endsWith('.jsonld') ? await readJsonLd(text) : readTurtle(text);
  const results = await checkShapes(quads);
  const count = (severity: ShapeResult['severity']) => results.filter((r) => r.severity === severity).length;
  console.log(`${file}: ${quads.length} triples, DCAT-AP 3.0.0 shapes: ${count('Violation')} violations, ${count('Warning')} warnings, ${count('Info')} notes`);
  // One line per kind of finding, with how often and the first node it was found on.
  const kinds = new Map<string, { n: number; first: ShapeResult }>();
  for (const result of results) {
    const key = `${result.severity} ${result.path ?? '(node)'} ${result.constraint} ${result.message}`;
    const kind = kinds.get(key);
    if (kind) kind.n++;
    else kinds.set(key, { n: 1, first: result });
  }
  for (const [key, { n, first }] of kinds) console.log(`  ${n} × ${key}; e.g. ${first.focus}${first.value ? ` → ${first.value}` : ''}`);
  violations += count('Violation');
}
process.exit(violations > 0 ? 1 : 0);
