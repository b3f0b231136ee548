/** Guarantees of the whole build: the same input gives the same bytes; names and ids hold. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPortal } from './build.ts';
import { diskSources, memorySources } from './io/files.ts';
import { fixedHistory } from './io/history.ts';
import { checkSources } from './check.ts';
import { deriveDatasets, type Owned } from './derive/datasets.ts';
import { makeUrls } from './publish/urls.ts';
import { createHash } from 'node:crypto';

const root = join(import.meta.dirname, '..');
const history = fixedHistory('2024-05-01T12:00:00Z');

async function build(files = diskSources(join(root, 'datasets'))) {
  const built = await buildPortal({ files, history });
  if (!built.ok) throw new Error(JSON.stringify(built.problems, null, 2));
  return built;
}

describe('the real portal build', async () => {
  const first = await build();

  it('writes byte-identical trees from the same sources', async () => {
    const second = await build();
    expect([...second.tree.keys()]).toEqual([...first.tree.keys()]);
    for (const [path, bytes] of first.tree) expect(Buffer.compare(Buffer.from(second.tree.get(path)!), Buffer.from(bytes)), path).toBe(0);
  });

  it('writes the same bytes when dataset files are made on worker threads', async () => {
    const threaded = await buildPortal({ files: diskSources(join(root, 'datasets')), history, threads: 2 });
    if (!threaded.ok) throw new Error(JSON.stringify(threaded.problems, null, 2));
    expect([...threaded.tree.keys()].sort()).toEqual([...first.tree.keys()].sort());
    for (const [path, bytes] of first.tree) expect(Buffer.compare(Buffer.from(threaded.tree.get(path)!), Buffer.from(bytes)), path).toBe(0);
  });

  it('publishes every dataset of every datasets.yaml, a register per publisher, the shared indicators\' comparison and the portal-wide package', () => {
    expect(first.datasets.map((d) => d.kind).sort()).toEqual(['comparison', 'indicators', 'indicators', 'indicators', 'portal', 'programme', 'register', 'register', 'register']);
  });

  it('publishes the 2023 execution of direction 4 exactly', () => {
    const csv = new TextDecoder().decode(first.tree.get('public/datasets/kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027/execution.csv'));
    expect(csv).toContain(',2023,a2-d4,4,');
    expect(csv).toMatch(/,1255765,"1 255 765,0",1243280\.57,"1 243 280,57",allocated,виділено,99\.01,/);
  });

  it('gives each dataset a hash its datapackage.json states for each file', () => {
    const name = 'kryvyi-rih-prohrama-rozvytku-mistsevoho-samovriaduvannia-2017-2027';
    const descriptor = JSON.parse(new TextDecoder().decode(first.tree.get(`public/datasets/${name}/datapackage.json`))) as { resources: { path: string; bytes: number; hash: string }[] };
    for (const resource of descriptor.resources) {
      const bytes = first.tree.get(`public/datasets/${name}/${resource.path}`)!;
      expect(bytes.length).toBe(resource.bytes);
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(resource.hash);
    }
  });
});

describe('stability', () => {
  it('keeps names, ids and file paths when a figure changes', async () => {
    const base = diskSources(join(root, 'pipeline', 'fixtures', 'base'));
    const files: Record<string, Uint8Array> = {};
    for (const path of await base.list()) files[path] = await base.read(path);
    const before = await build(memorySources(files));
    const report = 'test-city-council/tc-2021-execution-report/execution.yaml';
    files[report] = new TextEncoder().encode(new TextDecoder().decode(files[report]).replaceAll('149 500,50', '149 400,50'));
    const after = await build(memorySources(files));
    expect(after.datasets.map((d) => [d.name, d.id])).toEqual(before.datasets.map((d) => [d.name, d.id]));
    expect([...after.tree.keys()]).toEqual([...before.tree.keys()]);
    const execution = 'public/datasets/test-city-civic-initiatives/execution.csv';
    expect(new TextDecoder().decode(after.tree.get(execution))).toContain('149400.5');
  });
});

describe('conservation', () => {
  it('names a figure the model read but no dataset publishes, and one published twice', async () => {
    const checked = await checkSources(diskSources(join(root, 'pipeline', 'fixtures', 'base')));
    if (!checked.ok) throw new Error('base invalid');
    const { model, reconciliation } = checked;
    const stray = { ...model.figures[0]!, key: 'tc:stray', printed: '77', origin: { file: 'x/observations.yaml', line: 9, path: 'groups[0]' } };
    const urls = makeUrls('https://portal.example.org', '/');
    const conservation = (input: Parameters<typeof deriveDatasets>[0]) => {
      const derivation = deriveDatasets(input);
      expect(() => derivation.conservation()).toThrow(/after every dataset/);
      for (const dataset of derivation.datasets) expect(dataset.name).not.toBe('');
      return derivation.conservation();
    };
    expect(conservation({ model, reconciliation, history, urls })).toEqual([]);
    expect(conservation({ model: { ...model, figures: [...model.figures, stray] }, reconciliation, history, urls })).toEqual(['x/observations.yaml:9 groups[0] ("77") is published in no dataset']);
    const twice = conservation({ model: { ...model, catalog: [...model.catalog, { ...model.catalog[1]!, name: 'copy', id: 'c0ffee00-0000-4000-8000-000000000000' }] }, reconciliation, history, urls });
    expect(twice.length).toBeGreaterThan(0);
    expect(twice[0]).toContain('is published in');
    expect(twice[0]).toContain(', copy');
  });

  it('counts the figures of datasets taken over without being made, and still names a stray or a figure published twice', async () => {
    const checked = await checkSources(diskSources(join(root, 'pipeline', 'fixtures', 'base')));
    if (!checked.ok) throw new Error('base invalid');
    const { model, reconciliation } = checked;
    const urls = makeUrls('https://portal.example.org', '/');
    // What a previous build recorded of each dataset's figures.
    const owned = new Map<string, Owned>();
    for (const planned of deriveDatasets({ model, reconciliation, history, urls }).planned) owned.set(planned.description.name, planned.derive().owned);
    const takingOver = (input: Parameters<typeof deriveDatasets>[0]) => {
      const derivation = deriveDatasets(input);
      let taken = 0;
      for (const planned of derivation.planned) {
        const before = owned.get(planned.description.name);
        if (planned.reads && before) {
          planned.takeOver(before);
          taken++;
        } else planned.derive();
      }
      expect(taken).toBeGreaterThan(0);
      return derivation.conservation();
    };
    expect(takingOver({ model, reconciliation, history, urls })).toEqual([]);
    const stray = { ...model.figures[0]!, key: 'tc:stray', printed: '77', origin: { file: 'x/observations.yaml', line: 9, path: 'groups[0]' } };
    expect(takingOver({ model: { ...model, figures: [...model.figures, stray] }, reconciliation, history, urls })).toEqual(['x/observations.yaml:9 groups[0] ("77") is published in no dataset']);
    // The copy is made, its original taken over: their figures are counted twice.
    const twice = takingOver({ model: { ...model, catalog: [...model.catalog, { ...model.catalog[1]!, name: 'copy', id: 'c0ffee00-0000-4000-8000-000000000000' }] }, reconciliation, history, urls });
    expect(twice.length).toBeGreaterThan(0);
    expect(twice[0]).toMatch(/is published in \S+, \S+$/);
    expect(twice[0]).toContain(model.catalog[1]!.name);
    expect(twice[0]).toContain('copy');
  });
});

describe('two programmes with the same direction ids', () => {
  it('publishes both, keyed within their programme', async () => {
    const base = diskSources(join(root, 'pipeline', 'fixtures', 'base'));
    const files: Record<string, Uint8Array> = {};
    for (const path of await base.list()) files[path] = await base.read(path);
    const text = (path: string) => new TextDecoder().decode(files[path]);
    const encode = (value: string) => new TextEncoder().encode(value);
    // A second council whose programme also numbers its directions a1-d1, a1-d2.
    for (const path of Object.keys(files).filter((p) => p.startsWith('test-city-council/'))) {
      const copy = text(path)
        .replaceAll('test-city-council', 'other-city-council')
        .replaceAll('tc-', 'oc-')
        .replace('"12345678"', '"87654321"')
        .replace('test-city-civic-initiatives', 'other-city-civic-initiatives')
        .replace('0b0f6d0e-5a8e-4e43-9a55-6d2f2a1c7e01', '0b0f6d0e-5a8e-4e43-9a55-6d2f2a1c7e02')
        .replace('Показники звітів Тестової міської ради', 'Показники звітів Іншої міської ради')
        .replace('name: { uk: Тестова міська рада, en: Test City Council }', 'name: { uk: Інша міська рада, en: Other City Council }');
      files[path.replace('test-city-council/', 'other-city-council/').replaceAll('tc-', 'oc-')] = encode(copy);
    }
    const built = await build(memorySources(files));
    const directions = new TextDecoder().decode(built.tree.get('public/datasets/usi-dani-portalu/directions.csv'));
    expect(directions).toContain('a1-d1,tc-civic-initiatives-2020-2021,');
    expect(directions).toContain('a1-d1,oc-civic-initiatives-2020-2021,');
  });
});
