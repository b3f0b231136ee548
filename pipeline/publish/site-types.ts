/**
 * The JSON the site reads from build/data/site/: published types, the only part of the
 * pipeline the site may import. Numbers are plain decimal text ("1243280.57"), as in the
 * datasets, so the page formats exactly what was published.
 */
import type { Field } from './types.ts';

export interface SiteConfig {
  /** Where the portal is published; null for a local build, whose pages link within the site. */
  siteUrl: string | null;
  basePath: string;
  /** RFC 3339, the commit's time. */
  buildTime: string;
  title: string;
  titleEn: string;
  description: string;
  /** The portal's own editors, if it names them. */
  contact: { name: string; email: string } | null;
  /** Ukrainian names of the dimensions figures are broken down by. */
  dimensions: Record<string, string>;
}

export type Qualifier = 'exact' | 'approx' | 'more_than' | 'less_than';

/** A counted unit's forms: after 1, after 2–4, after 5 (as written), after a fraction. */
export interface UnitForms {
  one: string;
  few: string;
  many: string;
  other: string;
}

/** A figure as the page shows it: the published value and where it came from. */
export interface SiteFigure {
  /** UAH for money, the number otherwise; null for an empty cell. */
  value: string | null;
  printed: string;
  unit: string;
  /** A count's unit in its forms (units.yaml); null for money, percent and a calendar year. */
  forms: UnitForms | null;
  /** `year`: the figure is a calendar year (з 1980 року), shown ungrouped. */
  kind: 'UAH' | 'count' | 'percent' | 'year';
  qualifier: Qualifier;
  section: string;
  /** The words it was read from; null when the cell is its own quote. */
  quote: string | null;
  note: string | null;
}

export interface Ref {
  id: string;
  title: string;
}

export interface SiteNote {
  id: string;
  code: string;
  document: string;
  subject: string;
  stated: string;
  computed: string;
  difference: string;
  message: string;
}

export interface SiteExecution {
  year: number;
  document: Ref;
  annex: number;
  directions: {
    id: string;
    number: number;
    title: string;
    planned: SiteFigure | null;
    reported: SiteFigure | null;
    word: 'spent' | 'allocated' | 'cash_expenditure' | null;
    rate: string | null;
  }[];
  planned: string;
  reported: SiteFigure;
  word: 'spent' | 'allocated' | 'cash_expenditure';
  rate: string | null;
  /** The name the report gives the programme, when it differs. */
  titleAsPrinted: string | null;
}

export interface SiteProgramme {
  id: string;
  title: string;
  publisher: Ref;
  period: { start: number; end: number };
  decision: { id: string; title: string; number: string | null; date: string | null };
  amendments: { date: string; number: string }[];
  basis: string | null;
  developer: string;
  executors: string[];
  goal: string;
  expectedResults: string[];
  coordination: string | null;
  funding: {
    section: string;
    total: SiteFigure;
    years: { year: number; total: SiteFigure; sources: { source: string; title: string; figure: SiteFigure }[] }[];
  };
  annexes: {
    number: number;
    title: string;
    period: { start: number; end: number };
    directions: {
      id: string;
      number: number;
      title: string;
      fundingSource: string | null;
      planned: { year: number; figure: SiteFigure }[];
      plannedTotal: SiteFigure | null;
      /**
       * When the annex prints money for the direction's measures and none for the direction:
       * their sum by year and in all, in UAH (plain decimal text).
       */
      fromMeasures: { planned: { year: number; value: string }[]; total: string } | null;
      measures: {
        number: number;
        title: string;
        timeline: string | null;
        executors: string | null;
        expectedResult: string | null;
        planned: { year: number; figure: SiteFigure }[];
      }[];
    }[];
  }[];
  executions: SiteExecution[];
  /** What the reports say was done, year by year and direction by direction. */
  results: SiteResultYear[];
  notes: SiteNote[];
  documents: (Ref & { kind: string })[];
  datasets: Ref[];
}

/** A figure a report places under a programme direction. */
export interface SiteResult {
  /** The figure's id in its document: its anchor on the report page is `figure-{id}`. */
  id: string;
  document: Ref;
  indicator: string;
  figure: SiteFigure;
  /** Set when the figure's period is not the year it reports on (e.g. «станом на 01.01.2024»). */
  period: { start: string; end: string } | null;
  dimensions: Record<string, string>;
  /** The measure's number in its direction, when the report names one. */
  measure: number | null;
  /** The shared indicator the figure counts, if the vocabulary says so. */
  shared: Ref | null;
}

/** The results reported for one year of a programme, by direction (directions without any are left out). */
export interface SiteResultYear {
  year: number;
  documents: Ref[];
  directions: { id: string; number: number; title: string; results: SiteResult[] }[];
}

/** A value of a shared indicator: one figure of one council's document. */
export interface SiteIndicatorValue {
  id: string;
  publisher: Ref;
  document: Ref;
  /** What the document calls it. */
  indicator: string;
  figure: SiteFigure;
  period: { start: string; end: string };
  /** How the document's wording differs from the definition, if it does. */
  memberNote: string | null;
}

/** A shared indicator's page: /indicators/{code}/. */
export interface SiteIndicator {
  code: string;
  name: string;
  nameEn: string;
  definition: string;
  definitionEn: string | null;
  unit: string;
  /** The unit in its forms (units.yaml), for counts. */
  forms: UnitForms | null;
  group: { id: string; title: string } | null;
  note: string | null;
  /** By period, then council. */
  values: SiteIndicatorValue[];
  /** Things that count something close but different, with the difference in words. */
  relations: {
    id: string;
    difference: string;
    indicators: Ref[];
    figures: (Omit<SiteIndicatorValue, 'memberNote'>)[];
  }[];
  dataset: Ref | null;
}

export type SiteIndicatorSummary = Pick<SiteIndicator, 'code' | 'name' | 'unit' | 'group'> & { values: number; councils: number; period: { start: string; end: string } | null };

export interface SiteReport {
  id: string;
  kind: string;
  kindTitle: string;
  title: string;
  number: string | null;
  date: string | null;
  period: { start: string; end: string; label: string };
  author: string | null;
  description: string | null;
  url: string | null;
  publisher: Ref;
  programmes: Ref[];
  sections: {
    section: string;
    figures: {
      id: string;
      indicator: string;
      figure: SiteFigure;
      period: { start: string; end: string } | null;
      dimensions: Record<string, string>;
      /** The programme direction the figure reports on, and the year: its place on the programme's year page. */
      result: { programme: string; direction: number; title: string; year: number } | null;
      /** The shared indicator the figure counts, if the vocabulary says so. */
      shared: Ref | null;
    }[];
  }[];
  figureCount: number;
  notes: SiteNote[];
  datasets: Ref[];
}

export interface SiteFile {
  path: string;
  format: 'CSV' | 'JSON' | 'XLSX';
  bytes: number;
  sha256: string;
  table: string | null;
}

export interface SiteTable {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  rows: number;
  /** The first rows, as published (cells as text, null for empty). */
  preview: (string | null)[][];
}

export interface SiteDataset {
  name: string;
  id: string;
  kind: import('./types.ts').DatasetKind;
  title: string;
  description: string;
  publisher: Ref | null;
  keywords: string[];
  themes: string[];
  frequency: string;
  frequencyTitle: string;
  purpose: string;
  created: string;
  modified: string;
  version: string;
  temporal: { start: string; end: string } | null;
  years: number[];
  sources: (Ref & { kind: string })[];
  files: SiteFile[];
  tables: SiteTable[];
  passport: { field: string; title: string; value: string }[];
  notes: SiteNote[];
  /** When the next update is due by the declared frequency; null if none is promised. */
  due: string | null;
  /** Its published versions, newest first, and what changed in the data of each. */
  changes: SiteChange[];
  /** Its parts, a publisher each, each with its datapackage.json at `parts/{id}/` (the portal-wide dataset). */
  parts?: Ref[];
}

/** A version of a dataset as its page tells it: per table, how many rows changed, and the first of them. */
export interface SiteChange {
  version: string;
  time: string;
  status: 'first' | 'compared' | 'unknown';
  rows: number | null;
  tables: {
    title: string;
    added: number;
    removed: number;
    changed: number;
    /** The first changes, each a row's key and its cells (titled), old and new values as published text. */
    rows: { change: 'added' | 'removed' | 'changed'; key: string; cells: { field: string; title: string; type: string; before: string | null; after: string | null }[] }[];
  }[];
}

/**
 * What lists show of each entity (build/data/site/datasets.json, programmes.json, reports.json);
 * the whole of each is in build/data/site/{datasets,programmes,reports}/{name or id}.json.
 */
export type SiteDatasetSummary = Omit<SiteDataset, 'tables' | 'passport' | 'notes' | 'changes' | 'sources'>;
export type SiteProgrammeSummary = Pick<SiteProgramme, 'id' | 'title' | 'publisher' | 'period'> & { funding: Pick<SiteProgramme['funding'], 'total'> };
export type SiteReportSummary = Pick<SiteReport, 'id' | 'kind' | 'kindTitle' | 'title' | 'number' | 'date' | 'period' | 'publisher'>;

export interface SitePublisher {
  id: string;
  name: { uk: string; en: string };
  community: { uk: string; en: string };
  edrpou: string;
  katottg: string;
  koatuu: string | null;
  website: string;
  contact: { name: string; email: string; phone: string | null };
  address: string | null;
  note: string | null;
  programmes: Ref[];
  reports: Ref[];
  datasets: Ref[];
  register: string;
  /** The portal-wide dataset whose part at `parts/{id}/` holds this council's rows, if it has one. */
  portalPart: Ref | null;
}

export interface SiteHome {
  publishers: number;
  programmes: number;
  reports: number;
  datasets: number;
  figures: number;
  period: { start: string; end: string } | null;
  planned: { programme: Ref; total: string; period: { start: number; end: number } }[];
  reported: { programme: Ref; year: number; reported: string; planned: string; rate: string | null; word: 'spent' | 'allocated' | 'cash_expenditure' }[];
  latestReports: (Ref & { date: string | null; period: { start: string; end: string }; publisher: string })[];
  latestChanges: (Ref & { modified: string })[];
  notes: number;
}
