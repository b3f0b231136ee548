/**
 * A figure's result checked against the programme it reports on, word for word: the base
 * tree's report with a result placed on its first group, and the problem an author is shown.
 * The report's execution.yaml makes the programme (tc-civic-initiatives-2020-2021, one annex
 * of 2020–2021 with directions a1-d1 and a1-d2, their measures unnamed) and the year (2021)
 * the defaults. The group holds two figures, and each is checked: a problem of the group's
 * result is shown once for each.
 */
import { describe, expect, it } from 'vitest';
import { BASE, OBSERVATIONS, once, problemsAfter, PROGRAMME as PROGRAMME_FILE } from '../fixtures/base-tree.ts';
import { known } from './results.ts';

/** The problems of the base tree when the first group of the report's figures says `result`. */
const withResult = (result: string, edit: (text: string) => string = (text) => text) =>
  problemsAfter(OBSERVATIONS, (text) => edit(once('    unit: проєктів\n', `    unit: проєктів\n    result: ${result}\n`)(text)));

const PROGRAMME = 'tc-civic-initiatives-2020-2021';

/** A problem of the group's result, as the group's two figures each report it. */
const twice = <T,>(problem: T): T[] => [problem, problem];

describe('the result a figure reports on', () => {
  it('may name a direction and measure of the programme of its report, in the report\'s year', async () => {
    expect(await withResult('{ direction: a1-d1, measure: a1-d1-m1 }')).toEqual([]);
  });

  it('names a measure the direction does not have, with the names its measures take', async () => {
    expect(await withResult('{ direction: a1-d1, measure: a1-d1-m7 }')).toEqual(
      twice({
        code: 'E_REF_UNKNOWN',
        file: OBSERVATIONS,
        line: 4,
        column: 42,
        path: 'groups[0].result.measure',
        message: 'direction a1-d1 has no measure "a1-d1-m7"',
        hint: 'Measures are named by their id in programme.yaml, or a1-d1-m1, a1-d1-m2… in their order (known here: a1-d1-m1).',
      }),
    );
  });

  it('names a direction the programme does not have, with the directions of the year', async () => {
    expect(await withResult('{ direction: a1-d9 }')).toEqual(
      twice({ code: 'E_REF_UNKNOWN', file: OBSERVATIONS, line: 4, column: 26, path: 'groups[0].result.direction', message: `the programme ${PROGRAMME} has no direction "a1-d9"`, hint: 'Name a direction of the annex that plans 2021 (known here: a1-d1, a1-d2).' }),
    );
  });

  it('names a programme that does not exist, with the programmes there are', async () => {
    expect(await withResult('{ programme: tc-other, direction: a1-d1 }')).toEqual(
      twice({ code: 'E_REF_UNKNOWN', file: OBSERVATIONS, line: 4, column: 26, path: 'groups[0].result.programme', message: 'no programme has the id "tc-other"', hint: `A result names a programme by the id in its programme.yaml (known here: ${PROGRAMME}).` }),
    );
  });

  it('names a year the direction\'s annex does not plan, and a figure whose period is not in it', async () => {
    const annex = {
      code: 'E_YEAR_OUT_OF_PERIOD',
      file: OBSERVATIONS,
      line: 4,
      column: 13,
      path: 'groups[0].result',
      message: 'direction a1-d1 belongs to annex 1 (2020–2021), which does not plan 2022',
      hint: 'Name the direction from the annex that plans the year the figure reports on, or correct the year.',
    };
    const period = {
      ...annex,
      message: 'the figure\'s period 2021 is not in 2022, the year its result reports on',
      hint: 'A result reports on a year: give the figure a period within 2022 (or "as of" 2023-01-01), or correct the year.',
    };
    // Figure by figure: each figure's two problems.
    expect(await withResult('{ direction: a1-d1, year: 2022 }')).toEqual([annex, period, annex, period]);
  });

  it('names a direction the programme does not have in a year no annex plans, without directions to offer', async () => {
    expect(await withResult('{ direction: a1-d9, year: 2022 }')).toEqual(
      twice({ code: 'E_REF_UNKNOWN', file: OBSERVATIONS, line: 4, column: 26, path: 'groups[0].result.direction', message: `the programme ${PROGRAMME} has no direction "a1-d9"`, hint: 'Name a direction of the annex that plans 2022.' }),
    );
  });

  it('offers the directions of an annex in its first year, and judges no annex of a result in it', async () => {
    expect(await withResult('{ direction: a1-d9, year: 2020 }')).toEqual(
      twice({ code: 'E_REF_UNKNOWN', file: OBSERVATIONS, line: 4, column: 26, path: 'groups[0].result.direction', message: `the programme ${PROGRAMME} has no direction "a1-d9"`, hint: 'Name a direction of the annex that plans 2020 (known here: a1-d1, a1-d2).' }),
    );
    // The annex plans 2020–2021: a result of 2020, of figures of 2020, is in it.
    expect(await withResult('{ direction: a1-d1, year: 2020 }', once('    unit: проєктів\n', '    unit: проєктів\n    period: 2020\n'))).toEqual([]);
  });

  it('names a year before the annex starts: no directions to offer for it, and a known direction out of its annex', async () => {
    expect(await withResult('{ direction: a1-d9, year: 2019 }')).toEqual(
      twice({ code: 'E_REF_UNKNOWN', file: OBSERVATIONS, line: 4, column: 26, path: 'groups[0].result.direction', message: `the programme ${PROGRAMME} has no direction "a1-d9"`, hint: 'Name a direction of the annex that plans 2019.' }),
    );
    const annex = {
      code: 'E_YEAR_OUT_OF_PERIOD',
      file: OBSERVATIONS,
      // The group's period is written between its unit and its result.
      line: 5,
      column: 13,
      path: 'groups[0].result',
      message: 'direction a1-d1 belongs to annex 1 (2020–2021), which does not plan 2019',
      hint: 'Name the direction from the annex that plans the year the figure reports on, or correct the year.',
    };
    expect(await withResult('{ direction: a1-d1, year: 2019 }', once('    unit: проєктів\n', '    unit: проєктів\n    period: 2019\n'))).toEqual(twice(annex));
  });

  it('counts a figure as of the first day after the year for that year, and not one a day later', async () => {
    const asOf = (day: string) => once('        code: civic-projects-submitted\n', `        code: civic-projects-submitted\n        period: "${day}"\n`);
    expect(await withResult('{ direction: a1-d1 }', asOf('2022-01-01'))).toEqual([]);
    expect(await withResult('{ direction: a1-d1 }', asOf('2022-01-02'))).toEqual([
      expect.objectContaining({ code: 'E_YEAR_OUT_OF_PERIOD', message: 'the figure\'s period 2022-01-02 is not in 2021, the year its result reports on' }),
    ]);
    expect(await withResult('{ direction: a1-d1 }', asOf('2021-01-01'))).toEqual([]);
    expect(await withResult('{ direction: a1-d1 }', asOf('2020-12-31'))).toEqual([
      expect.objectContaining({ code: 'E_YEAR_OUT_OF_PERIOD', message: 'the figure\'s period 2020-12-31 is not in 2021, the year its result reports on' }),
    ]);
  });
});

describe('the period of a result\'s figure', () => {
  const withPeriod = (period: string) => withResult('{ direction: a1-d1 }', once('        code: civic-projects-submitted\n', `        code: civic-projects-submitted\n        period: "${period}"\n`));
  const outside = (label: string) => [
    {
      code: 'E_YEAR_OUT_OF_PERIOD',
      file: OBSERVATIONS,
      line: 4,
      column: 13,
      path: 'groups[0].result',
      message: `the figure's period ${label} is not in 2021, the year its result reports on`,
      hint: 'A result reports on a year: give the figure a period within 2021 (or "as of" 2022-01-01), or correct the year.',
    },
  ];

  it('lies within the year, to its last day', async () => {
    expect(await withPeriod('2021-07-01/2021-12-31')).toEqual([]);
  });

  it('is named when it runs past either end of the year, or is the next year', async () => {
    expect(await withPeriod('2020-07-01/2021-06-30')).toEqual(outside('2020-07-01/2021-06-30'));
    expect(await withPeriod('2021-07-01/2022-01-01')).toEqual(outside('2021-07-01/2022-01-01'));
    expect(await withPeriod('2022')).toEqual(outside('2022'));
  });

  it('is named when it starts on the day after the year but lasts longer than that day', async () => {
    expect(await withPeriod('2022-01-01/2022-01-31')).toEqual(outside('2022-01-01/2022-01-31'));
  });
});

describe('the ids a hint names', () => {
  it('are none, or up to five, with an ellipsis for more', () => {
    expect(known([])).toBe('');
    expect(known(new Set(['a1-d1']))).toBe(' (known here: a1-d1)');
    expect(known(['a', 'b', 'c', 'd', 'e'])).toBe(' (known here: a, b, c, d, e)');
    expect(known(['a', 'b', 'c', 'd', 'e', 'f'])).toBe(' (known here: a, b, c, d, e, …)');
  });

  it('finds a direction after the first, and a measure after the first of its direction', async () => {
    const secondMeasure = BASE[PROGRAMME_FILE]!.replace('            executors: Управління освіти\n', '            executors: Управління освіти\n          - title: Консультації\n');
    expect(await withResult('{ direction: a1-d2, measure: a1-d2-m2 }')).toEqual(
      twice({
        code: 'E_REF_UNKNOWN',
        file: OBSERVATIONS,
        line: 4,
        column: 42,
        path: 'groups[0].result.measure',
        message: 'direction a1-d2 has no measure "a1-d2-m2"',
        hint: 'Measures are named by their id in programme.yaml, or a1-d2-m1, a1-d2-m2… in their order (known here: a1-d2-m1).',
      }),
    );
    const withSecond = await problemsAfter(OBSERVATIONS, once('    unit: проєктів\n', '    unit: проєктів\n    result: { direction: a1-d2, measure: a1-d2-m2 }\n'), { [PROGRAMME_FILE]: secondMeasure });
    expect(withSecond).toEqual([]);
  });

  it('judges no reference to a programme while a programme.yaml fails its schema', async () => {
    const problems = await problemsAfter(PROGRAMME_FILE, once('developer: Відділ внутрішньої політики', 'developer: [Відділ]'), {
      [OBSERVATIONS]: once('    unit: проєктів\n', '    unit: проєктів\n    result: { programme: tc-other, direction: a1-d1 }\n')(BASE[OBSERVATIONS]!),
    });
    expect(problems).toEqual([
      { code: 'E_FIELD_TYPE', file: PROGRAMME_FILE, line: 6, column: 12, path: 'developer', message: 'expected text, found a list', hint: 'Figures are text in quotes as printed ("1 243 280,57"); lists start each item with "- "; dates are YYYY-MM-DD.' },
    ]);
  });
});
