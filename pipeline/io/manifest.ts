/**
 * The previous build's manifest (write/reuse.ts), read from its data folder, and the check
 * that its files are still what it says: an incremental build takes over only files that are
 * the very files recorded after the previous build was published (a stat: io/file-identity.ts)
 * or, failing that, whose size and SHA-256 are the ones the manifest records. A manifest that
 * cannot be read means a clean build, said once; a file that differs means its dataset is
 * made again.
 */
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Notice } from '../errors/notice.ts';
import { MANIFEST_FORMAT, MANIFEST_PATH, type FileSum, type Manifest, type ManifestEntry, type Reuse } from '../write/reuse.ts';
import type { Identities } from './file-identity.ts';
import { NOFOLLOW } from './output.ts';

export type ManifestFs = Pick<typeof nodeFs, 'readFileSync'> & { promises: Pick<typeof nodeFs.promises, 'readFile'> };

const fileSum = z.object({ path: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const range = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const manifestShape = z.object({
  format: z.literal(MANIFEST_FORMAT),
  datasets: z.record(
    z.string(),
    z.object({
      key: z.string(),
      rows: z.number().int().nonnegative(),
      written: z.array(z.looseObject({ path: z.string(), bytes: z.number(), sha256: z.string() })),
      files: z.array(fileSum),
      catalogue: z.object({ turtle: range, jsonld: range }).optional(),
      owned: z.object({ figures: z.number().int().nonnegative(), digest: z.string().regex(/^[0-9a-f]{32}$/) }).optional(),
      kept: fileSum.omit({ path: true }).optional(),
      tables: z.array(z.object({ rows: z.number().int().nonnegative(), first: z.array(z.record(z.string(), z.union([z.string(), z.boolean(), z.null()]))) })).optional(),
    }),
  ),
  catalogue: z.array(fileSum),
  history: fileSum.omit({ path: true }).optional(),
  sources: fileSum.omit({ path: true }).optional(),
});

export interface ManifestRead {
  manifest: Manifest | undefined;
  /** Why a manifest that is there cannot be used: said once, and everything is made again. */
  notice?: string;
}

/** The manifest in the data folder `folder`; none when there is no previous build. */
export function readManifest(folder: string, fs: ManifestFs = nodeFs): ManifestRead {
  const path = join(folder, MANIFEST_PATH);
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { manifest: undefined };
    return { manifest: undefined, notice: `${MANIFEST_PATH} of the previous build cannot be read (${code ?? String(error)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { manifest: undefined, notice: `${MANIFEST_PATH} of the previous build is damaged (not JSON: ${text.length} characters, cut off or changed)` };
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format !== MANIFEST_FORMAT) {
    return { manifest: undefined, notice: `${MANIFEST_PATH} of the previous build is of another layout (written by another version of the build)` };
  }
  // The build's own file, whole as a rule: checked by hand, and by the schema only when that finds it amiss, for the schema's message.
  if (wellFormed(json)) return { manifest: json };
  const parsed = manifestShape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { manifest: undefined, notice: `${MANIFEST_PATH} of the previous build is damaged (${issue.path.join('.') || 'the whole file'}: ${issue.message})` };
  }
  return { manifest: parsed.data as Manifest };
}

type Json = Record<string, unknown>;

const isMap = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isHex = (value: unknown, length: number) => typeof value === 'string' && value.length === length && /^[0-9a-f]*$/.test(value);
/** A map with no fields but `fields`, and those of them that are there as `checks` say. */
const isMapOf = (value: unknown, checks: Record<string, (field: unknown) => boolean>, optional: ReadonlySet<string> = new Set()): value is Json => {
  if (!isMap(value)) return false;
  for (const key in value) if (!Object.hasOwn(checks, key)) return false;
  for (const [key, check] of Object.entries(checks)) {
    if (value[key] === undefined ? !optional.has(key) : !check(value[key])) return false;
  }
  return true;
};
const isListOf = (value: unknown, check: (item: unknown) => boolean) => Array.isArray(value) && value.every(check);

const isSum = (value: unknown, withPath = true) => isMapOf(value, { ...(withPath ? { path: (path: unknown) => typeof path === 'string' && path.length > 0 } : {}), bytes: isCount, sha256: (sha: unknown) => isHex(sha, 64) });
const isRange = (value: unknown) => Array.isArray(value) && value.length === 2 && value.every(isCount);
const isCell = (value: unknown) => value === null || typeof value === 'string' || typeof value === 'boolean';
const ENTRY = {
  key: (key: unknown) => typeof key === 'string',
  rows: isCount,
  written: (written: unknown) => isListOf(written, (file) => isMap(file) && typeof file.path === 'string' && typeof file.bytes === 'number' && Number.isFinite(file.bytes) && typeof file.sha256 === 'string'),
  files: (files: unknown) => isListOf(files, (file) => isSum(file)),
  catalogue: (pieces: unknown) => isMapOf(pieces, { turtle: isRange, jsonld: isRange }),
  owned: (owned: unknown) => isMapOf(owned, { figures: isCount, digest: (digest: unknown) => isHex(digest, 32) }),
  kept: (kept: unknown) => isSum(kept, false),
  tables: (tables: unknown) => isListOf(tables, (table) => isMapOf(table, { rows: isCount, first: (first: unknown) => isListOf(first, (row) => isMap(row) && Object.values(row).every(isCell)) })),
};
const ENTRY_OPTIONAL = new Set(['catalogue', 'owned', 'kept', 'tables']);

/**
 * Whether the manifest is as the build writes it: every field the schema above asks for, of
 * its type, and no other (the schema would drop those). At least as strict as the schema, so
 * what passes here passes it unchanged; what does not is left to the schema to judge and say.
 */
function wellFormed(json: unknown): json is Manifest {
  return isMapOf(
    json,
    {
      format: (format: unknown) => format === MANIFEST_FORMAT,
      datasets: (datasets: unknown) => isMap(datasets) && Object.values(datasets).every((entry) => isMapOf(entry, ENTRY, ENTRY_OPTIONAL)),
      catalogue: (catalogue: unknown) => isListOf(catalogue, (sum) => isSum(sum)),
      history: (history: unknown) => isSum(history, false),
      sources: (sources: unknown) => isSum(sources, false),
    },
    new Set(['history', 'sources']),
  );
}

/** Why a file of the previous output is not the one its manifest records, or undefined when it is: read back and hashed. */
export async function fileDiffers(folder: string, sum: FileSum, fs: ManifestFs = nodeFs): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    // A link in the file's place is not taken over: linked into the new output, it would be a link there.
    bytes = await fs.promises.readFile(join(folder, sum.path), { flag: NOFOLLOW });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'missing' : code === 'ELOOP' ? 'a link, not a file' : `cannot be read (${code ?? String(error)})`;
  }
  if (bytes.length !== sum.bytes) return `${bytes.length} bytes, ${sum.bytes} published`;
  if (createHash('sha256').update(bytes).digest('hex') !== sum.sha256) return 'changed since it was published';
  return undefined;
}

export interface ManifestCheck {
  /** The manifest without what its files no longer support: catalogue pieces of a changed catalogue. */
  manifest: Manifest;
  /** For write/reuse.ts: whether a dataset's files are as published. */
  intact: (name: string, entry: ManifestEntry) => Promise<boolean>;
  /** For write/reuse.ts: whether a file of the previous data folder is, by a stat, the one recorded after it was published. */
  untouched: (path: string, bytes: number) => boolean;
  /** Files of the previous output that differ from the manifest, with why: made again. */
  changed: string[];
  /** Files of the previous output checked so far: by a stat alone, and otherwise (read back and hashed). */
  checked: { stat: number; read: number };
}

/**
 * Checks the previous output in the data folder `folder` against its manifest: the
 * catalogues at once (their pieces are taken over by byte range), each dataset's files when
 * the build is about to take them over. A file the identities recorded after that output was
 * published vouch for (`identities`, paths under the data folder) is not read.
 */
export async function checkPrevious(folder: string, manifest: Manifest, fs: ManifestFs = nodeFs, identities?: Identities): Promise<ManifestCheck> {
  const changed: string[] = [];
  const checked = { stat: 0, read: 0 };
  const untouched = (path: string, bytes: number) => {
    const same = identities?.same(path, bytes) ?? false;
    checked[same ? 'stat' : 'read']++;
    return same;
  };
  const differs = async (sum: FileSum) => (untouched(sum.path, sum.bytes) ? undefined : fileDiffers(folder, sum, fs));
  let vouched = manifest;
  for (const sum of manifest.catalogue) {
    const why = await differs(sum);
    if (why === undefined) continue;
    changed.push(`${sum.path}: ${why}`);
    const datasets = Object.fromEntries(Object.entries(manifest.datasets).map(([name, { catalogue: _pieces, ...entry }]) => [name, entry]));
    vouched = { ...manifest, datasets };
  }
  const intact = async (name: string, entry: ManifestEntry) => {
    const whys = await Promise.all(entry.files.map(async (sum) => [sum.path, await differs({ ...sum, path: `public/datasets/${name}/${sum.path}` })] as const));
    const differing = whys.filter(([, why]) => why !== undefined);
    for (const [path, why] of differing) changed.push(`public/datasets/${name}/${path}: ${why}`);
    return differing.length === 0;
  };
  return { manifest: vouched, intact, untouched, changed, checked };
}

export interface PreviousReuse {
  /** What the build may take over. */
  reuse: Reuse;
  /** Why the manifest there cannot be used, as a notice (everything is made again). */
  notice?: Notice;
  /** The check of the previous output (none without a usable manifest): the files that differ are in its `changed`. */
  check?: ManifestCheck;
}

/**
 * What a build may take over from the previous output's data folder `folder` (none: a clean
 * build), its manifest checked against its files; with `identities`, those recorded after it
 * was published (paths under the data folder), which vouch for its files only when they
 * vouch for the manifest itself. The command line and the benchmark's rebuild both use it.
 */
export async function previousReuse(folder: string | undefined, version: string, identities: Identities | undefined, fs: ManifestFs = nodeFs): Promise<PreviousReuse> {
  const none = { reuse: { previous: undefined, version } };
  if (folder === undefined) return none;
  const read = readManifest(folder, fs);
  const notice: Notice | undefined = read.notice === undefined ? undefined : { code: 'N_MANIFEST_UNUSABLE', message: `${read.notice}; every dataset is made again, as with --clean` };
  if (!read.manifest) return notice ? { ...none, notice } : none;
  const vouching = identities?.same(MANIFEST_PATH) ? identities : undefined;
  const check = await checkPrevious(folder, read.manifest, fs, vouching);
  return { reuse: { previous: check.manifest, version, intact: check.intact, untouched: check.untouched }, check };
}
