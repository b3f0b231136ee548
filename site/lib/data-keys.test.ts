import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshness, type Source } from '../components/freshness.ts';
import { afterKey, currentDigests, isAfter, viewDigest } from './data-keys.ts';

const work = mkdtempSync(join(tmpdir(), 'data-keys-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The site data of a build made at `buildTime`: only its settings. */
function builtAt(buildTime: string): string {
  const root = join(work, buildTime.replace(/[:]/g, '-'));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'config.json'), JSON.stringify({ siteUrl: null, basePath: '/', buildTime, title: 'Портал' }));
  return root;
}

// A yearly dataset whose newest figures are for 2023: the 2024 figures are due three months
// after 2024 ends, by 2025-03-31 (worked by hand); it is late from 2025-04-01 on.
const report2023: Source = { id: 'r2023', title: 'Звіт за 2023 рік', kind: 'execution_report', period: { start: '2023-01-01', end: '2023-12-31' } };
const DUE = '2025-03-31';

describe('the key of a due date judged on the build\'s day', () => {
  it('answers «not after» through the due date\'s last moment and «after» from the next day', () => {
    const cases: [string, string][] = [
      ['2025-03-30T12:00:00Z', 'not after'],
      ['2025-03-31T00:00:00Z', 'not after'],
      ['2025-03-31T23:59:59Z', 'not after'],
      ['2025-04-01T00:00:00Z', 'after'],
      ['2026-01-15T08:00:00Z', 'after'],
    ];
    for (const [buildTime, answer] of cases) expect(currentDigests(builtAt(buildTime))(afterKey(DUE)), buildTime).toBe(answer);
  });

  it('flips on the same day as the freshness a page shows', () => {
    const judged = (buildTime: string) => freshness('once a year', [report2023], '2024-05-01T00:00:00Z', (due) => isAfter({ buildTime }, due));
    expect(judged('2025-03-31T23:59:59Z')).toMatchObject({ due: DUE, late: false });
    expect(judged('2025-04-01T00:00:00Z')).toMatchObject({ due: DUE, late: true });
  });

  it('is missing without the settings, so a page that read it is rendered again', () => {
    expect(currentDigests(join(work, 'none'))(afterKey(DUE))).toBe('missing');
  });
});

describe('the digest of what a page of a list shows', () => {
  const summary = (name: string, title: string) => ({ name, title, formats: ['CSV'] });
  const view = (shown: object[], total = shown.length) => ({ total, count: 1, shown, options: { theme: [{ value: 'SOCI', count: total }] } });

  it('is the same for the same content in other objects, and for an entry seen before in another view', () => {
    const a = summary('a', 'Звіт А');
    const first = viewDigest(view([a, summary('b', 'Звіт Б')]));
    expect(viewDigest(view([summary('a', 'Звіт А'), summary('b', 'Звіт Б')]))).toBe(first);
    viewDigest(view([a]));
    expect(viewDigest(view([a, summary('b', 'Звіт Б')]))).toBe(first);
  });

  it('changes with any entry shown, their order, a count or the options', () => {
    const first = viewDigest(view([summary('a', 'Звіт А'), summary('b', 'Звіт Б')]));
    const others = [
      view([summary('a', 'Звіт А'), summary('b', 'Звіт Б, виправлений')]),
      view([summary('b', 'Звіт Б'), summary('a', 'Звіт А')]),
      view([summary('a', 'Звіт А'), summary('b', 'Звіт Б')], 3),
      { ...view([summary('a', 'Звіт А'), summary('b', 'Звіт Б')]), options: { theme: [{ value: 'GOVE', count: 2 }] } },
      view([summary('a', 'Звіт А')]),
    ].map(viewDigest);
    for (const other of others) expect(other).not.toBe(first);
    expect(new Set(others).size).toBe(others.length);
  });
});
