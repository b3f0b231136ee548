/**
 * Stage 3, normalize: validated sources → the model, every printed figure parsed exactly,
 * money in UAH, defaults (unit, section, period, qualifier) resolved from the enclosing
 * group, every figure keeping its printed form and its origin.
 */
import type { ErrorCode } from '../errors/codes.ts';
import { formatPath, type Problem } from '../errors/problem.ts';
import { toPeriod } from '../model/period.ts';
import type {
  Annex,
  Direction,
  Execution,
  Figure,
  FundingRow,
  FundingSource,
  Model,
  Observation,
  Origin,
  Place,
  Programme,
  Publisher,
  ResultLink,
  SourceDocument,
  StatedTotal,
  Unit,
} from '../model/types.ts';
import { isMoneyUnit, isProblem, parseFigure, toUah, unitKind, type Qualifier } from '../numbers/parse.ts';
import type { Locator } from '../sources/load.ts';
import type { CellSource, ExecutionSource, IndicatorVocabularySource, ProgrammeSource, ResultOfSource } from '../sources/schema.ts';
import type { DocumentEntry, Part, SourceTree } from '../validate/tree.ts';
import { ckanName } from '../publish/translit.ts';
import { uuidV5 } from '../publish/uuid.ts';
import { interner } from '../model/strings.ts';

export interface Normalized {
  model: Model;
  problems: Problem[];
}

interface CellContext {
  part: Part<unknown>;
  document: string;
  path: PropertyKey[];
  /** The unit declared around the figure (annex heading, group unit). */
  unit: string | undefined;
  /** Money fields refuse a printed unit that is not money. */
  money: boolean;
  section: string;
  quote?: string | undefined;
  note?: string | undefined;
  qualifier?: Qualifier | undefined;
}

/**
 * Where a figure was written. The line is looked up only when a message names it (locating
 * parses the file with positions); the locator, not the loaded file, is kept, so the model
 * does not hold every file's data.
 */
class LazyOrigin implements Origin {
  readonly file: string;
  readonly #fieldPath: ReadonlyArray<PropertyKey>;
  readonly #locate: Locator;

  constructor(file: string, fieldPath: ReadonlyArray<PropertyKey>, locate: Locator) {
    this.file = file;
    this.#fieldPath = fieldPath;
    this.#locate = locate;
  }

  get path(): string {
    return formatPath(this.#fieldPath);
  }

  get line(): number | undefined {
    return this.#locate(this.#fieldPath)?.line;
  }

  get column(): number | undefined {
    return this.#locate(this.#fieldPath)?.column;
  }
}

/** The place of a source object: its fields' origins made when a message asks for them. */
function placeOf(part: Part<unknown>, path: PropertyKey[]): Place {
  return (...fields) => new LazyOrigin(part.file.path, [...path, ...fields], part.file.locate);
}

export function normalize(tree: SourceTree): Normalized {
  const problems: Problem[] = [];
  const figures: Figure[] = [];
  // A section is the same words for every figure of a table, however often it is put together.
  const section = interner();
  const model: Model = { portal: undefined, catalog: [], publishers: [], documents: [], programmes: [], executions: [], observations: [], statedTotals: [], indicators: [], relations: [], units: new Map(), figures };
  if (tree.portal) {
    const portal = tree.portal.data;
    model.portal = { title: portal.title, titleEn: portal.title_en, description: portal.description, siteUrl: portal.site_url, basePath: portal.base_path, contact: portal.contact };
  }

  const problem = (context: Pick<CellContext, 'part' | 'path'>, code: ErrorCode, message: string, hint: string) => {
    const pos = context.part.file.locate(context.path);
    problems.push({ code, file: context.part.file.path, line: pos?.line, column: pos?.column, path: formatPath(context.path), message, hint });
  };
  if (tree.units) unitsOf(tree.units, model.units, problem);

  /** Reads one printed figure in its context; undefined (and a problem) if it cannot be placed. */
  const read = (cell: CellSource, context: CellContext): Figure | undefined => {
    const object = typeof cell === 'object' ? cell : undefined;
    const raw = typeof cell === 'object' ? cell.value : cell;
    const path = object ? [...context.path, 'value'] : context.path;
    const parsed = parseFigure(raw);
    if (isProblem(parsed)) {
      problem({ part: context.part, path }, parsed.code, parsed.message, parsed.hint);
      return undefined;
    }
    const unit = parsed.unit ?? context.unit;
    if (unit === undefined) {
      problem({ part: context.part, path }, 'E_UNIT_MISSING', `"${parsed.printed}" has no unit`, 'Give the observation a unit (грн, тис. грн, %, or what is counted: осіб, звернень), or a unit on its group.');
      return undefined;
    }
    if (context.money && !isMoneyUnit(unit)) {
      problem({ part: context.part, path }, 'E_UNIT_CONFLICT', `"${parsed.printed}" prints the unit "${unit}" where an amount of money is expected`, 'Amounts here are in грн, тис. грн or млн грн; check the column the figure was read from.');
      return undefined;
    }
    if (context.qualifier && parsed.qualifier && context.qualifier !== parsed.qualifier) {
      problem({ part: context.part, path: [...context.path.slice(0, -1), 'qualifier'] }, 'E_QUALIFIER_CONFLICT', `the qualifier field says ${context.qualifier}, but the figure "${parsed.printed}" prints ${parsed.qualifier}`, 'Remove the qualifier field (the printed word decides), or correct it.');
      return undefined;
    }
    const kind = unitKind(unit);
    if (kind === 'count' && !model.units.has(unit)) {
      // Where the unit is written: beside the figure, or else (a group's unit) the figure itself.
      const unitPath = [...context.path.slice(0, -1), 'unit'];
      problem(
        { part: context.part, path: context.part.file.locate(unitPath) ? unitPath : path },
        'E_UNIT_UNKNOWN',
        `"${unit}" is not a unit of units.yaml`,
        `Add it to units.yaml once, with its forms: { unit: ${unit}, one: …, few: …, other: … } (after 1, 2–4 and a fraction), or write a unit that is listed there.`,
      );
      return undefined;
    }
    const value = parsed.empty ? null : kind === 'UAH' ? toUah(parsed, unit)! : parsed.value;
    const quote = object?.quote ?? context.quote;
    const figure: Figure = {
      // Joined rather than concatenated: one string, not a tree of its parts (model/strings.ts).
      key: [context.document, context.part.file.path.split('/').at(-1), formatPath(context.path)].join(':'),
      document: context.document,
      printed: parsed.printed,
      value,
      kind,
      unit,
      qualifier: parsed.qualifier ?? context.qualifier ?? 'exact',
      section: section(object?.section ?? context.section),
      quote: quote ?? parsed.printed,
      quoteIsFigure: quote === undefined,
      note: object?.note ?? context.note,
      origin: new LazyOrigin(context.part.file.path, path, context.part.file.locate),
    };
    figures.push(figure);
    return figure;
  };

  for (const entry of tree.publishers) {
    model.publishers.push(publisherOf(entry.publisher.data));
    for (const dataset of entry.catalog?.data.datasets ?? []) {
      const name = dataset.name ?? ckanName(dataset.title);
      model.catalog.push({
        publisher: entry.folder,
        name,
        id: dataset.id ?? uuidV5(`${entry.folder}/${name}`),
        title: dataset.title,
        description: dataset.description,
        keywords: dataset.keywords,
        themes: dataset.themes,
        frequency: dataset.frequency,
        purpose: dataset.purpose,
        programme: dataset.programme,
        documents: dataset.documents ?? [],
      });
    }
    for (const documentEntry of entry.documents) {
      const document = documentOf(documentEntry);
      model.documents.push(document);
      if (documentEntry.programme) {
        const programme = programmeOf(documentEntry.programme, document, read);
        if (programme) model.programmes.push(programme);
      }
      if (documentEntry.execution) {
        const execution = executionOf(documentEntry.execution, document, read);
        if (execution) model.executions.push(execution);
      }
      if (documentEntry.observations) model.observations.push(...observationsOf(documentEntry.observations, document, read, documentEntry.execution?.data, problem));
      if (documentEntry.totals) model.statedTotals.push(...totalsOf(documentEntry.totals, document));
    }
  }
  if (tree.indicators) vocabularyOf(tree.indicators, model);
  return { model, problems };
}

type Read = (cell: CellSource, context: CellContext) => Figure | undefined;

/** units.yaml → the units by the form figures write; a unit listed twice is a problem. */
function unitsOf(
  part: Part<import('../sources/schema.ts').UnitsSource>,
  units: Map<string, Unit>,
  problem: (context: Pick<CellContext, 'part' | 'path'>, code: ErrorCode, message: string, hint: string) => void,
) {
  part.data.units.forEach((entry, i) => {
    if (units.has(entry.unit)) {
      problem({ part, path: ['units', i, 'unit'] }, 'E_ID_DUPLICATE', `the unit "${entry.unit}" is listed twice`, 'List each unit once, with all its forms.');
      return;
    }
    const same = entry.year ? entry.unit : undefined;
    units.set(entry.unit, { many: entry.unit, one: same ?? entry.one!, few: same ?? entry.few!, other: same ?? entry.other!, year: entry.year === true });
  });
}

function publisherOf(data: Part<import('../sources/schema.ts').PublisherSource>['data']): Publisher {
  return {
    id: data.id,
    name: data.name,
    shortName: data.short_name,
    kind: data.kind,
    community: data.community,
    edrpou: data.edrpou,
    katottg: data.katottg,
    koatuu: data.koatuu,
    website: data.website,
    contact: { name: data.contact.name, email: data.contact.email, phone: data.contact.phone },
    address: data.address,
    note: data.note,
  };
}

function documentOf(entry: DocumentEntry): SourceDocument {
  const data = entry.document.data;
  return {
    id: data.id,
    publisher: entry.publisher,
    kind: data.kind,
    title: data.title,
    titleEn: data.title_en,
    number: data.number,
    date: data.date,
    period: toPeriod(data.period),
    author: data.author,
    url: data.url,
    textFile: data.text_file,
    description: data.description,
    keywords: data.keywords ?? [],
    themes: data.themes ?? [],
    folder: entry.folder,
    files: [entry.document, entry.programme, entry.execution, entry.observations, entry.totals].flatMap((part) => (part ? [part.file.path] : [])),
  };
}

function programmeOf(part: Part<ProgrammeSource>, document: SourceDocument, read: Read): Programme | undefined {
  const data = part.data;
  const money = (cell: CellSource | undefined, path: PropertyKey[], unit: string, section: string) =>
    cell === undefined ? undefined : read(cell, { part, document: document.id, path, unit, money: true, section });

  const fundingSection = data.funding.section;
  const row = (source: ProgrammeSource['funding']['years'][number] | NonNullable<ProgrammeSource['funding']['total_row']>, path: PropertyKey[]): FundingRow | undefined => {
    const total = money(source.total, [...path, 'total'], data.funding.unit, fundingSection);
    if (!total) return undefined;
    const sources: Partial<Record<FundingSource, Figure>> = {};
    for (const key of ['state', 'oblast', 'community', 'other'] as const) {
      const figure = money(source[key], [...path, key], data.funding.unit, fundingSection);
      if (figure) sources[key] = figure;
    }
    return { total, sources };
  };
  const years = new Map<number, FundingRow>();
  data.funding.years.forEach((source, i) => {
    const figures = row(source, ['funding', 'years', i]);
    if (figures) years.set(source.year, figures);
  });
  const total = money(data.funding.total, ['funding', 'total'], data.funding.unit, fundingSection);
  const totalRow = data.funding.total_row ? row(data.funding.total_row, ['funding', 'total_row']) : undefined;

  const annexes: Annex[] = data.annexes.map((annex, a) => {
    const section = annex.title;
    const directions: Direction[] = annex.directions.map((direction, d) => {
      const base: PropertyKey[] = ['annexes', a, 'directions', d];
      const planned = new Map<number, Figure>();
      for (const [year, cell] of Object.entries(direction.planned ?? {})) {
        const figure = money(cell, [...base, 'planned', year], annex.unit, `${section}, ${direction.number}`);
        if (figure) planned.set(Number(year), figure);
      }
      return {
        id: direction.id,
        annex: annex.id,
        number: direction.number,
        title: direction.title,
        fundingSource: direction.funding_source,
        planned,
        plannedTotal: money(direction.planned_total, [...base, 'planned_total'], annex.unit, `${section}, ${direction.number}`),
        measures: direction.measures.map((measure, m) => {
          const measurePlanned = new Map<number, Figure>();
          for (const [year, cell] of Object.entries(measure.planned ?? {})) {
            const figure = money(cell, [...base, 'measures', m, 'planned', year], annex.unit, `${section}, ${direction.number}`);
            if (figure) measurePlanned.set(Number(year), figure);
          }
          return {
            id: measure.id ?? `${direction.id}-m${m + 1}`,
            number: m + 1,
            title: measure.title,
            timeline: measure.timeline,
            executors: measure.executors,
            fundingSource: measure.funding_source ?? direction.funding_source,
            planned: measurePlanned,
            plannedTotal: money(measure.planned_total, [...base, 'measures', m, 'planned_total'], annex.unit, `${section}, ${direction.number}`),
            expectedResult: measure.expected_result,
            note: measure.note,
          };
        }),
        note: direction.note,
      };
    });
    const totalRowFigures = new Map<number | 'total', Figure>();
    for (const [key, cell] of Object.entries(annex.total_row ?? {})) {
      const figure = money(cell, ['annexes', a, 'total_row', key], annex.unit, `${section}, Усього`);
      if (figure) totalRowFigures.set(key === 'total' ? 'total' : Number(key), figure);
    }
    return { id: annex.id, number: annex.number, title: annex.title, period: annex.period, unit: annex.unit, directions, totalRow: totalRowFigures };
  });
  if (!total) return undefined;
  return {
    id: data.id,
    document: document.id,
    publisher: document.publisher,
    title: data.title,
    titleEn: data.title_en,
    period: data.period,
    amendments: data.amendments.map((amendment) => ({ date: amendment.date, number: amendment.number, title: amendment.title, quote: amendment.quote })),
    basis: data.basis,
    developer: data.developer,
    executors: data.executors,
    goal: data.goal,
    expectedResults: data.expected_results,
    coordination: data.coordination,
    funding: { section: fundingSection, unit: data.funding.unit, total, years, totalRow },
    annexes,
  };
}

function executionOf(part: Part<import('../sources/schema.ts').ExecutionSource>, document: SourceDocument, read: Read): Execution | undefined {
  const data = part.data;
  const items = data.items.map((item, i) => ({
    direction: item.direction,
    amount:
      item.amount === undefined
        ? undefined
        : read(item.amount, { part, document: document.id, path: ['items', i, 'amount'], unit: data.unit, money: true, section: item.section ?? '', quote: item.quote, note: item.note }),
    word: item.word,
    section: item.section,
  }));
  const total = read(data.total.amount, { part, document: document.id, path: ['total', 'amount'], unit: data.unit, money: true, section: data.total.section ?? '', quote: data.total.quote, note: data.total.note });
  if (!total) return undefined;
  return {
    document: document.id,
    publisher: document.publisher,
    programme: data.programme,
    year: data.year,
    unit: data.unit,
    programmeTitleAsPrinted: data.programme_title_as_printed,
    items,
    total: { amount: total, word: data.total.word },
  };
}

type ProblemAt = (context: Pick<CellContext, 'part' | 'path'>, code: ErrorCode, message: string, hint: string) => void;

/**
 * Where a figure reports on a programme: its own `result`, or else its group's. Programme and
 * year default to those of the document's execution.yaml; without one they must be written.
 */
function resultOf(
  part: Part<unknown>,
  path: PropertyKey[],
  source: ResultOfSource | undefined,
  execution: ExecutionSource | undefined,
  problem: ProblemAt,
): ResultLink | undefined {
  if (!source) return undefined;
  const programme = source.programme ?? execution?.programme;
  const year = source.year ?? execution?.year;
  for (const [field, value] of [['programme', programme], ['year', year]] as const) {
    if (value === undefined) {
      problem({ part, path }, 'E_FIELD_REQUIRED', `the result names no ${field}, and the document has no execution.yaml to take it from`, `Write the ${field} in result: { ${field}: …, direction: ${source.direction} }.`);
    }
  }
  if (programme === undefined || year === undefined) return undefined;
  return { programme, direction: source.direction, measure: source.measure, year, place: placeOf(part, path) };
}

function observationsOf(
  part: Part<import('../sources/schema.ts').ObservationsSource>,
  document: SourceDocument,
  read: Read,
  execution: ExecutionSource | undefined,
  problem: ProblemAt,
): Observation[] {
  const out: Observation[] = [];
  part.data.groups.forEach((group, g) => {
    const groupResult = group.result ? resultOf(part, ['groups', g, 'result'], group.result, execution, problem) : undefined;
    group.observations.forEach((observation, o) => {
      const path = ['groups', g, 'observations', o, 'value'];
      const figure = read(observation.value, {
        part,
        document: document.id,
        path,
        unit: observation.unit ?? group.unit,
        money: false,
        section: observation.section ?? group.section,
        quote: observation.quote,
        note: observation.note,
        qualifier: observation.qualifier,
      });
      if (!figure) return;
      out.push({
        id: observation.id,
        document: document.id,
        publisher: document.publisher,
        indicator: observation.indicator,
        code: observation.code,
        topic: group.topic,
        figure,
        period: toPeriod(observation.period ?? group.period ?? document.period.label),
        dimensions: { ...group.dimensions, ...observation.dimensions },
        // An observation's own result replaces its group's.
        result: observation.result ? resultOf(part, ['groups', g, 'observations', o, 'result'], observation.result, execution, problem) : groupResult,
        budgetGroup: observation.budget_group ?? group.budget_group,
        budgetCode: observation.budget_code ?? group.budget_code,
        shared: undefined,
        place: placeOf(part, ['groups', g, 'observations', o]),
      });
    });
  });
  return out;
}

function totalsOf(part: Part<import('../sources/schema.ts').StatedTotalsSource>, document: SourceDocument): StatedTotal[] {
  return part.data.totals.map((total) => ({
    id: total.id,
    document: document.id,
    label: total.label,
    total: total.total,
    parts: total.parts,
    quote: total.quote,
    note: total.note,
  }));
}

/** "document/observation" → its two ids. */
function splitRef(ref: string): { document: string; observation: string } {
  const [document = '', observation = ''] = ref.split('/');
  return { document, observation };
}

/** indicators.yaml → the shared indicators and the relations, each keeping where it is written. */
function vocabularyOf(part: Part<IndicatorVocabularySource>, model: Model) {
  const origin = (path: PropertyKey[]) => new LazyOrigin(part.file.path, path, part.file.locate);
  const observations = new Map(model.observations.map((o) => [`${o.document}/${o.id}`, o]));
  part.data.indicators.forEach((indicator, i) => {
    model.indicators.push({
      code: indicator.code,
      name: indicator.name,
      definition: { uk: indicator.definition.uk, en: indicator.definition.en },
      unit: indicator.unit,
      group: indicator.group,
      members: indicator.observations.map((member, m) => {
        const ref = typeof member === 'string' ? member : member.observation;
        const path = typeof member === 'string' ? ['indicators', i, 'observations', m] : ['indicators', i, 'observations', m, 'observation'];
        // The first indicator to list a figure is its own (a second listing is refused by validation).
        const observation = observations.get(ref);
        if (observation && observation.shared === undefined) observation.shared = indicator.code;
        return { ...splitRef(ref), note: typeof member === 'string' ? undefined : member.note, origin: origin(path) };
      }),
      note: indicator.note,
      origin: origin(['indicators', i, 'code']),
    });
  });
  part.data.related.forEach((relation, r) => {
    model.relations.push({
      id: relation.id,
      observations: relation.observations.map((ref, o) => ({ ...splitRef(ref), origin: origin(['related', r, 'observations', o]) })),
      indicators: relation.indicators.map((code, c) => ({ code, origin: origin(['related', r, 'indicators', c]) })),
      difference: relation.difference,
      origin: origin(['related', r, 'id']),
    });
  });
}
