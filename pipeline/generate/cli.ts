/**
 * Writes a synthetic corpus (see corpus.ts) into a folder, for benchmarking the build.
 *
 *   node pipeline/generate/cli.ts --datasets N --out DIR [--seed S] [--force]
 *   npm run gen -- --datasets 1000 --out /tmp/corpus
 *
 * Refuses a folder that exists and is not empty; --force empties it first (never the
 * file-system root, the home folder, or the project or a folder holding it).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusFiles, emptyStats } from './corpus.ts';

const USAGE = 'usage: node pipeline/generate/cli.ts --datasets N --out DIR [--seed S] [--force]\n';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      datasets: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.datasets === undefined || values.out === undefined) fail('--datasets and --out are required');
const datasets = Number(values.datasets);
const seed = Number(values.seed);
if (!Number.isInteger(datasets) || datasets < 1) fail(`--datasets must be a whole number ≥ 1, got ${values.datasets}`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got ${values.seed}`);
const out = resolve(values.out);

if (existsSync(out)) {
  if (!statSync(out).isDirectory()) fail(`${out} exists and is not a folder`);
  const entries = readdirSync(out);
  if (entries.length > 0) {
    if (!values.force) fail(`${out} exists and is not empty; pass --force to empty it first`);
    const project = resolve(import.meta.dirname, '..', '..');
    const holds = (folder: string, inside: string) => inside === folder || inside.startsWith(folder.endsWith(sep) ? folder : folder + sep);
    if (out === resolve('/') || out === homedir() || holds(out, project) || holds(out, process.cwd())) {
      fail(`refusing to empty ${out}: it is the root, the home folder, or holds the project or the current folder`);
    }
    for (const entry of entries) rmSync(join(out, entry), { recursive: true, force: true });
  }
}

const started = performance.now();
const stats = emptyStats();
const made = new Set<string>();
mkdirSync(out, { recursive: true });
for (const [path, text] of corpusFiles({ datasets, seed }, stats)) {
  const folder = dirname(path);
  if (folder !== '.' && !made.has(folder)) {
    mkdirSync(join(out, folder), { recursive: true });
    made.add(folder);
  }
  writeFileSync(join(out, path), text);
}
const seconds = (performance.now() - started) / 1000;

const number = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');
const rows: [string, string][] = [
  ['datasets', `${number(stats.datasets)} (${number(stats.programmeDatasets)} programmes, ${number(stats.indicatorDatasets)} indicators)`],
  ['publishers', number(stats.publishers)],
  ['documents', number(stats.documents)],
  ['programmes', number(stats.programmes)],
  ['executions', number(stats.executions)],
  ['observations', number(stats.observations)],
  ['stated totals', number(stats.statedTotals)],
  ['files', number(stats.files)],
  ['bytes', `${number(stats.bytes)} (${(stats.bytes / 1048576).toFixed(1)} MiB)`],
  ['seconds', seconds.toFixed(2)],
];
const shown = relative(process.cwd(), out);
process.stdout.write(`wrote a synthetic corpus to ${shown === '' ? '.' : shown.startsWith('..') ? out : shown}/ (seed ${seed})\n`);
for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(14)}${value}\n`);
