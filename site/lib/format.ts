/**
 * Ukrainian formats for what the pipeline publishes as plain decimal text:
 * 1 243 280,57 грн · 99,01 % · 21.12.2016 · I півріччя 2022 · 1 463 органи.
 * Digits are grouped as text, never through a float; years are never grouped.
 */
import { date } from './date.ts';
import { formFor, type Forms } from './plural.ts';

export { date };

const NBSP = '\u00a0';

export function number(plain: string | null | undefined, minFraction = 0): string {
  if (plain === null || plain === undefined || plain === '') return '—';
  const negative = plain.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const decimals = fraction.padEnd(minFraction, '0');
  return `${negative ? '−' : ''}${grouped}${decimals ? ',' + decimals : ''}`;
}

/** Hryvnias with kopiykas when the amount has them: 1 243 280,57 грн, 12 023 016 грн. */
export function money(plain: string | null | undefined): string {
  if (plain === null || plain === undefined || plain === '') return '—';
  return `${number(plain, plain.includes('.') ? 2 : 0)}${NBSP}грн`;
}

/**
 * A reported amount as the report prints it: with kopiykas when it prints them
 * («11 583,00 грн»), so a reader finds the same text in the report.
 */
export function reportedMoney(f: { value: string | null; printed: string; qualifier: string }): string {
  if (f.value === null) return f.printed;
  const q = QUALIFIERS[f.qualifier] ? `${QUALIFIERS[f.qualifier]} ` : '';
  const kopiykas = /,\d{2}(?!\d)/.test(f.printed) || f.value.includes('.');
  return `${q}${number(f.value, kopiykas ? 2 : 0)}${NBSP}грн`;
}

export function percent(plain: string | null | undefined): string {
  return plain ? `${number(plain, 2)}${NBSP}%` : '—';
}


const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTH_END: Record<string, string> = { '03': '31', '06': '30', '09': '30', '12': '31' };

/**
 * A period as Ukrainians write it: «2021 рік», «2017–2027 роки», «I півріччя 2022»,
 * «III квартал 2021», «01.01–30.06.2022», «станом на 01.01.2024».
 */
export function period(start: string, end: string): string {
  if (start === end) return `станом на ${date(start)}`;
  const [a, b] = [start.slice(0, 4), end.slice(0, 4)];
  const [from, to] = [start.slice(5), end.slice(5)];
  if (from === '01-01' && to === '12-31') return a === b ? `${a} рік` : `${a}–${b} роки`;
  if (a === b) {
    const startMonth = Number(from.slice(0, 2));
    const endMonth = to.slice(0, 2);
    const wholeMonths = from.endsWith('-01') && MONTH_END[endMonth] === to.slice(3);
    if (wholeMonths && endMonth !== undefined) {
      const months = Number(endMonth) - startMonth + 1;
      if (months === 6 && (startMonth === 1 || startMonth === 7)) return `${ROMAN[(startMonth - 1) / 6]} півріччя ${a}`;
      if (months === 3 && (startMonth - 1) % 3 === 0) return `${ROMAN[(startMonth - 1) / 3]} квартал ${a}`;
    }
    return `${date(start).slice(0, 5)}–${date(end)}`;
  }
  return `${date(start)}–${date(end)}`;
}

/** A span of whole years: «2017–2027 роки», «2023 рік». */
export function years(start: number, end: number): string {
  return start === end ? `${start} рік` : `${start}–${end} роки`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n}${NBSP}Б`;
  if (n < 1024 * 1024) return `${number((n / 1024).toFixed(1))}${NBSP}КБ`;
  return `${number((n / 1024 / 1024).toFixed(1))}${NBSP}МБ`;
}

export const QUALIFIERS: Record<string, string> = { exact: '', approx: 'близько', more_than: 'понад', less_than: 'менше' };
export const WORDS: Record<string, string> = { spent: 'витрачено', allocated: 'виділено', cash_expenditure: 'касові видатки' };
export const KINDS: Record<string, string> = {
  programme: 'Програма',
  indicators: 'Показники',
  register: 'Реєстр наборів даних',
  portal: 'Усі дані',
  comparison: 'Спільні показники',
  decision: 'Рішення',
  execution_report: 'Звіт про виконання програми',
  activity_report: 'Звіт про діяльність',
  presentation: 'Публічне представлення',
};
export const THEMES: Record<string, string> = {
  GOVE: 'Уряд і державний сектор',
  ECON: 'Економіка і фінанси',
  SOCI: 'Населення і суспільство',
  TECH: 'Наука і технології',
  EDUC: 'Освіта, культура і спорт',
  REGI: 'Регіони і міста',
  JUST: 'Правосуддя і правова система',
  ENVI: 'Довкілля',
  HEAL: 'Здоров’я',
  TRAN: 'Транспорт',
  ENER: 'Енергетика',
  AGRI: 'Сільське господарство',
  INTR: 'Міжнародні питання',
};

const GENITIVE = new Set(['approx', 'less_than']);

/** A figure as a reader should see it: qualifier word, number, unit in the form the number takes. */
export function figure(f: { value: string | null; printed: string; unit: string; kind: string; qualifier: string; forms?: Forms | null }): string {
  const q = QUALIFIERS[f.qualifier] ? `${QUALIFIERS[f.qualifier]} ` : '';
  if (f.value === null) return f.printed;
  if (f.kind === 'UAH') return `${q}${money(f.value)}`;
  if (f.kind === 'percent') return `${q}${number(f.value)}${NBSP}%`;
  if (f.kind === 'year') return `${q}${f.value}${NBSP}${f.unit}`;
  if (!f.forms) return `${q}${number(f.value)}${NBSP}${f.unit}`;
  // «близько» and «менше» ask for the genitive: близько 21 особи, менше 3 осіб.
  const forms = GENITIVE.has(f.qualifier) ? { ...f.forms, one: f.forms.other, few: f.forms.many } : f.forms;
  return `${q}${number(f.value)}${NBSP}${formFor(f.value, forms)}`;
}

export const UNIT_KINDS: Record<string, string> = { UAH: 'гроші, грн', percent: 'відсоток', count: 'кількість' };
export const FUNDING_SOURCES: Record<string, string> = { total: 'усього', state: 'державний бюджет', oblast: 'обласний бюджет', community: 'бюджет громади', other: 'інші джерела' };

/** The Ukrainian words for the codes a published column holds, by the column's name. */
const CODE_WORDS: Record<string, Record<string, string>> = {
  qualifier: { ...QUALIFIERS, exact: 'точно' },
  unit_kind: UNIT_KINDS,
  kind: Object.fromEntries(Object.entries(KINDS).map(([code, title]) => [code, title.toLowerCase()])),
  word: WORDS,
  source: FUNDING_SOURCES,
  // The groups of a budget programme passport's indicators (показники затрат, продукту…).
  budget_group: { cost: 'затрат', product: 'продукту', efficiency: 'ефективності', quality: 'якості' },
};

/** A published cell as a reader reads it: dates day first, numbers grouped, «так»/«ні», codes in words. */
export function cellText(field: { name: string; type: string }, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'boolean':
      return value === 'true' ? 'так' : value === 'false' ? 'ні' : value;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? `${date(value)}, ${value.slice(11, 16)}` : value;
    case 'number':
    case 'integer':
      return /^-?\d+(\.\d+)?$/.test(value) ? number(value) : value;
    default:
      return CODE_WORDS[field.name]?.[value] ?? value;
  }
}
