/**
 * The 2023 execution report of Kryvyi Rih's local self-government programme: each numbered
 * section of the report is the direction of the same number in annex 2 of the programme.
 * Every figure of the report sits in one of its sections, and each must be linked to that
 * direction, in 2023. The counts per section are read from the report by hand: section 1
 * gives sessions, decisions and petitions; 2 the publications; 3 the self-organisation
 * bodies (city and seven districts), seminars and meetings; 4 the awardees, of them
 * posthumously, and the badge's recipients. Sections 5 and 6 give no figure.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { diskSources } from '../io/files.ts';

const REPORT = 'kr-2023-programme-execution-report';
const FIGURES_PER_SECTION: Record<number, number> = { 1: 3, 2: 1, 3: 10, 4: 3 };

describe('results of the 2023 execution report', async () => {
  const checked = await checkSources(diskSources(join(import.meta.dirname, '..', '..', 'datasets')));
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('\n'));
  const figures = checked.model.observations.filter((o) => o.document === REPORT);
  const sectionOf = (section: string) => Number(/^(\d+)\./.exec(section)?.[1]);

  it('has the figures the report prints, section by section', () => {
    const counts: Record<number, number> = {};
    for (const o of figures) counts[sectionOf(o.figure.section)] = (counts[sectionOf(o.figure.section)] ?? 0) + 1;
    expect(counts).toEqual(FIGURES_PER_SECTION);
  });

  it('links every figure to the direction of its section, in 2023', () => {
    const unlinked = figures.filter((o) => o.result === undefined).map((o) => o.id);
    expect(unlinked).toEqual([]);
    for (const o of figures) {
      expect({ id: o.id, programme: o.result!.programme, direction: o.result!.direction, year: o.result!.year }).toEqual({
        id: o.id,
        programme: 'kr-local-self-government-2017-2027',
        direction: `a2-d${sectionOf(o.figure.section)}`,
        year: 2023,
      });
    }
  });

  it('places no figure under a measure: the report names none', () => {
    expect(figures.filter((o) => o.result?.measure !== undefined).map((o) => o.id)).toEqual([]);
  });
});
