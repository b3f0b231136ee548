import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
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

describe('writeXlsx: package', () => {
  const files = unpack(writeXlsx([BUDGET], { created: CREATED, title: 'Звіт', creator: 'Відкриті дані' }));

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
  const files = unpack(writeXlsx([BUDGET], { created: CREATED }));

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
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A2:B4"/>');
    expect(sheet).toContain('<dimension ref="A1:B4"/>');
    expect(labelled['xl/workbook.xml']).toContain(`'Показники'!$A$2:$B$4</definedName>`);
    // The label is wider than the numbers beneath it, and the column makes room for it.
    expect(columnWidths(labelled)[1]).toBeGreaterThanOrEqual(36);
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
