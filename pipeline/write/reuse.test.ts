/** Incremental builds: what is taken over, what is made again, and that the result is a clean build's. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { changeOneFigure, generateCorpus } from '../generate/corpus.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { stage } from '../io/output.ts';
import { IDENTITIES_FILE, readIdentities, recordIdentities } from '../io/file-identity.ts';
import { previousReuse, readManifest } from '../io/manifest.ts';
import type { Manifest } from './reuse.ts';

const work = mkdtempSync(join(tmpdir(), 'reuse-test-'));
// Three corpora's outputs, clean and incremental: removing them takes longer than a hook's default on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);
const history = fixedHistory('2024-05-01T12:00:00Z');

function writeCorpus(folder: string, files: Map<string, string>) {
  rmSync(folder, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

/** Builds into `out` as the command line does, taking over from the build already there unless `clean`. */
async function build(sources: string, out: string, options: { clean?: boolean; version?: string; threads?: number } = {}) {
  // As the command line does: the previous output's files are checked against the manifest
  // before they are taken over, by the identities recorded after it was published or by reading them.
  const version = options.version ?? 'code-1';
  const { reuse, check } = await previousReuse(options.clean ? undefined : out, version, readIdentities(out));
  const staging = await stage(out);
  const built = await buildPortal({ files: diskSources(sources), history, sink: staging, threads: options.threads ?? 0, reuse });
  if (!built.ok) {
    await staging.abort();
    throw new Error(JSON.stringify(built.problems.slice(0, 3), null, 2));
  }
  await staging.commit();
  recordIdentities(out);
  return { ...built.counts, written: built.written, changed: check?.changed ?? [], checked: check?.checked };
}

/** The manifest's datasets, without the portal-wide package's parts (write/portal-parts.ts). */
const datasetsOf = (manifest: Manifest) => Object.entries(manifest.datasets).filter(([name]) => !name.includes('/parts/'));

function tree(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    // The record of identities is the file system's, not the build's output.
    if (entry.isFile() && entry.name !== IDENTITIES_FILE) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(folder.length + 1), readFileSync(path));
    }
  }
  return files;
}

function expectSameTree(actual: string, expected: string) {
  const a = tree(actual);
  const b = tree(expected);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differing = [...b].filter(([path, bytes]) => Buffer.compare(a.get(path)!, bytes) !== 0).map(([path]) => path);
  expect(differing).toEqual([]);
}

describe('an incremental build', { timeout: 60_000 }, async () => {
  const corpus = generateCorpus({ datasets: 12, seed: 7 });
  const sources = join(work, 'sources');
  writeCorpus(sources, corpus);
  const out = join(work, 'out');
  const first = await build(sources, out);
  const firstManifest = readManifest(out).manifest!;
  const inodes = new Map(datasetsOf(firstManifest).map(([name, entry]) => [name, statSync(join(out, 'public', 'datasets', name, entry.files[0]!.path)).ino]));

  // One observation file of one document changes one figure: a document no programme reads
  // (an execution report's figures are also its programme's results, read by two datasets).
  const [changed, text] = [...corpus].find(([path]) => path.endsWith('observations.yaml') && !corpus.has(path.replace(/observations\.yaml$/, 'execution.yaml')))!;
  const edited = changeOneFigure(text);
  expect(edited).toBeDefined();
  writeFileSync(join(sources, changed), edited!);
  const second = await build(sources, out);

  it('makes every dataset the first time', () => {
    expect(first.reused).toBe(0);
    expect(first.made).toBeGreaterThan(12);
  });

  it('makes again only the dataset that reads the changed file, and the portal-wide package', () => {
    expect(second.made).toBe(2);
    expect(second.reused).toBe(first.made - 2);
  });

  it('does not even derive the datasets whose files are taken over, but those made from the whole model', () => {
    // A clean build derives every dataset but the portal-wide package, which is made in parts.
    expect(first.derived).toBe(first.made - 1);
    // The registers and the shared indicators are made from the whole model each time (and taken over when their rows are the same).
    const wholeModel = datasetsOf(firstManifest).filter(([name, entry]) => entry.kept === undefined && name !== 'usi-dani-portalu');
    expect(wholeModel.length).toBeGreaterThan(0);
    expect(wholeModel.every(([name]) => name.startsWith('reiestr-') || name.startsWith('spilni-'))).toBe(true);
    expect(second.derived).toBe(wholeModel.length + 1);
  });

  it('writes exactly what a clean build writes, byte for byte', async () => {
    const clean = join(work, 'clean');
    await build(sources, clean, { clean: true });
    expectSameTree(out, clean);
    const manifest = readManifest(out).manifest!;
    expect(datasetsOf(manifest).length).toBe(first.made);
    const changedKeys = Object.keys(manifest.datasets).filter((name) => manifest.datasets[name]!.key !== firstManifest.datasets[name]!.key);
    // The dataset that reads the file, the portal-wide package, and the part of the council whose file it is.
    expect(changedKeys).toHaveLength(3);
    expect(changedKeys).toContain('usi-dani-portalu');
    expect(changedKeys).toContain(`usi-dani-portalu/parts/${changed.split('/')[0]}`);
  });

  it('takes the catalogue pieces of unchanged datasets from where the manifest says they lie', () => {
    const manifest = readManifest(out).manifest!;
    const turtle = readFileSync(join(out, 'public', 'catalog.ttl'));
    for (const [name, entry] of datasetsOf(manifest)) {
      const [start, end] = entry.catalogue!.turtle;
      expect(turtle.subarray(start, end).toString()).toMatch(new RegExp(`^<[^>]*/datasets/${name}/#dataset> a dcat:Dataset;`));
    }
  });

  it('makes the pieces again when the previous catalogue is gone, and still writes what a clean build writes', async () => {
    const again = join(work, 'again');
    await build(sources, again, { clean: true });
    rmSync(join(again, 'public', 'catalog.ttl'));
    rmSync(join(again, 'public', 'catalog.jsonld'));
    const counts = await build(sources, again);
    // Every dataset, the portal-wide package too: no source changed.
    expect(counts.reused).toBe(first.made);
    expectSameTree(again, out);
  });

  it('takes files over as they are (the same file on disk), so unchanged files cost no writing', () => {
    const manifest = readManifest(out).manifest!;
    const same = datasetsOf(manifest).filter(([name, entry]) => statSync(join(out, 'public', 'datasets', name, entry.files[0]!.path)).ino === inodes.get(name));
    expect(same.length).toBe(second.reused);
  });

  it('makes again a dataset whose file changed on disk since it was published, even at its size, and writes what a clean build writes', async () => {
    const damaged = join(work, 'damaged');
    await build(sources, damaged, { clean: true });
    const manifest = readManifest(damaged).manifest!;
    const [name, entry] = Object.entries(manifest.datasets).find(([, one]) => one.files.some((file) => file.path === 'observations.csv'))!;
    const csv = join(damaged, 'public', 'datasets', name, 'observations.csv');
    const bytes = readFileSync(csv);
    // One digit changed in place, then another file cut short: neither may be published again.
    bytes[bytes.length - 3] = bytes[bytes.length - 3] === 0x31 ? 0x32 : 0x31;
    writeFileSync(csv, bytes);
    const other = Object.entries(manifest.datasets).find(([other]) => other !== name && other !== 'usi-dani-portalu')!;
    const cut = join(damaged, 'public', 'datasets', other[0], other[1].files[0]!.path);
    writeFileSync(cut, readFileSync(cut).subarray(0, 200));
    const counts = await build(sources, damaged);
    // The two datasets; the portal-wide package is taken over, as no source changed.
    expect(counts.made).toBe(2);
    expect(counts.changed.sort()).toEqual([`public/datasets/${name}/observations.csv: changed since it was published`, `public/datasets/${other[0]}/${other[1].files[0]!.path}: 200 bytes, ${other[1].files[0]!.bytes} published`].sort());
    const clean = join(work, 'clean-again');
    await build(sources, clean, { clean: true });
    expectSameTree(damaged, clean);
    expect(entry.files.map((file) => file.path)).toContain('datapackage.json');
  });

  it('makes everything again when the code that makes the files changes', async () => {
    const counts = await build(sources, out, { version: 'code-2' });
    expect(counts.reused).toBe(0);
    expect(counts.made).toBe(first.made);
  });

  it('gives the same files on worker threads, which write them to disk themselves, and counts them all', async () => {
    const threaded = join(work, 'threaded');
    const { written } = await build(sources, threaded, { clean: true, threads: 2, version: 'code-2' });
    expectSameTree(threaded, out);
    const files = [...tree(threaded).values()];
    expect(written).toEqual({ files: files.length, bytes: files.reduce((n, bytes) => n + bytes.length, 0) });
  });
});

/** The first number after `field: "` in the text, one more. */
function bumpFirst(text: string, field: string): string {
  const changed = text.replace(new RegExp(`${field}: "(\\d)`), (match, digit: string) => match.replace(digit, String((Number(digit) % 9) + 1)));
  expect(changed).not.toBe(text);
  return changed;
}

describe('an incremental build after a change to what a dataset reads besides its own document', { timeout: 120_000 }, async () => {
  const corpus = generateCorpus({ datasets: 12, seed: 7 });
  const sources = join(work, 'reads-sources');
  writeCorpus(sources, corpus);
  const out = join(work, 'reads-out');
  const first = await build(sources, out);
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(sources, path), change(readFileSync(join(sources, path), 'utf8')));
  /** Builds incrementally and cleanly, and compares the two. */
  const again = async (name: string) => {
    const counts = await build(sources, out);
    const clean = join(work, `reads-clean-${name}`);
    await build(sources, clean, { clean: true });
    expectSameTree(out, clean);
    return counts;
  };

  it('remakes a programme whose execution report changed, a document of its own council but not its own', async () => {
    const report = [...corpus.keys()].find((path) => path.endsWith('/execution.yaml') && corpus.get(path)!.includes('amount: "'))!;
    const programme = /^programme: (\S+)/m.exec(corpus.get(report)!)![1]!;
    expect(corpus.get(report.replace(/execution\.yaml$/, 'programme.yaml'))).toBeUndefined();
    edit(report, (text) => bumpFirst(text, 'amount'));
    const counts = await again('execution');
    expect(counts.made).toBeGreaterThanOrEqual(2);
    expect(counts.reused).toBeGreaterThan(0);
    // The programme's dataset is among those made again: its execution table holds the new amount.
    const amount = /amount: "([^"]+)"/.exec(readFileSync(join(sources, report), 'utf8'))![1]!.replace(/ /g, '').replace(',', '.');
    const folder = join(out, 'public', 'datasets');
    const executions = readdirSync(folder).map((name) => join(folder, name, 'execution.csv')).filter((path) => existsSync(path)).map((path) => readFileSync(path, 'utf8'));
    expect(executions.some((csv) => csv.includes(programme) && csv.includes(amount))).toBe(true);
  });

  it("remakes the datasets whose figures the shared indicators' vocabulary names, a file of the portal's own", async () => {
    edit('indicators.yaml', (text) => text.replace(/- code: (\S+)/, '- code: $1-renamed'));
    const counts = await again('indicators');
    expect(counts.made).toBeGreaterThan(2);
  });

  it("remakes a council's datasets when its name changes, and those of no other council", async () => {
    const publisher = [...corpus.keys()].find((path) => path.endsWith('/publisher.yaml'))!;
    edit(publisher, (text) => text.replace(/name: \{ uk: ([^,]+),/, 'name: { uk: $1 (нова назва),'));
    const counts = await again('publisher');
    expect(counts.made).toBeGreaterThan(2);
    expect(counts.reused).toBeGreaterThan(0);
  });

  it("remakes every dataset when the portal's title changes", async () => {
    edit('portal.yaml', (text) => text.replace(/^title: "/m, 'title: "Новий: '));
    const counts = await again('portal');
    expect(counts.reused).toBe(0);
    expect(counts.made).toBe(first.made);
  });

  it('makes a dataset again when what the previous build kept of it differs from the manifest, even at its size', async () => {
    const manifest = readManifest(out).manifest!;
    const [name] = Object.entries(manifest.datasets).find(([, entry]) => entry.kept !== undefined)!;
    const kept = join(out, 'kept', `${name}.json`);
    const text = readFileSync(kept, 'utf8');
    // Its title's first letter, another of the same size: the file still reads as a dataset.
    writeFileSync(kept, text.replace(/"title":"(.)/, (_, letter: string) => `"title":"${letter === 'Ж' ? 'Щ' : 'Ж'}`));
    expect(readFileSync(kept).length).toBe(Buffer.byteLength(text));
    const counts = await again('kept');
    // The dataset alone: no source changed, so the portal-wide package is taken over.
    expect(counts.made).toBe(1);
    expect(readFileSync(kept, 'utf8')).toBe(text);
  });
});

/** One byte of a file changed in place, the file keeping its size. */
function alterInPlace(path: string): void {
  const bytes = readFileSync(path);
  const at = bytes.lastIndexOf(0x2c) + 1;
  bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
  writeFileSync(path, bytes);
}

describe('a build after a commit that changes no source', { timeout: 120_000 }, async () => {
  const corpus = generateCorpus({ datasets: 12, seed: 11 });
  const sources = join(work, 'same-sources');
  writeCorpus(sources, corpus);
  const out = join(work, 'same-out');
  const first = await build(sources, out);
  const portal = join(out, 'public', 'datasets', 'usi-dani-portalu');
  const council = readdirSync(join(portal, 'parts'))[0]!;
  const watched = ['observations.csv', 'observations.json', 'usi-dani-portalu.xlsx', 'datapackage.json', 'dataset.ttl', `parts/${council}/observations.csv`];
  const inodes = new Map(watched.map((path) => [path, statSync(join(portal, path)).ino]));
  const same = await build(sources, out);
  const clean = join(work, 'same-clean');
  await build(sources, clean, { clean: true });

  it('makes nothing: every dataset and the portal-wide package are taken over, no part even derived', () => {
    expect(first.parts!.made).toBeGreaterThan(1);
    expect(same.made).toBe(0);
    // Every file taken over known by a stat, none read back.
    expect(same.checked!.read).toBe(0);
    expect(same.checked!.stat).toBeGreaterThan(first.made);
    expect(same.reused).toBe(first.made);
    expect(same.parts).toEqual({ made: 0, reused: first.parts!.made, derived: 0 });
  });

  it("links the package's whole tables, workbook, descriptions and parts (the same files on disk)", () => {
    for (const path of watched) expect(statSync(join(portal, path)).ino, path).toBe(inodes.get(path));
  });

  it('writes exactly what a clean build writes', () => {
    expectSameTree(out, clean);
  });

  it("makes the package again when one of its whole tables changed on disk at its size, taking its parts over", async () => {
    alterInPlace(join(portal, 'observations.csv'));
    const counts = await build(sources, out);
    expect(counts.made).toBe(1);
    expect(counts.parts).toEqual({ made: 0, reused: first.parts!.made, derived: first.parts!.made });
    expectSameTree(out, clean);
  });

  it('makes the package again when one of its whole tables was changed at its size and its time set back (touch -d)', async () => {
    const file = join(portal, 'observations.json');
    const before = statSync(file);
    alterInPlace(file);
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    const counts = await build(sources, out);
    expect(counts.made).toBe(1);
    expect(counts.changed).toEqual([]);
    expectSameTree(out, clean);
  });

  it("makes the package and the part again when a part's file changed on disk at its size", async () => {
    alterInPlace(join(portal, 'parts', council, 'observations.csv'));
    const counts = await build(sources, out);
    expect(counts.made).toBe(1);
    expect(counts.parts).toEqual({ made: 1, reused: first.parts!.made - 1, derived: first.parts!.made });
    expectSameTree(out, clean);
  });

  it('makes the package again when what the previous build kept of it differs, even at its size', async () => {
    const kept = join(out, 'kept', 'usi-dani-portalu.json');
    const text = readFileSync(kept, 'utf8');
    writeFileSync(kept, text.replace(/"title":"(.)/, (_, letter: string) => `"title":"${letter === 'Ж' ? 'Щ' : 'Ж'}`));
    expect(readFileSync(kept).length).toBe(Buffer.byteLength(text));
    const counts = await build(sources, out);
    expect(counts.made).toBe(1);
    expectSameTree(out, clean);
  });

  it('takes over the parts of the councils whose files did not change after a one-report commit, and writes what a clean build writes', async () => {
    const [changed, text] = [...corpus].find(([path]) => path.endsWith('observations.yaml'))!;
    writeFileSync(join(sources, changed), changeOneFigure(text)!);
    const counts = await build(sources, out);
    expect(counts.parts!.made).toBe(1);
    expect(counts.parts!.reused).toBe(first.parts!.made - 1);
    const again = join(work, 'same-clean-again');
    await build(sources, again, { clean: true });
    expectSameTree(out, again);
  });
});
