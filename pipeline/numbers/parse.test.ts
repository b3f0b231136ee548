import { describe, expect, it } from 'vitest';
import { toPlain } from './decimal.ts';
import { isProblem, parseFigure, toUah, unitKind, type ParsedFigure } from './parse.ts';

function read(input: string | number): ParsedFigure {
  const result = parseFigure(input);
  if (isProblem(result)) throw new Error(`${input}: ${result.message}`);
  return result;
}

const uah = (input: string, unit?: string) => toPlain(toUah(read(input), unit)!);

describe('figures as Ukrainian documents print them', () => {
  it('reads grouped hryvnias and kopiykas exactly', () => {
    expect(uah('1 243 280,57', 'грн')).toBe('1243280.57');
    expect(uah('11 583,00', 'грн')).toBe('11583');
    expect(read('1 243 280,57').printed).toBe('1 243 280,57');
  });

  it('accepts no-break, narrow and thin spaces between groups', () => {
    expect(uah('1\u00a0243\u00a0280,57', 'грн')).toBe('1243280.57');
    expect(uah('1\u202f243\u202f280,57', 'грн')).toBe('1243280.57');
    expect(uah('1\u2009243\u2009280,57', 'грн')).toBe('1243280.57');
  });

  it('scales thousands printed in the figure or declared around it', () => {
    expect(uah('14 981,8 тис. грн')).toBe('14981800');
    expect(uah('14 981,8', 'тис. грн')).toBe('14981800');
    expect(uah('7,5 тис. грн')).toBe('7500');
    expect(uah('1,2 млн грн')).toBe('1200000');
  });

  it('lets a unit printed in the figure win over the declared one', () => {
    expect(uah('15,1 тис. грн', 'грн')).toBe('15100');
    expect(uah('275 007 грн', 'тис. грн')).toBe('275007');
  });

  it('reads qualifier words and multiplier words', () => {
    expect(read('близько 6,5 тис.')).toMatchObject({ qualifier: 'approx', multiplier: 3 });
    expect(toPlain(read('близько 6,5 тис.').value)).toBe('6500');
    expect(read('понад 8,8 тис.').qualifier).toBe('more_than');
    expect(toPlain(read('понад 8,8 тис.').value)).toBe('8800');
    expect(read('більше 30').qualifier).toBe('more_than');
    expect(read('менше 100').qualifier).toBe('less_than');
    expect(read('1 463').qualifier).toBeUndefined();
  });

  it('reads percentages and counted nouns as units', () => {
    expect(read('80%')).toMatchObject({ unit: '%' });
    expect(unitKind('%')).toBe('percent');
    expect(read('11 сесій').unit).toBe('сесій');
    expect(unitKind('сесій')).toBe('count');
    expect(unitKind('тис. грн')).toBe('UAH');
  });

  it('reads a dash as an empty cell, not as zero money', () => {
    expect(read('-')).toMatchObject({ empty: true });
    expect(read('–')).toMatchObject({ empty: true });
  });

  it('reads bare whole numbers', () => {
    expect(toPlain(read(3033).value)).toBe('3033');
    expect(read(11).printed).toBe('11');
  });

  it.each([
    ['1.243.280,57', 'E_NUMBER_FORMAT'],
    ['12,5,3', 'E_NUMBER_FORMAT'],
    ['1 24 3', 'E_NUMBER_FORMAT'],
    ['1243280.57', 'E_NUMBER_FORMAT'],
    ['сто', 'E_NUMBER_FORMAT'],
    ['12 $', 'E_NUMBER_FORMAT'],
    ['-5 000,00', 'E_NEGATIVE_AMOUNT'],
    [-3, 'E_NEGATIVE_AMOUNT'],
    [7.5, 'E_NUMBER_FORMAT'],
  ])('refuses %j with %s', (input, code) => {
    const result = parseFigure(input);
    expect(isProblem(result) && result.code).toBe(code);
    expect(isProblem(result) && result.hint).toMatch(/\w/);
  });
});
