import { describe, expect, it } from 'vitest';
import type { SiteIndicatorValue } from '../../pipeline/publish/site-types.ts';
import { differences, periodLength } from './indicator-notes.ts';

const value = (publisher: string, start: string, end: string, extra: Partial<SiteIndicatorValue> = {}): SiteIndicatorValue => ({
  id: `${publisher}-${start}`,
  publisher: { id: publisher, title: publisher },
  document: { id: 'd', title: 'd' },
  indicator: 'x',
  figure: { value: '1', printed: '1', unit: 'звернень', forms: null, kind: 'count', qualifier: 'exact', section: '', quote: null, note: null },
  period: { start, end },
  memberNote: null,
  ...extra,
});

describe('periodLength', () => {
  it('names years, half-years, quarters and dates', () => {
    expect(periodLength({ start: '2022-01-01', end: '2022-12-31' })).toBe('year');
    expect(periodLength({ start: '2022-07-01', end: '2022-12-31' })).toBe('half');
    expect(periodLength({ start: '2022-04-01', end: '2022-06-30' })).toBe('quarter');
    expect(periodLength({ start: '2024-01-01', end: '2024-01-01' })).toBe('date');
    expect(periodLength({ start: '2022-02-24', end: '2022-06-30' })).toBe('other');
  });
});

describe('differences', () => {
  it('says nothing when the values are alike', () => {
    expect(differences([value('a', '2021-01-01', '2021-12-31'), value('a', '2022-01-01', '2022-12-31')])).toEqual([]);
  });

  it('says in words that periods differ in length, how many councils gave values, and what is noted or approximate', () => {
    const said = differences([
      value('a', '2022-01-01', '2022-06-30'),
      value('a', '2021-01-01', '2021-06-30', { memberNote: 'для порівняння' }),
      value('b', '2022-01-01', '2022-12-31', { figure: { ...value('b', '', '').figure, qualifier: 'approx' } }),
    ]);
    expect(said).toEqual([
      'Числа подано за періоди різної довжини: 2\u00a0числа за півріччя, 1\u00a0число за рік. Число за коротший період менше не тому, що зроблено менше; порівнюйте між собою лише числа за однакові періоди.',
      'Числа подали 2\u00a0міські ради: кожна рахує за своїм обліком, але всі вони рахують те, що сказано у визначенні; інакше числа не було б тут.',
      'До одного числа упорядник додав примітку: чим документ відрізняється в подробицях (див. таблицю).',
      'Одне число наближене («близько», «понад» або «менше» — так, як сказано в документі).',
    ]);
  });
});
