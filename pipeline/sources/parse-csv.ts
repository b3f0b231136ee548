/**
 * observations.csv → the same shape as observations.yaml: one group per run of rows with
 * the same section. Positions point at the row's line and the column's place in the header.
 * A row with more or fewer cells than the header is refused: its cells cannot be placed.
 */
import Papa from 'papaparse';
import type { Problem } from '../errors/problem.ts';
import type { Locator } from './load.ts';

export const CSV_FIELDS = ['section', 'id', 'indicator', 'code', 'value', 'unit', 'qualifier', 'period', 'quote', 'note', 'budget_group', 'budget_code'] as const;

/** The columns of an observation's `result`: result.programme, result.direction, result.measure, result.year. */
export const RESULT_FIELDS = ['programme', 'direction', 'measure', 'year'] as const;

interface Row {
  line: number;
  cells: string[];
}

export function parseCsv(text: string, path: string, problems: Problem[]): { data: unknown; locate: Locator } | undefined {
  const rows = readRows(text, path, problems);
  if (rows === undefined) return undefined;
  const [header, ...body] = rows;
  const names = header!.cells.map((cell) => cell.trim());
  if (!checkHeader(names, path, problems)) return undefined;
  const ragged = body.filter((row) => row.cells.length !== names.length);
  for (const row of ragged) {
    problems.push({
      code: 'E_CSV_SYNTAX',
      file: path,
      line: row.line,
      message: `the row has ${row.cells.length} cells where the header has ${names.length} columns`,
      hint: 'Every row has one cell per header column: an extra comma, or a cell with a comma not wrapped in double quotes, shifts the cells after it.',
    });
  }
  if (ragged.length > 0) return undefined;
  return group(names, body);
}

function readRows(text: string, path: string, problems: Problem[]): Row[] | undefined {
  const rows: Row[] = [];
  const errors: { line: number; message: string }[] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step(result) {
      // The cursor is where the row ends; its first line is after the blank lines before it.
      while (offset < text.length && (text[offset] === '\n' || text[offset] === '\r')) {
        if (text[offset] === '\n') line++;
        offset++;
      }
      const row = { line, cells: result.data };
      rows.push(row);
      for (; offset < result.meta.cursor; offset++) if (text[offset] === '\n') line++;
      for (const error of result.errors) errors.push({ line: row.line, message: error.message });
    },
  });
  if (errors.length === 0) return rows;
  for (const error of errors) {
    problems.push({
      code: 'E_CSV_SYNTAX',
      file: path,
      line: error.line,
      message: error.message,
      hint: 'Check the quotes: a cell with a comma, quote or line break is wrapped in double quotes, and a quote inside it is doubled ("").',
    });
  }
  return undefined;
}

function checkHeader(names: string[], path: string, problems: Problem[]): boolean {
  const unknown = names.filter((name) => !(CSV_FIELDS as readonly string[]).includes(name) && !/^dim\.[a-z0-9-]+$/.test(name) && !RESULT_FIELDS.some((field) => name === `result.${field}`));
  const missing = ['section', 'id', 'indicator', 'value', 'quote'].filter((name) => !names.includes(name));
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names) (seen.has(name) ? twice : seen).add(name);
  if (unknown.length === 0 && missing.length === 0 && twice.size === 0) return true;
  problems.push({
    code: 'E_CSV_SYNTAX',
    file: path,
    line: 1,
    message: [
      unknown.length > 0 ? `unknown column(s) ${unknown.join(', ')}` : '',
      missing.length > 0 ? `missing column(s) ${missing.join(', ')}` : '',
      twice.size > 0 ? `column(s) named twice: ${[...twice].join(', ')}` : '',
    ].filter(Boolean).join('; '),
    hint: `Columns are ${CSV_FIELDS.join(', ')}, ${RESULT_FIELDS.map((field) => `result.${field}`).join(', ')} and one dim.NAME column per dimension, each once (docs/authoring.md).`,
  });
  return false;
}

function group(names: string[], body: Row[]): { data: unknown; locate: Locator } {
  const groups: { section: string; observations: Record<string, unknown>[] }[] = [];
  const lines: number[][] = [];
  const sectionAt = names.indexOf('section');
  for (const row of body) {
    const record: Record<string, unknown> = {};
    const dimensions: Record<string, string> = {};
    const result: Record<string, string | number> = {};
    names.forEach((name, i) => {
      const cell = row.cells[i]!;
      if (cell === '') return;
      if (name.startsWith('dim.')) dimensions[name.slice(4)] = cell;
      // A year is a number in YAML; a cell of digits reads as one, anything else is left for the schema to refuse.
      else if (name.startsWith('result.')) result[name.slice(7)] = name === 'result.year' && /^\d{1,4}$/.test(cell) ? Number(cell) : cell;
      else if (name !== 'section') record[name] = cell;
    });
    if (Object.keys(dimensions).length > 0) record.dimensions = dimensions;
    if (Object.keys(result).length > 0) record.result = result;
    const section = row.cells[sectionAt]!;
    let last = groups.at(-1);
    if (!last || last.section !== section) {
      last = { section, observations: [] };
      groups.push(last);
      lines.push([]);
    }
    last.observations.push(record);
    lines.at(-1)!.push(row.line);
  }
  const locate: Locator = (fieldPath) => {
    const [, groupAt, , index, field, sub] = fieldPath;
    if (typeof groupAt !== 'number') return { line: 1, column: 1 };
    const line = typeof index === 'number' ? lines[groupAt]?.[index] : lines[groupAt]?.[0];
    if (line === undefined) return { line: 1, column: 1 };
    const columnName = (field === 'dimensions' || field === 'result') && sub !== undefined ? `${field === 'dimensions' ? 'dim' : 'result'}.${String(sub)}` : field === undefined ? 'section' : String(field);
    const column = names.indexOf(typeof index === 'number' ? columnName : 'section');
    return { line, column: column < 0 ? 1 : column + 1 };
  };
  return { data: { groups }, locate };
}
