/**
 * The modules `npm run mutate` covers: each a name, the source files Stryker mutates and
 * the unit tests that must kill those mutants. Only the listed tests run, so a module's
 * score says what its own tests catch, and the run stays minutes, not hours. To cover
 * another module, add an entry.
 */
export interface MutationModule {
  name: string;
  /** Globs of the source files to mutate, relative to the project root; tests are never mutated. */
  files: string[];
  /**
   * Globs of the test files that run against the mutants. Tests that take seconds or change
   * the whole process (its time zone) stay out: they run in `npm test`.
   */
  tests: string[];
}

/** The mutation score (killed and timed out, over all but compile and runtime errors) each module must reach. */
export const MIN_SCORE = 90;

export const MODULES: MutationModule[] = [
  { name: 'numbers', files: ['pipeline/numbers/*.ts'], tests: ['pipeline/numbers/*.test.ts'] },
  { name: 'reconcile', files: ['pipeline/reconcile/*.ts'], tests: ['pipeline/reconcile/reconcile.test.ts'] },
  { name: 'xlsx', files: ['pipeline/formats/xlsx.ts', 'pipeline/formats/zip.ts'], tests: ['pipeline/formats/xlsx.test.ts', 'pipeline/formats/zip.test.ts'] },
  {
    name: 'table-check',
    files: ['pipeline/formats/table-check.ts', 'pipeline/formats/table/*.ts'],
    tests: ['pipeline/formats/table-check.test.ts', 'pipeline/formats/table-check.pieces.test.ts', 'pipeline/formats/table/*.test.ts'],
  },
  { name: 'quotes', files: ['pipeline/quotes/*.ts'], tests: ['pipeline/quotes/*.test.ts'] },
  {
    name: 'search',
    files: ['site/search/ukrainian.ts', 'site/search/engine.ts', 'site/search/highlight.ts', 'site/search/parts.ts'],
    tests: ['site/search/*.test.ts'],
  },
  // Loading, decoding and parsing. The zod schemas are a module of their own, whose mutants the tests of the shape
  // check (validate.test.ts, the malformed fixtures) must catch as well: most of the words an author reads are theirs.
  { name: 'sources', files: ['pipeline/sources/*.ts', '!pipeline/sources/schema.ts'], tests: ['pipeline/sources/*.test.ts'] },
  { name: 'schema', files: ['pipeline/sources/schema.ts'], tests: ['pipeline/sources/*.test.ts', 'pipeline/validate/validate.test.ts', 'pipeline/validate/malformed.test.ts'] },
  // results-2023.test.ts checks the whole datasets/ tree while its tests are collected, outside any test: every
  // mutant it reaches would count as static and run every test again on a fresh load. It stays in `npm test`.
  { name: 'validate', files: ['pipeline/validate/*.ts'], tests: ['pipeline/validate/malformed.test.ts', 'pipeline/validate/validate.test.ts', 'pipeline/validate/references.test.ts', 'pipeline/validate/catalog.test.ts', 'pipeline/validate/results.test.ts', 'pipeline/validate/indicators.test.ts', 'pipeline/validate/tree.test.ts'] },
  // titles.test.ts and result-tables.test.ts derive the portal's own sources whole (seconds per mutant): they stay in `npm test`.
  { name: 'derive', files: ['pipeline/derive/*.ts'], tests: ['pipeline/derive/common-tables.test.ts', 'pipeline/derive/comparison-tables.test.ts', 'pipeline/derive/datasets.test.ts', 'pipeline/derive/fields.test.ts', 'pipeline/derive/programme-tables.test.ts', 'pipeline/derive/result-tables.model.test.ts'] },
  {
    name: 'write',
    files: ['pipeline/write/reuse.ts', 'pipeline/write/csv.ts', 'pipeline/write/site-data.ts'],
    tests: ['pipeline/write/csv.test.ts', 'pipeline/write/reuse.key.test.ts', 'pipeline/write/reuse.writer.test.ts', 'pipeline/write/site-data.test.ts'],
  },
];
