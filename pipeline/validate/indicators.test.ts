/**
 * What indicators.yaml is told, word for word: the base tree with a vocabulary added. The
 * base report (tc-2021-execution-report) has projects-submitted (code
 * civic-projects-submitted) and projects-won in проєктів, and appeals-total, appeals-online,
 * appeals-letters in звернень, all of 2021.
 */
import { describe, expect, it } from 'vitest';
import { BASE, OBSERVATIONS, once, problemsAfter, REPORT_DOCUMENT } from '../fixtures/base-tree.ts';

const FILE = 'indicators.yaml';
const R = 'tc-2021-execution-report';

/** The problems of the base tree with an indicators.yaml of `indicators` (and `related`). */
const withVocabulary = (indicators: string, related = '') => problemsAfter(REPORT_DOCUMENT, (text) => text, { [FILE]: `indicators:\n${indicators}${related ? `related:\n${related}` : ''}` });

/** A shared indicator of `code` in `unit`, listing `observations` (the entry's first five lines, then one line a figure). */
const indicator = (code: string, unit: string, observations: string[]) =>
  `  - code: ${code}\n    name: { uk: Назва, en: Name }\n    definition: { uk: Що лічиться. }\n    unit: ${unit}\n    observations:\n${observations.map((o) => `      - ${o}\n`).join('')}`;

const appeals = indicator('citizens-appeals', 'звернень', [`${R}/appeals-total`]);

describe('the shared indicators', () => {
  it('take a figure listed once, in their unit', async () => {
    expect(await withVocabulary(appeals)).toEqual([]);
  });

  it('name a figure that does not exist, with the figures of its document or the documents there are', async () => {
    expect(await withVocabulary(indicator('citizens-appeals', 'звернень', [`${R}/appeals-phone`, 'tc-2020/appeals']))).toEqual([
      {
        code: 'E_REF_UNKNOWN',
        file: FILE,
        line: 7,
        column: 9,
        path: 'indicators[0].observations[0]',
        message: `"${R}/appeals-phone" is not an observation of the sources`,
        hint: `Name an observation of ${R} by its id (known here: projects-submitted, projects-won, appeals-total, appeals-online, appeals-letters).`,
      },
      {
        code: 'E_REF_UNKNOWN',
        file: FILE,
        line: 8,
        column: 9,
        path: 'indicators[0].observations[1]',
        message: '"tc-2020/appeals" is not an observation of the sources',
        hint: `Name a document folder first, then the observation's id: document-id/observation-id (known here: tc-2019-decision-7, ${R}).`,
      },
    ]);
  });

  it('name a code used twice, and a figure listed under two of them', async () => {
    expect(await withVocabulary(appeals + appeals)).toEqual([
      { code: 'E_ID_DUPLICATE', file: FILE, line: 8, column: 11, path: 'indicators[1].code', message: 'the indicator code "citizens-appeals" is used twice', hint: 'Each shared indicator has a code of its own: its page lives at /indicators/CODE/.' },
      { code: 'E_ID_DUPLICATE', file: FILE, line: 13, column: 9, path: 'indicators[1].observations[0]', message: `${R}/appeals-total is already listed under the indicator citizens-appeals`, hint: 'A figure counts one thing: list it under one indicator, once.' },
    ]);
  });

  it('name a figure in another unit, and a unit units.yaml does not count in', async () => {
    expect(await withVocabulary(indicator('citizens-appeals', 'осіб', [`${R}/appeals-total`]))).toEqual([
      { code: 'E_UNIT_CONFLICT', file: FILE, line: 7, column: 9, path: 'indicators[0].observations[0]', message: `${R}/appeals-total counts in "звернень", the indicator citizens-appeals in "осіб"`, hint: 'Figures of one indicator count in one unit; if this figure counts something else, relate it (related:) instead of sharing.' },
    ]);
    expect(await withVocabulary(indicator('citizens-appeals', 'листів', [`${R}/appeals-total`]))).toEqual([
      { code: 'E_UNIT_UNKNOWN', file: FILE, line: 2, column: 11, path: 'indicators[0].code', message: 'the indicator citizens-appeals counts in "листів", which is not a counted unit of units.yaml', hint: 'Write грн, % or a unit units.yaml lists with its forms (the form after 5: органів, звернень).' },
      { code: 'E_UNIT_CONFLICT', file: FILE, line: 7, column: 9, path: 'indicators[0].observations[0]', message: `${R}/appeals-total counts in "звернень", the indicator citizens-appeals in "листів"`, hint: 'Figures of one indicator count in one unit; if this figure counts something else, relate it (related:) instead of sharing.' },
    ]);
  });

  it('name a figure whose own code is a shared indicator that does not list it', async () => {
    expect(await withVocabulary(indicator('civic-projects-submitted', 'проєктів', [`${R}/projects-won`]))).toEqual([
      {
        code: 'E_INDICATOR_UNLISTED',
        file: 'test-city-council/tc-2021-execution-report/observations.yaml',
        line: 7,
        column: 15,
        path: 'groups[0].observations[0].code',
        message: `the figure's code is the shared indicator "civic-projects-submitted", whose list in indicators.yaml does not name ${R}/projects-submitted`,
        hint: `Two figures share an indicator only when the vocabulary says they count the same thing: add ${R}/projects-submitted to the indicator's observations if it does, or give the figure a code of its own.`,
      },
    ]);
  });

  it('name relations of fewer than two things, of one thing twice, or of what is already one indicator', async () => {
    const related = [
      `  - id: single\n    observations: [${R}/appeals-online]\n    difference: Лише частина.\n`,
      `  - id: none\n    difference: Нічого.\n`,
      `  - id: twice\n    observations: [${R}/appeals-online, ${R}/appeals-online]\n    difference: Те саме двічі.\n`,
      `  - id: same\n    observations: [${R}/appeals-total]\n    indicators: [citizens-appeals, petitions]\n    difference: Те саме.\n`,
      `  - id: single\n    observations: [${R}/appeals-online, ${R}/appeals-letters]\n    difference: Канали.\n`,
    ].join('');
    expect(await withVocabulary(appeals, related)).toEqual([
      { code: 'E_RELATION_INVALID', file: FILE, line: 9, column: 9, path: 'related[0].id', message: 'the relation single names 1 thing', hint: 'A relation sets at least two figures or indicators side by side.' },
      { code: 'E_RELATION_INVALID', file: FILE, line: 12, column: 9, path: 'related[1].id', message: 'the relation none names 0 things', hint: 'A relation sets at least two figures or indicators side by side.' },
      { code: 'E_RELATION_INVALID', file: FILE, line: 15, column: 61, path: 'related[2].observations[1]', message: `${R}/appeals-online is named twice in the relation twice`, hint: 'Name each figure or indicator of a relation once.' },
      {
        code: 'E_RELATION_INVALID',
        file: FILE,
        line: 19,
        column: 18,
        path: 'related[3].indicators[0]',
        message: `citizens-appeals and ${R}/appeals-total are already one indicator, citizens-appeals: the vocabulary says they count the same thing`,
        hint: 'A relation sets apart things that differ; take out the one the indicator already holds.',
      },
      { code: 'E_REF_UNKNOWN', file: FILE, line: 19, column: 36, path: 'related[3].indicators[1]', message: 'no shared indicator has the code "petitions"', hint: 'Name an indicator of this file by its code (known here: citizens-appeals).' },
      { code: 'E_ID_DUPLICATE', file: FILE, line: 21, column: 9, path: 'related[4].id', message: 'the relation id "single" is used twice', hint: 'Give each relation an id of its own.' },
    ]);
  });

  it('name a figure of a document that has none, and a relation of one indicator alone', async () => {
    const related = '  - id: alone\n    indicators: [citizens-appeals]\n    difference: Саме.\n';
    expect(await withVocabulary(indicator('citizens-appeals', 'звернень', [`${R}/appeals-total`, 'tc-2019-decision-7/appeals']), related)).toEqual([
      { code: 'E_REF_UNKNOWN', file: FILE, line: 8, column: 9, path: 'indicators[0].observations[1]', message: '"tc-2019-decision-7/appeals" is not an observation of the sources', hint: 'Name an observation of tc-2019-decision-7 by its id.' },
      { code: 'E_RELATION_INVALID', file: FILE, line: 10, column: 9, path: 'related[0].id', message: 'the relation alone names 1 thing', hint: 'A relation sets at least two figures or indicators side by side.' },
    ]);
  });

  it('name a count listed under an indicator of money, and nothing of the unit грн itself', async () => {
    expect(await withVocabulary(indicator('civic-money', 'грн', [`${R}/appeals-total`]))).toEqual([
      { code: 'E_UNIT_CONFLICT', file: FILE, line: 7, column: 9, path: 'indicators[0].observations[0]', message: `${R}/appeals-total counts in "звернень", the indicator civic-money in "грн"`, hint: 'Figures of one indicator count in one unit; if this figure counts something else, relate it (related:) instead of sharing.' },
    ]);
  });

  it('name a figure of one budget group under an indicator of another, and take one of the same group', async () => {
    const grouped = (group: string) =>
      problemsAfter(REPORT_DOCUMENT, (text) => text, {
        [FILE]: `indicators:\n${appeals.replace('    unit: звернень\n', `    unit: звернень\n    group: ${group}\n`)}`,
        [OBSERVATIONS]: once('        value: "близько 1,2 тис."\n', '        value: "близько 1,2 тис."\n        budget_group: product\n')(BASE[OBSERVATIONS]!),
      });
    expect(await grouped('product')).toEqual([]);
    // A group on one side only says nothing against the other.
    const groupOfIndicator = await problemsAfter(REPORT_DOCUMENT, (text) => text, { [FILE]: `indicators:\n${appeals.replace('    unit: звернень\n', '    unit: звернень\n    group: cost\n')}` });
    expect(groupOfIndicator).toEqual([]);
    const groupOfFigure = await problemsAfter(REPORT_DOCUMENT, (text) => text, {
      [FILE]: `indicators:\n${appeals}`,
      [OBSERVATIONS]: once('        value: "близько 1,2 тис."\n', '        value: "близько 1,2 тис."\n        budget_group: product\n')(BASE[OBSERVATIONS]!),
    });
    expect(groupOfFigure).toEqual([]);
    expect(await grouped('cost')).toEqual([
      {
        code: 'E_INDICATOR_GROUP',
        file: FILE,
        line: 8,
        column: 9,
        path: 'indicators[0].observations[0]',
        message: `${R}/appeals-total is an indicator of продукту in its document, the indicator citizens-appeals one of затрат`,
        hint: 'A passport\'s group is part of what an indicator measures: correct one of the two, or relate the figure instead of sharing.',
      },
    ]);
  });
});

describe('the figures an indicator shares', () => {
  /** The base report with a third group: grants-paid in тис. грн and projects-share in %. */
  const money = once(
    '  - section: "3. Звернення"\n',
    '  - section: "4. Кошти"\n    unit: тис. грн\n    observations:\n      - id: grants-paid\n        indicator: Виплачено грантів\n        value: "149,5"\n        quote: "виплачено 149,5 тис. грн"\n      - id: projects-share\n        indicator: Частка проєктів-переможців\n        unit: "%"\n        value: "28,6"\n        quote: "28,6 %"\n  - section: "3. Звернення"\n',
  );
  const withMoney = (indicators: string) => problemsAfter(OBSERVATIONS, money, { [FILE]: `indicators:\n${indicators}` });
  const conflict = (line: number, key: string, unit: string, code: string, indicatorUnit: string) => ({
    code: 'E_UNIT_CONFLICT',
    file: FILE,
    line,
    column: 9,
    path: 'indicators[0].observations[0]',
    message: `${R}/${key} counts in "${unit}", the indicator ${code} in "${indicatorUnit}"`,
    hint: 'Figures of one indicator count in one unit; if this figure counts something else, relate it (related:) instead of sharing.',
  });

  it('take a sum of money in another money unit, and a share in %', async () => {
    expect(await withMoney(indicator('grants', 'грн', [`${R}/grants-paid`]) + indicator('winners-share', '"%"', [`${R}/projects-share`]))).toEqual([]);
  });

  it('name a count under an indicator of shares, and a sum of money under one of counts', async () => {
    expect(await withMoney(indicator('winners-share', '"%"', [`${R}/projects-won`]))).toEqual([conflict(7, 'projects-won', 'проєктів', 'winners-share', '%')]);
    expect(await withMoney(indicator('grants', 'проєктів', [`${R}/grants-paid`]))).toEqual([conflict(7, 'grants-paid', 'тис. грн', 'grants', 'проєктів')]);
    expect(await withMoney(indicator('grants', '"%"', [`${R}/grants-paid`]))).toEqual([conflict(7, 'grants-paid', 'тис. грн', 'grants', '%')]);
  });
});

describe('the code of a figure', () => {
  const unlisted = {
    code: 'E_INDICATOR_UNLISTED',
    file: OBSERVATIONS,
    line: 7,
    column: 15,
    path: 'groups[0].observations[0].code',
    message: `the figure's code is the shared indicator "civic-projects-submitted", whose list in indicators.yaml does not name ${R}/projects-submitted`,
    hint: `Two figures share an indicator only when the vocabulary says they count the same thing: add ${R}/projects-submitted to the indicator's observations if it does, or give the figure a code of its own.`,
  };

  it('may be the shared indicator that lists the figure', async () => {
    expect(await withVocabulary(indicator('civic-projects-submitted', 'проєктів', [`${R}/projects-submitted`]))).toEqual([]);
  });

  it('is named when the figure is listed under another indicator than its code', async () => {
    expect(await withVocabulary(indicator('civic-projects-submitted', 'проєктів', [`${R}/projects-won`]) + indicator('civic-projects', 'проєктів', [`${R}/projects-submitted`]))).toEqual([unlisted]);
  });
});

describe('a relation of shared figures', () => {
  /** The base report with appeals-letters counted over the first half of 2021, so that it is no part of the year's total. */
  const halfYear = { [OBSERVATIONS]: once('        dimensions: { channel: лист }\n', '        dimensions: { channel: лист }\n        period: 2021-01-01/2021-06-30\n')(BASE[OBSERVATIONS]!) };
  const vocabulary = (related: string) =>
    problemsAfter(REPORT_DOCUMENT, (text) => text, { ...halfYear, [FILE]: `indicators:\n${indicator('citizens-appeals', 'звернень', [`${R}/appeals-total`, `${R}/appeals-letters`])}related:\n${related}` });

  it('names the second of two figures of one indicator, with the first', async () => {
    expect(await vocabulary(`  - id: periods\n    observations: [${R}/appeals-online, ${R}/appeals-total, ${R}/appeals-letters]\n    difference: Рік і пів року.\n`)).toEqual([
      {
        code: 'E_RELATION_INVALID',
        file: FILE,
        line: 11,
        column: 101,
        path: 'related[0].observations[2]',
        message: `${R}/appeals-letters and ${R}/appeals-total are already one indicator, citizens-appeals: the vocabulary says they count the same thing`,
        hint: 'A relation sets apart things that differ; take out the one the indicator already holds.',
      },
    ]);
  });

  it('names a figure that does not exist once for each time a relation names it, and nothing more of it', async () => {
    const unknown = (column: number) => ({
      code: 'E_REF_UNKNOWN',
      file: FILE,
      line: 11,
      column,
      path: `related[0].observations[${column === 20 ? 0 : 1}]`,
      message: `"${R}/appeals-phone" is not an observation of the sources`,
      hint: `Name an observation of ${R} by its id (known here: projects-submitted, projects-won, appeals-total, appeals-online, appeals-letters).`,
    });
    expect(await vocabulary(`  - id: phone\n    observations: [${R}/appeals-phone, ${R}/appeals-phone]\n    difference: Двічі.\n`)).toEqual([unknown(20), unknown(60)]);
  });

  it('takes figures of no indicator, and one figure of an indicator beside them', async () => {
    expect(await vocabulary(`  - id: channels\n    observations: [${R}/appeals-online, ${R}/projects-won, ${R}/appeals-total]\n    difference: Канал і все.\n`)).toEqual([]);
  });
});
