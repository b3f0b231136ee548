/**
 * The published shapes: tables with their Table Schemas, and datasets grouping them.
 * Writers (CSV, JSON, XLSX, Data Package, CKAN, DCAT) read these and nothing else, and
 * the site may import these types (and only these) from the pipeline.
 */

/** Table Schema field types we publish. */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'year' | 'datetime';

export interface FieldConstraints {
  required?: boolean;
  unique?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  maxLength?: number;
}

export interface Field {
  name: string;
  type: FieldType;
  /** Ukrainian. */
  title: string;
  /** Ukrainian. */
  description: string;
  format?: string;
  constraints?: FieldConstraints;
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface TableSchema {
  fields: Field[];
  primaryKey?: string[];
  foreignKeys?: ForeignKey[];
  missingValues: string[];
}

/**
 * A cell. Numbers are carried as plain decimal text ("1243280.57"), never as a float, so
 * every writer can put the exact digits into its format. null is a missing value.
 */
export type Cell = string | boolean | null;
export type Row = Record<string, Cell>;

export interface Table {
  /** Resource name: lowercase, digits, hyphens. Also the file name stem. */
  name: string;
  title: string;
  description: string;
  schema: TableSchema;
  rows: Row[];
  /** Set when rows holds only the first of them, after the table's files are written. */
  rowCount?: number;
}

/** `comparison`: the shared indicators across councils and periods, made by the portal itself. */
export type DatasetKind = 'programme' | 'indicators' | 'register' | 'portal' | 'comparison';

/** data.gov.ua update-frequency keys (see docs/standards digest). */
export type Frequency =
  | 'more than once a day'
  | 'once a day'
  | 'once a week'
  | 'once a month'
  | 'once a quarter'
  | 'once a half year'
  | 'once a year'
  | 'immediately after making changes'
  | 'no longer updated';

export interface PublisherRef {
  id: string;
  name: { uk: string; en: string };
  edrpou: string;
  katottg: string;
  koatuu: string | undefined;
  website: string;
  contact: { name: string; email: string };
}

export interface SourceRef {
  /** Source document id. */
  id: string;
  title: string;
  kind: string;
  number: string | undefined;
  date: string | undefined;
  /** Its page on the portal. */
  path: string;
  /** The original, where the publisher put it online. */
  url: string | undefined;
}

export interface Dataset {
  /** CKAN name: lowercase ASCII, digits, - and _, 2–100 characters. Never changes. */
  name: string;
  /** Stable UUID. */
  id: string;
  kind: DatasetKind;
  title: string;
  description: string;
  keywords: string[];
  /** EU data-theme codes: GOVE, ECON… */
  themes: string[];
  frequency: Frequency;
  /** Підстава та призначення збору інформації. */
  purpose: string;
  publisher: PublisherRef | undefined;
  /** ISO dates. */
  temporal: { start: string; end: string } | undefined;
  /** RFC 3339 times, from the history of the sources (never the wall clock). */
  created: string;
  modified: string;
  version: string;
  sources: SourceRef[];
  tables: Table[];
  /** Its published versions, newest first: what changed in its data since the one before. */
  changes: DatasetVersion[];
  /** A dataset published in parts as well (the portal-wide one): a part per publisher, at `parts/{id}/`. */
  parts?: { id: string; title: string }[];
}

/** A row added or removed: its key (the primary key's values) and its cells. */
export interface RowChange {
  key: string;
  cells: Row;
}

/** A row whose cells changed: the old and the new value of each. */
export interface RowEdit {
  key: string;
  cells: { field: string; before: Cell; after: Cell }[];
}

export interface TableChanges {
  table: string;
  title: string;
  added: RowChange[];
  removed: RowChange[];
  changed: RowEdit[];
}

/**
 * One published version of a dataset (a commit that touched its sources) and how its data
 * differs from the version before: per table, rows added, removed and changed.
 */
export interface DatasetVersion {
  version: string;
  /** RFC 3339, the commit's time. */
  time: string;
  /**
   * `first`: the first version, nothing before to compare; `compared`: tables holds every
   * difference (none when only the wording of the sources changed); `unknown`: the version
   * could not be compared (its sources do not pass today's checks, or it is older than the
   * versions the build compares).
   */
  status: 'first' | 'compared' | 'unknown';
  tables: TableChanges[];
  /** Rows in all, for the first version. */
  rows?: number;
}
