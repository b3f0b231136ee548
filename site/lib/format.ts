/**
 * Ukrainian formats for what the pipeline publishes as plain decimal text:
 * 1 243 280,57 грн · 99,01 % · 21.12.2016. Digits are grouped as text, never through a float.
 */
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

export function percent(plain: string | null | undefined): string {
  return plain ? `${number(plain, 2)}${NBSP}%` : '—';
}

/** 2016-12-21 or an RFC 3339 time → 21.12.2016 */
export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

export function period(start: string, end: string): string {
  if (start === end) return `станом на ${date(start)}`;
  if (start.endsWith('-01-01') && end.endsWith('-12-31')) {
    const a = start.slice(0, 4);
    const b = end.slice(0, 4);
    return a === b ? `${a} рік` : `${a}–${b} роки`;
  }
  return `${date(start)}–${date(end)}`;
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

/** A figure as a reader should see it: qualifier word, number, unit. */
export function figure(f: { value: string | null; printed: string; unit: string; kind: string; qualifier: string }): string {
  const q = QUALIFIERS[f.qualifier] ? `${QUALIFIERS[f.qualifier]} ` : '';
  if (f.value === null) return f.printed;
  if (f.kind === 'UAH') return `${q}${money(f.value)}`;
  if (f.kind === 'percent') return `${q}${number(f.value)}${NBSP}%`;
  return `${q}${number(f.value)}${NBSP}${f.unit}`;
}
