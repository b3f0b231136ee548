/** JSON Schemas for editors, generated from the zod schemas that define the format. */
import { z } from 'zod';
import { FILE_SCHEMAS } from './schema.ts';

export function generateSourceSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, schema] of Object.entries(FILE_SCHEMAS)) {
    const name = file.replace(/\.yaml$/, '');
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
    // The title is the schema's own; the note that the file is generated is a comment beside it.
    const { title, ...rest } = json;
    const document = { title, $comment: `${file} in the authoring format, generated from pipeline/sources/schema.ts by npm run schemas: do not edit`, ...rest };
    out.set(`${name}.schema.json`, JSON.stringify(document, null, 2) + '\n');
  }
  return out;
}
