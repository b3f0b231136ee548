/**
 * A seeded, deterministic synthetic corpus in the real authoring format (docs/authoring.md),
 * for benchmarking the build at 1 000 / 10 000 / 40 000 datasets.
 *
 *   generateCorpus({ datasets: 1000, seed: 1 })  →  Map<relative path, file text>
 *   corpusFiles({ datasets, seed }, stats)       →  the same files one by one (constant memory)
 *
 * Shape: one portal.yaml; max(3, datasets / 25) councils, each with publisher.yaml and a
 * datasets.yaml covering every programme and every document with observations exactly once.
 * About half the datasets are programmes (a decision with programme.yaml: passport, funding
 * by year and source, 1–3 annexes of directions and measures, plus 1–2 execution reports),
 * the other half indicators (a report or presentation with observations and stated totals).
 * About 5 % of programmes print a total that differs from its parts, and about a quarter of
 * stated totals do not add up, so reconciliation has something to find.
 *
 * Pure: the same options give the same bytes. Randomness is xoshiro128** seeded per
 * publisher from the seed, never Math.random or the clock.
 */
import { ckanName, transliterate } from '../publish/translit.ts';
import { uuidV5 } from '../publish/uuid.ts';
import {
  BASIS,
  CONTACT_UNITS,
  DEPARTMENTS,
  DIMENSIONS,
  DISTRICTS,
  FUNDING_SECTIONS,
  OBLASTS,
  PROGRAMME_TOPICS,
  QUARTERS,
  SECTIONS,
  STREETS,
  TIMELINES,
  TOWN_PREFIXES,
  TOWN_ROOTS,
  TOWN_SUFFIXES,
  type ProgrammeTopic,
  type SectionTemplate,
  type SingleSpec,
  UNIT_FORMS,
} from './words.ts';
import { reportResults, sharedIndicators, sharedMembers, type SharedMembers } from './results.ts';

export interface CorpusOptions {
  /** Datasets across all datasets.yaml files; at least 1. */
  datasets: number;
  seed: number;
}

export interface CorpusStats {
  publishers: number;
  datasets: number;
  programmeDatasets: number;
  indicatorDatasets: number;
  documents: number;
  programmes: number;
  executions: number;
  observations: number;
  statedTotals: number;
  files: number;
  bytes: number;
}

export function emptyStats(): CorpusStats {
  return { publishers: 0, datasets: 0, programmeDatasets: 0, indicatorDatasets: 0, documents: 0, programmes: 0, executions: 0, observations: 0, statedTotals: 0, files: 0, bytes: 0 };
}

/** The whole corpus in memory: relative path → file text. */
export function generateCorpus(options: CorpusOptions): Map<string, string> {
  return new Map(corpusFiles(options));
}

/** The corpus file by file, portal first, then each publisher's folder; `stats` is filled as it goes. */
export function* corpusFiles(options: CorpusOptions, stats: CorpusStats = emptyStats()): Generator<[string, string]> {
  const total = Math.floor(options.datasets);
  if (!Number.isFinite(total) || total < 1) throw new Error(`datasets must be a whole number ≥ 1, got ${options.datasets}`);
  if (!Number.isFinite(options.seed)) throw new Error(`seed must be a number, got ${options.seed}`);
  const seed = Math.floor(options.seed) >>> 0;

  const emit = (path: string, text: string): [string, string] => {
    stats.files++;
    stats.bytes += utf8Length(text);
    return [path, text];
  };

  yield emit('portal.yaml', portalYaml(total, seed));
  yield emit('units.yaml', unitsYaml());
  const councils = makeCouncils(total, seed);
  stats.publishers = councils.length;
  const shared = sharedMembers();
  for (const council of councils) {
    const rng = new Random(seed, 1000 + council.index);
    for (const [path, text] of councilFiles(council, rng, seed, stats, shared)) yield emit(path, text);
  }
  const indicators = sharedIndicators(shared);
  if (indicators) yield emit('indicators.yaml', toYaml(indicators));
}

// ======================================================================== random

/** xoshiro128**, seeded through splitmix32 from (seed, stream). */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    let x = (fmix(fmix(seed ^ 0x2545f491) + Math.imul(stream, 0x9e3779b1)) + stream) >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result / 4294967296;
  }

  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** k distinct items, in random order. */
  sample<T>(list: readonly T[], k: number): T[] {
    const copy = [...list];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Log-uniform in [lo, hi]: as many small figures as large ones, like real reports. */
  logInt(lo: number, hi: number): number {
    return Math.max(lo, Math.min(hi, Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))))));
  }

  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
}

/** murmur3's finalizer: a bijection on 32 bits that spreads every input bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

// ===================================================================== figures

const SPACE = ' ';
const NBSP = '\u00a0';

/** "1234567" → "1 234 567". */
function grouped(digits: string, separator = SPACE): string {
  let out = '';
  const head = digits.length % 3 || 3;
  out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

/** An amount kept as whole units of its last printed digit: (7467390, 1) → "746 739,0". */
function printScaled(units: number, decimals: number, separator = SPACE): string {
  if (decimals === 0) return grouped(String(units), separator);
  const text = String(units).padStart(decimals + 1, '0');
  return `${grouped(text.slice(0, -decimals), separator)},${text.slice(-decimals)}`;
}

/** A count as reports print it: bare, grouped, with a non-breaking space, or run together. */
function printCount(rng: Random, n: number): string | number {
  if (n < 1000) return rng.chance(0.6) ? n : String(n);
  const r = rng.next();
  if (r < 0.75) return grouped(String(n));
  if (r < 0.85) return grouped(String(n), NBSP);
  return String(n);
}

/** "близько 6,5 тис." / "близько 460": a rounded count that agrees with n within what it claims. */
function approxCount(n: number): string {
  if (n >= 1000) {
    const tenths = Math.round(n / 100);
    return `близько ${printScaled(tenths, 1).replace(/,0$/, '')} тис.`;
  }
  return `близько ${Math.round(n / 10) * 10}`;
}

function moreThan(n: number): string {
  if (n >= 10000) {
    const tenths = Math.floor((n - 1) / 100);
    return `понад ${printScaled(tenths, 1).replace(/,0$/, '')} тис.`;
  }
  const step = n >= 1000 ? 100 : 10;
  return `понад ${grouped(String(Math.max(1, Math.floor((n - 1) / step) * step)))}`;
}

function lessThan(n: number): string {
  const step = n >= 1000 ? 100 : 10;
  return `менше ${grouped(String((Math.floor(n / step) + 1) * step))}`;
}

function percent(rng: Random, lo: number, hi: number): string {
  if (rng.chance(0.5)) return `${rng.int(lo, hi)}%`;
  const tenths = rng.int(lo * 10, Math.min(hi * 10, 999));
  return `${printScaled(tenths, 1)}%`;
}

// ========================================================================== yaml

/** A string always written in double quotes: printed figures. */
class Quoted {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** A list or map written inline: [a, b] or { key: value }. */
class Inline {
  readonly value: readonly YScalar[] | Readonly<Record<string, YScalar>>;
  constructor(value: readonly YScalar[] | Readonly<Record<string, YScalar>>) {
    this.value = value;
  }
}

type YScalar = string | number | Quoted;
type YValue = YScalar | Inline | YMap | YValue[];
interface YMap {
  [key: string]: YValue | undefined;
}

const q = (text: string) => new Quoted(text);
const fig = (value: string | number): YScalar => (typeof value === 'number' ? value : q(value));
const inline = (value: readonly YScalar[] | Readonly<Record<string, YScalar>>) => new Inline(value);

const PLAIN_START = /^[\p{L}«(№]/u;
/** What a plain scalar may not hold: ": ", " #", a trailing colon or space, line breaks, quotes, backslashes. */
const PLAIN_UNSAFE = /: |\s#|:$|\s$|[\n\r\t"\\]/;
const FLOW_UNSAFE = /[,[\]{}]/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

function plainSafe(text: string, flow: boolean): boolean {
  if (!PLAIN_START.test(text) || PLAIN_UNSAFE.test(text)) return false;
  if (text.length <= 5 && RESERVED.test(text)) return false;
  return !(flow && FLOW_UNSAFE.test(text));
}

function quote(text: string): string {
  const json = JSON.stringify(text);
  return json.includes('\u00a0') ? json.replace(/\u00a0/g, '\\u00a0') : json;
}

function scalar(value: YScalar, flow: boolean): string {
  if (typeof value === 'number') return String(value);
  if (value instanceof Quoted) return quote(value.text);
  return plainSafe(value, flow) ? value : quote(value);
}

const keys = new Map<string, string>();

function keyText(key: string): string {
  let text = keys.get(key);
  if (text === undefined) {
    text = /^[a-z_][a-z0-9_-]*$/i.test(key) ? key : quote(key);
    keys.set(key, text);
  }
  return text;
}

function isInlineValue(value: YValue): value is YScalar | Inline {
  return typeof value === 'string' || typeof value === 'number' || value instanceof Quoted || value instanceof Inline;
}

function inlineText(value: YScalar | Inline): string {
  if (!(value instanceof Inline)) return scalar(value, false);
  if (Array.isArray(value.value)) return `[${(value.value as YScalar[]).map((item) => scalar(item, true)).join(', ')}]`;
  const entries = Object.entries(value.value as Record<string, YScalar>);
  return `{ ${entries.map(([k, v]) => `${keyText(k)}: ${scalar(v, true)}`).join(', ')} }`;
}

function writeMap(map: YMap, pad: string, out: string[], first = pad): void {
  let prefix = first;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    if (isInlineValue(value)) out.push(`${prefix}${keyText(key)}: ${inlineText(value)}`);
    else if (Array.isArray(value)) {
      out.push(`${prefix}${keyText(key)}:`);
      writeSeq(value, pad + '  ', out);
    } else {
      out.push(`${prefix}${keyText(key)}:`);
      writeMap(value, pad + '  ', out);
    }
    prefix = pad;
  }
}

function writeSeq(list: YValue[], pad: string, out: string[]): void {
  for (const item of list) {
    if (isInlineValue(item)) out.push(`${pad}- ${inlineText(item)}`);
    else if (Array.isArray(item)) throw new Error('nested lists are not part of the format');
    else writeMap(item, pad + '  ', out, `${pad}- `);
  }
}

export function toYaml(map: YMap): string {
  const out: string[] = [];
  writeMap(map, '', out);
  return out.join('\n') + '\n';
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

// ======================================================================== text

const slugCache = new Map<string, string>();

/** Latin slug of Ukrainian text, cached: transliteration is the slowest step of generation. */
function slug(text: string): string {
  let value = slugCache.get(text);
  if (value === undefined) {
    value = ckanName(text) || 'x';
    if (slugCache.size < 50000) slugCache.set(text, value);
  }
  return value;
}

/** An id of at most `max` characters, cut at a hyphen. */
function clampId(id: string, max = 80): string {
  if (id.length <= max) return id;
  const cut = id.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 20 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** The first id not yet in `used`: id, id-2, id-3… */
function unique(id: string, used: Set<string>, max = 80): string {
  let candidate = clampId(id, max);
  for (let n = 2; used.has(candidate); n++) candidate = `${clampId(id, max - String(n).length - 1)}-${n}`;
  used.add(candidate);
  return candidate;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const pad2 = (n: number) => String(n).padStart(2, '0');

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// ====================================================================== portal

function portalYaml(datasets: number, seed: number): string {
  return toYaml({
    title: 'Відкриті дані міських рад: синтетичний корпус',
    title_en: 'Open data of city councils: synthetic corpus',
    description: `Синтетичний корпус для вимірювання швидкості збирання: ${datasets} наборів даних, зерно ${seed}. Ради, коди, документи й числа вигадані; збіг із реальними назвами випадковий.`,
    // No address of its own: the benchmark builds it as a local build (SITE_URL publishes it).
    base_path: '/',
  });
}

/** units.yaml: every counted unit the corpus's figures use, with its forms. */
function unitsYaml(): string {
  return toYaml({ units: UNIT_FORMS.map(([unit, one, few, other]) => inline({ unit, one, few, other })) });
}

// ==================================================================== councils

interface Council {
  index: number;
  id: string;
  slug: string;
  town: string;
  /** «Новоселицька» */
  adjective: string;
  /** «Новоселицької» */
  adjectiveGenitive: string;
  latin: string;
  oblast: (typeof OBLASTS)[number];
  edrpou: string;
  katottg: string;
  koatuu: string | undefined;
  districts: string[];
  datasets: number;
}

function makeCouncils(total: number, seed: number): Council[] {
  const rng = new Random(seed, 1);
  const count = Math.min(total, Math.max(3, Math.round(total / 25)));
  const shares = allocate(rng, total, count);
  const names = new Set<string>();
  const slugs = new Set<string>();
  const codes = new Set<string>();
  const councils: Council[] = [];
  for (let index = 0; index < count; index++) {
    let town = '';
    let adjective = '';
    let adjectiveGenitive = '';
    let townSlug = '';
    for (let attempt = 0; ; attempt++) {
      const suffix = rng.pick(TOWN_SUFFIXES);
      const prefix = rng.pick(TOWN_PREFIXES);
      // After many tries (thousands of councils), two roots make the space large enough.
      const root = attempt < 30 ? rng.pick(TOWN_ROOTS) : `${rng.pick(TOWN_ROOTS)}о${rng.pick(TOWN_ROOTS)}`;
      const stem = capitalize(prefix + root);
      town = stem + suffix.name;
      adjective = stem + suffix.adjective;
      adjectiveGenitive = stem + suffix.adjectiveGenitive;
      townSlug = slug(town);
      // Unique town, council name and both slugs: the register dataset is named after the council.
      if (!names.has(town) && !names.has(adjective) && !slugs.has(townSlug) && !slugs.has(`=${slug(adjective)}`) && townSlug.length <= 30) break;
    }
    names.add(town);
    names.add(adjective);
    slugs.add(townSlug);
    slugs.add(`=${slug(adjective)}`);
    const oblast = rng.pick(OBLASTS);
    let edrpou = '';
    do edrpou = edrpouCode(rng);
    while (codes.has(edrpou));
    codes.add(edrpou);
    const katottg = `UA${oblast.code}${pad2(rng.int(2, 18))}${String(rng.int(1, 150)).padStart(3, '0')}0000${String(rng.int(0, 999999)).padStart(6, '0')}`;
    const koatuu = rng.chance(0.4) ? `${oblast.code}${rng.int(10, 99)}${rng.int(10000, 99999)}0` : undefined;
    councils.push({
      index,
      id: `${townSlug}-city-council`,
      slug: townSlug,
      town,
      adjective,
      adjectiveGenitive,
      latin: transliterate(town),
      oblast,
      edrpou,
      katottg,
      koatuu,
      districts: rng.sample(DISTRICTS, rng.int(3, 8)),
      datasets: shares[index]!,
    });
  }
  return councils;
}

/** Splits total into count shares of at least 1, uneven like real councils. */
function allocate(rng: Random, total: number, count: number): number[] {
  const weights = Array.from({ length: count }, () => 0.3 + rng.next() * rng.next() * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - count;
  const shares = weights.map((w) => 1 + Math.floor((spare * w) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % count, left--) shares[i]!++;
  return shares;
}

/** An 8-digit ЄДРПОУ code with its check digit computed the way the register does. */
function edrpouCode(rng: Random): string {
  const body = String(rng.int(200000, 4499999)).padStart(7, '0');
  const digits = [...body].map(Number);
  const value = Number(body) * 10;
  const base = value < 30000000 || value > 60000000 ? [1, 2, 3, 4, 5, 6, 7] : [7, 1, 2, 3, 4, 5, 6];
  let check = digits.reduce((s, d, i) => s + d * base[i]!, 0) % 11;
  if (check === 10) {
    check = digits.reduce((s, d, i) => s + d * (base[i]! + 2), 0) % 11;
    if (check === 10) check = 0;
  }
  return body + String(check);
}

function publisherYaml(council: Council, rng: Random): string {
  const phone = council.oblast.phone.length === 2
    ? `+380 ${council.oblast.phone} ${rng.int(200, 799)} ${pad2(rng.int(0, 99))} ${pad2(rng.int(0, 99))}`
    : `+380 ${council.oblast.phone} ${pad2(rng.int(20, 79))} ${pad2(rng.int(0, 99))} ${pad2(rng.int(0, 99))}`;
  return toYaml({
    id: council.id,
    name: inline({ uk: `${council.adjective} міська рада`, en: `${council.latin} City Council` }),
    kind: 'city_council',
    community: inline({ uk: `${council.adjective} міська територіальна громада`, en: `${council.latin} city territorial community` }),
    edrpou: q(council.edrpou),
    katottg: q(council.katottg),
    koatuu: council.koatuu === undefined ? undefined : q(council.koatuu),
    website: `https://${council.slug}.example.org`,
    contact: {
      name: rng.pick(CONTACT_UNITS),
      email: `opendata@${council.slug}.example.org`,
      phone: q(phone),
    },
    address: `${rng.pick(STREETS)}, ${rng.int(1, 60)}, м. ${council.town}, ${council.oblast.name}`,
    note: 'Синтетичні дані для вимірювання швидкості збирання: назву, коди й контакти вигадано.',
  });
}

// ======================================================================= folders

interface Context {
  council: Council;
  rng: Random;
  seed: number;
  stats: CorpusStats;
  documentIds: Set<string>;
  programmeIds: Set<string>;
  datasetNames: Set<string>;
  decisionNumber: number;
  files: [string, string][];
  /** The figures of every council that count a shared indicator (indicators.yaml). */
  shared: SharedMembers;
  /** «Новоселицької міської територіальної громади» */
  communityGenitive: string;
  /** «Новоселицької міської ради» */
  councilGenitive: string;
}

interface DatasetEntry {
  name: string;
  title: string;
  description: string;
  keywords: string[];
  themes: string[];
  frequency: string;
  purpose: string;
  programme?: string;
  documents?: string[];
}

function councilFiles(council: Council, rng: Random, seed: number, stats: CorpusStats, shared: SharedMembers): [string, string][] {
  const ctx: Context = {
    council,
    rng,
    seed,
    stats,
    documentIds: new Set(),
    programmeIds: new Set(),
    datasetNames: new Set(),
    decisionNumber: rng.int(1, 600),
    files: [],
    shared,
    communityGenitive: `${council.adjectiveGenitive} міської територіальної громади`,
    councilGenitive: `${council.adjectiveGenitive} міської ради`,
  };
  ctx.files.push([`${council.id}/publisher.yaml`, publisherYaml(council, rng)]);
  // Kinds first: an execution report may give indicators only where an indicators
  // dataset of the same council can publish them (every figure in exactly one dataset).
  const kinds = Array.from({ length: council.datasets }, () => (rng.chance(0.5) ? 'programme' : 'indicators'));
  const withObservations = kinds.includes('indicators');
  const entries: DatasetEntry[] = [];
  /** Execution reports with observations, waiting for an indicators dataset. */
  const pending: string[] = [];
  for (const kind of kinds) {
    if (kind === 'programme') {
      entries.push(programmeDataset(ctx, withObservations ? pending : undefined));
      stats.programmeDatasets++;
    } else {
      entries.push(indicatorsDataset(ctx));
      stats.indicatorDatasets++;
    }
  }
  stats.datasets += entries.length;
  const indicatorEntries = entries.filter((entry) => entry.documents !== undefined);
  for (const document of pending) rng.pick(indicatorEntries).documents!.push(document);
  ctx.files.push([`${council.id}/datasets.yaml`, datasetsYaml(ctx, entries)]);
  return ctx.files;
}

function datasetsYaml(ctx: Context, entries: DatasetEntry[]): string {
  return toYaml({
    datasets: entries.map((entry): YMap => ({
      name: entry.name,
      // Most councils write the UUID down once published; some leave it to the default.
      id: ctx.rng.chance(0.85) ? uuidV5(`synthetic/${ctx.seed}/${ctx.council.id}/${entry.name}`) : undefined,
      title: entry.title,
      description: entry.description,
      keywords: inline(entry.keywords),
      themes: inline(entry.themes),
      frequency: entry.frequency,
      purpose: entry.purpose,
      programme: entry.programme,
      documents: entry.documents ? inline(entry.documents) : undefined,
    })),
  });
}

function datasetName(ctx: Context, base: string): string {
  return unique(base, ctx.datasetNames, 100);
}

function nextDecision(ctx: Context): string {
  ctx.decisionNumber += ctx.rng.int(1, 350);
  return String(ctx.decisionNumber);
}

function document(ctx: Context, id: string, fields: YMap): void {
  ctx.stats.documents++;
  ctx.files.push([`${ctx.council.id}/${id}/document.yaml`, toYaml({ id, ...fields })]);
}

// ==================================================================== programmes

const WORDS = {
  spent: { verb: 'витрачено', item: (p: string) => `За напрямом витрачено коштів на загальну суму ${p} грн.` },
  allocated: { verb: 'виділено', item: (p: string) => `На виконання заходів напряму виділено ${p} грн.` },
  cash_expenditure: { verb: 'спрямовано (касові видатки)', item: (p: string) => `Касові видатки за напрямом склали ${p} грн.` },
} as const;
type Word = keyof typeof WORDS;

interface MoneyUnit {
  unit: 'грн' | 'тис. грн';
  decimals: number;
  /** Hryvnias in one printed unit of the last digit, as kopecks. */
  kopecks: number;
  /** Range of a direction's yearly plan, in printed units of the last digit. */
  range: [number, number];
}

function moneyUnit(rng: Random): MoneyUnit {
  const r = rng.next();
  if (r < 0.45) return { unit: 'грн', decimals: 1, kopecks: 10, range: [150000, 60000000] };
  if (r < 0.65) return { unit: 'грн', decimals: 2, kopecks: 1, range: [1500000, 600000000] };
  if (r < 0.9) return { unit: 'тис. грн', decimals: 1, kopecks: 10000, range: [150, 60000] };
  return { unit: 'тис. грн', decimals: 3, kopecks: 100, range: [15000, 6000000] };
}

interface PlannedDirection {
  id: string;
  number: number;
  title: string;
  /** year → printed units; null for a dash. Absent when the annex gives no money for it. */
  planned: Map<number, number | null> | undefined;
  /** Per measure, when the annex prints money by measure. */
  measurePlans: Map<number, number | null>[] | undefined;
  measureTitles: string[];
}

interface PlannedAnnex {
  start: number;
  end: number;
  directions: PlannedDirection[];
}

const DOCUMENT_THEMES = new Set(['GOVE', 'ECON', 'SOCI', 'TECH', 'EDUC', 'REGI', 'JUST']);

const sumOf = (plan: Map<number, number | null>) => {
  let sum = 0;
  for (const units of plan.values()) sum += units ?? 0;
  return sum;
};

function programmeDataset(ctx: Context, pending: string[] | undefined): DatasetEntry {
  const { rng, council } = ctx;
  const topic = rng.pick(PROGRAMME_TOPICS);
  const years = rng.int(3, 11);
  const start = rng.int(2016, 2025);
  const end = start + years - 1;
  const decisionYear = start - 1;
  const number = nextDecision(ctx);
  const decisionDate = `${decisionYear}-${pad2(rng.int(10, 12))}-${pad2(rng.int(1, 28))}`;
  const decisionId = unique(`${council.slug}-${decisionYear}-decision-${number}`, ctx.documentIds);
  const programmeId = unique(`${council.slug}-${topic.slug}-${start}-${end}`, ctx.programmeIds, 70);
  const title = `Програма ${topic.phrase} ${ctx.communityGenitive} на ${start}–${end} роки`;
  const money = moneyUnit(rng);
  const print = (units: number | null) => (units === null || units === 0 ? '-' : printScaled(units, money.decimals));
  const source = `Бюджет ${ctx.communityGenitive}`;
  // Numbered as councils number them (a1-d1): unique within a programme only.
  const mismatch = rng.chance(0.05) ? rng.pick(['passport-total', 'passport-year', 'annex-row', 'annex-column'] as const) : undefined;
  /** A small difference, as a misprint or a late amendment leaves. */
  const off = (units: number) => Math.max(1, Math.round(units * rng.between(0.0005, 0.01)));

  // Annexes split the period into consecutive spans, as amended programmes do.
  const annexCount = Math.min(rng.int(1, 3), Math.max(1, Math.floor(years / 2)));
  const cuts = rng.sample(range(start + 1, end), annexCount - 1).sort((a, b) => a - b);
  const spans = [start, ...cuts].map((from, i) => [from, (cuts[i] ?? end + 1) - 1] as const);

  // 1. The plan: per direction (or per measure) and year, in printed units.
  const column = new Map<number, number>();
  const annexes: PlannedAnnex[] = spans.map(([from, to], a) => {
    const titles = rng.sample(topic.directions, rng.int(4, 8));
    const styles = titles.map(() => {
      const r = rng.next();
      return r < 0.15 ? 'none' : r < 0.25 ? 'measures' : 'direction';
    });
    if (!styles.includes('direction')) styles[0] = 'direction';
    const directions: PlannedDirection[] = titles.map((directionTitle, d) => {
      const measureTitles = rng.sample(topic.measures, rng.int(2, 6));
      const style = styles[d];
      const base = rng.logInt(money.range[0], money.range[1]);
      let planned: Map<number, number | null> | undefined;
      let measurePlans: Map<number, number | null>[] | undefined;
      if (style === 'direction') {
        planned = new Map();
        for (let year = from; year <= to; year++) planned.set(year, rng.chance(0.08) ? null : Math.round(base * rng.between(0.6, 1.5)));
      } else if (style === 'measures') {
        planned = new Map();
        measurePlans = measureTitles.map(() => new Map());
        for (let year = from; year <= to; year++) {
          let sum = 0;
          for (const plan of measurePlans) {
            const cell = rng.chance(0.25) ? null : Math.max(1, Math.round((base / measureTitles.length) * rng.between(0.4, 1.6)));
            plan.set(year, cell);
            sum += cell ?? 0;
          }
          planned.set(year, sum === 0 ? null : sum);
        }
      }
      return { id: clampId(`a${a + 1}-d${d + 1}`), number: d + 1, title: directionTitle, planned, measurePlans, measureTitles };
    });
    // Every year of an annex plans some money.
    const direct = directions.find((direction) => direction.planned && !direction.measurePlans)!;
    for (let year = from; year <= to; year++) {
      let sum = 0;
      for (const direction of directions) sum += direction.planned?.get(year) ?? 0;
      if (sum === 0) {
        sum = rng.logInt(money.range[0], money.range[1]);
        direct.planned!.set(year, sum);
      }
      column.set(year, sum);
    }
    return { start: from, end: to, directions };
  });

  // 2. The annexes as printed: rows, row totals, the «Усього» row.
  const annexMaps: YMap[] = annexes.map((annex, a) => {
    const totalRow: YMap = {};
    let grand = 0;
    for (let year = annex.start; year <= annex.end; year++) {
      totalRow[String(year)] = q(print(column.get(year)!));
      grand += column.get(year)!;
    }
    totalRow.total = q(print(grand));
    return {
      id: `annex-${a + 1}`,
      number: a + 1,
      title: `Додаток ${a + 1}. Напрями діяльності та заходи Програми ${topic.phrase} ${ctx.communityGenitive} на ${annex.start}–${annex.end} роки`,
      period: inline({ start: annex.start, end: annex.end }),
      unit: money.unit,
      directions: annex.directions.map((direction): YMap => ({
        id: direction.id,
        number: direction.number,
        title: direction.title,
        funding_source: direction.planned ? source : undefined,
        planned: direction.planned ? plannedMap(direction.planned, print) : undefined,
        planned_total: direction.planned ? q(print(sumOf(direction.planned))) : undefined,
        measures: direction.measureTitles.map((measureTitle, m): YMap => {
          const plan = direction.measurePlans?.[m];
          return {
            title: measureTitle,
            timeline: rng.chance(0.8) ? rng.pick(TIMELINES) : undefined,
            executors: rng.chance(0.85) ? capitalize(rng.pick(topic.executors)) : undefined,
            funding_source: plan && rng.chance(0.5) ? source : undefined,
            planned: plan ? plannedMap(plan, print) : undefined,
            planned_total: plan ? q(print(sumOf(plan))) : undefined,
            expected_result: rng.chance(0.6) ? capitalize(rng.pick(topic.results)) : undefined,
          };
        }),
      })),
      total_row: totalRow,
    };
  });
  if (mismatch === 'annex-row' || mismatch === 'annex-column') {
    const annex = rng.pick(annexMaps);
    const bump = (cell: YValue | undefined): Quoted => {
      const units = parseUnits((cell as Quoted).text);
      return q(print(units + off(units)));
    };
    if (mismatch === 'annex-row') {
      const direction = (annex.directions as YMap[]).find((map) => map.planned_total !== undefined)!;
      direction.planned_total = bump(direction.planned_total);
    } else {
      const row = annex.total_row as YMap;
      const year = Object.keys(row)[0]!;
      row[year] = bump(row[year]);
    }
  }

  // 3. The passport: each year as the annex column, split by source.
  const mix = rng.next();
  const rows: YValue[] = [];
  const sums = { total: 0, state: 0, oblast: 0, community: 0, other: 0 };
  const skewYear = mismatch === 'passport-year' ? rng.int(start, end) : undefined;
  for (let year = start; year <= end; year++) {
    let total = column.get(year)!;
    if (year === skewYear) total += off(total);
    const oblast = mix > 0.7 ? Math.round(total * rng.between(0.05, 0.3)) : 0;
    const state = mix > 0.9 ? Math.round(total * rng.between(0.05, 0.3)) : 0;
    const other = mix > 0.9 ? Math.round(total * rng.between(0, 0.05)) : 0;
    const community = total - state - oblast - other;
    sums.total += total;
    sums.state += state;
    sums.oblast += oblast;
    sums.community += community;
    sums.other += other;
    rows.push(inlineRow({ year, total: print(total), state: print(state), oblast: print(oblast), community: print(community), other: print(other) }));
  }
  const statedTotal = mismatch === 'passport-total' ? sums.total + (rng.chance(0.5) ? off(sums.total) : -off(sums.total)) : sums.total;

  const amendmentDates = rng
    .sample(range(start, Math.max(start, Math.min(end, 2025))), rng.int(0, Math.min(5, years)))
    .map((year) => `${year}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`)
    .sort();
  const amendments: YValue[] = amendmentDates.map((date) => {
    const amendmentNumber = nextDecision(ctx);
    return inline({ date: q(date), number: q(amendmentNumber), quote: `${dotted(date)} №${amendmentNumber}` });
  });

  const programme: YMap = {
    id: programmeId,
    title,
    period: inline({ start, end }),
    amendments: amendments.length > 0 ? amendments : undefined,
    basis: rng.chance(0.7) ? rng.pick(BASIS) : undefined,
    developer: topic.developer,
    executors: rng.sample(topic.executors, rng.int(1, topic.executors.length)),
    goal: topic.goal,
    expected_results: rng.sample(topic.results, rng.int(2, topic.results.length)),
    coordination: `Контроль за виконанням Програми здійснює постійна комісія ${ctx.councilGenitive}; координацію — ${topic.developer}.`,
    funding: {
      section: q(rng.pick(FUNDING_SECTIONS)),
      unit: money.unit,
      total: { value: q(print(statedTotal)), quote: `Загальний обсяг фінансування Програми: ${print(statedTotal)} ${money.unit}` },
      years: rows,
      total_row: inlineRow({ total: print(sums.total), state: print(sums.state), oblast: print(sums.oblast), community: print(sums.community), other: print(sums.other) }),
    },
    annexes: annexMaps,
  };

  const themes = topic.themes.filter((theme) => DOCUMENT_THEMES.has(theme));
  document(ctx, decisionId, {
    kind: 'decision',
    title: `Про затвердження Програми ${topic.phrase} ${ctx.communityGenitive} на ${start}–${end} роки`,
    number: q(number),
    date: q(decisionDate),
    period: q(`${start}-01-01/${end}-12-31`),
    url: rng.chance(0.5) ? `https://${council.slug}.example.org/documents/${decisionId}.pdf` : undefined,
    description: `Рішення ${ctx.councilGenitive} від ${dotted(decisionDate)} № ${number}: паспорт програми, обсяги фінансування за роками та джерелами, напрями діяльності й заходи.`,
    keywords: inline([...topic.keywords.slice(0, 2), 'цільова програма', council.town]),
    themes: inline(themes.length > 0 ? themes : ['GOVE']),
  });
  ctx.files.push([`${council.id}/${decisionId}/programme.yaml`, toYaml(programme)]);
  ctx.stats.programmes++;

  // 4. One or two execution reports for past years.
  const reportable = range(start, Math.min(end, 2025));
  const reportYears = rng.sample(reportable.length > 0 ? reportable : [start], rng.int(1, 2)).sort((a, b) => a - b);
  for (const year of reportYears) executionReport(ctx, { topic, programmeId, start, end, year, money, annexes }, pending);

  return {
    name: datasetName(ctx, `${council.slug}-prohrama-${slug(topic.phrase)}-${start}-${end}`),
    title,
    description: `Паспорт програми, затвердженої рішенням ${ctx.councilGenitive} від ${dotted(decisionDate)} № ${number}${amendments.length ? ', з усіма змінами' : ''}: обсяги фінансування за роками та джерелами, напрями, заходи, виконавці, заплановані кошти за напрямами й роками та виконання програми за звітами.`,
    keywords: [...topic.keywords, 'програма', 'бюджет', council.town],
    themes: [...topic.themes],
    frequency: 'once a year',
    purpose: 'Оприлюднення відповідно до Закону України «Про доступ до публічної інформації» для контролю громадськості за плануванням і використанням коштів бюджету громади на виконання місцевої програми.',
    programme: programmeId,
  };
}

function plannedMap(plan: Map<number, number | null>, print: (units: number | null) => string): YMap {
  const out: YMap = {};
  for (const [year, units] of plan) out[String(year)] = q(print(units));
  return out;
}

/** A passport funding row, inline as the real files write it. */
function inlineRow(row: Record<string, string | number>): Inline {
  const out: Record<string, YScalar> = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'number' ? value : q(value);
  return inline(out);
}

function parseUnits(printed: string): number {
  return printed === '-' ? 0 : Number(printed.replace(/[\s\u00a0,]/g, ''));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function dotted(date: string): string {
  return `${date.slice(8)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

interface ProgrammeFacts {
  topic: ProgrammeTopic;
  programmeId: string;
  start: number;
  end: number;
  year: number;
  money: MoneyUnit;
  annexes: PlannedAnnex[];
}

function executionReport(ctx: Context, facts: ProgrammeFacts, pending: string[] | undefined): void {
  const { rng, council } = ctx;
  const { year, money } = facts;
  const annex = facts.annexes.find((a) => year >= a.start && year <= a.end)!;
  const id = unique(`${council.slug}-${year}-${facts.topic.slug}-execution-report`, ctx.documentIds);
  const main: Word = rng.pick(['spent', 'spent', 'allocated', 'cash_expenditure'] as const);
  const items: YMap[] = [];
  let sum = 0;
  const amounts = annex.directions.map((direction): number | undefined => {
    const plan = direction.planned?.get(year);
    if (!plan || !rng.chance(0.75)) return undefined;
    const factor = rng.chance(0.05) ? rng.between(1.01, 1.15) : rng.between(0.55, 1);
    return Math.max(1, Math.round(plan * money.kopecks * factor));
  });
  if (!amounts.some((amount) => amount !== undefined)) amounts[0] = rng.logInt(1000000, 100000000);
  annex.directions.forEach((direction, d) => {
    const amount = amounts[d];
    const section = `${direction.number}. ${direction.title}`;
    if (amount === undefined) {
      items.push({ direction: direction.id, section, note: 'Суми коштів за цим напрямом у звіті не наведено.' });
      return;
    }
    sum += amount;
    const word: Word = rng.chance(0.9) ? main : rng.pick(['spent', 'allocated', 'cash_expenditure'] as const);
    const printed = printScaled(amount, 2);
    items.push({ direction: direction.id, section, amount: q(printed), word, quote: WORDS[word].item(printed) });
  });
  const stated = rng.chance(0.05) ? sum + rng.int(1, 50000) * (rng.chance(0.5) || sum < 100000 ? 1 : -1) : sum;
  const totalPrinted = printScaled(stated, 2);
  const asPrinted = rng.chance(0.1) && facts.end > facts.start + 1 ? `Програми ${facts.topic.phrase} ${ctx.communityGenitive} на ${facts.start}–${facts.end - 1} роки` : undefined;
  const reportTitle = `Звіт про виконання у ${year} році заходів Програми ${facts.topic.phrase} ${ctx.communityGenitive} на ${facts.start}–${facts.end} роки`;
  const reportDate = `${year + 1}-${pad2(rng.int(1, 3))}-${pad2(rng.int(1, 28))}`;
  document(ctx, id, {
    kind: 'execution_report',
    title: reportTitle,
    date: reportDate,
    period: year,
    author: capitalize(facts.topic.developer),
    keywords: inline(['виконання програми', ...facts.topic.keywords.slice(0, 2), q(String(year))]),
    themes: inline(['GOVE']),
  });
  ctx.files.push([
    `${council.id}/${id}/execution.yaml`,
    toYaml({
      programme: facts.programmeId,
      year,
      unit: 'грн',
      programme_title_as_printed: asPrinted,
      items,
      total: {
        amount: q(totalPrinted),
        word: main,
        quote: `Усього в ${year} році на виконання заходів Програми ${WORDS[main].verb} ${totalPrinted} грн.`,
      },
    }),
  ]);
  ctx.stats.executions++;
  // Most reports also say what was done, direction by direction; a few give other figures.
  // Either goes to an indicators dataset of the council.
  if (pending && rng.chance(0.7)) {
    const groups = reportResults(rng, { document: id, publisher: council.id, year }, annex.directions, ctx.shared);
    if (groups.length > 0) {
      ctx.files.push([`${council.id}/${id}/observations.yaml`, toYaml({ groups: groups.map((g) => ({ section: g.section, result: inline({ direction: g.direction }), observations: g.observations })) })]);
      ctx.stats.observations += groups.reduce((n, g) => n + g.observations.length, 0);
      pending.push(id);
    }
  } else if (pending && rng.chance(0.15)) {
    const period: ReportPeriod = { kind: 'year', year, label: year, words: `${year} рік`, slug: String(year), sections: 'plain' };
    writeObservations(ctx, id, period, rng.int(4, 14), rng.int(1, 3));
    pending.push(id);
  }
}

// ==================================================================== indicators

interface ReportPeriod {
  kind: 'year' | 'half' | 'nine';
  year: number;
  label: string | number;
  words: string;
  slug: string;
  sections: 'plain' | 'slides';
}

function indicatorsDataset(ctx: Context): DatasetEntry {
  const { rng, council } = ctx;
  const presentation = rng.chance(0.3);
  const year = rng.int(2019, 2025);
  const r = rng.next();
  const period: ReportPeriod =
    r < 0.6
      ? { kind: 'year', year, label: rng.chance(0.5) ? year : `${year}-01-01/${year}-12-31`, words: `${year} рік`, slug: String(year), sections: presentation ? 'slides' : 'plain' }
      : r < 0.85
        ? { kind: 'half', year, label: `${year}-01-01/${year}-06-30`, words: `I півріччя ${year} року`, slug: `${year}-h1`, sections: presentation ? 'slides' : 'plain' }
        : { kind: 'nine', year, label: `${year}-01-01/${year}-09-30`, words: `9 місяців ${year} року`, slug: `${year}-9m`, sections: presentation ? 'slides' : 'plain' };
  const department = rng.pick(DEPARTMENTS);
  const id = unique(`${council.slug}-${period.slug}-${department.slug}-${presentation ? 'presentation' : 'report'}`, ctx.documentIds);
  const title = presentation
    ? `Публічне представлення звіту про діяльність ${department.genitive} ${ctx.councilGenitive} за ${period.words}`
    : `Звіт про роботу ${department.genitive} ${ctx.councilGenitive} за ${period.words}`;
  const target = 10 + Math.floor(110 * Math.pow(rng.next(), 1.6));
  const groupCount = Math.max(3, Math.min(12, Math.round(target / 10) + rng.int(-1, 1)));
  const sections = writeObservations(ctx, id, period, target, groupCount, () => {
    document(ctx, id, {
      kind: presentation ? 'presentation' : 'activity_report',
      title,
      date: `${period.kind === 'year' ? year + 1 : year}-${pad2(period.kind === 'year' ? rng.int(1, 3) : period.kind === 'half' ? rng.int(7, 8) : rng.int(10, 11))}-${pad2(rng.int(1, 28))}`,
      period: period.label,
      url: rng.chance(0.4) ? `https://${council.slug}.example.org/documents/${id}.pdf` : undefined,
    });
  });
  const topics = sections.slice(0, 5).map((section) => section.topic.toLowerCase());
  const themes = sections.some((section) => ['social-aid', 'vpo', 'schools', 'housing'].includes(section.base)) ? ['GOVE', 'SOCI'] : ['GOVE'];
  return {
    name: datasetName(ctx, `${council.slug}-pokaznyky-${department.slug}-${period.slug}`),
    title: `Показники: ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
    description: `Числові показники ${presentation ? 'публічного представлення звіту' : 'звіту'} ${ctx.councilGenitive} за ${period.words}: ${topics.join(', ')}; з цитатою з документа для кожного числа.`,
    keywords: [...new Set(sections.slice(0, 4).map((section) => section.topic)), council.town],
    themes,
    frequency: period.kind === 'year' ? 'once a year' : period.kind === 'half' ? 'once a half year' : 'once a quarter',
    purpose: 'Оприлюднення відповідно до Закону України «Про доступ до публічної інформації» для інформування громади про діяльність міської ради та її виконавчих органів.',
    documents: [id],
  };
}

interface Obs {
  id: string;
  indicator: string;
  code?: string;
  value: string | number;
  unit?: string;
  period?: string | number;
  dimensions?: Record<string, string>;
  quote: string;
  note?: string;
}

interface Group {
  section: string;
  topic: string | undefined;
  unit: string;
  period: string | undefined;
  observations: Obs[];
}

interface StatedTotal {
  id: string;
  label: string;
  total: string;
  parts: string[];
  quote: string | undefined;
}

interface DimValue {
  value: string;
  phrase: string;
  slug: string;
}

/**
 * Writes observations.yaml (or .csv for some long lists) and totals.yaml for a document,
 * calling `before` first so document.yaml comes first in the folder. Returns the templates used.
 */
function writeObservations(ctx: Context, documentId: string, period: ReportPeriod, target: number, groupCount: number, before?: () => void): SectionTemplate[] {
  const { rng, council } = ctx;
  const templates = rng.sample(SECTIONS, groupCount);
  const dimensionValues = (key: string): DimValue[] => {
    if (key === 'district') return council.districts.map((d) => ({ value: d, phrase: `${d} район`, slug: slug(d) }));
    if (key === 'quarter') return QUARTERS.slice(0, period.kind === 'half' ? 2 : period.kind === 'nine' ? 3 : 4).map((v, i) => ({ ...v, slug: `q${i + 1}` }));
    return DIMENSIONS[key]!.values.map((v) => ({ ...v, slug: slug(v.value) }));
  };
  const capacity = (template: SectionTemplate) => {
    const k = dimensionValues(template.dim).length;
    const cross = template.dim === 'district' ? k : k * council.districts.length;
    return 1 + k + template.singles.length + cross;
  };
  // Sizes: one each, the rest spread at random, capped by what a section can hold; the
  // first section holds a whole breakdown so every document states at least one total.
  const sizes = templates.map(() => 1);
  const caps = templates.map(capacity);
  sizes[0] = Math.min(caps[0]!, 1 + dimensionValues(templates[0]!.dim).length);
  let left = target - sizes.reduce((a, b) => a + b, 0);
  for (let guard = 0; left > 0 && guard < target * 20; guard++) {
    const g = rng.int(0, templates.length - 1);
    if (sizes[g]! < caps[g]!) {
      sizes[g]!++;
      left--;
    }
  }

  const ids = new Set<string>();
  const groups: Group[] = [];
  const candidates: StatedTotal[] = [];
  const stockDate = period.kind === 'year' ? `${period.year + 1}-01-01` : period.kind === 'half' ? `${period.year}-07-01` : `${period.year}-10-01`;
  let count = 0;

  templates.forEach((template, g) => {
    const size = sizes[g]!;
    const values = dimensionValues(template.dim);
    const observations: Obs[] = [];
    const add = (obs: Obs) => {
      obs.id = unique(obs.id, ids);
      observations.push(obs);
    };
    const dimension = template.dim === 'district' ? 'district' : template.dim;
    // 1. A breakdown: the total and its parts.
    const parts: number[] = [];
    let totalId: string | undefined;
    if (size >= 3 || g === 0) {
      const k = Math.min(values.length, size - 1);
      const whole = Math.max(values.length * 3, rng.logInt(template.range[0], template.range[1]));
      const weights = values.map(() => 0.2 + rng.next());
      const weightSum = weights.reduce((a, b) => a + b, 0);
      for (const w of weights) parts.push(Math.max(1, Math.round((whole * w) / weightSum)));
      const sum = parts.reduce((a, b) => a + b, 0);
      const r = rng.next();
      let printed: string | number;
      if (r < 0.1 && sum >= 1000) printed = approxCount(sum);
      else if (r < 0.2 && sum >= 100) printed = moreThan(sum);
      else if (r < 0.45) {
        const delta = Math.max(1, Math.round(sum * rng.between(0.002, 0.03)));
        printed = printCount(rng, rng.chance(0.5) || sum - delta < 1 ? sum + delta : sum - delta);
      } else printed = printCount(rng, sum);
      const stockPrefix = template.stock ? `Станом на ${dotted(stockDate)} ` : '';
      const totalQuote = template.stock ? `${stockPrefix}${template.total.quote.replace('{v}', String(printed))}` : capitalize(template.total.quote.replace('{v}', String(printed)));
      totalId = `${template.base}-total`;
      add({ id: totalId, indicator: template.total.indicator, code: template.code, value: printed, quote: totalQuote });
      totalId = observations.at(-1)!.id;
      const partIds: string[] = [];
      for (let i = 0; i < k; i++) {
        const v = values[i]!;
        const value = printCount(rng, parts[i]!);
        add({ id: `${template.base}-${v.slug}`, indicator: template.part.indicator, code: template.code, value, dimensions: { [dimension]: v.value }, quote: `${v.phrase} – ${value}` });
        partIds.push(observations.at(-1)!.id);
      }
      if (k === values.length && k >= 2) {
        const by = template.dim === 'district' ? 'за районами' : template.dim === 'quarter' ? 'за кварталами' : DIMENSIONS[template.dim]!.by;
        candidates.push({ id: `${template.base}-by-${dimension}`, label: `${template.total.indicator} ${by}`, total: totalId, parts: partIds, quote: rng.chance(0.5) ? totalQuote : undefined });
      }
    }
    // 2. Figures the section gives on their own.
    for (const single of template.singles) {
      if (observations.length >= size) break;
      add(singleObservation(rng, single));
    }
    // 3. The breakdown again, across districts (or last year's figures by district).
    if (observations.length < size) {
      const districts = dimensionValues('district');
      if (template.dim === 'district') {
        for (let i = 0; i < districts.length && observations.length < size; i++) {
          const d = districts[i]!;
          const value = printCount(rng, Math.max(1, Math.round((parts[i] ?? rng.logInt(template.range[0], template.range[1]) / districts.length) * rng.between(0.7, 1.2))));
          add({
            id: `${template.base}-${d.slug}-${period.year - 1}`,
            indicator: `${template.part.indicator} (${period.year - 1} рік, для порівняння)`,
            code: template.code,
            value,
            period: period.year - 1,
            dimensions: { district: d.value, 'year-compared': String(period.year - 1) },
            quote: `${d.phrase}: у ${period.year - 1} році – ${value}`,
          });
        }
      } else {
        outer: for (const v of values) {
          for (const d of districts) {
            if (observations.length >= size) break outer;
            const base = parts[values.indexOf(v)] ?? rng.logInt(template.range[0], template.range[1]) / values.length;
            const value = printCount(rng, Math.max(1, Math.round((base / districts.length) * rng.between(0.4, 1.6))));
            add({ id: `${template.base}-${v.slug}-${d.slug}`, indicator: template.part.indicator, code: template.code, value, dimensions: { [dimension]: v.value, district: d.value }, quote: `${d.phrase}, ${v.phrase}: ${value}` });
          }
        }
      }
    }
    count += observations.length;
    const number = g + 1;
    groups.push({
      section: period.sections === 'slides' ? `Слайд ${number + 1}. ${template.section}` : `${number}. ${template.section}`,
      topic: rng.chance(0.7) ? template.topic : undefined,
      unit: template.unit,
      period: template.stock ? stockDate : undefined,
      observations,
    });
  });

  before?.();
  const folder = `${council.id}/${documentId}`;
  if (count >= 40 && rng.chance(0.2)) ctx.files.push([`${folder}/observations.csv`, observationsCsv(groups)]);
  else ctx.files.push([`${folder}/observations.yaml`, observationsYaml(groups)]);
  ctx.stats.observations += count;

  const totals = rng.sample(candidates, rng.int(1, 3));
  if (totals.length > 0) {
    ctx.stats.statedTotals += totals.length;
    ctx.files.push([
      `${folder}/totals.yaml`,
      toYaml({
        totals: totals.map((total): YMap => ({
          id: total.id,
          label: total.label,
          total: total.total,
          parts: inline(total.parts),
          quote: total.quote,
        })),
      }),
    ]);
  }
  return templates;
}

function singleObservation(rng: Random, spec: SingleSpec): Obs {
  const n = rng.logInt(spec.range[0], spec.range[1]);
  let value: string | number;
  let unit = spec.unit;
  switch (spec.kind) {
    case 'count':
      value = printCount(rng, n);
      break;
    case 'percent':
      value = percent(rng, spec.range[0], spec.range[1]);
      unit = undefined;
      break;
    case 'uah':
      value = printScaled(n * 100 + rng.int(0, 99), 2);
      unit = 'грн';
      break;
    case 'kuah':
      value = printScaled(Math.round(n / 100), 1);
      unit = 'тис. грн';
      break;
    case 'kuah-inline':
      value = `${printScaled(Math.round(n / 100), 1)} тис. грн`;
      unit = undefined;
      break;
    case 'approx':
      value = approxCount(n);
      break;
    case 'more':
      value = moreThan(n);
      break;
    case 'less':
      value = lessThan(n);
      break;
  }
  const quote = capitalize(spec.quote.replace('{v}', String(value)));
  const obs: Obs = { id: spec.id, indicator: spec.indicator, value, quote };
  if (spec.code !== undefined) obs.code = spec.code;
  if (unit !== undefined) obs.unit = unit;
  if (spec.kind === 'kuah' && rng.chance(0.3)) obs.note = 'Суму в документі подано в тисячах гривень.';
  return obs;
}

function observationsYaml(groups: Group[]): string {
  return toYaml({
    groups: groups.map((group): YMap => ({
      section: group.section,
      topic: group.topic,
      unit: group.unit,
      period: group.period,
      observations: group.observations.map((obs): YMap => ({
        id: obs.id,
        indicator: obs.indicator,
        code: obs.code,
        value: fig(obs.value),
        unit: obs.unit,
        period: obs.period,
        dimensions: obs.dimensions ? inline(obs.dimensions) : undefined,
        quote: obs.quote,
        note: obs.note,
      })),
    })),
  });
}

/** observations.csv: one row per figure, the group's unit and period written on each row. */
function observationsCsv(groups: Group[]): string {
  const dimensions = [...new Set(groups.flatMap((group) => group.observations.flatMap((obs) => Object.keys(obs.dimensions ?? {}))))].sort();
  const header = ['section', 'id', 'indicator', 'code', 'value', 'unit', 'qualifier', 'period', 'quote', 'note', ...dimensions.map((d) => `dim.${d}`)];
  const lines = [header.join(',')];
  for (const group of groups) {
    for (const obs of group.observations) {
      const cells = [
        group.section,
        obs.id,
        obs.indicator,
        obs.code ?? '',
        String(obs.value),
        obs.unit ?? group.unit,
        '',
        String(obs.period ?? group.period ?? ''),
        obs.quote,
        obs.note ?? '',
        ...dimensions.map((d) => obs.dimensions?.[d] ?? ''),
      ];
      lines.push(cells.map(csvCell).join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * One figure of an observations file one greater, as an author correcting a typo would: what
 * the benchmark and the incremental-build test change. Undefined if the text has no value.
 */
export function changeOneFigure(text: string): string | undefined {
  const changed = text.replace(/value: "?(\d+)/, (match, digits: string) => match.replace(digits, String(Number(digits) + 1)));
  return changed === text ? undefined : changed;
}
