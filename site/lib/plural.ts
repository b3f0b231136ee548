/**
 * Counts in Ukrainian: the form of a counted noun follows its number by the plural rules of
 * Unicode CLDR (Intl.PluralRules('uk')): 1 орган, 3 органи, 5 органів, 21 особа, 1 463 органи;
 * a fraction takes its own form (2,5 органу); after тис., млн or млрд the noun is always the
 * form after 5 (6,5 тис. звернень). No Node imports: the pages' scripts use it too.
 */
import { number } from './format.ts';

/** The four forms of a counted noun, in the case the sentence needs. */
export interface Forms {
  /** After 1, 21, 101…: орган */
  one: string;
  /** After 2–4, 22–24…: органи */
  few: string;
  /** After 0, 5–20, 25…: органів */
  many: string;
  /** After a fraction (2,5): органу */
  other: string;
}

const rules = new Map<number, Intl.PluralRules>();
function rulesFor(fractionDigits: number): Intl.PluralRules {
  let found = rules.get(fractionDigits);
  if (!found) rules.set(fractionDigits, (found = new Intl.PluralRules('uk', { minimumFractionDigits: fractionDigits })));
  return found;
}

/**
 * The form for a number given as it is published (`1463`, `6500`, `2.5`) or as a number,
 * and whether it is written with a multiplier word (тис., млн, млрд).
 */
export function formFor(value: number | string, forms: Forms, multiplied = false): string {
  if (multiplied) return forms.many;
  const text = typeof value === 'number' ? String(value) : value;
  const fraction = /\.(\d+)$/.exec(text)?.[1] ?? '';
  return forms[rulesFor(fraction.length).select(Number(text)) as keyof Forms] ?? forms.many;
}

/** Forms written as "орган/органи/органів/органу" (one/few/many/other). */
export function forms(spec: string): Forms {
  const [one = '', few = '', many = '', other = few] = spec.split('/');
  return { one, few, many, other };
}

/** The nouns the site's own sentences count, each in the case its sentence needs. */
export const NOUNS = {
  dataset: forms('набір даних/набори даних/наборів даних/набору даних'),
  datasetShort: forms('набір/набори/наборів/набору'),
  table: forms('таблиця/таблиці/таблиць/таблиці'),
  /** Accusative: «набір має 1 таблицю». */
  tableAcc: forms('таблицю/таблиці/таблиць/таблиці'),
  row: forms('рядок/рядки/рядків/рядка'),
  field: forms('поле/поля/полів/поля'),
  number: forms('число/числа/чисел/числа'),
  /** Genitive after «до»: «до 3 чисел». */
  numberGen: forms('числа/чисел/чисел/числа'),
  council: forms('міська рада/міські ради/міських рад/міської ради'),
  /** Genitive after «від»: «від 3 міських рад». */
  councilGen: forms('міської ради/міських рад/міських рад/міської ради'),
  programme: forms('програма/програми/програм/програми'),
  document: forms('документ/документи/документів/документа'),
  measure: forms('захід/заходи/заходів/заходу'),
  amendment: forms('зміна/зміни/змін/зміни'),
  result: forms('результат/результати/результатів/результату'),
  publisher: forms('розпорядник/розпорядники/розпорядників/розпорядника'),
  mismatch: forms('підсумок/підсумки/підсумків/підсумку'),
  symbol: forms('символ/символи/символів/символу'),
  /** Genitive after «до»: «до 512 символів». */
  symbolGen: forms('символу/символів/символів/символу'),
} as const satisfies Record<string, Forms>;

/** A number and its noun: «1 463 органи», «2,5 органу». */
export function counted(value: number | string, nouns: Forms): string {
  return `${number(String(value))}\u00a0${formFor(value, nouns)}`;
}
