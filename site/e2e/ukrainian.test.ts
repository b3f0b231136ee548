/** The page-text checks of the end-to-end suite, on texts whose mistakes are known. */
import { describe, expect, it } from 'vitest';
import { countFindings, dateFindings, latinFindings, placeholderFindings, type Paradigm } from './ukrainian.ts';

const organ: Paradigm = { one: 'орган', few: 'органи', many: 'органів', other: 'органу' };
const person: Paradigm = { one: 'особа', few: 'особи', many: 'осіб', other: 'особи' };
const dataset: Paradigm = { one: 'набір даних', few: 'набори даних', many: 'наборів даних', other: 'набору даних' };
const found = (text: string) => countFindings(text, [organ, person, dataset]).map((f) => f.text);

describe('counts', () => {
  it('accepts numbers whose noun agrees, written in full, grouped, in тис. or as a fraction', () => {
    expect(found('діють 1 463 органи; 5 органів; 21 особа; 11 осіб; 2,5 органу; близько 6,5 тис. осіб; 1 набір даних')).toEqual([]);
  });

  it('finds every count the issue quotes', () => {
    expect(found('«1 463 органів», «2 574 осіб», «1 осіб», «673 наборів даних»')).toEqual(['1 463 органів', '2 574 осіб', '1 осіб', '673 наборів даних']);
  });

  it('asks for the genitive after близько and до, and takes either after понад', () => {
    expect(found('близько 21 особи, до 3 осіб, понад 21 особа, понад 21 особи')).toEqual([]);
    expect(found('близько 21 особа')).toEqual(['близько 21 особа']);
  });

  it('leaves dates, codes and ordinals alone', () => {
    expect(found('21.12.2016 органи; № 5 органи; 2023 рік; UA12 органи')).toEqual([]);
  });
});

describe('dates', () => {
  it('finds ISO dates and periods, and years grouped like amounts', () => {
    expect(dateFindings('період 2022-01-01/2022-06-30; з 1 980 року; оновлено 2024-03-01T09:00:00Z').map((f) => f.text)).toEqual([
      '2022-01-01/2022-06-30',
      '2024-03-01T09:00:00Z',
      '1 980 року',
    ]);
    expect(dateFindings('21.12.2016, 2021 рік, I півріччя 2022, 01.01–30.06.2022, 1 463 органи')).toEqual([]);
  });
});

describe('addresses', () => {
  it('finds placeholder domains', () => {
    expect(placeholderFindings('https://opendata.example.org/datasets/ · opendata@example.org · https://kr.gov.ua').map((f) => f.text)).toEqual(['opendata.example.org', 'example.org']);
  });
});

describe('Latin letters', () => {
  it('allows addresses, file names, Roman numerals and listed names, and finds the rest', () => {
    const allowed = new Set(['CSV', 'CC', 'BY']);
    const text = 'Завантажте CSV (observations.csv) з https://kr.gov.ua/x або /portal/datasets/x/, пишіть на a@b.ua; I півріччя; XV; ДСТУ ІSO; CC BY 4.0; agrees = false; observation_id';
    expect(latinFindings(text, allowed).map((f) => f.text)).toEqual(['agrees', 'false', 'observation_id']);
  });
});
