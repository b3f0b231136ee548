import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkTree } from './data-files.ts';

const work = mkdtempSync(join(tmpdir(), 'data-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('linkTree', () => {
  it('puts every published file into the site as the same file, folders and all', () => {
    const from = join(work, 'public');
    const to = join(work, 'dist');
    mkdirSync(join(from, 'datasets', 'a'), { recursive: true });
    writeFileSync(join(from, 'catalog.ttl'), '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n');
    writeFileSync(join(from, 'datasets', 'a', 'observations.csv'), 'id,value\r\n1,1243280.57\r\n');
    mkdirSync(join(to, 'datasets'), { recursive: true });
    writeFileSync(join(to, 'index.html'), '<!doctype html>');

    expect(linkTree(from, to)).toBe(2);
    expect(readFileSync(join(to, 'datasets', 'a', 'observations.csv'), 'utf8')).toBe('id,value\r\n1,1243280.57\r\n');
    expect(statSync(join(to, 'catalog.ttl')).ino).toBe(statSync(join(from, 'catalog.ttl')).ino);
    expect(readFileSync(join(to, 'index.html'), 'utf8')).toBe('<!doctype html>');
  });

  it('refuses a data file that would replace a page', () => {
    const from = join(work, 'public2');
    const to = join(work, 'dist2');
    mkdirSync(from, { recursive: true });
    mkdirSync(to, { recursive: true });
    writeFileSync(join(from, 'index.html'), 'data');
    writeFileSync(join(to, 'index.html'), 'page');
    expect(() => linkTree(from, to)).toThrow(/index\.html is both a page of the site and a file of build\/public\//);
    expect(readFileSync(join(to, 'index.html'), 'utf8')).toBe('page');
  });
});
