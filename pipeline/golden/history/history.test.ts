/**
 * The change history of a dataset, on two commits of a small golden case: the first commit
 * publishes the indicators-and-mismatch sources; the second changes one figure (Центральний
 * район: 640 → 650 звернень) and adds one (Південний: 85). changes.csv and changes.json must be
 * the files in expected/ (UPDATE_GOLDEN=1 rewrites them; read the diff), and say exactly that.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../../build.ts';
import { diskSources } from '../../io/files.ts';
import { gitHistory } from '../../io/history.ts';
import type { DatasetVersion } from '../../publish/types.ts';

const here = import.meta.dirname;
const first = join(here, '..', 'cases', 'indicators-and-mismatch', 'sources');
const second = join(here, 'second');
const expected = join(here, 'expected');
const NAME = 'zvernennia-hromadian-do-zrazkovoi-miskoi-rady';
const work = mkdtempSync(join(tmpdir(), 'history-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function git(args: string[], date: string) {
  execFileSync('git', ['-C', work, ...args], {
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Редакція', GIT_AUTHOR_EMAIL: 'editors@portal.test', GIT_COMMITTER_NAME: 'Редакція', GIT_COMMITTER_EMAIL: 'editors@portal.test' },
    stdio: 'ignore',
  });
}

describe('the data-change history', () => {
  it('says which figure changed, from what to what, and which was added', { timeout: 120_000 }, async () => {
    const sources = join(work, 'sources');
    git(['init', '-q'], '2024-01-10T10:00:00Z');
    cpSync(first, sources, { recursive: true });
    git(['add', '.'], '2024-01-10T10:00:00Z');
    git(['commit', '-q', '-m', 'Перша версія'], '2024-01-10T10:00:00Z');
    cpSync(second, sources, { recursive: true });
    git(['add', '.'], '2024-02-20T10:00:00Z');
    git(['commit', '-q', '-m', 'Виправлено й доповнено'], '2024-02-20T10:00:00Z');

    const built = await buildPortal({ files: diskSources(sources), history: await gitHistory(sources) });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const text = (path: string) => new TextDecoder().decode(built.tree.get(path)!);
    const csv = text(`public/datasets/${NAME}/changes.csv`);
    const json = text(`public/datasets/${NAME}/changes.json`);

    // What a reader must learn, stated apart from the golden files.
    const versions = JSON.parse(json) as DatasetVersion[];
    expect(versions.map((v) => [v.version, v.time, v.status])).toEqual([
      ['1.0.2', '2024-02-20T10:00:00Z', 'compared'],
      ['1.0.1', '2024-01-10T10:00:00Z', 'first'],
    ]);
    const observations = versions[0]!.tables.find((t) => t.table === 'observations')!;
    expect(observations.changed.map((row) => [row.key, row.cells.map((c) => [c.field, c.before, c.after])])).toEqual([
      ['sc-2023-activity/appeals-central', [['value', '640', '650'], ['value_printed', '640', '650'], ['quote', 'Центральний – 640', 'Центральний – 650']]],
    ]);
    expect(observations.added.map((row) => [row.key, row.cells.value, row.cells.dimension_district])).toEqual([['sc-2023-activity/appeals-south', '85', 'Південний']]);
    expect(observations.removed).toEqual([]);
    expect(csv).toContain('1.0.2,2024-02-20T10:00:00Z,observations,sc-2023-activity/appeals-central,changed,value,640,650\r\n');
    expect(csv).toContain('1.0.2,2024-02-20T10:00:00Z,observations,sc-2023-activity/appeals-south,added,,,\r\n');

    // The page says it in words, with the old and new values.
    const page = JSON.parse(text(`site/datasets/${NAME}.json`)) as { changes: { version: string; tables: { title: string; changed: number; added: number; rows: { change: string; key: string }[] }[] }[] };
    expect(page.changes[0]!.tables.find((t) => t.title === 'Показники')).toMatchObject({ changed: 1, added: 1 });

    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(expected, { recursive: true });
      writeFileSync(join(expected, 'changes.csv'), csv);
      writeFileSync(join(expected, 'changes.json'), json);
    }
    expect(existsSync(join(expected, 'changes.csv')), 'no expected/: run UPDATE_GOLDEN=1 npx vitest run pipeline/golden').toBe(true);
    expect(csv).toBe(readFileSync(join(expected, 'changes.csv'), 'utf8'));
    expect(json).toBe(readFileSync(join(expected, 'changes.json'), 'utf8'));
  });
});
