import { isAbsolute, relative, resolve } from 'node:path';

/** A path as the officer reads it in a message: from the current folder when it is below it, else whole. */
export function shownPath(path: string): string {
  const from = relative(process.cwd(), resolve(path));
  if (from === '') return '.';
  return from.startsWith('..') || isAbsolute(from) ? resolve(path) : from;
}
