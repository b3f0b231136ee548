import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateSourceSchemas } from './json-schema.ts';

const folder = join(import.meta.dirname, '..', '..', 'schemas', 'sources');

describe('schemas/sources/', () => {
  const generated = generateSourceSchemas();

  it.each([...generated.keys()])('%s is what the zod schema generates (run npm run schemas if not)', (name) => {
    expect(readFileSync(join(folder, name), 'utf8')).toBe(generated.get(name));
  });

  it('accepts a real source file and rejects a typo, as an editor would', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(generated.get('document.schema.json')!));
    const file = join(import.meta.dirname, '..', '..', 'datasets', 'kryvyi-rih-city-council', 'kr-2016-decision-1176', 'document.yaml');
    const document = parse(readFileSync(file, 'utf8'));
    expect(validate(document)).toBe(true);
    expect(validate({ ...document, titel: document.title })).toBe(false);
  });
});
