/**
 * The benchmark's incremental step, in a process of its own as a real rebuild would be:
 * builds SOURCES into OUT with the benchmark's fixed history and base path, taking over
 * every dataset the manifest in OUT shows unchanged, its files checked as the command line
 * checks them (io/manifest.ts, by the identities recorded after the last build, else read
 * back), then records the new output's identities as the command line does once it has
 * published. Prints one line of figures.
 *
 *   node pipeline/bench/rebuild.ts SOURCES OUT
 */
import { resolve } from 'node:path';
import { buildPortal } from '../build.ts';
import { codeVersion } from '../io/code-version.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';
import { readIdentities, recordIdentities } from '../io/file-identity.ts';
import { previousReuse } from '../io/manifest.ts';
import { stage } from '../io/output.ts';

/** The benchmark builds as of this time and at the site root, so that runs compare. */
export const BENCH_TIME = '2024-01-01T00:00:00Z';

if (import.meta.main) {
  const [sources, out] = process.argv.slice(2) as [string, string];
  const start = performance.now();
  const version = await codeVersion(resolve(import.meta.dirname, '..', '..'));
  const { reuse, notice, check } = await previousReuse(out, version, readIdentities(out));
  if (!reuse.previous) throw new Error(`${out}: ${notice?.message ?? 'no manifest'}: build it first`);
  const staging = await stage(out);
  const built = await buildPortal({ files: diskSources(sources), history: fixedHistory(BENCH_TIME), sink: staging, basePath: '/', reuse });
  if (!built.ok) {
    await staging.abort();
    throw new Error(`incremental build: ${JSON.stringify(built.problems[0])}`);
  }
  await staging.commit();
  const recording = performance.now();
  const recorded = recordIdentities(out);
  const record = (performance.now() - recording) / 1000;
  const wall = (performance.now() - start) / 1000;
  const { stat, read } = check!.checked;
  process.stdout.write(
    `${wall.toFixed(2)} s: ${built.counts.made} datasets made, ${built.counts.reused} taken over (${built.counts.derived ?? 0} derived); portal-wide parts: ${built.counts.parts?.made ?? 0} made, ${built.counts.parts?.reused ?? 0} taken over (${built.counts.parts?.derived ?? 0} derived); ${staging.written.files} files, ${(staging.written.bytes / 1048576).toFixed(1)} MiB written or linked; ` +
      `source files: ${built.counts.sources?.checked ?? 0} parsed and checked, ${built.counts.sources?.found ?? 0} as the last build found them; ` +
      `files taken over checked by a stat ${stat}, read back ${read}${check!.changed.length > 0 ? ` (${check!.changed.length} differed)` : ''}; ${recorded.files} files recorded in ${record.toFixed(2)} s\n`,
  );
}
