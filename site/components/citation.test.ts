import { describe, expect, it } from 'vitest';
import { citation, citedDocument } from './citation.ts';

describe('citing one figure', () => {
  const document = citedDocument({ publisher: 'Криворізька міська рада', title: 'Про затвердження Програми', number: '1176', date: '21.12.2016' });

  it('names the document with its number and date', () => {
    expect(document).toBe('Криворізька міська рада. Про затвердження Програми, № 1176 від 21.12.2016');
    expect(citedDocument({ publisher: 'Кропивницька міська рада', title: 'Публічне представлення', number: null, date: null })).toBe('Кропивницька міська рада. Публічне представлення');
  });

  it('gives document, section, quote, figure, address and date, in that order', () => {
    const text = citation({ document, section: '1.7', quote: 'Загальні орієнтовні\n обсяги: 12 023 016,0 грн', figure: '12 023 016 грн', address: 'https://x.example/programmes/p/#figure-planned', date: '05.12.2026' });
    expect(text).toBe('Криворізька міська рада. Про затвердження Програми, № 1176 від 21.12.2016. Розділ «1.7». «Загальні орієнтовні обсяги: 12 023 016,0 грн». Число: 12 023 016 грн. URL: https://x.example/programmes/p/#figure-planned (дата звернення: 05.12.2026).');
  });

  it('leaves out what the figure does not have, and ends a sentence once', () => {
    expect(citation({ document: 'Рада. Звіт за 2023 р.', section: null, quote: '  ', figure: null, address: 'https://x.example/r/#f', date: '01.01.2027' })).toBe('Рада. Звіт за 2023 р. URL: https://x.example/r/#f (дата звернення: 01.01.2027).');
  });
});
