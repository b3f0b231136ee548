/** What a table's schema asks of each field and key, compiled once per table. */
import type { Field, ForeignKey, TableSchema } from '../../publish/types.ts';
import { decFromNumber } from './decimal.ts';
import { type Ordered, type TypeRules, typeRules } from './field-types.ts';
import { Bucket, show, showTuple } from './findings.ts';

/** A table to check: its resource name, its Table Schema and its CSV text. */
export interface CheckedTable {
  name: string;
  schema: TableSchema;
  csv: string;
}

export interface Bound {
  value: Ordered;
  text: string;
}

export interface FieldPlan {
  name: string;
  index: number;
  rules: TypeRules;
  required: boolean;
  inPrimaryKey: boolean;
  /** First row of each value seen, for the unique constraint. */
  unique: Map<string, number> | undefined;
  /** Identities of the allowed values; NaN has none, so a NaN cell is never among them. */
  enumKeys: Set<string | undefined> | undefined;
  enumValues: string[];
  minimum: Bound | undefined;
  maximum: Bound | undefined;
  pattern: { test: RegExp; source: string } | undefined;
  maxLength: number | undefined;
}

/** A constraint bound in the field's logical type, or a message saying why not. */
function prepareBound(field: Field, rules: TypeRules, bound: unknown): Bound | string {
  const order = rules.order;
  if (order === undefined) return `minimum/maximum cannot apply to a ${field.type} field`;
  if (typeof bound === 'number') {
    if (field.type === 'number' || field.type === 'integer' || field.type === 'year') {
      return { value: { t: 'dec', v: decFromNumber(bound) }, text: String(bound) };
    }
    return `a ${field.type} field needs its minimum/maximum as text in its own format, not the number ${bound}`;
  }
  if (typeof bound === 'string') {
    const problem = rules.check(bound);
    if (problem !== undefined) return `bound ${show(bound)} ${problem}`;
    return { value: order(bound), text: bound };
  }
  return `bound ${JSON.stringify(bound)} is neither a number nor text`;
}

/** Length in characters (code points), as Python's len() counts it. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function planField(field: Field, index: number, inPrimaryKey: boolean, bucket: Bucket): FieldPlan | undefined {
  const rules = typeRules(field);
  const where = `schema: field ${JSON.stringify(field.name)}`;
  if (typeof rules === 'string') {
    bucket.add(`${where}: ${rules}`, undefined, field.name);
    return undefined;
  }
  const c = field.constraints ?? {};
  const plan: FieldPlan = {
    name: field.name,
    index,
    rules,
    required: c.required === true || inPrimaryKey,
    inPrimaryKey,
    unique: c.unique === true ? new Map() : undefined,
    enumKeys: undefined,
    enumValues: [],
    minimum: undefined,
    maximum: undefined,
    pattern: undefined,
    maxLength: field.type === 'string' ? c.maxLength : undefined,
  };
  if (c.enum !== undefined) {
    plan.enumKeys = new Set();
    for (const item of c.enum as unknown[]) {
      const text = String(item);
      // Strings are taken as written, whatever their format: the reference checker does not check them.
      const problem = field.type === 'string' ? undefined : rules.check(text);
      if (problem !== undefined) {
        bucket.add(`${where}: enum value ${show(text)} ${problem}`, undefined, field.name);
        continue;
      }
      const key = rules.key(text);
      if (key !== undefined) plan.enumKeys.add(key);
      plan.enumValues.push(text);
    }
  }
  for (const which of ['minimum', 'maximum'] as const) {
    const bound: unknown = c[which];
    if (bound === undefined) continue;
    const prepared = prepareBound(field, rules, bound);
    if (typeof prepared === 'string') bucket.add(`${where}: constraint ${which}: ${prepared}`, undefined, field.name);
    else plan[which] = prepared;
  }
  if (c.pattern !== undefined) {
    try {
      plan.pattern = { test: new RegExp(`^(?:${c.pattern})$`, 'u'), source: c.pattern };
    } catch (error) {
      bucket.add(`${where}: pattern ${JSON.stringify(c.pattern)} does not compile: ${(error as Error).message}`, undefined, field.name);
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------------------
// Keys: primary key, referenced tuples and foreign keys

/**
 * One text per tuple of cell identities; undefined if a part is null, invalid or NaN. Each
 * part is written after its length, so no two tuples share a text. Any other unique text
 * would do as well, which makes two mutants of this function equivalent (marked below).
 */
export function tupleKey(parts: readonly (string | undefined)[]): string | undefined {
  // Stryker disable next-line ConditionalExpression: a single identity is its own key, and the long way is as unique, only slower
  if (parts.length === 1) return parts[0];
  // Stryker disable next-line StringLiteral: any text before the first part is shared by every key
  let out = '';
  for (const part of parts) {
    if (part === undefined) return undefined;
    out += `${part.length}:${part}`;
  }
  return out;
}

export interface ReferencedKey {
  /** Field indexes in the target table. */
  indexes: number[];
  /** Tuples of the referenced fields; undefined for a row with a null or invalid part. */
  values: Set<string | undefined>;
}

export interface ForeignKeyPlan {
  fields: string[];
  indexes: number[];
  target: number;
  targetName: string;
  refFields: string[];
  referenced: ReferencedKey;
}

interface PendingReference {
  row: number;
  key: string;
  raws: string[];
}

export interface TablePlan {
  table: Omit<CheckedTable, 'csv'>;
  bucket: Bucket;
  names: string[];
  /** One per schema field; undefined for a field whose type cannot be checked. */
  fields: (FieldPlan | undefined)[];
  primaryKey: number[];
  primaryKeySeen: Map<string, number>;
  referenced: Map<string, ReferencedKey>;
  foreignKeys: ForeignKeyPlan[];
  pending: PendingReference[][];
  /** Read to the end without a fatal CSV error. */
  readable: boolean;
  done: boolean;
}

export function planTable(table: Omit<CheckedTable, 'csv'>): TablePlan {
  const bucket = new Bucket(table.name);
  const schema = table.schema;
  const names = schema.fields.map((f) => f.name);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) bucket.add(`schema: field ${JSON.stringify(name)} is declared more than once`, undefined, name);
    seen.add(name);
  }
  const primaryKey: number[] = [];
  let primaryKeyUsable = true;
  for (const name of schema.primaryKey ?? []) {
    const index = names.indexOf(name);
    if (index < 0) {
      bucket.add(`schema: primaryKey names unknown field ${JSON.stringify(name)}`, undefined, name);
      primaryKeyUsable = false;
    } else primaryKey.push(index);
  }
  if (!primaryKeyUsable) primaryKey.length = 0;
  const inKey = new Set(primaryKey);
  const fields = schema.fields.map((field, index) => planField(field, index, inKey.has(index), bucket));
  return {
    table,
    bucket,
    names,
    fields,
    primaryKey,
    primaryKeySeen: new Map(),
    referenced: new Map(),
    foreignKeys: [],
    pending: [],
    readable: false,
    done: false,
  };
}

export function resolveForeignKeys(plans: TablePlan[]): void {
  const byName = new Map<string, number>();
  plans.forEach((plan, index) => {
    const name = plan.table.name;
    if (byName.has(name)) plan.bucket.add(`resource name ${JSON.stringify(name)} is used by more than one table`);
    else byName.set(name, index);
  });
  plans.forEach((plan, self) => {
    for (const fk of plan.table.schema.foreignKeys ?? []) {
      const resolved = resolveForeignKey(plan, self, fk, plans, byName);
      if (resolved !== undefined) {
        plan.foreignKeys.push(resolved);
        plan.pending.push([]);
      }
    }
  });
}

function resolveForeignKey(
  plan: TablePlan,
  self: number,
  fk: ForeignKey,
  plans: TablePlan[],
  byName: Map<string, number>,
): ForeignKeyPlan | undefined {
  const bucket = plan.bucket;
  const fields = [...fk.fields];
  const refFields = [...fk.reference.fields];
  const label = `schema: foreign key ${showTuple(fields)}`;
  // An empty or absent resource is the table itself.
  const targetName = fk.reference.resource || plan.table.name;
  let ok = true;
  if (fields.length === 0 || fields.length !== refFields.length) {
    bucket.add(`${label} -> ${showTuple(refFields)}: the field lists must be non-empty and of equal length`);
    ok = false;
  }
  const indexes = fields.map((name) => plan.names.indexOf(name));
  fields.forEach((name, i) => {
    if (indexes[i] === -1) {
      bucket.add(`${label} uses unknown field ${JSON.stringify(name)}`, undefined, name);
      // Stryker disable next-line BooleanLiteral: a key over an unknown field has no valid cell, so it is never looked up anyway
      ok = false;
    }
  });
  const target = fk.reference.resource ? byName.get(targetName) : self;
  if (target === undefined) {
    bucket.add(
      `${label} references resource ${JSON.stringify(targetName)}, which is not among the checked tables`,
      undefined,
      fields.join(','),
    );
    return undefined;
  }
  const targetPlan = plans[target]!;
  const targetIndexes = refFields.map((name) => targetPlan.names.indexOf(name));
  refFields.forEach((name, i) => {
    if (targetIndexes[i] === -1) {
      bucket.add(`${label} references unknown field ${JSON.stringify(name)} of ${JSON.stringify(targetName)}`, undefined, fields.join(','));
      ok = false;
    }
  });
  if (!ok) return undefined;
  const refKey = JSON.stringify(refFields);
  let referenced = targetPlan.referenced.get(refKey);
  if (referenced === undefined) {
    referenced = { indexes: targetIndexes, values: new Set() };
    targetPlan.referenced.set(refKey, referenced);
  }
  return { fields, indexes, target, targetName, refFields, referenced };
}

export function foreignKeyMessage(fk: ForeignKeyPlan, raws: readonly string[]): string {
  const target = JSON.stringify(fk.targetName);
  if (fk.fields.length === 1) {
    return `${show(raws[0]!)} has no match in ${target} field ${JSON.stringify(fk.refFields[0])} (foreign key)`;
  }
  return (
    `foreign key ${showTuple(fk.fields)} = (${raws.map(show).join(', ')}) has no match in ` +
    `${target} ${showTuple(fk.refFields)}`
  );
}
