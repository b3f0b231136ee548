/** Periods as authors write them (2023, 2024-01-01, 2022-01-01/2022-06-30) → ISO start and end. */
import type { Period } from './types.ts';

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function bound(text: string, side: 'start' | 'end'): string {
  if (/^\d{4}$/.test(text)) return side === 'start' ? `${text}-01-01` : `${text}-12-31`;
  return text;
}

export function toPeriod(value: number | string): Period {
  const label = String(value);
  const [first, second] = label.split('/');
  return { start: bound(first!, 'start'), end: bound(second ?? first!, 'end'), label };
}

/** Years a period touches, for "year" filters. */
export function periodYears(period: Period): number[] {
  const years: number[] = [];
  for (let year = Number(period.start.slice(0, 4)); year <= Number(period.end.slice(0, 4)); year++) years.push(year);
  return years;
}
