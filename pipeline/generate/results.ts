/**
 * Results and shared indicators for the synthetic corpus: an execution report gives, under
 * each direction it covers, a figure of what was done, linked to that direction (and to the
 * report's programme and year through its execution.yaml). Figures that count the same thing
 * in every council (sessions held, decisions adopted, petitions considered…) are listed in
 * one indicators.yaml, so that indicator pages and the comparison file have values from many
 * councils and years. Plain data in, plain data out: corpus.ts writes it as YAML.
 */
import type { Random } from './corpus.ts';

export interface SharedTemplate {
  code: string;
  name: { uk: string; en: string };
  definition: { uk: string; en: string };
  unit: string;
  /** As the report names the figure. */
  indicator: string;
  /** The report's words, ending with the number. */
  quote: string;
  range: [number, number];
}

/** Things every council's programme report may count, each the same everywhere. */
export const SHARED_TEMPLATES: readonly SharedTemplate[] = [
  {
    code: 'plenary-sessions-held',
    name: { uk: 'Сесії міської ради, що відбулися', en: 'City council sessions held' },
    definition: { uk: 'Пленарні засідання (сесії) міської ради, що відбулися за рік, разом із позачерговими; без засідань постійних комісій і виконавчого комітету.', en: 'Plenary sessions of the city council held in the year, extraordinary ones included; not meetings of standing committees or of the executive committee.' },
    unit: 'сесій',
    indicator: 'Сесії міської ради, що відбулися',
    quote: 'Кількість сесій міської ради, що відбулися: ',
    range: [6, 24],
  },
  {
    code: 'council-decisions-adopted',
    name: { uk: 'Рішення, ухвалені міською радою', en: 'Decisions adopted by the city council' },
    definition: { uk: 'Рішення, ухвалені міською радою на її сесіях за рік; без рішень виконавчого комітету і розпоряджень міського голови.', en: 'Decisions the city council adopted at its sessions in the year; not decisions of the executive committee nor orders of the mayor.' },
    unit: 'рішень',
    indicator: 'Рішення, ухвалені на сесіях міської ради',
    quote: 'Ухвалено рішень міської ради: ',
    range: [120, 900],
  },
  {
    code: 'e-petitions-considered',
    name: { uk: 'Електронні петиції, розглянуті міською радою', en: 'E-petitions considered by the city council' },
    definition: { uk: 'Електронні петиції, що набрали потрібну кількість підписів і були розглянуті міською радою за рік; не всі петиції, що надійшли.', en: 'E-petitions that gathered the required signatures and were considered by the city council in the year; not every petition received.' },
    unit: 'петицій',
    indicator: 'Електронні петиції, розглянуті на сесіях міської ради',
    quote: 'Розглянуто електронних петицій: ',
    range: [1, 40],
  },
  {
    code: 'website-publications-posted',
    name: { uk: 'Публікації на офіційному вебсайті міської ради', en: 'Publications on the city council\'s official website' },
    definition: { uk: 'Матеріали для загального доступу, розміщені за рік на офіційному вебсайті міської ради та її виконавчого комітету; без дописів у соціальних мережах.', en: 'Public materials posted in the year on the official website of the city council and its executive committee; not social-media posts.' },
    unit: 'публікацій',
    indicator: 'Публікації, розміщені на офіційному вебсайті міської ради',
    quote: 'Розміщено публікацій на офіційному вебсайті: ',
    range: [300, 5000],
  },
  {
    code: 'officials-trained',
    name: { uk: 'Посадові особи, які пройшли навчання', en: 'Officials trained' },
    definition: { uk: 'Посадові особи місцевого самоврядування, які за рік пройшли навчання чи підвищення кваліфікації (кожна особа один раз).', en: 'Local self-government officials who took training or professional development in the year (each person once).' },
    unit: 'осіб',
    indicator: 'Посадові особи місцевого самоврядування, які пройшли навчання',
    quote: 'Пройшли навчання посадових осіб: ',
    range: [10, 400],
  },
  {
    code: 'public-consultations-held',
    name: { uk: 'Консультації з громадськістю, проведені за рік', en: 'Public consultations held' },
    definition: { uk: 'Публічні консультації з громадськістю (громадські обговорення, слухання), проведені органами міської ради за рік.', en: 'Public consultations (public discussions, hearings) held by the council\'s bodies in the year.' },
    unit: 'консультацій',
    indicator: 'Консультації з громадськістю, проведені органами міської ради',
    quote: 'Проведено консультацій з громадськістю: ',
    range: [2, 60],
  },
];

/** Document-specific results, counted in a way no other council is said to share. */
const OWN_RESULTS: readonly { indicator: string; unit: string; quote: string; range: [number, number] }[] = [
  { indicator: 'Заходи, проведені за напрямом', unit: 'заходів', quote: 'За напрямом проведено заходів: ', range: [3, 120] },
  { indicator: 'Семінари, проведені для виконавців заходів', unit: 'семінарів', quote: 'Проведено семінарів: ', range: [1, 30] },
  { indicator: 'Звернення, розглянуті в межах напряму', unit: 'звернень', quote: 'Розглянуто звернень: ', range: [20, 3000] },
];

/**
 * The figures listed under each shared indicator, as document/observation; and, per council,
 * the year and indicator already reported, so that a council gives one value a year (a second
 * report of the same year, of another programme, does not count its sessions again).
 */
export interface SharedMembers {
  members: Map<string, string[]>;
  reported: Set<string>;
}

export const sharedMembers = (): SharedMembers => ({ members: new Map(), reported: new Set() });

export interface ResultDirection {
  id: string;
  number: number;
  title: string;
}

export interface ResultGroup {
  section: string;
  direction: string;
  observations: { id: string; indicator: string; code?: string; value: number; unit: string; quote: string }[];
}

/**
 * The results of one execution report: under each direction, the shared figure that
 * direction is given (one per shared indicator and document) and sometimes one of its own.
 * The shared figures are recorded in `members`.
 */
export function reportResults(rng: Random, report: { document: string; publisher: string; year: number }, directions: readonly ResultDirection[], shared: SharedMembers): ResultGroup[] {
  const documentId = report.document;
  const offset = rng.int(0, SHARED_TEMPLATES.length - 1);
  const groups: ResultGroup[] = [];
  directions.forEach((direction, d) => {
    const observations: ResultGroup['observations'] = [];
    const template = d < SHARED_TEMPLATES.length && rng.chance(0.85) ? SHARED_TEMPLATES[(d + offset) % SHARED_TEMPLATES.length]! : undefined;
    const key = template && `${report.publisher}/${report.year}/${template.code}`;
    if (template && key && !shared.reported.has(key)) {
      shared.reported.add(key);
      const value = rng.int(...template.range);
      observations.push({ id: template.code, indicator: template.indicator, code: template.code, value, unit: template.unit, quote: `${template.quote}${value}` });
      shared.members.set(template.code, [...(shared.members.get(template.code) ?? []), `${documentId}/${template.code}`]);
    }
    if (rng.chance(0.4)) {
      const own = rng.pick(OWN_RESULTS);
      const value = rng.int(...own.range);
      observations.push({ id: `direction-${direction.number}-result`, indicator: own.indicator, value, unit: own.unit, quote: `${own.quote}${value}` });
    }
    if (observations.length > 0) groups.push({ section: `${direction.number}. ${direction.title}`, direction: direction.id, observations });
  });
  return groups;
}

/** indicators.yaml's content for the figures recorded, in the templates' order; undefined when none. */
export function sharedIndicators({ members }: SharedMembers) {
  const indicators = SHARED_TEMPLATES.filter((t) => (members.get(t.code)?.length ?? 0) > 0).map((t) => ({
    code: t.code,
    name: t.name,
    definition: t.definition,
    unit: t.unit,
    group: 'product',
    observations: members.get(t.code)!,
  }));
  return indicators.length > 0 ? { indicators } : undefined;
}
