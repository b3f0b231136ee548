/** Findings of the table checker, capped per resource, and how cell values are shown in them. */

export interface TableFinding {
  resource: string;
  /** 1-based data row; the header is row 0. Absent for schema- and file-level findings. */
  row?: number;
  field?: string;
  message: string;
}

export const MAX_FINDINGS_PER_RESOURCE = 50;

export class Bucket {
  readonly resource: string;
  readonly list: TableFinding[] = [];
  hidden = 0;

  constructor(resource: string) {
    this.resource = resource;
  }

  add(message: string, row?: number, field?: string): void {
    if (this.list.length >= MAX_FINDINGS_PER_RESOURCE) {
      this.hidden += 1;
      return;
    }
    const finding: TableFinding = { resource: this.resource, message };
    if (row !== undefined) finding.row = row;
    if (field !== undefined) finding.field = field;
    this.list.push(finding);
  }

  /** A finding about one cell: `row 3, field "x": …`. */
  cell(row: number, field: string, text: string): void {
    this.add(`row ${row}, field ${JSON.stringify(field)}: ${text}`, row, field);
  }

  finish(): TableFinding[] {
    if (this.hidden > 0) {
      this.list.push({
        resource: this.resource,
        message: `${this.hidden} more finding(s) not shown (only the first ${MAX_FINDINGS_PER_RESOURCE} are listed)`,
      });
    }
    return this.list;
  }
}

/** A cell value quoted for a message, shortened if long. */
export function show(raw: string): string {
  return JSON.stringify(raw.length > 60 ? raw.slice(0, 57) + '…' : raw);
}

export function showList(values: readonly string[], limit = 10): string {
  const shown = values.slice(0, limit).map(show).join(', ');
  return values.length > limit ? `${shown}, … (${values.length} in all)` : shown;
}

export function showTuple(names: readonly string[]): string {
  return `(${names.join(', ')})`;
}
