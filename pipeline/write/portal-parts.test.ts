/**
 * The portal-wide package in parts per publisher: a commit that changes one council's report
 * makes that council's part again and takes the other's over (the same file on disk, checked
 * by size and hash); the package's datapackage.json names every part, and the parts read one
 * after another are the rows of the whole-table files.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { buildPortal } from '../build.ts';
import { diskSources, memorySources, type SourceFiles } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { checkPrevious, readManifest } from '../io/manifest.ts';
import { folderSink } from '../io/output.ts';
import { checkDataPackage } from './profile.ts';

const CASE = join(import.meta.dirname, '..', 'golden', 'cases', 'results-and-shared-indicators', 'sources');
const REPORT = 'other-council/oc-2023-activity/observations.yaml';
const PORTAL = 'public/datasets/usi-dani-portalu';
const work = mkdtempSync(join(tmpdir(), 'portal-parts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function sourcesWith(change: (text: string) => string): Promise<SourceFiles> {
  const disk = diskSources(CASE);
  const files: Record<string, string> = {};
  for (const path of await disk.list()) files[path] = new TextDecoder().decode(await disk.read(path));
  files[REPORT] = change(files[REPORT]!);
  return memorySources(files);
}

async function buildInto(folder: string, files: SourceFiles, previous?: string) {
  const read = previous ? readManifest(previous) : undefined;
  const check = previous && read?.manifest ? await checkPrevious(previous, read.manifest) : undefined;
  const sink = folderSink(folder, previous);
  const built = await buildPortal({ files, history: fixedHistory('2024-03-01T09:00:00Z'), sink, threads: 0, reuse: { previous: check?.manifest, version: 'code-1', intact: check?.intact } });
  await sink.finish();
  if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 3)));
  return built;
}

const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
const text = (path: string) => readFileSync(path, 'utf8');

describe('the portal-wide package in parts', async () => {
  const first = join(work, 'first');
  const second = join(work, 'second');
  await buildInto(first, await sourcesWith((t) => t));
  // One figure of one council's report changes: 95 trees become 97.
  const changed = await sourcesWith((t) => t.replace('value: 95', 'value: 97').replace('висаджено 95 дерев', 'висаджено 97 дерев'));
  const rebuilt = await buildInto(second, changed, first);

  it('makes again only the part of the council whose report changed, and takes the other over as it was', () => {
    // Both parts' rows are made, the workbook being made from every row; only one part's files.
    expect(rebuilt.counts.parts).toEqual({ made: 1, reused: 1, derived: 2 });
    const same = (path: string) => statSync(join(first, PORTAL, path)).ino === statSync(join(second, PORTAL, path)).ino;
    for (const file of ['observations.csv', 'observations.json', 'programmes.csv', 'datapackage.json']) {
      expect(same(`parts/sample-council/${file}`), file).toBe(true);
      expect(same(`parts/other-council/${file}`), file).toBe(false);
    }
    expect(text(join(second, PORTAL, 'parts/other-council/observations.csv'))).toContain(',97,');
    expect(text(join(first, PORTAL, 'parts/other-council/observations.csv'))).toContain(',95,');
  });

  it('writes the same files as a clean build', async () => {
    const clean = join(work, 'clean');
    await buildInto(clean, changed);
    for (const path of ['datapackage.json', 'observations.csv', 'observations.json', 'parts/sample-council/observations.csv', 'parts/other-council/datapackage.json', 'usi-dani-portalu.xlsx']) {
      expect(readFileSync(join(second, PORTAL, path)).equals(readFileSync(join(clean, PORTAL, path))), path).toBe(true);
    }
  });

  it('names every part in a datapackage.json the Data Package profile accepts, each part a Data Package of its own', () => {
    const descriptor = JSON.parse(text(join(second, PORTAL, 'datapackage.json')));
    expect(checkDataPackage(descriptor)).toEqual([]);
    const observations = descriptor.resources.find((r: { name: string }) => r.name === 'observations');
    expect(observations.path).toEqual(['parts/other-council/observations.csv', 'parts/sample-council/observations.csv']);
    for (const council of ['sample-council', 'other-council']) {
      const part = JSON.parse(text(join(second, PORTAL, 'parts', council, 'datapackage.json')));
      expect(checkDataPackage(part)).toEqual([]);
      expect(part.resources.find((r: { name: string }) => r.name === 'observations').schema).toEqual(observations.schema);
    }
  });

  it('has in its parts, one after another, the rows of the whole-table file', () => {
    const whole = rowsOf(text(join(second, PORTAL, 'observations.csv')));
    const sample = rowsOf(text(join(second, PORTAL, 'parts/sample-council/observations.csv')));
    const other = rowsOf(text(join(second, PORTAL, 'parts/other-council/observations.csv')));
    // Five figures in the sample council's two reports, three in the other's activity report.
    expect([sample.length, other.length, whole.length]).toEqual([5, 3, 8]);
    // In the order of the publishers, the other council first.
    expect([...other, ...sample]).toEqual(whole);
    const value = (id: string) => whole.find((row) => row.observation_id === id)?.value;
    expect(value('oc-2023-activity/trees-planted-2023')).toBe('97');
    expect(value('oc-2023-activity/greening-commission-meetings')).toBe('6');
    expect(whole.filter((row) => row.document_id === 'oc-2023-activity').map((row) => Number(row.value)).reduce((a, b) => a + b, 0)).toBe(97 + 140 + 6);
  });
});
