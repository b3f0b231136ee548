/**
 * A workbook's bytes do not depend on the build machine's time zone. Kept apart from
 * xlsx.test.ts because it switches the time zone of the whole process, which a test in a
 * worker thread cannot do (the mutation run's threads leave it out).
 */
import { expect, it } from 'vitest';
import { type XlsxSheet, writeXlsx } from './xlsx.ts';

const BUDGET: XlsxSheet = {
  name: 'Видатки',
  columns: [
    { title: 'Розпорядник', type: 'string' },
    { title: 'Сума, грн', type: 'number' },
    { title: 'Дата рішення', type: 'date' },
  ],
  rows: [['Криворізька міська рада', '1243280.57', '2016-12-21']],
};
const sheets: XlsxSheet[] = [BUDGET, { ...BUDGET, name: 'Копія' }];

it('gives the same bytes in every time zone of the build machine', () => {
  const original = process.env['TZ'];
  const hashes = new Set<string>();
  const localHours = new Set<number>(); // proves the zone really switched, or the test would prove nothing
  try {
    // 01:30 UTC on 2024-03-31 is 03:30 in Kyiv, an hour its clocks skip that night.
    for (const zone of ['UTC', 'Europe/Kyiv', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Kiritimati']) {
      process.env['TZ'] = zone;
      localHours.add(new Date(Date.UTC(2024, 2, 31, 1, 30)).getHours());
      hashes.add(Buffer.from(writeXlsx(sheets, { created: '2024-03-31T01:30:00Z' })).toString('base64'));
    }
  } finally {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  }
  expect(localHours.size).toBe(5);
  expect(hashes.size).toBe(1);
});
