/**
 * The results and comparison tables of the portal's own reports, as a journalist downloads
 * them: the 2023 report's results by direction, and every value of a shared indicator with
 * its council, period and link, with related figures kept apart.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { diskSources } from '../io/files.ts';
import { makeUrls } from '../publish/urls.ts';
import { comparisonTables } from './comparison-tables.ts';
import { orderResults, resultTables } from './result-tables.ts';

const checked = await checkSources(diskSources(join(import.meta.dirname, '..', '..', 'datasets')));
if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('\n'));
const { model } = checked;
const programmes = new Map(model.programmes.map((p) => [p.id, p]));
const urls = makeUrls('https://data.example.org', '/');

describe('results table', () => {
  const [results, byMeasure] = resultTables(orderResults(model.observations.filter((o) => o.result), programmes), programmes);
  const rows = results!.table.rows;

  it('lists the 2023 report\'s figures under their directions, in the report\'s order', () => {
    const direction1 = rows.filter((r) => r.direction_number === '1').map((r) => [r.year, r.value, r.unit, r.quote]);
    expect(direction1).toEqual([
      ['2023', '11', 'сесій', 'Відбулося 11 сесій Криворізької міської ради VІIІ скликання'],
      ['2023', '777', 'рішень', 'на яких ухвалено 777 рішень'],
      ['2023', '13', 'петицій', 'розглянуто 13 електронних петицій'],
    ]);
    expect(rows.filter((r) => r.direction_number === '4').map((r) => r.value)).toEqual(['2574', '494', '32']);
    expect(rows.map((r) => Number(r.direction_number))).toEqual([...rows.map((r) => Number(r.direction_number))].sort((a, b) => a - b));
    expect(rows).toHaveLength(17);
  });

  it('names no measure the report does not name', () => {
    expect(byMeasure!.table.rows).toEqual([]);
  });
});

describe('comparison tables', () => {
  const observations = new Map(model.observations.map((o) => [`${o.document}/${o.id}`, o]));
  const publishers = new Map(model.publishers.map((p) => [p.id, p]));
  const [indicators, comparison, relations] = comparisonTables({ indicators: model.indicators, relations: model.relations, observations, publishers, urls });

  it('gives each shared indicator its values by period, each with its council, quote and link', () => {
    const appeals = comparison!.table.rows.filter((r) => r.indicator_code === 'operative-response-appeals');
    expect(appeals.map((r) => [r.period_start, r.period_end, r.value, r.publisher_name, r.page])).toEqual([
      ['2021-01-01', '2021-06-30', '9885', 'Івано-Франківська міська рада', 'https://data.example.org/reports/if-2022-h1-strategic-development-report/#figure-appeals-received-2021-h1'],
      ['2022-01-01', '2022-06-30', '11517', 'Івано-Франківська міська рада', 'https://data.example.org/reports/if-2022-h1-strategic-development-report/#figure-appeals-received-2022-h1'],
    ]);
    expect(indicators!.table.rows.map((r) => [r.indicator_code, r.values, r.councils])).toEqual([
      ['operative-response-appeals', '2', '1'],
      ['hotline-oral-appeals', '2', '1'],
      ['appeals-from-higher-authorities', '2', '1'],
    ]);
  });

  it('keeps council decisions and executive-committee decisions apart, with the difference in words', () => {
    expect(comparison!.table.rows.some((r) => String(r.observation_id).endsWith('/council-decisions'))).toBe(false);
    const decisions = relations!.table.rows.filter((r) => r.relation_id === 'council-and-executive-committee-decisions');
    expect(decisions.map((r) => [r.observation_id, r.value])).toEqual([
      ['kr-2023-programme-execution-report/council-decisions', '777'],
      ['kropyvnytskyi-2021-programmes-presentation/executive-committee-decisions', '1007'],
    ]);
    expect(String(decisions[0]!.difference)).toContain('рішення різних органів');
  });
});
