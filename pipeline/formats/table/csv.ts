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
    let terminator: Terminator = 'EOF';
    for (;;) {
      // one field, starting at i
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            return { record, message: 'a quoted field is not closed before the end of the file' };
          }
          value += text.slice(from, close);
          if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        cells.push(value);
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== COMMA && c !== CR && c !== LF) {
            return {
              record,
              message: `unexpected ${JSON.stringify(text[i])} after a closing quote (a quote inside a quoted field is written "")`,
            };
          }
        }
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) bareQuote = true;
          i += 1;
        }
        cells.push(text.slice(from, i));
      }
      // after the field: delimiter, line end or end of text
      if (i >= n) {
        terminator = 'EOF';
        break;
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i += 1;
        continue;
      }
      if (c === CR) {
        if (i + 1 < n && text.charCodeAt(i + 1) === LF) {
          terminator = 'CRLF';
          i += 2;
        } else {
          terminator = 'CR';
          i += 1;
        }
      } else {
        terminator = 'LF';
        i += 1;
      }
      break;
    }
    onRecord({ cells, terminator, bareQuote });
    record += 1;
  }
  return undefined;
}
