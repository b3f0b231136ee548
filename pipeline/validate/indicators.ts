/**
 * The vocabulary of shared indicators (indicators.yaml) checked against the figures it names.
 * Two figures share an indicator only because the vocabulary lists both: each listed figure
 * exists, is listed once, counts in the indicator's unit, agrees with its passport group, and
 * is the only one of its document for its period (a breakdown is not the thing itself). A
 * figure whose own code is a shared indicator's but is not listed there is refused: sharing is
 * the vocabulary's word, never a coincidence of codes. Relations name at least two things that
 * the vocabulary does not already say are the same.
 */
import type { Problem } from '../errors/problem.ts';
import type { Model, Observation, ObservationRef } from '../model/types.ts';
import { unitKind } from '../numbers/parse.ts';
import { known, problemAt } from './results.ts';

const GROUP_TITLES = { cost: 'затрат', product: 'продукту', efficiency: 'ефективності', quality: 'якості' } as const;

/**
 * `readable(document)`: whether that document's observations were read; a figure named in a
 * document whose file has problems is not judged.
 */
export function checkIndicators(model: Model, readable: (document: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  const observations = new Map(model.observations.map((o) => [`${o.document}/${o.id}`, o]));
  // Built lazily, and by appending: a document may hold tens of thousands of figures.
  let byDocument: Map<string, string[]> | undefined;
  const idsOf = (document: string) => {
    // Stryker disable next-line ConditionalExpression: building the map again on every call gives the same map, only slower.
    if (!byDocument) {
      byDocument = new Map();
      for (const o of model.observations) {
        const ids = byDocument.get(o.document);
        if (ids) ids.push(o.id);
        else byDocument.set(o.document, [o.id]);
      }
    }
    return byDocument.get(document) ?? [];
  };
  const documents = new Set(model.documents.map((d) => d.id));

  /** The observation a reference names, or a problem. */
  const resolve = (ref: ObservationRef): Observation | undefined => {
    const found = observations.get(`${ref.document}/${ref.observation}`);
    if (found || !readable(ref.document)) return found;
    const hint = documents.has(ref.document)
      ? `Name an observation of ${ref.document} by its id${known(idsOf(ref.document))}.`
      : `Name a document folder first, then the observation's id: document-id/observation-id${known(documents)}.`;
    problems.push(problemAt(ref.origin, 'E_REF_UNKNOWN', `"${ref.document}/${ref.observation}" is not an observation of the sources`, hint));
    return undefined;
  };

  const codes = new Set<string>();
  const listed = new Map<string, string>();
  for (const indicator of model.indicators) {
    if (codes.has(indicator.code)) problems.push(problemAt(indicator.origin, 'E_ID_DUPLICATE', `the indicator code "${indicator.code}" is used twice`, 'Each shared indicator has a code of its own: its page lives at /indicators/CODE/.'));
    codes.add(indicator.code);
    const kind = unitKind(indicator.unit);
    const unit = model.units.get(indicator.unit);
    if (kind === 'count' && (!unit || unit.year)) {
      problems.push(problemAt(indicator.origin, 'E_UNIT_UNKNOWN', `the indicator ${indicator.code} counts in "${indicator.unit}", which is not a counted unit of units.yaml`, 'Write грн, % or a unit units.yaml lists with its forms (the form after 5: органів, звернень).'));
    }
    const periods = new Map<string, string>();
    for (const member of indicator.members) {
      const key = `${member.document}/${member.observation}`;
      const twice = listed.get(key);
      if (twice !== undefined) {
        problems.push(problemAt(member.origin, 'E_ID_DUPLICATE', `${key} is already listed under the indicator ${twice}`, 'A figure counts one thing: list it under one indicator, once.'));
        continue;
      }
      listed.set(key, indicator.code);
      const observation = resolve(member);
      if (!observation) continue;
      const figure = observation.figure;
      // Money counts in hryvnias whatever unit it is printed in (грн, тис. грн); a count only in its own unit.
      const sameUnit = kind === figure.kind && (kind !== 'count' || figure.unit === indicator.unit);
      if (!sameUnit) {
        problems.push(problemAt(member.origin, 'E_UNIT_CONFLICT', `${key} counts in "${figure.unit}", the indicator ${indicator.code} in "${indicator.unit}"`, 'Figures of one indicator count in one unit; if this figure counts something else, relate it (related:) instead of sharing.'));
      }
      if (indicator.group && observation.budgetGroup && indicator.group !== observation.budgetGroup) {
        problems.push(problemAt(member.origin, 'E_INDICATOR_GROUP', `${key} is an indicator of ${GROUP_TITLES[observation.budgetGroup]} in its document, the indicator ${indicator.code} one of ${GROUP_TITLES[indicator.group]}`, 'A passport\'s group is part of what an indicator measures: correct one of the two, or relate the figure instead of sharing.'));
      }
      const period = `${observation.document} ${observation.period.start}/${observation.period.end}`;
      const sibling = periods.get(period);
      if (sibling !== undefined) {
        problems.push(problemAt(member.origin, 'E_INDICATOR_BREAKDOWN', `${key} and ${sibling} are both figures of ${observation.document} for ${observation.period.label}`, 'An indicator has one figure per document and period; a part of a breakdown (a district, a channel) counts something narrower: list the total only, or make the part an indicator of its own.'));
      } else periods.set(period, key);
    }
  }

  for (const observation of model.observations) {
    const code = observation.code;
    // Stryker disable next-line ConditionalExpression: a figure without a code is in no set of codes; the test tells TypeScript so
    if (code === undefined) continue;
    if (!codes.has(code) || listed.get(`${observation.document}/${observation.id}`) === code) continue;
    problems.push(problemAt(observation.place('code'), 'E_INDICATOR_UNLISTED', `the figure's code is the shared indicator "${code}", whose list in indicators.yaml does not name ${observation.document}/${observation.id}`, `Two figures share an indicator only when the vocabulary says they count the same thing: add ${observation.document}/${observation.id} to the indicator's observations if it does, or give the figure a code of its own.`));
  }

  const relationIds = new Set<string>();
  for (const relation of model.relations) {
    if (relationIds.has(relation.id)) problems.push(problemAt(relation.origin, 'E_ID_DUPLICATE', `the relation id "${relation.id}" is used twice`, 'Give each relation an id of its own.'));
    relationIds.add(relation.id);
    // Stryker disable next-line ArrayDeclaration: an item that is no object has no key and no indicator, so it names nothing twice
    const items: { key: string; shared: string | undefined; origin: ObservationRef['origin'] }[] = [];
    for (const ref of relation.observations) {
      const observation = resolve(ref);
      const key = `${ref.document}/${ref.observation}`;
      if (observation) items.push({ key, shared: listed.get(key), origin: ref.origin });
    }
    for (const { code, origin } of relation.indicators) {
      if (!codes.has(code)) problems.push(problemAt(origin, 'E_REF_UNKNOWN', `no shared indicator has the code "${code}"`, `Name an indicator of this file by its code${known(codes.keys())}.`));
      else items.push({ key: code, shared: code, origin });
    }
    // The first item of each shared indicator; the items of none are kept under undefined, which is never looked up.
    const seen = new Map<string | undefined, string>();
    const keys = new Set<string>();
    for (const item of items) {
      const same = item.shared === undefined ? undefined : seen.get(item.shared);
      if (keys.has(item.key)) {
        problems.push(problemAt(item.origin, 'E_RELATION_INVALID', `${item.key} is named twice in the relation ${relation.id}`, 'Name each figure or indicator of a relation once.'));
      } else if (same !== undefined) {
        problems.push(problemAt(item.origin, 'E_RELATION_INVALID', `${item.key} and ${same} are already one indicator, ${item.shared}: the vocabulary says they count the same thing`, 'A relation sets apart things that differ; take out the one the indicator already holds.'));
      }
      seen.set(item.shared, item.key);
      keys.add(item.key);
    }
    if (relation.observations.length + relation.indicators.length < 2) {
      problems.push(problemAt(relation.origin, 'E_RELATION_INVALID', `the relation ${relation.id} names ${relation.observations.length + relation.indicators.length} thing${relation.observations.length + relation.indicators.length === 1 ? '' : 's'}`, 'A relation sets at least two figures or indicators side by side.'));
    }
  }
  return problems;
}
