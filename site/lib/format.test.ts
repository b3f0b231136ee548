import { describe, expect, it } from 'vitest';
import { cellText, date, figure, period, years } from './format.ts';
import { counted, formFor, forms, NOUNS } from './plural.ts';

const organ = forms('орган/органи/органів/органу');
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('counts', () => {
  it.each([
    [1, '1 орган'],
    [3, '3 органи'],
    [5, '5 органів'],
    [11, '11 органів'],
    [12, '12 органів'],
    [21, '21 орган'],
    [22, '22 органи'],
    [111, '111 органів'],
    [1463, '1 463 органи'],
    [0, '0 органів'],
  ])('%d takes its form', (n, text) => {
    expect(plain(counted(n, organ))).toBe(text);
  });

  it('gives a fraction its own form, and the form after 5 after тис.', () => {
    expect(formFor('2.5', organ)).toBe('органу');
    expect(formFor('6.5', forms('звернення/звернення/звернень/звернення'), true)).toBe('звернень');
    expect(formFor('1', organ, true)).toBe('органів');
  });

  it('declines the site\'s own nouns', () => {
    expect(plain(counted(21, NOUNS.council))).toBe('21 міська рада');
    expect(plain(counted(1, NOUNS.programme))).toBe('1 програма');
    expect(plain(counted(673, NOUNS.dataset))).toBe('673 набори даних');
  });
});

describe('figures', () => {
  const count = { printed: '1 463', unit: 'органів', kind: 'count', qualifier: 'exact', forms: { one: 'орган', few: 'органи', many: 'органів', other: 'органу' } };
  it('agree their unit with the number', () => {
    expect(plain(figure({ ...count, value: '1463' }))).toBe('1 463 органи');
    expect(plain(figure({ ...count, value: '6500', qualifier: 'approx' }))).toBe('близько 6 500 органів');
    expect(plain(figure({ ...count, value: '5984', qualifier: 'approx' }))).toBe('близько 5 984 органів');
    expect(plain(figure({ ...count, value: '21', qualifier: 'approx' }))).toBe('близько 21 органу');
    expect(plain(figure({ ...count, value: '22', qualifier: 'more_than' }))).toBe('понад 22 органи');
  });
  it('show a calendar year ungrouped', () => {
    expect(plain(figure({ value: '1980', printed: '1980', unit: 'рік', kind: 'year', qualifier: 'exact' }))).toBe('1980 рік');
  });
});

describe('dates and periods', () => {
  it.each([
    ['2016-12-21', '2016-12-21', 'станом на 21.12.2016'],
    ['2021-01-01', '2021-12-31', '2021 рік'],
    ['2017-01-01', '2027-12-31', '2017–2027 роки'],
    ['2022-01-01', '2022-06-30', 'I півріччя 2022'],
    ['2022-07-01', '2022-12-31', 'II півріччя 2022'],
    ['2021-07-01', '2021-09-30', 'III квартал 2021'],
    ['2022-02-24', '2022-06-30', '24.02–30.06.2022'],
    ['2021-07-01', '2022-06-30', '01.07.2021–30.06.2022'],
  ])('%s to %s reads «%s»', (start, end, text) => {
    expect(period(start, end)).toBe(text);
  });
  it('writes a date day first, and years without a group separator', () => {
    expect(date('2016-12-21')).toBe('21.12.2016');
    expect(date('2024-03-01T09:00:00Z')).toBe('01.03.2024');
    expect(years(2017, 2027)).toBe('2017–2027 роки');
  });
});

describe('published cells', () => {
  it('read in words and Ukrainian formats', () => {
    expect(cellText({ name: 'agrees', type: 'boolean' }, 'false')).toBe('ні');
    expect(cellText({ name: 'period_start', type: 'date' }, '2022-01-01')).toBe('01.01.2022');
    // A budget passport's group of indicators, as the passport names it: показники продукту.
    expect(['cost', 'product', 'efficiency', 'quality'].map((g) => cellText({ name: 'budget_group', type: 'string' }, g))).toEqual(['затрат', 'продукту', 'ефективності', 'якості']);
    expect(plain(cellText({ name: 'amount_uah', type: 'number' }, '1243280.57'))).toBe('1 243 280,57');
    expect(cellText({ name: 'year', type: 'year' }, '2023')).toBe('2023');
    expect(cellText({ name: 'qualifier', type: 'string' }, 'approx')).toBe('близько');
    expect(cellText({ name: 'word', type: 'string' }, 'allocated')).toBe('виділено');
    expect(cellText({ name: 'observation_id', type: 'string' }, 'kr/osn-total')).toBe('kr/osn-total');
  });
});
