import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { type XlsxColumn, type XlsxSheet, writeXlsx } from './xlsx.ts';

const CREATED = '2024-05-01T10:15:00+03:00';

function unpack(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

function oneSheet(columns: XlsxColumn[], rows: XlsxSheet['rows'], name = 'Дані'): Record<string, string> {
  return unpack(writeXlsx([{ name, columns, rows }], { created: CREATED }));
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

/** The whole <c> element for a reference, or undefined when the cell was left out. */
function cell(files: Record<string, string>, ref: string, sheet = 1): string | undefined {
  return new RegExp(`<c r="${ref}"[ >].*?</c>`).exec(files[`xl/worksheets/sheet${sheet}.xml`]!)?.[0];
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(` ${name}="([^"]*)"`).exec(element)?.[1];
}

function sharedStrings(files: Record<string, string>): string[] {
  return [...files['xl/sharedStrings.xml']!.matchAll(/<si><t(?: xml:space="preserve")?>(.*?)<\/t><\/si>/gs)].map((match) => decodeXml(match[1]!));
}

/** What a reader sees in a text cell, resolved through the shared-strings table. */
function textOf(files: Record<string, string>, ref: string, sheet = 1): string {
  const element = cell(files, ref, sheet)!;
  expect(attribute(element, 't')).toBe('s');
  return sharedStrings(files)[Number(/<v>(\d+)<\/v>/.exec(element)![1])]!;
}

function valueOf(files: Record<string, string>, ref: string, sheet = 1): string {
  return /<v>(.*?)<\/v>/.exec(cell(files, ref, sheet)!)![1]!;
}

/** The cell's entry in cellXfs, with its alignment when it has one. */
function cellXf(files: Record<string, string>, ref: string): string {
  const cellXfs = /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(files['xl/styles.xml']!)![1]!;
  return cellXfs.match(/<xf [^>]*\/>|<xf [^>]*>.*?<\/xf>/g)![Number(attribute(cell(files, ref)!, 's') ?? 0)]!;
}

function cellFormat(files: Record<string, string>, ref: string): string {
  const id = attribute(cellXf(files, ref), 'numFmtId')!;
  const builtIn: Record<string, string> = { '0': 'General', '1': '0', '3': '#,##0', '4': '#,##0.00' };
  return builtIn[id] ?? decodeXml(new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"/>`).exec(files['xl/styles.xml']!)![1]!);
}

function isBold(files: Record<string, string>, ref: string): boolean {
  const font = files['xl/styles.xml']!.match(/<font>.*?<\/font>/g)![Number(attribute(cellXf(files, ref), 'fontId'))]!;
  return font.includes('<b/>');
}

function columnWidths(files: Record<string, string>, sheet = 1): number[] {
  return [...files[`xl/worksheets/sheet${sheet}.xml`]!.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
}

function sheetNamesOf(files: Record<string, string>): string[] {
  return [...files['xl/workbook.xml']!.matchAll(/<sheet name="([^"]*)"/g)].map((match) => decodeXml(match[1]!));
}

/** A strict-enough well-formedness check: balanced tags, quoted attributes, no bare & or <. */
function expectWellFormed(xml: string, part: string): void {
  const body = xml.replace(/^<\?xml [^>]*\?>\n/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const [, closing, name, attributes = '', selfClosing, text, stray] of body.matchAll(token)) {
    if (stray) throw new Error(`${part}: stray "<"`);
    const content = text ?? attributes;
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(content)) throw new Error(`${part}: unescaped "&" in ${content}`);
    if (text !== undefined || selfClosing) continue;
    if (!closing) stack.push(name!);
    else if (stack.pop() !== name) throw new Error(`${part}: </${name}> does not close the open element`);
  }
  expect(stack, part).toEqual([]);
}

/** Modification dates of the ZIP entries, read straight from the local file headers. */
function zipDates(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dates: string[] = [];
  for (let offset = 0; view.getUint32(offset, true) === 0x04034b50; ) {
    const time = view.getUint16(offset + 10, true);
    const date = view.getUint16(offset + 12, true);
    const pad = (n: number) => String(n).padStart(2, '0');
    dates.push(`${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}`);
    offset += 30 + view.getUint32(offset + 18, true) + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  }
  return dates;
}

const BUDGET: XlsxSheet = {
  name: 'Видатки',
  columns: [
    { title: 'Розпорядник', type: 'string' },
    { title: 'Сума, грн', type: 'number' },
    { title: 'Рік', type: 'year' },
    { title: 'Дата рішення', type: 'date' },
    { title: 'Виконано', type: 'boolean' },
  ],
  rows: [
    ['Криворізька міська рада', '1243280.57', '2023', '2016-12-21', true],
    ['Встановлення пам’ятних знаків', '0.1', '2024', null, false],
  ],
};

// Workbooks are written in each test (here through beforeEach), not while the tests are collected: a mutation
// run then knows which tests reach which code.
describe('writeXlsx: package', () => {
  let files: Record<string, string>;
  beforeEach(() => {
    files = unpack(writeXlsx([BUDGET], { created: CREATED, title: 'Звіт', creator: 'Відкриті дані' }));
  });

  it('has every part of a SpreadsheetML package, declared in the content types', () => {
    expect(Object.keys(files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    for (const part of ['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'docProps/core.xml', 'docProps/app.xml']) {
      expect(files['[Content_Types].xml']).toContain(`PartName="/${part}"`);
    }
  });

  it('points every relationship at a part that exists', () => {
    const targets = (rels: string) => [...rels.matchAll(/Target="([^"]+)"/g)].map((match) => match[1]!);
    for (const target of targets(files['_rels/.rels']!)) expect(files).toHaveProperty([target]);
    for (const target of targets(files['xl/_rels/workbook.xml.rels']!)) expect(files).toHaveProperty([`xl/${target}`]);
  });

  it('writes well-formed XML in every part, even from hostile text', () => {
    const hostile = '<b>&amp; "x" \'y\' ]]> & <!-- --> <?pi?>';
    const bytes = writeXlsx([{ name: `A&B <${hostile}>`, columns: [{ title: hostile, type: 'string' }], rows: [[hostile]] }], { created: CREATED, title: hostile, creator: hostile });
    for (const [part, xml] of Object.entries(unpack(bytes))) expectWellFormed(xml, part);
  });

  it('records the creation time, title and creator in docProps/core.xml', () => {
    const core = files['docProps/core.xml']!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T07:15:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-01T07:15:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>Звіт</dc:title>');
    expect(core).toContain('<dc:creator>Відкриті дані</dc:creator>');
  });
});

describe('writeXlsx: numbers', () => {
  it('keeps the exact digits as numeric cells', () => {
    const files = oneSheet([{ title: 'Сума', type: 'number' }], [['1243280.57'], ['0.1'], ['-0.30'], ['12345678901234.99']]);
    expect(cell(files, 'A2')).toBe('<c r="A2" s="2"><v>1243280.57</v></c>');
    expect(valueOf(files, 'A3')).toBe('0.1');
    expect(valueOf(files, 'A4')).toBe('-0.30');
    expect(valueOf(files, 'A5')).toBe('12345678901234.99');
    expect(attribute(cell(files, 'A3')!, 't')).toBeUndefined();
  });

  it('shows two decimals only in number columns that have fractions, and years without grouping', () => {
    const files = oneSheet(
      [
        { title: 'З копійками', type: 'number' },
        { title: 'Цілі гривні', type: 'number' },
        { title: 'Кількість', type: 'integer' },
        { title: 'Рік', type: 'year' },
      ],
      [
        ['15', '1500', '12', '2023'],
        ['0.5', '2000', '7', '2024'],
      ],
    );
    expect(cellFormat(files, 'A2')).toBe('#,##0.00');
    expect(cellFormat(files, 'B2')).toBe('#,##0');
    expect(cellFormat(files, 'C2')).toBe('#,##0');
    expect(cellFormat(files, 'D2')).toBe('0');
    expect(valueOf(files, 'D3')).toBe('2024');
  });

  it('refuses text that is not a plain decimal, naming the cell', () => {
    const write = (type: XlsxColumn['type'], value: string) => () => oneSheet([{ title: 'Сума', type }], [['1'], [value]]);
    expect(write('number', '1 243 280,57')).toThrow(/cell A3 \(column "Сума"\).*"1 243 280,57"/);
    expect(write('number', '1e5')).toThrow(TypeError);
    expect(write('integer', '12.5')).toThrow(/not a whole number/);
    expect(write('year', '2023 р.')).toThrow(TypeError);
  });
});

describe('writeXlsx: text', () => {
  it('keeps Cyrillic and typographic apostrophes intact', () => {
    const files = unpack(writeXlsx([BUDGET], { created: CREATED }));
    expect(textOf(files, 'A2')).toBe('Криворізька міська рада');
    expect(textOf(files, 'A3')).toBe('Встановлення пам’ятних знаків');
    expect(files['xl/sharedStrings.xml']).toContain('<t>Криворізька міська рада</t>');
  });

  it('escapes markup characters', () => {
    const files = oneSheet([{ title: 'Текст', type: 'string' }], [[`<script>&"'`]]);
    expect(files['xl/sharedStrings.xml']).toContain(`<t>&lt;script&gt;&amp;&quot;'</t>`);
    expect(textOf(files, 'A2')).toBe(`<script>&"'`);
  });

  it('preserves edge spaces and line breaks, and wraps multi-line cells', () => {
    const files = oneSheet([{ title: 'Текст', type: 'string' }], [['  відступ '], ['рядок 1\r\nрядок 2'], ['один рядок']]);
    expect(files['xl/sharedStrings.xml']).toContain('<t xml:space="preserve">  відступ </t>');
    expect(textOf(files, 'A3')).toBe('рядок 1\nрядок 2');
    expect(cellXf(files, 'A3')).toContain('wrapText="1"');
    expect(cellXf(files, 'A2')).not.toContain('wrapText');
    expect(attribute(cell(files, 'A4')!, 's')).toBeUndefined();
  });

  it('drops characters XML 1.0 cannot carry but keeps emoji', () => {
    const files = oneSheet([{ title: 'Текст', type: 'string' }], [['a\u0000b\u0008c\uFFFEd\uD800e 🇺🇦']]);
    expect(textOf(files, 'A2')).toBe('abcde 🇺🇦');
  });

  it('guards literal "_x000D_" so Excel does not decode it into a character', () => {
    const files = oneSheet([{ title: 'Текст', type: 'string' }], [['код _x000D_']]);
    expect(files['xl/sharedStrings.xml']).toContain('<t>код _x005F_x000D_</t>');
  });

  it('leaves no cell for null or an empty string', () => {
    const files = oneSheet(
      [
        { title: 'Текст', type: 'string' },
        { title: 'Сума', type: 'number' },
      ],
      [
        [null, ''],
        ['є', null],
      ],
    );
    expect(files['xl/worksheets/sheet1.xml']).not.toContain('<row r="2">');
    expect(cell(files, 'A3')).toBeDefined();
    expect(cell(files, 'B3')).toBeUndefined();
  });
});

describe('writeXlsx: dates and booleans', () => {
  it('writes dates as numeric serials of the 1900 date system with a day-month-year format', () => {
    const files = oneSheet([{ title: 'Дата', type: 'date' }], [['2016-12-21'], ['1900-03-01'], ['2024-02-29']]);
    expect(cell(files, 'A2')).toMatch(/^<c r="A2" s="\d+"><v>42725<\/v><\/c>$/);
    expect(valueOf(files, 'A3')).toBe('61');
    expect(valueOf(files, 'A4')).toBe('45351');
    expect(cellFormat(files, 'A2')).toBe('dd.mm.yyyy');
  });

  it('keeps dates Excel and LibreOffice would disagree on as text, and rejects impossible dates', () => {
    const files = oneSheet([{ title: 'Дата', type: 'date' }], [['1899-12-31']]);
    expect(textOf(files, 'A2')).toBe('1899-12-31');
    expect(() => oneSheet([{ title: 'Дата', type: 'date' }], [['2023-02-29']])).toThrow(/not a calendar date/);
    expect(() => oneSheet([{ title: 'Дата', type: 'date' }], [['21.12.2016']])).toThrow(/YYYY-MM-DD/);
  });

  it('writes date-times as the wall-clock time written in the data', () => {
    const files = oneSheet([{ title: 'Час', type: 'datetime' }], [['2016-12-21T18:00:00+02:00'], ['2016-12-21 06:00']]);
    expect(valueOf(files, 'A2')).toBe('42725.75');
    expect(valueOf(files, 'A3')).toBe('42725.25');
    expect(cellFormat(files, 'A2')).toBe('dd.mm.yyyy hh:mm');
    const withSeconds = oneSheet([{ title: 'Час', type: 'datetime' }], [['2016-12-21T18:00:00Z'], ['2016-12-21T18:00:30Z']]);
    expect(cellFormat(withSeconds, 'A2')).toBe('dd.mm.yyyy hh:mm:ss');
  });

  it('writes booleans as boolean cells', () => {
    const files = unpack(writeXlsx([BUDGET], { created: CREATED }));
    expect(cell(files, 'E2')).toBe('<c r="E2" t="b"><v>1</v></c>');
    expect(cell(files, 'E3')).toBe('<c r="E3" t="b"><v>0</v></c>');
    expect(() => oneSheet([{ title: 'Так/ні', type: 'boolean' }], [['так']])).toThrow(TypeError);
  });
});

describe('writeXlsx: layout', () => {
  let files: Record<string, string>;
  beforeEach(() => {
    files = unpack(writeXlsx([BUDGET], { created: CREATED }));
  });

  it('makes the header row bold and the data not', () => {
    expect(textOf(files, 'C1')).toBe('Рік');
    expect(isBold(files, 'A1')).toBe(true);
    expect(isBold(files, 'E1')).toBe(true);
    expect(isBold(files, 'A2')).toBe(false);
    expect(isBold(files, 'B2')).toBe(false);
  });

  it('freezes the header row and filters the used range', () => {
    const sheet = files['xl/worksheets/sheet1.xml']!;
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A1:E3"/>');
    expect(sheet).toContain('<dimension ref="A1:E3"/>');
    expect(files['xl/workbook.xml']).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Видатки'!$A$1:$E$3</definedName>`);
  });

  it('puts readers\' labels in a row above the header, and freezes and filters from the header down', () => {
    const labelled = unpack(
      writeXlsx(
        [
          {
            name: 'Показники',
            columns: [
              { title: 'indicator', label: 'Що рахують', type: 'string' },
              { title: 'value', label: 'Значення показника за звітний період', type: 'number' },
            ],
            rows: [['сесії', '11'], ['рішення', '777']],
          },
        ],
        { created: CREATED },
      ),
    );
    expect([textOf(labelled, 'A1'), textOf(labelled, 'B1')]).toEqual(['Що рахують', 'Значення показника за звітний період']);
    expect([textOf(labelled, 'A2'), textOf(labelled, 'B2')]).toEqual(['indicator', 'value']);
    expect([textOf(labelled, 'A3'), valueOf(labelled, 'B3'), valueOf(labelled, 'B4')]).toEqual(['сесії', '11', '777']);
    expect(cell(labelled, 'A5')).toBeUndefined();
    const sheet = labelled['xl/worksheets/sheet1.xml']!;
    expect(sheet).toContain('<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c></row>');
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A2:B4"/>');
    expect(sheet).toContain('<dimension ref="A1:B4"/>');
    expect(labelled['xl/workbook.xml']).toContain(`'Показники'!$A$2:$B$4</definedName>`);
    // The label is wider than the numbers beneath it, and the column makes room for it.
    expect(columnWidths(labelled)[1]).toBeGreaterThanOrEqual(36);
  });

  it('leaves the label of a column without one empty, and sizes that column by its header alone', () => {
    const files = oneSheet(
      [
        { title: 'indicator', label: 'Що рахують', type: 'string' },
        { title: 'note', type: 'string' },
      ],
      [['сесії', 'ні']],
    );
    expect(textOf(files, 'A1')).toBe('Що рахують');
    expect(cell(files, 'B1')).toBeUndefined();
    expect(textOf(files, 'B2')).toBe('note');
    expect(sharedStrings(files)).toEqual(['Що рахують', 'indicator', 'note', 'сесії', 'ні']);
    // «note»: ceil(4 × 1.1) + 3 = 8, wider than «ні» with its margin (2 + 2).
    expect(columnWidths(files)[1]).toBe(8);
  });

  it('takes widths as given, or estimates them from the content with a cap', () => {
    const widths = columnWidths(
      oneSheet(
        [
          { title: 'Задано', type: 'string', width: 42 },
          { title: 'Коротко', type: 'string' },
          { title: 'Довго', type: 'string' },
          { title: 'Дуже довго', type: 'string' },
        ],
        [['x', 'так', 'Виконавчий комітет Криворізької міської ради', 'слово '.repeat(100)]],
      ),
    );
    expect(widths[0]).toBe(42);
    expect(widths[2]).toBeGreaterThan(widths[1]!);
    expect(widths[2]).toBeGreaterThanOrEqual('Виконавчий комітет Криворізької міської ради'.length);
    expect(widths[3]).toBe(60);
  });

  it('measures a text by its longest line, a character outside the BMP counting once', () => {
    const widths = columnWidths(
      oneSheet(
        [
          { title: 'Т', type: 'string' },
          { title: 'Т', type: 'string' },
          { title: 'Т', type: 'string' },
        ],
        [['рядок\r\nдругий, довший рядок\nтретій', '🇺🇦'.repeat(10), 'a\uD800b']],
      ),
    );
    // The longest line, 20 characters, plus two; the flags are 20 code points, not 40 code units.
    expect(widths).toEqual([22, 22, 6]);
  });
});

describe('writeXlsx: sheets', () => {
  it('writes several sheets, each with its own data', () => {
    const second: XlsxSheet = { name: 'Джерела', columns: [{ title: 'Документ', type: 'string' }], rows: [['Рішення № 1234']] };
    const files = unpack(writeXlsx([BUDGET, second], { created: CREATED }));
    expect(sheetNamesOf(files)).toEqual(['Видатки', 'Джерела']);
    expect(textOf(files, 'A2', 2)).toBe('Рішення № 1234');
    expect(valueOf(files, 'B2', 1)).toBe('1243280.57');
    expect(files['xl/worksheets/sheet1.xml']).toContain('tabSelected="1"');
    expect(files['xl/worksheets/sheet2.xml']).not.toContain('tabSelected');
    expect(files['xl/_rels/workbook.xml.rels']).toContain('Target="worksheets/sheet2.xml"');
  });

  it('makes sheet names acceptable to Excel: no forbidden characters, at most 31 long, unique', () => {
    const long = 'Видатки на благоустрій міста Кривий Ріг у 2023 році';
    const names = [long, long, 'Доходи: план/факт [2023]?', 'доходи_ план_факт _2023_', '', "'Лапки'", 'History'];
    const sheets = names.map((name) => ({ name, columns: [{ title: 'x', type: 'string' as const }], rows: [] }));
    const written = sheetNamesOf(unpack(writeXlsx(sheets, { created: CREATED })));
    expect(written).toEqual([
      'Видатки на благоустрій міста Кр',
      'Видатки на благоустрій міст (2)',
      'Доходи_ план_факт _2023__',
      'доходи_ план_факт _2023_',
      'Sheet5',
      'Лапки',
      'History (2)',
    ]);
    for (const name of written) expect(name.length).toBeLessThanOrEqual(31);
    expect(new Set(written.map((name) => name.toLowerCase())).size).toBe(written.length);
  });

  it('keeps names that already differ only in case apart', () => {
    const sheets = ['Дані', 'ДАНІ'].map((name) => ({ name, columns: [], rows: [] }));
    expect(sheetNamesOf(unpack(writeXlsx(sheets, { created: CREATED })))).toEqual(['Дані', 'ДАНІ (2)']);
  });
});

describe('writeXlsx: determinism', () => {
  const sheets: XlsxSheet[] = [BUDGET, { ...BUDGET, name: 'Копія' }];

  it('gives byte-identical output for the same input', () => {
    expect(writeXlsx(sheets, { created: CREATED, title: 'Звіт' })).toEqual(writeXlsx(sheets, { created: CREATED, title: 'Звіт' }));
  });

  it('changes the bytes when the creation time changes', () => {
    const first = writeXlsx(sheets, { created: CREATED });
    expect(writeXlsx(sheets, { created: '2024-05-01T10:16:00+03:00' })).not.toEqual(first);
    expect(writeXlsx(sheets, { created: '2025-01-31T10:15:00+03:00' })).not.toEqual(first);
  });

  it('stamps every ZIP entry with the creation time in UTC, not the current time', () => {
    const dates = zipDates(writeXlsx(sheets, { created: '2016-12-21T23:30:00-05:00' }));
    expect(dates).toHaveLength(10);
    expect(new Set(dates)).toEqual(new Set(['2016-12-22 04:30']));
  });
});

describe('writeXlsx: refusals', () => {
  it('refuses an empty workbook, rows longer than the header, and a malformed creation time', () => {
    expect(() => writeXlsx([], { created: CREATED })).toThrow(/at least one sheet/);
    expect(() => oneSheet([{ title: 'x', type: 'string' }], [['a', 'b']])).toThrow(/row 2: 2 values for 1 columns/);
    expect(() => writeXlsx([BUDGET], { created: '01.05.2024' })).toThrow(/RFC 3339/);
    expect(() => writeXlsx([BUDGET], { created: '2024-02-30T10:00:00Z' })).toThrow(/RFC 3339/);
  });
});

describe('writeXlsx: every part, written out by hand from SpreadsheetML (ECMA-376)', () => {
  const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const OFFICE = 'application/vnd.openxmlformats-officedocument';
  const sheetView = (selected: boolean) =>
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`;

  it('writes a one-sheet workbook with text and a number', () => {
    const files = unpack(
      writeXlsx([{ name: 'Дані', columns: [{ title: 'Назва', type: 'string' }, { title: 'Сума', type: 'number' }], rows: [['Рада', '1.5']] }], {
        created: '2024-05-01T10:15:00+03:00',
        title: 'Звіт',
        creator: 'Рада',
      }),
    );
    for (const xml of Object.values(files)) expect(xml.startsWith(DECLARATION)).toBe(true);
    const body = (part: string) => files[part]!.slice(DECLARATION.length);
    expect(body('[Content_Types].xml')).toBe(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${OFFICE}.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${OFFICE}.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${OFFICE}.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${OFFICE}.spreadsheetml.sharedStrings+xml"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        `<Override PartName="/docProps/app.xml" ContentType="${OFFICE}.extended-properties+xml"/>` +
        '</Types>',
    );
    expect(body('_rels/.rels')).toBe(
      `<Relationships xmlns="${PACKAGE_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PACKAGE_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    );
    expect(body('docProps/app.xml')).toBe(
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>council-open-data</Application></Properties>',
    );
    expect(body('docProps/core.xml')).toBe(
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dc:title>Звіт</dc:title><dc:creator>Рада</dc:creator>' +
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T07:15:00Z</dcterms:created>' +
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-01T07:15:00Z</dcterms:modified>' +
        '</cp:coreProperties>',
    );
    expect(body('xl/workbook.xml')).toBe(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
        '<sheets><sheet name="Дані" sheetId="1" r:id="rId1"/></sheets>' +
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Дані'!$A$1:$B$2</definedName></definedNames>` +
        '</workbook>',
    );
    expect(body('xl/_rels/workbook.xml.rels')).toBe(
      `<Relationships xmlns="${PACKAGE_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    );
    const xf = (numFmtId: number, extra = '') => `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"${extra}/>`;
    const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
    expect(body('xl/styles.xml')).toBe(
      `<styleSheet xmlns="${MAIN}">` +
        '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="dd.mm.yyyy hh:mm"/><numFmt numFmtId="166" formatCode="dd.mm.yyyy hh:mm:ss"/></numFmts>' +
        `<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="9">' +
        xf(0) +
        '<xf numFmtId="0" fontId="1" applyFont="1" fillId="0" borderId="0" xfId="0"/>' +
        [4, 3, 1, 164, 165, 166].map((id) => xf(id, ' applyNumberFormat="1"')).join('') +
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
        '</cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        '</styleSheet>',
    );
    expect(body('xl/sharedStrings.xml')).toBe(`<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>Назва</t></si><si><t>Сума</t></si><si><t>Рада</t></si></sst>`);
    // Widths: "Назва" 5 × 1,1 → 6, + 3 = 9; "Сума" 4 × 1,1 → 5, + 3 = 8 (1,5 in #,##0.00 shows 4 characters, + 2 = 6).
    expect(body('xl/worksheets/sheet1.xml')).toBe(
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:B2"/>${sheetView(true)}` +
        '<cols><col min="1" max="1" width="9" customWidth="1"/><col min="2" max="2" width="8" customWidth="1"/></cols>' +
        '<sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="2"><v>1.5</v></c></row></sheetData>' +
        '<autoFilter ref="A1:B2"/></worksheet>',
    );
  });

  it('writes a workbook without text, with a second sheet that has no columns', () => {
    const files = unpack(
      writeXlsx(
        [
          { name: 'Числа', columns: [{ title: '', type: 'number' }], rows: [['7']] },
          { name: 'Порожній', columns: [], rows: [] },
        ],
        { created: '2024-05-01' },
      ),
    );
    expect(Object.keys(files)).not.toContain('xl/sharedStrings.xml');
    const body = (part: string) => files[part]!.slice(DECLARATION.length);
    expect(body('[Content_Types].xml')).not.toContain('sharedStrings');
    expect(body('[Content_Types].xml')).toContain(`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${OFFICE}.spreadsheetml.worksheet+xml"/>`);
    expect(body('xl/_rels/workbook.xml.rels')).toBe(
      `<Relationships xmlns="${PACKAGE_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    );
    expect(body('xl/workbook.xml')).toBe(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
        '<sheets><sheet name="Числа" sheetId="1" r:id="rId1"/><sheet name="Порожній" sheetId="2" r:id="rId2"/></sheets>' +
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Числа'!$A$1:$A$2</definedName></definedNames>` +
        '</workbook>',
    );
    // No title: 0 + 3; "7" shows 1 character, + 2 = 3; at least 6.
    expect(body('xl/worksheets/sheet1.xml')).toBe(
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:A2"/>${sheetView(true)}` +
        '<cols><col min="1" max="1" width="6" customWidth="1"/></cols>' +
        '<sheetData><row r="1"></row><row r="2"><c r="A2" s="3"><v>7</v></c></row></sheetData>' +
        '<autoFilter ref="A1:A2"/></worksheet>',
    );
    expect(body('xl/worksheets/sheet2.xml')).toBe(`<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1"/>${sheetView(false)}<sheetData><row r="1"></row></sheetData></worksheet>`);
    // A date alone is midnight UTC.
    expect(files['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T00:00:00Z</dcterms:created>');
    expect(files['docProps/core.xml']).not.toContain('<dc:title>');
    expect(files['docProps/core.xml']).not.toContain('<dc:creator>');
  });

  it('names a defined range with the sheet name quoted, and columns past Z', () => {
    const columns: XlsxColumn[] = Array.from({ length: 30 }, (_, i) => ({ title: `c${i + 1}`, type: 'integer' }));
    const rows = Array.from({ length: 11 }, (_, r) => columns.map((_, c) => String(r * 100 + c)));
    const files = unpack(writeXlsx([{ name: "Звіт'23", columns, rows }], { created: CREATED }));
    expect(files['xl/workbook.xml']).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Звіт''23'!$A$1:$AD$12</definedName>`);
    expect(files['xl/worksheets/sheet1.xml']).toContain('<dimension ref="A1:AD12"/>');
    expect(valueOf(files, 'Z12')).toBe('1025');
    expect(valueOf(files, 'AA12')).toBe('1026');
    expect(valueOf(files, 'AD12')).toBe('1029');
    expect(textOf(files, 'AA1')).toBe('c27');
    // "c30": 3 × 1,1 → 4, + 3 = 7.
    expect(files['xl/worksheets/sheet1.xml']).toContain('<col min="30" max="30" width="7" customWidth="1"/>');
  });

  it('stores each text once, counting every use', () => {
    const files = oneSheet([{ title: 'так', type: 'string' }], [['так'], ['ні'], ['так']]);
    expect(files['xl/sharedStrings.xml']).toBe(`${DECLARATION}<sst xmlns="${MAIN}" count="4" uniqueCount="2"><si><t>так</t></si><si><t>ні</t></si></sst>`);
    expect(['A1', 'A2', 'A3', 'A4'].map((ref) => valueOf(files, ref))).toEqual(['0', '0', '1', '0']);
  });

  it('names the column of a cell past Z in a refusal', () => {
    const columns: XlsxColumn[] = Array.from({ length: 28 }, (_, i) => ({ title: `c${i}`, type: i === 27 ? 'number' : 'string' }));
    const row = columns.map((_, i) => (i === 27 ? '1,5' : 'x'));
    expect(() => writeXlsx([{ name: 'Дані', columns, rows: [row] }], { created: CREATED })).toThrow(
      'Sheet "Дані", cell AB2 (column "c27"): "1,5" is not a plain decimal number like 1243280.57',
    );
  });
});

describe('writeXlsx: widths worked out by hand', () => {
  // A column is as wide as its title × 1,1 rounded up, + 3 for the filter button, or its widest
  // shown value + 2, whichever is more, within 6 and 60 characters.
  it('measures each kind of value as it is shown', () => {
    const columns: XlsxColumn[] = [
      { title: 'Розпорядник', type: 'string' }, // 11 → 13 + 3 = 16
      { title: 'Сума, грн', type: 'number' }, // 1 243 280,57: 12 + 2 = 14
      { title: 'x', type: 'integer' }, // −999 999: 8 + 2 = 10
      { title: 'x', type: 'integer' }, // 999 999: 7 + 2 = 9
      { title: 'x', type: 'integer' }, // 999: 3 + 2 = 5, so 6
      { title: 'Так', type: 'boolean' }, // ХИБНІСТЬ: 8 + 2 = 10
      { title: 'Дата', type: 'date' }, // 21.12.2016: 10 + 2 = 12
      { title: 'Час', type: 'datetime' }, // 21.12.2016 18:00: 16 + 2 = 18
      { title: 'Час', type: 'datetime' }, // 21.12.2016 18:00:30: 19 + 2 = 21
      { title: 'Р', type: 'year' }, // 2023, not grouped: 4 + 2 = 6
      { title: 'x', type: 'string', width: 300 }, // given, at most 255
      { title: 'x', type: 'string', width: 0.5 },
      { title: 'слово '.repeat(20), type: 'string' }, // at most 60
    ];
    const row = ['Рада', '1243280.57', '-999999', '999999', '999', true, '2016-12-21', '2016-12-21T18:00', '2016-12-21T18:00:30', '2023', 'x', 'x', 'x'];
    expect(columnWidths(oneSheet(columns, [row]))).toEqual([16, 14, 10, 9, 6, 10, 12, 18, 21, 6, 255, 0.5, 60]);
  });

  it('measures the first 200 rows only', () => {
    const rows = [...Array.from({ length: 200 }, () => ['a']), ['текст, довший за всі, що були перед ним']];
    expect(columnWidths(oneSheet([{ title: 'x', type: 'string' }], rows))).toEqual([6]);
    expect(columnWidths(oneSheet([{ title: 'x', type: 'string' }], rows.slice(-2)))).toEqual([41]);
  });

  it('refuses a width that is not a positive number', () => {
    for (const width of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => oneSheet([{ title: 'Сума', type: 'number', width }], []), String(width)).toThrow(`Column "Сума": width ${width} is not a positive number`);
    }
  });
});

describe('writeXlsx: Excel’s limits', () => {
  it('takes 16 384 columns and refuses one more', () => {
    const columns = (n: number): XlsxColumn[] => Array.from({ length: n }, () => ({ title: '', type: 'string' }));
    expect(() => writeXlsx([{ name: 'Дані', columns: columns(16_384), rows: [] }], { created: CREATED })).not.toThrow();
    expect(() => writeXlsx([{ name: 'Дані', columns: columns(16_385), rows: [] }], { created: CREATED })).toThrow('Sheet "Дані" has 16385 columns; Excel allows 16384');
  });

  it('refuses more than 1 048 575 rows under the header (xlsx.scale.test.ts writes that many)', () => {
    const rows: XlsxSheet['rows'] = new Array(1_048_576).fill([]);
    expect(() => writeXlsx([{ name: 'Дані', columns: [{ title: '', type: 'string' }], rows }], { created: CREATED })).toThrow(
      'Sheet "Дані" has 1048576 rows; Excel allows 1048575 under the header',
    );
  });

  it('counts the row of labels: under it and the header, 1 048 574 rows fit in the 1 048 576 of a sheet, one more does not', () => {
    const columns: XlsxColumn[] = [{ title: 'text', label: 'Текст', type: 'string' }];
    // A sparse list: only its last row holds a value, so the sheet is written in a moment.
    const rows = (length: number): XlsxSheet['rows'] => Object.assign(new Array<string[]>(length), { [length - 1]: ['останній'] });
    const sheet = unpack(writeXlsx([{ name: 'Дані', columns, rows: rows(1_048_574) }], { created: CREATED }))['xl/worksheets/sheet1.xml']!;
    // Row 1 the label, row 2 the header, rows 3…1 048 576 the data: the last one is Excel's last row.
    expect(sheet).toContain('<row r="1048576"><c r="A1048576" t="s"><v>2</v></c></row>');
    expect(sheet).toContain('<dimension ref="A1:A1048576"/>');
    expect(sheet).toContain('<autoFilter ref="A2:A1048576"/>');
    expect(() => writeXlsx([{ name: 'Дані', columns, rows: rows(1_048_575) }], { created: CREATED })).toThrow('Sheet "Дані" has 1048575 rows; Excel allows 1048574 under the header');
  });

  it('takes 32 767 characters in a cell, counted after cleaning, and refuses more', () => {
    expect(textOf(oneSheet([{ title: 'Текст', type: 'string' }], [['ж'.repeat(32_767) + '\u0001']]), 'A2')).toHaveLength(32_767);
    expect(() => oneSheet([{ title: 'Текст', type: 'string' }], [['ж'.repeat(32_768)]])).toThrow(
      'Sheet "Дані", cell A2 (column "Текст"): 32768 characters; Excel cells hold at most 32767',
    );
  });
});

describe('writeXlsx: values a column cannot hold', () => {
  const refusal = (column: XlsxColumn, value: string | boolean) => () => oneSheet([column], [[value]]);

  it('names the cell, the column and what was expected', () => {
    expect(refusal({ title: 'Сума', type: 'number' }, '1,5')).toThrow('Sheet "Дані", cell A2 (column "Сума"): "1,5" is not a plain decimal number like 1243280.57');
    expect(refusal({ title: 'Кількість', type: 'integer' }, '1.0')).toThrow('Sheet "Дані", cell A2 (column "Кількість"): "1.0" is not a whole number');
    expect(refusal({ title: 'Так/ні', type: 'boolean' }, 'так')).toThrow('Sheet "Дані", cell A2 (column "Так/ні"): "так" is not a boolean');
    expect(refusal({ title: 'Назва', type: 'string' }, true)).toThrow('Sheet "Дані", cell A2 (column "Назва"): a string column cannot hold the boolean true');
    expect(refusal({ title: 'Дата', type: 'date' }, 'x2016-12-21')).toThrow('Sheet "Дані", cell A2 (column "Дата"): "x2016-12-21" is not a YYYY-MM-DD date');
    expect(refusal({ title: 'Дата', type: 'date' }, '2016-12-21x')).toThrow('is not a YYYY-MM-DD date');
    expect(refusal({ title: 'Дата', type: 'date' }, '2023-02-29')).toThrow('Sheet "Дані", cell A2 (column "Дата"): 2023-02-29 is not a calendar date');
    expect(refusal({ title: 'Дата', type: 'date' }, '2023-13-01')).toThrow('2023-13-01 is not a calendar date');
    expect(refusal({ title: 'Дата', type: 'date' }, '2023-04-00')).toThrow('2023-04-00 is not a calendar date');
    expect(refusal({ title: 'Рік', type: 'year' }, '2023.5')).toThrow('"2023.5" is not a whole number');
  });

  it('reads booleans written as text', () => {
    const files = oneSheet([{ title: 'Так/ні', type: 'boolean' }], [['true'], ['false']]);
    expect(cell(files, 'A2')).toBe('<c r="A2" t="b"><v>1</v></c>');
    expect(cell(files, 'A3')).toBe('<c r="A3" t="b"><v>0</v></c>');
  });
});

describe('writeXlsx: dates and times, worked out by hand', () => {
  const time = (value: string) => valueOf(oneSheet([{ title: 'Час', type: 'datetime' }], [[value]]), 'A2');
  const refusal = (value: string) => () => oneSheet([{ title: 'Час', type: 'datetime' }], [[value]]);

  it('counts days from 1899-12-30 and the time as a fraction of a day, milliseconds included', () => {
    // 2016-12-21 is day 42 725; 18:30:15,25 is 66 615 250 ms of 86 400 000.
    expect(time('2016-12-21T18:30:15.25')).toBe(String((42725 * 86_400_000 + 66_615_250) / 86_400_000));
    expect(time('2016-12-21t18:00z')).toBe('42725.75');
    expect(time('2016-12-21 18:00:00-05:00')).toBe('42725.75');
    expect(time('1900-03-01T00:00')).toBe('61');
    expect(time('2016-12-21T23:59:59')).toBe(String((42725 * 86_400 + 86_399) / 86_400));
  });

  it('refuses a time of day or a date that does not exist, and dates spreadsheets cannot store', () => {
    for (const value of ['2016-12-21T24:00', '2016-12-21T18:60', '2016-12-21T18:00:60']) {
      expect(refusal(value), value).toThrow(`Sheet "Дані", cell A2 (column "Час"): "${value}" is not a valid time`);
    }
    expect(refusal('2023-02-29T10:00')).toThrow('2023-02-29T10:00 is not a calendar date');
    expect(refusal('1900-02-28T10:00')).toThrow('Sheet "Дані", cell A2 (column "Час"): 1900-02-28T10:00 is before 1900-03-01, which spreadsheets cannot store as a date');
    expect(refusal('x2016-12-21T18:00')).toThrow('"x2016-12-21T18:00" is not an ISO date and time');
    expect(refusal('2016-12-21T18:00Zx')).toThrow('is not an ISO date and time');
    expect(refusal('2016-12-21T18:00:00.')).toThrow('is not an ISO date and time');
  });

  it('formats a column with seconds only when a value has them, and leaves empty cells out', () => {
    const files = oneSheet([{ title: 'Час', type: 'datetime' }], [[null], [''], ['2016-12-21T18:00:00.000'], ['2016-12-21T18:01']]);
    expect(cellFormat(files, 'A4')).toBe('dd.mm.yyyy hh:mm');
    expect(cell(files, 'A2')).toBeUndefined();
    expect(cell(files, 'A3')).toBeUndefined();
    expect(cellFormat(oneSheet([{ title: 'Час', type: 'datetime' }], [['2016-12-21T18:00:01']]), 'A2')).toBe('dd.mm.yyyy hh:mm:ss');
    expect(cellFormat(oneSheet([{ title: 'Час', type: 'datetime' }], [['2016-12-21T18:00:00.5']]), 'A2')).toBe('dd.mm.yyyy hh:mm:ss');
  });

  it('keeps as text a date before 1900-03-01, the years before 100 included', () => {
    const files = oneSheet([{ title: 'Дата', type: 'date' }], [['1900-02-28'], ['0050-01-01'], ['0001-01-01']]);
    expect(textOf(files, 'A2')).toBe('1900-02-28');
    expect(textOf(files, 'A3')).toBe('0050-01-01');
    expect(textOf(files, 'A4')).toBe('0001-01-01');
  });
});

describe('writeXlsx: the creation time', () => {
  const core = (created: string) => unpack(writeXlsx([BUDGET], { created }))['docProps/core.xml']!;
  const stamp = (created: string) => /<dcterms:created xsi:type="dcterms:W3CDTF">([^<]*)</.exec(core(created))![1];

  it('reads RFC 3339 in its forms and writes it in UTC to the second', () => {
    expect(stamp('2024-05-01t10:15:00z')).toBe('2024-05-01T10:15:00Z');
    expect(stamp('2024-05-01 10:15:00+03:00')).toBe('2024-05-01T07:15:00Z');
    expect(stamp('2024-05-01T10:15:00.987Z')).toBe('2024-05-01T10:15:00Z');
    expect(stamp('2024-02-29')).toBe('2024-02-29T00:00:00Z');
  });

  it('refuses anything else', () => {
    for (const created of ['x2024-05-01', '2024-05-01x', '12024-05-01', '2024-05-01 ', '2024-05-01T10:15:00', '2024-05-01T25:00:00Z', '2024-05-01T10:15:00Zx', '2024-13-01']) {
      expect(() => writeXlsx([BUDGET], { created }), created).toThrow(`options.created: ${JSON.stringify(created)} is not an RFC 3339 date-time`);
    }
  });
});

describe('writeXlsx: sheet names and text', () => {
  const names = (...requested: string[]) => sheetNamesOf(unpack(writeXlsx(requested.map((name) => ({ name, columns: [], rows: [] })), { created: CREATED })));

  it('writes a workbook of sheets without columns with no filter ranges, no texts and no title', () => {
    const files = unpack(writeXlsx([{ name: 'Порожній', columns: [], rows: [] }], { created: '2024-05-01' }));
    expect(files['xl/workbook.xml']).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="Порожній" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    const office = 'application/vnd.openxmlformats-officedocument';
    expect(files['[Content_Types].xml']).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${office}.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${office}.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${office}.spreadsheetml.styles+xml"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        `<Override PartName="/docProps/app.xml" ContentType="${office}.extended-properties+xml"/>` +
        '</Types>',
    );
    expect(files['docProps/core.xml']).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T00:00:00Z</dcterms:created>' +
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-01T00:00:00Z</dcterms:modified>' +
        '</cp:coreProperties>',
    );
  });

  it('numbers repeated names on, skipping numbers already taken', () => {
    expect(names('Дані', 'Дані', 'дані')).toEqual(['Дані', 'Дані (2)', 'дані (3)']);
    expect(names('Дані', 'Дані (2)', 'Дані')).toEqual(['Дані', 'Дані (2)', 'Дані (3)']);
  });

  it('drops characters XML cannot carry, turns tabs and line breaks into spaces, and trims apostrophes', () => {
    expect(names('A\u0001B', 'Рядок\tі\nще', "'''Лапки'''", '  Назва  ')).toEqual(['AB', 'Рядок і ще', 'Лапки', 'Назва']);
  });

  it('reads a lone carriage return as a line break, and a cell of control characters as empty text', () => {
    const files = oneSheet([{ title: 'Текст', type: 'string' }], [['рядок 1\rрядок 2'], ['\u0001\u0007']]);
    expect(textOf(files, 'A2')).toBe('рядок 1\nрядок 2');
    expect(cellXf(files, 'A2')).toContain('wrapText="1"');
    expect(textOf(files, 'A3')).toBe('');
  });
});
