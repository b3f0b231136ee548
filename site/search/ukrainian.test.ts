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

describe('stems worked out by hand', () => {
  it.each([
    // the longest ending that leaves three letters goes
    ['звернень', 'звернен'],
    ['Кривому', 'крив'],
    ['коштами', 'кошт'],
    ['депутатів', 'депутат'],
    ['радою', 'рад'],
    ['рада', 'рад'],
    ['міської', 'міськ'],
    ['громадянам', 'громадян'],
    ['діяльність', 'діяльніс'],
    ['засідань', 'засідан'],
    // a word with no ending, and words too short to cut, stay whole
    ['звіт', 'звіт'],
    ['рік', 'рік'],
    ['ОСН', 'осн'],
    // the doubled н of a verbal noun keeps one н …
    ['звернення', 'звернен'],
    ['виконання', 'виконан'],
    ['зверненнями', 'звернен'],
    // … unless the stem would be left with three letters
    ['тонна', 'тонн'],
    // a vowel left at the end goes too …
    ['петиції', 'петиц'],
    ['петиціями', 'петиц'],
    ['громадськості', 'громадськост'],
    // … unless the stem would be left with three letters
    ['лінії', 'ліні'],
    ['лінія', 'ліні'],
    // apostrophes of every kind read as one
    ['сім’ї', "сім'"],
    ['памʼять', "пам'"],
  ])('%s → %s', (word, stemmed) => expect(stem(word)).toBe(stemmed));
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
  it.each([
    // і and о swap in the last syllable closed by one or two consonants
    ['міст', ['міст', 'мост']],
    ['кошт', ['кошт', 'кішт']],
    ['львов', ['львов', 'львів']],
    // three consonants close no syllable the alternation knows
    ['міськ', ['міськ']],
    ['франківськ', ['франківськ']],
    // a vowel before the і or о: no alternation there
    ['заоч', ['заоч']],
    // before the locative -і, г к х become з ц с …
    ['ріг', ['ріг', 'рог', 'роз']],
    ['потік', ['потік', 'поток', 'потоц']],
    ['горіх', ['горіх', 'горох', 'горос']],
    // … and back: from з ц с after о to г к х
    ['роз', ['роз', 'різ', 'рог', 'ріг']],
    ['потоц', ['потоц', 'потіц', 'поток', 'потік']],
    ['вусос', ['вусос', 'вусіс', 'вусох', 'вусіх']],
    // з ц с after і are not undone
    ['різ', ['різ', 'роз']],
    // a stem that is only the vowel and its consonants
    ['ост', ['ост', 'іст']],
  ])('%s → %j', (stemmed, forms) => expect(alternatives(stemmed)).toEqual(forms));
});

describe('numbers', () => {
  it.each([
    ['1243280', '1 243 280'],
    ['1 243 280', '1 243 280'],
    ['1\u00a0243\u00a0280,57', '1 243 280,57'],
    ['1243280.57', '1 243 280,57'],
    ['777', '777'],
    ['1000', '1 000'],
    ['1\u202f000', '1 000'],
    ['99.01', '99,01'],
    ['12023016', '12 023 016'],
    ['0,5', '0,5'],
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
  it('reads numbers in every printed form as the phrases pages print', () => {
    expect(plan('виконано на 99.01% з 1\u00a0267\u00a0348 грн').phrases).toEqual(['99,01', '1 267 348']);
    expect(plan('12023016 і 1 243 280,57').phrases).toEqual(['12 023 016', '1 243 280,57']);
    expect(plan('виконано на 99.01% з 1\u00a0267\u00a0348 грн').words).toEqual([['виконан'], ['на'], ['з'], ['грн']]);
  });
  it('drops punctuation and stray apostrophes, keeps apostrophes inside words', () => {
    expect(plan("«Кривий Ріг» — 'звіт' (сім'ї)!").words).toEqual([['крив'], ['ріг', 'рог', 'роз'], ['звіт', 'звот'], ["сім'"]]);
    expect(plan(' , ; ').words).toEqual([]);
  });
  it('reads Latin words without their apostrophes, to look them up', () => {
    expect(plan("O'Brien rih-kryvyi").latin).toEqual(['obrien', 'rih', 'kryvyi']);
    expect(plan("O'Brien").words).toEqual([]);
  });
  it('reads digit groups led by one, two or three digits', () => {
    expect(plan('12 023 016').phrases).toEqual(['12 023 016']);
    expect(plan('275 007 і 3 402').phrases).toEqual(['275 007', '3 402']);
  });
  it('separates words a number was written between', () => {
    expect(plan('звіт2023рік')).toEqual({ words: [['звіт', 'звот'], ['рік', 'рок', 'роц']], latin: [], phrases: ['2 023'] });
  });
  it('strips any run of apostrophes around a word', () => {
    expect(plan("''звіт''").words).toEqual([['звіт', 'звот']]);
  });
  it('looks up only words written wholly in Latin letters', () => {
    expect(plan('Kyivрада')).toEqual({ words: [['kyivрад']], latin: [], phrases: [] });
    expect(plan('радаKyiv')).toEqual({ words: [['радаkyiv']], latin: [], phrases: [] });
  });
  it('lists each alternative once', () => {
    expect(plan('Ріг').words).toEqual([['ріг', 'рог', 'роз']]);
  });
  it('caps the combinations, keeping the first in order', () => {
    expect(searches([['а1', 'а2', 'а3'], ['б1', 'б2', 'б3'], ['в1', 'в2']], ['1'], 5)).toEqual([
      'а1 б1 в1 "1"',
      'а1 б1 в2 "1"',
      'а1 б2 в1 "1"',
      'а1 б2 в2 "1"',
      'а1 б3 в1 "1"',
    ]);
    expect(searches([['а1', 'а2', 'а3', 'а4'], ['б1', 'б2', 'б3', 'б4']], [])).toHaveLength(12);
    expect(searches([['а1', 'а2', 'а3', 'а4'], ['б1', 'б2', 'б3', 'б4']], []).at(-1)).toBe('а3 б4');
  });
  it('searches phrases alone, and nothing for an empty query', () => {
    expect(searches([], ['2 090', '1 463'])).toEqual(['"2 090" "1 463"']);
    expect(searches([], [])).toEqual([]);
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
