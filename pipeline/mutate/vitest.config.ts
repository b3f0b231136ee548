/**
 * The Vitest configuration of a mutation run: only the unit tests of the module being
 * mutated (named by `npm run mutate` in MUTATE_MODULE), in worker threads, which start
 * faster than processes. Stryker's own `testFiles` option is not used: with it, mutants
 * in module-level constants are switched on only after the module has loaded, and so
 * reported as surviving whatever the tests do.
 */
import { defineConfig } from 'vitest/config';
import { MODULES } from './modules.ts';

const name = process.env['MUTATE_MODULE'];
const module = MODULES.find((candidate) => candidate.name === name);
if (!module) throw new Error(`MUTATE_MODULE=${name ?? ''} names no module of pipeline/mutate/modules.ts`);

export default defineConfig({ test: { include: module.tests } });
