/**
 * The valid base tree (pipeline/fixtures/base) as files a hostile case edits. Every edit must
 * find what it replaces, so a case can never pass by leaving the tree as it was.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const BASE = join(import.meta.dirname, '..', 'fixtures', 'base');

export const PORTAL = 'portal.yaml';
export const PUBLISHER = 'test-city-council/publisher.yaml';
export const CATALOG = 'test-city-council/datasets.yaml';
export const DECISION = 'test-city-council/tc-2019-decision-7/document.yaml';
export const PROGRAMME = 'test-city-council/tc-2019-decision-7/programme.yaml';
export const REPORT = 'test-city-council/tc-2021-execution-report/document.yaml';
export const EXECUTION = 'test-city-council/tc-2021-execution-report/execution.yaml';
export const OBSERVATIONS = 'test-city-council/tc-2021-execution-report/observations.yaml';
export const TOTALS = 'test-city-council/tc-2021-execution-report/totals.yaml';
/** A document of its own for the CSV cases, listed in the indicators dataset. */
export const CSV_DOCUMENT = 'test-city-council/tc-2022-survey/document.yaml';
export const CSV = 'test-city-council/tc-2022-survey/observations.csv';

function readTree(root: string, folder = root, files = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) readTree(root, path, files);
    else files.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return files;
}

const base = readTree(BASE);

export class Sources {
  readonly files = new Map<string, string | Uint8Array>(base);

  text(path: string): string {
    const content = this.files.get(path);
    if (typeof content !== 'string') throw new Error(`${path} is not a text of the tree`);
    return content;
  }

  set(path: string, content: string | Uint8Array): this {
    this.files.set(path, content);
    return this;
  }

  /** Replaces the one occurrence of `from` in a file. */
  replace(path: string, from: string, to: string): this {
    const text = this.text(path);
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`${path} does not hold ${JSON.stringify(from)} exactly once`);
    return this.set(path, text.slice(0, at) + to + text.slice(at + from.length));
  }

  append(path: string, text: string): this {
    return this.set(path, this.text(path) + text);
  }

  /** One more observation group in the report's observations.yaml, with one figure. */
  observation(fields: string, group = 'section: "4. Інше"\n    unit: осіб'): this {
    return this.append(OBSERVATIONS, `  - ${group}\n    observations:\n      - id: hostile\n${indent(fields, 8)}\n`);
  }

  /** The CSV document, with the given rows under the header, in the indicators dataset. */
  csv(rows: string[], header = 'section,id,indicator,value,unit,quote,dim.district'): this {
    this.set(CSV_DOCUMENT, 'id: tc-2022-survey\nkind: activity_report\ntitle: Звіт про опитування мешканців у 2022 році\nperiod: 2022\n');
    this.set(CSV, [header, ...rows].join('\r\n') + '\r\n');
    return this.replace(CATALOG, 'documents: [tc-2021-execution-report]', 'documents: [tc-2021-execution-report, tc-2022-survey]');
  }

  /** The 1-based line of the first line of `path` that holds `marker`. */
  lineOf(path: string, marker: string): number {
    const content = this.files.get(path);
    const text = typeof content === 'string' ? content : new TextDecoder('latin1').decode(content);
    const at = text.indexOf(marker);
    if (at < 0) throw new Error(`${path} does not hold ${JSON.stringify(marker)}`);
    return text.slice(0, at).split('\n').length;
  }
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

/** A YAML double-quoted scalar that says exactly `text`, every non-printable character escaped. */
export function quoted(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff) || code === 0xfeff) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}
