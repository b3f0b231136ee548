/**
 * A small, deterministic XLSX (Office Open XML SpreadsheetML) writer for the published tables.
 *
 * Journalists open these workbooks in Excel and LibreOffice, so numbers and dates must arrive as
 * real numbers and dates (sortable, summable), never as text, and the digits must be the ones the
 * council printed. The same input always gives the same bytes, so published files can be
 * checksummed and diffed.
 */
import { zip } from './zip.ts';

export interface XlsxColumn {
  title: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'year' | 'datetime';
  /** In characters of the default font; estimated from the content when absent. */
  width?: number;
  /**
   * A reader's name for the column, shown in a row of its own above the header. The header row
   * keeps `title`, so a sheet read as a table (a Data Package resource) still finds its field names.
   */
  label?: string;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  /** Numbers, dates and years come as plain text ("1243280.57", "2016-12-21", "2023"). */
  rows: (string | boolean | null)[][];
}

export interface XlsxOptions {
  /** RFC 3339; recorded as the creation and modification time. */
  created: string;
  title?: string;
  creator?: string;
}

// Excel's hard limits; exceeding them makes Excel "repair" the file and drop content.
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_CELL_TEXT = 32_767;
const MAX_SHEET_NAME = 31;
const MAX_COLUMN_WIDTH = 255;
// Estimated widths stay readable: long texts should not push the next column off screen.
const MIN_ESTIMATED_WIDTH = 6;
const MAX_ESTIMATED_WIDTH = 60;
const WIDTH_SAMPLE = 200;

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const PLAIN_INTEGER = /^-?\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;
// Everything outside the XML 1.0 Char production (including lone surrogates) makes the part unreadable.
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// Text without these code units, and without lone surrogates, is already clean.
const MAYBE_UNCLEAN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uFFFE\uFFFF]/;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

const MS_PER_DAY = 86_400_000;
// Serial 0 of the 1900 date system is 1899-12-30 for every date from 1900-03-01 on.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
// Before 1900-03-01 Excel counts the fictitious 1900-02-29 (a Lotus 1-2-3 bug) and LibreOffice
// does not, so the two would show different dates for the same serial.
const FIRST_SHARED_SERIAL = 61;

// Indexes into CELL_FORMATS below; kept side by side so they cannot drift apart.
const STYLE = { normal: 0, header: 1, decimal: 2, grouped: 3, plain: 4, date: 5, datetime: 6, datetimeSeconds: 7, wrap: 8 } as const;
const CELL_FORMATS: { numFmtId: number; bold?: true; wrap?: true }[] = [
  { numFmtId: 0 },
  { numFmtId: 0, bold: true },
  { numFmtId: 4 }, // built-in "#,##0.00"
  { numFmtId: 3 }, // built-in "#,##0"
  { numFmtId: 1 }, // built-in "0"
  { numFmtId: 164 },
  { numFmtId: 165 },
  { numFmtId: 166 },
  { numFmtId: 0, wrap: true },
];
const CUSTOM_NUMBER_FORMATS: [number, string][] = [
  [164, 'dd.mm.yyyy'],
  [165, 'dd.mm.yyyy hh:mm'],
  [166, 'dd.mm.yyyy hh:mm:ss'],
];

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A written cell; a date-time knows whether its seconds are other than zero, for its format. */
type Cell = { kind: 'number' | 'string' | 'boolean'; value: string; seconds?: boolean };

interface ColumnPlan {
  cells: (Cell | null)[];
  numberStyle: number;
  width: number;
}

export function writeXlsx(sheets: XlsxSheet[], options: XlsxOptions): Uint8Array {
  if (sheets.length === 0) throw new RangeError('An XLSX workbook needs at least one sheet');
  const created = parseCreated(options.created);
  const names = sheetNames(sheets.map((sheet) => sheet.name));
  const strings = new SharedStrings();
  const worksheets = sheets.map((sheet, index) => renderSheet(sheet, planColumns(sheet), index === 0, strings));

  // Insertion order is the entry order in the ZIP; [Content_Types].xml first, as Office writes it.
  const files: Record<string, string> = {};
  files['[Content_Types].xml'] = renderContentTypes(sheets.length, strings.size > 0);
  files['_rels/.rels'] = renderRootRels();
  files['docProps/app.xml'] = renderApp();
  files['docProps/core.xml'] = renderCore(created, options);
  files['xl/workbook.xml'] = renderWorkbook(sheets, names);
  files['xl/_rels/workbook.xml.rels'] = renderWorkbookRels(sheets.length, strings.size > 0);
  files['xl/styles.xml'] = renderStyles();
  if (strings.size > 0) files['xl/sharedStrings.xml'] = strings.render();
  worksheets.forEach((xml, index) => (files[`xl/worksheets/sheet${index + 1}.xml`] = xml));

  const encoder = new TextEncoder();
  const entries = Object.entries(files).map(([path, xml]) => ({ path, data: encoder.encode(XML_DECLARATION + xml) }));
  // Level 1: workbooks of thousands of datasets are written per build; the gain of 6 is a few per cent.
  return zip(entries, created, 1);
}

/** Strings are stored once per workbook; Excel and LibreOffice both read this form most reliably. */
class SharedStrings {
  readonly #index = new Map<string, number>();
  readonly #list: string[] = [];
  #count = 0;

  get size(): number {
    return this.#list.length;
  }

  add(text: string): number {
    this.#count += 1;
    let index = this.#index.get(text);
    if (index === undefined) {
      index = this.#list.length;
      this.#index.set(text, index);
      this.#list.push(text);
    }
    return index;
  }

  render(): string {
    const items = this.#list.map((text) => `<si>${textElement(text)}</si>`).join('');
    return `<sst xmlns="${NS_MAIN}" count="${this.#count}" uniqueCount="${this.#list.length}">${items}</sst>`;
  }
}

// ---------------------------------------------------------------- cells

/** The row number of the header: 2 when a row of labels stands above it, else 1. */
export function headerRowOf(sheet: XlsxSheet): number {
  return sheet.columns.some((column) => column.label !== undefined) ? 2 : 1;
}

function planColumns(sheet: XlsxSheet): ColumnPlan[] {
  if (sheet.columns.length > MAX_COLUMNS) throw new RangeError(`Sheet "${sheet.name}" has ${sheet.columns.length} columns; Excel allows ${MAX_COLUMNS}`);
  const top = headerRowOf(sheet);
  if (sheet.rows.length + top > MAX_ROWS) throw new RangeError(`Sheet "${sheet.name}" has ${sheet.rows.length} rows; Excel allows ${MAX_ROWS - top} under the header`);
  sheet.rows.forEach((row, index) => {
    if (row.length > sheet.columns.length) {
      throw new RangeError(`Sheet "${sheet.name}", row ${index + top + 1}: ${row.length} values for ${sheet.columns.length} columns`);
    }
  });
  return sheet.columns.map((column, c) => {
    const values = sheet.rows.map((row) => row[c] ?? null);
    const cells = values.map((value, r) => toCell(value, column, () => `Sheet "${sheet.name}", cell ${columnName(c)}${r + top + 1} (column "${column.title}")`));
    const numberStyle = numberStyleOf(column, values, cells);
    return { cells, numberStyle, width: columnWidth(column, cells, numberStyle) };
  });
}

function toCell(value: string | boolean | null, column: XlsxColumn, where: () => string): Cell | null {
  // An empty text cell is not blank to ISBLANK/COUNTA, and a reader cannot tell it from a missing value anyway.
  if (value === null || value === '') return null;
  if (column.type === 'boolean') return booleanCell(value, where);
  if (typeof value !== 'string') throw new TypeError(`${where()}: a ${column.type} column cannot hold the boolean ${value}`);
  switch (column.type) {
    case 'string':
      return stringCell(value, where);
    case 'number':
      return numberCell(value, PLAIN_DECIMAL, 'a plain decimal number like 1243280.57', where);
    case 'integer':
    case 'year':
      return numberCell(value, PLAIN_INTEGER, 'a whole number', where);
    case 'date':
      return dateCell(value, where);
    case 'datetime': {
      const { serial, hasSeconds } = datetimeSerial(value, where);
      return { kind: 'number', value: String(serial), seconds: hasSeconds };
    }
  }
}

function booleanCell(value: string | boolean, where: () => string): Cell {
  if (value === true || value === 'true') return { kind: 'boolean', value: '1' };
  if (value === false || value === 'false') return { kind: 'boolean', value: '0' };
  throw new TypeError(`${where()}: ${JSON.stringify(value)} is not a boolean`);
}

function stringCell(value: string, where: () => string): Cell {
  const text = cleanText(value);
  if (text.length > MAX_CELL_TEXT) throw new RangeError(`${where()}: ${text.length} characters; Excel cells hold at most ${MAX_CELL_TEXT}`);
  return { kind: 'string', value: text };
}

/** The text goes into <v> unchanged: converting through a JS number could alter the printed digits. */
function numberCell(value: string, pattern: RegExp, expected: string, where: () => string): Cell {
  if (!pattern.test(value)) throw new TypeError(`${where()}: ${JSON.stringify(value)} is not ${expected}`);
  return { kind: 'number', value };
}

function dateCell(value: string, where: () => string): Cell {
  const match = ISO_DATE.exec(value);
  if (!match) throw new TypeError(`${where()}: ${JSON.stringify(value)} is not a YYYY-MM-DD date`);
  const serial = daySerial(Number(match[1]), Number(match[2]), Number(match[3]), value, where);
  // Such dates cannot be stored so that Excel and LibreOffice agree; as text they at least read right.
  if (serial < FIRST_SHARED_SERIAL) return { kind: 'string', value };
  return { kind: 'number', value: String(serial) };
}

/**
 * The offset is dropped on purpose: spreadsheets have no time zones, and a reader of
 * "10:00+02:00" in a Kyiv council's data expects to see 10:00, not the UTC hour.
 */
function datetimeSerial(value: string, where: () => string): { serial: number; hasSeconds: boolean } {
  const match = ISO_DATETIME.exec(value);
  if (!match) throw new TypeError(`${where()}: ${JSON.stringify(value)} is not an ISO date and time`);
  const [, year, month, day, hours, minutes, seconds, fraction] = match;
  const [h, m, s] = [Number(hours), Number(minutes), seconds === undefined ? 0 : Number(seconds)];
  if (h > 23 || m > 59 || s > 59) throw new TypeError(`${where()}: ${JSON.stringify(value)} is not a valid time`);
  const days = daySerial(Number(year), Number(month), Number(day), value, where);
  if (days < FIRST_SHARED_SERIAL) throw new RangeError(`${where()}: ${value} is before 1900-03-01, which spreadsheets cannot store as a date`);
  const ms = ((h * 60 + m) * 60 + s) * 1000 + (fraction === undefined ? 0 : Math.round(Number(fraction) * 1000));
  // One division of exact integers, so the serial is the correctly rounded double and prints the same everywhere.
  return { serial: (days * MS_PER_DAY + ms) / MS_PER_DAY, hasSeconds: ms % 60_000 !== 0 };
}

function daySerial(year: number, month: number, day: number, value: string, where: () => string): number {
  const time = utcTime(year, month, day);
  if (time === undefined) throw new RangeError(`${where()}: ${value} is not a calendar date`);
  return (time - EXCEL_EPOCH) / MS_PER_DAY;
}

/** Midnight UTC of a calendar date, in ms; undefined when the day or month does not exist. */
function utcTime(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0–99 as 1900–1999
  // A day or month out of range rolls over into a later month: the month is no longer the one asked for.
  return date.getUTCMonth() === month - 1 ? date.getTime() : undefined;
}

function numberStyleOf(column: XlsxColumn, values: (string | boolean | null)[], cells: (Cell | null)[]): number {
  switch (column.type) {
    case 'number':
      return values.some((value) => typeof value === 'string' && value.includes('.')) ? STYLE.decimal : STYLE.grouped;
    case 'integer':
      return STYLE.grouped;
    case 'year':
      return STYLE.plain; // 2 023 would look like an amount
    case 'date':
      return STYLE.date;
    case 'datetime':
      return cells.some((cell) => cell?.seconds) ? STYLE.datetimeSeconds : STYLE.datetime;
    // Stryker disable next-line ConditionalExpression: string and boolean columns hold no number cells, so their style is never read
    default:
      return STYLE.normal;
  }
}

// ---------------------------------------------------------------- widths

function columnWidth(column: XlsxColumn, cells: (Cell | null)[], numberStyle: number): number {
  if (column.width !== undefined) {
    if (!Number.isFinite(column.width) || column.width <= 0) throw new RangeError(`Column "${column.title}": width ${column.width} is not a positive number`);
    return Math.min(column.width, MAX_COLUMN_WIDTH);
  }
  // Bold header text is wider, and the autofilter button takes about three characters.
  let widest = Math.ceil(Math.max(longestLine(cleanText(column.title)), longestLine(cleanText(column.label ?? ''))) * 1.1) + 3;
  // The first rows show the shape of a column; measuring every cell of a long table costs more than it tells.
  for (const cell of cells.slice(0, WIDTH_SAMPLE)) if (cell) widest = Math.max(widest, displayLength(cell, numberStyle) + 2);
  return Math.min(MAX_ESTIMATED_WIDTH, Math.max(MIN_ESTIMATED_WIDTH, widest));
}

/** Roughly how many characters the cell shows once formatted. */
function displayLength(cell: Cell, numberStyle: number): number {
  if (cell.kind === 'string') return longestLine(cell.value);
  if (cell.kind === 'boolean') return 8; // "ХИБНІСТЬ" in a Ukrainian LibreOffice
  switch (numberStyle) {
    case STYLE.date:
      return 10;
    case STYLE.datetime:
      return 16;
    case STYLE.datetimeSeconds:
      return 19;
    case STYLE.plain:
      return cell.value.length;
    default:
      return groupedLength(cell.value, numberStyle === STYLE.decimal);
  }
}

function groupedLength(value: string, twoDecimals: boolean): number {
  const negative = value.startsWith('-');
  const digits = (negative ? value.slice(1) : value).split('.')[0]!.length;
  return (negative ? 1 : 0) + digits + Math.floor((digits - 1) / 3) + (twoDecimals ? 3 : 0);
}

/** Characters (code points, as a reader counts them) of the text's longest line. */
function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) {
    let length = 0;
    for (const _ of line) length++;
    longest = Math.max(longest, length);
  }
  return longest;
}

// ---------------------------------------------------------------- sheet names

/** Excel refuses the whole file over a bad or repeated sheet name, so names are fixed here, in order. */
function sheetNames(requested: string[]): string[] {
  const taken = new Set<string>(['history']); // reserved by Excel for change tracking
  return requested.map((name, index) => {
    const unique = uniqueSheetName(cleanSheetName(name) || `Sheet${index + 1}`, taken);
    taken.add(unique.toLowerCase());
    return unique;
  });
}

function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(ILLEGAL_XML, '')
    .replace(/[\t\n\r]/g, ' ')
    .replace(FORBIDDEN_IN_SHEET_NAME, '_');
  return trimSheetName(truncate(trimSheetName(cleaned), MAX_SHEET_NAME));
}

/** Excel compares sheet names without regard to case. */
function uniqueSheetName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = trimSheetName(truncate(base, MAX_SHEET_NAME - suffix.length)) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

// A leading or trailing apostrophe is forbidden: it would clash with quoting in formulas.
function trimSheetName(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/gu, '');
}

/** Cuts to a number of UTF-16 units (Excel's measure) without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

// ---------------------------------------------------------------- XML text

function cleanText(text: string): string {
  // Most text needs nothing done, and the full test of the Char production is slow in Unicode mode.
  // Stryker disable next-line ConditionalExpression: the way round gives the same text, only slower
  if (!MAYBE_UNCLEAN.test(text) && text.isWellFormed()) return text;
  // XML parsers turn CR LF into LF anyway; doing it here keeps lengths and widths honest.
  return text.replace(/\r\n?/g, '\n').replace(ILLEGAL_XML, '');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => XML_ESCAPES[char]!);
}

/** A <t> element; Excel would otherwise trim edge spaces and decode "_x000D_" written by the council as a character. */
function textElement(text: string): string {
  const escaped = escapeXml(text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_'));
  return /^\s|\s$/u.test(text) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// ---------------------------------------------------------------- parts

function renderSheet(sheet: XlsxSheet, columns: ColumnPlan[], selected: boolean, strings: SharedStrings): string {
  const extent = tableExtent(sheet);
  const cols = columns.map((column, c) => `<col min="${c + 1}" max="${c + 1}" width="${column.width}" customWidth="1"/>`).join('');
  const top = headerRowOf(sheet);
  const headerCells = (row: number, text: (column: XlsxColumn) => string) =>
    sheet.columns.map((column, c) => {
      const title = cleanText(text(column));
      return title === '' ? '' : `<c r="${columnName(c)}${row}" s="${STYLE.header}" t="s"><v>${strings.add(title)}</v></c>`;
    });
  const rows = top === 2 ? [`<row r="1">${headerCells(1, (column) => column.label ?? '').join('')}</row>`] : [];
  rows.push(`<row r="${top}">${headerCells(top, (column) => column.title).join('')}</row>`);
  const letters = columns.map((_, c) => columnName(c));
  sheet.rows.forEach((_, r) => {
    let cells = '';
    for (let c = 0; c < columns.length; c++) cells += renderCell(columns[c]!.cells[r] as Cell | null, `${letters[c]}${r + top + 1}`, columns[c]!.numberStyle, strings);
    if (cells !== '') rows.push(`<row r="${r + top + 1}">${cells}</row>`);
  });
  return [
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    // The sheet's extent counts the row of labels too.
    `<dimension ref="${extent ? `A1:${extent.right}${extent.bottom}` : 'A1'}"/>`,
    // The header stays in view while scrolling through hundreds of budget lines.
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>`,
    `<pane ySplit="${top}" topLeftCell="A${top + 1}" activePane="bottomLeft" state="frozen"/>`,
    `<selection pane="bottomLeft" activeCell="A${top + 1}" sqref="A${top + 1}"/>`,
    '</sheetView></sheetViews>',
    cols === '' ? '' : `<cols>${cols}</cols>`,
    `<sheetData>${rows.join('')}</sheetData>`,
    extent ? `<autoFilter ref="A${extent.top}:${extent.right}${extent.bottom}"/>` : '',
    '</worksheet>',
  ].join('');
}

function renderCell(cell: Cell | null, ref: string, numberStyle: number, strings: SharedStrings): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'number':
      return `<c r="${ref}" s="${numberStyle}"><v>${cell.value}</v></c>`;
    case 'boolean':
      return `<c r="${ref}" t="b"><v>${cell.value}</v></c>`;
    case 'string': {
      // Without wrapping, a line break shows as nothing at all in Excel.
      const style = cell.value.includes('\n') ? ` s="${STYLE.wrap}"` : '';
      return `<c r="${ref}"${style} t="s"><v>${strings.add(cell.value)}</v></c>`;
    }
  }
}

/** The table's extent: from column A of the header row to its last column on its last row; none without columns. */
function tableExtent(sheet: XlsxSheet): { top: number; right: string; bottom: number } | undefined {
  if (sheet.columns.length === 0) return undefined;
  // The filter sits on the header row; a row of labels above it is not part of the table.
  const top = headerRowOf(sheet);
  return { top, right: columnName(sheet.columns.length - 1), bottom: sheet.rows.length + top };
}

function renderWorkbook(sheets: XlsxSheet[], names: string[]): string {
  const entries = names.map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  // Excel keeps an autofilter's range in this hidden name; without it some versions lose the filter.
  const filters = sheets
    .map((sheet, index) => {
      const extent = tableExtent(sheet);
      if (!extent) return '';
      const absolute = `$A$${extent.top}:$${extent.right}$${extent.bottom}`;
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(`'${names[index]!.replaceAll("'", "''")}'!${absolute}`)}</definedName>`;
    })
    .join('');
  return [
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    '<bookViews><workbookView activeTab="0"/></bookViews>',
    `<sheets>${entries}</sheets>`,
    filters === '' ? '' : `<definedNames>${filters}</definedNames>`,
    '</workbook>',
  ].join('');
}

function renderWorkbookRels(sheetCount: number, hasStrings: boolean): string {
  const rels = Array.from({ length: sheetCount }, (_, index) => relationship(`rId${index + 1}`, `${NS_REL}/worksheet`, `worksheets/sheet${index + 1}.xml`));
  rels.push(relationship(`rId${sheetCount + 1}`, `${NS_REL}/styles`, 'styles.xml'));
  if (hasStrings) rels.push(relationship(`rId${sheetCount + 2}`, `${NS_REL}/sharedStrings`, 'sharedStrings.xml'));
  return `<Relationships xmlns="${NS_PACKAGE_REL}">${rels.join('')}</Relationships>`;
}

function renderRootRels(): string {
  return [
    `<Relationships xmlns="${NS_PACKAGE_REL}">`,
    relationship('rId1', `${NS_REL}/officeDocument`, 'xl/workbook.xml'),
    relationship('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'),
    relationship('rId3', `${NS_REL}/extended-properties`, 'docProps/app.xml'),
    '</Relationships>',
  ].join('');
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
}

function renderContentTypes(sheetCount: number, hasStrings: boolean): string {
  const office = 'application/vnd.openxmlformats-officedocument';
  const overrides: [string, string][] = [
    ['/xl/workbook.xml', `${office}.spreadsheetml.sheet.main+xml`],
    ...Array.from({ length: sheetCount }, (_, index): [string, string] => [`/xl/worksheets/sheet${index + 1}.xml`, `${office}.spreadsheetml.worksheet+xml`]),
    ['/xl/styles.xml', `${office}.spreadsheetml.styles+xml`],
    ...(hasStrings ? [['/xl/sharedStrings.xml', `${office}.spreadsheetml.sharedStrings+xml`] as [string, string]] : []),
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', `${office}.extended-properties+xml`],
  ];
  return [
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    ...overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`),
    '</Types>',
  ].join('');
}

function renderStyles(): string {
  const numFmts = CUSTOM_NUMBER_FORMATS.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
  const xfs = CELL_FORMATS.map((format) => {
    const font = format.bold ? ' fontId="1" applyFont="1"' : ' fontId="0"';
    const numFmt = format.numFmtId === 0 ? '' : ' applyNumberFormat="1"';
    const attributes = `numFmtId="${format.numFmtId}"${font} fillId="0" borderId="0" xfId="0"${numFmt}`;
    return format.wrap ? `<xf ${attributes} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` : `<xf ${attributes}/>`;
  }).join('');
  const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
  return [
    `<styleSheet xmlns="${NS_MAIN}">`,
    `<numFmts count="${CUSTOM_NUMBER_FORMATS.length}">${numFmts}</numFmts>`,
    `<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>`,
    // Excel expects the first two fills to be exactly these.
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    `<cellXfs count="${CELL_FORMATS.length}">${xfs}</cellXfs>`,
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    '</styleSheet>',
  ].join('');
}

function renderCore(created: Date, options: XlsxOptions): string {
  const stamp = `${created.toISOString().slice(0, 19)}Z`; // Excel rejects fractional seconds here
  return [
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    options.title === undefined ? '' : `<dc:title>${escapeXml(cleanText(options.title))}</dc:title>`,
    options.creator === undefined ? '' : `<dc:creator>${escapeXml(cleanText(options.creator))}</dc:creator>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

function renderApp(): string {
  return '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>council-open-data</Application></Properties>';
}

// ---------------------------------------------------------------- time

function parseCreated(created: string): Date {
  const match = RFC3339.exec(created);
  if (!match || utcTime(Number(match[1]), Number(match[2]), Number(match[3])) === undefined) {
    throw new RangeError(`options.created: ${JSON.stringify(created)} is not an RFC 3339 date-time`);
  }
  // The form ECMAScript specifies for Date (a date alone is midnight UTC); V8 reads t, z and a space too.
  // Stryker disable next-line Regex,StringLiteral: V8 reads the lower-case and spaced forms the same
  const date = new Date(created.replace(/[t ]/, 'T').replace(/z$/, 'Z'));
  // An hour past 23 or a minute past 59 gets here, and no date.
  if (Number.isNaN(date.getTime())) throw new RangeError(`options.created: ${JSON.stringify(created)} is not an RFC 3339 date-time`);
  return date;
}
