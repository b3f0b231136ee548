/** CSV parsing as RFC 4180 has it, strictly: a finding for anything a lenient reader would guess at. */

export type Terminator = 'CRLF' | 'LF' | 'CR' | 'EOF';

export interface CsvRecord {
  cells: string[];
  terminator: Terminator;
  /** A '"' inside a field that is not quoted (RFC 4180 requires quoting it). */
  bareQuote: boolean;
}

export interface CsvError {
  /** Record index: 0 is the header. */
  record: number;
  message: string;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** An unquoted field: everything up to the next comma or line end. */
const UNQUOTED = /[^,\r\n]*/y;

/**
 * Calls onRecord for each record of text (from offset start). Returns an error for input
 * that is not parseable (an unterminated quoted field, text after a closing quote); the
 * records before it have been delivered.
 */
export function parseCsv(text: string, start: number, onRecord: (record: CsvRecord) => void): CsvError | undefined {
  const n = text.length;
  let i = start;
  let record = 0;
  while (i < n) {
    const cells: string[] = [];
    let bareQuote = false;
    let terminator: Terminator;
    for (;;) {
      // one field, starting at i
      if (text.charCodeAt(i) === QUOTE) {
        const quoted = readQuoted(text, i);
        if (typeof quoted === 'string') return { record, message: quoted };
        cells.push(quoted.value);
        i = quoted.end;
        const c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== CR && c !== LF) {
          return { record, message: `unexpected ${JSON.stringify(text[i])} after a closing quote (a quote inside a quoted field is written "")` };
        }
      } else {
        UNQUOTED.lastIndex = i;
        const value = UNQUOTED.exec(text)![0];
        if (value.includes('"')) bareQuote = true;
        cells.push(value);
        i += value.length;
      }
      // after the field: a comma, a line end, or the end of the text
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i += 1;
        continue;
      }
      if (c === CR && text.charCodeAt(i + 1) === LF) {
        terminator = 'CRLF';
        i += 2;
      } else if (c === CR) {
        terminator = 'CR';
        i += 1;
      } else if (c === LF) {
        terminator = 'LF';
        i += 1;
      } else terminator = 'EOF';
      break;
    }
    onRecord({ cells, terminator, bareQuote });
    record += 1;
  }
  return undefined;
}

/** A quoted field from its opening quote: its value and where it ends, or why it cannot be read. */
function readQuoted(text: string, open: number): { value: string; end: number } | string {
  let value = '';
  let from = open + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close === -1) return 'a quoted field is not closed before the end of the file';
    value += text.slice(from, close);
    // A doubled quote is one quote of the value.
    if (text.charCodeAt(close + 1) !== QUOTE) return { value, end: close + 1 };
    value += '"';
    from = close + 2;
  }
}
