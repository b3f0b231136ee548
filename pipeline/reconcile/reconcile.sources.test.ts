/**
 * Reconciliation of the project's own reports and of the test fixture, read through the whole
 * front of the pipeline (load, validate, normalize). The checks one by one, on hand-built
 * models, are in reconcile.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../check.ts';
import { diskSources, memorySources } from '../io/files.ts';
import { toPlain } from '../numbers/decimal.ts';

const root = join(import.meta.dirname, '..', '..');

async function reconciled(files: Parameters<typeof checkSources>[0]) {
  const result = await checkSources(files);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result;
}

describe('the five reports', async () => {
  const { model, reconciliation } = await reconciled(diskSources(join(root, 'datasets')));
  const notes = new Map(reconciliation.notes.map((note) => [note.id, note]));

  it('reconciles decision No. 1176: passport years equal annex columns, rows equal their years', () => {
    const programme = model.programmes.find((p) => p.id === 'kr-local-self-government-2017-2027')!;
    expect(programme.funding.years.size).toBe(11);
    expect(toPlain(programme.funding.total.value!)).toBe('12023016');
    expect(reconciliation.notes.filter((note) => note.document === 'kr-2016-decision-1176')).toEqual([]);
    expect(programme.annexes.map((annex) => annex.directions.length)).toEqual([8, 6, 6]);
    expect(programme.amendments).toHaveLength(14);
  });

  it('compares the 2023 execution with the plan, direction by direction', () => {
    const execution = reconciliation.comparisons.find((c) => c.year === 2023)!;
    const byNumber = new Map(execution.directions.map((d) => [d.directionNumber, d]));
    expect(toPlain(byNumber.get(1)!.reported!.value!, 2)).toBe('11583.00');
    expect(toPlain(byNumber.get(1)!.planned!.value!)).toBe('11583');
    expect(byNumber.get(1)!.word).toBe('spent');
    expect(toPlain(byNumber.get(4)!.reported!.value!)).toBe('1243280.57');
    expect(toPlain(byNumber.get(4)!.planned!.value!)).toBe('1255765');
    expect(byNumber.get(4)!.word).toBe('allocated');
    expect(toPlain(execution.reportedTotal.value!)).toBe('1254863.57');
    expect(toPlain(execution.plannedTotal)).toBe('1267348');
    expect(toPlain(execution.rate!)).toBe('99.01');
  });

  it.each([
    ['if-2022-h1-strategic-development-report/total-vpo-hotline-by-topic', '6500', '9600'],
    ['kropyvnytskyi-2021-programmes-presentation/total-appeals-by-author-category', '3402', '3438'],
    ['kropyvnytskyi-2021-programmes-presentation/total-housing-priority-queue-928-by-category', '928', '911'],
    ['kropyvnytskyi-2021-programmes-presentation/total-housing-register-by-queue', '3098', '3100'],
  ])('finds the mismatch %s', (id, stated, computed) => {
    const note = notes.get(id);
    expect(note, `no note ${id}; notes: ${[...notes.keys()].join(', ')}`).toBeDefined();
    expect(toPlain(note!.stated.value!)).toBe(stated);
    expect(toPlain(note!.computed)).toBe(computed);
    expect(note!.message).toContain('різниця');
  });

  it('flags nothing that adds up', () => {
    expect(reconciliation.notes).toHaveLength(4);
    expect(reconciliation.checks.passed).toBeGreaterThan(40);
  });
});

describe('each kind of check', () => {
  const base = join(import.meta.dirname, '..', 'fixtures', 'base');

  async function withChange(path: string, edit: (text: string) => string) {
    const source = diskSources(base);
    const files: Record<string, string> = {};
    for (const file of await source.list()) files[file] = new TextDecoder().decode(await source.read(file));
    files[path] = edit(files[path]!);
    return reconciled(memorySources(files));
  }
  const programme = 'test-city-council/tc-2019-decision-7/programme.yaml';

  it.each([
    ['Q_PASSPORT_TOTAL', (t: string) => t.replace('value: "300 000,00"', 'value: "310 000,00"')],
    ['Q_PASSPORT_YEAR_SOURCES', (t: string) => t.replace('community: "120 000,00"', 'community: "110 000,00"')],
    ['Q_PASSPORT_TOTAL_ROW', (t: string) => t.replace('total_row: { total: "300 000,00"', 'total_row: { total: "301 000,00"')],
    ['Q_ANNEX_ROW', (t: string) => t.replace('planned_total: "250 000,00"', 'planned_total: "205 000,00"')],
    ['Q_ANNEX_COLUMN', (t: string) => t.replace('total_row: { "2020": "120 000,00"', 'total_row: { "2020": "121 000,00"')],
  ])('%s', async (code, edit) => {
    const { reconciliation } = await withChange(programme, edit);
    expect(reconciliation.notes.map((note) => note.code)).toContain(code);
  });

  it('Q_PASSPORT_ANNEX: a passport year that differs from its annex column', async () => {
    const { reconciliation } = await withChange(programme, (t) => t.replace('"2020": "20 000,00"', '"2020": "25 000,00"'));
    const note = reconciliation.notes.find((n) => n.code === 'Q_PASSPORT_ANNEX')!;
    expect(toPlain(note.stated.value!)).toBe('120000');
    expect(toPlain(note.computed)).toBe('125000');
    expect(toPlain(note.difference)).toBe('-5000');
  });

  it('Q_EXECUTION_TOTAL and Q_EXECUTION_OVER_PLAN', async () => {
    const { reconciliation } = await withChange('test-city-council/tc-2021-execution-report/execution.yaml', (t) =>
      t.replace('amount: "149 500,50"', 'amount: "150 500,50"'),
    );
    const codes = reconciliation.notes.map((note) => note.code);
    expect(codes).toContain('Q_EXECUTION_TOTAL');
    expect(codes).toContain('Q_EXECUTION_OVER_PLAN');
  });

  const observations = 'test-city-council/tc-2021-execution-report/observations.yaml';

  it('Q_STATED_TOTAL: parts that do not make the total', async () => {
    const { reconciliation } = await withChange(observations, (t) => t);
    const note = reconciliation.notes.find((n) => n.code === 'Q_STATED_TOTAL')!;
    expect(note.stated.printed).toBe('близько 1,2 тис.');
    expect(toPlain(note.computed)).toBe('1050');
    expect(note.message).toContain('у джерелі близько 1');
  });

  it('reads "близько 1,2 тис." as 1 200 ± 100: 1 150 agrees, 1 050 does not', async () => {
    const close = await withChange(observations, (t) => t.replace('value: "350"', 'value: "450"'));
    expect(close.reconciliation.notes.filter((n) => n.code === 'Q_STATED_TOTAL')).toEqual([]);
    const far = await withChange(observations, (t) => t);
    expect(far.reconciliation.notes.filter((n) => n.code === 'Q_STATED_TOTAL')).toHaveLength(1);
  });

  it('reads "понад" as a bound: parts above it agree, parts below do not', async () => {
    const above = await withChange(observations, (t) => t.replace('"близько 1,2 тис."', '"понад 1 000"'));
    expect(above.reconciliation.notes.filter((n) => n.code === 'Q_STATED_TOTAL')).toEqual([]);
    const below = await withChange(observations, (t) => t.replace('"близько 1,2 тис."', '"понад 1 100"'));
    expect(below.reconciliation.notes.filter((n) => n.code === 'Q_STATED_TOTAL')).toHaveLength(1);
  });

  it('compares an exact total exactly', async () => {
    const exact = await withChange(observations, (t) => t.replace('"близько 1,2 тис."', '"1 051"'));
    const note = exact.reconciliation.notes.find((n) => n.code === 'Q_STATED_TOTAL')!;
    expect(toPlain(note.difference)).toBe('1');
  });
});
