import { describe, expect, it } from 'vitest';
import type { SiteReport } from '../lib/data.ts';
import { previewColumns, rowOf } from './preview.ts';
import { unitFormsOf } from './unit-forms.ts';

type Figure = SiteReport['sections'][number]['figures'][number]['figure'];
const figure = (unit: string, forms: Figure['forms']): Figure => ({ value: '1', printed: '1', unit, forms, kind: forms ? 'count' : 'UAH', qualifier: 'exact', section: '', quote: null } as unknown as Figure);
const ORGANS = { one: 'орган', few: 'органи', many: 'органів', other: 'органу' };

describe('the units of a dataset\'s figures', () => {
  const forms = unitFormsOf([
    { sections: [{ section: 'a', figures: [{ id: 'x', indicator: '', figure: figure('органів', ORGANS), period: null, dimensions: {}, result: null, shared: null }] }] },
    { sections: [{ section: 'b', figures: [{ id: 'y', indicator: '', figure: figure('грн', null), period: null, dimensions: {}, result: null, shared: null }] }] },
  ]);

  it('are found by the form the tables hold, money left out', () => {
    expect(forms).toEqual({ органів: ORGANS });
  });

  it('make a preview\'s unit agree with its number: 1 463 органи, 21 орган, 5 органів, 2,5 органу', () => {
    const fields = ['indicator', 'value', 'unit', 'unit_kind', 'qualifier'].map((name) => ({ name, type: name === 'value' ? 'number' : 'string', title: name, description: '' }));
    const { columns } = previewColumns('observations', fields as never, forms);
    const unit = columns.find((c) => c.key === 'unit')!;
    const read = (value: string, u = 'органів') => unit.text(rowOf(fields as never, ['органи', value, u, 'count', 'exact']));
    expect(['1463', '21', '5', '2.5'].map((v) => read(v))).toEqual(['органи', 'орган', 'органів', 'органу']);
    // A unit the vocabulary does not give stays as the table holds it.
    expect(read('3', 'сесій')).toBe('сесій');
  });
});
