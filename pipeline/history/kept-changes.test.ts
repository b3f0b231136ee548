/** The history kept for the next build: read back as it was written, or not at all. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Sink } from '../io/output.ts';
import { KEPT_CHANGES_PATH, keptChangesBytes, readKeptChanges } from './kept-changes.ts';
import type { CommitChanges } from './versions.ts';

const commits: CommitChanges[] = [
  {
    commit: 'c3',
    before: 'c2',
    readable: true,
    datasets: new Map([
      ['zvernennia', { status: 'compared', tables: [{ table: 'observations', title: 'Показники', added: [{ key: 'sc/south', cells: { value: '85', district: 'Південний', total: false, note: null } }], removed: [], changed: [{ key: 'sc/central', cells: [{ field: 'value', before: '640', after: '650' }] }] }] }],
      ['reiestr', { status: 'compared', tables: [] }],
      ['nova', { status: 'first', rows: 12 }],
    ]),
  },
  { commit: 'c2', before: 'c1', readable: false, datasets: new Map() },
  { commit: 'c1', before: null, readable: true, datasets: new Map([['zvernennia', { status: 'first', rows: 9 }]]) },
];

/** A sink whose previous output holds `bytes` as the kept history. */
function previousOutput(bytes: Uint8Array): Pick<Sink, 'previous'> {
  return { previous: (path, start, end) => (path === KEPT_CHANGES_PATH && start < bytes.length ? bytes.slice(start, end) : undefined) };
}

const sumOf = (bytes: Uint8Array) => ({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });

describe('the kept history', () => {
  it('reads back every commit as it was worked out: changes with their cells, unchanged datasets, first versions, unreadable commits', () => {
    const bytes = keptChangesBytes('key-1', commits);
    const read = readKeptChanges(previousOutput(bytes) as Sink, sumOf(bytes), 'key-1');
    expect(read).toEqual(commits);
    // The order of datasets is the order their changes are merged in for the portal-wide package.
    expect([...read![0]!.datasets.keys()]).toEqual(['zvernennia', 'reiestr', 'nova']);
  });

  it('is not read when made under another key (other code, settings or vocabulary)', () => {
    const bytes = keptChangesBytes('key-1', commits);
    expect(readKeptChanges(previousOutput(bytes) as Sink, sumOf(bytes), 'key-2')).toBeUndefined();
  });

  it('is not read when longer or shorter than the manifest records, or of another hash', () => {
    const bytes = keptChangesBytes('key-1', commits);
    const sum = sumOf(bytes);
    const longer = new Uint8Array([...bytes, 0x20]);
    expect(readKeptChanges(previousOutput(longer) as Sink, sum, 'key-1')).toBeUndefined();
    expect(readKeptChanges(previousOutput(bytes.slice(0, -1)) as Sink, sum, 'key-1')).toBeUndefined();
    const other = keptChangesBytes('key-1', [{ ...commits[0]!, commit: 'c4' }, ...commits.slice(1)]);
    expect(other.length).toBe(bytes.length);
    expect(readKeptChanges(previousOutput(other) as Sink, sum, 'key-1')).toBeUndefined();
    // Without a record in the manifest, or a previous output, there is nothing to read.
    expect(readKeptChanges(previousOutput(bytes) as Sink, undefined, 'key-1')).toBeUndefined();
    expect(readKeptChanges({} as Sink, sum, 'key-1')).toBeUndefined();
  });

  it('is not read when it holds what a history cannot (a hash of the right file of another shape)', () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ format: 1, key: 'key-1', commits: [{ commit: 'c1', before: null, readable: true, datasets: [{ name: 'x', rows: -1 }] }] }));
    expect(readKeptChanges(previousOutput(bytes) as Sink, sumOf(bytes), 'key-1')).toBeUndefined();
    const text = new TextEncoder().encode('{"format":1,');
    expect(readKeptChanges(previousOutput(text) as Sink, sumOf(text), 'key-1')).toBeUndefined();
  });
});
