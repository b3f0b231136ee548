/**
 * The authoring format: what an officer writes under `datasets/`.
 *
 * These zod schemas are the single definition of the format. `schemas/sources/*.json`
 * are generated from them (`npm run schemas`) so that editors can check YAML while it
 * is typed; a test fails when the generated files are stale.
 *
 * The schemas check shape only. Checks that need more than one value (references,
 * unique ids, years inside a period) live in `pipeline/validate/`.
 *
 * Each schema is a function that makes it (`Publisher()`), called when files are checked
 * rather than when this module loads, so that `npm run mutate` can tell which tests reach
 * which rule (see docs/mutation.md); `FILE_SCHEMAS` makes a file name's schema once per check.
 */
import { z } from 'zod';
import { checkFigure } from '../numbers/parse.ts';
import { formulaLike } from './formula.ts';
import { isCalendarDate } from '../model/period.ts';

/** Issue params carry our stable error code through zod. */
function fail(ctx: z.core.$RefinementCtx<unknown>, code: string, message: string, hint: string) {
  ctx.addIssue({ code: 'custom', message, params: { code, hint } });
}

/** A spreadsheet cell holds at most this many characters (Excel's limit; longer text is cut or the file "repaired"). */
export const MAX_CELL_TEXT = 32_767;

/** The first and last year a date of the portal may name: before 1991 no Ukrainian council reported, and spreadsheets cannot store dates before 1900. */
export const FIRST_YEAR = 1991;
export const LAST_YEAR = 2100;

const tooLong = (ctx: z.core.$RefinementCtx<unknown>, length: number, limit: number, where: string) =>
  fail(ctx, 'E_TEXT_TOO_LONG', `the text has ${length} characters; ${where} holds at most ${limit}`, `Shorten it to ${limit} characters or fewer${limit === MAX_CELL_TEXT ? ', or split it over several fields or figures' : ''}.`);

/**
 * Free text from a document: published as one cell, so no longer than a spreadsheet cell,
 * and refused when a spreadsheet would run it as a formula.
 */
export const Text = () => z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    if (value.length > MAX_CELL_TEXT) tooLong(ctx, value.length, MAX_CELL_TEXT, 'a spreadsheet cell');
    if (formulaLike(value)) {
      fail(
        ctx,
        'E_FORMULA_TEXT',
        `text starts like a spreadsheet formula: ${JSON.stringify(value.slice(0, 20))}`,
        'A cell starting with =, +, -, @, a tab or a carriage return (or their full-width forms) runs as a formula when the CSV is opened in a spreadsheet, unless the whole cell is a number. Reword the start, or put the text in quotes « » if it is a quotation.',
      );
    }
  });

/** Text a published format holds up to `limit` characters of (the data.gov.ua passport's fields). */
export function TextUpTo(limit: number, where: string) {
  return Text().superRefine((value, ctx) => {
    if (value.length > limit && value.length <= MAX_CELL_TEXT) tooLong(ctx, value.length, limit, where);
  });
}

/** Texts published together in one cell, joined by "; ". */
export function TextList(where: string) {
  return z.array(Text()).superRefine((items, ctx) => {
    const length = items.reduce((n, item) => n + item.length, 0) + 2 * Math.max(0, items.length - 1);
    if (length > MAX_CELL_TEXT) tooLong(ctx, length, MAX_CELL_TEXT, `${where}, joined into one spreadsheet cell,`);
  });
}

/**
 * An address published as a link: absolute http(s), with a host, and nothing a reader or
 * a format would take apart (spaces, quotes, angle brackets, backslashes, control characters).
 * `javascript:`, `data:` and other schemes never become links.
 */
export const HttpUrl = () => z.string().superRefine((value, ctx) => {
  const clean = /^https?:\/\/[^\s"'<>`\\^{|}\u0000-\u001f\u007f-\u009f]+$/i.test(value);
  // The pattern lets through only http(s) addresses, and the URL parser gives each of those a host or refuses it.
  if (!clean || !URL.canParse(value)) {
    fail(ctx, 'E_FIELD_VALUE', `${JSON.stringify(value.slice(0, 60))} is not an absolute http(s) address`, 'Write the whole address as a browser shows it, starting with https:// (or http://), without spaces, quotes or angle brackets; encode a space as %20.');
  }
});

export const Id = () => z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'an id is lowercase Latin letters and digits joined by single hyphens, e.g. "kr-2023-report"',
  })
  .max(80);

/** The id of something with a page in a paginated list: `page` is the address of the list's further pages. */
const PageId = () => Id().refine((id) => id !== 'page', { error: '"page" is the address of a list\'s further pages (/reports/page/2/): choose another id' });

const inYears = (text: string) => Number(text.slice(0, 4)) >= FIRST_YEAR && Number(text.slice(0, 4)) <= LAST_YEAR;
const yearsError = () => `a year from ${FIRST_YEAR} to ${LAST_YEAR}`;

export const IsoDate = () => z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'a date is written YYYY-MM-DD, e.g. 2016-12-21' })
  .refine(inYears, { error: `the date's year is not ${yearsError()}` })
  .refine(isCalendarDate, { error: 'not a calendar date: check the day and month' });

export const Year = () => z.int().min(FIRST_YEAR, { error: `expected ${yearsError()}` }).max(LAST_YEAR, { error: `expected ${yearsError()}` });

/**
 * A period: a year (`2023`), an interval of dates (`2022-01-01/2022-06-30`),
 * or a single date for a figure stated "as of" a day (`2024-01-01`).
 */
export const Period = () => z.union([
  Year(),
  z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?(\/\d{4}(-\d{2}-\d{2})?)?$/, {
      error: 'a period is a year (2023), a date (2024-01-01) or an interval (2022-01-01/2022-06-30)',
    })
    .refine((period) => period.split('/').every(inYears), { error: `each end of a period is in ${yearsError()}` }),
]);

export const YearSpan = () => z.strictObject({ start: Year(), end: Year() });

/**
 * A figure as the document prints it: `1 243 280,57`, `14 981,8 тис. грн`,
 * `близько 6,5 тис.`, `понад 8,8 тис.`, `80%`, or `-` for an empty cell.
 * Whole numbers may be written bare (`11`). The pipeline parses the text exactly.
 */
export const Figure = () => z
  .union([z.string(), z.number()])
  .superRefine((value, ctx) => {
    const problem = checkFigure(value);
    if (problem) fail(ctx, problem.code, problem.message, problem.hint);
  })
  .meta({
    description:
      'A figure as printed: "1 243 280,57", "14 981,8 тис. грн", "близько 6,5 тис.", "понад 8,8 тис.", "80%", "-" for an empty cell, or a bare whole number.',
  });

export const MoneyUnit = () => z.enum(['грн', 'тис. грн', 'млн грн']);

export const Qualifier = () => z.enum(['exact', 'approx', 'more_than', 'less_than']);

/** Where a figure was read: the section or annex, and the words around it. */
const provenance = () => ({
  section: Text().optional().meta({ description: 'Section, annex or slide the figure was read from; defaults to the enclosing group' }),
  quote: Text().optional().meta({
    description: 'The words the figure was read from, verbatim (whitespace may differ). Defaults to the printed figure itself.',
  }),
  note: Text().optional().meta({ description: 'A reader\'s note on the figure, e.g. how an ambiguous unit was read' }),
});

/** A figure in a table cell or on its own: the printed value and where it came from. */
export const Cell = () => z.union([
  Figure(),
  z.strictObject({ value: Figure(), ...provenance() }),
]);

// ---------------------------------------------------------------- publisher.yaml

/** 254 characters of a register's passport title, less «Реєстр наборів даних: ». */
const maxPublisherName = () => 254 - 'Реєстр наборів даних: '.length;

/** 4 000 characters of the portal-wide package's description, less the sentence it adds. */
const maxPortalDescription = () => 4000 - ' Усі таблиці всіх наборів даних порталу в одному пакеті.'.length;

/** Folders of a path under the site URL: letters, digits and the marks a URL carries as they are. */
export const BasePath = () => z
  .string()
  .regex(/^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*$/, {
    error: 'a base path is "/" or folders of Latin letters, digits, ".", "_", "~" or "-", each followed by "/", e.g. /council-open-data/',
  });

export const Publisher = () => z
  .strictObject({
    id: PageId(),
    // The register of its datasets is titled «Реєстр наборів даних: NAME», a passport title of at most 254 characters.
    name: z.strictObject({ uk: TextUpTo(maxPublisherName(), 'a publisher\'s name (its register\'s passport title «Реєстр наборів даних: …» holds 254 characters)'), en: Text() }),
    short_name: z.strictObject({ uk: Text(), en: Text() }).optional(),
    kind: z.enum(['city_council', 'executive_committee', 'department']).default('city_council'),
    community: z.strictObject({ uk: Text(), en: Text() }).meta({ description: 'The territorial community (hromada) or city' }),
    edrpou: z.string().regex(/^\d{8}$/, { error: 'an ЄДРПОУ code is 8 digits, written in quotes: "33874388"' }),
    katottg: z.string().regex(/^UA\d{17}$/, { error: 'a КАТОТТГ code is UA followed by 17 digits' }),
    koatuu: z.string().regex(/^\d{10}$/).optional(),
    website: HttpUrl(),
    contact: z.strictObject({ name: Text(), email: z.email(), phone: Text().optional() }),
    address: Text().optional(),
    note: Text().optional(),
  })
  .meta({ title: 'Publisher', description: 'A city council or one of its executive bodies' });

// ----------------------------------------------------------------- document.yaml

export const DocumentKind = () => z.enum([
  'decision',
  'programme',
  'execution_report',
  'activity_report',
  'presentation',
]);

export const SourceDocument = () => z
  .strictObject({
    id: PageId(),
    kind: DocumentKind(),
    title: Text(),
    title_en: Text().optional(),
    number: Text().optional().meta({ description: 'Decision number as printed, e.g. "1176"' }),
    date: IsoDate().optional().meta({ description: 'Date of adoption or signature' }),
    period: Period().meta({ description: 'Period the document covers' }),
    author: Text().optional().meta({ description: 'The body that wrote the report, if not the publisher itself' }),
    url: HttpUrl().optional(),
    text_file: z.string().optional().meta({ description: 'File name of the plain-text export of the document, read by the quote check' }),
    description: Text().optional(),
    keywords: TextList('the keywords').optional(),
    themes: z.array(z.enum(['GOVE', 'ECON', 'SOCI', 'TECH', 'EDUC', 'REGI', 'JUST'])).optional(),
  })
  .meta({ title: 'Source document' });

// ---------------------------------------------------------------- programme.yaml

export const FundingRow = () => z.strictObject({
  total: Cell(),
  state: Cell().optional(),
  oblast: Cell().optional(),
  community: Cell().optional(),
  other: Cell().optional(),
});

export const Measure = () => z.strictObject({
  id: Id().optional(),
  title: Text(),
  timeline: Text().optional(),
  executors: Text().optional(),
  funding_source: Text().optional(),
  planned: z.record(z.string().regex(/^\d{4}$/), Cell()).optional().meta({ description: 'Planned money by year when printed per measure' }),
  planned_total: Cell().optional(),
  expected_result: Text().optional(),
  note: Text().optional(),
});

export const Direction = () => z.strictObject({
  id: Id(),
  number: z.int().positive(),
  title: Text(),
  funding_source: Text().optional(),
  planned: z
    .record(z.string().regex(/^\d{4}$/), Cell())
    .optional()
    .meta({ description: 'Planned money by year, as printed in the annex: { "2017": "91 175,0" }' }),
  planned_total: Cell().optional().meta({ description: 'The row total as printed in the annex' }),
  measures: z.array(Measure()).min(1),
  note: Text().optional(),
});

export const Annex = () => z.strictObject({
  id: Id(),
  number: z.int().positive(),
  title: Text(),
  period: YearSpan(),
  unit: MoneyUnit(),
  directions: z.array(Direction()).min(1),
  total_row: z
    .record(z.union([z.string().regex(/^\d{4}$/), z.literal('total')]), Cell())
    .optional()
    .meta({ description: 'The «Усього» row as printed: { "2017": "…", …, "total": "…" }' }),
});

export const Amendment = () => z.strictObject({
  date: IsoDate(),
  number: Text(),
  title: Text().optional(),
  quote: Text().optional(),
});

export const Programme = () => z
  .strictObject({
    id: PageId(),
    title: Text(),
    title_en: Text().optional(),
    period: YearSpan(),
    amendments: z.array(Amendment()).default([]),
    basis: Text().optional(),
    developer: Text(),
    executors: TextList('the executors').min(1),
    goal: Text(),
    expected_results: TextList('the expected results').default([]),
    coordination: Text().optional(),
    funding: z.strictObject({
      section: Text(),
      unit: MoneyUnit(),
      total: Cell().meta({ description: 'The total stated in the passport text' }),
      years: z.array(FundingRow().extend({ year: Year() })).min(1),
      total_row: FundingRow().optional().meta({ description: 'The «Усього» row as printed' }),
    }),
    annexes: z.array(Annex()).default([]),
  })
  .meta({ title: 'Programme', description: 'A programme approved by the decision in this folder' });

// ---------------------------------------------------------------- execution.yaml

export const ExecutionWord = () => z.enum(['spent', 'allocated', 'cash_expenditure']).meta({
  description: 'What the source called the amount: spent «витрачено», allocated «виділено», cash expenditure «касові видатки»',
});

export const ExecutionItem = () => z.strictObject({
  direction: Id().meta({ description: 'Id of a direction in the programme' }),
  amount: Cell().optional().meta({ description: 'Amount reported; omit when the report gives none for this direction' }),
  word: ExecutionWord().optional(),
  section: Text().optional(),
  quote: Text().optional(),
  note: Text().optional(),
});

export const Execution = () => z
  .strictObject({
    programme: Id(),
    year: Year(),
    unit: MoneyUnit(),
    programme_title_as_printed: Text().optional().meta({ description: 'How the report names the programme, when it differs' }),
    items: z.array(ExecutionItem()).min(1),
    total: z.strictObject({ amount: Cell(), word: ExecutionWord(), section: Text().optional(), quote: Text().optional(), note: Text().optional() }),
  })
  .meta({ title: 'Programme execution', description: 'Amounts a report gives per direction for one year' });

// ------------------------------------------------------------- observations.yaml

/**
 * The group a budget programme passport gives an indicator (the Ministry of Finance's rules
 * for local budget programmes): затрат, продукту, ефективності, якості.
 */
export const BudgetGroup = () => z.enum(['cost', 'product', 'efficiency', 'quality']).meta({
  description: 'Group of a budget programme passport\'s indicator: cost «затрат», product «продукту», efficiency «ефективності», quality «якості»',
});

/** КПКВКМБ: the code of a local budget programme, seven digits as printed (0210180). */
export const BudgetCode = () => z
  .string()
  .regex(/^\d{7}$/, { error: 'a КПКВКМБ code is 7 digits, written in quotes: "0210180"' })
  .meta({ description: 'Code of the local budget programme (КПКВКМБ), 7 digits, as the source prints it' });

/**
 * What a figure reports on, when a report places it under a programme: the direction (and
 * the measure, where the source names one) and the year. In a document with execution.yaml,
 * programme and year default to the ones it reports on.
 */
export const ResultOf = () => z
  .strictObject({
    programme: Id().optional().meta({ description: 'Id of the programme; defaults to the programme of this document\'s execution.yaml' }),
    direction: Id().meta({ description: 'Id of a direction of the programme (its annex must plan the year)' }),
    measure: Id().optional().meta({ description: 'Id of a measure of that direction, where the source names one' }),
    year: Year().optional().meta({ description: 'The year the figure reports on; defaults to the year of this document\'s execution.yaml' }),
  })
  .meta({ description: 'The programme direction (and measure) and year a figure reports on' });

/** What an observation and its group may say about the budget programme the figure belongs to. */
const budgetFields = () => ({
  result: ResultOf().optional(),
  budget_group: BudgetGroup().optional(),
  budget_code: BudgetCode().optional(),
});

export const Observation = () => z.strictObject({
  id: Id(),
  indicator: Text().meta({ description: 'What the figure counts, in Ukrainian' }),
  code: Id().optional().meta({ description: 'A code of the figure within its document, e.g. council-sessions; figures of several documents share one only through indicators.yaml' }),
  value: Figure(),
  unit: Text().optional().meta({ description: 'грн, тис. грн, млн грн, %, or what is counted (осіб, звернень); defaults to the group unit' }),
  qualifier: Qualifier().optional().meta({ description: 'Defaults to what the printed figure says (близько → approx, понад → more_than)' }),
  period: Period().optional(),
  dimensions: z.record(Id(), Text()).optional().meta({ description: 'e.g. { district: Тернівський }' }),
  ...budgetFields(),
  ...provenance(),
});

export const ObservationGroup = () => z.strictObject({
  section: Text(),
  topic: Text().optional(),
  unit: Text().optional(),
  period: Period().optional(),
  dimensions: z.record(Id(), Text()).optional(),
  ...budgetFields(),
  observations: z.array(Observation()).min(1),
});

export const Observations = () => z
  .strictObject({ groups: z.array(ObservationGroup()).min(1) })
  .meta({ title: 'Indicator observations' });

// ------------------------------------------------------------------- totals.yaml

export const StatedTotal = () => z.strictObject({
  id: Id(),
  label: Text(),
  total: Id().meta({ description: 'Id of the observation stating the total' }),
  parts: z.array(Id()).min(2).meta({ description: 'Ids of the observations the source says make the total' }),
  quote: Text().optional(),
  note: Text().optional(),
});

export const StatedTotals = () => z
  .strictObject({ totals: z.array(StatedTotal()).min(1) })
  .meta({ title: 'Stated totals', description: '"These parts make that total", as the source claims it' });

// ---------------------------------------------------------------- indicators.yaml

/** An observation of a document: "document-id/observation-id". */
export const ObservationRef = () => z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'an observation is named "document-id/observation-id", e.g. kr-2023-programme-execution-report/council-sessions' })
  .meta({ description: 'An observation, as document-id/observation-id' });

export const SharedIndicator = () => z
  .strictObject({
    code: Id().meta({ description: 'The indicator\'s code, its address on the portal (/indicators/CODE/); never changes once published' }),
    name: z.strictObject({ uk: Text(), en: Text() }),
    definition: z.strictObject({ uk: Text(), en: Text().optional() }).meta({ description: 'What exactly is counted, and what is not, so that a figure can be judged to count the same thing' }),
    unit: Text().meta({ description: 'грн, % or a unit of units.yaml (its forms are read from there); every figure of the indicator counts in it' }),
    group: BudgetGroup().optional(),
    observations: z
      .array(z.union([ObservationRef(), z.strictObject({ observation: ObservationRef(), note: Text().meta({ description: 'How this figure\'s source words it, where it differs in detail from the definition' }) })]))
      .min(1)
      .meta({ description: 'The figures that count exactly this, in any document of any council' }),
    note: Text().optional(),
  })
  .meta({ title: 'Shared indicator' });

export const Relation = () => z
  .strictObject({
    id: Id(),
    observations: z.array(ObservationRef()).default([]),
    indicators: z.array(Id()).default([]).meta({ description: 'Codes of shared indicators' }),
    difference: Text().meta({ description: 'In words, for a reader: what each counts and why they are not the same thing' }),
  })
  .meta({ title: 'Related, not the same', description: 'Figures or indicators that count something close but different: shown side by side, never merged' });

export const IndicatorVocabulary = () => z
  .strictObject({
    indicators: z.array(SharedIndicator()).min(1),
    related: z.array(Relation()).default([]),
  })
  .meta({ title: 'Shared indicators', description: 'The indicators figures of several documents and councils share when they count the same thing, and the figures that are related but not the same' });

// ----------------------------------------------------------------- datasets.yaml

export const Frequency = () => z
  .enum([
    'more than once a day',
    'once a day',
    'once a week',
    'once a month',
    'once a quarter',
    'once a half year',
    'once a year',
    'immediately after making changes',
    'no longer updated',
  ])
  .meta({ description: 'Update frequency, as data.gov.ua keys it (Щороку = "once a year")' });

export const Theme = () => z.enum(['GOVE', 'ECON', 'SOCI', 'TECH', 'EDUC', 'REGI', 'JUST', 'ENVI', 'HEAL', 'TRAN', 'ENER', 'AGRI', 'INTR']);

export const DatasetEntry = () => z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9_-]{2,100}$/, { error: 'a dataset name is 2–100 lowercase Latin letters, digits, "-" or "_"' })
      .optional()
      .meta({ description: 'CKAN name; defaults to the title transliterated by the official rules. Never changes once published.' }),
    id: z.uuid().optional().meta({ description: 'Stable UUID; defaults to one derived from the publisher and name' }),
    title: TextUpTo(254, 'a dataset passport\'s title').meta({ description: 'The dataset\'s title (≤ 254 characters, the data.gov.ua passport limit)' }),
    description: TextUpTo(4000, 'a dataset passport\'s description').meta({ description: 'A short description (≤ 4 000 characters, the data.gov.ua passport limit)' }),
    keywords: TextList('the keywords').min(1),
    themes: z.array(Theme()).min(1),
    frequency: Frequency(),
    purpose: TextUpTo(512, 'a dataset passport\'s purpose').meta({ description: 'Підстава та призначення збору інформації (≤ 512 characters)' }),
    programme: Id().optional().meta({ description: 'A programme: its passport, directions, measures, plans and every execution of it' }),
    documents: z.array(Id()).min(1).optional().meta({ description: 'Documents whose indicator observations this dataset publishes' }),
  })
  .superRefine((entry, ctx) => {
    if ((entry.programme === undefined) === (entry.documents === undefined)) {
      fail(ctx, 'E_FIELD_REQUIRED', 'a dataset names either a programme or a list of documents, not both and not neither', 'Add `programme: <id>` for a programme dataset, or `documents: [<id>, …]` for an indicators dataset.');
    }
  });

export const Catalog = () => z
  .strictObject({ datasets: z.array(DatasetEntry()).min(1) })
  .meta({ title: 'Datasets of a publisher', description: 'The register of a publisher\'s datasets: what is published, how often, and why' });

// ------------------------------------------------------------------- portal.yaml

export const Portal = () => z
  .strictObject({
    title: Text(),
    title_en: Text(),
    // The portal-wide package's description is this one and a sentence of its own, within the passport's 4 000.
    description: TextUpTo(maxPortalDescription(), 'the portal\'s description (the portal-wide package\'s passport description adds a sentence to it within 4 000 characters)'),
    site_url: HttpUrl().optional().meta({ description: 'Where the portal is published; SITE_URL overrides it at build time. Without either, the build is for local use: its pages link within the site and say so.' }),
    base_path: BasePath().default('/').meta({ description: 'Path under the site URL, e.g. /council-open-data/; BASE_PATH overrides it' }),
    contact: z.strictObject({ name: Text(), email: z.email() }).optional().meta({ description: 'The portal\'s own editors, if it has them; every dataset names its publisher\'s contact' }),
  })
  .meta({ title: 'Portal', description: 'The catalogue as a whole' });

// -------------------------------------------------------------------- units.yaml

/**
 * A counted unit, written once with its forms, so that every page can say «1 орган»,
 * «3 органи», «5 органів», «2,5 органу». Observations() name it by `unit`, the form after 5.
 */
export const UnitEntry = () => z
  .strictObject({
    unit: Text().meta({ description: 'The unit as observations write it: the form after 5, 11 or 100 (органів, наборів даних, осіб)' }),
    one: Text().optional().meta({ description: 'The form after 1, 21, 101: орган, набір даних, особа' }),
    few: Text().optional().meta({ description: 'The form after 2–4, 22–24: органи, набори даних, особи' }),
    other: Text().optional().meta({ description: 'The form after a fraction (2,5): органу, набору даних, особи' }),
    year: z.literal(true).optional().meta({ description: 'The figure is a calendar year (з 1980 року): shown as a year, with no forms' }),
    note: Text().optional(),
  })
  .superRefine((entry, ctx) => {
    const forms = [entry.one, entry.few, entry.other].filter((form) => form !== undefined).length;
    if (entry.year ? forms > 0 : forms < 3) {
      fail(
        ctx,
        'E_FIELD_REQUIRED',
        entry.year ? `the year unit "${entry.unit}" has forms` : `the unit "${entry.unit}" needs all of one, few and other`,
        entry.year
          ? 'A calendar year is shown as it is (1980 рік): remove one, few and other, or remove year: true.'
          : 'Write the forms after 1, after 2–4 and after a fraction, e.g. { unit: органів, one: орган, few: органи, other: органу }.',
      );
    }
  });

export const Units = () => z
  .strictObject({ units: z.array(UnitEntry()).min(1) })
  .meta({ title: 'Units', description: 'The counted units of the portal\'s figures, each with its forms, written once for every document' });

export type PublisherSource = z.infer<ReturnType<typeof Publisher>>;
export type UnitsSource = z.infer<ReturnType<typeof Units>>;
export type CatalogSource = z.infer<ReturnType<typeof Catalog>>;
export type PortalSource = z.infer<ReturnType<typeof Portal>>;
export type DocumentSource = z.infer<ReturnType<typeof SourceDocument>>;
export type ProgrammeSource = z.infer<ReturnType<typeof Programme>>;
export type ExecutionSource = z.infer<ReturnType<typeof Execution>>;
export type ObservationsSource = z.infer<ReturnType<typeof Observations>>;
export type StatedTotalsSource = z.infer<ReturnType<typeof StatedTotals>>;
export type CellSource = z.infer<ReturnType<typeof Cell>>;
export type IndicatorVocabularySource = z.infer<ReturnType<typeof IndicatorVocabulary>>;
export type ResultOfSource = z.infer<ReturnType<typeof ResultOf>>;

/**
 * Which schema reads which file name inside `datasets/`. A schema is made when it is first
 * asked for in a task (the synchronous run of code that checks a tree's files) and kept until
 * the task ends: a check makes each at most once however many files it reads, and no schema
 * is made while this module loads, where a mutation run could not tell which test reached it.
 */
export const FILE_SCHEMAS = {
  get 'portal.yaml'() {
    return forThisTask(Portal);
  },
  get 'publisher.yaml'() {
    return forThisTask(Publisher);
  },
  get 'datasets.yaml'() {
    return forThisTask(Catalog);
  },
  get 'document.yaml'() {
    return forThisTask(SourceDocument);
  },
  get 'programme.yaml'() {
    return forThisTask(Programme);
  },
  get 'execution.yaml'() {
    return forThisTask(Execution);
  },
  get 'observations.yaml'() {
    return forThisTask(Observations);
  },
  get 'totals.yaml'() {
    return forThisTask(StatedTotals);
  },
  get 'units.yaml'() {
    return forThisTask(Units);
  },
  get 'indicators.yaml'() {
    return forThisTask(IndicatorVocabulary);
  },
};

export type SourceFileName = keyof typeof FILE_SCHEMAS;

/** The schemas made in the current task, by the function that makes each. */
let made: Map<() => unknown, unknown> | undefined;

/** The schema `make` makes, made in this task: now if this is the first ask. */
function forThisTask<T>(make: () => T): T {
  if (made === undefined) {
    made = new Map();
    queueMicrotask(() => {
      made = undefined;
    });
  }
  if (!made.has(make)) made.set(make, make());
  return made.get(make) as T;
}
