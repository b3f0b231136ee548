/** The workbook a journalist opens: Ukrainian sheet names, and a dictionary that titles every column in Ukrainian. */
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPortal } from '../build.ts';
import { diskSources } from '../io/files.ts';
import { fixedHistory } from '../io/history.ts';

const sources = join(import.meta.dirname, '..', 'golden', 'cases', 'indicators-and-mismatch', 'sources');
const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the dataset workbook', () => {
  it('names its sheets in Ukrainian and its dictionary gives every column\'s Ukrainian title', { timeout: 60_000 }, async () => {
    const built = await buildPortal({ files: diskSources(sources), history: fixedHistory('2024-03-01T09:00:00Z') });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const name = 'zvernennia-hromadian-do-zrazkovoi-miskoi-rady';
    const files = unzipSync(built.tree.get(`public/datasets/${name}/${name}.xlsx`)!);
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const sheets = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => decode(m[1]!));
    expect(sheets).toEqual(['Показники', 'Заявлені підсумки', 'Документи-джерела', 'Зауваження щодо якості даних', 'Словник даних', 'Джерела']);
    const strings = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => decode(m[1]!));
    // The dictionary maps each column name of the CSV and the sheet to its title.
    expect(strings).toContain('Що рахують');
    expect(strings).toContain('Значення (як надруковано)');
    expect(strings).toContain('observation_id');
    expect(strings).toContain('так або ні');
    expect(strings).not.toContain('observations');
  });
});
