import { describe, expect, it } from 'vitest';
import { formPattern, indexedText, relevantPages } from './relevance.ts';

const page = (main: string, rest = '') => `<html><head><title>T</title></head><body><header>Пошук звернень</header><main id="main" data-pagefind-body>${main}</main><footer data-pagefind-ignore>звернення</footer>${rest}</body></html>`;

describe('indexedText', () => {
  it('reads the main element without ignored parts, tags, scripts or entities', () => {
    const html = page('<h1>Звернення&nbsp;громадян</h1><nav data-pagefind-ignore>Ви тут</nav><p>Пам’ятних &amp; знаків:<br>1&#8239;243&#xa0;280,57</p><script>var x = "гаряча лінія";</script>');
    expect(indexedText(html)).toBe(" Звернення громадян Пам'ятних & знаків: 1 243 280,57 ");
  });

  it('leaves out the filters and meta the page gives the index, which are no text of it', () => {
    const html = page('<h1>Звіт</h1><span hidden data-pagefind-filter="kind:Програма"></span><span hidden data-pagefind-filter="publisher:Криворізька міська рада"></span>');
    expect(indexedText(html)).toBe(' Звіт ');
  });

  it('gives nothing for a page the index does not read', () => {
    expect(indexedText('<html><body><main id="main">Звернення</main></body></html>')).toBe('');
  });
});

describe('formPattern', () => {
  const holds = (form: string, text: string) => formPattern(form).test(text);

  it('reads a stem as any word that begins with it, and a bare word whole', () => {
    expect(holds('зверн*', 'усього звернень за рік')).toBe(true);
    expect(holds('зверн*', 'перезвернення')).toBe(false);
    expect(holds('осіб', 'для осіб')).toBe(true);
    expect(holds('осіб', 'особистих')).toBe(false);
    expect(holds('ріг', 'Кривий Ріг')).toBe(true);
    expect(holds('ріг', 'Рігель')).toBe(false);
  });

  it('wants the words of a form one after another, across punctuation but not across other words', () => {
    expect(holds('гаряч* ліні*', 'гарячої лінії')).toBe(true);
    expect(holds('гаряч* ліні*', 'Гаряча, лінія')).toBe(true);
    expect(holds('бюджет* участі', 'бюджет громади; участь мешканців')).toBe(false);
    expect(holds('бюджет* участі', 'бюджету участі')).toBe(true);
  });

  it('ignores case and the kind of apostrophe', () => {
    expect(holds("пам'ятн*", 'ПАМʼЯТНИХ')).toBe(true);
    expect(holds('пам’ятн*', "пам'ятна")).toBe(true);
    expect(holds('івано-франківськ*', 'в Івано-Франківську')).toBe(true);
  });

  it('finds a number as written or printed in groups of three, never inside another number', () => {
    expect(holds('#1243280', '1243280')).toBe(true);
    expect(holds('#1243280', '1 243 280,57 грн')).toBe(true);
    expect(holds('#1243280', '11 243 280')).toBe(false);
    expect(holds('#1243280', '1 243 2800')).toBe(false);
    expect(holds('#1243280', '1 243 280 000')).toBe(false);
    expect(holds('#1243280,57', '1 243 280,5')).toBe(false);
    expect(holds('#1243280,57', '1 243 280,57')).toBe(true);
    expect(holds('#1243280,57', '1 243 280,579')).toBe(false);
    expect(holds('#2090', '2 090 осіб')).toBe(true);
    expect(holds('#2090', '12 090 осіб')).toBe(false);
  });

  it('takes a form as text, not as a regular expression', () => {
    expect(holds('a.b', 'axb')).toBe(false);
    expect(holds('(x)', 'x')).toBe(false);
    expect(holds('(x)', 'це (x) тут')).toBe(true);
  });
});

describe('relevantPages', () => {
  it('names the pages that hold any of the forms, in path order', () => {
    const pages = [
      { path: '/reports/b/', text: 'Кривого Рогу' },
      { path: '/about/', text: 'Київ' },
      { path: '/datasets/a/', text: 'у Кривому Розі' },
    ];
    expect(relevantPages(pages, ['крив* рогу', 'крив* розі'])).toEqual(['/datasets/a/', '/reports/b/']);
    expect(relevantPages(pages, ['харків*'])).toEqual([]);
  });
});

describe('queries.json', () => {
  it('gives every query forms that make patterns', async () => {
    const { default: queries } = (await import('./queries.json', { with: { type: 'json' } })) as { default: { query: string; forms: string[] }[] };
    expect(queries.length).toBeGreaterThan(60);
    for (const query of queries) {
      expect(query.forms.length, query.query).toBeGreaterThan(0);
      for (const form of query.forms) expect(formPattern(form).test(''), form).toBe(false);
    }
  });
});
