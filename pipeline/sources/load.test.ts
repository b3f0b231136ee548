import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { memorySources, type SourceFiles } from '../io/files.ts';
import { toPlain } from '../numbers/decimal.ts';
import { loadSources } from './load.ts';
import { PUBLISHER, tree } from '../fixtures/inline.ts';

const document = `id: d\nkind: activity_report\ntitle: Звіт\nperiod: 2022\n`;

describe('observations.csv', () => {
  const csv = [
    'section,id,indicator,value,unit,quote,dim.district',
    '"1. Звернення",total,Звернення,"1\u00a0204",звернень,"надійшло 1 204 звернення",',
    '',
    '"1. Звернення",north,"Звернення, північ",704,звернень,"північ – 704",Північний',
    '"2. Петиції",petitions,Петиції,"понад 50",петицій,"понад 50 петицій",',
  ].join('\r\n');

  it('reads rows as observations grouped by section, with dimensions from dim. columns', async () => {
    const result = await checkSources(memorySources(tree({ d: { 'document.yaml': document, 'observations.csv': csv } })));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [total, north, petitions] = result.model.observations;
    expect(toPlain(total!.figure.value!)).toBe('1204');
    expect(north!.dimensions).toEqual({ district: 'Північний' });
    expect(north!.figure.section).toBe('1. Звернення');
    expect(petitions!.figure.qualifier).toBe('more_than');
    expect(petitions!.figure.origin.line).toBe(5);
  });

  it('points at the row and column of a bad cell, counting blank lines', async () => {
    const loaded = await loadSources(memorySources({ 'c/d/observations.csv': csv }));
    const file = loaded.files[0]!;
    expect(file.locate(['groups', 0, 'observations', 1, 'value'])).toEqual({ line: 4, column: 4 });
    expect(file.locate(['groups', 0, 'observations', 1, 'dimensions', 'district'])).toEqual({ line: 4, column: 7 });
  });
});

describe('YAML positions', () => {
  it('locates nested fields and keys', async () => {
    const loaded = await loadSources(memorySources({ 'c/publisher.yaml': PUBLISHER }));
    const file = loaded.files[0]!;
    expect(file.locate(['contact', 'email'])).toEqual({ line: 7, column: 33 });
    expect(file.locate(['website'], { key: true })).toEqual({ line: 6, column: 1 });
  });
});

describe('what loading keeps', () => {
  it('does not keep a file to say where a field is written: it reads the file again when asked, once', async () => {
    const files = memorySources({ 'c/publisher.yaml': PUBLISHER });
    const asked: string[] = [];
    const counting: SourceFiles = { list: files.list, read: files.read, readSync: (path) => (asked.push(path), files.readSync(path)) };
    const [file] = (await loadSources(counting)).files;
    expect(asked).toEqual([]);
    expect(file!.locate(['contact', 'email'])).toEqual({ line: 7, column: 33 });
    expect(file!.locate(['website'], { key: true })).toEqual({ line: 6, column: 1 });
    expect(asked).toEqual(['c/publisher.yaml']);
  });

  it('keeps every text as written: long, short, with a leading U+FEFF', async () => {
    const long = 'Програма сприяння розвитку місцевого самоврядування';
    const yaml = `a: ${long}\nb: коротко\nc: "\\ufeffз позначкою порядку байтів"\ne: [${long}, ще один рядок списку]\n`;
    const [file] = (await loadSources(memorySources({ 'c/d/document.yaml': yaml }))).files;
    expect(file!.data).toEqual({ a: long, b: 'коротко', c: '\ufeffз позначкою порядку байтів', e: [long, 'ще один рядок списку'] });
  });

  it('refuses a lone surrogate from an escape, which no UTF-8 file can carry', async () => {
    const loaded = await loadSources(memorySources({ 'c/d/document.yaml': 'a: коротко\nd: "\\ud800 самотній сурогат"\n' }));
    expect(loaded.files).toEqual([]);
    expect(loaded.problems.filter((problem) => problem.file === 'c/d/document.yaml').map(({ code, line, path }) => ({ code, line, path }))).toEqual([{ code: 'E_TEXT_CONTROL', line: 2, path: 'd' }]);
  });
});
