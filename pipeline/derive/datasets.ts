/**
 * Stage 5, derive: the model → datasets the way a CKAN portal groups them. Each dataset
 * belongs to one publisher; each publisher also gets its register of datasets; one
 * portal-wide package carries everything for the reader who wants it all at once.
 */
import { createHash } from 'node:crypto';
import type { History } from '../io/history.ts';
import type { CatalogEntry, Model, Publisher, SourceDocument } from '../model/types.ts';
import type { Reconciliation } from '../reconcile/reconcile.ts';
import { ckanName } from '../publish/translit.ts';
import type { Dataset, Frequency, PublisherRef, Row, SourceRef, Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { uuidV5 } from '../publish/uuid.ts';
import { documentsTable, observationDimensions, observationsTable, qualityNotesTable, statedTotalsTable } from './common-tables.ts';
import { type Derived, field, schema } from './fields.ts';
import { groupBy } from '../model/group.ts';
import { programmeTables } from './programme-tables.ts';
import { orderResults, resultTables } from './result-tables.ts';
import { comparisonTables, membersOf } from './comparison-tables.ts';
import { datasetVersion, portalVersion, type VersionChanges } from '../history/versions.ts';

export interface DeriveInput {
  model: Model;
  reconciliation: Reconciliation;
  history: History;
  urls: Urls;
  /** The data of earlier published versions, to say what changed in each (none: versions listed without details). */
  versions?: VersionChanges | undefined;
}

/** Tables made in pieces: each chunk holds the next rows of every table of the group, in order. */
export interface TableGroup {
  /** The tables without rows. */
  tables: Table[];
  chunks(): Iterable<Row[][]>;
}

/** One publisher's rows of every table of a parted dataset, in the tables' order. */
export interface TablePart {
  /** The publisher's id: the part's folder. */
  id: string;
  /** The publisher's name, for people. */
  title: string;
  rows: Row[][];
}

/** A part before its rows are made: which publisher's, what it reads, how to make it. */
export interface PlannedPart {
  id: string;
  title: string;
  /**
   * The source files its rows are made from (with the portal's own files, the tables' shapes,
   * the settings and the code): every file of its publisher's folder, since no document of a
   * council may speak of another council's programmes (E_REF_FOREIGN).
   */
  reads: string[];
  /** Its rows, made now. */
  derive(): TablePart;
}

/** Tables published in parts, a part per publisher, each part made only when asked. */
export interface PartedTables {
  /** The tables without rows. */
  tables: Table[];
  parts(): Iterable<PlannedPart>;
}

/** A dataset too large to hold at once: its tables' rows come in parts, then in chunks, group by group. */
export interface StreamedDataset {
  /** Its tables (in order: the parted tables, then the groups' tables one after another) have no rows. */
  dataset: Dataset;
  /** Tables published in a part per publisher (none: every table is whole). */
  parts?: PartedTables;
  groups: TableGroup[];
}

/**
 * The figures a dataset publishes, as a count and an order-free digest of their keys: enough
 * to check that the figures of datasets taken over from the previous build, with those of the
 * datasets made, are the model's figures each once (see `conservation`).
 */
export interface Owned {
  figures: number;
  digest: string;
}

/** A dataset before its tables are made: everything it says of itself, what it reads, how to make it. */
export interface PlannedDataset {
  /** The dataset without its tables (`tables` is empty): final before any row is made. */
  description: Dataset;
  /**
   * The source files its tables are made from, when they alone (with the description, the
   * portal's own files, the settings and the code) decide its files: its documents' files and
   * its publisher's. Undefined for datasets made from the whole model (registers, the shared
   * indicators), which are always made.
   */
  reads: string[] | undefined;
  /** Its tables made now; its figures counted as published. */
  derive(): { dataset: Dataset; owned: Owned };
  /** Its figures counted as published without making it, as the previous build counted them. */
  takeOver(owned: Owned): void;
}

export interface Derivation {
  /** Made one at a time as they are read, so only the dataset being written holds its rows. */
  datasets: Iterable<Dataset>;
  /** The same datasets, each made only when asked (read one or the other, not both). */
  planned: Iterable<PlannedDataset>;
  /** The portal-wide package: every row of the portal once more, made a chunk at a time. */
  portal: StreamedDataset;
  /** Figures published in no row, or in more than one (must be empty); complete once datasets is read through. */
  conservation(): string[];
}

export const FREQUENCY_TITLES: Record<Frequency, string> = {
  'more than once a day': 'Більш як один раз на день',
  'once a day': 'Щодня',
  'once a week': 'Щотижня',
  'once a month': 'Щомісяця',
  'once a quarter': 'Щокварталу',
  'once a half year': 'Кожного півріччя',
  'once a year': 'Щороку',
  'immediately after making changes': 'Відразу після внесення змін',
  'no longer updated': 'Більше не оновлюється',
};

export const PORTAL_DATASET_TITLE = 'Усі дані порталу';

export function deriveDatasets({ model, reconciliation, history, urls, versions }: DeriveInput): Derivation {
  const changesOf = (name: string, files: string[]) => history.changes(files).map((version) => datasetVersion(name, version, versions));
  const publishers = new Map(model.publishers.map((publisher) => [publisher.id, publisher]));
  const documents = new Map(model.documents.map((document) => [document.id, document]));
  const owners = new Map<string, string[]>();
  const taken: { plan: PlannedDataset; owned: Owned }[] = [];
  let finished = false;

  const sourcesOf = (ids: Iterable<string>) => sourceRefs(ids, documents, urls);
  const filesOf = (ids: Iterable<string>, publisher?: string) => [
    ...[...new Set(ids)].flatMap((id) => documents.get(id)?.files ?? []),
    ...(publisher ? [`${publisher}/publisher.yaml`, `${publisher}/datasets.yaml`] : ['portal.yaml']),
  ];
  const own = (dataset: string, derived: Derived[]): Owned => {
    const owned = ownedDigest();
    for (const { owns } of derived) {
      for (const key of owns) {
        owned.add(key);
        const homes = owners.get(key);
        if (homes) homes.push(dataset);
        else owners.set(key, [dataset]);
      }
    }
    return owned.end();
  };
  /** A dataset made from its description and tables, its figures counted. */
  const plan = (description: Dataset, reads: string[] | undefined, tables: () => Derived[]): PlannedDataset => {
    const self: PlannedDataset = {
      description,
      reads,
      derive() {
        const derived = tables();
        return { dataset: { ...description, tables: derived.map((d) => d.table) }, owned: own(description.name, derived) };
      },
      takeOver: (owned) => void taken.push({ plan: self, owned }),
    };
    return self;
  };

  function* planned(): Generator<PlannedDataset> {
    const index = indexModel(model, reconciliation);
    // The registers describe the datasets; they do not need their rows.
    const described: Dataset[] = [];
    for (const entry of model.catalog) {
      const publisher = publishers.get(entry.publisher)!;
      const derived = entry.programme !== undefined ? programmeDataset(entry, urls, index) : indicatorsDataset(entry, reconciliation, urls, index);
      const sourceFiles = filesOf(derived.documents, entry.publisher);
      const times = history.of(sourceFiles);
      const dataset: Dataset = {
        ...entryDataset(entry, publisher),
        temporal: derived.temporal,
        created: times.created,
        modified: times.modified,
        version: `1.0.${times.revisions}`,
        sources: sourcesOf(derived.documents),
        tables: [],
        changes: changesOf(entry.name, sourceFiles),
      };
      described.push(dataset);
      yield plan(dataset, sourceFiles, derived.tables);
    }

    if (model.indicators.length > 0) {
      const derived = comparisonDataset(model, urls);
      const sourceFiles = [...filesOf(derived.documents), 'indicators.yaml'];
      const times = history.of(sourceFiles);
      const dataset = { ...derived.dataset, tables: [], created: times.created, modified: times.modified, version: `1.0.${times.revisions}`, sources: sourcesOf(derived.documents), changes: changesOf(derived.dataset.name, sourceFiles) };
      yield plan(dataset, undefined, () => derived.tables);
    }

    const byPublisher = groupBy(described, (dataset) => dataset.publisher?.id);
    for (const publisher of model.publishers) {
      const own = byPublisher.get(publisher.id) ?? [];
      const registerFiles = [`${publisher.id}/publisher.yaml`, `${publisher.id}/datasets.yaml`];
      const times = history.of(registerFiles);
      const title = `Реєстр наборів даних: ${publisher.name.uk}`;
      const spans = own.flatMap((dataset) => (dataset.temporal ? [dataset.temporal] : []));
      const registerName = ckanName(`Реєстр наборів даних ${publisher.name.uk}`);
      const register: Dataset = {
        name: registerName,
        id: uuidV5(`${publisher.id}/register`),
        kind: 'register',
        title,
        description: `Перелік наборів даних, які оприлюднює ${publisher.name.uk}: назва, опис, частота оновлення, підстава збору, формати, відповідальна особа.`,
        keywords: ['реєстр наборів даних', 'відкриті дані', publisher.community.uk],
        themes: ['GOVE'],
        frequency: 'immediately after making changes',
        purpose: 'Постанова Кабінету Міністрів України від 21.10.2015 № 835: оприлюднення переліку наборів даних розпорядника.',
        publisher: publisherRef(publisher),
        temporal: spans.length ? { start: spans.map((s) => s.start).sort()[0]!, end: spans.map((s) => s.end).sort().at(-1)! } : undefined,
        created: times.created,
        modified: times.modified,
        version: `1.0.${times.revisions}`,
        sources: [],
        tables: [],
        changes: changesOf(registerName, registerFiles),
      };
      yield plan(register, undefined, () => [{ table: registerTable(own, publisher, urls), owns: [] }]);
    }

    finished = true;
  }

  function* datasets(): Generator<Dataset> {
    for (const one of planned()) yield one.derive().dataset;
  }

  return {
    datasets: datasets(),
    planned: planned(),
    portal: portalPackage(model, reconciliation, history, urls, versions, groupBy(model.catalog.map((entry) => entryDataset(entry, publishers.get(entry.publisher)!)), (d) => d.publisher?.id), sourcesOf),
    conservation() {
      if (!finished) throw new Error('conservation() is known only after every dataset has been derived');
      // Figures of datasets taken over: as many, and the same, as those no dataset made here publishes.
      if (taken.length > 0) {
        const unowned = ownedDigest();
        for (const figure of model.figures) if (!owners.has(figure.key)) unowned.add(figure.key);
        const expected = unowned.end();
        const counted = sumOwned(taken.map((one) => one.owned));
        // Either way, each figure's homes are then named below; if they differ, the datasets taken over are made again to name them.
        if (counted.figures !== expected.figures || counted.digest !== expected.digest) for (const one of taken.splice(0)) one.plan.derive();
      }
      const problems: string[] = [];
      for (const figure of model.figures) {
        const homes = owners.get(figure.key) ?? [];
        if (homes.length === 1 || (homes.length === 0 && taken.length > 0)) continue;
        problems.push(`${figure.origin.file}:${figure.origin.line ?? '?'} ${figure.origin.path} ("${figure.printed}") is published in ${homes.length === 0 ? 'no dataset' : homes.join(', ')}`);
      }
      return problems;
    },
  };
}

/**
 * A digest of a set of figure keys that does not depend on their order and adds up: the sum,
 * modulo 2^128, of each key's SHA-256 cut to 128 bits. Two lists of keys with the same count
 * and sum are the same list but by a chance of 2^-128 or so.
 */
function ownedDigest() {
  let figures = 0;
  let sum = 0n;
  return {
    add(key: string) {
      figures++;
      sum = (sum + BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 32)}`)) & MASK_128;
    },
    end: (): Owned => ({ figures, digest: sum.toString(16).padStart(32, '0') }),
  };
}

const MASK_128 = (1n << 128n) - 1n;

function sumOwned(all: Owned[]): Owned {
  let figures = 0;
  let sum = 0n;
  for (const one of all) {
    figures += one.figures;
    sum = (sum + BigInt(`0x${one.digest}`)) & MASK_128;
  }
  return { figures, digest: sum.toString(16).padStart(32, '0') };
}

/** What the register tables read of a catalogue entry, before anything is derived. */
function entryDataset(entry: CatalogEntry, publisher: Publisher): Dataset {
  return {
    name: entry.name,
    id: entry.id,
    kind: entry.programme !== undefined ? 'programme' : 'indicators',
    title: entry.title,
    description: entry.description,
    keywords: entry.keywords,
    themes: entry.themes,
    frequency: entry.frequency,
    purpose: entry.purpose,
    publisher: publisherRef(publisher),
    temporal: undefined,
    created: '',
    modified: '',
    version: '',
    sources: [],
    tables: [],
    changes: [],
  };
}

function sourceRefs(ids: Iterable<string>, documents: Map<string, SourceDocument>, urls: Urls): SourceRef[] {
  return [...new Set(ids)].sort().map((id) => {
    const document = documents.get(id)!;
    return { id, title: document.title, kind: document.kind, number: document.number, date: document.date, path: urls.report(id), url: document.url };
  });
}

function publisherRef(publisher: Publisher): PublisherRef {
  return {
    id: publisher.id,
    name: publisher.name,
    edrpou: publisher.edrpou,
    katottg: publisher.katottg,
    koatuu: publisher.koatuu,
    website: publisher.website,
    contact: { name: publisher.contact.name, email: publisher.contact.email },
  };
}

interface DerivedDataset {
  /** Made when called: what the dataset reads is known before. */
  tables: () => Derived[];
  documents: string[];
  temporal: { start: string; end: string } | undefined;
}

/** The model grouped once, for per-dataset look-ups. */
export interface ModelIndex {
  programmes: Map<string, Model['programmes'][number]>;
  /** Figures placed under a programme's directions, in reading order (derive/result-tables.ts). */
  resultsByProgramme: Map<string, Model['observations']>;
  documents: Map<string, SourceDocument>;
  executionsByProgramme: Map<string, Model['executions']>;
  comparisonsByProgramme: Map<string, Reconciliation['comparisons']>;
  notesByProgramme: Map<string | undefined, Reconciliation['notes']>;
  notesByDocument: Map<string, Reconciliation['notes']>;
  observationsByDocument: Map<string, Model['observations']>;
  totalsByDocument: Map<string, Model['statedTotals']>;
}

export function indexModel(model: Model, reconciliation: Reconciliation): ModelIndex {
  const programmes = new Map(model.programmes.map((p) => [p.id, p]));
  return {
    programmes,
    resultsByProgramme: groupBy(orderResults(model.observations.filter((o) => o.result !== undefined), programmes), (o) => o.result!.programme),
    documents: new Map(model.documents.map((d) => [d.id, d])),
    executionsByProgramme: groupBy(model.executions, (e) => e.programme),
    comparisonsByProgramme: groupBy(reconciliation.comparisons, (c) => c.programme),
    notesByProgramme: groupBy(reconciliation.notes, (n) => n.programme),
    notesByDocument: groupBy(reconciliation.notes, (n) => n.document),
    observationsByDocument: groupBy(model.observations, (o) => o.document),
    totalsByDocument: groupBy(model.statedTotals, (t) => t.document),
  };
}

function programmeDataset(entry: CatalogEntry, urls: Urls, index: ModelIndex): DerivedDataset {
  const programme = index.programmes.get(entry.programme!)!;
  const executions = index.executionsByProgramme.get(programme.id) ?? [];
  const results = index.resultsByProgramme.get(programme.id) ?? [];
  const documentIds = [...new Set([programme.document, ...executions.map((e) => e.document), ...results.map((o) => o.document)])];
  const notes = index.notesByProgramme.get(programme.id) ?? [];
  return {
    tables: () => [
      ...programmeTables([programme], executions, index.documents, index.comparisonsByProgramme.get(programme.id) ?? []),
      // What was done, where a report says: no empty table of results, nor of results by measure.
      ...resultTables(results, index.programmes).filter((d) => d.table.rows.length > 0),
      documentsTable([...new Set(documentIds)].map((id) => index.documents.get(id)!), urls.report),
      qualityNotesTable(notes),
    ],
    documents: documentIds,
    temporal: { start: `${programme.period.start}-01-01`, end: `${programme.period.end}-12-31` },
  };
}

function indicatorsDataset(entry: CatalogEntry, reconciliation: Reconciliation, urls: Urls, index: ModelIndex): DerivedDataset {
  const ids = entry.documents;
  const observations = ids.flatMap((id) => index.observationsByDocument.get(id) ?? []);
  const notes = ids.flatMap((id) => index.notesByDocument.get(id) ?? []).filter((note) => note.programme === undefined);
  const periods = observations.map((o) => o.period);
  return {
    tables: () => [
      observationsTable(observations),
      statedTotalsTable(ids.flatMap((id) => index.totalsByDocument.get(id) ?? []), reconciliation),
      documentsTable(ids.map((id) => index.documents.get(id)!), urls.report),
      qualityNotesTable(notes),
    ],
    documents: entry.documents,
    temporal: periods.length ? { start: periods.map((p) => p.start).sort()[0]!, end: periods.map((p) => p.end).sort().at(-1)! } : undefined,
  };
}

export const COMPARISON_DATASET_TITLE = 'Спільні показники: порівняння рад і періодів';

/** The shared indicators' dataset: the vocabulary, every figure by council and period, the relations. */
function comparisonDataset(model: Model, urls: Urls): { dataset: Dataset; tables: Derived[]; documents: string[] } {
  const observations = new Map(model.observations.map((o) => [`${o.document}/${o.id}`, o]));
  const publishers = new Map(model.publishers.map((p) => [p.id, p]));
  const documents = new Map(model.documents.map((d) => [d.id, d]));
  const members = model.indicators.flatMap((indicator) => membersOf(indicator, observations));
  const related = model.relations.flatMap((relation) => relation.observations.map((ref) => observations.get(`${ref.document}/${ref.observation}`)!));
  const ids = [...new Set([...members, ...related].map((o) => o.document))].sort();
  const tables = [...comparisonTables({ indicators: model.indicators, relations: model.relations, observations, publishers, urls }), documentsTable(ids.map((id) => documents.get(id)!), urls.report)];
  const periods = members.map((o) => o.period);
  const dataset: Dataset = {
    name: ckanName(COMPARISON_DATASET_TITLE),
    id: uuidV5('portal/shared-indicators'),
    kind: 'comparison',
    title: COMPARISON_DATASET_TITLE,
    description: 'Показники, які різні документи й міські ради рахують однаково, за словником спільних показників: визначення кожного, усі його числа за радами й періодами з цитатами, а також числа, що рахують близьке, але не те саме, з різницею, сказаною словами.',
    keywords: ['спільні показники', 'порівняння', 'міські ради', 'показники', 'звіти'],
    themes: ['GOVE'],
    frequency: 'immediately after making changes',
    purpose: 'Порівняння показників звітів міських рад між радами й періодами за однаковими визначеннями.',
    publisher: undefined,
    temporal: periods.length ? { start: periods.map((p) => p.start).sort()[0]!, end: periods.map((p) => p.end).sort().at(-1)! } : undefined,
    created: '',
    modified: '',
    version: '',
    sources: [],
    tables: tables.map((d) => d.table),
    changes: [],
  };
  return { dataset, tables, documents: ids };
}

const REGISTER_FIELDS = [
  field('identifier', 'string', 'Ідентифікатор', 'Ідентифікатор набору даних (UUID)', { required: true, unique: true }),
  field('title', 'string', 'Назва', 'Назва набору даних', { required: true, maxLength: 254 }),
  field('description', 'string', 'Опис', 'Короткий опис набору даних', { required: true, maxLength: 4000 }),
  field('accrualPeriodicity', 'string', 'Частота оновлення', 'Частота оновлення набору даних', { required: true, enum: Object.values(FREQUENCY_TITLES) }),
  field('keyword', 'string', 'Ключові слова', 'Ключові слова, через «; »', { required: true }),
  field('purpose', 'string', 'Підстава та призначення збору', 'Підстава та призначення збору інформації', { required: true, maxLength: 512 }),
  field('landingPage', 'string', 'Сторінка набору', 'Посилання на сторінку набору даних', { required: true }),
  field('distributionFormat', 'string', 'Формати', 'Формати розповсюдження', { required: true }),
  field('publisherName', 'string', 'Розпорядник', 'Найменування розпорядника інформації', { required: true }),
  field('publisherIdentifier', 'string', 'Код ЄДРПОУ', 'Ідентифікаційний код розпорядника за ЄДРПОУ', { required: true, pattern: '\\d{8}' }),
  field('contactPointFn', 'string', 'Відповідальна особа', 'Відповідальна особа розпорядника', { required: true }),
  field('contactPointHasEmail', 'string', 'Електронна пошта', 'Електронна пошта відповідальної особи', { required: true }),
];

function registerTable(datasets: Dataset[], publisher: Publisher, urls: Urls): Table {
  return {
    name: 'register',
    title: 'Реєстр наборів даних',
    description: `Набори даних, які оприлюднює ${publisher.name.uk}, у полях реєстру наборів даних розпорядника.`,
    schema: schema(REGISTER_FIELDS, { primaryKey: ['identifier'] }),
    rows: datasets.map((dataset) => ({
      identifier: dataset.id,
      title: dataset.title,
      description: dataset.description,
      accrualPeriodicity: FREQUENCY_TITLES[dataset.frequency],
      keyword: dataset.keywords.join('; '),
      purpose: dataset.purpose,
      landingPage: urls.dataset(dataset.name),
      distributionFormat: 'CSV, JSON, XLSX',
      publisherName: publisher.name.uk,
      publisherIdentifier: publisher.edrpou,
      contactPointFn: publisher.contact.name,
      contactPointHasEmail: publisher.contact.email,
    })),
  };
}

function portalPackage(model: Model, reconciliation: Reconciliation, history: History, urls: Urls, versions: VersionChanges | undefined, byPublisher: Map<string | undefined, Dataset[]>, sourcesOf: (ids: Iterable<string>) => SourceRef[]): StreamedDataset {
  const all = new Set(model.documents.map((document) => document.id));
  const portalFiles = model.documents.flatMap((document) => document.files).concat(['portal.yaml']);
  const times = history.of(portalFiles);
  const publishers: Table = {
    name: 'publishers',
    title: 'Розпорядники',
    description: 'Міські ради, дані яких опубліковано: назви, коди ЄДРПОУ і КАТОТТГ, сайт, контакт.',
    schema: schema(
      [
        field('publisher_id', 'string', 'Розпорядник', 'Ідентифікатор', { required: true }),
        field('name_uk', 'string', 'Назва', 'Назва українською', { required: true }),
        field('name_en', 'string', 'Назва англійською', 'Назва англійською', { required: true }),
        field('edrpou', 'string', 'Код ЄДРПОУ', 'Ідентифікаційний код за ЄДРПОУ', { required: true, pattern: '\\d{8}' }),
        field('katottg', 'string', 'Код КАТОТТГ', 'Код громади за Кодифікатором адміністративно-територіальних одиниць', { required: true, pattern: 'UA\\d{17}' }),
        field('koatuu', 'string', 'Код КОАТУУ', 'Код за застарілим КОАТУУ', { pattern: '\\d{10}' }),
        field('website', 'string', 'Сайт', 'Офіційний сайт', { required: true }),
        field('contact_name', 'string', 'Контакт', 'Відповідальна особа або підрозділ', { required: true }),
        field('contact_email', 'string', 'Електронна пошта', 'Електронна пошта', { required: true }),
      ],
      { primaryKey: ['publisher_id'] },
    ),
    rows: [],
  };
  const documents = new Map(model.documents.map((d) => [d.id, d]));
  const parts = portalParts(model, reconciliation, urls, documents, publishers, byPublisher);
  // Tables that hold more than one publisher's rows in one row stay whole.
  const groups: TableGroup[] = model.indicators.length > 0 ? comparisonTables({ indicators: model.indicators, relations: model.relations, observations: new Map(model.observations.map((o) => [`${o.document}/${o.id}`, o])), publishers: new Map(model.publishers.map((p) => [p.id, p])), urls }).map((d) => whole(d.table)) : [];
  const years = model.documents.map((d) => d.period);
  const dataset: Dataset = {
    name: ckanName(PORTAL_DATASET_TITLE),
    id: uuidV5('portal/all'),
    kind: 'portal',
    title: PORTAL_DATASET_TITLE,
    description: `${model.portal?.description ?? ''} Усі таблиці всіх наборів даних порталу в одному пакеті.`.trim(),
    keywords: ['відкриті дані', 'міські ради', 'програми', 'звіти', 'показники'],
    themes: ['GOVE'],
    frequency: 'immediately after making changes',
    purpose: 'Зведене оприлюднення всіх наборів даних порталу для повторного використання.',
    publisher: undefined,
    temporal: years.length ? { start: years.map((p) => p.start).sort()[0]!, end: years.map((p) => p.end).sort().at(-1)! } : undefined,
    created: times.created,
    modified: times.modified,
    version: `1.0.${times.revisions}`,
    sources: sourcesOf(all),
    tables: [...parts.tables, ...groups.flatMap((group) => group.tables)],
    changes: history.changes(portalFiles).map((version) => portalVersion(version, versions)),
    parts: model.publishers.map((publisher) => ({ id: publisher.id, title: publisher.name.uk })),
  };
  return { dataset, parts, groups };
}

function whole(table: Table): TableGroup {
  return {
    tables: [{ ...table, rows: [] }],
    *chunks() {
      yield [table.rows];
    },
  };
}

/** A publisher's row of the portal-wide `publishers` table. */
function publisherRow(p: Publisher): Row {
  return {
    publisher_id: p.id,
    name_uk: p.name.uk,
    name_en: p.name.en,
    edrpou: p.edrpou,
    katottg: p.katottg,
    koatuu: p.koatuu ?? null,
    website: p.website,
    contact_name: p.contact.name,
    contact_email: p.contact.email,
  };
}

/**
 * The portal-wide package's tables that hold one publisher's rows per row, made publisher by
 * publisher: each part is one publisher's rows of every such table, so that only the rows of
 * the publisher being made are held, and a part whose rows did not change is taken over.
 */
function portalParts(model: Model, reconciliation: Reconciliation, urls: Urls, documents: Map<string, SourceDocument>, publishers: Table, byPublisher: Map<string | undefined, Dataset[]>): PartedTables {
  const programmes = new Map(model.programmes.map((p) => [p.id, p]));
  const publisherOf = (document: string) => documents.get(document)?.publisher;
  const results = orderResults(model.observations.filter((o) => o.result !== undefined), programmes);
  const withResults = results.length > 0;
  const dimensions = observationDimensions(model.observations);
  const index = {
    programmes: groupBy(model.programmes, (p) => p.publisher),
    executions: groupBy(model.executions, (e) => programmes.get(e.programme)?.publisher),
    comparisons: groupBy(reconciliation.comparisons, (c) => programmes.get(c.programme)?.publisher),
    results: groupBy(results, (o) => programmes.get(o.result!.programme)?.publisher),
    observations: groupBy(model.observations, (o) => publisherOf(o.document)),
    totals: groupBy(model.statedTotals, (t) => publisherOf(t.document)),
    documents: groupBy(model.documents, (d) => d.publisher),
    notes: groupBy(reconciliation.notes, (n) => (n.programme !== undefined ? programmes.get(n.programme)?.publisher : publisherOf(n.document))),
  };
  const readsOf = (id: string) => [`${id}/publisher.yaml`, `${id}/datasets.yaml`, ...(index.documents.get(id) ?? []).flatMap((document) => document.files)];
  const tablesOf = (publisher: Publisher | undefined): Table[] => {
    const id = publisher?.id;
    return [
      ...programmeTables(index.programmes.get(id ?? '') ?? [], index.executions.get(id) ?? [], documents, index.comparisons.get(id) ?? []).map((d) => d.table),
      ...(withResults ? resultTables(index.results.get(id) ?? [], programmes).map((d) => d.table) : []),
      observationsTable(index.observations.get(id) ?? [], dimensions).table,
      statedTotalsTable(index.totals.get(id) ?? [], reconciliation).table,
      documentsTable(index.documents.get(id ?? '') ?? [], urls.report).table,
      qualityNotesTable(index.notes.get(id) ?? []).table,
      { ...publishers, rows: publisher ? [publisherRow(publisher)] : [] },
      {
        ...(publisher ? registerTable(byPublisher.get(publisher.id) ?? [], publisher, urls) : { ...publishers, schema: schema(REGISTER_FIELDS, { primaryKey: ['identifier'] }), rows: [] }),
        name: 'datasets',
        title: 'Набори даних порталу',
        description: 'Усі набори даних порталу в полях реєстру наборів даних.',
      },
    ];
  };
  return {
    tables: tablesOf(undefined).map((table) => ({ ...table, rows: [] })),
    *parts() {
      for (const publisher of model.publishers) {
        const part = { id: publisher.id, title: publisher.name.uk };
        yield { ...part, reads: readsOf(publisher.id), derive: () => ({ ...part, rows: tablesOf(publisher).map((table) => table.rows) }) };
      }
    },
  };
}
