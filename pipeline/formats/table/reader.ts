/** Reading one table's CSV, record by record, and checking every cell, key and reference. */
import { type CsvRecord, parseCsv, type Terminator } from './csv.ts';
import { compareOrdered, type Ordered } from './field-types.ts';
import { Bucket, show, showList, showTuple } from './findings.ts';
import { type Bound, codePoints, type FieldPlan, foreignKeyMessage, type ForeignKeyPlan, type ReferencedKey, type TablePlan, tupleKey } from './plan.ts';

/** Checks one bound; false when the value cannot be ordered against it (NaN). */
function checkBound(
  bucket: Bucket,
  row: number,
  f: FieldPlan,
  raw: string,
  value: Ordered,
  bound: Bound,
  which: 'minimum' | 'maximum',
): boolean {
  const order = compareOrdered(value, bound.value);
  if (order === undefined) {
    bucket.cell(row, f.name, `${show(raw)} cannot be compared with the ${which} ${bound.text}`);
    return false;
  }
  if (order === (which === 'minimum' ? -1 : 1)) {
    bucket.cell(row, f.name, `${show(raw)} is ${which === 'minimum' ? 'below' : 'above'} the ${which} ${bound.text}`);
  }
  return true;
}

function checkHeader(plan: TablePlan, header: readonly string[]): void {
  const names = plan.names;
  if (header.length === names.length && header.every((h, i) => h === names[i])) return;
  const found = `header ${showList(header, 20)} does not match the schema fields ${showList(names, 20)} (same names, same order)`;
  let detail: string;
  const missing = names.filter((n) => !header.includes(n));
  const extra = header.filter((h) => !names.includes(h));
  if (extra.length > 0) detail = `unexpected column(s) ${showList(extra)}`;
  else if (missing.length > 0) detail = `missing field(s) ${showList(missing)}`;
  else {
    const at = header.findIndex((h, i) => h !== names[i]);
    detail = `column ${at + 1} is ${show(header[at]!)}, expected ${show(names[at] ?? '')}`;
    if (header.length !== names.length) detail += `; ${header.length} columns for ${names.length} fields`;
  }
  if (extra.length > 0 && missing.length > 0) detail += `; missing field(s) ${showList(missing)}`;
  plan.bucket.add(`header: ${found}: ${detail}`, 0);
}

/**
 * Reads a table's CSV piece by piece, as a large file is written: each piece holds whole
 * records, so reading the pieces in turn is reading the file they make together.
 */
export function tableReader(plan: TablePlan, plans: TablePlan[]): { feed(text: string): void; end(): void } {
  return new TableReader(plan, plans);
}

/** A cell that passed its checks, with its identity when a constraint or key needs it. */
interface ValidCell {
  key: string | undefined;
}

class TableReader {
  readonly #plan: TablePlan;
  readonly #plans: TablePlan[];
  readonly #bucket: Bucket;
  readonly #missing: Set<string>;
  /** Whether a field's values need their identity: for unique, enum, keys and references. */
  readonly #needsKey: boolean[];
  readonly #referenced: ReferencedKey[];
  readonly #primaryKeyLabel: string;
  #headerLength: number;
  #row = -1;
  #terminatorReported = false;
  #empty = true;
  #failed = false;
  #lastTerminator: Terminator | undefined;

  constructor(plan: TablePlan, plans: TablePlan[]) {
    this.#plan = plan;
    this.#plans = plans;
    this.#bucket = plan.bucket;
    this.#missing = new Set(plan.table.schema.missingValues ?? ['']);
    this.#referenced = [...plan.referenced.values()];
    // Stryker disable ConditionalExpression: working out a key nobody reads only costs time
    this.#needsKey = plan.fields.map(
      (f, i) =>
        f !== undefined &&
        (f.unique !== undefined ||
          f.enumKeys !== undefined ||
          f.inPrimaryKey ||
          plan.foreignKeys.some((fk) => fk.indexes.includes(i)) ||
          this.#referenced.some((r) => r.indexes.includes(i))),
    );
    // Stryker restore ConditionalExpression
    this.#primaryKeyLabel = plan.primaryKey.map((i) => plan.names[i]!).join(',');
    this.#headerLength = plan.fields.length;
  }

  feed(text: string): void {
    if (this.#failed || text.length === 0) return;
    let start = 0;
    if (this.#empty && text.charCodeAt(0) === 0xfeff) {
      this.#bucket.add('header: the file starts with a byte order mark (BOM); write UTF-8 without BOM', 0);
      start = 1;
      if (text.length === 1) return;
    }
    if (this.#lastTerminator === 'EOF') {
      this.#bucket.add(`row ${this.#row}: a piece of the file ends inside a record; the writer must cut pieces at line ends`, this.#row);
      this.#failed = true;
      return;
    }
    this.#empty = false;
    const first = this.#row + 1;
    const error = parseCsv(text, start, (record) => {
      this.#lastTerminator = record.terminator;
      this.#record(record);
    });
    if (error !== undefined) {
      this.#bucket.add(`row ${first + error.record}: not parseable CSV: ${error.message}`, first + error.record);
      this.#failed = true;
    }
  }

  end(): void {
    if (this.#empty && !this.#failed) this.#bucket.add('the file is empty: no header row');
    else if (!this.#failed) this.#plan.readable = true;
  }

  #record(record: CsvRecord): void {
    const row = ++this.#row;
    const cells = record.cells;
    if (!this.#terminatorReported && record.terminator !== 'CRLF' && record.terminator !== 'EOF') {
      this.#terminatorReported = true;
      this.#bucket.add(`row ${row}: the line ends with ${record.terminator}; CSV lines must end with CRLF`, row);
    }
    if (record.bareQuote) {
      this.#bucket.add(`row ${row}: a field contains '"' but is not quoted (quote the field and write the quote as "")`, row);
    }
    if (row === 0) {
      this.#headerLength = cells.length;
      checkHeader(this.#plan, cells);
      return;
    }
    if (cells.every((c) => c === '')) {
      this.#bucket.add(`row ${row}: blank row`, row);
      return;
    }
    if (cells.length !== this.#headerLength) {
      this.#bucket.add(`row ${row}: has ${cells.length} cells, the header has ${this.#headerLength}`, row);
    }
    const values = this.#plan.fields.map((f, i) => this.#cell(row, f, i, cells[i]));
    const keyOf = (indexes: number[]) => tupleKey(indexes.map((i) => values[i]?.key));
    if (this.#plan.primaryKey.length > 0) this.#primaryKey(row, cells, keyOf(this.#plan.primaryKey));
    for (const r of this.#referenced) r.values.add(keyOf(r.indexes));
    this.#plan.foreignKeys.forEach((fk, n) => {
      // An empty key refers to nothing. A partly empty one is looked up whole by readers such
      // as frictionless-py, which find no match: the key must be filled in full or not at all.
      const blank = fk.indexes.map((i) => this.#blank(cells[i]));
      if (blank.every(Boolean)) return;
      if (blank.some(Boolean)) this.#partlyEmpty(row, cells, fk, blank);
      // a key with an invalid part is not looked up (it was reported already)
      else if (fk.indexes.every((i) => values[i] !== undefined)) this.#foreignKey(row, cells, fk, n, keyOf(fk.indexes));
    });
  }

  /** A cell that holds no value: absent, or one of the schema's missing-value markers. */
  #blank(raw: string | undefined): boolean {
    return raw === undefined || this.#missing.has(raw);
  }

  /** One cell against its field: missing, type, then each constraint. Undefined unless valid. */
  #cell(row: number, f: FieldPlan | undefined, i: number, raw: string | undefined): ValidCell | undefined {
    if (f === undefined) return undefined;
    if (raw === undefined || this.#blank(raw)) {
      if (f.required) {
        const marker = raw !== undefined && raw !== '' ? ` (${show(raw)} is a missing-value marker)` : '';
        const why = f.inPrimaryKey ? 'part of the primary key' : 'constraint required';
        this.#bucket.cell(row, f.name, `a value is required but missing${marker} (${why})`);
      }
      return undefined;
    }
    const problem = f.rules.check(raw);
    if (problem !== undefined) {
      this.#bucket.cell(row, f.name, `${show(raw)} ${problem}`);
      return undefined;
    }
    const key = this.#needsKey[i] ? f.rules.key(raw) : undefined;
    checkConstraints(this.#bucket, row, f, raw, key);
    return { key };
  }

  /** The primary key's combination is unique; a key with a null or invalid part was reported already. */
  #primaryKey(row: number, cells: string[], key: string | undefined): void {
    const plan = this.#plan;
    if (key === undefined) return;
    const first = plan.primaryKeySeen.get(key);
    if (first === undefined) {
      plan.primaryKeySeen.set(key, row);
      return;
    }
    const label = this.#primaryKeyLabel;
    const values = plan.primaryKey.map((i) => show(cells[i]!)).join(', ');
    this.#bucket.add(`row ${row}, field ${JSON.stringify(label)}: duplicate primary key (${label.split(',').join(', ')}) = (${values}); first in row ${first}`, row, label);
  }

  #partlyEmpty(row: number, cells: string[], fk: ForeignKeyPlan, blank: boolean[]): void {
    const field = fk.fields.join(',');
    const parts = fk.indexes.map((i, k) => (blank[k] ? '(empty)' : show(cells[i]!)));
    this.#bucket.add(`row ${row}, field ${JSON.stringify(field)}: foreign key ${showTuple(fk.fields)} = (${parts.join(', ')}) is partly empty; fill every part or none`, row, field);
  }

  /** A foreign key is looked up now if its target table is read, else kept for the finish. */
  #foreignKey(row: number, cells: string[], fk: ForeignKeyPlan, n: number, key: string | undefined): void {
    const raws = fk.indexes.map((i) => cells[i]!);
    const field = fk.fields.join(',');
    if (key === undefined) {
      // NaN is a valid number equal to nothing, so it cannot match
      this.#bucket.add(`row ${row}, field ${JSON.stringify(field)}: ${foreignKeyMessage(fk, raws)}`, row, field);
    } else if (this.#plans[fk.target]!.done) {
      if (this.#plans[fk.target]!.readable && !fk.referenced.values.has(key)) {
        this.#bucket.add(`row ${row}, field ${JSON.stringify(field)}: ${foreignKeyMessage(fk, raws)}`, row, field);
      }
    } else {
      // The target is read later, or is this very table (never done while it is read).
      this.#plan.pending[n]!.push({ row, key, raws });
    }
  }
}

/** The constraints of a valid, non-null value: unique, enum, bounds, maxLength, pattern. */
function checkConstraints(bucket: Bucket, row: number, f: FieldPlan, raw: string, key: string | undefined): void {
  // NaN, which has no identity, is no duplicate of anything.
  if (f.unique !== undefined && key !== undefined) {
    const first = f.unique.get(key);
    if (first !== undefined) bucket.cell(row, f.name, `duplicate value ${show(raw)} (constraint unique; first in row ${first})`);
    else f.unique.set(key, row);
  }
  if (f.enumKeys !== undefined && !f.enumKeys.has(key)) {
    bucket.cell(row, f.name, `${show(raw)} is not one of the allowed values ${showList(f.enumValues)}`);
  }
  const { minimum, maximum } = f;
  if (minimum || maximum) {
    // Bounds were accepted only for types with an order.
    const value = f.rules.order!(raw);
    // a value that cannot be ordered (NaN) is reported once, not once per bound
    const comparable = minimum === undefined || checkBound(bucket, row, f, raw, value, minimum, 'minimum');
    if (comparable && maximum !== undefined) checkBound(bucket, row, f, raw, value, maximum, 'maximum');
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: UTF-16 units are never fewer than code points, so this quick test only saves counting
  if (f.maxLength !== undefined && raw.length > f.maxLength) {
    const length = codePoints(raw);
    if (length > f.maxLength) bucket.cell(row, f.name, `${show(raw)} is ${length} characters long, more than maxLength ${f.maxLength}`);
  }
  if (f.pattern !== undefined && !f.pattern.test.test(raw)) {
    bucket.cell(row, f.name, `${show(raw)} does not match the pattern ${JSON.stringify(f.pattern.source)}`);
  }
}

export function checkPending(plan: TablePlan, plans: TablePlan[]): void {
  plan.foreignKeys.forEach((fk, n) => {
    const pending = plan.pending[n]!;
    if (!plans[fk.target]!.readable) return; // the target's own findings say why
    for (const item of pending) {
      if (!fk.referenced.values.has(item.key)) {
        const field = fk.fields.join(',');
        plan.bucket.add(`row ${item.row}, field ${JSON.stringify(field)}: ${foreignKeyMessage(fk, item.raws)}`, item.row, field);
      }
    }
    pending.length = 0;
  });
}
