/**
 * The synthetic corpus: deterministic, the size asked for, and valid for the real pipeline
 * (validation with zero problems, reconciliation finding mismatches, a whole build).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../fixtures/run-script.ts';
import { parse } from 'yaml';
import { buildPortal } from '../build.ts';
import { checkSources, type Checked } from '../check.ts';
import { formatProblems } from '../cli/format.ts';
import { memorySources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { corpusFiles, emptyStats, generateCorpus } from './corpus.ts';

const sources = (corpus: Map<string, string>) => memorySources(Object.fromEntries(corpus));

/** Fails with every problem listed, so a broken generator says what it broke. */
function expectValid(checked: Checked): asserts checked is Extract<Checked, { ok: true }> {
  if (!checked.ok) expect.fail(`the corpus has ${checked.problems.length} problem(s):\n${formatProblems(checked.problems.slice(0, 30), 'corpus')}`);
}

function datasetEntries(corpus: Map<string, string>): { path: string; programme?: string; documents?: string[] }[] {
  return [...corpus]
    .filter(([path]) => path.endsWith('/datasets.yaml'))
    .flatMap(([path, text]) => (parse(text) as { datasets: { programme?: string; documents?: string[] }[] }).datasets.map((entry) => ({ path, ...entry })));
}

describe('generateCorpus', () => {
  it('gives the same files for the same seed, and other files for another seed', () => {
    const a = generateCorpus({ datasets: 60, seed: 42 });
    const b = generateCorpus({ datasets: 60, seed: 42 });
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, text] of a) expect(b.get(path), path).toBe(text);
    const c = generateCorpus({ datasets: 60, seed: 43 });
    expect([...c.keys()]).not.toEqual([...a.keys()]);
    expect(c.get('portal.yaml')).not.toBe(a.get('portal.yaml'));
  });

  it('puts exactly the requested number of datasets into the datasets.yaml files', () => {
    for (const datasets of [1, 2, 3, 7, 40, 123, 251]) {
      const corpus = generateCorpus({ datasets, seed: datasets });
      const entries = datasetEntries(corpus);
      expect(entries, `${datasets} datasets`).toHaveLength(datasets);
      const publishers = [...corpus.keys()].filter((path) => path.endsWith('/publisher.yaml')).length;
      expect(publishers).toBe(Math.min(datasets, Math.max(3, Math.round(datasets / 25))));
      expect(new Set(entries.map((entry) => entry.path)).size).toBe(publishers);
    }
  });

  it('makes about half the datasets programmes and half indicators, and counts what it writes', () => {
    const stats = emptyStats();
    const files = [...corpusFiles({ datasets: 400, seed: 5 }, stats)];
    expect(stats.datasets).toBe(400);
    expect(stats.programmeDatasets + stats.indicatorDatasets).toBe(400);
    expect(stats.programmeDatasets).toBeGreaterThan(160);
    expect(stats.indicatorDatasets).toBeGreaterThan(160);
    expect(stats.programmes).toBe(stats.programmeDatasets);
    expect(stats.publishers).toBe(16);
    expect(stats.files).toBe(files.length);
    expect(stats.bytes).toBe(files.reduce((n, [, text]) => n + Buffer.byteLength(text), 0));
    expect(files.filter(([path]) => path.endsWith('/programme.yaml'))).toHaveLength(stats.programmes);
    expect(files.filter(([path]) => path.endsWith('/execution.yaml'))).toHaveLength(stats.executions);
    expect(files.filter(([path]) => path.endsWith('/document.yaml'))).toHaveLength(stats.documents);
    // Every folder is named by its id.
    for (const [path, text] of files) {
      if (path.endsWith('/document.yaml')) expect((parse(text) as { id: string }).id).toBe(path.split('/')[1]);
      if (path.endsWith('/publisher.yaml')) expect((parse(text) as { id: string }).id).toBe(path.split('/')[0]);
    }
  });

  it('refuses a dataset count below 1', () => {
    expect(() => generateCorpus({ datasets: 0, seed: 1 })).toThrow(/datasets/);
  });
});

describe('a corpus of 40 datasets', () => {
  let checked: Extract<Checked, { ok: true }>;
  beforeAll(async () => {
    const result = await checkSources(sources(generateCorpus({ datasets: 40, seed: 2024 })));
    expectValid(result);
    checked = result;
  });

  it('validates with zero problems', () => {
    expect(checked.problems).toEqual([]);
    expect(checked.model.publishers).toHaveLength(3);
    expect(checked.model.catalog).toHaveLength(40);
  });

  it('has programmes shaped like real ones', () => {
    const { programmes } = checked.model;
    expect(programmes.length).toBeGreaterThan(10);
    for (const programme of programmes) {
      expect(programme.funding.years.size).toBeGreaterThanOrEqual(3);
      expect(programme.funding.years.size).toBeLessThanOrEqual(11);
      expect(programme.funding.years.size).toBe(programme.period.end - programme.period.start + 1);
      expect(programme.funding.totalRow).toBeDefined();
      expect(programme.annexes.length).toBeGreaterThanOrEqual(1);
      expect(programme.annexes.length).toBeLessThanOrEqual(3);
      for (const annex of programme.annexes) {
        expect(annex.directions.length).toBeGreaterThanOrEqual(4);
        expect(annex.directions.length).toBeLessThanOrEqual(8);
        expect(annex.totalRow.get('total')).toBeDefined();
        for (const direction of annex.directions) {
          expect(direction.measures.length).toBeGreaterThanOrEqual(2);
          expect(direction.measures.length).toBeLessThanOrEqual(6);
        }
      }
      const executions = checked.model.executions.filter((execution) => execution.programme === programme.id);
      expect(executions.length).toBeGreaterThanOrEqual(1);
      expect(executions.length).toBeLessThanOrEqual(2);
    }
    // Every execution report is compared with the annex that plans its year.
    expect(checked.reconciliation.comparisons).toHaveLength(checked.model.executions.length);
  });

  it('has indicator reports with 10–120 figures in 3–12 sections, each quote holding its figure', () => {
    const reports = checked.model.documents.filter((document) => document.kind === 'activity_report' || document.kind === 'presentation');
    expect(reports.length).toBeGreaterThan(10);
    for (const report of reports) {
      const observations = checked.model.observations.filter((observation) => observation.document === report.id);
      expect(observations.length, report.id).toBeGreaterThanOrEqual(10);
      expect(observations.length, report.id).toBeLessThanOrEqual(120);
      const sections = new Set(observations.map((observation) => observation.figure.section));
      expect(sections.size, report.id).toBeGreaterThanOrEqual(3);
      expect(sections.size, report.id).toBeLessThanOrEqual(12);
      expect(checked.model.statedTotals.filter((total) => total.document === report.id).length, report.id).toBeGreaterThanOrEqual(1);
    }
    for (const observation of checked.model.observations) {
      expect(observation.figure.quoteIsFigure).toBe(false);
      expect(observation.figure.quote, observation.id).toContain(observation.figure.printed);
    }
    for (const execution of checked.model.executions) {
      for (const item of execution.items) if (item.amount) expect(item.amount.quote).toContain(item.amount.printed);
    }
    const kinds = new Set(checked.model.observations.map((observation) => `${observation.figure.kind}/${observation.figure.qualifier}`));
    for (const kind of ['count/exact', 'UAH/exact', 'percent/exact', 'count/approx', 'count/more_than']) expect(kinds).toContain(kind);
    expect(checked.model.observations.some((observation) => Object.keys(observation.dimensions).length > 0)).toBe(true);
  });
});

describe('direction ids as councils write them', () => {
  it('repeat across programmes (a1-d1), and the corpus validates', async () => {
    const corpus = generateCorpus({ datasets: 20, seed: 9 });
    const programmes = [...corpus].filter(([path, text]) => path.endsWith('/programme.yaml') && text.includes('      - id: a1-d1\n'));
    expect(programmes.length).toBeGreaterThan(1);
    expectValid(await checkSources(sources(corpus)));
  });
});

describe('a corpus of 200 datasets', () => {
  it('gives reconciliation mismatches to find, in stated totals and in programmes', async () => {
    const checked = await checkSources(sources(generateCorpus({ datasets: 200, seed: 7 })));
    expectValid(checked);
    const { notes } = checked.reconciliation;
    expect(notes.length).toBeGreaterThan(0);
    const codes = new Set(notes.map((note) => note.code));
    expect(codes).toContain('Q_STATED_TOTAL');
    expect([...codes].some((code) => code.startsWith('Q_PASSPORT') || code.startsWith('Q_ANNEX'))).toBe(true);
    // Mismatches are the exception, as in real reports.
    expect(checked.reconciliation.checks.failed).toBeLessThan(checked.reconciliation.checks.passed / 10);
  });
});

describe('the build on a generated corpus', () => {
  it('builds 30 datasets with no problems', async () => {
    const built = await buildPortal({ files: sources(generateCorpus({ datasets: 30, seed: 11 })), history: fixedHistory('2024-01-01T00:00:00Z') });
    if (!built.ok) expect.fail(formatProblems(built.problems.slice(0, 20), 'corpus'));
    // 30 datasets, a register per publisher, the shared indicators' comparison and the portal-wide one.
    expect(built.datasets).toHaveLength(30 + 3 + 1 + 1);
    expect(built.datasets.filter((d) => d.kind === 'comparison')).toHaveLength(1);
  });
});

describe('npm run gen', () => {
  const cli = join(import.meta.dirname, 'cli.ts');
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gen-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const gen = (...args: string[]) => runScript(cli, ...args);

  it('writes the corpus, refuses a folder that is not empty, and empties it with --force', async () => {
    const out = join(work, 'corpus');
    const first = await gen('--datasets', '12', '--out', out, '--seed', '3');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/datasets\s+12 /);
    expect(first.stdout).toMatch(/publishers\s+3\n/);
    const expected = generateCorpus({ datasets: 12, seed: 3 });
    const written = (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(written).toHaveLength(expected.size);
    expect(await readFile(join(out, 'portal.yaml'), 'utf8')).toBe(expected.get('portal.yaml'));

    const refused = await gen('--datasets', '5', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not empty');

    const forced = await gen('--datasets', '5', '--out', out, '--force');
    expect(forced.code).toBe(0);
    const rewritten = (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(rewritten).toHaveLength(generateCorpus({ datasets: 5, seed: 1 }).size);
  });

  it('says how to call it when an argument is missing', async () => {
    const result = await gen('--datasets', '5');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});
