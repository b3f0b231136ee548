import { describe, expect, it } from 'vitest';
import { latinWords } from './vocabulary.ts';

describe('Latin vocabulary', () => {
  it('keys Cyrillic words by their official transliteration, one file per first letter', () => {
    const words = latinWords();
    for (const text of ['Програма у Кривому Розі; Кривий Ріг', 'звернення громадян, пам’ятних дат']) words.add(text);
    const files = words.files();
    const k = JSON.parse(files.get('public/search/latin/k.json')!) as Record<string, string[]>;
    expect(k.kryvyi).toEqual(['кривий']);
    expect(k.kryvomu).toEqual(['кривому']);
    const z = JSON.parse(files.get('public/search/latin/z.json')!) as Record<string, string[]>;
    expect(z.zvernennia).toEqual(['звернення']);
    const p = JSON.parse(files.get('public/search/latin/p.json')!) as Record<string, string[]>;
    expect(p.pamiatnykh).toEqual(["пам'ятних"]);
    expect(JSON.parse(files.get('public/search/latin/r.json')!).rih).toEqual(['ріг']);
  });
});
