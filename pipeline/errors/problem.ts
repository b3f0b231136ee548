import type { ErrorCode } from './codes.ts';

/** One problem in the sources: data, not an exception. Only the CLI formats it. */
export interface Problem {
  code: ErrorCode;
  /** Path relative to the sources folder, with forward slashes. */
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  /** The field, e.g. `annexes[1].directions[0].planned.2020`. */
  path?: string | undefined;
  message: string;
  hint: string;
}

/** Formats a field path the way an author reads it in YAML. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out === '' ? '' : '.') + String(key);
  }
  return out;
}

/** Stable order: by file, then position, then code, so reports read top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
