/** Every internal link and asset in the built site points at a file that exists. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base, siteDir, sitemapPages } from './context.ts';

const basePath = new URL(base).pathname;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function resolves(path: string): boolean {
  const local = join(siteDir, decodeURIComponent(path.slice(basePath.length)));
  if (existsSync(local) && statSync(local).isFile()) return true;
  return existsSync(join(local, 'index.html'));
}

describe('links', () => {
  it('has no broken internal link or missing file', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(siteDir)) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const target = match[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|#|data:)/.test(target)) continue;
        checked++;
        const path = target.split(/[?#]/)[0]!;
        if (!path.startsWith(basePath)) broken.push(`${relative(siteDir, file)}: ${target} (outside ${basePath})`);
        else if (!resolves(path)) broken.push(`${relative(siteDir, file)}: ${target}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('every link to a place on the same page finds it: contents, figures, citations', () => {
    const lost: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(siteDir)) {
      const html = readFileSync(file, 'utf8');
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      for (const match of html.matchAll(/\shref="#([^"]*)"/g)) {
        checked++;
        if (!ids.has(match[1]!)) lost.push(`${relative(siteDir, file)}: #${match[1]}`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(lost).toEqual([]);
  });

  it('every sitemap page exists', () => {
    const missing = sitemapPages().filter((page) => !resolves(new URL(page).pathname));
    expect(missing).toEqual([]);
  });
});
