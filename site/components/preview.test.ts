import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS, cellKind, cellText, columnRules, previewColumns, rowOf, sortRows, type Row } from './preview.ts';

type Field = Parameters<typeof cellText>[0];
const field = (name: string, type: string, title: string): Field => ({ name, type, title, description: '' }) as Field;

/** The observations table as the pipeline publishes it (names, types, Ukrainian titles). */
const observations: Field[] = [
  field('observation_id', 'string', 'Показник'),
  field('document_id', 'string', 'Документ'),
  field('section', 'string', 'Розділ'),
  field('indicator', 'string', 'Що рахують'),
  field('value', 'number', 'Значення'),
  field('value_printed', 'string', 'Значення (як надруковано)'),
  field('unit', 'string', 'Одиниця'),
  field('unit_kind', 'string', 'Вид одиниці'),
  field('qualifier', 'string', 'Точність'),
  field('period_start', 'date', 'Період: з'),
  field('period_end', 'date', 'Період: до'),
  field('dimension_category', 'string', 'Розріз: категорія'),
  field('dimension_district', 'string', 'Розріз: район'),
  field('quote', 'string', 'Цитата'),
  field('note', 'string', 'Примітка'),
];

const row = (values: Record<string, string | null>): Row => ({ ...Object.fromEntries(observations.map((f) => [f.name, null])), ...values });

describe('the columns a person reads first', () => {
  const { columns } = previewColumns('observations', observations);

  it('are what is counted, its breakdown, the figure, its unit, the period and the quote, by their Ukrainian titles', () => {
    expect(columns.filter((c) => c.first).map((c) => c.title)).toEqual(['Що рахують', 'Розріз', 'Значення', 'Одиниця', 'Період', 'Цитата']);
  });

  it('put ids after everything else', () => {
    const titles = columns.map((c) => c.key);
    expect(titles.slice(-2)).toEqual(['observation_id', 'document_id']);
    expect(columns.filter((c) => c.first).some((c) => c.key.endsWith('_id'))).toBe(false);
  });

  it('fold the period and the breakdowns into one column each, and offer every other field', () => {
    const keys = columns.map((c) => c.key);
    expect(keys).not.toContain('period_start');
    expect(keys).not.toContain('dimension_district');
    expect(keys).toEqual(expect.arrayContaining(['value_printed', 'section', 'note', 'qualifier', 'unit_kind']));
  });

  it('read a figure with its qualifier, money in hryvnias, a year ungrouped; a count\'s unit in the next column', () => {
    const value = columns.find((c) => c.key === 'value')!;
    const unit = columns.find((c) => c.key === 'unit')!;
    const approx = row({ value: '6500', value_printed: 'близько 6,5 тис.', unit: 'звернень', unit_kind: 'count', qualifier: 'approx' });
    expect([value.text(approx), unit.text(approx)]).toEqual(['близько 6\u00a0500', 'звернень']);
    // Money is in hryvnias whatever the document printed: the printed «тис. грн» would mislead beside it.
    const money = row({ value: '14981800', value_printed: '14 981,8', unit: 'тис. грн', unit_kind: 'UAH', qualifier: 'exact' });
    expect([value.text(money), unit.text(money)]).toEqual(['14\u00a0981\u00a0800\u00a0грн', '']);
    const share = row({ value: '80', unit: '%', unit_kind: 'percent', qualifier: 'exact' });
    expect([value.text(share), unit.text(share)]).toEqual(['80\u00a0%', '']);
    expect(value.text(row({ value: '1980', unit: 'рік', unit_kind: 'count', qualifier: 'exact' }))).toBe('1980');
    expect(value.text(row({}))).toBe('');
  });

  it('read a page\'s address within the portal and a shared indicator\'s code as code, not as words', () => {
    expect(['page', 'indicator_code', 'shared_indicator', 'observation_id', 'quote', 'name_en', 'indicator'].map(cellKind)).toEqual(['code', 'code', 'code', 'code', 'quote', 'en', 'text']);
  });

    it('mark ids as code and quotes as quotations', () => {
    expect(columns.find((c) => c.key === 'observation_id')!.kind).toBe('code');
    expect(columns.find((c) => c.key === 'quote')!.kind).toBe('quote');
    expect(columns.find((c) => c.key === 'indicator')!.kind).toBe('text');
  });

  it('name the breakdowns in words and the period as a reader writes it', () => {
    const dims = columns.find((c) => c.key === ':dimensions')!;
    expect(dims.text(row({ dimension_category: 'пенсіонери', dimension_district: 'Тернівський' }))).toBe('категорія: пенсіонери; район: Тернівський');
    const period = columns.find((c) => c.key === ':period')!;
    expect(period.text(row({ period_start: '2023-01-01', period_end: '2023-12-31' }))).toBe('2023 рік');
    expect(period.text(row({ period_start: '2024-01-01', period_end: '2024-01-01' }))).toBe('станом на 01.01.2024');
  });

  it('take the first five readable fields of a table they do not know, ids and printed copies left out', () => {
    const fields = [field('thing_id', 'string', 'Ід'), field('name', 'string', 'Назва'), field('amount_printed', 'string', 'Як надруковано'), field('amount_uah', 'number', 'Сума'), field('a', 'string', 'А'), field('b', 'string', 'Б'), field('c', 'string', 'В'), field('d', 'string', 'Г')];
    const made = previewColumns('unknown', fields).columns;
    expect(made.filter((c) => c.first).map((c) => c.key)).toEqual(['name', 'amount_uah', 'a', 'b', 'c']);
    expect(made.at(-1)!.key).toBe('thing_id');
  });

  it('offer at most as many columns as the stylesheet can hide, and count the rest', () => {
    const many = Array.from({ length: MAX_COLUMNS + 3 }, (_, i) => field(`f${i}`, 'string', `Поле ${i}`));
    const { columns: cut, left } = previewColumns('unknown', many);
    expect(cut).toHaveLength(MAX_COLUMNS);
    expect(left).toBe(3);
  });

  it('programme years and annex years read as a span, not as amounts', () => {
    const directions = [field('direction_id', 'string', 'Напрям'), field('annex_period_start', 'year', 'Додаток: з'), field('annex_period_end', 'year', 'Додаток: до'), field('number', 'integer', '№'), field('title', 'string', 'Назва напряму'), field('planned_total_uah', 'number', 'Усього заплановано')];
    const { columns: made } = previewColumns('directions', directions);
    const r = rowOf(directions, ['a1-d1', '2017', '2019', '1', 'Навчання', '146871']);
    expect(made.filter((c) => c.first).map((c) => c.text(r))).toEqual(['1', 'Навчання', '2017–2019 роки', '146\u00a0871\u00a0грн']);
  });
});

describe('cells as a person reads them', () => {
  it.each([
    [field('amount_uah', 'number', ''), '1243280.57', '1\u00a0243\u00a0280,57\u00a0грн'],
    [field('rate_percent', 'number', ''), '99.01', '99,01\u00a0%'],
    [field('rows', 'integer', ''), '12345', '12\u00a0345'],
    [field('year', 'year', ''), '2017', '2017'],
    [field('decision_date', 'date', ''), '2016-12-21', '21.12.2016'],
    [field('agrees', 'boolean', ''), 'false', 'ні'],
    [field('agrees', 'boolean', ''), 'true', 'так'],
    [field('edrpou', 'string', ''), '04054346', '04054346'],
    [field('qualifier', 'string', ''), 'approx', 'близько'],
    [field('unit_kind', 'string', ''), 'count', 'кількість'],
    [field('value', 'number', ''), null, ''],
  ])('%o %s → %s', (f, value, text) => expect(cellText(f, value)).toBe(text));
});

describe('sorting', () => {
  const value = previewColumns('observations', observations).columns.find((c) => c.key === 'value')!;
  const indicator = previewColumns('observations', observations).columns.find((c) => c.key === 'indicator')!;
  const rows = [row({ indicator: 'Ясла', value: '9' }), row({ indicator: 'Архів', value: '10' }), row({ indicator: 'Єдине вікно', value: null }), row({ indicator: 'Бюджет', value: '-2' })];

  it('orders numbers as numbers, empty cells last both ways', () => {
    expect(sortRows(rows, value, true).map((r) => r.value)).toEqual(['-2', '9', '10', null]);
    expect(sortRows(rows, value, false).map((r) => r.value)).toEqual(['10', '9', '-2', null]);
  });

  it('orders text in the Ukrainian alphabet (Є after Д, Я last)', () => {
    expect(sortRows(rows, indicator, true).map((r) => r.indicator)).toEqual(['Архів', 'Бюджет', 'Єдине вікно', 'Ясла']);
  });
});

describe('the stylesheet of the column picker', () => {
  it('is the one columnRules() makes, so every offered column can be hidden', () => {
    const css = readFileSync(join(import.meta.dirname, 'preview-columns.css'), 'utf8');
    expect(css).toBe(columnRules());
    expect(css).toContain(`li:nth-child(${MAX_COLUMNS}) input:not(:checked)) .data tr > :nth-child(${MAX_COLUMNS})`);
  });
});
