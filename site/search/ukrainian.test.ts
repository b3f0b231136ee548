import { describe, expect, it } from 'vitest';
import { alternatives, groupNumber, plan, searches, stem } from './ukrainian.ts';

/** Every form must start with a stem the query makes of every other form: that is what pagefind matches. */
function sharesPrefix(forms: string[]) {
  for (const a of forms) {
    const stems = alternatives(stem(a));
    for (const b of forms) expect(stems.some((s) => b.toLowerCase().startsWith(s)), `${b} by ${a} → ${stems.join('|')}`).toBe(true);
  }
}

describe('stems shared by inflected forms', () => {
  it.each([
    [['звернення', 'звернень', 'зверненнями', 'зверненню', 'зверненнях']],
    [['програма', 'програми', 'програмою', 'програм', 'програмах']],
    [['виконання', 'виконанні', 'виконанням']],
    [['звіт', 'звіту', 'звіти', 'звітів', 'звітом']],
    [['Кропивницький', 'Кропивницької', 'Кропивницькому', 'Кропивницьких']],
    [['міська', 'міської', 'міських', 'міською']],
    [['петиції', 'петицій', 'петиціями']],
    [['громадян', 'громадянам', 'громадянами']],
    [['діяльність', 'діяльності', 'діяльністю']],
    [['Ріг', 'Рогу', 'Рогом', 'Розі']],
    [['рада', 'ради', 'раді', 'радою']],
    [['Франківськ', 'Франківська', 'Франківської', 'Франківську']],
  ])('%j', (forms) => sharesPrefix(forms));

  it('leaves short words alone', () => {
    expect(stem('рік')).toBe('рік');
    expect(stem('ОСН')).toBe('осн');
  });
});

describe('alternation', () => {
  it('reaches Рогу and Розі from Ріг, Львова from Львів', () => {
    const forms = alternatives(stem('Ріг'));
    expect(forms).toEqual(expect.arrayContaining(['ріг', 'рог', 'роз']));
    expect(['рогу', 'рогом', 'розі'].every((form) => forms.some((s) => form.startsWith(s)))).toBe(true);
    sharesPrefix(['Львів', 'Львова', 'Львові']);
  });
  it('adds nothing where no vowel alternates', () => {
    expect(alternatives(stem('програма'))).toEqual(['програм']);
  });
});

describe('numbers', () => {
  it.each([
    ['1243280', '1 243 280'],
    ['1 243 280', '1 243 280'],
    ['1\u00a0243\u00a0280,57', '1 243 280,57'],
    ['1243280.57', '1 243 280,57'],
    ['777', '777'],
  ])('%s → %s', (input, output) => expect(groupNumber(input)).toBe(output));
});

describe('query plans', () => {
  it('splits words, numbers and Latin words', () => {
    const p = plan('Звернення громадян 1 243 280,57 Kryvyi Rih');
    expect(p.words).toEqual([['звернен'], ['громадян']]);
    expect(p.phrases).toEqual(['1 243 280,57']);
    expect(p.latin).toEqual(['kryvyi', 'rih']);
  });
  it('treats all three apostrophes alike', () => {
    expect(plan("пам'ятних").words).toEqual(plan('пам’ятних').words);
    expect(plan('памʼятних').words).toEqual(plan('пам’ятних').words);
  });
  it('splits hyphenated names', () => {
    expect(plan('Івано-Франківськ').words).toEqual([['іван'], ['франківськ']]);
  });
  it('combines alternatives into pagefind queries', () => {
    expect(searches([['крив'], ['ріг', 'рог', 'роз']], ['1 267 348'])).toEqual(['крив ріг "1 267 348"', 'крив рог "1 267 348"', 'крив роз "1 267 348"']);
  });
});

import { matchesPlan } from './engine.ts';

describe('pagefind prefix back-off', () => {
  it('keeps a page whose marked word starts with a stem, drops one matched only by a shorter prefix', () => {
    expect(matchesPlan('розвитку в <mark>Кривому</mark> <mark>Розі</mark>', ['крив', 'ріг', 'рог', 'роз'])).toBe(true);
    expect(matchesPlan('самоврядування в <mark>м.</mark> Кривому', ['метрополітен'])).toBe(false);
    expect(matchesPlan('виділено <mark>1</mark> <mark>243</mark> <mark>280,57</mark>', ['1', '243', '280,57'])).toBe(true);
    expect(matchesPlan('<mark>«Криворізький</mark> ресурсний', ['крив'])).toBe(true);
  });
});
