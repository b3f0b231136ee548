import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { planPages, readRecord, readUnchanged, RECORD_FILE, RECORD_FORMAT, siteVersion, type SiteRecord } from './incremental.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const data = join(work, 'data');
const dist = join(work, 'dist');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const config = { siteUrl: 'https://example.org', basePath: '/', buildTime: '2026-03-02T10:00:00Z', title: 'Портал' };
const reports = [
  { id: 'a', title: 'Звіт А' },
  { id: 'b', title: 'Звіт Б' },
];
const settingsDigest = () => sha(JSON.stringify({ siteUrl: config.siteUrl, basePath: config.basePath, title: config.title }));
const page = (path: string, html: string) => {
  mkdirSync(join(dist, path), { recursive: true });
  writeFileSync(join(dist, path, 'index.html'), html);
  return [{ path: `${path}index.html`, bytes: Buffer.byteLength(html), sha256: sha(html) }];
};

let record: SiteRecord;
beforeEach(() => {
  rmSync(data, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(data, 'reports'), { recursive: true });
  writeFileSync(join(data, 'config.json'), JSON.stringify(config));
  writeFileSync(join(data, 'reports.json'), JSON.stringify(reports));
  writeFileSync(join(data, 'reports', 'a.json'), '{"figures":[1]}');
  writeFileSync(join(data, 'reports', 'b.json'), '{"figures":[2]}');
  record = {
    format: RECORD_FORMAT,
    version: 'v1',
    settings: settingsDigest(),
    complete: true,
    rendered: [],
    pages: {
      // A page that judged a due date of 2026-03-02 on the build's day, 2026-03-02: not past yet.
      'reports/a/': { reads: { config: settingsDigest(), 'after:2026-03-02': 'not after', 'file:reports/a.json': sha('{"figures":[1]}') }, files: page('reports/a/', '<p>А</p>') },
      'reports/b/': { reads: { config: settingsDigest(), 'file:reports/b.json': sha('{"figures":[2]}'), 'item:reports.json#a': sha(JSON.stringify(reports[0])) }, files: page('reports/b/', '<p>Б</p>') },
      'reports/page/2/': { reads: { 'file:reports.json': sha(JSON.stringify(reports)) }, files: page('reports/page/2/', '<p>2</p>') },
    },
  };
});

describe('which pages an incremental build takes over', () => {
  it('takes over every page whose reads give the same digests and whose files are as recorded', () => {
    expect(planPages(record, dist, data, 'v1')).toEqual({ full: false, keep: ['reports/a/', 'reports/b/', 'reports/page/2/'], render: [] });
  });

  it('renders the pages that read a changed file, and those that looked up the changed entry of a list', () => {
    writeFileSync(join(data, 'reports', 'a.json'), '{"figures":[3]}');
    writeFileSync(join(data, 'reports.json'), JSON.stringify([{ id: 'a', title: 'Звіт А, виправлений' }, reports[1]]));
    expect(planPages(record, dist, data, 'v1')).toEqual({ full: false, keep: [], render: ['reports/a/', 'reports/b/', 'reports/page/2/'] });
  });

  it('keeps a page that looked up an entry of a list when only another entry changed', () => {
    writeFileSync(join(data, 'reports.json'), JSON.stringify([reports[0], { id: 'b', title: 'Звіт Б, виправлений' }]));
    expect(planPages(record, dist, data, 'v1')).toEqual({ full: false, keep: ['reports/a/', 'reports/b/'], render: ['reports/page/2/'] });
  });

  it('renders a page that judged a due date on the build\'s day when that date is past on the new day, and keeps the others', () => {
    writeFileSync(join(data, 'config.json'), JSON.stringify({ ...config, buildTime: '2026-03-03T08:00:00Z' }));
    expect(planPages(record, dist, data, 'v1')).toEqual({ full: false, keep: ['reports/b/', 'reports/page/2/'], render: ['reports/a/'] });
  });

  it('keeps the pages on a new day that leaves every judged due date on the same side', () => {
    writeFileSync(join(data, 'config.json'), JSON.stringify({ ...config, buildTime: '2026-03-02T23:59:59Z' }));
    expect(planPages(record, dist, data, 'v1')).toMatchObject({ full: false, render: [] });
    // A due date of 2026-03-09 judged on 2026-03-02 still holds on 2026-03-09, its last day.
    record.pages['reports/a/']!.reads = { 'after:2026-03-09': 'not after', 'file:reports/a.json': sha('{"figures":[1]}') };
    writeFileSync(join(data, 'config.json'), JSON.stringify({ ...config, buildTime: '2026-03-09T20:00:00Z' }));
    expect(planPages(record, dist, data, 'v1')).toMatchObject({ full: false, render: [] });
    writeFileSync(join(data, 'config.json'), JSON.stringify({ ...config, buildTime: '2026-03-10T00:00:00Z' }));
    expect(planPages(record, dist, data, 'v1')).toMatchObject({ full: false, render: ['reports/a/'] });
  });

  it('keeps a page judged late on every later day', () => {
    record.pages['reports/a/']!.reads = { 'after:2025-12-31': 'after', 'file:reports/a.json': sha('{"figures":[1]}') };
    for (const day of ['2026-03-03', '2026-07-01', '2031-01-01']) {
      writeFileSync(join(data, 'config.json'), JSON.stringify({ ...config, buildTime: `${day}T08:00:00Z` }));
      expect(planPages(record, dist, data, 'v1'), day).toMatchObject({ full: false, render: [] });
    }
  });

  it('renders a page whose file is missing, or differs in bytes from the record though not in size', () => {
    rmSync(join(dist, 'reports', 'a', 'index.html'));
    writeFileSync(join(dist, 'reports', 'b', 'index.html'), '<p>Ж</p>');
    expect(readFileSync(join(dist, 'reports', 'b', 'index.html')).length).toBe(record.pages['reports/b/']!.files[0]!.bytes);
    expect(planPages(record, dist, data, 'v1')).toEqual({ full: false, keep: ['reports/page/2/'], render: ['reports/a/', 'reports/b/'] });
  });

  it('reads no page file the build found unchanged by a stat, and checks the others by their bytes', () => {
    const list = join(work, 'unchanged.json');
    writeFileSync(list, JSON.stringify({ files: [RECORD_FILE, 'dist/reports/a/index.html', 'dist/reports/b/index.html', 'data/reports.json'] }));
    const unchanged = readUnchanged(list, dist, RECORD_FILE)!;
    expect([...unchanged].sort()).toEqual(['reports/a/index.html', 'reports/b/index.html']);
    // Bytes that differ from the record: found by reading, unless the build vouched for the file.
    writeFileSync(join(dist, 'reports', 'b', 'index.html'), '<p>Ж</p>');
    writeFileSync(join(dist, 'reports', 'page', '2', 'index.html'), '<p>3</p>');
    expect(planPages(record, dist, data, 'v1', undefined, unchanged)).toEqual({ full: false, keep: ['reports/a/', 'reports/b/'], render: ['reports/page/2/'] });
    expect(planPages(record, dist, data, 'v1')).toEqual({ full: false, keep: ['reports/a/'], render: ['reports/b/', 'reports/page/2/'] });
  });

  it('trusts no list of unchanged files that does not vouch for the record of pages, or does not read', () => {
    const list = join(work, 'unchanged-without-record.json');
    writeFileSync(list, JSON.stringify({ files: ['dist/reports/a/index.html'] }));
    expect(readUnchanged(list, dist, RECORD_FILE)).toBeUndefined();
    writeFileSync(list, '{"files": [');
    expect(readUnchanged(list, dist, RECORD_FILE)).toBeUndefined();
    expect(readUnchanged(join(work, 'none.json'), dist, RECORD_FILE)).toBeUndefined();
    expect(readUnchanged(undefined, dist, RECORD_FILE)).toBeUndefined();
  });

  it('renders a page that read a file the data no longer has', () => {
    rmSync(join(data, 'reports', 'b.json'));
    expect(planPages(record, dist, data, 'v1')).toMatchObject({ full: false, render: ['reports/b/'] });
  });

  it('renders every page when the site\'s code, its settings or an unattributed read say so', () => {
    expect(planPages(record, dist, data, 'v2')).toEqual({ full: true, reason: "the site's code, its dependencies or Node changed" });
    expect(planPages({ ...record, complete: false }, dist, data, 'v1')).toMatchObject({ full: true });
    writeFileSync(join(data, 'config.json'), JSON.stringify({ ...config, basePath: '/portal/' }));
    expect(planPages(record, dist, data, 'v1')).toEqual({ full: true, reason: "the site's settings (address, base path, title) changed" });
  });

  it('renders every page without a readable record of the previous site', () => {
    expect(planPages(readRecord(undefined), dist, data, 'v1')).toEqual({ full: true, reason: 'no previous site' });
    expect(planPages(readRecord(work), dist, data, 'v1')).toEqual({ full: true, reason: 'the previous site has no record of its pages' });
    writeFileSync(join(work, RECORD_FILE), '{"format": 1, "pag');
    expect(planPages(readRecord(work), dist, data, 'v1')).toEqual({ full: true, reason: 'the previous record of pages does not read' });
    writeFileSync(join(work, RECORD_FILE), JSON.stringify({ ...record, format: 0 }));
    expect(planPages(readRecord(work), dist, data, 'v1')).toEqual({ full: true, reason: 'the previous record of pages is of another layout' });
  });
});

describe("the site's code version", () => {
  const project = join(import.meta.dirname, '..', '..');
  it('changes with a template, a style or the locked dependencies, not with a test', () => {
    const copy = join(work, 'project');
    cpSync(join(project, 'site'), join(copy, 'site'), { recursive: true, filter: (path) => !path.includes('node_modules') });
    for (const file of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(project, file), join(copy, file));
    const before = siteVersion(copy);
    expect(siteVersion(copy)).toBe(before);
    writeFileSync(join(copy, 'site', 'lib', 'pages.test.ts'), '// another test');
    expect(siteVersion(copy)).toBe(before);
    const template = join(copy, 'site', 'components', 'Pager.astro');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n<!-- changed -->\n`);
    const changed = siteVersion(copy);
    expect(changed).not.toBe(before);
    writeFileSync(join(copy, 'package-lock.json'), `${readFileSync(join(copy, 'package-lock.json'), 'utf8')}\n`);
    expect(siteVersion(copy)).not.toBe(changed);
  });
});
