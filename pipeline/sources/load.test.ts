import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { diskSources, memorySources, type SourceFiles } from '../io/files.ts';
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

  it('asks each publisher folder of a name longer than a letter for its publisher.yaml', async () => {
    const loaded = await loadSources(memorySources({ 'kyiv/publisher.yaml': PUBLISHER, 'kyiv/d/document.yaml': 'id: d\n', 'lviv/d/document.yaml': 'id: d\n' }));
    expect(loaded.problems.map((problem) => problem.file)).toEqual(['portal.yaml', 'lviv/publisher.yaml']);
  });

  it('reads a file saved with a byte-order mark as the text after it, YAML and CSV alike, and places fields as they are written', async () => {
    const bom = (text: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const loaded = await loadSources(memorySources({ 'c/d/document.yaml': bom('title: Звіт\nid: d\n'), 'c/d/observations.csv': bom('section,id,indicator,value,quote\nA,a,Показник,1,один\n') }));
    expect(loaded.problems.map((problem) => problem.file)).toEqual(['portal.yaml', 'c/publisher.yaml']); // no portal.yaml, no publisher.yaml: nothing else
    const [document, observations] = loaded.files;
    expect(document!.data).toEqual({ title: 'Звіт', id: 'd' });
    expect(document!.locate(['title'])).toEqual({ line: 1, column: 8 });
    expect(document!.locate(['title'], { key: true })).toEqual({ line: 1, column: 1 });
    expect(observations!.data).toEqual({ groups: [{ section: 'A', observations: [{ id: 'a', indicator: 'Показник', value: '1', quote: 'один' }] }] });
    expect(observations!.locate(['groups', 0, 'observations', 0, 'id'])).toEqual({ line: 2, column: 2 });
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

describe('the files of the sources folder', () => {
  const PORTAL_FILE = 'title: Портал\n';
  const FORMAT_HINT =
    'The sources folder holds portal.yaml, units.yaml, optionally indicators.yaml, and one folder per publisher; a publisher folder holds publisher.yaml, datasets.yaml and one folder per document; a document folder holds document.yaml and optionally programme.yaml, execution.yaml, observations.yaml or .csv, totals.yaml. See docs/authoring.md.';

  it('reads the files the format knows where it knows them, in the order of their paths, names each, and skips notes and dot-files', async () => {
    const loaded = await loadSources(
      memorySources({
        'portal.yaml': PORTAL_FILE,
        'units.yaml': 'units: []\n',
        'indicators.yaml': 'indicators: []\n',
        'c/publisher.yaml': 'id: c\n',
        'c/datasets.yaml': 'datasets: []\n',
        'c/d/document.yaml': 'id: d\n',
        'c/d/observations.csv': 'section,id,indicator,value,quote\nA,a,Показник,1,один\n',
        'c/d/totals.yaml': 'totals: []\n',
        'c/e/document.yaml': 'id: e\n',
        'c/e/programme.yaml': 'id: p\n',
        'c/e/execution.yaml': 'programme: p\n',
        'c/e/observations.yaml': 'groups: []\n',
        'c/d/README.md': '# нотатки',
        'c/.git/config': 'x',
        'notes.TXT': 'x',
      }),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.skipped).toEqual(['c/.git/config', 'c/d/README.md', 'notes.TXT']);
    expect(loaded.files.map(({ path, name, publisher, document }) => ({ path, name, publisher, document }))).toEqual([
      { path: 'c/d/document.yaml', name: 'document.yaml', publisher: 'c', document: 'd' },
      { path: 'c/d/observations.csv', name: 'observations.yaml', publisher: 'c', document: 'd' },
      { path: 'c/d/totals.yaml', name: 'totals.yaml', publisher: 'c', document: 'd' },
      { path: 'c/datasets.yaml', name: 'datasets.yaml', publisher: 'c', document: undefined },
      { path: 'c/e/document.yaml', name: 'document.yaml', publisher: 'c', document: 'e' },
      { path: 'c/e/execution.yaml', name: 'execution.yaml', publisher: 'c', document: 'e' },
      { path: 'c/e/observations.yaml', name: 'observations.yaml', publisher: 'c', document: 'e' },
      { path: 'c/e/programme.yaml', name: 'programme.yaml', publisher: 'c', document: 'e' },
      { path: 'c/publisher.yaml', name: 'publisher.yaml', publisher: 'c', document: undefined },
      { path: 'indicators.yaml', name: 'indicators.yaml', publisher: '', document: undefined },
      { path: 'portal.yaml', name: 'portal.yaml', publisher: '', document: undefined },
      { path: 'units.yaml', name: 'units.yaml', publisher: '', document: undefined },
    ]);
  });

  it('names what it skips in one list in the order of paths: notes and dot-files, and links and other entries that are not files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'skipped-'));
    try {
      mkdirSync(join(root, 'c', 'd'), { recursive: true });
      writeFileSync(join(root, 'portal.yaml'), PORTAL_FILE);
      writeFileSync(join(root, 'c', 'd', 'README.md'), '# нотатки');
      writeFileSync(join(root, '.editorconfig'), 'root = true');
      symlinkSync(join(root, 'portal.yaml'), join(root, 'b-portal.yaml'));
      symlinkSync(join(root, 'portal.yaml'), join(root, 'c', 'd', 'document.yaml'));
      const loaded = await loadSources(diskSources(root));
      expect(loaded.files.map((file) => file.path)).toEqual(['portal.yaml']);
      expect(loaded.skipped).toEqual(['.editorconfig', 'b-portal.yaml', 'c/d/README.md', 'c/d/document.yaml']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a file of the format in a place the format does not put it, and a file it does not know', async () => {
    const loaded = await loadSources(memorySources({ 'portal.yaml': PORTAL_FILE, 'c/portal.yaml': PORTAL_FILE, 'publisher.yaml': 'id: c\n', 'c/d/e/document.yaml': 'id: e\n', 'c/d/data.json': '{}', 'c/d/notes.md.bak': 'x' }));
    expect(loaded.files.map((file) => file.path)).toEqual(['portal.yaml']);
    expect(loaded.problems).toEqual(
      ['c/d/data.json', 'c/d/e/document.yaml', 'c/d/notes.md.bak', 'c/portal.yaml', 'publisher.yaml'].map((path) => ({ code: 'E_FILE_UNKNOWN', file: path, line: 1, message: `${path} is not a file the authoring format knows`, hint: FORMAT_HINT })),
    );
  });

  it('names the files a folder must have and does not, and observations written twice', async () => {
    const loaded = await loadSources(memorySources({ 'c/d/observations.yaml': 'groups: []\n', 'c/d/observations.csv': 'section,id,indicator,value,quote\n', 'e/publisher.yaml': 'id: e\n' }));
    expect(loaded.problems).toEqual([
      { code: 'E_FILE_MISSING', file: 'portal.yaml', message: 'the sources folder has no portal.yaml', hint: 'Add portal.yaml with the catalogue\'s title, description, site URL and contact (docs/authoring.md).' },
      { code: 'E_FILE_MISSING', file: 'c/publisher.yaml', message: 'the publisher folder c/ has no publisher.yaml', hint: 'Add publisher.yaml with the council\'s names, codes and contact (docs/authoring.md).' },
      { code: 'E_FILE_MISSING', file: 'c/d/document.yaml', message: 'the document folder c/d/ has no document.yaml', hint: 'Every document folder starts with document.yaml saying what the document is (docs/authoring.md).' },
      { code: 'E_FILE_UNKNOWN', file: 'c/d/observations.csv', message: 'c/d/ has both observations.yaml and observations.csv', hint: 'Keep a document\'s observations in one of the two files.' },
    ]);
  });

  it('leaves out a file that does not decode, parse or pass inspection, and keeps the others', async () => {
    const loaded = await loadSources(
      memorySources({ 'portal.yaml': PORTAL_FILE, 'c/publisher.yaml': 'id: [c\n', 'c/datasets.yaml': 'a: "\\u0001"\n', 'c/d/document.yaml': new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff]), 'c/d/observations.csv': 'section\n' }),
    );
    expect(loaded.files.map((file) => file.path)).toEqual(['portal.yaml']);
    expect(loaded.problems.map(({ code, file }) => ({ code, file }))).toEqual([
      { code: 'E_FILE_ENCODING', file: 'c/d/document.yaml' },
      { code: 'E_CSV_SYNTAX', file: 'c/d/observations.csv' },
      { code: 'E_TEXT_CONTROL', file: 'c/datasets.yaml' },
      { code: 'E_YAML_SYNTAX', file: 'c/publisher.yaml' },
    ]);
  });

  it('keeps no parser\'s string: the data is a copy', async () => {
    const files = memorySources({ 'portal.yaml': 'title: Портал\nlist: [a, b]\n' });
    const first = (await loadSources(files)).files[0]!.data as { list: string[] };
    const second = (await loadSources(files)).files[0]!.data as { list: string[] };
    expect(first).toEqual({ title: 'Портал', list: ['a', 'b'] });
    first.list.push('c');
    expect(second.list).toEqual(['a', 'b']);
  });
});
