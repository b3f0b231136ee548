/**
 * The schemas are made when files are checked, not when the module loads: once per task
 * (one synchronous check of a tree), however many files of a name it reads.
 */
import { describe, expect, it } from 'vitest';
import { FILE_SCHEMAS } from './schema.ts';

describe('the schema of a file name', () => {
  it('is made once in a task, for each name, and made again in the next task', async () => {
    const programme = FILE_SCHEMAS['programme.yaml'];
    expect(FILE_SCHEMAS['programme.yaml']).toBe(programme);
    const document = FILE_SCHEMAS['document.yaml'];
    expect(document).not.toBe(programme);
    expect(FILE_SCHEMAS['document.yaml']).toBe(document);
    await Promise.resolve();
    expect(FILE_SCHEMAS['programme.yaml']).not.toBe(programme);
  });
});
