/**
 * Ukrainian → Latin by the official national rules (Cabinet of Ministers resolution
 * No. 55 of 27.01.2010): Кривий Ріг → Kryvyi Rih, Згурівка → Zghurivka, Єнакієве → Yenakiieve.
 */
const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y',
  і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia',
};
/** At the start of a word these letters are written differently. */
const INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
const APOSTROPHES = /['’ʼ`]/;

export function transliterate(text: string): string {
  let out = '';
  const chars = [...text];
  // The character before this one, apostrophes aside: kept as the loop goes, not searched for.
  let previous: string | undefined;
  for (let i = 0; i < chars.length; i++, previous = APOSTROPHES.test(chars[i - 1]!) ? previous : chars[i - 1]) {
    const char = chars[i]!;
    const lower = char.toLowerCase();
    if (APOSTROPHES.test(char)) continue;
    if (!(lower in LETTERS)) {
      out += char;
      continue;
    }
    const initial = previous === undefined || !/\p{L}/u.test(previous);
    let latin = initial && lower in INITIAL ? INITIAL[lower]! : LETTERS[lower]!;
    // "зг" is written "zgh" so that it is not read as "ж".
    if (lower === 'г' && previous?.toLowerCase() === 'з') latin = 'gh';
    if (char !== lower && latin !== '') {
      const next = chars[i + 1];
      const wordUpper = next !== undefined && next !== next.toLowerCase();
      latin = wordUpper ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    }
    out += latin;
  }
  return out;
}

/** A CKAN dataset name: lowercase ASCII letters, digits, "-" and "_", 2 to 100 characters. */
export function ckanName(title: string, maxLength = 100): string {
  const slug = transliterate(title)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut;
}
