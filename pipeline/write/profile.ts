/**
 * Every datapackage.json is checked against the official Data Package v2 profile before
 * it is published. The profile is compiled once per build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const profile = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'datapackage', 'datapackage.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    // The profiles use "textarea" as an editor hint, not a constraint.
    ajv.addFormat('textarea', true);
    compiled = ajv.compile(profile);
  }
  return compiled;
}

export function checkDataPackage(descriptor: unknown): string[] {
  const validate = validator();
  if (validate(descriptor)) return [];
  return (validate.errors ?? []).slice(0, 20).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
