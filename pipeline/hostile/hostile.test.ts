/**
 * The hostile-input suite: every case of cases.ts either stops at validation with its coded
 * problem at the file and line named, or builds, and then its published files are read back
 * (CSV cells, JSON strings, the site's data here; workbooks, Turtle, JSON-LD, feed by
 * openpyxl, rdflib and Python's XML parser) and carry the case's text exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { Parser } from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { checkSources, MAX_PROBLEMS } from '../check.ts';
import { diskSources, memorySources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import type { OutputTree } from '../io/output.ts';
import { CASES, type Format, type HostileCase } from './cases.ts';
import { BASE, CSV, Sources, TOTALS, OBSERVATIONS } from './sources.ts';

const history = fixedHistory('2024-05-01T12:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const decoder = new TextDecoder();
/** A cell a spreadsheet would run, by OWASP's list, unless it is a plain number or the empty-cell dash. */
const RUNS = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const PLAIN = /^(?:-|[-+]?\s?\d[\d\s.,]*%?)$/;

function edited(hostile: HostileCase): Sources {
  const sources = new Sources();
  hostile.edit(sources);
  return sources;
}

function csvCells(tree: OutputTree): { path: string; cells: string[][] }[] {
  return [...tree].filter(([path]) => path.endsWith('.csv')).map(([path, bytes]) => {
    const parsed = Papa.parse<string[]>(decoder.decode(bytes), { skipEmptyLines: true });
    expect(parsed.errors, path).toEqual([]);
    return { path, cells: parsed.data };
  });
}

function jsonStrings(tree: OutputTree, prefix: string): Set<string> {
  const strings = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.add(value);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) walk(item);
  };
  for (const [path, bytes] of tree) if (path.startsWith(prefix) && path.endsWith('.json')) walk(JSON.parse(decoder.decode(bytes)));
  return strings;
}

interface Judged {
  name: string;
  folder: string;
  xlsx: string[];
  rdf: string[];
}
const judged: Judged[] = [];

/** What every build must hold, whatever the case: CSVs that parse into even rows of safe cells, JSON and Turtle that parse. */
function checkOutputs(hostile: HostileCase, tree: OutputTree, shows: { text: string; in: Format[] }[]) {
  const tables = csvCells(tree);
  const cells = new Set<string>();
  for (const { path, cells: rows } of tables) {
    for (const row of rows) {
      expect(row.length, path).toBe(rows[0]!.length);
      for (const cell of row) {
        if (RUNS.test(cell)) expect(cell, `${path}: a cell a spreadsheet would run`).toMatch(PLAIN);
        cells.add(cell);
      }
    }
  }
  const published = jsonStrings(tree, 'public/');
  const site = jsonStrings(tree, 'site/');
  expect(new Parser().parse(decoder.decode(tree.get('public/catalog.ttl'))).length).toBeGreaterThan(100);
  for (const { text, in: formats } of shows) {
    if (formats.includes('csv')) expect(cells.has(text), `a CSV cell ${JSON.stringify(text.slice(0, 60))}`).toBe(true);
    if (formats.includes('json')) expect(published.has(text), `a JSON string ${JSON.stringify(text.slice(0, 60))}`).toBe(true);
    if (formats.includes('site')) expect(site.has(text), `the site's data ${JSON.stringify(text.slice(0, 60))}`).toBe(true);
  }
  const folder = join(work, String(judged.length));
  for (const [path, bytes] of tree) {
    if (!/\.xlsx$|^public\/(catalog\.(ttl|jsonld)|feed\.xml)$/.test(path)) continue;
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
  const texts = (format: Format) => shows.filter((show) => show.in.includes(format)).map((show) => show.text);
  judged.push({ name: hostile.name, folder, xlsx: texts('xlsx'), rdf: texts('rdf') });
}

describe('hostile inputs', () => {
  it('are at least sixty, in every group', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.group)).size).toBe(8);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const hostile of CASES) {
    const { outcome } = hostile;
    if ('error' in outcome) {
      it(`${hostile.group}: ${hostile.name} → ${outcome.error}`, async () => {
        const sources = edited(hostile);
        const line = typeof outcome.at === 'number' ? outcome.at : sources.lineOf(outcome.file, outcome.at);
        const checked = await checkSources(memorySources(Object.fromEntries(sources.files)));
        expect(checked.ok).toBe(false);
        const found = checked.problems.find((problem) => problem.code === outcome.error && problem.file === outcome.file);
        expect(found, `no ${outcome.error} in ${outcome.file}; got ${JSON.stringify(checked.problems.slice(0, 5), null, 1)}`).toBeDefined();
        expect(found!.line).toBe(line);
        if (outcome.path !== undefined) expect(found!.path).toBe(outcome.path);
        expect(found!.message.length).toBeGreaterThan(15);
        expect(found!.hint.length).toBeGreaterThan(15);
        expect(checked.problems.map((problem) => problem.code)).not.toContain('E_SELF_CHECK');
      }, 20_000);
    } else {
      it(`${hostile.group}: ${hostile.name} → builds`, async () => {
        const sources = edited(hostile);
        const built = await buildPortal({ files: memorySources(Object.fromEntries(sources.files)), history });
        if (!built.ok) expect.fail(JSON.stringify(built.problems.slice(0, 5), null, 1));
        checkOutputs(hostile, built.tree, outcome.shows ?? []);
      }, 20_000);
    }
  }

  it('other tools read every build: workbooks open with openpyxl, the catalogue parses with rdflib, the feed is XML', () => {
    expect(judged.length).toBe(CASES.filter((c) => 'builds' in c.outcome).length);
    const run = spawnSync('/usr/bin/python3', [join(import.meta.dirname, 'judge.py')], { input: JSON.stringify(judged), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, `${run.stderr}\n(the judge needs Debian's python3-openpyxl and python3-rdflib)`).toBe(0);
    const verdicts = JSON.parse(run.stdout) as Record<string, { workbooks: number; problems: string[]; xlsx_missing: string[]; rdf_missing: string[]; 'catalog.ttl': number; 'catalog.jsonld': number }>;
    for (const { name } of judged) {
      const verdict = verdicts[name]!;
      expect(verdict.problems, name).toEqual([]);
      expect(verdict.workbooks, name).toBeGreaterThanOrEqual(3);
      expect(verdict.xlsx_missing, name).toEqual([]);
      expect(verdict.rdf_missing, name).toEqual([]);
      expect(verdict['catalog.jsonld'], name).toBe(verdict['catalog.ttl']);
    }
  }, 120_000);
});

describe('bounds', () => {
  it('finds a bad byte at the end of a 5 MB source in well under two seconds, on its line', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `"1. Опитування",row-${i},Учасники опитування у районі,"1 204",осіб,"взяли участь 1 204 особи",Північний`);
    const sources = new Sources().csv(rows);
    const text = new TextEncoder().encode(sources.text(CSV));
    expect(text.length).toBeGreaterThan(5_000_000);
    const bad = text.slice();
    bad[bad.length - 10] = 0xff;
    sources.set(CSV, bad);
    const started = performance.now();
    const checked = await checkSources(memorySources(Object.fromEntries(sources.files)));
    const seconds = (performance.now() - started) / 1000;
    expect(checked.problems.map(({ code, file, line }) => ({ code, file, line }))).toEqual([{ code: 'E_FILE_ENCODING', file: CSV, line: rows.length + 1 }]);
    expect(seconds).toBeLessThan(2);
    console.log(`5 MB source with a bad byte at its end: rejected in ${seconds.toFixed(3)} s`);
  }, 20_000);

  it('lists the first problems of a flood and counts the rest, in linear time', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `"1. Опитування",row-${i},=cmd|' /C calc'!A${i},"1 204",осіб,"взяли участь",`);
    const sources = new Sources().csv(rows);
    const started = performance.now();
    const checked = await checkSources(memorySources(Object.fromEntries(sources.files)));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(checked.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(checked.problems.slice(0, MAX_PROBLEMS).every((problem) => problem.code === 'E_FORMULA_TEXT')).toBe(true);
    expect(checked.problems[0]!.line).toBe(2);
    const last = checked.problems.at(-1)!;
    expect(last).toMatchObject({ code: 'E_TOO_MANY_PROBLEMS', file: CSV, line: MAX_PROBLEMS + 2 });
    expect(last.message).toBe(`and ${10_000 - MAX_PROBLEMS} more problems in 1 file (${10_000 - MAX_PROBLEMS} E_FORMULA_TEXT)`);
  }, 30_000);

  it('suggests known ids for twenty thousand unknown ones without a pass over every id each', async () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `part-${i}`);
    const sources = new Sources();
    sources.append(OBSERVATIONS, `  - section: "5. Райони"\n    unit: осіб\n    observations:\n${ids.map((id) => `      - { id: ${id}, indicator: Учасники, value: 1 }`).join('\n')}\n`);
    sources.append(TOTALS, `  - id: by-district\n    label: За районами\n    total: appeals-total\n    parts: [${ids.map((id) => `x${id}`).join(', ')}]\n`);
    const started = performance.now();
    const checked = await checkSources(memorySources(Object.fromEntries(sources.files)));
    expect(performance.now() - started).toBeLessThan(10_000);
    const unknown = checked.problems.filter((problem) => problem.code === 'E_REF_UNKNOWN');
    expect(unknown.length).toBeGreaterThan(100);
    expect(unknown[0]).toMatchObject({ file: TOTALS, message: '"xpart-0" is not an observation of this document' });
    expect(checked.problems.at(-1)!.code).toBe('E_TOO_MANY_PROBLEMS');
  }, 30_000);
});

describe('skipped files', () => {
  it('names dot-folders, notes and links it does not read, and builds without them', async () => {
    const root = join(work, 'skipped');
    const sources = new Sources();
    for (const [path, content] of sources.files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    mkdirSync(join(root, 'test-city-council', '.drafts'));
    writeFileSync(join(root, 'test-city-council', '.drafts', 'observations.yaml'), 'groups: []\n');
    writeFileSync(join(root, 'README.md'), '# notes\n');
    symlinkSync(join(BASE, 'portal.yaml'), join(root, 'test-city-council', 'portal-link.yaml'));
    symlinkSync('/etc', join(root, 'etc'));
    const checked = await checkSources(diskSources(root));
    expect(checked.problems).toEqual([]);
    expect(checked.skipped).toEqual(['README.md', 'etc', 'test-city-council/.drafts/observations.yaml', 'test-city-council/portal-link.yaml']);
  });
});

describe('SITE_URL and BASE_PATH', () => {
  it.each([
    ['siteUrl', 'javascript:alert(1)', 'site_url'],
    ['basePath', '/da ta/"><script>/', 'base_path'],
  ] as const)('refuses %s=%j as portal.yaml would', async (option, value, field) => {
    const built = await buildPortal({ files: memorySources(Object.fromEntries(new Sources().files)), history, [option]: value });
    expect(built.ok).toBe(false);
    expect(built.ok ? [] : built.problems.map(({ code, file, path }) => ({ code, file, path }))).toEqual([{ code: 'E_FIELD_VALUE', file: 'portal.yaml', path: field }]);
  });
});
