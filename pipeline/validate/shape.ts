/**
 * Stage 2a, validate the shape of each file against its zod schema, and turn zod's
 * issues into problems an officer can act on: file, line, column, field, expectation, hint.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors/codes.ts';
import { formatPath, type Problem } from '../errors/problem.ts';
import type { LoadedFile } from '../sources/load.ts';
import { FILE_SCHEMAS } from '../sources/schema.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export interface ShapeResult {
  /** Files whose content matched their schema, with defaults applied. */
  valid: Map<LoadedFile, unknown>;
  problems: Problem[];
}

export function validateShapes(files: LoadedFile[]): ShapeResult {
  const valid = new Map<LoadedFile, unknown>();
  const problems: Problem[] = [];
  for (const file of files) {
    // A file the record of a previous check found valid, with the same name and bytes, is not checked again.
    const checked = file.shaped ? { ok: true as const, data: file.shaped.data } : checkShape(file, FILE_SCHEMAS[file.name]);
    if (checked.ok) valid.set(file, checked.data);
    else problems.push(...checked.problems);
  }
  return { valid, problems };
}

/** One file's data against a schema: the data with defaults applied, or the problems an author is shown. */
export function checkShape(file: LoadedFile, schema: AnySchema): { ok: true; data: unknown } | { ok: false; problems: Problem[] } {
  const result = z.safeParse(schema, file.data);
  return result.success ? { ok: true, data: result.data } : { ok: false, problems: result.error.issues.flatMap((issue) => toProblems(issue, file, schema, [])) };
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  E_FIELD_REQUIRED: 'Add the field; docs/authoring.md and schemas/sources/ list what each file needs.',
  E_FIELD_TYPE: 'Figures are text in quotes as printed ("1 243 280,57"); lists start each item with "- "; dates are YYYY-MM-DD.',
  E_FIELD_VALUE: 'See docs/authoring.md for the values this field takes.',
};

function toProblems(issue: Issue, file: LoadedFile, root: AnySchema, prefix: PropertyKey[]): Problem[] {
  const path = [...prefix, ...issue.path];
  const at = (fieldPath: PropertyKey[], key: boolean) => {
    const pos = file.locate(fieldPath, { key });
    return pos ? { line: pos.line, column: pos.column } : {};
  };
  const problem = (code: ErrorCode, message: string, hint?: string, fieldPath = path, key = false): Problem => ({
    code,
    file: file.path,
    ...at(fieldPath, key),
    path: formatPath(fieldPath),
    message,
    hint: hint ?? HINTS[code] ?? '',
  });

  const value = valueAt(file.data, path);
  // zod names an absent field by the type or the values it expected: the author is told that it is missing.
  const missing = (expected: string) => [problem('E_FIELD_REQUIRED', `missing required field "${String(path.at(-1))}" (${expected})`, undefined, path)];

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeys(root, path);
        const suggestion = closest(key, known);
        return problem(
          'E_FIELD_UNKNOWN',
          `unknown field "${key}"${path.length > 0 ? ` in ${formatPath(path)}` : ''}`,
          suggestion
            ? `Did you mean "${suggestion}"? Fields here: ${known.join(', ')}.`
            : `Fields here: ${known.join(', ')}.`,
          [...path, key],
          true,
        );
      });
    case 'invalid_type':
      if (value === undefined) return missing(expectation(issue.expected));
      return [problem('E_FIELD_TYPE', `expected ${expectation(issue.expected)}, found ${describe(value)}`)];
    case 'invalid_union': {
      const branches = issue.errors;
      // The branch whose first issue lies deepest is the one the author meant.
      const best = [...branches].sort((a, b) => depth(b) - depth(a))[0];
      if (best && depth(best) > 0) return best.flatMap((inner) => toProblems(inner, file, root, path));
      const expected = forms(branches).join(' or ');
      if (value === undefined) return missing(expected);
      return [problem('E_FIELD_TYPE', `expected ${expected}, found ${describe(value)}`)];
    }
    case 'invalid_value': {
      const expected = `one of: ${issue.values.map(String).join(', ')}`;
      if (value === undefined) return missing(expected);
      return [problem('E_FIELD_VALUE', `${JSON.stringify(value)} is not allowed here; expected ${expected}`)];
    }
    case 'invalid_format':
    case 'too_small':
    case 'too_big':
    case 'not_multiple_of':
      return [problem('E_FIELD_VALUE', `${describe(value)}: ${issue.message}`)];
    case 'invalid_key':
      // Stryker disable next-line OptionalChaining: zod gives an invalid key the issues of the key's own schema, at least one
      return [problem('E_FIELD_VALUE', `the key "${String(path.at(-1))}" is not allowed here: ${issue.issues[0]?.message ?? issue.message}`, undefined, path, true)];
    case 'custom': {
      const params = (issue.params ?? {}) as { code?: ErrorCode; hint?: string };
      return [problem(params.code ?? 'E_FIELD_VALUE', issue.message, params.hint)];
    }
    default:
      // Stryker disable next-line all: the one issue code not named above is invalid_element, which zod gives only for a Map with keys that are no property names; no source file holds one
      return [problem('E_FIELD_VALUE', issue.message)];
  }
}

/** How far into the value a branch of a union got before its first issue; zod gives every failed branch at least one. */
function depth(issues: Issue[]): number {
  const first = issues[0]!;
  // A type mismatch at the union itself, or at a union nested in it, says nothing about which form was meant.
  const atUnion = first.path.length === 0 && (first.code === 'invalid_type' || (first.code === 'invalid_union' && first.errors.every((branch) => depth(branch) === 0)));
  return atUnion ? 0 : first.path.length + 1;
}

/** The forms a union of branches that all failed at the union itself takes, nested unions spelled out. */
function forms(branches: Issue[][]): string[] {
  return branches.flatMap((branch) => {
    const first = branch[0]!;
    return first.code === 'invalid_union' ? forms(first.errors) : [expectation((first as Issue & { expected: string }).expected)];
  });
}

function expectation(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    object: 'a map of fields (key: value lines)',
    array: 'a list ("- " items)',
    boolean: 'true or false',
    record: 'a map of fields',
  };
  return words[expected] ?? expected;
}

/** What a value that is there holds (an absent one is a missing field). */
function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: zod reports a path only through the maps and lists the data has
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;

/** The field names an object schema allows at a path, for "did you mean" hints. */
export function knownKeys(schema: AnySchema, path: PropertyKey[]): string[] {
  let current: AnySchema | undefined = schema;
  for (const key of path) current = current && child(current, key);
  const object = current && objectIn(current);
  return object ? Object.keys(defOf(object).shape as object) : [];
}

/** The schema of what lies at `key` under a value of `schema`. */
function child(schema: AnySchema, key: PropertyKey): AnySchema | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'array') return def.element as AnySchema;
  if (def.type === 'record') return def.valueType as AnySchema;
  const object = objectIn(schema);
  return object && (defOf(object).shape as Record<string, AnySchema>)[String(key)];
}

/** The object schema a value of `schema` takes: itself, or the first object form of a union. */
function objectIn(schema: AnySchema): AnySchema | undefined {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'union') return (def.options as AnySchema[]).map(unwrap).find((option) => defOf(option).type === 'object');
  return def.type === 'object' ? inner : undefined;
}

/** The schema under optional, default, nullable, prefault and pipe wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType as AnySchema;
    else if (def.type === 'pipe') current = def.in as AnySchema;
    else return current;
  }
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}
