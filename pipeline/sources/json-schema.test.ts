import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateSourceSchemas } from './json-schema.ts';
import { FILE_SCHEMAS } from './schema.ts';

const folder = join(import.meta.dirname, '..', '..', 'schemas', 'sources');

// Generated in the tests, not while they are collected: a mutation run can then tell which test reaches which code.
const names = Object.keys(FILE_SCHEMAS).map((file) => file.replace(/\.yaml$/, '.schema.json'));

describe('schemas/sources/', () => {
  it('are one for each file of the format', () => {
    expect([...generateSourceSchemas().keys()]).toEqual(names);
  });

  it.each(names)('%s is what the zod schema generates (run npm run schemas if not)', (name) => {
    expect(readFileSync(join(folder, name), 'utf8')).toBe(generateSourceSchemas().get(name));
  });

  it('say that they are generated, and from what, beside the title of their file\'s schema', () => {
    const document = JSON.parse(generateSourceSchemas().get('document.schema.json')!) as Record<string, unknown>;
    expect([document['$comment'], document['title']]).toEqual(['document.yaml in the authoring format, generated from pipeline/sources/schema.ts by npm run schemas: do not edit', 'Source document']);
  });

  it('accepts a real source file and rejects a typo, as an editor would', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(generateSourceSchemas().get('document.schema.json')!));
    const file = join(import.meta.dirname, '..', '..', 'datasets', 'kryvyi-rih-city-council', 'kr-2016-decision-1176', 'document.yaml');
    const document = parse(readFileSync(file, 'utf8'));
    expect(validate(document)).toBe(true);
    expect(validate({ ...document, titel: document.title })).toBe(false);
  });
});
