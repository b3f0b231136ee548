import { describe, expect, it } from 'vitest';
import { coversPlan } from './engine.ts';
import { plan } from './ukrainian.ts';

const covers = (query: string, content: string) => {
  const p = plan(query);
  return coversPlan(content, p.words, p.phrases);
};

describe('a page is kept only when its text holds every query word', () => {
  it('drops a page pagefind found by one word alone, as it does over an index in parts', () => {
    expect(covers('Кривий Ріг', 'Програма розвитку місцевого електронного урядування; розпорядження міського голови')).toBe(false);
    expect(covers('Кривий Ріг', 'Програма сприяння розвитку місцевого самоврядування в м. Кривому Розі')).toBe(true);
  });

  it('finds the words in any form, in hyphenated names, and numbers with any space', () => {
    expect(covers('Івано-Франківськ звернення', 'Івано-Франківська міська рада: звернень громадян')).toBe(true);
    expect(covers('1 243 280,57', 'виділено 1\u00a0243\u00a0280,57 грн')).toBe(true);
    expect(covers('1 243 280,57', 'виділено 1 243 280 грн')).toBe(false);
  });

  it('keeps what it cannot check: a result without its text', () => {
    expect(coversPlan(undefined, [['крив']], [])).toBe(true);
  });
});
