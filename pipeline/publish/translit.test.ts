import { describe, expect, it } from 'vitest';
import { ckanName, transliterate } from './translit.ts';

describe('official Ukrainian transliteration', () => {
  it.each([
    ['Кривий Ріг', 'Kryvyi Rih'],
    ['Кропивницький', 'Kropyvnytskyi'],
    ['Івано-Франківськ', 'Ivano-Frankivsk'],
    ['звернення', 'zvernennia'],
    ['Згурівка', 'Zghurivka'],
    ['Розгон', 'Rozghon'],
    ['Єнакієве', 'Yenakiieve'],
    ['Їжакевич', 'Yizhakevych'],
    ['Йосипівка', 'Yosypivka'],
    ['Юрій', 'Yurii'],
    ['Яготин', 'Yahotyn'],
    ['Гайсин', 'Haisyn'],
    ['Щербухи', 'Shcherbukhy'],
    ['Знам’янка', 'Znamianka'],
    ["пам'ятних", 'pamiatnykh'],
    ['Жовква', 'Zhovkva'],
    ['Ґалаґан', 'Galagan'],
  ])('%s → %s', (uk, latin) => {
    expect(transliterate(uk)).toBe(latin);
  });
});

describe('CKAN names', () => {
  it('makes lowercase hyphenated ASCII', () => {
    expect(ckanName('Кривий Ріг: звернення громадян, 2023')).toBe('kryvyi-rih-zvernennia-hromadian-2023');
  });
  it('cuts long titles at a word boundary within 100 characters', () => {
    const name = ckanName('Програма сприяння розвитку місцевого самоврядування в м. Кривому Розі на 2017−2027 роки: паспорт, напрями, заходи та виконання');
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/^[a-z0-9-]+$/);
    expect(name.endsWith('-')).toBe(false);
    expect(name.startsWith('prohrama-spryiannia-rozvytku-mistsevoho-samovriaduvannia-v-m-kryvomu-rozi')).toBe(true);
  });
});
