import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, NOTE_CODES, NOTICE_CODES } from './codes.ts';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'errors.md'), 'utf8');
const documented = new Set([...doc.matchAll(/^\| `([EQN]_[A-Z_]+)` \|/gm)].map((match) => match[1]));

describe('docs/errors.md', () => {
  it('documents every code the pipeline can report', () => {
    const missing = [...Object.keys(ERROR_CODES), ...Object.keys(NOTE_CODES), ...Object.keys(NOTICE_CODES)].filter((code) => !documented.has(code));
    expect(missing).toEqual([]);
  });
  it('documents no code the pipeline does not have', () => {
    const known = new Set([...Object.keys(ERROR_CODES), ...Object.keys(NOTE_CODES), ...Object.keys(NOTICE_CODES)]);
    expect([...documented].filter((code) => !known.has(code!))).toEqual([]);
  });
});
