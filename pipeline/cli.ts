/**
 * The command line. The only place that touches the real file system, the terminal and
 * the exit code; everything it calls gets its inputs passed in.
 *
 *   node pipeline/cli.ts validate [--sources DIR]
 *   node pipeline/cli.ts build    [--sources DIR] [--out DIR] [--clean]
 *   node pipeline/cli.ts schemas  [--check]
 *   node pipeline/cli.ts quotes   [--texts DIR] [--sources DIR]
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSources } from './check.ts';
import { formatDatasets, formatProblems, formatSkipped, formatSummary } from './cli/format.ts';
import { diskSources } from './io/files.ts';
import { stage } from './io/output.ts';
import { verifyQuotes } from './quotes/verify.ts';
import { generateSourceSchemas } from './sources/json-schema.ts';
import { buildPortal } from './build.ts';
import { gitHistory } from './io/history.ts';
import { codeVersion } from './io/code-version.ts';
import { checkPrevious, readManifest } from './io/manifest.ts';

const projectRoot = resolve(import.meta.dirname, '..');

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    sources: { type: 'string', default: join(projectRoot, 'datasets') },
    out: { type: 'string', default: join(projectRoot, 'build') },
    texts: { type: 'string', default: join(projectRoot, '..', 'shared', 'seeds') },
    check: { type: 'boolean', default: false },
    clean: { type: 'boolean', default: false },
  },
});

const progress = (message: string) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${message}`);
};
const done = () => {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
};

async function validate(): Promise<number> {
  const root = relative(process.cwd(), values.sources) || '.';
  progress(`checking ${root}/ …`);
  const checked = await checkSources(diskSources(values.sources));
  done();
  if (!checked.ok) {
    process.stderr.write(formatProblems(checked.problems, root) + '\n');
    return 1;
  }
  process.stdout.write(formatSummary(checked.model, checked.reconciliation) + '\n');
  process.stdout.write(formatSkipped(checked.skipped));
  return 0;
}

async function build(): Promise<number> {
  const root = relative(process.cwd(), values.sources) || '.';
  progress(`building from ${root}/ …`);
  // Without --clean, datasets whose inputs and code are unchanged are taken over from the last build.
  const read = values.clean ? undefined : readManifest(values.out);
  if (read?.notice) process.stderr.write(`notice  N_MANIFEST_UNUSABLE  ${read.notice}; every dataset is made again, as with --clean\n`);
  const check = read?.manifest && (await checkPrevious(values.out, read.manifest));
  const previous = check?.manifest;
  const reuse = { previous, version: await codeVersion(projectRoot), intact: check?.intact };
  const staging = await stage(values.out);
  let built: Awaited<ReturnType<typeof buildPortal>>;
  try {
    built = await buildPortal({
      reuse,
      files: diskSources(values.sources),
      history: await gitHistory(values.sources),
      siteUrl: process.env.SITE_URL || undefined,
      basePath: process.env.BASE_PATH || undefined,
      sink: staging,
    });
  } catch (error) {
    await staging.abort();
    throw error;
  }
  done();
  if (!built.ok) {
    await staging.abort();
    process.stderr.write(formatProblems(built.problems, root) + '\n');
    return 1;
  }
  await staging.commit();
  process.stdout.write(formatSummary(built.model, built.reconciliation) + '\n\n');
  if (built.skipped.length > 0) process.stdout.write(formatSkipped(built.skipped) + '\n');
  process.stdout.write(formatDatasets(built.summary) + '\n');
  if (previous) process.stdout.write(`\n${built.counts.reused} datasets unchanged since the last build, taken over; ${built.counts.made} made\n`);
  process.stdout.write(`\nwrote ${built.written.files} files, ${(built.written.bytes / 1048576).toFixed(1)} MiB, to ${relative(process.cwd(), values.out) || '.'}/\n`);
  if (!built.published) {
    process.stdout.write(
      'no published address (SITE_URL, or site_url in portal.yaml): a local build. Its pages link within the site and say so; its catalogue files name http://localhost. Set SITE_URL to publish.\n',
    );
  }
  return 0;
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
  const checked = await checkSources(diskSources(values.sources));
  if (!checked.ok) {
    process.stderr.write(formatProblems(checked.problems, relative(process.cwd(), values.sources)) + '\n');
    return 1;
  }
  if (!existsSync(values.texts)) {
    process.stdout.write(`no document texts at ${values.texts}; quote check skipped\n`);
    return 0;
  }
  const texts = new Map<string, string>();
  for (const name of await readdir(values.texts)) texts.set(name, await readFile(join(values.texts, name), 'utf8'));
  const results = verifyQuotes(checked.model, texts);
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
  process.stderr.write('usage: node pipeline/cli.ts validate|build|schemas|quotes [options]\n');
  process.exit(2);
}
process.exitCode = await command();
