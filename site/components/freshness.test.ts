import { describe, expect, it } from 'vitest';
import { freshness, newestReport, onDay, type Source } from './freshness.ts';

const decision: Source = { id: 'decision', title: 'Рішення', kind: 'decision', period: { start: '2017-01-01', end: '2027-12-31' } };
const report2021: Source = { id: 'r2021', title: 'Звіт за 2021 рік', kind: 'presentation', period: { start: '2021-01-01', end: '2021-12-31' } };
const report2023: Source = { id: 'r2023', title: 'Звіт за 2023 рік', kind: 'execution_report', period: { start: '2023-01-01', end: '2023-12-31' } };
const halfYear: Source = { id: 'h1', title: 'Звіт за I півріччя 2022', kind: 'activity_report', period: { start: '2022-01-01', end: '2022-06-30' } };
/** Rebuilt yesterday: the files are new, the figures are not. */
const modified = '2026-11-22T20:48:09Z';

describe('a dataset judged by the period its figures cover', () => {
  it('of 2021 figures, updated yearly, is late in 2026 however recently its files changed', () => {
    const f = freshness('once a year', [report2021], modified, onDay('2026-12-04'));
    expect(f).toMatchObject({ state: 'scheduled', basis: 'period', next: { start: '2022-01-01', end: '2022-12-31' }, due: '2023-03-31', late: true });
  });

  it('is up to date until the next period and the time for its report have passed', () => {
    expect(freshness('once a year', [report2023], modified, onDay('2025-03-31'))).toMatchObject({ due: '2025-03-31', late: false });
    expect(freshness('once a year', [report2023], modified, onDay('2025-04-01'))).toMatchObject({ due: '2025-03-31', late: true });
  });

  it('counts half-years and quarters to the last day of the month', () => {
    expect(freshness('once a half year', [halfYear], modified, onDay('2022-12-01'))).toMatchObject({ next: { start: '2022-07-01', end: '2022-12-31' }, due: '2023-02-28', late: false });
    const q: Source = { ...halfYear, period: { start: '2024-01-01', end: '2024-03-31' } };
    expect(freshness('once a quarter', [q], modified, onDay('2024-07-31'))).toMatchObject({ next: { start: '2024-04-01', end: '2024-06-30' }, due: '2024-07-31', late: false });
  });

  it('takes the newest report, never the period a programme plans for', () => {
    expect(newestReport([decision, report2021, report2023])?.id).toBe('r2023');
    expect(newestReport([decision])).toBeNull();
  });

  it('falls back to the last change when it has plans only', () => {
    expect(freshness('once a year', [decision], '2026-11-22T20:48:09Z', onDay('2026-12-04'))).toMatchObject({ state: 'scheduled', basis: 'modified', due: '2027-11-22', late: false });
    expect(freshness('once a year', [decision], '2024-02-29T10:00:00Z', onDay('2025-03-01'))).toMatchObject({ due: '2025-02-28', late: true });
  });

  it('promises no date when the frequency promises none', () => {
    expect(freshness('immediately after making changes', [report2021], modified, onDay('2030-01-01'))).toMatchObject({ state: 'unscheduled', newest: { id: 'r2021' } });
    expect(freshness('no longer updated', [], modified, onDay('2030-01-01'))).toMatchObject({ state: 'unscheduled', newest: null });
  });
});
