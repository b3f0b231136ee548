/** What the officer reads when the machine, not the sources, stops a build: a code, what happened, what to do; never a stack. */
import { describe, expect, it } from 'vitest';
import { faultProblem, stepProblem, timeoutProblem, withoutStack } from './faults.ts';

const systemError = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: something, ${syscall} '${path}'`), { code, syscall, path });
const STACK = /^\s+at\s/m;

describe('a fault of the machine', () => {
  it('is a coded problem naming the file, the system call and what to do', () => {
    expect(faultProblem(systemError('EACCES', 'open', '/srv/sources/city/report.yaml'), 'building the data')).toEqual({
      code: 'E_PERMISSION',
      file: '/srv/sources/city/report.yaml',
      message: 'While building the data, permission is denied (open EACCES); nothing was published, and the previous output is as it was.',
      hint: 'Give the user who builds read access to the sources and write access to the output folder, or choose another --out.',
    });
    expect(faultProblem(systemError('ENOSPC', 'write', '/srv/out/x.csv'), 'building the data')).toMatchObject({ code: 'E_DISK_FULL', message: expect.stringContaining('no space is left on the disk (write ENOSPC)') });
    expect(faultProblem(systemError('EDQUOT', 'write', '/srv/out/x.csv'), 'publishing')).toMatchObject({ code: 'E_DISK_FULL', message: expect.stringContaining('While publishing, the disk quota is used up') });
    expect(faultProblem(systemError('EROFS', 'mkdir', '/srv/out'), 'opening the output folder')).toMatchObject({ code: 'E_PERMISSION', hint: 'Choose an output folder on a disk that can be written.' });
    expect(faultProblem(systemError('EIO', 'read', '/srv/out/x.csv'), 'reading the new output back')).toMatchObject({ code: 'E_READ_BACK', hint: 'Check the disk, then build again.' });
  });

  it('says a folder cannot be made where the file system makes none (a mkdir answered ENOENT)', () => {
    expect(faultProblem(systemError('ENOENT', 'mkdir', '/proc/out'), 'opening the output folder')).toMatchObject({
      code: 'E_PERMISSION',
      file: '/proc/out',
      message: expect.stringContaining('a folder cannot be made there (mkdir ENOENT)'),
    });
  });

  it('finds the system error behind one from a worker thread', () => {
    const wrapped = Object.assign(new Error('writing dataset x failed'), { cause: systemError('ENOSPC', 'write', '/srv/out/x.csv') });
    expect(faultProblem(wrapped, 'building the data')).toMatchObject({ code: 'E_DISK_FULL', file: '/srv/out/x.csv' });
  });

  it('calls anything else a fault of the build, by the first line of its message only', () => {
    const problem = faultProblem(new TypeError('Cannot read properties of undefined\n    at write (publish.ts:1:1)'), 'building the data');
    expect(problem).toMatchObject({ code: 'E_BUILD_FAULT', message: 'While building the data: Cannot read properties of undefined; nothing was published, and the previous output is as it was.' });
    expect(problem.hint).toContain('--debug');
  });
});

describe('a step of the site that fails', () => {
  const said = ['[vite] writing pages', 'Error: ENOSPC: no space left on device, write', '    at writeSync (node:fs:1:1)', '    at build (astro/dist/core/build.js:10:5)', 'Node.js v24.0.0'].join('\n');

  it('is named by the system error it reports, in code or in words, without what the step printed unless debugging', () => {
    expect(stepProblem('the site', said, false)).toEqual({
      code: 'E_DISK_FULL',
      file: 'the site',
      message: 'While building the site, no space is left on the disk; nothing was published, and the previous output is as it was.',
      hint: expect.stringContaining('Free space'),
    });
    expect(stepProblem('the search index', 'thread panicked: Permission denied (os error 13)', false)).toMatchObject({ code: 'E_PERMISSION', file: 'the search index' });
    expect(stepProblem('the site', said, true).message).toMatch(STACK);
  });

  it('otherwise shows what the step said, its stack lines left out', () => {
    const problem = stepProblem('the site', 'Error: [astro] Unexpected token in pages/index.astro\n    at parse (astro.js:1:1)', false);
    expect(problem).toMatchObject({ code: 'E_SITE_BUILD', message: 'Building the site failed; nothing was published, and the previous output is as it was. It said:\n    Error: [astro] Unexpected token in pages/index.astro' });
    expect(withoutStack(said)).toBe('[vite] writing pages\nError: ENOSPC: no space left on device, write');
  });
});

describe('a step of the site that runs past its time limit', () => {
  it('names the step and its limit in minutes, and what it said last without stack lines', () => {
    const said = ['indexing part 1 of 4', 'indexing part 2 of 4', '    at run (pagefind.js:1:1)', 'indexing part 3 of 4', 'waiting for part 4', 'still waiting', 'still waiting'].join('\n');
    expect(timeoutProblem('the search index', 5_400_000, said)).toEqual({
      code: 'E_STEP_TIMEOUT',
      file: 'the search index',
      message: 'Building the search index ran past its limit of 90 min and was stopped; nothing was published, and the previous output is as it was. It said last:\n    indexing part 2 of 4\n    indexing part 3 of 4\n    waiting for part 4\n    still waiting\n    still waiting',
      hint: 'A step that hangs, or a machine too busy for the limit: build again when the machine is less busy, or set a longer limit in SITE_STEP_MINUTES (60 by default); if it hangs again, run with --debug and report it.',
    });
  });

  it('says nothing more when the step printed nothing', () => {
    expect(timeoutProblem('the site', 90_000, '').message).toBe('Building the site ran past its limit of 1.5 min and was stopped; nothing was published, and the previous output is as it was.');
  });
});
