/**
 * The synthetic corpus says what was done and shares indicators across councils, so that
 * scale runs and tests exercise results, indicator pages and the comparison file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { checkSources, type Checked } from '../check.ts';
import { memorySources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { generateCorpus } from './corpus.ts';

const corpus = generateCorpus({ datasets: 60, seed: 7 });
let checked: Extract<Checked, { ok: true }>;

beforeAll(async () => {
  const result = await checkSources(memorySources(Object.fromEntries(corpus)));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`).join('\n'));
  checked = result;
});

describe('results in a generated corpus', () => {
  it('links results to directions of the programme its report executes, in the report\'s year', () => {
    const { observations, executions, programmes } = checked.model;
    const results = observations.filter((o) => o.result !== undefined);
    expect(results.length).toBeGreaterThan(50);
    for (const o of results) {
      const execution = executions.find((e) => e.document === o.document)!;
      expect(o.result!.programme).toBe(execution.programme);
      expect(o.result!.year).toBe(execution.year);
      const directions = programmes.find((p) => p.id === execution.programme)!.annexes.flatMap((a) => a.directions);
      const direction = directions.find((d) => d.id === o.result!.direction)!;
      expect(o.figure.section).toBe(`${direction.number}. ${direction.title}`);
    }
  });

  it('has at least five shared indicators with values from three councils and two periods each', () => {
    const byCode = checked.model.indicators.map((indicator) => {
      const members = checked.model.observations.filter((o) => o.shared === indicator.code);
      return { code: indicator.code, values: members.length, councils: new Set(members.map((o) => o.publisher)).size, periods: new Set(members.map((o) => o.period.start)).size };
    });
    const wide = byCode.filter((i) => i.councils >= 3 && i.periods >= 2);
    expect(wide.length, JSON.stringify(byCode)).toBeGreaterThanOrEqual(5);
  });

  it('gives a council one value a year of each shared indicator', () => {
    const seen = new Set<string>();
    for (const o of checked.model.observations.filter((o) => o.shared)) {
      const key = `${o.publisher}/${o.period.start}/${o.shared}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('publishes the results per programme and the comparison of every shared value', async () => {
    const built = await buildPortal({ files: memorySources(Object.fromEntries(corpus)), history: fixedHistory('2026-01-01T00:00:00Z') });
    if (!built.ok) throw new Error('build failed');
    const text = (path: string) => Buffer.from(built.tree.get(path)!).toString('utf8');
    const paths = [...built.tree.keys()];
    const comparison = paths.find((p) => /^public\/datasets\/[^/]+\/comparison\.csv$/.test(p));
    expect(comparison).toBeDefined();
    const lines = (path: string) => text(path).trim().split('\n').length - 1;
    expect(lines(comparison!)).toBe(checked.model.observations.filter((o) => o.shared).length);
    // Each programme's own dataset (the portal's dataset of all data repeats them).
    const results = built.datasets.filter((d) => d.kind === 'programme').map((d) => `public/datasets/${d.name}/results.csv`).filter((p) => built.tree.has(p));
    const resultRows = results.reduce((n, p) => n + lines(p), 0);
    expect(resultRows).toBe(checked.model.observations.filter((o) => o.result).length);
  });
});
