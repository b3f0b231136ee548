/**
 * The site's JSON for what programmes did and for the shared indicators: the results a
 * programme page shows under its directions, year by year, and one file per shared indicator
 * (/indicators/{code}/) with its definition, every value by council and period, and the
 * things it is related to but not the same as.
 */
import { BUDGET_GROUP_TITLES } from '../derive/common-tables.ts';
import { membersOf } from '../derive/comparison-tables.ts';
import type { Model, Observation, Programme, SharedIndicator } from '../model/types.ts';
import type { Ref, SiteIndicator, SiteIndicatorSummary, SiteIndicatorValue, SiteResult, SiteResultYear } from '../publish/site-types.ts';
import { figure } from './site-data.ts';

export interface ResultContext {
  documents: Map<string, { title: string }>;
  units: Model['units'];
  indicatorNames: Map<string, string>;
}

const refOf = (id: string, titles: Map<string, { title: string }>): Ref => ({ id, title: titles.get(id)?.title ?? id });

function result(o: Observation, programme: Programme, context: ResultContext): SiteResult {
  const direction = programme.annexes.flatMap((a) => a.directions).find((d) => d.id === o.result!.direction);
  const measure = o.result!.measure === undefined ? undefined : direction?.measures.find((m) => m.id === o.result!.measure);
  const year = String(o.result!.year);
  const wholeYear = o.period.start === `${year}-01-01` && o.period.end === `${year}-12-31`;
  return {
    id: o.id,
    document: refOf(o.document, context.documents),
    indicator: o.indicator,
    figure: figure(o.figure, context.units),
    period: wholeYear ? null : { start: o.period.start, end: o.period.end },
    dimensions: o.dimensions,
    measure: measure?.number ?? null,
    shared: o.shared ? { id: o.shared, title: context.indicatorNames.get(o.shared) ?? o.shared } : null,
  };
}

/** A programme's results (already in reading order) grouped by year, then direction. */
export function programmeResults(programme: Programme, results: Observation[], context: ResultContext): SiteResultYear[] {
  const directions = new Map(programme.annexes.flatMap((a) => a.directions).map((d) => [d.id, d]));
  const years = new Map<number, SiteResultYear>();
  for (const o of results) {
    const year = o.result!.year;
    let entry = years.get(year);
    if (!entry) years.set(year, (entry = { year, documents: [], directions: [] }));
    if (!entry.documents.some((d) => d.id === o.document)) entry.documents.push(refOf(o.document, context.documents));
    let group = entry.directions.find((d) => d.id === o.result!.direction);
    if (!group) {
      const direction = directions.get(o.result!.direction)!;
      entry.directions.push((group = { id: direction.id, number: direction.number, title: direction.title, results: [] }));
    }
    group.results.push(result(o, programme, context));
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

export interface IndicatorInput {
  model: Model;
  /** The comparison dataset's name and title, when there is one. */
  dataset: Ref | null;
}

function value(o: Observation, model: Model, publishers: Map<string, string>, documents: Map<string, { title: string }>): Omit<SiteIndicatorValue, 'memberNote'> {
  return {
    id: o.id,
    publisher: { id: o.publisher, title: publishers.get(o.publisher) ?? o.publisher },
    document: refOf(o.document, documents),
    indicator: o.indicator,
    figure: figure(o.figure, model.units),
    period: { start: o.period.start, end: o.period.end },
  };
}

/** One file per shared indicator and the list, as [path, value]. */
export function* indicatorPages({ model, dataset }: IndicatorInput): Generator<[path: string, page: SiteIndicator | SiteIndicatorSummary[]]> {
  const observations = new Map(model.observations.map((o) => [`${o.document}/${o.id}`, o]));
  const publishers = new Map(model.publishers.map((p) => [p.id, p.name.uk]));
  const documents = new Map(model.documents.map((d) => [d.id, d]));
  const names = new Map(model.indicators.map((i) => [i.code, i.name.uk]));
  const list: SiteIndicatorSummary[] = [];
  for (const indicator of model.indicators) {
    const page = indicatorPage(indicator, model, { observations, publishers, documents, names, dataset });
    yield [`site/indicators/${indicator.code}.json`, page];
    const periods = page.values.map((v) => v.period);
    list.push({
      code: page.code,
      name: page.name,
      unit: page.unit,
      group: page.group,
      values: page.values.length,
      councils: new Set(page.values.map((v) => v.publisher.id)).size,
      period: periods.length ? { start: periods.map((p) => p.start).sort()[0]!, end: periods.map((p) => p.end).sort().at(-1)! } : null,
    });
  }
  yield ['site/indicators.json', list];
}

interface Lookups {
  observations: Map<string, Observation>;
  publishers: Map<string, string>;
  documents: Map<string, { title: string }>;
  names: Map<string, string>;
  dataset: Ref | null;
}

function indicatorPage(indicator: SharedIndicator, model: Model, { observations, publishers, documents, names, dataset }: Lookups): SiteIndicator {
  const notes = new Map(indicator.members.map((m) => [`${m.document}/${m.observation}`, m.note]));
  const members = new Set(indicator.members.map((m) => `${m.document}/${m.observation}`));
  const unit = model.units.get(indicator.unit);
  const relations = model.relations.filter((r) => r.indicators.some((i) => i.code === indicator.code) || r.observations.some((ref) => members.has(`${ref.document}/${ref.observation}`)));
  return {
    code: indicator.code,
    name: indicator.name.uk,
    nameEn: indicator.name.en,
    definition: indicator.definition.uk,
    definitionEn: indicator.definition.en ?? null,
    unit: indicator.unit,
    forms: unit && !unit.year ? { one: unit.one, few: unit.few, many: unit.many, other: unit.other } : null,
    group: indicator.group ? { id: indicator.group, title: BUDGET_GROUP_TITLES[indicator.group] } : null,
    note: indicator.note ?? null,
    values: membersOf(indicator, observations).map((o) => ({ ...value(o, model, publishers, documents), memberNote: notes.get(`${o.document}/${o.id}`) ?? null })),
    relations: relations.map((r) => ({
      id: r.id,
      difference: r.difference,
      indicators: r.indicators.filter((i) => i.code !== indicator.code).map((i) => ({ id: i.code, title: names.get(i.code) ?? i.code })),
      figures: r.observations.map((ref) => value(observations.get(`${ref.document}/${ref.observation}`)!, model, publishers, documents)),
    })),
    dataset,
  };
}
