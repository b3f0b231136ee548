/**
 * The command line. The only place that touches the real file system, the terminal and
 * the exit code; everything it calls gets its inputs passed in.
 *
 *   node pipeline/cli.ts validate [--sources DIR]
 *   node pipeline/cli.ts build    [--sources DIR] [--out DIR] [--clean]
 *   node pipeline/cli.ts schemas  [--check]
 *   node pipeline/cli.ts quotes   [--texts DIR] [--sources DIR]
 *
 * Every command takes --debug: a fault of the build is then printed with its stack trace.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSources, type Checked } from './check.ts';
import { formatDatasets, formatFaults, formatNotices, formatProblems, formatSkipped, formatSummary } from './cli/format.ts';
import { faultProblem } from './cli/faults.ts';
import { runBuild, sourcesProblem } from './cli/run-build.ts';
import { siteSteps, stepLimits, stepMinutes } from './cli/site-steps.ts';
import { diskSources } from './io/files.ts';
import { shownPath } from './io/shown.ts';
import { verifyQuotes } from './quotes/verify.ts';
import { generateSourceSchemas } from './sources/json-schema.ts';
import { gitHistory } from './io/history.ts';
import { codeVersion } from './io/code-version.ts';
import type { Problem } from './errors/problem.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const USAGE = 'usage: node pipeline/cli.ts validate|build|schemas|quotes [--sources DIR] [--out DIR] [--clean] [--texts DIR] [--check] [--debug]\n';

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      sources: { type: 'string', default: join(projectRoot, 'datasets') },
      out: { type: 'string', default: join(projectRoot, 'build') },
      texts: { type: 'string', default: join(projectRoot, '..', 'shared', 'seeds') },
      check: { type: 'boolean', default: false },
      clean: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { positionals, values } = parsed;

const progress = (message: string) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${message}`);
};
const done = () => {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
};

/** The sources checked, or exit 1 with the problems (a missing folder among them). */
async function checked(root: string): Promise<Checked | undefined> {
  const missing = sourcesProblem(values.sources);
  if (missing) {
    fault(missing);
    return undefined;
  }
  const result = await checkSources(diskSources(values.sources));
  done();
  if (!result.ok) process.stderr.write(formatProblems(result.problems, root) + '\n');
  return result;
}

function fault(problem: Problem) {
  done();
  process.stderr.write(formatFaults([problem]) + '\n');
}

async function validate(): Promise<number> {
  const root = relative(process.cwd(), values.sources) || '.';
  progress(`checking ${root}/ …`);
  const result = await checked(root);
  if (!result?.ok) return 1;
  process.stdout.write(formatSummary(result.model, result.reconciliation) + '\n');
  process.stdout.write(formatSkipped(result.skipped));
  return 0;
}

async function build(): Promise<number> {
  const root = relative(process.cwd(), values.sources) || '.';
  const out = shownPath(values.out);
  const minutes = stepMinutes(process.env.SITE_STEP_MINUTES);
  if (minutes === undefined) {
    process.stderr.write(`SITE_STEP_MINUTES=${JSON.stringify(process.env.SITE_STEP_MINUTES)} is not a number of minutes above 0: the time each step of the site may run (60 by default).\n`);
    return 2;
  }
  progress(`building from ${root}/ …`);
  const steps = siteSteps(projectRoot, stepLimits(minutes));
  const result = await runBuild(
    { sources: values.sources, out: values.out, project: projectRoot, clean: values.clean, siteUrl: process.env.SITE_URL || undefined, basePath: process.env.BASE_PATH || undefined, debug: values.debug },
    {
      history: (sources) => gitHistory(sources),
      version: await codeVersion(projectRoot),
      steps,
      progress: (stage) => progress(`${stage} …`),
      stopper: stopOnSignals,
    },
  );
  done();
  if (result.notices.length > 0) process.stderr.write(formatNotices(result.notices) + '\n');
  if (!result.ok) {
    process.stderr.write((result.sources ? formatProblems(result.problems, root) : formatFaults(result.problems)) + '\n');
    if (values.debug && result.cause !== undefined) process.stderr.write(`${(result.cause as Error).stack ?? String(result.cause)}\n`);
    return 1;
  }
  const { built } = result;
  process.stdout.write(formatSummary(built.model, built.reconciliation) + '\n\n');
  if (built.skipped.length > 0) process.stdout.write(formatSkipped(built.skipped) + '\n');
  process.stdout.write(formatDatasets(built.summary) + '\n');
  if (built.counts.reused > 0) process.stdout.write(`\n${built.counts.reused} datasets unchanged since the last build, taken over; ${built.counts.made} made\n`);
  const parts = built.counts.parts;
  if (parts && parts.reused > 0) process.stdout.write(`${parts.reused} parts of the portal-wide package (one per publisher) unchanged, taken over; ${parts.made} made\n`);
  const sources = built.counts.sources;
  if (sources && sources.found > 0) process.stdout.write(`${sources.found} source files unchanged since the last build's check, not parsed again; ${sources.checked} parsed and checked\n`);
  const history = built.counts.history;
  if (history && history.compared + history.taken > 0) {
    const commits = (n: number) => `${n} commit${n === 1 ? '' : 's'}`;
    process.stdout.write(`change history: ${commits(history.compared)} compared now (${history.derived} datasets derived, the sources of ${commits(history.checked)} checked), ${commits(history.taken)} taken over from the last build\n`);
  }
  process.stdout.write(`\nwrote ${built.written.files} data files, ${(built.written.bytes / 1048576).toFixed(1)} MiB; ${result.search}\n`);
  process.stdout.write(`published to ${out}/: the data in ${join(out, 'data')}/, the site in ${join(out, 'dist')}/\n`);
  if (!built.published) {
    process.stdout.write(
      'no published address (SITE_URL, or site_url in portal.yaml): a local build. Its pages link within the site and say so; its catalogue files name http://localhost. Set SITE_URL to publish.\n',
    );
  }
  return 0;
}

/** On Ctrl-C or a termination signal, the build stops at once: its new output goes, the lock is let go. */
function stopOnSignals(stop: () => Promise<void>) {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      done();
      process.stderr.write(`\nstopped (${signal}): nothing was published, and the previous output is as it was\n`);
      stop().finally(() => process.exit(code));
    });
  }
}

async function schemas(): Promise<number> {
  const folder = join(projectRoot, 'schemas', 'sources');
  const generated = generateSourceSchemas();
  if (values.check) {
    const stale: string[] = [];
    for (const [name, text] of generated) {
      const path = join(folder, name);
      if (!existsSync(path) || (await readFile(path, 'utf8')) !== text) stale.push(name);
    }
    if (stale.length > 0) {
      process.stderr.write(`stale: ${stale.join(', ')}; run npm run schemas\n`);
      return 1;
    }
    process.stdout.write(`${generated.size} schemas up to date\n`);
    return 0;
  }
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(folder, { recursive: true });
  for (const [name, text] of generated) await writeFile(join(folder, name), text);
  process.stdout.write(`wrote ${generated.size} schemas to schemas/sources/\n`);
  return 0;
}

async function quotes(): Promise<number> {
  const result = await checked(relative(process.cwd(), values.sources) || '.');
  if (!result?.ok) return 1;
  if (!existsSync(values.texts)) {
    process.stdout.write(`no document texts at ${values.texts}; quote check skipped\n`);
    return 0;
  }
  const texts = new Map<string, string>();
  for (const name of await readdir(values.texts)) texts.set(name, await readFile(join(values.texts, name), 'utf8'));
  const results = verifyQuotes(result.model, texts);
  let missing = 0;
  let checkedCount = 0;
  for (const result of results) {
    checkedCount += result.checked;
    missing += result.missing.length;
    const status = result.skipped ? 'no text, skipped' : `${result.checked - result.missing.length}/${result.checked} quotes found`;
    process.stdout.write(`${result.document}: ${status}\n`);
    for (const miss of result.missing) process.stdout.write(`  not found: ${JSON.stringify(miss.quote)}\n    at ${miss.origin}${miss.reason ? `\n    ${miss.reason}` : ''}\n`);
  }
  process.stdout.write(`\n${checkedCount - missing} of ${checkedCount} quotes occur verbatim in their documents\n`);
  return missing > 0 ? 1 : 0;
}

const commands: Record<string, () => Promise<number>> = { validate, build, schemas, quotes };
const command = commands[positionals[0] ?? ''];
if (!command) {
  process.stderr.write(USAGE);
  process.exit(2);
}
try {
  process.exitCode = await command();
} catch (error) {
  // Whatever a command did not turn into a problem of its own: still a problem, with a code.
  fault(faultProblem(error, `running ${positionals[0]}`));
  if (values.debug) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
