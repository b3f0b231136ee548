/**
 * What the shape check tells an author, word for word: the code, the file, the line and
 * column of the field, its path, the message and the hint. Each case is one document.yaml or
 * publisher.yaml, read as the build reads it; the expectations are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memorySources } from '../io/files.ts';
import { loadSources } from '../sources/load.ts';
import { checkShape, knownKeys, validateShapes } from './shape.ts';

const DOCUMENT = 'c/d/document.yaml';
const PUBLISHER = 'c/publisher.yaml';

async function shapeOf(path: string, yaml: string) {
  // The loader's own problems (no portal.yaml beside the one file) are not the shape's.
  const loaded = await loadSources(memorySources({ [path]: yaml }));
  return validateShapes(loaded.files);
}

async function problemsOf(path: string, yaml: string) {
  return (await shapeOf(path, yaml)).problems;
}

const document = (extra: string) => `id: d\nkind: activity_report\ntitle: Звіт\nperiod: 2022\n${extra}`;
const publisher = (extra: string) =>
  [
    'id: c',
    'name: { uk: Міська рада, en: City council }',
    'community: { uk: Громада, en: Community }',
    'edrpou: "12345678"',
    'katottg: "UA12345678901234567"',
    'website: https://rada.example.ua',
    'contact: { name: Відділ, email: rada@example.ua }',
    extra,
  ].join('\n');

const TYPE_HINT = 'Figures are text in quotes as printed ("1 243 280,57"); lists start each item with "- "; dates are YYYY-MM-DD.';
const VALUE_HINT = 'See docs/authoring.md for the values this field takes.';

describe('the shape of a file', () => {
  it('keeps a valid file with its defaults, and reports nothing', async () => {
    const { valid, problems } = await shapeOf(PUBLISHER, publisher(''));
    expect(problems).toEqual([]);
    expect([...valid.values()]).toEqual([expect.objectContaining({ id: 'c', kind: 'city_council' })]);
  });

  it('names an unknown field at its key, with the closest known field and the fields there', async () => {
    expect(await problemsOf(DOCUMENT, document('titel: Звіт\n'))).toEqual([
      {
        code: 'E_FIELD_UNKNOWN',
        file: DOCUMENT,
        line: 5,
        column: 1,
        path: 'titel',
        message: 'unknown field "titel"',
        hint: 'Did you mean "title"? Fields here: id, kind, title, title_en, number, date, period, author, url, text_file, description, keywords, themes.',
      },
    ]);
  });

  it('names an unknown field inside a map with the map, and without a guess when none is close', async () => {
    expect(await problemsOf(PUBLISHER, publisher('address: вул. Центральна, 1').replace('rada@example.ua }', 'rada@example.ua, fax: "0" }'))).toEqual([
      { code: 'E_FIELD_UNKNOWN', file: PUBLISHER, line: 7, column: 50, path: 'contact.fax', message: 'unknown field "fax" in contact', hint: 'Fields here: name, email, phone.' },
    ]);
  });

  it('says a missing field is required, with what it holds, at the map that lacks it', async () => {
    expect(await problemsOf(DOCUMENT, 'id: d\nkind: activity_report\nperiod: 2022\n')).toEqual([
      { code: 'E_FIELD_REQUIRED', file: DOCUMENT, line: 1, column: 1, path: 'title', message: 'missing required field "title" (text)', hint: 'Add the field; docs/authoring.md and schemas/sources/ list what each file needs.' },
    ]);
  });

  it('says what a field of the wrong type holds, and where', async () => {
    expect(await problemsOf(DOCUMENT, document('keywords: бюджет\n'))).toEqual([
      { code: 'E_FIELD_TYPE', file: DOCUMENT, line: 5, column: 11, path: 'keywords', message: 'expected a list ("- " items), found the text "бюджет"', hint: TYPE_HINT },
    ]);
    expect(await problemsOf(DOCUMENT, document('title_en: [a, b]\n').replace('title: Звіт', 'title: { uk: Звіт }'))).toEqual([
      { code: 'E_FIELD_TYPE', file: DOCUMENT, line: 3, column: 8, path: 'title', message: 'expected text, found a map of fields', hint: TYPE_HINT },
      { code: 'E_FIELD_TYPE', file: DOCUMENT, line: 5, column: 11, path: 'title_en', message: 'expected text, found a list', hint: TYPE_HINT },
    ]);
  });

  it('cuts a long text it quotes at 40 characters', async () => {
    const long = 'а'.repeat(45);
    expect((await problemsOf(DOCUMENT, document(`themes: ${long}\n`)))[0]).toMatchObject({ message: `expected a list ("- " items), found the text "${'а'.repeat(40)}…"` });
    expect((await problemsOf(DOCUMENT, document(`themes: ${'а'.repeat(40)}\n`)))[0]).toMatchObject({ message: `expected a list ("- " items), found the text "${'а'.repeat(40)}"` });
  });

  it('names a value outside a list of choices, with the choices', async () => {
    expect(await problemsOf(DOCUMENT, document('').replace('activity_report', 'report'))).toEqual([
      {
        code: 'E_FIELD_VALUE',
        file: DOCUMENT,
        line: 2,
        column: 7,
        path: 'kind',
        message: '"report" is not allowed here; expected one of: decision, programme, execution_report, activity_report, presentation',
        hint: VALUE_HINT,
      },
    ]);
  });

  it('gives the rule a value breaks, with the value, and the hint of the rule when it has one', async () => {
    expect(await problemsOf(PUBLISHER, publisher('').replace('"12345678"', '"1234567"'))).toEqual([
      { code: 'E_FIELD_VALUE', file: PUBLISHER, line: 4, column: 9, path: 'edrpou', message: 'the text "1234567": an ЄДРПОУ code is 8 digits, written in quotes: "33874388"', hint: VALUE_HINT },
    ]);
    expect(await problemsOf(DOCUMENT, document('url: javascript:alert(1)\n'))).toEqual([
      {
        code: 'E_FIELD_VALUE',
        file: DOCUMENT,
        line: 5,
        column: 6,
        path: 'url',
        message: '"javascript:alert(1)" is not an absolute http(s) address',
        hint: 'Write the whole address as a browser shows it, starting with https:// (or http://), without spaces, quotes or angle brackets; encode a space as %20.',
      },
    ]);
  });

  it('says which forms a value of no form could take', async () => {
    expect(await problemsOf(DOCUMENT, document('').replace('period: 2022', 'period: true'))).toEqual([
      { code: 'E_FIELD_TYPE', file: DOCUMENT, line: 4, column: 9, path: 'period', message: 'expected a number or text, found boolean true', hint: TYPE_HINT },
    ]);
    expect(await problemsOf(DOCUMENT, document('').replace('period: 2022', 'period: ~'))).toEqual([
      { code: 'E_FIELD_TYPE', file: DOCUMENT, line: 4, column: 9, path: 'period', message: 'expected a number or text, found an empty value', hint: TYPE_HINT },
    ]);
  });

  it('follows the form of a value the author meant: a period written as text is checked as text', async () => {
    expect(await problemsOf(DOCUMENT, document('').replace('period: 2022', 'period: "2022-13"'))).toEqual([
      { code: 'E_FIELD_VALUE', file: DOCUMENT, line: 4, column: 9, path: 'period', message: 'the text "2022-13": a period is a year (2023), a date (2024-01-01) or an interval (2022-01-01/2022-06-30)', hint: VALUE_HINT },
    ]);
  });

  it('guesses a field within a distance of a third of its length, at least two, and no further', async () => {
    const hintFor = async (key: string) => (await problemsOf(DOCUMENT, document(`${key}: x\n`)))[0]!.hint;
    const FIELDS = 'Fields here: id, kind, title, title_en, number, date, period, author, url, text_file, description, keywords, themes.';
    expect(await hintFor('TITLE')).toBe(`Did you mean "title"? ${FIELDS}`);
    expect(await hintFor('tite')).toBe(`Did you mean "title"? ${FIELDS}`);
    expect(await hintFor('perod_')).toBe(`Did you mean "period"? ${FIELDS}`);
    // Three edits from «period» where six letters allow two.
    expect(await hintFor('perod_x')).toBe(FIELDS);
    expect(await hintFor('xyzw')).toBe(FIELDS);
    // «descriptoin» is 11 letters: 3 edits away is near enough, 4 are not.
    expect(await hintFor('dscriptixn')).toBe(`Did you mean "description"? ${FIELDS}`);
    expect(await hintFor('dscriptixnn')).toBe(`Did you mean "description"? ${FIELDS}`);
    expect(await hintFor('dxcrixtixnn')).toBe(FIELDS);
  });

  it('lists the fields of a list item, and of the map form of a cell, in the order of the schema\'s fields', async () => {
    const programme = 'c/d/programme.yaml';
    const problems = await problemsOf(programme, 'annexes:\n  - id: a\n    titel: Додаток\nfunding:\n  total: { value: "1,00", qoute: "1,00 грн" }\n');
    expect(problems.filter((problem) => problem.code === 'E_FIELD_UNKNOWN')).toEqual([
      { code: 'E_FIELD_UNKNOWN', file: programme, line: 5, column: 27, path: 'funding.total.qoute', message: 'unknown field "qoute" in funding.total', hint: 'Did you mean "quote"? Fields here: value, section, quote, note.' },
      { code: 'E_FIELD_UNKNOWN', file: programme, line: 3, column: 5, path: 'annexes[0].titel', message: 'unknown field "titel" in annexes[0]', hint: 'Did you mean "title"? Fields here: id, number, title, period, unit, directions, total_row.' },
    ]);
  });

  it('names a key a map of years does not take, and a cell of no form, with every form a cell takes', async () => {
    const programme = 'c/d/programme.yaml';
    const yaml = 'annexes:\n  - directions:\n      - planned: { "2020": [1], "20x1": "1" }\n      - planned: { "2021": { value: "1", qoute: "x" } }\n';
    const problems = await problemsOf(programme, yaml);
    expect(problems.filter((problem) => problem.path?.includes('planned'))).toEqual([
      { code: 'E_FIELD_TYPE', file: programme, line: 3, column: 28, path: 'annexes[0].directions[0].planned.2020', message: 'expected text or a number or a map of fields (key: value lines), found a list', hint: TYPE_HINT },
      { code: 'E_FIELD_VALUE', file: programme, line: 3, column: 33, path: 'annexes[0].directions[0].planned.20x1', message: 'the key "20x1" is not allowed here: Invalid string: must match pattern /^\\d{4}$/', hint: VALUE_HINT },
      { code: 'E_FIELD_UNKNOWN', file: programme, line: 4, column: 42, path: 'annexes[0].directions[1].planned.2021.qoute', message: 'unknown field "qoute" in annexes[0].directions[1].planned.2021', hint: 'Did you mean "quote"? Fields here: value, section, quote, note.' },
    ]);
  });

  it('names dimensions written as a text, not a map', async () => {
    const observations = 'c/d/observations.yaml';
    const yaml = 'groups:\n  - section: s\n    unit: u\n    observations:\n      - id: a\n        indicator: x\n        value: 1\n        dimensions: онлайн\n';
    expect(await problemsOf(observations, yaml)).toEqual([
      { code: 'E_FIELD_TYPE', file: observations, line: 8, column: 21, path: 'groups[0].observations[0].dimensions', message: 'expected a map of fields, found the text "онлайн"', hint: TYPE_HINT },
    ]);
  });

  it('names a dimension whose key is not an id, at the key', async () => {
    const observations = 'c/d/observations.yaml';
    const yaml = 'groups:\n  - section: s\n    unit: u\n    observations:\n      - id: a\n        indicator: x\n        value: 1\n        dimensions: { Канал: онлайн }\n';
    expect(await problemsOf(observations, yaml)).toEqual([
      {
        code: 'E_FIELD_VALUE',
        file: observations,
        line: 8,
        column: 23,
        path: 'groups[0].observations[0].dimensions.Канал',
        message: 'the key "Канал" is not allowed here: an id is lowercase Latin letters and digits joined by single hyphens, e.g. "kr-2023-report"',
        hint: VALUE_HINT,
      },
    ]);
  });
});

describe('a missing field', () => {
  const REQUIRED_HINT = 'Add the field; docs/authoring.md and schemas/sources/ list what each file needs.';

  it('is named missing whatever the field takes: one of a list of values, or one of several forms', async () => {
    expect(await problemsOf(DOCUMENT, 'id: d\ntitle: Звіт\nperiod: 2022\n')).toEqual([
      { code: 'E_FIELD_REQUIRED', file: DOCUMENT, line: 1, column: 1, path: 'kind', message: 'missing required field "kind" (one of: decision, programme, execution_report, activity_report, presentation)', hint: REQUIRED_HINT },
    ]);
    expect(await problemsOf(DOCUMENT, 'id: d\nkind: activity_report\ntitle: Звіт\n')).toEqual([
      { code: 'E_FIELD_REQUIRED', file: DOCUMENT, line: 1, column: 1, path: 'period', message: 'missing required field "period" (a number or text)', hint: REQUIRED_HINT },
    ]);
  });
});

describe('the form of a union the author meant', () => {
  it('is the form whose problem lies deepest, the second here: a figure with a note of a shared indicator', async () => {
    const yaml = 'indicators:\n  - code: a\n    name: { uk: А, en: A }\n    definition: { uk: Б }\n    unit: осіб\n    observations:\n      - { observation: a/b, note: 5 }\n';
    expect(await problemsOf('indicators.yaml', yaml)).toEqual([
      { code: 'E_FIELD_TYPE', file: 'indicators.yaml', line: 7, column: 35, path: 'indicators[0].observations[0].note', message: 'expected text, found number 5', hint: TYPE_HINT },
    ]);
  });
});

describe('the words of a check against any schema', () => {
  /** A file read as the build reads it, checked against `schema` instead of its own. */
  const checked = async (yaml: string, schema: z.core.$ZodType) => {
    const loaded = await loadSources(memorySources({ [DOCUMENT]: yaml }));
    return checkShape(loaded.files[0]!, schema);
  };

  it('name a number that is no multiple, a value that is not true or false, and a number that is not whole', async () => {
    expect(await checked('n: 7\nb: так\n', z.object({ n: z.number().multipleOf(5), b: z.boolean() }))).toEqual({
      ok: false,
      problems: [
        { code: 'E_FIELD_VALUE', file: DOCUMENT, line: 1, column: 4, path: 'n', message: 'number 7: Invalid number: must be a multiple of 5', hint: VALUE_HINT },
        { code: 'E_FIELD_TYPE', file: DOCUMENT, line: 2, column: 4, path: 'b', message: 'expected true or false, found the text "так"', hint: TYPE_HINT },
      ],
    });
    // A YAML number with a fraction is read as text: a number that is not whole comes only from other data.
    const file = { ...(await loadSources(memorySources({ [DOCUMENT]: 'i: 2\n' }))).files[0]!, data: { i: 2.5 } };
    expect(checkShape(file, z.object({ i: z.int() }))).toEqual({
      ok: false,
      problems: [{ code: 'E_FIELD_TYPE', file: DOCUMENT, line: 1, column: 4, path: 'i', message: 'expected a whole number, found number 2.5', hint: TYPE_HINT }],
    });
    expect(checkShape(file, z.object({ i: z.number() }))).toEqual({ ok: true, data: { i: 2.5 } });
  });

  it('take the first of two forms that both got into the value, and give a rule of a code of its own without a hint no hint', async () => {
    expect(await checked('u: c\n', z.object({ u: z.union([z.string().regex(/^a/), z.string().regex(/^b/)]) }))).toEqual({
      ok: false,
      problems: [{ code: 'E_FIELD_VALUE', file: DOCUMENT, line: 1, column: 4, path: 'u', message: 'the text "c": Invalid string: must match pattern /^a/', hint: VALUE_HINT }],
    });
    expect(await checked('u: c\n', z.object({ u: z.string().refine(() => false, { error: 'not a name', params: { code: 'E_NAME_INVALID' } }) }))).toEqual({
      ok: false,
      problems: [{ code: 'E_NAME_INVALID', file: DOCUMENT, line: 1, column: 4, path: 'u', message: 'not a name', hint: '' }],
    });
  });

  it('follow a union nested in a union into the branch that got furthest', async () => {
    const schema = z.object({ u: z.union([z.union([z.string(), z.object({ a: z.string() })]), z.number()]) });
    expect(await checked('u: { a: 5 }\n', schema)).toEqual({
      ok: false,
      problems: [{ code: 'E_FIELD_TYPE', file: DOCUMENT, line: 1, column: 9, path: 'u.a', message: 'expected text, found number 5', hint: TYPE_HINT }],
    });
    // Where no branch got into the value, every form of every branch is named.
    expect(await checked('u: [1]\n', schema)).toEqual({
      ok: false,
      problems: [{ code: 'E_FIELD_TYPE', file: DOCUMENT, line: 1, column: 4, path: 'u', message: 'expected text or a map of fields (key: value lines) or a number, found a list', hint: TYPE_HINT }],
    });
  });
});

describe('the bounds of a value', () => {
  it('names a list too short and a text too long, with what they hold and the bound', async () => {
    const observations = 'c/d/observations.yaml';
    expect(await problemsOf(observations, 'groups: []\n')).toEqual([
      { code: 'E_FIELD_VALUE', file: observations, line: 1, column: 9, path: 'groups', message: 'a list: Too small: expected array to have >=1 items', hint: VALUE_HINT },
    ]);
    expect(await problemsOf(DOCUMENT, document('').replace('id: d', `id: ${'a'.repeat(81)}`))).toEqual([
      { code: 'E_FIELD_VALUE', file: DOCUMENT, line: 1, column: 5, path: 'id', message: `the text "${'a'.repeat(40)}…": Too big: expected string to have <=80 characters`, hint: VALUE_HINT },
    ]);
  });
});

describe('the fields a hint lists', () => {
  const schema = z.object({
    a: z.object({ b: z.string() }).nullable(),
    p: z.object({ c: z.string() }).prefault({ c: '' }),
    d: z.object({ e: z.string() }).default({ e: '' }),
    t: z.object({ k: z.string() }).transform((value) => value.k),
    u: z.union([z.string(), z.object({ f: z.object({ g: z.string() }) })]),
    l: z.array(z.object({ h: z.string() })).optional(),
    r: z.record(z.string(), z.object({ i: z.string() })),
  });

  it('sees through optional, nullable, default, prefault and transformed fields, lists, maps and unions', () => {
    expect(knownKeys(schema, [])).toEqual(['a', 'p', 'd', 't', 'u', 'l', 'r']);
    expect(knownKeys(schema, ['a'])).toEqual(['b']);
    expect(knownKeys(schema, ['p'])).toEqual(['c']);
    expect(knownKeys(schema, ['d'])).toEqual(['e']);
    expect(knownKeys(schema, ['t'])).toEqual(['k']);
    expect(knownKeys(schema, ['u'])).toEqual(['f']);
    expect(knownKeys(schema, ['u', 'f'])).toEqual(['g']);
    expect(knownKeys(schema, ['l', 0])).toEqual(['h']);
    expect(knownKeys(schema, ['r', 'x'])).toEqual(['i']);
  });

  it('lists none where the path leads to no map of fields', () => {
    expect(knownKeys(schema, ['u', 'f', 'g'])).toEqual([]);
    expect(knownKeys(schema, ['zz'])).toEqual([]);
    expect(knownKeys(schema, ['a', 'b', 'c'])).toEqual([]);
  });
});
