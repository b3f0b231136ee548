/**
 * Stage 2b, validate what one file alone cannot show: ids that must be unique, ids that
 * must match their folder, references that must resolve, years that must lie inside the
 * period they belong to.
 */
import type { ErrorCode } from '../errors/codes.ts';
import { formatPath, type Problem } from '../errors/problem.ts';
import { isCalendarDate } from '../model/period.ts';
import { MAX_CELL_TEXT } from '../sources/schema.ts';
import type { Part, SourceTree } from './tree.ts';

/**
 * `broken` holds the paths of files that could not be read or failed their schema: a
 * reference into such a file is not checked, since the author's fix is in that file.
 */
export function checkReferences(tree: SourceTree, broken: ReadonlySet<string> = new Set()): Problem[] {
  const brokenProgramme = [...broken].some((path) => path.endsWith('/programme.yaml'));
  const problems: Problem[] = [];
  const report = (part: Part<unknown>, path: PropertyKey[], code: ErrorCode, message: string, hint: string, key = false) => {
    const pos = part.file.locate(path, { key });
    // Stryker disable next-line OptionalChaining: the locator falls back to the nearest field written (the file's start at worst): a problem always has a position
    problems.push({ code, file: part.file.path, line: pos?.line, column: pos?.column, path: formatPath(path), message, hint });
  };

  const documentIds = new Map<string, Part<unknown>>();
  const programmes = new Map<string, { part: Part<import('../sources/schema.ts').ProgrammeSource> }>();

  for (const publisher of tree.publishers) {
    if (publisher.publisher.data.id !== publisher.folder) {
      report(publisher.publisher, ['id'], 'E_ID_FOLDER', `the publisher id "${publisher.publisher.data.id}" differs from its folder name "${publisher.folder}"`, `Rename the folder or the id so both read "${publisher.publisher.data.id}"; published URLs are built from it.`);
    }
    for (const entry of publisher.documents) {
      const { document } = entry;
      const folderName = entry.folder.split('/')[1]!;
      if (document.data.id !== folderName) {
        report(document, ['id'], 'E_ID_FOLDER', `the document id "${document.data.id}" differs from its folder name "${folderName}"`, `Rename the folder or the id so both read "${document.data.id}".`);
      }
      const earlier = documentIds.get(document.data.id);
      if (earlier) {
        report(document, ['id'], 'E_ID_DUPLICATE', `the document id "${document.data.id}" is already used by ${earlier.file.path}`, 'Document ids are unique across all publishers; add the publisher or year to this one.');
      } else documentIds.set(document.data.id, document);
      checkPeriod(document, ['period'], document.data.period, report);

      const programme = entry.programme;
      if (programme) {
        const previous = programmes.get(programme.data.id);
        if (previous) {
          report(programme, ['id'], 'E_ID_DUPLICATE', `the programme id "${programme.data.id}" is already used by ${previous.part.file.path}`, 'Programme ids are unique across the portal.');
        } else programmes.set(programme.data.id, { part: programme });
        checkProgramme(programme, report);
      }

      const observations = entry.observations;
      const observationIds = new Set<string>();
      if (observations) {
        observations.data.groups.forEach((group, g) => {
          if (group.period !== undefined) checkPeriod(observations, ['groups', g, 'period'], group.period, report);
          group.observations.forEach((observation, o) => {
            if (observationIds.has(observation.id)) {
              report(observations, ['groups', g, 'observations', o, 'id'], 'E_ID_DUPLICATE', `the observation id "${observation.id}" is used twice in this document`, 'Give each figure its own id; add what distinguishes it (a district, a year, a channel).');
            }
            observationIds.add(observation.id);
            if (observation.period !== undefined) checkPeriod(observations, ['groups', g, 'observations', o, 'period'], observation.period, report);
          });
        });
      }

      let observationIndex: PrefixIndex | undefined;
      const totals = entry.totals;
      const observationsBroken = broken.has(`${entry.folder}/observations.yaml`) || broken.has(`${entry.folder}/observations.csv`);
      if (totals && !observationsBroken) {
        const totalIds = new Set<string>();
        totals.data.totals.forEach((total, t) => {
          if (totalIds.has(total.id)) {
            report(totals, ['totals', t, 'id'], 'E_ID_DUPLICATE', `the stated total "${total.id}" is listed twice`, 'Give each stated total its own id.');
          }
          totalIds.add(total.id);
          const refs: [PropertyKey[], string][] = [[['totals', t, 'total'], total.total], ...total.parts.map((part, p): [PropertyKey[], string] => [['totals', t, 'parts', p], part])];
          for (const [path, ref] of refs) {
            if (!observationIds.has(ref)) {
              observationIndex ??= prefixIndex(observationIds);
              report(totals, path, 'E_REF_UNKNOWN', `"${ref}" is not an observation of this document`, `A stated total names observations by id from ${entry.folder}/observations.yaml${suggest(ref, observationIndex)}.`);
            }
          }
          // Published as one cell: the parts' ids, each after its document's, joined by "; ".
          const cell = total.parts.reduce((n, part) => n + document.data.id.length + 1 + part.length, 0) + 2 * (total.parts.length - 1);
          if (cell > MAX_CELL_TEXT) {
            report(totals, ['totals', t, 'parts'], 'E_TEXT_TOO_LONG', `the ${total.parts.length} parts of this total make a cell of ${cell} characters; a spreadsheet cell holds at most ${MAX_CELL_TEXT}`, 'Split the total into stated totals of fewer parts (by district, by month), each with a total of its own.');
          }
          const seen = new Set<string>();
          total.parts.forEach((part, p) => {
            if (seen.has(part) || part === total.total) {
              report(totals, ['totals', t, 'parts', p], 'E_ID_DUPLICATE', `"${part}" is counted twice in this total`, 'List each part once, and not the total itself.');
            }
            seen.add(part);
          });
        });
      }
    }
  }

  // Executions refer to programmes that may live in another publisher's folder order.
  const programmeIds = prefixIndex(programmes.keys());
  const reported = new Map<string, string>();
  for (const publisher of tree.publishers) {
    for (const entry of publisher.documents) {
      const execution = entry.execution;
      if (!execution) continue;
      const target = programmes.get(execution.data.programme);
      if (!target) {
        if (brokenProgramme) continue;
        report(execution, ['programme'], 'E_REF_UNKNOWN', `no programme has the id "${execution.data.programme}"`, `An execution names a programme by the id in its programme.yaml${suggest(execution.data.programme, programmeIds)}.`);
        continue;
      }
      const owner = target.part.file.publisher;
      if (owner !== publisher.folder) {
        report(execution, ['programme'], 'E_REF_FOREIGN', `the programme "${execution.data.programme}" is ${owner}'s; a report of ${publisher.folder} cannot report on it`, `A council's report gives the execution of its own programmes: move the document under ${owner}/ if it is that council's report, or name a programme of ${publisher.folder}.`);
        continue;
      }
      const programme = target.part.data;
      const { year } = execution.data;
      const yearKey = `${programme.id}/${year}`;
      const earlier = reported.get(yearKey);
      if (earlier) {
        report(execution, ['year'], 'E_ID_DUPLICATE', `the execution of ${programme.id} in ${year} is already reported by ${earlier}`, 'A year of a programme is reported once: keep the report that the council approved last, and remove execution.yaml from the other document (or correct its year).');
      } else reported.set(yearKey, execution.file.path);
      if (year < programme.period.start || year > programme.period.end) {
        report(execution, ['year'], 'E_YEAR_OUT_OF_PERIOD', `${year} lies outside the programme period ${programme.period.start}–${programme.period.end}`, 'Check the year of the report against the programme it executes.');
      }
      const directions = new Map(programme.annexes.flatMap((annex) => annex.directions.map((direction) => [direction.id, annex] as const)));
      const seen = new Set<string>();
      let directionIndex: PrefixIndex | undefined;
      execution.data.items.forEach((item, i) => {
        const annex = directions.get(item.direction);
        if (!annex) {
          report(execution, ['items', i, 'direction'], 'E_REF_UNKNOWN', `the programme ${programme.id} has no direction "${item.direction}"`, `Directions are named by their id in ${target.part.file.path}${suggest(item.direction, (directionIndex ??= prefixIndex(directions.keys())))}.`);
        } else if (year < annex.period.start || year > annex.period.end) {
          report(execution, ['items', i, 'direction'], 'E_YEAR_OUT_OF_PERIOD', `direction ${item.direction} belongs to annex ${annex.number} (${annex.period.start}–${annex.period.end}), which does not cover ${year}`, 'Name the direction from the annex that plans the report\'s year.');
        }
        if (seen.has(item.direction)) {
          report(execution, ['items', i, 'direction'], 'E_ID_DUPLICATE', `direction ${item.direction} is listed twice`, 'Give each direction one item; add its amounts together only if the source does.');
        }
        seen.add(item.direction);
      });
    }
  }
  return problems;
}

type Report = (part: Part<unknown>, path: PropertyKey[], code: ErrorCode, message: string, hint: string, key?: boolean) => void;

function checkProgramme(part: Part<import('../sources/schema.ts').ProgrammeSource>, report: Report) {
  const programme = part.data;
  const { start, end } = programme.period;
  if (start > end) report(part, ['period'], 'E_PERIOD_ORDER', `the period ends (${end}) before it starts (${start})`, 'Swap start and end.');
  const inPeriod = (year: number) => year >= start && year <= end;
  const years = new Set<number>();
  programme.funding.years.forEach((row, r) => {
    if (!inPeriod(row.year)) {
      report(part, ['funding', 'years', r, 'year'], 'E_YEAR_OUT_OF_PERIOD', `${row.year} lies outside the programme period ${start}–${end}`, 'Check the year, or the programme period after its latest amendment.');
    }
    if (years.has(row.year)) report(part, ['funding', 'years', r, 'year'], 'E_ID_DUPLICATE', `${row.year} has two rows in the passport funding table`, 'Keep one row per year.');
    years.add(row.year);
  });
  const ids = new Set<string>();
  const unique = (id: string, path: PropertyKey[], what: string) => {
    if (ids.has(id)) report(part, path, 'E_ID_DUPLICATE', `the ${what} id "${id}" is used twice in this programme`, 'Ids of annexes, directions and measures are unique within a programme.');
    ids.add(id);
  };
  programme.annexes.forEach((annex, a) => {
    unique(annex.id, ['annexes', a, 'id'], 'annex');
    if (annex.period.start > annex.period.end) {
      report(part, ['annexes', a, 'period'], 'E_PERIOD_ORDER', `annex ${annex.number} ends (${annex.period.end}) before it starts (${annex.period.start})`, 'Swap start and end.');
    }
    if (!inPeriod(annex.period.start) || !inPeriod(annex.period.end)) {
      report(part, ['annexes', a, 'period'], 'E_YEAR_OUT_OF_PERIOD', `annex ${annex.number} covers ${annex.period.start}–${annex.period.end}, outside the programme period ${start}–${end}`, 'An annex plans years of its programme only.');
    }
    const inAnnex = (year: string) => Number(year) >= annex.period.start && Number(year) <= annex.period.end;
    for (const year of Object.keys(annex.total_row ?? {})) {
      if (year !== 'total' && !inAnnex(year)) {
        report(part, ['annexes', a, 'total_row', year], 'E_YEAR_OUT_OF_PERIOD', `the «Усього» row has ${year}, outside annex ${annex.number} (${annex.period.start}–${annex.period.end})`, 'Check the year column.', true);
      }
    }
    annex.directions.forEach((direction, d) => {
      unique(direction.id, ['annexes', a, 'directions', d, 'id'], 'direction');
      for (const year of Object.keys(direction.planned ?? {})) {
        if (!inAnnex(year)) {
          report(part, ['annexes', a, 'directions', d, 'planned', year], 'E_YEAR_OUT_OF_PERIOD', `direction ${direction.id} plans money for ${year}, outside annex ${annex.number} (${annex.period.start}–${annex.period.end})`, 'Check the year column the amount was read from.', true);
        }
      }
      direction.measures.forEach((measure, m) => {
        if (measure.id) unique(measure.id, ['annexes', a, 'directions', d, 'measures', m, 'id'], 'measure');
        for (const year of Object.keys(measure.planned ?? {})) {
          if (!inAnnex(year)) {
            report(part, ['annexes', a, 'directions', d, 'measures', m, 'planned', year], 'E_YEAR_OUT_OF_PERIOD', `a measure plans money for ${year}, outside annex ${annex.number} (${annex.period.start}–${annex.period.end})`, 'Check the year column the amount was read from.', true);
          }
        }
      });
    });
  });
}

function checkPeriod(part: Part<unknown>, path: PropertyKey[], period: number | string, report: Report) {
  if (typeof period === 'number') return;
  const [start, end] = period.split('/');
  // Stryker disable next-line ConditionalExpression: `undefined < start` is false, so dropping the first test changes nothing.
  if (end !== undefined && end < start!) {
    report(part, path, 'E_PERIOD_ORDER', `the period ${period} ends before it starts`, 'Write the interval as start/end.');
  }
  for (const date of [start, end]) {
    if (date && date.length === 10 && !isCalendarDate(date)) {
      report(part, path, 'E_FIELD_VALUE', `${date} is not a calendar date`, 'Check the day and month.');
    }
  }
}

/** Ids by their first three letters, made once for a set: a suggestion costs no pass over every id. */
type PrefixIndex = Map<string, string[]>;

function prefixIndex(ids: Iterable<string>): PrefixIndex {
  const index: PrefixIndex = new Map();
  for (const id of ids) {
    const near = index.get(id.slice(0, 3));
    if (!near) index.set(id.slice(0, 3), [id]);
    else if (near.length < 5) near.push(id);
  }
  return index;
}

function suggest(word: string, index: PrefixIndex): string {
  const near = index.get(word.slice(0, 3)) ?? [];
  return near.length > 0 ? ` (known here: ${near.join(', ')})` : '';
}
