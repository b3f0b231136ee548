/**
 * A date as Ukrainians write it. Its own module, so a page script that shows only a date
 * (the access date of a citation) loads this and not the site's other formats and nouns.
 */

/** 2016-12-21 or an RFC 3339 time → 21.12.2016 */
export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}
