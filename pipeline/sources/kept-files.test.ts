/** The record of checked source files: the same check with it as without, and nothing trusted that is not as written. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { BASE, EXECUTION, once, PROGRAMME } from '../fixtures/base-tree.ts';
import { tree } from '../fixtures/inline.ts';
import { memorySources } from '../io/files.ts';
import type { Sink } from '../io/output.ts';
import { KEPT_FILES_FORMAT, KEPT_FILES_PATH, keptFilesKey, readKeptFiles, type KeptFiles, type SourceRecord } from './kept-files.ts';

const KEY = keptFilesKey('code-1');

/** A previous output holding `bytes` as the record. */
function previousOutput(bytes: Uint8Array): Pick<Sink, 'previous'> {
  return { previous: (path, start, end) => (path === KEPT_FILES_PATH && start < bytes.length ? bytes.slice(start, end) : undefined) };
}

const sumOf = (bytes: Uint8Array) => ({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });

/** The record a check of `files` keeps, as the next build reads it. */
async function recordOf(files: Record<string, string>, key = KEY): Promise<{ bytes: Uint8Array; next: () => KeptFiles }> {
  const record = readKeptFiles({}, undefined, key);
  const checked = await checkSources(memorySources(files), record);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 3)));
  const bytes = record.bytes();
  return { bytes, next: () => readKeptFiles(previousOutput(bytes), sumOf(bytes), KEY) };
}

const sourceFiles = (files: Record<string, string>) => Object.keys(files).filter((path) => /\.(yaml|csv)$/.test(path));

/**
 * What a check gives, as data: maps and sets as their entries, an object's getters (a
 * figure's line and column, found when asked) as their values, a function as a mark.
 */
function asData(value: unknown): unknown {
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Map) return { map: [...value].map(([key, item]) => [asData(key), asData(item)]) };
  if (value instanceof Set) return { set: [...value].map(asData) };
  if (Array.isArray(value)) return value.map(asData);
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(value)) data[key] = asData((value as Record<string, unknown>)[key]);
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype && prototype !== Object.prototype) {
    for (const [key, property] of Object.entries(Object.getOwnPropertyDescriptors(prototype))) if (property.get) data[key] = asData((value as Record<string, unknown>)[key]);
  }
  return data;
}

/** The check of `files`, as data, with the record and without. */
async function bothWays(files: Record<string, string>, record: SourceRecord): Promise<[unknown, unknown]> {
  return [asData(await checkSources(memorySources(files), record)), asData(await checkSources(memorySources(files)))];
}

describe('a check with the record of the last one', () => {
  it('parses no file that has not changed, and makes the same model', async () => {
    const { next } = await recordOf(BASE);
    const record = next();
    const [again, clean] = await bothWays(BASE, record);
    expect(record.found).toBe(sourceFiles(BASE).length);
    expect(again).toMatchObject({ ok: true, problems: [] });
    expect(again).toEqual(clean);
  });

  it('parses only the file that changed', async () => {
    const { next } = await recordOf(BASE);
    const record = next();
    const edited = { ...BASE, [EXECUTION]: BASE[EXECUTION]!.replace('"149 500,50"\n    word', '"149 500,51"\n    word') };
    expect(edited[EXECUTION]).not.toBe(BASE[EXECUTION]);
    const [again, clean] = await bothWays(edited, record);
    expect(record.found).toBe(sourceFiles(BASE).length - 1);
    expect(again).toEqual(clean);
  });

  it('reports a problem across files in a YAML file it did not parse at the line and column a clean check gives', async () => {
    const { next } = await recordOf(BASE);
    const record = next();
    // The programme renames a direction; the unchanged execution report still names it.
    const edited = { ...BASE, [PROGRAMME]: once('- id: a1-d2', '- id: a1-d9')(BASE[PROGRAMME]!) };
    const problems = (await checkSources(memorySources(edited), record)).problems;
    expect(record.found).toBe(sourceFiles(BASE).length - 1);
    const inReport = problems.find((problem) => problem.file === EXECUTION && problem.code === 'E_REF_UNKNOWN');
    expect(inReport).toMatchObject({ line: 10, column: 16, path: 'items[1].direction' });
    expect(problems).toEqual((await checkSources(memorySources(edited))).problems);
  });

  it('reports a problem in an observations.csv it did not parse at the row and column a clean check gives', async () => {
    const csv = ['section,id,indicator,value,unit,quote', '"1. Звернення",total,Звернення,"1 204",звернень,"надійшло 1 204 звернення"', '"2. Петиції",petitions,Петиції,"понад 50",петицій,"понад 50 петицій"'].join('\n');
    const files = tree({ d: { 'document.yaml': 'id: d\nkind: activity_report\ntitle: Звіт\nperiod: 2022\n', 'observations.csv': csv } });
    const { next } = await recordOf(files);
    const record = next();
    const edited = { ...files, 'units.yaml': once('  - { unit: петицій, one: петиція, few: петиції, other: петиції }\n', '')(files['units.yaml']!) };
    const problems = (await checkSources(memorySources(edited), record)).problems;
    expect(record.found).toBe(sourceFiles(files).length - 1);
    expect(problems.find((problem) => problem.file === 'c/d/observations.csv')).toMatchObject({ code: 'E_UNIT_UNKNOWN', line: 3, column: 5 });
    expect(problems).toEqual((await checkSources(memorySources(edited))).problems);
  });

  it('never keeps an invalid file: checked again, it gives its problems with their lines', async () => {
    const invalid = { ...BASE, [EXECUTION]: BASE[EXECUTION]!.replace('year: 2021', 'year: twenty') };
    const record = readKeptFiles({}, undefined, KEY);
    const first = await checkSources(memorySources(invalid), record);
    expect(first.problems).toContainEqual(expect.objectContaining({ file: EXECUTION, code: 'E_FIELD_TYPE', line: 2 }));
    const bytes = record.bytes();
    expect(new TextDecoder().decode(bytes)).not.toContain(createHash('sha256').update(invalid[EXECUTION]!).digest('hex'));
    const next = readKeptFiles(previousOutput(bytes), sumOf(bytes), KEY);
    expect(await checkSources(memorySources(invalid), next)).toEqual(first);
    expect(next.found).toBe(sourceFiles(BASE).length - 1);
  });
});

describe('a record that is not as written', () => {
  const unread = async (sink: Pick<Sink, 'previous'>, sum: { bytes: number; sha256: string } | undefined, key = KEY) => {
    const record = readKeptFiles(sink, sum, key);
    const [checked, clean] = await bothWays(BASE, record);
    expect(checked).toEqual(clean);
    return record.found;
  };

  it('is not read when changed since, even at its size, or cut short, or longer', async () => {
    const { bytes } = await recordOf(BASE);
    const sum = sumOf(bytes);
    const changed = new Uint8Array(bytes);
    // A figure in the record changed, one digit for another: the same size.
    const at = Buffer.from(changed).indexOf('149 500,50');
    expect(at).toBeGreaterThan(0);
    changed[at] = '2'.charCodeAt(0);
    expect(await unread(previousOutput(changed), sum)).toBe(0);
    expect(await unread(previousOutput(bytes.slice(0, -10)), sum)).toBe(0);
    expect(await unread(previousOutput(Buffer.concat([bytes, Buffer.from('\n')])), sum)).toBe(0);
    expect(await unread(previousOutput(bytes), undefined)).toBe(0);
    expect(await unread({}, sum)).toBe(0);
    expect(await unread(previousOutput(bytes), sum)).toBe(sourceFiles(BASE).length);
  });

  it('is not read when made by other code, or of another layout', async () => {
    const { bytes } = await recordOf(BASE, keptFilesKey('code-2'));
    expect(await unread(previousOutput(bytes), sumOf(bytes))).toBe(0);
    const text = new TextDecoder().decode(bytes).replace(`"format":${KEPT_FILES_FORMAT}`, '"format":99');
    const other = new TextEncoder().encode(text);
    expect(await unread(previousOutput(other), sumOf(other))).toBe(0);
  });

  it('parses again a file whose line does not parse, and keeps it made anew', async () => {
    const { bytes } = await recordOf(BASE);
    const text = new TextDecoder().decode(bytes);
    // A comma too many in the data of one file: the record's SHA-256 in the manifest is its own, the line still does not parse.
    const broken = text.replace(/("execution\.yaml",\{)/, '$1,');
    expect(broken).not.toBe(text);
    const brokenBytes = new TextEncoder().encode(broken);
    const record = readKeptFiles(previousOutput(brokenBytes), sumOf(brokenBytes), KEY);
    const [checked, clean] = await bothWays(BASE, record);
    expect(checked).toEqual(clean);
    expect(record.found).toBe(sourceFiles(BASE).length - 1);
    expect(record.bytes()).toEqual(bytes);
  });
});

describe('the record beside another check', () => {
  it("finds an earlier commit's files in the last build's record and in this build's, and keeps its own apart", async () => {
    const edited = { ...BASE, [EXECUTION]: BASE[EXECUTION]!.replace('"149 500,50"\n    word', '"149 500,51"\n    word') };
    const earlier = { ...BASE, [PROGRAMME]: BASE[PROGRAMME]!.replace('title:', 'title: ') };
    const { next } = await recordOf(BASE);
    const record = next();
    await checkSources(memorySources(edited), record);
    const own = record.bytes();
    const aside = record.aside();
    // The earlier commit: the base tree with another programme.yaml; every other file is known.
    const [checked, clean] = await bothWays(earlier, aside);
    expect(checked).toEqual(clean);
    expect(aside.found).toBe(sourceFiles(BASE).length - 1);
    await checkSources(memorySources(earlier), aside);
    expect(aside.found).toBe(2 * sourceFiles(BASE).length - 1);
    expect(record.bytes()).toEqual(own);
  });
});
