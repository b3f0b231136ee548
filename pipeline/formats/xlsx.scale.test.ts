/**
 * A sheet as long as Excel allows. Kept apart from xlsx.test.ts: it takes a second, and
 * the mutation run, which repeats the unit tests for every mutant, leaves it out.
 */
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { writeXlsx } from './xlsx.ts';

it('writes 1 048 575 rows under the header, the most Excel opens', { timeout: 30_000 }, () => {
  const rows = Array.from({ length: 1_048_575 }, (_, r) => (r === 1_048_574 ? ['останній'] : []));
  const files = unzipSync(writeXlsx([{ name: 'Дані', columns: [{ title: 'Текст', type: 'string' }], rows }], { created: '2024-05-01' }));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  expect(sheet).toContain('<dimension ref="A1:A1048576"/>');
  expect(sheet).toContain('<row r="1048576"><c r="A1048576" t="s"><v>1</v></c></row>');
});
