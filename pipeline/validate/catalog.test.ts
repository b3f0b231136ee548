/**
 * What a publisher's datasets.yaml is told, word for word: the base tree's catalogue with one
 * edit at a time. The base catalogue has a programme dataset (line 2, named
 * test-city-civic-initiatives, with an id of its own) and an indicators dataset (line 11,
 * named from its title) of the one report with figures.
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { BASE, CATALOG, OBSERVATIONS, once, problemsAfter } from '../fixtures/base-tree.ts';
import { memorySources } from '../io/files.ts';

const PROGRAMME = 'tc-civic-initiatives-2020-2021';
const REPORT = 'tc-2021-execution-report';
/** Where a problem of the whole list is shown: the list under `datasets:`. */
const LIST = { file: CATALOG, line: 2, column: 3, path: 'datasets' };

describe('the datasets of a publisher', () => {
  it('names a programme the publisher does not have, and its own programme then left out', async () => {
    expect(await problemsAfter(CATALOG, once(`programme: ${PROGRAMME}`, 'programme: tc-other'))).toEqual([
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the programme "${PROGRAMME}" is in 0 datasets of ${CATALOG}`, hint: `Add a dataset with \`programme: ${PROGRAMME}\` so its figures are published.` },
      { code: 'E_REF_UNKNOWN', file: CATALOG, line: 10, column: 16, path: 'datasets[0].programme', message: 'test-city-council has no programme "tc-other"', hint: `A programme dataset names a programme of its own publisher (here: ${PROGRAMME}).` },
    ]);
  });

  it('names a document the publisher does not have, and its own report then left out', async () => {
    expect(await problemsAfter(CATALOG, once(`documents: [${REPORT}]`, 'documents: [tc-2021-report]'))).toEqual([
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the observations of "${REPORT}" are in 0 datasets of ${CATALOG}`, hint: `Add "${REPORT}" to the documents of an indicators dataset so its figures are published.` },
      { code: 'E_REF_UNKNOWN', file: CATALOG, line: 17, column: 17, path: 'datasets[1].documents[0]', message: 'test-city-council has no document "tc-2021-report"', hint: `Name a document folder of this publisher (here: tc-2019-decision-7, ${REPORT}).` },
    ]);
  });

  it('names a document without figures listed in an indicators dataset', async () => {
    expect(await problemsAfter(CATALOG, once(`documents: [${REPORT}]`, `documents: [${REPORT}, tc-2019-decision-7]`))).toEqual([
      { code: 'E_DATASET_COVERAGE', file: CATALOG, line: 17, column: 43, path: 'datasets[1].documents[1]', message: 'the document "tc-2019-decision-7" has no observations to publish', hint: 'List only documents with observations.yaml or observations.csv; a programme is published through its programme dataset.' },
    ]);
  });

  it('names a programme and a report each placed in two datasets', async () => {
    const again = (name: string, what: string) => `  - name: ${name}\n    title: Ще раз\n    description: Те саме.\n    keywords: [звіт]\n    themes: [GOVE]\n    frequency: once a year\n    purpose: Перевірка.\n    ${what}\n`;
    const twice = again('test-city-again', `programme: ${PROGRAMME}`) + again('test-city-once-more', `documents: [${REPORT}]`);
    expect(await problemsAfter(CATALOG, (text) => text + twice)).toEqual([
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the programme "${PROGRAMME}" is in 2 datasets of ${CATALOG}`, hint: 'Keep it in one dataset, so every figure is published once.' },
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the observations of "${REPORT}" are in 2 datasets of ${CATALOG}`, hint: 'Keep the document in one dataset, so every figure is published once.' },
    ]);
  });

  it('names a dataset name used twice, and one the portal keeps for its own pages', async () => {
    expect(await problemsAfter(CATALOG, once('  - title: Показники', '  - name: test-city-civic-initiatives\n    title: Показники'))).toEqual([
      { code: 'E_ID_DUPLICATE', file: CATALOG, line: 11, column: 11, path: 'datasets[1].name', message: `the dataset name "test-city-civic-initiatives" is already used in ${CATALOG}`, hint: 'Dataset names are unique across the portal; give this one an explicit `name`.' },
    ]);
    expect(await problemsAfter(CATALOG, once('  - title: Показники', '  - name: page\n    title: Показники'))).toEqual([
      { code: 'E_NAME_INVALID', file: CATALOG, line: 11, column: 11, path: 'datasets[1].name', message: 'the dataset name "page" is the name of the catalogue\'s pages /datasets/page/…', hint: 'Give the dataset an explicit `name:` of its own; the portal keeps this one for what it makes itself.' },
    ]);
  });

  it('names a dataset id used twice', async () => {
    expect(await problemsAfter(CATALOG, once('  - title: Показники', '  - id: 0b0f6d0e-5a8e-4e43-9a55-6d2f2a1c7e01\n    title: Показники'))).toEqual([
      { code: 'E_ID_DUPLICATE', file: CATALOG, line: 11, column: 9, path: 'datasets[1].id', message: `the dataset id 0b0f6d0e-5a8e-4e43-9a55-6d2f2a1c7e01 is already the id of ${CATALOG}`, hint: 'Each dataset has its own UUID.' },
    ]);
  });

  it('names a title that gives no name of two letters', async () => {
    expect(await problemsAfter(CATALOG, once('  - title: Показники звітів Тестової міської ради', '  - title: "7"'))).toEqual([
      { code: 'E_NAME_INVALID', file: CATALOG, line: 11, column: 12, path: 'datasets[1].title', message: 'the title gives the dataset the name "7": a name needs at least 2 Latin letters or digits', hint: 'Give the dataset an explicit `name:` of 2–100 lowercase Latin letters, digits, "-" or "_" (the title has too few Ukrainian or Latin letters to make one).' },
    ]);
  });

  it('names a dataset named like what the portal makes itself: the portal-wide package, the shared indicators, a register', async () => {
    const named = (name: string) => problemsAfter(CATALOG, once('  - title: Показники', `  - name: ${name}\n    title: Показники`));
    const problem = (name: string, what: string) => [
      { code: 'E_NAME_INVALID', file: CATALOG, line: 11, column: 11, path: 'datasets[1].name', message: `the dataset name "${name}" is the name of ${what}`, hint: 'Give the dataset an explicit `name:` of its own; the portal keeps this one for what it makes itself.' },
    ];
    // «Усі дані порталу», «Спільні показники: порівняння рад і періодів», «Реєстр наборів даних Тестова міська рада», transliterated by hand.
    expect(await named('usi-dani-portalu')).toEqual(problem('usi-dani-portalu', 'the portal-wide package'));
    expect(await named('spilni-pokaznyky-porivniannia-rad-i-periodiv')).toEqual(problem('spilni-pokaznyky-porivniannia-rad-i-periodiv', 'the shared indicators\' dataset'));
    expect(await named('reiestr-naboriv-danykh-testova-miska-rada')).toEqual(problem('reiestr-naboriv-danykh-testova-miska-rada', 'the register of test-city-council'));
  });

  it('names a dataset id that is the id of what the portal makes itself', async () => {
    // UUIDv5 of portal/all, portal/shared-indicators and test-city-council/register in the portal's namespace (Python's uuid.uuid5).
    for (const [id, what] of [
      ['71e2c4c8-474c-5fe7-87da-e8e25c6ee5d7', 'the portal-wide package'],
      ['cd5c61a4-7861-52e3-a910-d37213115a95', 'the shared indicators\' dataset'],
      ['e2b8a95c-875c-5d02-95ae-0bf07444a0ba', 'the register of test-city-council'],
    ] as const) {
      expect(await problemsAfter(CATALOG, once('  - title: Показники', `  - id: ${id}\n    title: Показники`))).toEqual([
        { code: 'E_ID_DUPLICATE', file: CATALOG, line: 11, column: 9, path: 'datasets[1].id', message: `the dataset id ${id} is already the id of ${what}`, hint: 'Each dataset has its own UUID.' },
      ]);
    }
  });

  it('names an id derived from a name used twice, with the name it came from', async () => {
    const again = `  - name: pokaznyky-zvitiv-testovoi-miskoi-rady\n    title: Ще раз\n    description: Те саме.\n    keywords: [звіт]\n    themes: [GOVE]\n    frequency: once a year\n    purpose: Перевірка.\n    documents: [${REPORT}]\n`;
    const problems = await problemsAfter(CATALOG, (text) => text + again);
    expect(problems.filter((problem) => problem.code === 'E_ID_DUPLICATE')).toEqual([
      { code: 'E_ID_DUPLICATE', file: CATALOG, line: 18, column: 11, path: 'datasets[2].name', message: `the dataset name "pokaznyky-zvitiv-testovoi-miskoi-rady" is already used in ${CATALOG}`, hint: 'Dataset names are unique across the portal; give this one an explicit `name`.' },
      {
        code: 'E_ID_DUPLICATE',
        file: CATALOG,
        line: 18,
        column: 11,
        path: 'datasets[2].name',
        message: `the dataset id c8be41bb-215b-5452-be4d-6d90f5e3f3ae, derived from the name "pokaznyky-zvitiv-testovoi-miskoi-rady", is already the id of ${CATALOG}`,
        hint: 'Give the dataset an explicit `id:` (a new UUID) or another `name:`.',
      },
    ]);
  });

  it('keeps every route of the catalogue\'s pages for the portal', async () => {
    for (const route of ['publisher', 'theme', 'year', 'format', 'page']) {
      expect(await problemsAfter(CATALOG, once('  - title: Показники', `  - name: ${route}\n    title: Показники`))).toEqual([
        { code: 'E_NAME_INVALID', file: CATALOG, line: 11, column: 11, path: 'datasets[1].name', message: `the dataset name "${route}" is the name of the catalogue's pages /datasets/${route}/…`, hint: 'Give the dataset an explicit `name:` of its own; the portal keeps this one for what it makes itself.' },
      ]);
    }
  });

  it('takes a title that gives a name of exactly two letters', async () => {
    expect(await problemsAfter(CATALOG, once('  - title: Показники звітів Тестової міської ради', '  - title: "78"'))).toEqual([]);
  });

  it('says nothing of coverage while datasets.yaml itself fails its schema', async () => {
    expect(await problemsAfter(CATALOG, once('themes: [GOVE]', 'themes: GOVE'))).toEqual([
      { code: 'E_FIELD_TYPE', file: CATALOG, line: 7, column: 13, path: 'datasets[0].themes', message: 'expected a list ("- " items), found the text "GOVE"', hint: 'Figures are text in quotes as printed ("1 243 280,57"); lists start each item with "- "; dates are YYYY-MM-DD.' },
    ]);
  });

  it('names a programme dataset of a publisher with no programmes, without a list of them', async () => {
    const other = 'other-council';
    const catalog = BASE[CATALOG]!.split('  - title:')[0]!.replace('name: test-city-civic-initiatives', 'name: other-civic-initiatives').replace('id: 0b0f6d0e-5a8e-4e43-9a55-6d2f2a1c7e01', 'id: 0b0f6d0e-5a8e-4e43-9a55-6d2f2a1c7e02');
    const problems = await problemsAfter(CATALOG, (text) => text, {
      [`${other}/publisher.yaml`]: BASE['test-city-council/publisher.yaml']!.replace('id: test-city-council', `id: ${other}`),
      [`${other}/datasets.yaml`]: catalog,
    });
    expect(problems).toEqual([
      { code: 'E_REF_UNKNOWN', file: `${other}/datasets.yaml`, line: 10, column: 16, path: 'datasets[0].programme', message: `${other} has no programme "${PROGRAMME}"`, hint: 'A programme dataset names a programme of its own publisher.' },
    ]);
  });
});

describe('the lists a hint of the catalogue gives', () => {
  const DECISION = 'test-city-council/tc-2019-decision-7';
  /** The base tree with `n` more decisions, tc-p01…, each approving a programme tc-prog-01… that no dataset publishes. */
  const withProgrammes = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => String(i + 1).padStart(2, '0')).flatMap((k) => [
        [`test-city-council/tc-p${k}/document.yaml`, BASE[`${DECISION}/document.yaml`]!.replace('id: tc-2019-decision-7', `id: tc-p${k}`)],
        [`test-city-council/tc-p${k}/programme.yaml`, BASE[`${DECISION}/programme.yaml`]!.replace('id: tc-civic-initiatives-2020-2021', `id: tc-prog-${k}`)],
      ]),
    );
  /** The catalogue naming a programme and a document it does not have, with `n` more programmes: the two hints. */
  const hints = async (n: number) => {
    const problems = await problemsAfter(CATALOG, (text) => once(`programme: ${PROGRAMME}`, 'programme: tc-other')(once(`documents: [${REPORT}]`, `documents: [${REPORT}, tc-none]`)(text)), withProgrammes(n));
    return problems.filter((problem) => problem.code === 'E_REF_UNKNOWN').map((problem) => problem.hint);
  };
  const ids = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`).join(', ');

  it('lists ten programmes in full, and the first ten of eleven with an ellipsis', async () => {
    // Nine more decisions: 10 programmes, and 11 documents (the two of the base tree first).
    expect(await hints(9)).toEqual([
      `A programme dataset names a programme of its own publisher (here: ${PROGRAMME}, ${ids('tc-prog-', 1, 9)}).`,
      `Name a document folder of this publisher (here: tc-2019-decision-7, ${REPORT}, ${ids('tc-p', 1, 8)}, …).`,
    ]);
    expect(await hints(10)).toEqual([
      `A programme dataset names a programme of its own publisher (here: ${PROGRAMME}, ${ids('tc-prog-', 1, 9)}, …).`,
      `Name a document folder of this publisher (here: tc-2019-decision-7, ${REPORT}, ${ids('tc-p', 1, 8)}, …).`,
    ]);
  });

  it('lists ten documents in full', async () => {
    expect(await hints(8)).toEqual([
      `A programme dataset names a programme of its own publisher (here: ${PROGRAMME}, ${ids('tc-prog-', 1, 8)}).`,
      `Name a document folder of this publisher (here: tc-2019-decision-7, ${REPORT}, ${ids('tc-p', 1, 8)}).`,
    ]);
  });

  it('names each programme no dataset publishes, and the unknown names where they are written', async () => {
    const problems = await problemsAfter(CATALOG, once(`programme: ${PROGRAMME}`, 'programme: tc-other'), withProgrammes(2));
    expect(problems).toEqual([
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the programme "${PROGRAMME}" is in 0 datasets of ${CATALOG}`, hint: `Add a dataset with \`programme: ${PROGRAMME}\` so its figures are published.` },
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the programme "tc-prog-01" is in 0 datasets of ${CATALOG}`, hint: 'Add a dataset with `programme: tc-prog-01` so its figures are published.' },
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the programme "tc-prog-02" is in 0 datasets of ${CATALOG}`, hint: 'Add a dataset with `programme: tc-prog-02` so its figures are published.' },
      { code: 'E_REF_UNKNOWN', file: CATALOG, line: 10, column: 16, path: 'datasets[0].programme', message: 'test-city-council has no programme "tc-other"', hint: `A programme dataset names a programme of its own publisher (here: ${PROGRAMME}, tc-prog-01, tc-prog-02).` },
    ]);
  });
});

describe('what the catalogue leaves to the problems of another file', () => {
  it('takes a report whose observations.csv cannot be read as a report with figures, and checks no total against it', async () => {
    // The report's figures as a CSV whose header misspells «value»: its stated total names figures that could not be read.
    const csv = OBSERVATIONS.replace('.yaml', '.csv');
    const files = { ...BASE, [csv]: 'section,id,indicator,valeu,unit,quote\n"3. Звернення",appeals-total,Звернення громадян,"1 200",звернень,"1 200 звернень"\n' };
    delete files[OBSERVATIONS];
    const result = await checkSources(memorySources(files));
    expect(result.problems).toEqual([
      {
        code: 'E_CSV_SYNTAX',
        file: csv,
        line: 1,
        message: 'unknown column(s) valeu; missing column(s) value',
        hint: 'Columns are section, id, indicator, code, value, unit, qualifier, period, quote, note, budget_group, budget_code, result.programme, result.direction, result.measure, result.year and one dim.NAME column per dimension, each once (docs/authoring.md).',
      },
    ]);
  });

  it('names a programme the publisher does not have while a programme.yaml of another publisher fails its schema', async () => {
    const other = 'other-council';
    const problems = await problemsAfter(CATALOG, once(`programme: ${PROGRAMME}`, 'programme: tc-other'), {
      [`${other}/publisher.yaml`]: BASE['test-city-council/publisher.yaml']!.replace('id: test-city-council', `id: ${other}`),
      [`${other}/o-decision/document.yaml`]: BASE['test-city-council/tc-2019-decision-7/document.yaml']!.replace('id: tc-2019-decision-7', 'id: o-decision'),
      [`${other}/o-decision/programme.yaml`]: BASE['test-city-council/tc-2019-decision-7/programme.yaml']!.replace('id: tc-civic-initiatives-2020-2021', 'id: o-programme').replace('developer: Відділ внутрішньої політики', 'developer: [Відділ]'),
    });
    expect(problems).toEqual([
      { code: 'E_FIELD_TYPE', file: `${other}/o-decision/programme.yaml`, line: 6, column: 12, path: 'developer', message: 'expected text, found a list', hint: 'Figures are text in quotes as printed ("1 243 280,57"); lists start each item with "- "; dates are YYYY-MM-DD.' },
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the programme "${PROGRAMME}" is in 0 datasets of ${CATALOG}`, hint: `Add a dataset with \`programme: ${PROGRAMME}\` so its figures are published.` },
      { code: 'E_REF_UNKNOWN', file: CATALOG, line: 10, column: 16, path: 'datasets[0].programme', message: 'test-city-council has no programme "tc-other"', hint: `A programme dataset names a programme of its own publisher (here: ${PROGRAMME}).` },
    ]);
  });
  it('still names an unknown programme while a file of the publisher other than a programme.yaml fails', async () => {
    const problems = await problemsAfter(CATALOG, once(`programme: ${PROGRAMME}`, 'programme: tc-other'), { [OBSERVATIONS]: BASE[OBSERVATIONS]!.replace('value: 42', 'value: [42]') });
    expect(problems).toEqual([
      { code: 'E_DATASET_COVERAGE', ...LIST, message: `the programme "${PROGRAMME}" is in 0 datasets of ${CATALOG}`, hint: `Add a dataset with \`programme: ${PROGRAMME}\` so its figures are published.` },
      { code: 'E_REF_UNKNOWN', file: CATALOG, line: 10, column: 16, path: 'datasets[0].programme', message: 'test-city-council has no programme "tc-other"', hint: `A programme dataset names a programme of its own publisher (here: ${PROGRAMME}).` },
      { code: 'E_FIELD_TYPE', file: OBSERVATIONS, line: 8, column: 16, path: 'groups[0].observations[0].value', message: 'expected text or a number, found a list', hint: 'Figures are text in quotes as printed ("1 243 280,57"); lists start each item with "- "; dates are YYYY-MM-DD.' },
    ]);
  });

  it('judges no programme dataset while a programme.yaml of the publisher cannot be read (here for a formula), and asks no dataset for it', async () => {
    const decision = 'test-city-council/tc-2019-decision-7/programme.yaml';
    const problems = await problemsAfter(CATALOG, once(`programme: ${PROGRAMME}`, 'programme: tc-other'), { [decision]: BASE[decision]!.replace('goal: Залучення', 'goal: =Залучення') });
    expect(problems).toEqual([
      {
        code: 'E_FORMULA_TEXT',
        file: decision,
        line: 8,
        column: 7,
        path: 'goal',
        message: 'text starts like a spreadsheet formula: "=Залучення мешканців"',
        hint: 'A cell starting with =, +, -, @, a tab or a carriage return (or their full-width forms) runs as a formula when the CSV is opened in a spreadsheet, unless the whole cell is a number. Reword the start, or put the text in quotes « » if it is a quotation.',
      },
    ]);
  });
});
