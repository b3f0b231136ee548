/**
 * What a chart of a shared indicator cannot show, in words: values for periods of different
 * lengths, wording that differs from the definition, approximate values. Pure.
 */
import type { SiteIndicatorValue } from '../../pipeline/publish/site-types.ts';
import { NOUNS, counted } from './plural.ts';

type Length = 'year' | 'half' | 'quarter' | 'date' | 'other';
const LENGTH_WORDS: Record<Length, string> = { year: 'за рік', half: 'за півріччя', quarter: 'за квартал', date: 'станом на дату', other: 'за інші періоди' };

const MONTH_END: Record<string, string> = { '03': '31', '06': '30', '09': '30', '12': '31' };

/** How long a period is, as the page names it. */
export function periodLength(p: { start: string; end: string }): Length {
  if (p.start === p.end) return 'date';
  const [sy, sm, sd] = p.start.split('-');
  const [ey, em, ed] = p.end.split('-');
  if (sy !== ey || sd !== '01' || MONTH_END[em!] !== ed) return 'other';
  const months = Number(em) - Number(sm) + 1;
  if (months === 12) return 'year';
  if (months === 6 && (sm === '01' || sm === '07')) return 'half';
  if (months === 3 && (Number(sm) - 1) % 3 === 0) return 'quarter';
  return 'other';
}

/** Sentences about what differs between the values; none when they are alike in every way. */
export function differences(values: SiteIndicatorValue[]): string[] {
  const said: string[] = [];
  const lengths = new Map<Length, number>();
  for (const v of values) lengths.set(periodLength(v.period), (lengths.get(periodLength(v.period)) ?? 0) + 1);
  if (lengths.size > 1) {
    const parts = [...lengths].map(([length, n]) => `${counted(n, NOUNS.number)} ${LENGTH_WORDS[length]}`);
    said.push(`Числа подано за періоди різної довжини: ${parts.join(', ')}. Число за коротший період менше не тому, що зроблено менше; порівнюйте між собою лише числа за однакові періоди.`);
  }
  const councils = new Set(values.map((v) => v.publisher.id));
  if (councils.size > 1) {
    said.push(`Числа подали ${counted(councils.size, NOUNS.council)}: кожна рахує за своїм обліком, але всі вони рахують те, що сказано у визначенні; інакше числа не було б тут.`);
  }
  const noted = values.filter((v) => v.memberNote !== null).length;
  if (noted > 0) said.push(`До ${noted === 1 ? 'одного числа' : counted(noted, NOUNS.numberGen)} упорядник додав примітку: чим документ відрізняється в подробицях (див. таблицю).`);
  const approximate = values.filter((v) => v.figure.qualifier !== 'exact').length;
  if (approximate > 0) said.push(`${approximate === 1 ? 'Одне число наближене' : `Наближених чисел: ${approximate}`} («близько», «понад» або «менше» — так, як сказано в документі).`);
  return said;
}
