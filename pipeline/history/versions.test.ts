/**
 * The change history over a real git repository of the project's own sources: four commits,
 * each of the last three changing one figure of a different council. A build keeps what it
 * worked out of the history beside its manifest; the build after one more commit compares that
 * commit only, derives only the datasets whose files it touched, and publishes what a clean
 * build publishes, byte for byte. What each dataset's changes say is worked out by hand.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { diskSources } from '../io/files.ts';
import { gitHistory } from '../io/history.ts';
import { checkPrevious, readManifest } from '../io/manifest.ts';
import { stage } from '../io/output.ts';
import type { DatasetVersion } from '../publish/types.ts';
import type { ReuseCounts } from '../write/reuse.ts';
import { KEPT_CHANGES_PATH } from './kept-changes.ts';

const project = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'history-versions-'));
const sources = join(work, 'sources');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const KRYVYI_RIH = 'kryvyi-rih-pokaznyky-zvitiv-vykonavchykh-orhaniv';
const IVANO_FRANKIVSK = 'ivano-frankivsk-pokaznyky-zvitu-departamentu-stratehichnoho-rozvytku';
const KROPYVNYTSKYI = 'kropyvnytskyi-pokaznyky-vykonannia-biudzhetnykh-prohram-2021';

function git(time: string, ...args: string[]): void {
  const who = { GIT_AUTHOR_NAME: 'Редакція', GIT_AUTHOR_EMAIL: 'editors@portal.test', GIT_COMMITTER_NAME: 'Редакція', GIT_COMMITTER_EMAIL: 'editors@portal.test' };
  execFileSync('git', ['-C', sources, ...args], { env: { ...process.env, ...who, GIT_AUTHOR_DATE: time, GIT_COMMITTER_DATE: time }, stdio: 'ignore' });
}

/** Replaces `from` by `to` in a source file (each must be there once), and commits it at `time`. */
function correct(time: string, path: string, edits: [string, string][]): void {
  const file = join(sources, path);
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of edits) {
    expect(text.split(from).length, `${path}: ${from}`).toBe(2);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
  git(time, 'commit', '-q', '-am', `${path}: corrected`);
}

/** Builds into `out` as the command line does: taking over from the build there unless `clean`. */
async function build(out: string, options: { clean?: boolean; version?: string } = {}): Promise<ReuseCounts> {
  const manifest = options.clean ? undefined : readManifest(out).manifest;
  const check = manifest && (await checkPrevious(out, manifest));
  const staging = await stage(out);
  const reuse = { previous: check?.manifest, version: options.version ?? 'code-1', intact: check?.intact };
  const built = await buildPortal({ files: diskSources(sources), history: await gitHistory(sources), sink: staging, threads: 0, reuse });
  if (!built.ok) {
    await staging.abort();
    throw new Error(JSON.stringify(built.problems.slice(0, 3), null, 2));
  }
  await staging.commit();
  return built.counts;
}

function tree(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(folder.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

function expectSameTree(actual: string, expected: string): void {
  const [a, b] = [tree(actual), tree(expected)];
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  expect([...b].filter(([path, bytes]) => Buffer.compare(a.get(path)!, bytes) !== 0).map(([path]) => path)).toEqual([]);
}

const changesCsv = (out: string, name: string) => readFileSync(join(out, 'public', 'datasets', name, 'changes.csv'), 'utf8').split('\r\n').filter(Boolean);
const changesJson = (out: string, name: string) => JSON.parse(readFileSync(join(out, 'public', 'datasets', name, 'changes.json'), 'utf8')) as DatasetVersion[];

const KROPYVNYTSKYI_REPORT = 'kropyvnytskyi-city-council/kropyvnytskyi-2021-programmes-presentation/observations.yaml';

describe('the change history, kept from build to build', { timeout: 300_000 }, () => {
  const out = join(work, 'out');
  let first: ReuseCounts;
  let next: ReuseCounts;

  beforeAll(async () => {
    cpSync(join(project, 'datasets'), sources, { recursive: true });
    git('2024-01-10T10:00:00Z', 'init', '-q');
    git('2024-01-10T10:00:00Z', 'add', '-A');
    git('2024-01-10T10:00:00Z', 'commit', '-q', '-m', 'the reports');
    correct('2024-02-01T10:00:00Z', 'kryvyi-rih-city-council/kr-2020-ict-department-report/observations.yaml', [
      ['value: 12\n', 'value: 13\n'],
      ['доступна за допомогою 12 сенсорних', 'доступна за допомогою 13 сенсорних'],
    ]);
    correct('2024-03-01T10:00:00Z', 'ivano-frankivsk-city-council/if-2022-h1-strategic-development-report/observations.yaml', [
      ['value: 4\n        quote: "До складу Департаменту у I півріччі входили 4 відділи"', 'value: 5\n        quote: "До складу Департаменту у I півріччі входили 5 відділів"'],
    ]);
    first = await build(out);
    correct('2024-04-01T10:00:00Z', KROPYVNYTSKYI_REPORT, [
      ['value: "210 440"', 'value: "210 441"'],
      ['210 440', '210 441'],
    ]);
    next = await build(out);
    await build(join(work, 'clean'), { clean: true });
  }, 300_000);

  it('compares every commit the first time, each of its sources checked once, and only the datasets each commit touched', () => {
    // Three commits to compare: the newest is the build's own sources, the two before are read from git.
    expect(first.history).toMatchObject({ compared: 3, taken: 0, checked: 2 });
    // The first commit: its 8 datasets (4 of councils, 3 registers, the shared indicators) are each made
    // once; each later commit: one council's dataset, its register and the shared indicators, at both commits.
    expect(first.history!.derived).toBe(8 + 2 * 3 + 2 * 3);
  });

  it('after one more commit, compares that commit only, against the sources the previous build checked', () => {
    // The new commit's sources are the build's own; the one before is checked from git once.
    expect(next.history).toEqual({ compared: 1, taken: 3, checked: 1, derived: 2 * 3 });
  });

  it('publishes what changed at each commit, in the dataset the commit touched', () => {
    expect(changesCsv(out, KROPYVNYTSKYI)).toEqual([
      'version,time,table,row,change,field,before,after',
      expect.stringMatching(/^1\.0\.1,2024-01-10T10:00:00Z,,,first,,,\d+$/),
      '1.0.2,2024-04-01T10:00:00Z,observations,kropyvnytskyi-2021-programmes-presentation/cnap-consultations,changed,value,210440,210441',
      '1.0.2,2024-04-01T10:00:00Z,observations,kropyvnytskyi-2021-programmes-presentation/cnap-consultations,changed,value_printed,210 440,210 441',
      expect.stringMatching(/^1\.0\.2,2024-04-01T10:00:00Z,observations,kropyvnytskyi-2021-programmes-presentation\/cnap-consultations,changed,quote,.*210 440.*,.*210 441.*$/),
    ]);
    expect(changesJson(out, IVANO_FRANKIVSK).map((version) => [version.version, version.time, version.status])).toEqual([
      ['1.0.2', '2024-03-01T10:00:00Z', 'compared'],
      ['1.0.1', '2024-01-10T10:00:00Z', 'first'],
    ]);
    const divisions = changesJson(out, IVANO_FRANKIVSK)[0]!.tables.find((table) => table.table === 'observations')!;
    expect(divisions.changed.map((row) => [row.key, row.cells.filter((cell) => cell.field === 'value')])).toEqual([
      ['if-2022-h1-strategic-development-report/department-divisions', [{ field: 'value', before: '4', after: '5' }]],
    ]);
    // Kryvyi Rih's commit, compared by the first build, is still published by the second, which took it over.
    expect(changesCsv(out, KRYVYI_RIH).filter((line) => line.includes(',value,'))).toEqual([
      '1.0.2,2024-02-01T10:00:00Z,observations,kr-2020-ict-department-report/information-kiosks,changed,value,12,13',
    ]);
  });

  it('publishes the same files as a clean build of the same commit, byte for byte', () => {
    expectSameTree(out, join(work, 'clean'));
  });

  it('compares every commit again when what it kept was changed on disk, even at its size, and still publishes the same', async () => {
    const copy = join(work, 'damaged');
    cpSync(out, copy, { recursive: true });
    const kept = join(copy, KEPT_CHANGES_PATH);
    const text = readFileSync(kept, 'utf8');
    // The same number of bytes, one figure told otherwise: only its hash can tell.
    writeFileSync(kept, text.replace('"210440"', '"210449"'));
    expect(readFileSync(kept).length).toBe(Buffer.byteLength(text));
    expect(readFileSync(kept, 'utf8')).not.toBe(text);
    const again = await build(copy);
    expect(again.history).toMatchObject({ compared: 4, taken: 0, checked: 3 });
    expectSameTree(copy, join(work, 'clean'));
  });

  it('compares every commit again when the code that compares them changed', async () => {
    const copy = join(work, 'new-code');
    cpSync(out, copy, { recursive: true });
    const again = await build(copy, { version: 'code-2' });
    expect(again.history).toMatchObject({ compared: 4, taken: 0, checked: 3 });
  });
});
