/**
 * `npm run bench -- --datasets N`: a generated corpus of N datasets, built end to end,
 * with wall time, CPU time, peak memory, files and bytes for each stage. Not a test: it
 * prints figures for docs/performance.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDatasets, writeSiteData } from '../build.ts';
import { changeOneFigure, corpusFiles, emptyStats } from '../generate/corpus.ts';
import { diskSources, digestingSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { stage } from '../io/output.ts';
import { readIdentities, recordIdentities, UNCHANGED_FILE, writeUnchanged } from '../io/file-identity.ts';
import { normalize } from '../normalize/normalize.ts';
import { LOCAL_ORIGIN, makeUrls } from '../publish/urls.ts';
import { reconcile } from '../reconcile/reconcile.ts';
import { loadSources } from '../sources/load.ts';
import { KEPT_FILES_PATH, keptFilesKey, readKeptFiles } from '../sources/kept-files.ts';
import { keepValid } from '../check.ts';
import { sha256 } from '../write/dataset-files.ts';
import { checkCatalog } from '../validate/catalog.ts';
import { checkReferences } from '../validate/references.ts';
import { validateShapes } from '../validate/shape.ts';
import { arrange } from '../validate/tree.ts';
import { codeVersion } from '../io/code-version.ts';
import { stagingFloor } from './floor.ts';
import { probeFileSystem } from './probe.ts';
import { BENCH_TIME } from './rebuild.ts';
import { defaultThreads, writerSettings } from '../write/writers.ts';

const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    site: { type: 'boolean', default: true },
    rebuild: { type: 'boolean', default: true },
    keep: { type: 'boolean', default: false },
    threads: { type: 'string', default: String(defaultThreads()) },
    // The JavaScript heap of the build and the rebuild, in MiB: what a machine of that size would give it.
    heap: { type: 'string', default: '8192' },
  },
  allowNegative: true,
});

// The heap is fixed when a process starts, so a different one means starting again with it.
const heapFlag = `--max-old-space-size=${values.heap}`;
if (!process.execArgv.includes(heapFlag)) {
  const flags = process.execArgv.filter((flag) => !flag.startsWith('--max-old-space-size'));
  const again = spawnSync(process.execPath, [...flags, heapFlag, import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

const project = resolve(import.meta.dirname, '..', '..');
const count = Number(values.datasets);
const work = mkdtempSync(join(tmpdir(), `bench-${count}-`));
const sources = join(work, 'sources');
const out = join(work, 'build');
/** The first build's site; an incremental rebuild takes its unchanged pages over. */
const firstSite = join(work, 'site-1', 'dist');

interface Row {
  stage: string;
  wall: number;
  cpu: number;
  /** The part of `cpu` spent in the kernel: at this size, mostly creating files. */
  sys: number;
  peak: number;
  files: number;
  bytes: number;
}
const rows: Row[] = [];
const mib = (kb: number) => kb / 1024;

function record(stage: string, start: number, cpu: NodeJS.CpuUsage, written: { files: number; bytes: number }) {
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const peak = process.resourceUsage().maxRSS;
  rows.push({ stage, wall, cpu: (used.user + used.system) / 1000, sys: used.system / 1000, peak, ...written });
  // Printed as it goes, so a run that fails still shows how far it got.
  process.stderr.write(`  ${stage}: ${(wall / 1000).toFixed(1)} s, peak ${(peak / 1024).toFixed(0)} MiB\n`);
}

const none = () => ({ files: 0, bytes: 0 });

function measure<T>(stage: string, fn: () => T, output: (result: T) => { files: number; bytes: number } = none): T {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  record(stage, start, cpu, output(result));
  return result;
}

async function measureAsync<T>(stage: string, fn: () => Promise<T>, output: (result: T) => { files: number; bytes: number } = none): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  record(stage, start, cpu, output(result));
  return result;
}

/**
 * A Node script in a process of its own, run under GNU time for its wall and CPU time,
 * while the resident memory of its whole process tree is sampled: pagefind's indexer is a
 * program node starts and does not wait for, so neither time nor rusage sees it.
 */
async function timed(label: string, args: string[], env: Record<string, string> = {}, capture = false) {
  const timeFile = join(work, `${label}.time`);
  const start = performance.now();
  const proc = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, ...args], {
    cwd: project,
    env: { ...process.env, ...env },
    // Astro prints a line a page: kept only when asked for.
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'inherit'],
  });
  let stdout = '';
  proc.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let treePeakKb = 0;
  const started = new Map<number, { cpu: number; sys: number }>();
  const sampler = setInterval(() => {
    const sample = sampleTree(proc.pid!);
    treePeakKb = Math.max(treePeakKb, sample.rssKb);
    for (const [pid, seconds] of sample.cpu) started.set(pid, seconds);
  }, 200);
  const status = await new Promise<number | null>((done) => proc.on('close', done));
  clearInterval(sampler);
  const wall = performance.now() - start;
  if (status !== 0) throw new Error(`${label} failed`);
  const [, user, system, peakKb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
  // time's figure misses programs node started and did not wait for; the samples miss each
  // process's last moments. The larger of the two, not their sum: a program node did wait
  // for is in both.
  const sampled = [...started.values()].reduce((n, seconds) => ({ cpu: n.cpu + seconds.cpu, sys: n.sys + seconds.sys }), { cpu: 0, sys: 0 });
  return { wall, cpu: Math.max(user! + system!, sampled.cpu) * 1000, sys: Math.max(system!, sampled.sys) * 1000, peak: Math.max(peakKb!, treePeakKb), stdout: stdout.trim() };
}

/** Clock ticks a second, the unit of /proc/PID/stat's times. */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString()) || 100;

/** A process's system CPU seconds so far, from /proc (ps gives only the sum); 0 once it has gone. */
function systemSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command's name, in parentheses, may hold spaces: the fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[12]) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * Resident memory of a process and all its descendants, in KiB; and the CPU seconds, in all
 * and in the kernel, of each process below the root (the measured node process and the
 * programs it started).
 */
function sampleTree(root: number): { rssKb: number; cpu: Map<number, { cpu: number; sys: number }> } {
  const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,times=']).stdout.toString();
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const times = new Map<number, number>();
  for (const line of ps.trim().split('\n')) {
    const [pid, ppid, kb, seconds] = line.trim().split(/\s+/).map(Number) as [number, number, number, number];
    rss.set(pid, kb);
    times.set(pid, seconds);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let rssKb = 0;
  const cpu = new Map<number, { cpu: number; sys: number }>();
  for (const stack: [number, number][] = [[root, 0]]; stack.length > 0; ) {
    const [pid, depth] = stack.pop()!;
    rssKb += rss.get(pid) ?? 0;
    if (depth >= 1) cpu.set(pid, { cpu: times.get(pid) ?? 0, sys: systemSeconds(pid) });
    for (const child of children.get(pid) ?? []) stack.push([child, depth + 1]);
  }
  return { rssKb, cpu };
}

async function child(stage: string, args: string[], env: Record<string, string>, folder?: string) {
  const { wall, cpu, sys, peak } = await timed(stage, args, env);
  const size = folder ? folderSize(folder) : { files: 0, bytes: 0 };
  rows.push({ stage, wall, cpu, sys, peak, ...size });
}

/**
 * A site step's previous site, with the list of its files found unchanged since they were
 * recorded, as the command line gives them (io/file-identity.ts); the list beside the site.
 */
function previousSite(dist: string): Record<string, string> {
  const identities = readIdentities(dirname(dist));
  if (!identities) return { SITE_PREVIOUS: dist, SEARCH_PREVIOUS: dist };
  const list = writeUnchanged(identities, join(dirname(dist), `${UNCHANGED_FILE}.next`), undefined);
  return { SITE_PREVIOUS: dist, SEARCH_PREVIOUS: dist, SITE_PREVIOUS_UNCHANGED: list };
}

function folderSize(folder: string): { files: number; bytes: number } {
  const r = spawnSync('bash', ['-c', `find "${folder}" -type f | wc -l; du -sb "${folder}" | cut -f1`]);
  const [files, bytes] = r.stdout.toString().trim().split('\n').map(Number);
  return { files: files!, bytes: bytes! };
}

try {
  process.stdout.write(`generating ${count} datasets…\n`);
  const stats = emptyStats();
  const observationFiles: string[] = [];
  const genStart = performance.now();
  for (const [path, text] of corpusFiles({ datasets: count, seed: Number(values.seed) }, stats)) {
    if (path.endsWith('/observations.yaml')) observationFiles.push(path);
    const file = join(sources, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  process.stdout.write(`corpus: ${stats.files} files, ${(stats.bytes / 1048576).toFixed(1)} MiB in ${((performance.now() - genStart) / 1000).toFixed(1)} s (not counted below)\n`);
  const probed = (when: string) => `file system ${when}: ${probeFileSystem(work).msPerFile.toFixed(3)} ms to create a file\n`;
  process.stdout.write(`${probed('before')}\n`);

  // As the build reads them: each file hashed, for the datasets' keys.
  const { files, digests } = digestingSources(diskSources(sources));
  // As the command line builds: the valid files' data kept for the next build, which then parses only what changed.
  const version = await codeVersion(project);
  const record = readKeptFiles({}, undefined, keptFilesKey(version));
  const loaded = await measureAsync('load', () => loadSources(files, record));
  const shapes = measure('validate: shapes', () => validateShapes(loaded.files));
  keepValid(record, shapes.valid);
  const tree = arrange(shapes.valid);
  const broken = new Set([...loaded.problems, ...shapes.problems].map((p) => p.file));
  const problems = measure('validate: references', () => [...checkReferences(tree, broken), ...checkCatalog(tree, broken)]);
  const normalized = measure('normalize', () => normalize(tree));
  const allProblems = [...loaded.problems, ...shapes.problems, ...problems, ...normalized.problems];
  if (allProblems.length > 0) throw new Error(`the corpus has ${allProblems.length} problems, e.g. ${JSON.stringify(allProblems[0])}`);
  const model = normalized.model;
  const reconciliation = measure('reconcile', () => reconcile(model));
  const history = fixedHistory(BENCH_TIME);
  const urls = makeUrls(model.portal!.siteUrl ?? LOCAL_ORIGIN, '/');
  const staging = await stage(out);
  const threads = Number(values.threads);
  // As the command line builds: with each dataset's key, for the next build's manifest.
  const keptBytes = record.bytes();
  staging.put(KEPT_FILES_PATH, keptBytes);
  const keptSources = { bytes: keptBytes.length, sha256: sha256(keptBytes) };
  const settings = writerSettings(model, urls, version);
  const { publication, conservation } = await measureAsync(
    `derive and write: datasets, metadata, catalogues (checked, to disk; ${threads} threads)`,
    () => writeDatasets({ model, reconciliation, history, urls, sink: staging, settings, threads, reuse: { previous: undefined, version }, counts: { made: 0, reused: 0 }, digests, keptSources }),
    () => ({ ...staging.written }),
  );
  if (conservation.length > 0) throw new Error(`conservation: ${conservation[0]}`);
  if (publication.problems.length > 0) throw new Error(`self-check: ${publication.problems[0]}`);
  await measureAsync('write: site data and search vocabulary', () => writeSiteData({ model, reconciliation, datasets: publication.datasets, files: publication.files, urls, published: model.portal!.siteUrl !== undefined, buildTime: history.buildTime }, staging, threads > 0), (written) => written);
  await measureAsync('write: atomic swap', () => staging.commit());

  if (values.site) {
    // As the build runs the site: through its script, which records each page's reads for the next build.
    const env = { BUILD_DIR: out, SITE_OUT: firstSite };
    await child('site build (astro)', ['site/scripts/build-site.ts'], env, firstSite);
    await child('search index (pagefind)', ['site/scripts/index-search.ts'], env, join(firstSite, 'pagefind'));
    recordIdentities(dirname(firstSite));
  }
  // As the command line does once everything is published (the site links the data's files,
  // which changes their ctime): the next build checks these files by a stat.
  measure('record: identities of the data files', () => recordIdentities(out));

  const line = (r: Row) =>
    `${r.stage.padEnd(48)} ${(r.wall / 1000).toFixed(2).padStart(8)} ${(r.cpu / 1000).toFixed(2).padStart(8)} ${(r.sys / 1000).toFixed(2).padStart(8)} ${mib(r.peak).toFixed(0).padStart(8)} ${String(r.files).padStart(8)} ${(r.bytes / 1048576).toFixed(1).padStart(9)} ${(r.wall / count).toFixed(2).padStart(8)}`;
  process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, heap ${values.heap} MiB\n`);
  process.stdout.write(`${'stage'.padEnd(48)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'sys s'.padStart(8)} ${'peak MiB'.padStart(8)} ${'files'.padStart(8)} ${'MiB'.padStart(9)} ${'ms/ds'.padStart(8)}\n`);
  for (const r of rows) process.stdout.write(line(r) + '\n');
  const pipeline = rows.filter((r) => !r.stage.includes('(astro)') && !r.stage.includes('(pagefind)'));
  const total = (subset: Row[], stage: string): Row => ({
    stage,
    wall: subset.reduce((n, r) => n + r.wall, 0),
    cpu: subset.reduce((n, r) => n + r.cpu, 0),
    sys: subset.reduce((n, r) => n + r.sys, 0),
    peak: Math.max(...subset.map((r) => r.peak)),
    files: subset.reduce((n, r) => n + r.files, 0),
    bytes: subset.reduce((n, r) => n + r.bytes, 0),
  });
  process.stdout.write(line(total(pipeline, 'total: data pipeline')) + '\n');
  process.stdout.write(line(total(rows, 'total: everything')) + '\n');
  process.stdout.write(probed('after'));

  // After everything: one source file changes, and the pipeline builds again as the data part of `npm run build` does.
  if (values.rebuild) {
    const changed = observationFiles[Math.floor(observationFiles.length / 2)]!;
    const before = readFileSync(join(sources, changed), 'utf8');
    const after = changeOneFigure(before);
    if (after === undefined) throw new Error(`${changed}: no value to change`);
    writeFileSync(join(sources, changed), after);
    // A process of its own, as a real rebuild is: this one still holds the first build.
    const rebuilt = await timed('rebuild', [heapFlag, join(import.meta.dirname, 'rebuild.ts'), sources, out], {}, true);
    process.stdout.write(
      `\nincremental pipeline build after changing ${changed}: ${(rebuilt.wall / 1000).toFixed(2)} s wall, ${(rebuilt.cpu / 1000).toFixed(2)} s CPU (${(rebuilt.sys / 1000).toFixed(2)} s in the kernel), peak ${(rebuilt.peak / 1024).toFixed(0)} MiB; ${rebuilt.stdout}\n`,
    );
    const seconds = (r: { wall: number; cpu: number; sys?: number }) => `${(r.wall / 1000).toFixed(2)} s (${(r.cpu / 1000).toFixed(2)} s CPU${r.sys === undefined ? '' : `, ${(r.sys / 1000).toFixed(2)} s in the kernel`})`;
    if (!values.site) {
      // The data step of a commit that changes no source: what every commit costs.
      const same = await timed('rebuild: nothing changed', [heapFlag, join(import.meta.dirname, 'rebuild.ts'), sources, out], {}, true);
      process.stdout.write(`a commit that changes nothing, data step: ${seconds(same)}, peak ${(same.peak / 1024).toFixed(0)} MiB; ${same.stdout}\n`);
    }
    if (values.site) {
      // The rest of a one-report commit: first every page again, as a build without the
      // previous site does (for comparison only); then the pages as the build makes them,
      // those whose data did not change taken over from the first site; then the search
      // index, taking over the parts whose pages give the same as before.
      const everyPage = await timed('rebuild: site, every page', ['site/scripts/build-site.ts'], { BUILD_DIR: out, SITE_OUT: join(work, 'site-every-page', 'dist') }, true);
      rmSync(join(work, 'site-every-page'), { recursive: true, force: true });
      const next = { BUILD_DIR: out, SITE_OUT: join(work, 'site-2', 'dist') };
      const first = previousSite(firstSite);
      const pages = await timed('rebuild: site', ['site/scripts/build-site.ts'], { ...next, ...first }, true);
      const search = await timed('rebuild: search', ['site/scripts/index-search.ts'], { ...next, ...first }, true);
      // The rebuild recorded its data before this site linked it: recorded again, as the command line does after the whole build.
      recordIdentities(dirname(next.SITE_OUT));
      recordIdentities(out);
      const all = { wall: rebuilt.wall + pages.wall + search.wall, cpu: rebuilt.cpu + pages.cpu + search.cpu };
      process.stdout.write(
        `one-report commit end to end: ${seconds(all)} (data ${seconds(rebuilt)}, pages ${seconds(pages)}: ${pages.stdout.split('\n').at(-1) ?? ''}; search ${seconds(search)}: ${search.stdout.split('\n').at(-1) ?? ''}), ` +
          `peak ${(Math.max(rebuilt.peak, pages.peak, search.peak) / 1024).toFixed(0)} MiB\n` +
          `  the same pages rendered every one, as without the previous site: ${seconds(everyPage)}\n`,
      );
      // A commit that changes no source: what every commit costs whatever it changes, the
      // floor under the one-report commit (reading and checking every source, bundling the
      // site, checking the pages and index parts taken over).
      const same = await timed('rebuild: nothing changed', [heapFlag, join(import.meta.dirname, 'rebuild.ts'), sources, out], {}, true);
      const third = { BUILD_DIR: out, SITE_OUT: join(work, 'site-3', 'dist') };
      const second = previousSite(next.SITE_OUT);
      const samePages = await timed('rebuild: site, nothing changed', ['site/scripts/build-site.ts'], { ...third, ...second }, true);
      const sameSearch = await timed('rebuild: search, nothing changed', ['site/scripts/index-search.ts'], { ...third, ...second }, true);
      const floorAll = { wall: same.wall + samePages.wall + sameSearch.wall, cpu: same.cpu + samePages.cpu + sameSearch.cpu };
      process.stdout.write(
        `a commit that changes nothing, end to end: ${seconds(floorAll)} (data ${seconds(same)}: ${same.stdout}; pages ${seconds(samePages)}: ${samePages.stdout.split('\n').at(-1) ?? ''}; search ${seconds(sameSearch)}: ${sameSearch.stdout.split('\n').at(-1) ?? ''})\n`,
      );
    }
    const floor = stagingFloor(out);
    process.stdout.write(
      `the file system's part of any incremental build of this output: ${(floor.linked.seconds + floor.rewritten.seconds).toFixed(2)} s ` +
        `(${floor.linked.files} files taken over, linked: ${floor.linked.seconds.toFixed(2)} s; ` +
        `${floor.rewritten.files} portal-wide files, ${(floor.rewritten.bytes / 1048576).toFixed(1)} MiB, written again and the package's hashed: ${floor.rewritten.seconds.toFixed(2)} s)\n`,
    );
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`kept ${work}\n`);
}
