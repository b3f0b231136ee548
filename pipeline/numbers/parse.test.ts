import { describe, expect, it } from 'vitest';
import { toPlain } from './decimal.ts';
import { checkFigure, isMoneyUnit, isProblem, parseFigure, toUah, unitKind, type ParsedFigure } from './parse.ts';

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

describe('qualifier words', () => {
  it.each([
    ['близько 6,5 тис.', 'approx', '6500'],
    ['Приблизно 40', 'approx', '40'],
    ['майже 300', 'approx', '300'],
    ['орієнтовно 1 200', 'approx', '1200'],
    ['біля 15', 'approx', '15'],
    ['понад 8,8 тис.', 'more_than', '8800'],
    ['більше ніж 20', 'more_than', '20'],
    ['більш як 20', 'more_than', '20'],
    ['більше 30', 'more_than', '30'],
    ['від 5', 'more_than', '5'],
    ['щонайменше 12', 'more_than', '12'],
    ['менше ніж 100', 'less_than', '100'],
    ['менш як 100', 'less_than', '100'],
    ['менше 100', 'less_than', '100'],
    ['до 50', 'less_than', '50'],
    ['не більше 7', 'less_than', '7'],
  ])('reads %j as %s %s', (input, qualifier, value) => {
    const figure = read(input);
    expect(figure.qualifier).toBe(qualifier);
    expect(toPlain(figure.value)).toBe(value);
    expect(figure.printed).toBe(input);
  });

  it('allows any run of spaces, no-break ones too, inside and after the words', () => {
    expect(read('більше  ніж  20').qualifier).toBe('more_than');
    expect(read('менш\u00a0\u00a0як 9').qualifier).toBe('less_than');
    expect(read('більш  як 20').qualifier).toBe('more_than');
    expect(read('менше  ніж 100').qualifier).toBe('less_than');
    expect(read('не  більше 7').qualifier).toBe('less_than');
    expect(read('близько\u00a0\u00a06,5 тис.').qualifier).toBe('approx');
    expect(toPlain(read('понад  1 200').value)).toBe('1200');
    expect(toPlain(read('до   50').value)).toBe('50');
  });

  it('reads a word as a qualifier only before the number and only as a whole word', () => {
    expect(read('25 звернень від ветеранів')).toMatchObject({ qualifier: undefined, unit: 'звернень від ветеранів' });
    expect(read('15 ліхтарів біля шкіл')).toMatchObject({ qualifier: undefined, unit: 'ліхтарів біля шкіл' });
    expect(read('5 засідань до кінця року')).toMatchObject({ qualifier: undefined, unit: 'засідань до кінця року' });
    expect(toPlain(read('25 звернень від ветеранів').value)).toBe('25');
    for (const input of ['близько6', 'понад8', 'до50', 'менше-100']) {
      expect(parseFigure(input), input).toMatchObject({ code: 'E_NUMBER_FORMAT', message: `"${input}" does not start with a number` });
    }
  });
});

describe('multipliers and units', () => {
  it('reads тис., млн and млрд with or without the point', () => {
    expect(read('6,5 тис')).toMatchObject({ multiplier: 3, unit: undefined });
    expect(toPlain(read('6,5 тис').value)).toBe('6500');
    expect(toPlain(read('2 млн.').value)).toBe('2000000');
    expect(toPlain(read('2 млн').value)).toBe('2000000');
    expect(toPlain(read('1,5 млрд').value)).toBe('1500000000');
    expect(toPlain(read('3 Млрд.').value)).toBe('3000000000');
    expect(read('3 Млрд.').number).toEqual({ units: 3n, scale: 0 });
  });

  it('keeps a multiplier word with its hryvnias as a money unit, however it is spaced', () => {
    expect(read('14 981,8 тис.грн')).toMatchObject({ multiplier: 0, unit: 'тис. грн' });
    expect(read('14 981,8 тис.  грн')).toMatchObject({ multiplier: 0, unit: 'тис. грн' });
    expect(read('1,2 млн грн')).toMatchObject({ multiplier: 0, unit: 'млн грн' });
    expect(uah('14 981,8 тис.грн')).toBe('14981800');
  });

  it('reads a counted noun after a multiplier word', () => {
    const figure = read('6,5 тис. осіб');
    expect(figure).toMatchObject({ multiplier: 3, unit: 'осіб' });
    expect(toPlain(figure.value)).toBe('6500');
  });

  it('finds multiplier letters only at the start of the unit', () => {
    const figure = read('7 статистичних звітів');
    expect(figure).toMatchObject({ multiplier: 0, unit: 'статистичних звітів' });
    expect(toPlain(figure.value)).toBe('7');
    // A rate "per million" counts cases, not millions of them.
    expect(read('2 випадки на млн мешканців')).toMatchObject({ multiplier: 0, unit: 'випадки на млн мешканців' });
    expect(toPlain(read('2 випадки на млн мешканців').value)).toBe('2');
    expect(read('1,2 порушення на млрд гривень')).toMatchObject({ multiplier: 0, unit: 'порушення на млрд гривень' });
  });

  it('reads units of several words, with apostrophes', () => {
    expect(read('11 засідань комісії').unit).toBe('засідань комісії');
    expect(read('4 об’єкти').unit).toBe('об’єкти');
    expect(read(' 80% ')).toMatchObject({ unit: '%', printed: ' 80% ' });
    expect(toPlain(read(' 80% ').value)).toBe('80');
  });

  it('reads declared money units written with other spacing', () => {
    expect(uah('7,5', 'тис.грн')).toBe('7500');
    expect(uah('7,5', 'тис грн')).toBe('7500');
    expect(uah('1,2', 'млн  грн')).toBe('1200000');
    expect(uah('5', ' тис. грн ')).toBe('5000');
    expect(uah('5', 'тис.\u00a0грн')).toBe('5000');
    expect(uah('9', 'млрд грн')).toBe('9000000000');
    // spaces around a unit written without its point are no part of it either
    expect(uah('7,5', ' тис грн ')).toBe('7500');
    expect(unitKind('тис грн.')).toBe('count');
    expect(unitKind('тис грнн')).toBe('count');
  });

  it('gives no hryvnia amount without a money unit', () => {
    expect(toUah(read('11'), undefined)).toBeUndefined();
    expect(toUah(read('11 сесій'), 'грн')).toBeUndefined();
    expect(toUah(read('11'), 'осіб')).toBeUndefined();
    expect(toUah(read('80%'), 'грн')).toBeUndefined();
    expect(toUah(read('5'), 'тис.-грн')).toBeUndefined();
    expect(unitKind('тис.-грн')).toBe('count');
  });

  it('sorts units into money, percent and count', () => {
    expect(unitKind('грн')).toBe('UAH');
    expect(unitKind('тис.грн')).toBe('UAH');
    expect(unitKind(' % ')).toBe('percent');
    expect(unitKind(undefined)).toBe('count');
    expect(isMoneyUnit(undefined)).toBe(false);
    expect(isMoneyUnit('млн грн')).toBe(true);
    expect(isMoneyUnit('осіб')).toBe(false);
  });
});

describe('whole numbers from YAML', () => {
  it('reads zero and positive whole numbers as exact counts', () => {
    expect(read(0)).toMatchObject({ printed: '0', empty: false, qualifier: undefined, multiplier: 0, unit: undefined });
    expect(toPlain(read(0).value)).toBe('0');
    expect(read(3033)).toMatchObject({ printed: '3033', empty: false });
    expect(read(3033).number).toEqual({ units: 3033n, scale: 0 });
  });

  it('refuses a fraction YAML has already read as a float, and a negative', () => {
    expect(parseFigure(7.5)).toMatchObject({
      code: 'E_NUMBER_FORMAT',
      message: '7.5 is not a whole number; a fraction read by YAML may already have lost digits',
      hint: 'Put the figure in quotes exactly as printed, e.g. "7,5".',
    });
    expect(parseFigure(2 ** 53)).toMatchObject({ code: 'E_NUMBER_FORMAT' });
    expect(parseFigure(-3)).toMatchObject({ code: 'E_NEGATIVE_AMOUNT', message: '"-3" is negative; amounts and counts in reports are never below zero' });
  });
});

describe('empty cells and refusals, with the messages an officer reads', () => {
  it('reads a lone dash of any length as an empty cell, and only a lone one', () => {
    for (const dash of ['-', '–', '—', ' – ']) expect(read(dash), dash).toMatchObject({ empty: true, printed: dash });
    expect(toPlain(read('—').value)).toBe('0');
    expect(read('12')).toMatchObject({ empty: false });
    expect(read('80%').empty).toBe(false);
    expect(parseFigure('12 –')).toMatchObject({ code: 'E_NUMBER_FORMAT', message: '"12 –": unexpected "–" after the number' });
  });

  it('says what is wrong with each figure', () => {
    const hint = expect.stringContaining('"1 243 280,57"');
    expect(parseFigure('№12')).toEqual({ code: 'E_NUMBER_FORMAT', message: '"№12" does not start with a number', hint });
    expect(parseFigure('1234 567')).toEqual({ code: 'E_NUMBER_FORMAT', message: '"1234 567": digit groups after the first must have three digits', hint });
    expect(parseFigure('1 2345')).toMatchObject({ message: '"1 2345": digit groups after the first must have three digits' });
    const marks = (input: string) => `"${input}" has more than one decimal mark, or a point where a Ukrainian figure has a comma or a space`;
    expect(parseFigure('12,5,3')).toEqual({ code: 'E_NUMBER_FORMAT', message: marks('12,5,3'), hint });
    expect(parseFigure('12,5.3')).toMatchObject({ message: marks('12,5.3') });
    expect(parseFigure('1243280.57')).toMatchObject({ message: marks('1243280.57') });
    expect(parseFigure('1243280.')).toMatchObject({ message: marks('1243280.') });
    expect(parseFigure('12 $')).toEqual({ code: 'E_NUMBER_FORMAT', message: '"12 $": unexpected "$" after the number', hint });
    expect(parseFigure('12 +осіб')).toMatchObject({ message: '"12 +осіб": unexpected "+осіб" after the number' });
    expect(parseFigure('12 осіб)')).toMatchObject({ message: '"12 осіб)": unexpected "осіб)" after the number' });
    expect(parseFigure('12 осіб,5')).toMatchObject({ message: '"12 осіб,5": unexpected "осіб,5" after the number' });
    expect(parseFigure('2 тис. осіб на 500 грн')).toMatchObject({ message: '"2 тис. осіб на 500 грн": unexpected "осіб на 500 грн" after the number' });
    expect(parseFigure('-5 000,00')).toEqual({
      code: 'E_NEGATIVE_AMOUNT',
      message: '"-5 000,00" is negative; amounts and counts in reports are never below zero',
      hint: 'Check the figure in the document; a dash alone ("-") marks an empty cell.',
    });
    expect(parseFigure('−5')).toMatchObject({ code: 'E_NEGATIVE_AMOUNT' });
  });

  it('refuses a zero with a sign, which every reader shows as 0, but reads a signed fraction as negative', () => {
    const zero = (input: string) => ({
      code: 'E_NUMBER_FORMAT',
      message: `"${input}" is a zero with a sign, which readers and spreadsheets show as 0`,
      hint: 'Write 0, or "-" for an empty cell.',
    });
    for (const input of ['-0', '-00', '−0,00', '-0 000']) expect(parseFigure(input), input).toEqual(zero(input));
    for (const input of ['-05', '-0,5', '-0,50', '-10']) expect(parseFigure(input), input).toMatchObject({ code: 'E_NEGATIVE_AMOUNT' });
  });

  it('refuses more than 15 significant digits, which spreadsheets and JSON readers would round, and counts no leading zero', () => {
    expect(toPlain(read('123 456 789 012 345').value)).toBe('123456789012345');
    expect(toPlain(read('0,0123456789012345').value)).toBe('0.0123456789012345');
    expect(toPlain(read('0,5').value)).toBe('0.5');
    expect(parseFigure('1 000 000 000 000 000')).toEqual({
      code: 'E_NUMBER_FORMAT',
      message: '"1 000 000 000 000 000" has 16 significant digits; spreadsheets and JSON readers keep 15 and would show another number',
      hint: 'Check the figure in the document; a unit such as тис. грн or млн грн shortens a large amount.',
    });
    expect(parseFigure('0,1234567890123456')).toMatchObject({ message: '"0,1234567890123456" has 16 significant digits; spreadsheets and JSON readers keep 15 and would show another number' });
  });

  it('checks a figure without keeping it', () => {
    expect(checkFigure('1 243 280,57')).toBeUndefined();
    expect(checkFigure(11)).toBeUndefined();
    expect(checkFigure('сто')).toMatchObject({ code: 'E_NUMBER_FORMAT', message: '"сто" does not start with a number' });
  });
});
