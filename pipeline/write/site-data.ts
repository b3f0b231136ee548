/**
 * The JSON the site's pages read, under build/data/site/. The site reads nothing else of the
 * build and nothing of the sources; its types are in publish/site-types.ts.
 */
import { FREQUENCY_TITLES } from '../derive/datasets.ts';
import type { Figure, Model, SourceDocument } from '../model/types.ts';
import { sum, toPlain, type Decimal } from '../numbers/decimal.ts';
import type { QualityNote, Reconciliation } from '../reconcile/reconcile.ts';
import type { SiteChange, SiteConfig, SiteDataset, SiteDatasetSummary, SiteFigure, SiteHome, SiteNote, SiteProgramme, SiteProgrammeSummary, SitePublisher, SiteReport, SiteReportSummary } from '../publish/site-types.ts';
import type { Cell, Dataset, DatasetVersion, Frequency, Row } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { passport, type WrittenFile } from './package.ts';
import { KEPT_ROWS } from './publish.ts';
import { indexModel, type ModelIndex } from '../derive/datasets.ts';
import { DIMENSION_TITLES } from '../derive/common-tables.ts';
import { groupBy } from '../model/group.ts';
import { indicatorPages, programmeResults } from './site-results.ts';

export interface SiteDataInput {
  model: Model;
  reconciliation: Reconciliation;
  datasets: Dataset[];
  files: Map<string, WrittenFile[]>;
  urls: Urls;
  /** False for a local build, made without the address it will be published at. */
  published: boolean;
  buildTime: string;
}

const KIND_TITLES: Record<SourceDocument['kind'], string> = {
  decision: 'Рішення',
  programme: 'Програма',
  execution_report: 'Звіт про виконання програми',
  activity_report: 'Звіт про діяльність',
  presentation: 'Публічне представлення',
};

const SOURCE_TITLES: Record<string, string> = { state: 'державний бюджет', oblast: 'обласний бюджет', community: 'бюджет громади', other: 'інші джерела' };

/** Months a promised update may take, by the declared frequency. */
const FREQUENCY_MONTHS: Partial<Record<Frequency, number>> = {
  'once a month': 1,
  'once a quarter': 3,
  'once a half year': 6,
  'once a year': 12,
};
const FREQUENCY_DAYS: Partial<Record<Frequency, number>> = { 'more than once a day': 1, 'once a day': 1, 'once a week': 7 };

/** As many rows as the build keeps of each table after writing its files. */
const PREVIEW_ROWS = KEPT_ROWS;

export function figure(f: Figure, units?: Model['units']): SiteFigure {
  const unit = f.kind === 'count' ? units?.get(f.unit) : undefined;
  return {
    value: f.value ? toPlain(f.value) : null,
    printed: f.printed,
    unit: f.unit,
    forms: unit && !unit.year ? { one: unit.one, few: unit.few, many: unit.many, other: unit.other } : null,
    kind: unit?.year ? 'year' : f.kind,
    qualifier: f.qualifier,
    section: f.section,
    quote: f.quoteIsFigure ? null : f.quote,
    note: f.note ?? null,
  };
}

function note(n: QualityNote): SiteNote {
  return { id: n.id, code: n.code, document: n.document, subject: n.subject, stated: n.stated.printed, computed: toPlain(n.computed), difference: toPlain(n.difference), message: n.message };
}

/** The next update a dataset promises: its last change plus its declared period. */
export function dueDate(modified: string, frequency: Frequency): string | null {
  const date = new Date(modified);
  const months = FREQUENCY_MONTHS[frequency];
  const days = FREQUENCY_DAYS[frequency];
  if (months) date.setUTCMonth(date.getUTCMonth() + months);
  else if (days) date.setUTCDate(date.getUTCDate() + days);
  else return null;
  return date.toISOString().slice(0, 10);
}

const json = (value: unknown) => JSON.stringify(value) + '\n';

/** How many changed rows a dataset page shows of each version; the file changes.csv has them all. */
export const CHANGES_SHOWN = 12;

/** A version for the dataset page: counts per table, the first rows changed, cells by their titles. */
function siteChange(version: DatasetVersion, dataset: Dataset): SiteChange {
  const fields = new Map(dataset.tables.map((table) => [table.name, new Map(table.schema.fields.map((field) => [field.name, field]))]));
  const text = (cell: Cell) => (cell === null ? null : String(cell));
  return {
    version: version.version,
    time: version.time,
    status: version.status,
    rows: version.rows ?? null,
    tables: version.tables.map((table) => {
      const titled = fields.get(table.table) ?? new Map();
      const cell = (field: string, before: Cell, after: Cell) => ({ field, title: titled.get(field)?.title ?? field, type: titled.get(field)?.type ?? 'string', before: text(before), after: text(after) });
      const whole = (row: Row, side: 'before' | 'after') => Object.entries(row).filter(([, value]) => value !== null).map(([field, value]) => cell(field, side === 'before' ? value : null, side === 'after' ? value : null));
      const rows = [
        ...table.changed.map((edit) => ({ change: 'changed' as const, key: edit.key, cells: edit.cells.map((c) => cell(c.field, c.before, c.after)) })),
        ...table.added.map((row) => ({ change: 'added' as const, key: row.key, cells: whole(row.cells, 'after') })),
        ...table.removed.map((row) => ({ change: 'removed' as const, key: row.key, cells: whole(row.cells, 'before') })),
      ];
      return { title: table.title, added: table.added.length, removed: table.removed.length, changed: table.changed.length, rows: rows.slice(0, CHANGES_SHOWN) };
    }),
  };
}

/** A direction whose annex gives money per measure only: the measures' sum by year and in all. */
export function measuresSum(direction: Model['programmes'][number]['annexes'][number]['directions'][number]): SiteProgramme['annexes'][number]['directions'][number]['fromMeasures'] {
  const own = direction.plannedTotal?.value || [...direction.planned.values()].some((f) => f.value);
  if (own) return null;
  const byYear = new Map<number, Decimal[]>();
  for (const measure of direction.measures) {
    for (const [year, f] of measure.planned) if (f.value) byYear.set(year, [...(byYear.get(year) ?? []), f.value]);
  }
  if (byYear.size === 0) return null;
  const planned = [...byYear].sort(([a], [b]) => a - b).map(([year, values]) => ({ year, value: toPlain(sum(values)) }));
  return { planned, total: toPlain(sum([...byYear.values()].flat())) };
}

/** The model looked up once for every page: by id, by document, by publisher. */
interface Lookups {
  input: SiteDataInput;
  index: ModelIndex;
  documents: Map<string, SourceDocument>;
  publishers: Map<string, Model['publishers'][number]>;
  datasetsByDocument: Map<string, { id: string; title: string }[]>;
  figureCounts: Map<string, number>;
  programmeDatasets: Map<string, Model['catalog']>;
  executionsByKey: Map<string, Model['executions'][number]>;
  programmesByDocument: Map<string, Model['programmes']>;
  executionsByDocument: Map<string, Model['executions']>;
  programmeTitles: Map<string, string>;
  programmesByPublisher: Map<string, Model['programmes']>;
  documentsByPublisher: Map<string, Model['documents']>;
  datasetsByPublisher: Map<string | undefined, Dataset[]>;
  /** What a programme's results and a report's shared figures are named by. */
  resultContext: Parameters<typeof programmeResults>[2];
  directionsById: Map<string, Model['programmes'][number]['annexes'][number]['directions'][number]>;
}

function lookups(input: SiteDataInput): Lookups {
  const { model, reconciliation, datasets } = input;
  const datasetsByDocument = new Map<string, { id: string; title: string }[]>();
  for (const d of datasets) {
    if (d.kind === 'portal') continue;
    for (const s of d.sources) datasetsByDocument.set(s.id, [...(datasetsByDocument.get(s.id) ?? []), { id: d.name, title: d.title }]);
  }
  const documents = new Map(model.documents.map((d) => [d.id, d]));
  const figureCounts = new Map<string, number>();
  for (const f of model.figures) figureCounts.set(f.document, (figureCounts.get(f.document) ?? 0) + 1);
  return {
    input,
    index: indexModel(model, reconciliation),
    documents,
    publishers: new Map(model.publishers.map((p) => [p.id, p])),
    datasetsByDocument,
    figureCounts,
    programmeDatasets: groupBy(
      model.catalog.filter((entry) => entry.programme !== undefined),
      (entry) => entry.programme!,
    ),
    executionsByKey: new Map(model.executions.map((e) => [`${e.document}/${e.year}`, e])),
    programmesByDocument: groupBy(model.programmes, (p) => p.document),
    executionsByDocument: groupBy(model.executions, (e) => e.document),
    programmeTitles: new Map(model.programmes.map((p) => [p.id, p.title])),
    programmesByPublisher: groupBy(model.programmes, (p) => p.publisher),
    documentsByPublisher: groupBy(model.documents, (d) => d.publisher),
    datasetsByPublisher: groupBy(datasets, (d) => d.publisher?.id),
    resultContext: { documents, units: model.units, indicatorNames: new Map(model.indicators.map((i) => [i.code, i.name.uk])) },
    directionsById: new Map(model.programmes.flatMap((p) => p.annexes.flatMap((a) => a.directions.map((d) => [`${p.id}/${d.id}`, d] as const)))),
  };
}

/** A document by id and title, for links. */
function ref(at: Lookups, id: string): { id: string; title: string } {
  return { id, title: at.documents.get(id)?.title ?? id };
}

function siteConfig({ model, urls, published, buildTime }: SiteDataInput): SiteConfig {
  return {
    siteUrl: published ? urls.siteUrl : null,
    basePath: urls.basePath,
    buildTime,
    title: model.portal?.title ?? '',
    titleEn: model.portal?.titleEn ?? '',
    description: model.portal?.description ?? '',
    contact: model.portal?.contact ?? null,
    dimensions: DIMENSION_TITLES,
  };
}

/** Each year's execution report of a programme against its plan, years in order. */
function programmeExecutions(at: Lookups, programme: Model['programmes'][number]): SiteProgramme['executions'] {
  return [...(at.index.comparisonsByProgramme.get(programme.id) ?? [])]
    .sort((a, b) => a.year - b.year)
    .map((c) => {
      const execution = at.executionsByKey.get(`${c.document}/${c.year}`)!;
      return {
        year: c.year,
        document: ref(at, c.document),
        annex: programme.annexes.find((a) => a.id === c.annex)!.number,
        directions: c.directions.map((d) => ({
          id: d.direction,
          number: d.directionNumber,
          title: d.directionTitle,
          planned: d.planned ? figure(d.planned) : null,
          reported: d.reported ? figure(d.reported) : null,
          word: d.word ?? null,
          rate: d.rate ? toPlain(d.rate) : null,
        })),
        planned: toPlain(c.plannedTotal),
        reported: figure(c.reportedTotal),
        word: execution.total.word,
        rate: c.rate ? toPlain(c.rate) : null,
        titleAsPrinted: execution.programmeTitleAsPrinted ?? null,
      };
    });
}

type Planned = Map<number, Figure>;
const byYear = (planned: Planned) => [...planned.entries()].sort(([a], [b]) => a - b).map(([year, f]) => ({ year, figure: figure(f) }));

/** A programme's annexes: directions with their money by year and their measures. */
function programmeAnnexes(programme: Model['programmes'][number]): SiteProgramme['annexes'] {
  return programme.annexes.map((annex) => ({
    number: annex.number,
    title: annex.title,
    period: annex.period,
    directions: annex.directions.map((direction) => ({
      id: direction.id,
      number: direction.number,
      title: direction.title,
      fundingSource: direction.fundingSource ?? null,
      planned: byYear(direction.planned),
      plannedTotal: direction.plannedTotal ? figure(direction.plannedTotal) : null,
      fromMeasures: measuresSum(direction),
      measures: direction.measures.map((m) => ({
        number: m.number,
        title: m.title,
        timeline: m.timeline ?? null,
        executors: m.executors ?? null,
        expectedResult: m.expectedResult ?? null,
        planned: byYear(m.planned),
      })),
    })),
  }));
}

function programmePage(at: Lookups, programme: Model['programmes'][number]): SiteProgramme {
  const decision = at.documents.get(programme.document)!;
  const executions = programmeExecutions(at, programme);
  const results = programmeResults(programme, at.index.resultsByProgramme.get(programme.id) ?? [], at.resultContext);
  const documentIds = [...new Set([programme.document, ...executions.map((e) => e.document.id), ...results.flatMap((r) => r.documents.map((d) => d.id))])];
  return {
    id: programme.id,
    title: programme.title,
    publisher: { id: programme.publisher, title: at.publishers.get(programme.publisher)!.name.uk },
    period: programme.period,
    decision: { id: decision.id, title: decision.title, number: decision.number ?? null, date: decision.date ?? null },
    amendments: programme.amendments.map((a) => ({ date: a.date, number: a.number })),
    basis: programme.basis ?? null,
    developer: programme.developer,
    executors: programme.executors,
    goal: programme.goal,
    expectedResults: programme.expectedResults,
    coordination: programme.coordination ?? null,
    funding: {
      section: programme.funding.section,
      total: figure(programme.funding.total),
      years: [...programme.funding.years.entries()]
        .sort(([a], [b]) => a - b)
        .map(([year, row]) => ({
          year,
          total: figure(row.total),
          sources: Object.entries(row.sources).map(([source, f]) => ({ source, title: SOURCE_TITLES[source] ?? source, figure: figure(f) })),
        })),
    },
    annexes: programmeAnnexes(programme),
    executions,
    results,
    notes: (at.index.notesByProgramme.get(programme.id) ?? []).map(note),
    documents: documentIds.map((id) => ({ ...ref(at, id), kind: at.documents.get(id)!.kind })),
    datasets: (at.programmeDatasets.get(programme.id) ?? []).map((entry) => ({ id: entry.name, title: entry.title })),
  };
}

/** A report's figures by section, in source order; a period only where it differs from the document's. */
function reportSections(at: Lookups, document: SourceDocument): SiteReport['sections'] {
  const sections = new Map<string, SiteReport['sections'][number]>();
  for (const o of at.index.observationsByDocument.get(document.id) ?? []) {
    const key = o.figure.section;
    if (!sections.has(key)) sections.set(key, { section: key, figures: [] });
    const samePeriod = o.period.start === document.period.start && o.period.end === document.period.end;
    sections.get(key)!.figures.push({
      id: o.id,
      indicator: o.indicator,
      figure: figure(o.figure, at.input.model.units),
      period: samePeriod ? null : { start: o.period.start, end: o.period.end },
      dimensions: o.dimensions,
      result: resultPlace(at, o),
      shared: o.shared ? { id: o.shared, title: at.resultContext.indicatorNames.get(o.shared) ?? o.shared } : null,
    });
  }
  return [...sections.values()];
}

/** The programme direction and year a figure reports a result of, if it does. */
function resultPlace(at: Lookups, o: Model['observations'][number]): SiteReport['sections'][number]['figures'][number]['result'] {
  const direction = o.result && at.directionsById.get(`${o.result.programme}/${o.result.direction}`);
  return direction ? { programme: o.result!.programme, direction: direction.number, title: direction.title, year: o.result!.year } : null;
}

function reportPage(at: Lookups, document: SourceDocument): SiteReport {
  const related = new Set([...(at.programmesByDocument.get(document.id) ?? []).map((p) => p.id), ...(at.executionsByDocument.get(document.id) ?? []).map((e) => e.programme)]);
  return {
    id: document.id,
    kind: document.kind,
    kindTitle: KIND_TITLES[document.kind],
    title: document.title,
    number: document.number ?? null,
    date: document.date ?? null,
    period: document.period,
    author: document.author ?? null,
    description: document.description ?? null,
    url: document.url ?? null,
    publisher: { id: document.publisher, title: at.publishers.get(document.publisher)!.name.uk },
    programmes: [...related].map((id) => ({ id, title: at.programmeTitles.get(id) ?? id })),
    sections: reportSections(at, document),
    figureCount: at.figureCounts.get(document.id) ?? 0,
    notes: (at.index.notesByDocument.get(document.id) ?? []).map(note),
    datasets: at.datasetsByDocument.get(document.id) ?? [],
  };
}

/** A local build's pages link within the site: addresses under the local origin become paths. */
function inSite({ published, urls }: SiteDataInput, text: string): string {
  return published ? text : text.split(`${urls.siteUrl}/`).join('/');
}

/**
 * The notes a dataset page shows: all for the portal's, none for the shared indicators' (it holds
 * no stated totals or plans: the notes of its documents are theirs), else its documents' of its
 * own kind (programme or not).
 */
function datasetNotes(at: Lookups, dataset: Dataset): SiteNote[] {
  const sourceIds = new Set(dataset.sources.map((s) => s.id));
  if (dataset.kind === 'comparison') return [];
  return (dataset.kind === 'portal' ? at.input.reconciliation.notes : [...sourceIds].flatMap((id) => at.index.notesByDocument.get(id) ?? []))
    .filter((n) => dataset.kind === 'portal' || (dataset.kind === 'programme') === (n.programme !== undefined))
    .map(note);
}

function datasetPage(at: Lookups, dataset: Dataset): SiteDataset {
  const { input } = at;
  const written = input.files.get(dataset.name) ?? [];
  const years = new Set<number>();
  if (dataset.temporal) for (let y = Number(dataset.temporal.start.slice(0, 4)); y <= Number(dataset.temporal.end.slice(0, 4)); y++) years.add(y);
  return {
    name: dataset.name,
    id: dataset.id,
    kind: dataset.kind,
    title: dataset.title,
    description: dataset.description,
    publisher: dataset.publisher ? { id: dataset.publisher.id, title: dataset.publisher.name.uk } : null,
    keywords: dataset.keywords,
    themes: dataset.themes,
    frequency: dataset.frequency,
    frequencyTitle: FREQUENCY_TITLES[dataset.frequency],
    purpose: dataset.purpose,
    created: dataset.created,
    modified: dataset.modified,
    version: dataset.version,
    temporal: dataset.temporal ?? null,
    years: [...years],
    sources: dataset.sources.map((s) => ({ id: s.id, title: s.title, kind: s.kind })),
    files: written.map((file) => ({ path: file.path, format: file.format, bytes: file.bytes, sha256: file.sha256, table: file.table?.name ?? null })),
    ...(dataset.parts ? { parts: dataset.parts } : {}),
    tables: dataset.tables.map((table) => ({
      name: table.name,
      title: table.title,
      description: table.description,
      fields: table.schema.fields,
      rows: table.rowCount ?? table.rows.length,
      preview: table.rows.slice(0, PREVIEW_ROWS).map((row) => table.schema.fields.map((field) => row[field.name] ?? null).map((cell) => (cell === null ? null : inSite(input, String(cell))))),
    })),
    // The same lines as passport.json, so the page and the download agree.
    // A local build's pages link within the site: its passport shows paths, not the local origin.
    passport: passport(dataset, written, input.urls).map((line) => ({ ...line, value: inSite(input, line.value) })),
    notes: datasetNotes(at, dataset),
    due: dueDate(dataset.modified, dataset.frequency),
    changes: dataset.changes.map((version) => siteChange(version, dataset)),
  };
}

function sitePublishers(at: Lookups): SitePublisher[] {
  const portal = at.input.datasets.find((d) => d.parts !== undefined);
  // Stryker disable next-line OptionalChaining: the portal found is one with parts
  const parted = new Set(portal?.parts?.map((part) => part.id));
  return at.input.model.publishers.map((p) => sitePublisher(at, p, portal && parted.has(p.id) ? { id: portal.name, title: portal.title } : null));
}

function sitePublisher(at: Lookups, p: Model['publishers'][number], portalPart: SitePublisher['portalPart']): SitePublisher {
  // Every publisher has its register: it always has datasets.
  const datasets = at.datasetsByPublisher.get(p.id)!;
  return {
    id: p.id,
    name: p.name,
    community: p.community,
    edrpou: p.edrpou,
    katottg: p.katottg,
    koatuu: p.koatuu ?? null,
    website: p.website,
    contact: { name: p.contact.name, email: p.contact.email, phone: p.contact.phone ?? null },
    address: p.address ?? null,
    note: p.note ?? null,
    programmes: (at.programmesByPublisher.get(p.id) ?? []).map((x) => ({ id: x.id, title: x.title })),
    reports: (at.documentsByPublisher.get(p.id) ?? []).map((d) => ({ id: d.id, title: d.title })),
    datasets: datasets.filter((d) => d.kind !== 'register').map((d) => ({ id: d.name, title: d.title })),
    register: datasets.find((d) => d.kind === 'register')!.name,
    portalPart,
  };
}

function homePage(at: Lookups, reported: SiteHome['reported']): SiteHome {
  const { model, reconciliation, datasets } = at.input;
  const periods = model.documents.map((d) => d.period);
  return {
    publishers: model.publishers.length,
    programmes: model.programmes.length,
    reports: model.documents.length,
    datasets: datasets.length,
    figures: model.figures.length,
    period: periods.length ? { start: periods.map((p) => p.start).sort()[0]!, end: periods.map((p) => p.end).sort().at(-1)! } : null,
    planned: model.programmes.map((p) => ({ programme: { id: p.id, title: p.title }, total: toPlain(p.funding.total.value!), period: p.period })),
    reported,
    latestReports: [...model.documents]
      .sort((a, b) => (b.date ?? b.period.end).localeCompare(a.date ?? a.period.end))
      .slice(0, 5)
      .map((d) => ({ id: d.id, title: d.title, date: d.date ?? null, period: { start: d.period.start, end: d.period.end }, publisher: at.publishers.get(d.publisher)!.name.uk })),
    latestChanges: [...datasets].sort((a, b) => b.modified.localeCompare(a.modified) || a.name.localeCompare(b.name)).slice(0, 5).map((d) => ({ id: d.name, title: d.title, modified: d.modified })),
    notes: reconciliation.notes.length,
  };
}

/**
 * The site's JSON, a file at a time as [path, text]: one file per page, so that neither the
 * site nor this stage holds more than one page's data and the short lists.
 */
export function* siteData(input: SiteDataInput): Generator<[path: string, text: string]> {
  const at = lookups(input);
  yield ['site/config.json', json(siteConfig(input))];

  const programmeList: SiteProgrammeSummary[] = [];
  const reported: SiteHome['reported'] = [];
  for (const programme of input.model.programmes) {
    const page = programmePage(at, programme);
    yield [`site/programmes/${page.id}.json`, json(page)];
    const { id, title, publisher, period, funding, executions } = page;
    programmeList.push({ id, title, publisher, period, funding: { total: funding.total } });
    reported.push(...executions.map((e) => ({ programme: { id, title }, year: e.year, reported: e.reported.value ?? '0', planned: e.planned, rate: e.rate, word: e.word })));
  }
  yield ['site/programmes.json', json(programmeList)];

  const comparison = input.datasets.find((d) => d.kind === 'comparison');
  for (const [path, page] of indicatorPages({ model: input.model, dataset: comparison ? { id: comparison.name, title: comparison.title } : null })) yield [path, json(page)];

  const reportList: SiteReportSummary[] = [];
  for (const document of input.model.documents) {
    const report = reportPage(at, document);
    yield [`site/reports/${report.id}.json`, json(report)];
    const { id, kind, kindTitle, title, number, date, period, publisher } = report;
    reportList.push({ id, kind, kindTitle, title, number, date, period, publisher });
  }
  yield ['site/reports.json', json(reportList)];

  const datasetList: SiteDatasetSummary[] = [];
  for (const dataset of input.datasets) {
    const page = datasetPage(at, dataset);
    yield [`site/datasets/${page.name}.json`, json(page)];
    const { tables: _tables, passport: _passport, notes: _notes, changes: _changes, sources: _sources, ...summary } = page;
    datasetList.push(summary);
  }
  yield ['site/datasets.json', json(datasetList)];
  yield ['site/publishers.json', json(sitePublishers(at))];
  yield ['site/home.json', json(homePage(at, reported))];
}
