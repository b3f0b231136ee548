/**
 * What a dataset page's table preview shows, for the page and for the script that loads
 * all rows: the columns a person reads first (what is counted, how much, in what unit,
 * for which period, the source's words) with the Table Schema's Ukrainian titles; the
 * rest a reader can tick on; ids last. Cells read as text a person reads (1 243 280,57 грн,
 * 21.12.2016, так/ні, codes in words), while the files keep the values as published.
 */
import type { SiteTable } from '../lib/data.ts';

type Field = SiteTable['fields'][number];
import { QUALIFIERS, cellText as readable, money, number, percent, period, years } from '../lib/format.ts';
import { formFor, type Forms } from '../lib/plural.ts';

/** A row as published: field name → cell text, null for an empty cell. */
export type Row = Record<string, string | null>;

/** How a cell is marked up: ids and codes as code, a quotation as a quotation, English as English. */
export type CellKind = 'text' | 'code' | 'quote' | 'en';

export interface Column {
  key: string;
  title: string;
  kind: CellKind;
  /** Right-aligned and sorted as a number. */
  numeric: boolean;
  /** Shown before the reader picks columns. */
  first: boolean;
  text(row: Row): string;
  /** What the column sorts by: the published value, not the text shown. */
  sortValue(row: Row): string;
}

/**
 * A preview offers at most this many columns, so that the page's stylesheet can hide each
 * one without a script (see preview-columns.css, whose rules go as far as this).
 */
export const MAX_COLUMNS = 24;

/** The columns a person reads first, by table; the keys of combined columns start with «:». */
const READ_FIRST: Record<string, string[]> = {
  observations: ['indicator', ':dimensions', 'value', 'unit', ':period', 'quote'],
  'stated-totals': ['label', 'agrees', 'note'],
  documents: ['title', 'kind_title', 'number', 'date', ':period'],
  'quality-notes': ['message', 'stated_value', 'computed_value', 'difference'],
  programmes: ['title', ':period', 'planned_total_uah', 'decision_date', 'decision_number'],
  amendments: ['date', 'number', 'quote'],
  funding: ['year', 'source_title', 'amount_uah', 'quote'],
  directions: ['number', 'title', ':period', 'planned_total_uah'],
  measures: ['number', 'title', 'timeline', 'executors', 'planned_total_uah'],
  planned: ['year', 'amount_uah', 'section', 'quote'],
  'planned-measures': ['year', 'amount_uah', 'section', 'quote'],
  'planned-totals': ['year', 'all_years', 'amount_uah', 'quote'],
  execution: ['year', 'direction_title', 'planned_uah', 'reported_uah', 'word_title', 'rate_percent'],
  'execution-totals': ['year', 'planned_uah', 'reported_uah', 'word_title', 'rate_percent', 'quote'],
  register: ['title', 'accrualPeriodicity', 'distributionFormat', 'landingPage'],
  datasets: ['title', 'accrualPeriodicity', 'distributionFormat', 'landingPage'],
  publishers: ['name_uk', 'edrpou', 'website', 'contact_email'],
};

/** Ids and keys: kept, but after everything a person reads. */
export const isId = (name: string) => /(^|_)ids?$/.test(name) || name === 'identifier';

const PERIOD_PAIRS: [string, string][] = [
  ['period_start', 'period_end'],
  ['annex_period_start', 'annex_period_end'],
];

/** A unit that makes the figure a calendar year (з 1980 року): never grouped as an amount. */
const YEAR_UNITS = /^(рік|року|році|роки|років)$/;

const empty = (value: string | null | undefined): value is null | undefined | '' => value === null || value === undefined || value === '';

/** A published value as a person reads it: the site's words for its type and codes, money in hryvnias. */
export function cellText(field: Field, value: string | null | undefined): string {
  if (empty(value)) return '';
  const amount = (field.type === 'number' || field.type === 'integer') && /^-?\d+(\.\d+)?$/.test(value);
  if (amount && field.name.endsWith('_uah')) return money(value);
  if (amount && field.name.endsWith('_percent')) return percent(value);
  return readable(field, value);
}

/** Codes as code, quotations as quotations, English as English; the rest is text. */
export function cellKind(name: string): CellKind {
  // Ids, codes and a page's address within the portal (/indicators/…/) read as code, not as words.
  if (/(^|_)(id|ids|code|page)$/.test(name) || name === 'identifier' || name === 'shared_indicator') return 'code';
  if (name === 'quote') return 'quote';
  return /_en$/.test(name) ? 'en' : 'text';
}

/** A period from its two fields: dates (2022-01-01, 2022-06-30) or years (2017, 2027). */
function periodText(start: string | null | undefined, end: string | null | undefined): string {
  if (empty(start) && empty(end)) return '';
  const from = empty(start) ? end! : start;
  const to = empty(end) ? start! : end;
  if (/^\d{4}$/.test(from) && /^\d{4}$/.test(to)) return years(Number(from), Number(to));
  return period(from, to);
}

function fieldColumn(field: Field, first: boolean, row?: (r: Row) => string): Column {
  const numeric = field.type === 'number' || field.type === 'integer';
  return {
    key: field.name,
    title: field.title || field.name,
    kind: row ? 'text' : cellKind(field.name),
    numeric,
    first,
    text: row ?? ((r) => cellText(field, r[field.name])),
    sortValue: (r) => r[field.name] ?? '',
  };
}

/** «Розріз: категорія» → «категорія». */
const dimensionName = (field: Field) => (field.title.includes(':') ? field.title.slice(field.title.indexOf(':') + 1).trim() : field.name.replace(/^dimension_/, ''));

/** The preview's columns, in the order shown: the reader's first, the rest, ids last. */
export function previewColumns(table: string, fields: Field[], unitForms: Record<string, Forms> = {}): { columns: Column[]; left: number } {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const folded = new Set<string>();
  const combined = new Map<string, Column>();

  const pair = PERIOD_PAIRS.find(([start, end]) => byName.has(start) && byName.has(end));
  if (pair) {
    const [start, end] = pair;
    pair.forEach((name) => folded.add(name));
    combined.set(':period', { key: ':period', title: 'Період', kind: 'text', numeric: false, first: false, text: (r) => periodText(r[start], r[end]), sortValue: (r) => `${r[start] ?? ''}/${r[end] ?? ''}` });
  }
  const dimensions = fields.filter((f) => f.name.startsWith('dimension_'));
  if (dimensions.length > 0) {
    dimensions.forEach((f) => folded.add(f.name));
    const text = (r: Row) => dimensions.flatMap((f) => (empty(r[f.name]) ? [] : [`${dimensionName(f)}: ${r[f.name]}`])).join('; ');
    combined.set(':dimensions', { key: ':dimensions', title: 'Розріз', kind: 'text', numeric: false, first: false, text, sortValue: text });
  }

  // A figure reads with its qualifier, money in hryvnias and a share in per cent: «близько 6 500»,
  // «14 981 800 грн». A count's unit is the next column: the table holds it in one form only
  // (звернень), so the column shows the form the number takes when the vocabulary gives it.
  const isFigure = ['value', 'unit', 'unit_kind', 'qualifier'].every((name) => byName.has(name));
  const figureText = (r: Row) => {
    if (empty(r.value)) return '';
    const q = QUALIFIERS[r.qualifier ?? ''] ? `${QUALIFIERS[r.qualifier!]} ` : '';
    if (r.unit_kind === 'UAH') return `${q}${money(r.value)}`;
    if (r.unit_kind === 'percent') return `${q}${number(r.value)}\u00a0%`;
    return `${q}${YEAR_UNITS.test(r.unit ?? '') ? r.value : number(r.value)}`;
  };
  // Where the units vocabulary gives the unit's forms, it agrees with the number: 1 463 органи.
  const unitText = (r: Row) => {
    if (r.unit_kind === 'UAH' || r.unit_kind === 'percent') return '';
    const forms = Object.hasOwn(unitForms, r.unit ?? '') ? unitForms[r.unit!] : undefined;
    return forms && !empty(r.value) && !YEAR_UNITS.test(r.unit ?? '') ? formFor(r.value!, forms) : (r.unit ?? '');
  };

  const wanted = READ_FIRST[table] ?? fields.filter((f) => !isId(f.name) && !f.name.endsWith('_printed')).slice(0, 5).map((f) => f.name);
  const first: Column[] = [];
  for (const key of wanted) {
    const made = combined.get(key);
    const field = byName.get(key);
    if (made) first.push({ ...made, first: true });
    else if (field) first.push(fieldColumn(field, true, isFigure && key === 'value' ? figureText : isFigure && key === 'unit' ? unitText : undefined));
  }
  const taken = new Set(first.map((c) => c.key));
  const rest = [...combined.values()].filter((c) => !taken.has(c.key));
  const others = fields.filter((f) => !taken.has(f.name) && !folded.has(f.name));
  const columns = [
    ...first,
    ...rest,
    ...others.filter((f) => !isId(f.name)).map((f) => fieldColumn(f, false)),
    ...others.filter((f) => isId(f.name)).map((f) => fieldColumn(f, false)),
  ];
  return { columns: columns.slice(0, MAX_COLUMNS), left: Math.max(0, columns.length - MAX_COLUMNS) };
}

/** A published row as an array of cells (the order of the Table Schema) → a row by name. */
export function rowOf(fields: Field[], cells: (string | null)[]): Row {
  return Object.fromEntries(fields.map((f, i) => [f.name, cells[i] ?? null]));
}

/**
 * Rows in a column's order: numbers as numbers, text by Ukrainian collation; empty cells
 * last either way.
 */
export function sortRows(rows: Row[], column: Column, ascending: boolean): Row[] {
  const collator = new Intl.Collator('uk', { numeric: true, sensitivity: 'base' });
  return [...rows].sort((a, b) => {
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
    const order = column.numeric ? Number(x) - Number(y) : collator.compare(x, y);
    return ascending ? order : -order;
  });
}

/** The stylesheet rules that hide column N while its box is unticked, for N up to `max`. */
export function columnRules(max = MAX_COLUMNS): string {
  const rules = Array.from({ length: max }, (_, i) => {
    const n = i + 1;
    return `  .preview:has(.pick li:nth-child(${n}) input:not(:checked)) .data tr > :nth-child(${n}) { display: none; }`;
  });
  return `/* Generated by columnRules() in preview.ts: the column picker works without a script. */\n@supports selector(:has(*)) {\n${rules.join('\n')}\n}\n`;
}
