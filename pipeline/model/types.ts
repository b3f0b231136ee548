/**
 * The normalized model: what the sources say, with every figure parsed exactly and
 * every figure still carrying where it came from.
 */
import type { Decimal } from '../numbers/decimal.ts';
import type { Qualifier, UnitKind } from '../numbers/parse.ts';

export interface Origin {
  /** Source file, relative to the sources folder. */
  file: string;
  readonly line: number | undefined;
  readonly column?: number | undefined;
  /** Field path inside the file. */
  readonly path: string;
}

/** Where a field of a source object is written: `place()` the object, `place('direction')` one of its fields. */
export type Place = (...fields: PropertyKey[]) => Origin;

export interface Figure {
  /** Stable within its document: what the conservation check counts. */
  key: string;
  document: string;
  printed: string;
  /** UAH for money, the plain number otherwise; null for an empty cell ("-"). */
  value: Decimal | null;
  kind: UnitKind;
  /** The unit as printed or declared: грн, тис. грн, %, осіб… */
  unit: string;
  qualifier: Qualifier;
  section: string;
  quote: string;
  /** True when the quote is the printed figure itself (a table cell). */
  quoteIsFigure: boolean;
  note: string | undefined;
  origin: Origin;
}

export interface Period {
  /** ISO dates, inclusive. */
  start: string;
  end: string;
  /** As the author wrote it: 2023, 2022-01-01/2022-06-30, 2024-01-01. */
  label: string;
}

export interface Publisher {
  id: string;
  name: { uk: string; en: string };
  shortName: { uk: string; en: string } | undefined;
  kind: string;
  community: { uk: string; en: string };
  edrpou: string;
  katottg: string;
  koatuu: string | undefined;
  website: string;
  contact: { name: string; email: string; phone: string | undefined };
  address: string | undefined;
  note: string | undefined;
}

export interface SourceDocument {
  id: string;
  publisher: string;
  kind: 'decision' | 'programme' | 'execution_report' | 'activity_report' | 'presentation';
  title: string;
  titleEn: string | undefined;
  number: string | undefined;
  date: string | undefined;
  period: Period;
  author: string | undefined;
  url: string | undefined;
  textFile: string | undefined;
  description: string | undefined;
  keywords: string[];
  themes: string[];
  /** The folder the document's files are in, relative to the sources root. */
  folder: string;
  /** Its source files, relative to the sources root. */
  files: string[];
}

export type FundingSource = 'state' | 'oblast' | 'community' | 'other';
export const FUNDING_SOURCES: readonly FundingSource[] = ['state', 'oblast', 'community', 'other'];

export interface FundingRow {
  total: Figure;
  sources: Partial<Record<FundingSource, Figure>>;
}

export interface Measure {
  id: string;
  number: number;
  title: string;
  timeline: string | undefined;
  executors: string | undefined;
  fundingSource: string | undefined;
  planned: Map<number, Figure>;
  plannedTotal: Figure | undefined;
  expectedResult: string | undefined;
  note: string | undefined;
}

export interface Direction {
  id: string;
  annex: string;
  number: number;
  title: string;
  fundingSource: string | undefined;
  planned: Map<number, Figure>;
  plannedTotal: Figure | undefined;
  measures: Measure[];
  note: string | undefined;
}

export interface Annex {
  id: string;
  number: number;
  title: string;
  period: { start: number; end: number };
  unit: string;
  directions: Direction[];
  totalRow: Map<number | 'total', Figure>;
}

export interface Amendment {
  date: string;
  number: string;
  title: string | undefined;
  quote: string | undefined;
}

export interface Programme {
  id: string;
  document: string;
  publisher: string;
  title: string;
  titleEn: string | undefined;
  period: { start: number; end: number };
  amendments: Amendment[];
  basis: string | undefined;
  developer: string;
  executors: string[];
  goal: string;
  expectedResults: string[];
  coordination: string | undefined;
  funding: {
    section: string;
    unit: string;
    total: Figure;
    years: Map<number, FundingRow>;
    totalRow: FundingRow | undefined;
  };
  annexes: Annex[];
}

export type ExecutionWord = 'spent' | 'allocated' | 'cash_expenditure';

export interface ExecutionItem {
  direction: string;
  amount: Figure | undefined;
  word: ExecutionWord | undefined;
  section: string | undefined;
}

export interface Execution {
  document: string;
  publisher: string;
  programme: string;
  year: number;
  unit: string;
  programmeTitleAsPrinted: string | undefined;
  items: ExecutionItem[];
  total: { amount: Figure; word: ExecutionWord };
}

/** The group a budget programme passport gives an indicator: затрат, продукту, ефективності, якості. */
export type BudgetGroup = 'cost' | 'product' | 'efficiency' | 'quality';

/** What a figure reports on: a direction (and measure) of a programme, in a year. */
export interface ResultLink {
  programme: string;
  direction: string;
  measure: string | undefined;
  year: number;
  /** Where the link is written (the observation's or its group's `result`), and its fields. */
  place: Place;
}

export interface Observation {
  id: string;
  document: string;
  publisher: string;
  indicator: string;
  code: string | undefined;
  topic: string | undefined;
  figure: Figure;
  period: Period;
  dimensions: Record<string, string>;
  /** Set when the report places the figure under a programme direction: a result of that programme. */
  result: ResultLink | undefined;
  budgetGroup: BudgetGroup | undefined;
  /** КПКВКМБ, as printed. */
  budgetCode: string | undefined;
  /** The shared indicator whose list names this figure (indicators.yaml), if any. */
  shared: string | undefined;
  /** Where the observation is written, and its fields (a group's fields are its observations'). */
  place: Place;
}

/** A figure of a document, named in indicators.yaml. */
export interface ObservationRef {
  document: string;
  observation: string;
  origin: Origin;
}

/**
 * An indicator of the vocabulary (indicators.yaml): the figures of any document or council
 * that count exactly the same thing, so that they can be set side by side.
 */
export interface SharedIndicator {
  code: string;
  name: { uk: string; en: string };
  definition: { uk: string; en: string | undefined };
  unit: string;
  group: BudgetGroup | undefined;
  members: (ObservationRef & { note: string | undefined })[];
  note: string | undefined;
  origin: Origin;
}

/** Figures or indicators that count something close but different: set side by side, never merged. */
export interface Relation {
  id: string;
  observations: ObservationRef[];
  indicators: { code: string; origin: Origin }[];
  difference: string;
  origin: Origin;
}

export interface StatedTotal {
  id: string;
  document: string;
  label: string;
  total: string;
  parts: string[];
  quote: string | undefined;
  note: string | undefined;
}

export interface CatalogEntry {
  publisher: string;
  name: string;
  id: string;
  title: string;
  description: string;
  keywords: string[];
  themes: string[];
  frequency: import('../publish/types.ts').Frequency;
  purpose: string;
  programme: string | undefined;
  documents: string[];
}

/** A counted unit and its forms: after 1 (one), 2–4 (few), 5 (many, as figures write it), a fraction (other). */
export interface Unit {
  many: string;
  one: string;
  few: string;
  other: string;
  /** A calendar year (з 1980 року), not a count. */
  year: boolean;
}

export interface Portal {
  title: string;
  titleEn: string;
  description: string;
  /** Where the portal is published; undefined for a local build. */
  siteUrl: string | undefined;
  basePath: string;
  contact: { name: string; email: string } | undefined;
}

export interface Model {
  portal: Portal | undefined;
  catalog: CatalogEntry[];
  publishers: Publisher[];
  documents: SourceDocument[];
  programmes: Programme[];
  executions: Execution[];
  observations: Observation[];
  statedTotals: StatedTotal[];
  /** The shared indicators of indicators.yaml, in its order. */
  indicators: SharedIndicator[];
  relations: Relation[];
  /** The counted units of units.yaml, by the form figures write (the form after 5). */
  units: Map<string, Unit>;
  /** Every figure read from the sources, in source order. */
  figures: Figure[];
}
