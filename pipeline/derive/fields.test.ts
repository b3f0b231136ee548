import { describe, expect, it } from 'vitest';
import type { Figure } from '../model/types.ts';
import { parsePlain } from '../numbers/decimal.ts';
import { f, field, ID_PATTERN, moneyCells, plain, schema, text, year } from './fields.ts';

const money = { printed: '1 243,28', value: parsePlain('1243280') } as Figure;

describe('cells', () => {
  it('writes money as exact UAH beside its printed form, under the prefix given', () => {
    expect(moneyCells(money)).toEqual({ amount_uah: '1243280', amount_printed: '1 243,28' });
    expect(moneyCells(money, 'planned')).toEqual({ planned_uah: '1243280', planned_printed: '1 243,28' });
    expect(moneyCells({ ...money, printed: '-', value: null })).toEqual({ amount_uah: null, amount_printed: '-' });
    expect(moneyCells(undefined)).toEqual({ amount_uah: null, amount_printed: null });
  });

  it('writes nothing as an empty cell: no number, no text or empty text, no year', () => {
    expect(plain(parsePlain('12.50'))).toBe('12.5');
    expect(plain(null)).toBeNull();
    expect(plain(undefined)).toBeNull();
    expect(text('так')).toBe('так');
    expect(text('')).toBeNull();
    expect(text(null)).toBeNull();
    expect(text(undefined)).toBeNull();
    expect(year(2023)).toBe('2023');
    expect(year(0)).toBe('0');
    expect(year(null)).toBeNull();
    expect(year(undefined)).toBeNull();
  });
});

describe('fields', () => {
  it('carries constraints only when there are some', () => {
    expect(field('n', 'integer', 'Н', 'Опис')).toEqual({ name: 'n', type: 'integer', title: 'Н', description: 'Опис' });
    expect(Object.keys(field('n', 'integer', 'Н', 'Опис'))).toEqual(['name', 'type', 'title', 'description']);
    expect(field('n', 'integer', 'Н', 'Опис', { required: true })).toEqual({ name: 'n', type: 'integer', title: 'Н', description: 'Опис', constraints: { required: true } });
  });

  it('describes the shared columns in Ukrainian', () => {
    expect(f.documentId(false)).toEqual({ name: 'document_id', type: 'string', title: 'Документ', description: 'Ідентифікатор документа-джерела (див. таблицю «Документи-джерела»)' });
    expect(f.uah('planned_uah', 'Заплановано', 'Заплановані кошти')).toEqual({
      name: 'planned_uah',
      type: 'number',
      title: 'Заплановано',
      description: 'Заплановані кошти, у гривнях (крапка — десятковий роздільник)',
      constraints: { minimum: 0 },
    });
    expect(f.printed('planned_printed', 'Як надруковано')).toEqual({ name: 'planned_printed', type: 'string', title: 'Як надруковано', description: 'Число так, як його надруковано в документі' });
    expect(f.provenance().map((p) => p.name)).toEqual(['document_id', 'section', 'quote', 'note']);
    expect(f.unitPrinted()).toEqual({ name: 'unit_printed', type: 'string', title: 'Одиниця в документі', description: 'Одиниця виміру так, як її подано в документі: грн, тис. грн' });
    expect(f.unitPrinted('unit').name).toBe('unit');
  });

  it('gives every table the empty cell as its missing value, and keeps keys given', () => {
    expect(schema([])).toEqual({ fields: [], missingValues: [''] });
    expect(schema([], { primaryKey: ['id'] })).toEqual({ fields: [], missingValues: [''], primaryKey: ['id'] });
  });

  it('takes ids of lowercase words joined by single hyphens', () => {
    const id = new RegExp(`^${ID_PATTERN}$`);
    expect(['kr', 'kr-2023', 'a1-b2-c3'].filter((s) => id.test(s))).toEqual(['kr', 'kr-2023', 'a1-b2-c3']);
    expect(['Kr', 'kr--2023', '-kr', 'kr-', 'kr_2023', ''].filter((s) => id.test(s))).toEqual([]);
  });
});
