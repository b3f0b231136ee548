import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { currentDigests } from '../lib/data-keys.ts';
import { RECORD_FORMAT, type PageFile, type SiteRecord } from './incremental.ts';
import { fixedFile, restIntact, siteAssets, somethingToRender, takeOverSite } from './whole-site.ts';

const work = mkdtempSync(join(tmpdir(), 'whole-site-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const data = join(work, 'data');
const dist = join(work, 'dist');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const config = { siteUrl: 'https://example.org', basePath: '/', buildTime: '2026-03-02T10:00:00Z', title: 'Портал' };
const settings = () => sha(JSON.stringify({ siteUrl: config.siteUrl, basePath: config.basePath, title: config.title }));
const reports = [{ id: 'a', title: 'Звіт А' }];
const home = '{"programmes":3}';

function file(path: string, text: string): PageFile[] {
  mkdirSync(join(dist, path, '..'), { recursive: true });
  writeFileSync(join(dist, path), text);
  return [{ path, bytes: Buffer.byteLength(text), sha256: sha(text) }];
}

let record: SiteRecord;
beforeEach(() => {
  for (const folder of [data, dist, join(work, 'next')]) rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(data, 'reports'), { recursive: true });
  writeFileSync(join(data, 'config.json'), JSON.stringify(config));
  writeFileSync(join(data, 'reports.json'), JSON.stringify(reports));
  writeFileSync(join(data, 'home.json'), home);
  writeFileSync(join(data, 'reports', 'a.json'), '{"figures":[1]}');
  record = {
    format: RECORD_FORMAT,
    version: 'v1',
    settings: settings(),
    complete: true,
    rendered: ['reports/a/'],
    pages: { 'reports/a/': { reads: { 'file:reports/a.json': sha('{"figures":[1]}') }, files: file('reports/a/index.html', '<p>А</p>') } },
    fixed: {
      '': { reads: { 'file:home.json': sha(home) }, files: file('index.html', '<p>3 програми</p>') },
      '404/': { reads: { config: settings() }, files: file('404.html', '<p>Не знайдено</p>') },
    },
    paths: { 'file:reports.json': sha(JSON.stringify(reports)), config: settings() },
    assets: [...file('_astro/Base.css', 'p{}'), ...file('sitemap.xml', '<urlset/>')],
  };
});

const judged = (version = 'v1') => somethingToRender(record, version, currentDigests(data));

describe('a build with nothing to render', () => {
  it('takes the whole previous site over when every page, with parameters or without, reads the same', () => {
    expect(judged()).toBeUndefined();
    expect(restIntact(record, dist)).toBe(true);
    const next = join(work, 'next');
    expect(takeOverSite(record, dist, next)).toBe(5);
    for (const path of ['index.html', '404.html', 'reports/a/index.html', '_astro/Base.css', 'sitemap.xml']) {
      expect(statSync(join(next, path)).ino, path).toBe(statSync(join(dist, path)).ino);
    }
    expect(readFileSync(join(next, 'index.html'), 'utf8')).toBe('<p>3 програми</p>');
  });

  it('starts Astro when a page without parameters reads data that changed, though no page with parameters does', () => {
    writeFileSync(join(data, 'home.json'), '{"programmes":4}');
    expect(judged()).toBe('/ reads data that changed');
  });

  it('starts Astro when a page with parameters reads data that changed', () => {
    writeFileSync(join(data, 'reports', 'a.json'), '{"figures":[2]}');
    expect(judged()).toBe('/reports/a/ reads data that changed');
  });

  it('starts Astro when what decides which pages exist changed, though every page that exists reads the same', () => {
    writeFileSync(join(data, 'reports.json'), JSON.stringify([...reports, { id: 'b', title: 'Звіт Б' }]));
    expect(judged()).toBe('the data that decides which pages exist changed');
  });

  it('starts Astro when the code or the settings changed, or the previous record cannot say', () => {
    expect(judged('v2')).toBe("the site's code changed");
    writeFileSync(join(data, 'config.json'), JSON.stringify({ ...config, basePath: '/portal/' }));
    expect(judged()).toBe("the site's settings changed");
    writeFileSync(join(data, 'config.json'), JSON.stringify(config));
    const { fixed: _fixed, ...older } = record;
    expect(somethingToRender(older, 'v1', currentDigests(data))).toBe('the previous record does not hold the pages without parameters');
    expect(somethingToRender({ ...record, complete: false }, 'v1', currentDigests(data))).toBe('the previous build read data it could not attribute to a page');
    expect(somethingToRender('no previous site', 'v1', currentDigests(data))).toBe('no previous site');
  });

  it('does not take the site over when a file of a page without parameters or of the bundle is not as recorded', () => {
    writeFileSync(join(dist, '_astro', 'Base.css'), 'a{}');
    expect(restIntact(record, dist)).toBe(false);
    writeFileSync(join(dist, '_astro', 'Base.css'), 'p{}');
    expect(restIntact(record, dist)).toBe(true);
    rmSync(join(dist, '404.html'));
    expect(restIntact(record, dist)).toBe(false);
  });

  it('finds the files Astro wrote besides the pages, and the file of each page without parameters', () => {
    file('datasets/x/x.csv', 'a,b\n');
    expect(siteAssets(dist).map((found) => found.path)).toEqual(['_astro/Base.css', 'sitemap.xml']);
    expect(fixedFile(dist, '')).toBe('index.html');
    expect(fixedFile(dist, '404/')).toBe('404.html');
    expect(() => fixedFile(dist, 'search/')).toThrow('the page /search/ was rendered, but no file of it is in');
  });
});
