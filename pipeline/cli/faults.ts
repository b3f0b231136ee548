/**
 * What stops a build other than its sources (a full disk, permissions, a step that fails)
 * as problems with a code and a hint, like those of the sources: the officer reads what to
 * do, never a stack trace (`--debug` prints it as well).
 */
import type { Problem } from '../errors/problem.ts';
import { shownPath } from '../io/shown.ts';
import { WorkerStopped } from '../write/worker-watch.ts';

const PUBLISHED_NOTHING = 'nothing was published, and the previous output is as it was';

/**
 * The operating system's error codes a build meets, by what the officer can do about them,
 * with the words the system prints for them (a step in another language than JavaScript,
 * such as Astro's bundler, says those rather than the code).
 */
const SYSTEM: Record<string, { code: Problem['code']; what: string; hint: string; words: string }> = {
  ENOSPC: { code: 'E_DISK_FULL', what: 'no space is left on the disk', hint: 'Free space on the disk of the output folder (a build needs room for its new output beside the previous one), then build again.', words: 'No space left on device' },
  EDQUOT: { code: 'E_DISK_FULL', what: 'the disk quota is used up', hint: 'Free space within the quota, or ask for a larger one, then build again.', words: 'Disk quota exceeded' },
  EACCES: { code: 'E_PERMISSION', what: 'permission is denied', hint: 'Give the user who builds read access to the sources and write access to the output folder, or choose another --out.', words: 'Permission denied' },
  EPERM: { code: 'E_PERMISSION', what: 'the operation is not permitted', hint: 'Give the user who builds read access to the sources and write access to the output folder, or choose another --out.', words: 'Operation not permitted' },
  EROFS: { code: 'E_PERMISSION', what: 'the disk is read-only', hint: 'Choose an output folder on a disk that can be written.', words: 'Read-only file system' },
  EIO: { code: 'E_READ_BACK', what: 'the disk reported an input/output error', hint: 'Check the disk, then build again.', words: 'Input/output error' },
};

/** A folder the file system will not make where its parent is (a virtual file system, a path through a file). */
const CANNOT_MAKE = { code: 'E_PERMISSION', what: 'a folder cannot be made there', hint: 'Choose an output folder on a disk where folders can be made.' } as const;

interface SystemError {
  code?: string;
  syscall?: string;
  path?: string;
  message?: string;
}


/** The problem an error that stopped the build stands for. */
export function faultProblem(error: unknown, stage: string): Problem {
  const system = (error ?? {}) as SystemError;
  // Errors from worker threads and from wrapping keep the system error as their cause.
  const cause = (error as { cause?: SystemError } | undefined)?.cause;
  const kindOf = (one: SystemError | undefined) => (one?.syscall === 'mkdir' && (one.code === 'ENOENT' || one.code === 'ENOTDIR') ? CANNOT_MAKE : SYSTEM[one?.code ?? '']);
  const known = kindOf(system) ? system : kindOf(cause) ? cause : undefined;
  if (known) {
    const kind = kindOf(known)!;
    const file = known.path ? shownPath(known.path) : stage;
    return { code: kind.code, file, message: `While ${stage}, ${kind.what}${known.syscall ? ` (${known.syscall} ${known.code})` : ''}; ${PUBLISHED_NOTHING}.`, hint: kind.hint };
  }
  const stopped = workerProblem(error, stage);
  if (stopped) return stopped;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return {
    code: 'E_BUILD_FAULT',
    file: stage,
    message: `While ${stage}: ${message}; ${PUBLISHED_NOTHING}.`,
    hint: 'A fault of the build, not of the sources: run it again with --debug and report what it prints.',
  };
}

/** A worker thread of the build that ran out of memory or ended before it answered, as a problem. */
function workerProblem(error: unknown, stage: string): Problem | undefined {
  const outOfMemory = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  if (!outOfMemory && !(error instanceof WorkerStopped)) return undefined;
  const what = error instanceof WorkerStopped ? error.message : 'a thread of the build ran out of memory';
  return {
    code: 'E_WORKER_STOPPED',
    file: stage,
    message: `While ${stage}, ${what}; ${PUBLISHED_NOTHING}.`,
    hint: 'Build again with more memory free on the machine (close other work); if it stops again, run with --debug and report what it prints.',
  };
}

/** A step of the site that failed: what it said (without stack lines unless debugging), as a problem. */
export function stepProblem(step: 'the site' | 'the search index', output: string, debug: boolean): Problem {
  const system = Object.keys(SYSTEM).find((code) => new RegExp(`\\b${code}\\b`).test(output) || output.includes(SYSTEM[code]!.words));
  const said = debug ? output : withoutStack(output);
  if (system) {
    // What the step said beyond that is of use only to whoever debugs it.
    const kind = SYSTEM[system]!;
    return { code: kind.code, file: step, message: `While building ${step}, ${kind.what}; ${PUBLISHED_NOTHING}.${debug ? `\n${indent(said)}` : ''}`, hint: kind.hint };
  }
  return {
    code: 'E_SITE_BUILD',
    file: step,
    message: `Building ${step} failed; ${PUBLISHED_NOTHING}. It said:\n${indent(said) || '  (nothing)'}`,
    hint: 'The data was built and checked, so this is a fault of the site: report it with this message (run with --debug for the stack).',
  };
}

/** A site step stopped after running past its time limit (`limit` milliseconds): what it said last, as a problem. */
export function timeoutProblem(step: 'the site' | 'the search index', limit: number, output: string): Problem {
  const said = indent(withoutStack(output).split('\n').slice(-5).join('\n'));
  return {
    code: 'E_STEP_TIMEOUT',
    file: step,
    message: `Building ${step} ran past its limit of ${duration(limit)} and was stopped; ${PUBLISHED_NOTHING}.${said ? ` It said last:\n${said}` : ''}`,
    hint: 'A step that hangs, or a machine too busy for the limit: build again when the machine is less busy, or set a longer limit in SITE_STEP_MINUTES (60 by default); if it hangs again, run with --debug and report it.',
  };
}

/** A limit in minutes, or in seconds below one minute. */
function duration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes >= 1) return `${Number(minutes.toFixed(1))} min`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Lines of a stack trace, in JavaScript's and in native code's form, and what Node prints around them. */
const STACK_LINES = [/^\s+at\s/, /^\s*(Stack trace|Stack backtrace):\s*$/, /^\s+\d+: /, /^\s*Node\.js v\d/, /^node:internal\//, /^\s*triggerUncaughtException\(/, /^\s*\^+\s*$/];

/** A step's output without the lines of stack traces, and at most its last 30 lines. */
export function withoutStack(output: string): string {
  const lines = output.split('\n').filter((line) => !STACK_LINES.some((pattern) => pattern.test(line)));
  return lines.slice(-30).join('\n').trim();
}

const indent = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `    ${line}`)
    .join('\n');
