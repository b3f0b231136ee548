import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteProgramme } from '../../pipeline/publish/site-types.ts';
import { programmeYears, reportedYears, yearView } from './programme-year.ts';

// The pipeline's own output for a programme with two reported years (a golden case).
const p = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'pipeline', 'golden', 'cases', 'results-and-shared-indicators', 'expected', 'site', 'programmes', 'sc-improvement-2022-2023.json'), 'utf8')) as SiteProgramme;

describe('a programme year', () => {
  it('lists every year of the term, and the reported ones', () => {
    expect(programmeYears(p)).toEqual([2022, 2023]);
    expect(reportedYears(p)).toEqual([2022, 2023]);
  });

  it('sets the plan beside the money and results the report gives, direction by direction', () => {
    const view = yearView(p, 2022);
    expect(view.reported).toBe(true);
    expect(view.reports.map((d) => d.id)).toEqual(['sc-2022-report']);
    const [d1, d2] = view.directions;
    expect([d1!.number, d1!.planned && 'figure' in d1!.planned ? d1!.planned.figure.value : null, d1!.reported?.figure.value, d1!.reported?.word]).toEqual([1, '500000', '480000', 'spent']);
    expect(d1!.results.map((r) => [r.id, r.figure.value, r.measure])).toEqual([['lamps-replaced', '412', 1]]);
    expect(d2!.reported).toBeNull();
    expect(d2!.results.map((r) => [r.id, r.figure.value, r.shared?.id ?? null])).toEqual([
      ['trees-planted', '121', 'trees-planted'],
      ['appeals-greening', '38', null],
    ]);
  });

  it('has nothing reported for a year no report covers', () => {
    const view = yearView(p, 2021);
    expect(view.reported).toBe(false);
    expect(view.annex).toBeNull();
    expect(view.directions).toEqual([]);
  });
});
