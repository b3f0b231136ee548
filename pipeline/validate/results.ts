/**
 * Results checked against the plan they report on: a figure placed under a programme names a
 * programme of its own publisher, a direction of it whose annex plans the year, a measure of
 * that direction, and reports on that year: its period lies within it, or is the first day after it
 * (a figure "as of" 1 January reports on the year before).
 * Runs on the model, after normalize, so that periods are read as the pages read them.
 */
import type { ErrorCode } from '../errors/codes.ts';
import type { Problem } from '../errors/problem.ts';
import type { Model, Origin } from '../model/types.ts';

/** A problem at a place of the sources. */
export function problemAt(origin: Origin, code: ErrorCode, message: string, hint: string): Problem {
  return { code, file: origin.file, line: origin.line, column: origin.column, path: origin.path, message, hint };
}

/** Up to five of the known ids, for a hint. */
export function known(ids: Iterable<string>): string {
  const list = [...ids];
  return list.length === 0 ? '' : ` (known here: ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''})`;
}

/** The day after a year ends: a figure «станом на 01.01.2024» reports on 2023. */
const dayAfter = (year: number) => `${year + 1}-01-01`;

/**
 * `programmesBroken`: some programme.yaml could not be read, so a programme named here may
 * exist all the same; its problems say why, and no reference to a programme is judged.
 */
export function checkResults(model: Model, programmesBroken: boolean): Problem[] {
  const problems: Problem[] = [];
  const programmes = new Map(model.programmes.map((programme) => [programme.id, programme]));
  for (const observation of model.observations) {
    const result = observation.result;
    if (!result) continue;
    const programme = programmes.get(result.programme);
    if (!programme) {
      if (!programmesBroken) {
        problems.push(problemAt(result.place('programme'), 'E_REF_UNKNOWN', `no programme has the id "${result.programme}"`, `A result names a programme by the id in its programme.yaml${known(programmes.keys())}.`));
      }
      continue;
    }
    if (programme.publisher !== observation.publisher) {
      problems.push(problemAt(result.place('programme'), 'E_REF_FOREIGN', `the programme "${programme.id}" is ${programme.publisher}'s; a document of ${observation.publisher} cannot report its results`, `A council's report gives the results of its own programmes: name a programme of ${observation.publisher}.`));
      continue;
    }
    const planned = programme.annexes.flatMap((annex) => annex.directions.map((direction) => ({ annex, direction }))).find(({ direction }) => direction.id === result.direction);
    if (!planned) {
      const inYear = programme.annexes.filter((a) => result.year >= a.period.start && result.year <= a.period.end).flatMap((a) => a.directions.map((d) => d.id));
      problems.push(problemAt(result.place('direction'), 'E_REF_UNKNOWN', `the programme ${programme.id} has no direction "${result.direction}"`, `Name a direction of the annex that plans ${result.year}${known(inYear)}.`));
      continue;
    }
    const { annex, direction } = planned;
    if (result.year < annex.period.start || result.year > annex.period.end) {
      problems.push(problemAt(result.place(), 'E_YEAR_OUT_OF_PERIOD', `direction ${direction.id} belongs to annex ${annex.number} (${annex.period.start}–${annex.period.end}), which does not plan ${result.year}`, 'Name the direction from the annex that plans the year the figure reports on, or correct the year.'));
    }
    if (result.measure !== undefined && !direction.measures.some((m) => m.id === result.measure)) {
      problems.push(problemAt(result.place('measure'), 'E_REF_UNKNOWN', `direction ${direction.id} has no measure "${result.measure}"`, `Measures are named by their id in programme.yaml, or ${direction.id}-m1, ${direction.id}-m2… in their order${known(direction.measures.map((m) => m.id))}.`));
    }
    const { start, end } = observation.period;
    const within = start >= `${result.year}-01-01` && end <= `${result.year}-12-31`;
    const asOf = start === dayAfter(result.year) && end === start;
    if (!within && !asOf) {
      problems.push(problemAt(result.place(), 'E_YEAR_OUT_OF_PERIOD', `the figure's period ${observation.period.label} is not in ${result.year}, the year its result reports on`, `A result reports on a year: give the figure a period within ${result.year} (or "as of" ${dayAfter(result.year)}), or correct the year.`));
    }
  }
  return problems;
}
