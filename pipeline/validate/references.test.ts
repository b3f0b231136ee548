/**
 * What the cross-file checks tell an author, word for word: the base tree of the fixtures
 * with one edit at a time, and every problem it must show (code, file, line, column, path,
 * message, hint), each written out by hand from the edit.
 */
import { describe, expect, it } from 'vitest';
import { BASE, EXECUTION, OBSERVATIONS, once, problemsAfter, PROGRAMME, REPORT_DOCUMENT, TOTALS } from '../fixtures/base-tree.ts';

const PLAN_YEAR_HINT = 'Check the year column the amount was read from.';

describe('references between the files of the sources', () => {
  it('the base tree has none to report', async () => {
    expect(await problemsAfter(PROGRAMME, (text) => text)).toEqual([]);
  });

  it('names a programme an execution reports on that does not exist, with the ids that start alike', async () => {
    expect(await problemsAfter(EXECUTION, once('programme: tc-civic-initiatives-2020-2021', 'programme: tc-civic-2020'))).toEqual([
      {
        code: 'E_REF_UNKNOWN',
        file: EXECUTION,
        line: 1,
        column: 12,
        path: 'programme',
        message: 'no programme has the id "tc-civic-2020"',
        hint: 'An execution names a programme by the id in its programme.yaml (known here: tc-civic-initiatives-2020-2021).',
      },
    ]);
  });

  it('names the year of an execution outside its programme', async () => {
    expect(await problemsAfter(EXECUTION, once('year: 2021', 'year: 2022'))).toEqual([
      { code: 'E_YEAR_OUT_OF_PERIOD', file: EXECUTION, line: 2, column: 7, path: 'year', message: '2022 lies outside the programme period 2020–2021', hint: 'Check the year of the report against the programme it executes.' },
      {
        code: 'E_YEAR_OUT_OF_PERIOD',
        file: EXECUTION,
        line: 5,
        column: 16,
        path: 'items[0].direction',
        message: 'direction a1-d1 belongs to annex 1 (2020–2021), which does not cover 2022',
        hint: 'Name the direction from the annex that plans the report\'s year.',
      },
      {
        code: 'E_YEAR_OUT_OF_PERIOD',
        file: EXECUTION,
        line: 10,
        column: 16,
        path: 'items[1].direction',
        message: 'direction a1-d2 belongs to annex 1 (2020–2021), which does not cover 2022',
        hint: 'Name the direction from the annex that plans the report\'s year.',
      },
    ]);
  });

  it('names an unknown direction and one listed twice', async () => {
    expect(await problemsAfter(EXECUTION, once('direction: a1-d2', 'direction: a1-d1'))).toEqual([
      { code: 'E_ID_DUPLICATE', file: EXECUTION, line: 10, column: 16, path: 'items[1].direction', message: 'direction a1-d1 is listed twice', hint: 'Give each direction one item; add its amounts together only if the source does.' },
    ]);
    expect(await problemsAfter(EXECUTION, once('direction: a1-d2', 'direction: b-d2'))).toEqual([
      { code: 'E_REF_UNKNOWN', file: EXECUTION, line: 10, column: 16, path: 'items[1].direction', message: 'the programme tc-civic-initiatives-2020-2021 has no direction "b-d2"', hint: `Directions are named by their id in ${PROGRAMME}.` },
    ]);
  });

  it('names a programme period that ends before it starts, and the years that then lie outside it', async () => {
    const problems = await problemsAfter(PROGRAMME, once('period: { start: 2020, end: 2021 }\namendments', 'period: { start: 2021, end: 2020 }\namendments'));
    expect(problems.filter((problem) => problem.file === PROGRAMME)).toEqual([
      { code: 'E_PERIOD_ORDER', file: PROGRAMME, line: 3, column: 9, path: 'period', message: 'the period ends (2020) before it starts (2021)', hint: 'Swap start and end.' },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 15, column: 15, path: 'funding.years[0].year', message: '2020 lies outside the programme period 2021–2020', hint: 'Check the year, or the programme period after its latest amendment.' },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 16, column: 15, path: 'funding.years[1].year', message: '2021 lies outside the programme period 2021–2020', hint: 'Check the year, or the programme period after its latest amendment.' },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 22, column: 13, path: 'annexes[0].period', message: 'annex 1 covers 2020–2021, outside the programme period 2021–2020', hint: 'An annex plans years of its programme only.' },
    ]);
  });

  it('names a year of the funding table given twice', async () => {
    expect(await problemsAfter(PROGRAMME, once('{ year: 2021, total: "180 000,00"', '{ year: 2020, total: "180 000,00"'))).toContainEqual({
      code: 'E_ID_DUPLICATE',
      file: PROGRAMME,
      line: 16,
      column: 15,
      path: 'funding.years[1].year',
      message: '2020 has two rows in the passport funding table',
      hint: 'Keep one row per year.',
    });
  });

  it('names an annex that ends before it starts, and years planned outside an annex', async () => {
    const problems = await problemsAfter(PROGRAMME, once('    period: { start: 2020, end: 2021 }\n    unit', '    period: { start: 2021, end: 2020 }\n    unit'));
    expect(problems.filter((problem) => problem.file === PROGRAMME)).toEqual([
      { code: 'E_PERIOD_ORDER', file: PROGRAMME, line: 22, column: 13, path: 'annexes[0].period', message: 'annex 1 ends (2020) before it starts (2021)', hint: 'Swap start and end.' },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 29, column: 20, path: 'annexes[0].directions[0].planned.2020', message: 'direction a1-d1 plans money for 2020, outside annex 1 (2021–2020)', hint: PLAN_YEAR_HINT },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 29, column: 42, path: 'annexes[0].directions[0].planned.2021', message: 'direction a1-d1 plans money for 2021, outside annex 1 (2021–2020)', hint: PLAN_YEAR_HINT },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 39, column: 20, path: 'annexes[0].directions[1].planned.2020', message: 'direction a1-d2 plans money for 2020, outside annex 1 (2021–2020)', hint: PLAN_YEAR_HINT },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 39, column: 41, path: 'annexes[0].directions[1].planned.2021', message: 'direction a1-d2 plans money for 2021, outside annex 1 (2021–2020)', hint: PLAN_YEAR_HINT },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 44, column: 18, path: 'annexes[0].total_row.2020', message: 'the «Усього» row has 2020, outside annex 1 (2021–2020)', hint: 'Check the year column.' },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 44, column: 40, path: 'annexes[0].total_row.2021', message: 'the «Усього» row has 2021, outside annex 1 (2021–2020)', hint: 'Check the year column.' },
    ]);
  });

  it('names ids of annexes, directions and measures used twice in a programme', async () => {
    const problems = await problemsAfter(PROGRAMME, once('      - id: a1-d2', '      - id: annex-1'));
    expect(problems.filter((problem) => problem.code === 'E_ID_DUPLICATE')).toEqual([
      { code: 'E_ID_DUPLICATE', file: PROGRAMME, line: 36, column: 13, path: 'annexes[0].directions[1].id', message: 'the direction id "annex-1" is used twice in this programme', hint: 'Ids of annexes, directions and measures are unique within a programme.' },
    ]);
  });

  it('names a stated total whose parts are unknown, counted twice or the total itself, in the order of the file', async () => {
    expect(await problemsAfter(TOTALS, once('parts: [appeals-online, appeals-letters]', 'parts: [appeals-online, appeals-total, appeals-online, appeals-phone]'))).toEqual([
      { code: 'E_ID_DUPLICATE', file: TOTALS, line: 5, column: 29, path: 'totals[0].parts[1]', message: '"appeals-total" is counted twice in this total', hint: 'List each part once, and not the total itself.' },
      { code: 'E_ID_DUPLICATE', file: TOTALS, line: 5, column: 44, path: 'totals[0].parts[2]', message: '"appeals-online" is counted twice in this total', hint: 'List each part once, and not the total itself.' },
      { code: 'E_REF_UNKNOWN', file: TOTALS, line: 5, column: 60, path: 'totals[0].parts[3]', message: '"appeals-phone" is not an observation of this document', hint: 'A stated total names observations by id from test-city-council/tc-2021-execution-report/observations.yaml (known here: appeals-total, appeals-online, appeals-letters).' },
    ]);
  });

  it('names a stated total listed twice, and one whose total is no observation', async () => {
    const twice = `${BASE[TOTALS]!}  - id: appeals-by-channel\n    label: Ще раз\n    total: projects\n    parts: [projects-won, projects-submitted]\n`;
    expect(await problemsAfter(TOTALS, () => twice)).toEqual([
      { code: 'E_ID_DUPLICATE', file: TOTALS, line: 6, column: 9, path: 'totals[1].id', message: 'the stated total "appeals-by-channel" is listed twice', hint: 'Give each stated total its own id.' },
      { code: 'E_REF_UNKNOWN', file: TOTALS, line: 8, column: 12, path: 'totals[1].total', message: '"projects" is not an observation of this document', hint: 'A stated total names observations by id from test-city-council/tc-2021-execution-report/observations.yaml (known here: projects-submitted, projects-won).' },
    ]);
  });

  it('names an observation id used twice in a document', async () => {
    expect(await problemsAfter(OBSERVATIONS, once('- id: projects-won', '- id: projects-submitted'))).toContainEqual({
      code: 'E_ID_DUPLICATE',
      file: OBSERVATIONS,
      line: 10,
      column: 13,
      path: 'groups[0].observations[1].id',
      message: 'the observation id "projects-submitted" is used twice in this document',
      hint: 'Give each figure its own id; add what distinguishes it (a district, a year, a channel).',
    });
  });

  it('names a document period that ends before it starts, or a date no calendar has', async () => {
    expect(await problemsAfter(REPORT_DOCUMENT, once('period: 2021', 'period: 2021-12-31/2021-01-01'))).toEqual([
      { code: 'E_PERIOD_ORDER', file: REPORT_DOCUMENT, line: 4, column: 9, path: 'period', message: 'the period 2021-12-31/2021-01-01 ends before it starts', hint: 'Write the interval as start/end.' },
    ]);
    expect(await problemsAfter(REPORT_DOCUMENT, once('period: 2021', 'period: 2021-01-01/2021-02-30'))).toEqual([
      { code: 'E_FIELD_VALUE', file: REPORT_DOCUMENT, line: 4, column: 9, path: 'period', message: '2021-02-30 is not a calendar date', hint: 'Check the day and month.' },
    ]);
  });

  it('names a document id that differs from its folder', async () => {
    expect(await problemsAfter(REPORT_DOCUMENT, once('id: tc-2021-execution-report', 'id: tc-2021-report'))).toContainEqual({
      code: 'E_ID_FOLDER',
      file: REPORT_DOCUMENT,
      line: 1,
      column: 5,
      path: 'id',
      message: 'the document id "tc-2021-report" differs from its folder name "tc-2021-execution-report"',
      hint: 'Rename the folder or the id so both read "tc-2021-report".',
    });
  });
});

const DECISION_DOCUMENT = 'test-city-council/tc-2019-decision-7/document.yaml';
const PUBLISHER = 'test-city-council/publisher.yaml';
const SECOND = 'test-city-council/tc-2022-execution-report';
const OTHER = 'other-council';

describe('references across documents and publishers', () => {
  it('names a publisher id that differs from its folder', async () => {
    expect(await problemsAfter(PUBLISHER, once('id: test-city-council', 'id: test-city'))).toContainEqual({
      code: 'E_ID_FOLDER',
      file: PUBLISHER,
      line: 1,
      column: 5,
      path: 'id',
      message: 'the publisher id "test-city" differs from its folder name "test-city-council"',
      hint: 'Rename the folder or the id so both read "test-city"; published URLs are built from it.',
    });
  });

  it('names a programme id already used by another document', async () => {
    const copy = 'test-city-council/tc-2020-decision-9';
    const problems = await problemsAfter(PROGRAMME, (text) => text, {
      [`${copy}/document.yaml`]: BASE[DECISION_DOCUMENT]!.replace('id: tc-2019-decision-7', 'id: tc-2020-decision-9'),
      [`${copy}/programme.yaml`]: BASE[PROGRAMME]!,
    });
    expect(problems.filter((problem) => problem.code === 'E_ID_DUPLICATE')).toEqual([
      {
        code: 'E_ID_DUPLICATE',
        file: `${copy}/programme.yaml`,
        line: 1,
        column: 5,
        path: 'id',
        message: `the programme id "tc-civic-initiatives-2020-2021" is already used by ${PROGRAMME}`,
        hint: 'Programme ids are unique across the portal.',
      },
    ]);
  });

  it('names a year of a programme reported by a second execution', async () => {
    const problems = await problemsAfter(EXECUTION, (text) => text, {
      [`${SECOND}/document.yaml`]: BASE[REPORT_DOCUMENT]!.replace('id: tc-2021-execution-report', 'id: tc-2022-execution-report'),
      [`${SECOND}/execution.yaml`]: BASE[EXECUTION]!,
    });
    expect(problems.filter((problem) => problem.code === 'E_ID_DUPLICATE')).toEqual([
      {
        code: 'E_ID_DUPLICATE',
        file: `${SECOND}/execution.yaml`,
        line: 2,
        column: 7,
        path: 'year',
        message: `the execution of tc-civic-initiatives-2020-2021 in 2021 is already reported by ${EXECUTION}`,
        hint: 'A year of a programme is reported once: keep the report that the council approved last, and remove execution.yaml from the other document (or correct its year).',
      },
    ]);
  });

  it('refuses an execution of another publisher\'s programme', async () => {
    const problems = await problemsAfter(EXECUTION, (text) => text, {
      [`${OTHER}/publisher.yaml`]: BASE[PUBLISHER]!.replace('id: test-city-council', `id: ${OTHER}`),
      [`${OTHER}/o-2021-report/document.yaml`]: BASE[REPORT_DOCUMENT]!.replace('id: tc-2021-execution-report', 'id: o-2021-report'),
      [`${OTHER}/o-2021-report/execution.yaml`]: BASE[EXECUTION]!,
    });
    expect(problems.filter((problem) => problem.code === 'E_REF_FOREIGN')).toEqual([
      {
        code: 'E_REF_FOREIGN',
        file: `${OTHER}/o-2021-report/execution.yaml`,
        line: 1,
        column: 12,
        path: 'programme',
        message: `the programme "tc-civic-initiatives-2020-2021" is test-city-council's; a report of ${OTHER} cannot report on it`,
        hint: `A council's report gives the execution of its own programmes: move the document under test-city-council/ if it is that council's report, or name a programme of ${OTHER}.`,
      },
    ]);
  });

  it('names a year a measure plans outside its annex, and a measure id used twice', async () => {
    const edit = once(
      '          - title: Проведення конкурсу\n',
      '          - title: Проведення конкурсу\n            id: m-1\n            planned: { "2021": "1,00", "2022": "1,00" }\n',
    );
    const problems = await problemsAfter(PROGRAMME, (text) => edit(text).replace('          - title: Семінари', '          - id: m-1\n            title: Семінари'));
    expect(problems.filter((problem) => problem.file === PROGRAMME)).toEqual([
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 34, column: 40, path: 'annexes[0].directions[0].measures[0].planned.2022', message: 'a measure plans money for 2022, outside annex 1 (2020–2021)', hint: PLAN_YEAR_HINT },
      { code: 'E_ID_DUPLICATE', file: PROGRAMME, line: 44, column: 17, path: 'annexes[0].directions[1].measures[0].id', message: 'the measure id "m-1" is used twice in this programme', hint: 'Ids of annexes, directions and measures are unique within a programme.' },
    ]);
  });

  it('names a total whose parts make a cell longer than a spreadsheet holds, counted to the character', async () => {
    // Each part is published as "tc-2021-execution-report;<id>" (25 + its length), joined by "; ".
    // 307 parts of 80 characters less 80 make 307 × 105 − 80 + 2 × 306 = 32 767 + extra characters.
    const totals = (extra: number) => {
      const lengths = [40, 40 + extra, ...Array.from({ length: 305 }, () => 80)];
      const parts = lengths.map((length, n) => `p${String(n).padStart(4, '0')}`.padEnd(length, 'x'));
      return `totals:\n  - id: big\n    label: Велика\n    total: appeals-total\n    parts: [${parts.join(', ')}]\n`;
    };
    const tooLong = async (extra: number) => (await problemsAfter(TOTALS, () => totals(extra))).filter((problem) => problem.code === 'E_TEXT_TOO_LONG');
    expect(await tooLong(0)).toEqual([]);
    expect(await tooLong(1)).toEqual([
      {
        code: 'E_TEXT_TOO_LONG',
        file: TOTALS,
        line: 5,
        column: 12,
        path: 'totals[0].parts',
        message: 'the 307 parts of this total make a cell of 32768 characters; a spreadsheet cell holds at most 32767',
        hint: 'Split the total into stated totals of fewer parts (by district, by month), each with a total of its own.',
      },
    ]);
  });
});

const TYPE_HINT = 'Figures are text in quotes as printed ("1 243 280,57"); lists start each item with "- "; dates are YYYY-MM-DD.';

describe('what a reference check leaves alone, and the bounds it draws', () => {
  it('checks no reference into a file that failed its schema, but still those into others', async () => {
    const brokenObservations = { [OBSERVATIONS]: BASE[OBSERVATIONS]!.replace('value: 42', 'value: [42]'), [EXECUTION]: BASE[EXECUTION]!.replace('programme: tc-civic-initiatives-2020-2021', 'programme: tc-other') };
    expect(await problemsAfter(OBSERVATIONS, (text) => text, brokenObservations)).toEqual([
      { code: 'E_REF_UNKNOWN', file: EXECUTION, line: 1, column: 12, path: 'programme', message: 'no programme has the id "tc-other"', hint: 'An execution names a programme by the id in its programme.yaml (known here: tc-civic-initiatives-2020-2021).' },
      { code: 'E_FIELD_TYPE', file: OBSERVATIONS, line: 8, column: 16, path: 'groups[0].observations[0].value', message: 'expected text or a number, found a list', hint: TYPE_HINT },
    ]);
    const brokenProgramme = await problemsAfter(PROGRAMME, once('developer: Відділ внутрішньої політики', 'developer: [Відділ]'), { [EXECUTION]: brokenObservations[EXECUTION] });
    expect(brokenProgramme).toEqual([{ code: 'E_FIELD_TYPE', file: PROGRAMME, line: 6, column: 12, path: 'developer', message: 'expected text, found a list', hint: TYPE_HINT }]);
  });

  it('takes executions of one programme in two different years, the first year of the period included', async () => {
    expect(await problemsAfter(EXECUTION, (text) => text, {
      [`${SECOND}/document.yaml`]: BASE[REPORT_DOCUMENT]!.replace('id: tc-2021-execution-report', 'id: tc-2022-execution-report'),
      [`${SECOND}/execution.yaml`]: BASE[EXECUTION]!.replace('year: 2021', 'year: 2020'),
    })).toEqual([]);
  });

  it('names a document id used under another publisher', async () => {
    const problems = await problemsAfter(DECISION_DOCUMENT, (text) => text, {
      [`${OTHER}/publisher.yaml`]: BASE[PUBLISHER]!.replace('id: test-city-council', `id: ${OTHER}`),
      [`${OTHER}/tc-2019-decision-7/document.yaml`]: BASE[DECISION_DOCUMENT]!,
    });
    expect(problems).toEqual([
      {
        code: 'E_ID_DUPLICATE',
        file: DECISION_DOCUMENT,
        line: 1,
        column: 5,
        path: 'id',
        message: `the document id "tc-2019-decision-7" is already used by ${OTHER}/tc-2019-decision-7/document.yaml`,
        hint: 'Document ids are unique across all publishers; add the publisher or year to this one.',
      },
    ]);
  });

  it('names the period of a group and of an observation that ends before it starts', async () => {
    const order = { code: 'E_PERIOD_ORDER', file: OBSERVATIONS, hint: 'Write the interval as start/end.' };
    expect(await problemsAfter(OBSERVATIONS, once('    unit: проєктів\n', '    unit: проєктів\n    period: 2021-12-31/2021-01-01\n'))).toEqual([
      { ...order, line: 4, column: 13, path: 'groups[0].period', message: 'the period 2021-12-31/2021-01-01 ends before it starts' },
    ]);
    expect(await problemsAfter(OBSERVATIONS, once('        value: 12\n', '        value: 12\n        period: 2021-06-30/2021-06-01\n'))).toEqual([
      { ...order, line: 13, column: 17, path: 'groups[0].observations[1].period', message: 'the period 2021-06-30/2021-06-01 ends before it starts' },
    ]);
  });

  it('takes a period of one year, one day, or from one year to the next', async () => {
    expect(await problemsAfter(PROGRAMME, once('period: { start: 2020, end: 2021 }\namendments', 'period: { start: 2020, end: 2020 }\namendments'))).not.toContainEqual(expect.objectContaining({ code: 'E_PERIOD_ORDER' }));
    expect(await problemsAfter(PROGRAMME, once('    period: { start: 2020, end: 2021 }\n    unit', '    period: { start: 2021, end: 2021 }\n    unit'))).not.toContainEqual(expect.objectContaining({ code: 'E_PERIOD_ORDER' }));
    expect(await problemsAfter(REPORT_DOCUMENT, once('period: 2021', 'period: 2021-03-01/2021-03-01'))).toEqual([]);
    expect(await problemsAfter(REPORT_DOCUMENT, once('period: 2021', 'period: 2021/2022'))).toEqual([]);
  });

  it('names an annex that runs past the end of its programme', async () => {
    expect(await problemsAfter(PROGRAMME, once('    period: { start: 2020, end: 2021 }\n    unit', '    period: { start: 2020, end: 2022 }\n    unit'))).toEqual([
      { code: 'E_YEAR_OUT_OF_PERIOD', file: PROGRAMME, line: 22, column: 13, path: 'annexes[0].period', message: 'annex 1 covers 2020–2022, outside the programme period 2020–2021', hint: 'An annex plans years of its programme only.' },
    ]);
  });

  it('names an annex id used twice in a programme', async () => {
    const second = ['  - id: annex-1', '    number: 2', '    title: Додаток 2', '    period: { start: 2020, end: 2021 }', '    unit: грн', '    directions:', '      - id: a2-d1', '        number: 1', '        title: Інше', '        measures:', '          - title: Захід', ''].join('\n');
    const problems = await problemsAfter(PROGRAMME, (text) => text + second);
    expect(problems.filter((problem) => problem.code === 'E_ID_DUPLICATE')).toEqual([
      { code: 'E_ID_DUPLICATE', file: PROGRAMME, line: 45, column: 9, path: 'annexes[1].id', message: 'the annex id "annex-1" is used twice in this programme', hint: 'Ids of annexes, directions and measures are unique within a programme.' },
    ]);
  });

  it('suggests at most five ids that start alike', async () => {
    const more = ['a', 'b', 'c', 'd'].map((x) => `      - id: appeals-${x}\n        indicator: Звернення\n        value: 1\n        quote: "1"\n`).join('');
    const problems = await problemsAfter(TOTALS, once('appeals-letters]', 'appeals-phone]'), { [OBSERVATIONS]: `${BASE[OBSERVATIONS]!}  - section: "4. Інше"\n    unit: звернень\n    observations:\n${more}` });
    expect(problems).toEqual([
      { code: 'E_REF_UNKNOWN', file: TOTALS, line: 5, column: 29, path: 'totals[0].parts[1]', message: '"appeals-phone" is not an observation of this document', hint: 'A stated total names observations by id from test-city-council/tc-2021-execution-report/observations.yaml (known here: appeals-total, appeals-online, appeals-letters, appeals-a, appeals-b).' },
    ]);
  });

  it('names the year of an execution before its programme and its annex start', async () => {
    const annexHint = 'Name the direction from the annex that plans the report\'s year.';
    expect(await problemsAfter(EXECUTION, once('year: 2021', 'year: 2019'))).toEqual([
      { code: 'E_YEAR_OUT_OF_PERIOD', file: EXECUTION, line: 2, column: 7, path: 'year', message: '2019 lies outside the programme period 2020–2021', hint: 'Check the year of the report against the programme it executes.' },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: EXECUTION, line: 5, column: 16, path: 'items[0].direction', message: 'direction a1-d1 belongs to annex 1 (2020–2021), which does not cover 2019', hint: annexHint },
      { code: 'E_YEAR_OUT_OF_PERIOD', file: EXECUTION, line: 10, column: 16, path: 'items[1].direction', message: 'direction a1-d2 belongs to annex 1 (2020–2021), which does not cover 2019', hint: annexHint },
    ]);
  });
});
