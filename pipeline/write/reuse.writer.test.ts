/**
 * Taking a dataset over from the previous build, the manifest that names what may be taken
 * over, and the sizes and hashes it records, against the SHA-256 test vectors of FIPS 180-2.
 */
import { describe, expect, it } from 'vitest';
import type { FileStream } from '../io/output.ts';
import type { Dataset } from '../publish/types.ts';
import type { DatasetFiles } from './dataset-files.ts';
import { datasetKey, fileSums, type FileList, MANIFEST_FORMAT, MANIFEST_PATH, manifestOf, type Manifest, type ReuseCounts, reusingWriter, summing } from './reuse.ts';
import type { DatasetWriter, WriterSettings } from './writers.ts';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const bytes = (text: string) => new TextEncoder().encode(text);

describe('sizes and hashes', () => {
  it('hashes the files given, takes those already written from their records, streamed ones first', () => {
    const written = [{ path: 'big.csv', bytes: 10_000_000, sha256: 'f'.repeat(64) }];
    expect(fileSums([{ path: 'a.txt', bytes: bytes('abc') }, { path: 'big.csv', bytes: bytes('') }, { path: 'e.txt', bytes: bytes('') }], written, ['big.csv'])).toEqual([
      { path: 'big.csv', bytes: 10_000_000, sha256: 'f'.repeat(64) },
      { path: 'a.txt', bytes: 3, sha256: ABC },
      { path: 'big.csv', bytes: 10_000_000, sha256: 'f'.repeat(64) },
      { path: 'e.txt', bytes: 0, sha256: EMPTY },
    ]);
    expect(fileSums([], [])).toEqual([]);
  });

  it('refuses a streamed file without a written record', () => {
    expect(() => fileSums([], [], ['lost.csv'])).toThrow('lost.csv: streamed, but has no written record');
  });

  it('sums a file written in pieces as the whole, and passes every piece, the close and a discard on', async () => {
    const seen: string[] = [];
    const stream: FileStream = {
      write: (piece) => void seen.push(new TextDecoder().decode(piece)),
      close: async () => void seen.push('close'),
      discard: async () => void seen.push('discard'),
    };
    const file = summing('a.txt', stream);
    file.write(bytes('a'));
    file.write(bytes('bc'));
    await file.close();
    await file.discard();
    expect(seen).toEqual(['a', 'bc', 'close', 'discard']);
    expect(file.sum()).toEqual({ path: 'a.txt', bytes: 3, sha256: ABC });
  });
});

describe('the manifest', () => {
  const list = (name: string, extra: { [K in keyof FileList]?: FileList[K] | undefined }): FileList => ({ name, written: [], rows: 4, problems: [], paths: [], key: `key-${name}`, sums: [{ path: 'a.csv', bytes: 3, sha256: ABC }], ...extra }) as FileList;

  it('names the datasets made whole, with their key, rows, records, sums and catalogue piece', () => {
    const catalogue = [{ path: 'catalog.ttl', bytes: 0, sha256: EMPTY }];
    const piece = { ttl: [0, 10], jsonld: [0, 20] } as unknown as FileList['catalogue'];
    const manifest = manifestOf([list('a', { catalogue: piece! }), list('b', { key: undefined }), list('c', { sums: undefined }), list('d', { problems: ['bad'] })], catalogue);
    expect(manifest).toEqual({ format: MANIFEST_FORMAT, catalogue, datasets: { a: { key: 'key-a', rows: 4, written: [], files: [{ path: 'a.csv', bytes: 3, sha256: ABC }], catalogue: piece } } });
    expect(MANIFEST_FORMAT).toBe(4);
    // Where docs/outputs.md and the messages of N_MANIFEST_UNUSABLE say it is, beside the output it describes.
    expect(MANIFEST_PATH).toBe('manifest.json');
  });
});

describe('a writer that takes over', () => {
  const settings: WriterSettings = { siteUrl: 'https://dani.example.gov.ua', basePath: '/', portalTitle: 'Дані' };
  const dataset = { name: 'd', tables: [], title: 'Набір' } as unknown as Dataset;
  const made: DatasetFiles = { name: 'd', files: [], written: [], rows: 1, problems: [] };
  const inner = (): DatasetWriter & { calls: string[] } => {
    const calls: string[] = [];
    return { calls, capacity: 3, write: async (d, folder) => (calls.push(`${d.name} ${folder ?? ''}`), made), close: async () => void calls.push('close') };
  };
  const previous = (key: string): Manifest => ({
    format: MANIFEST_FORMAT,
    catalogue: [],
    datasets: { d: { key, rows: 7, written: [{ path: 'a.csv' }] as never, files: [{ path: 'a.csv', bytes: 3, sha256: ABC }, { path: 'b.json', bytes: 0, sha256: EMPTY }], catalogue: undefined } },
  });

  it('takes over a dataset whose key the previous manifest holds and whose files are intact', async () => {
    const counts: ReuseCounts = { made: 0, reused: 0 };
    const writer = inner();
    const key = datasetKey(dataset, settings, 'v1');
    const reusing = reusingWriter(writer, settings, { previous: previous(key), version: 'v1', intact: async (name, entry) => name === 'd' && entry.rows === 7 }, counts);
    expect(reusing.capacity).toBe(3);
    expect(await reusing.write(dataset, 'out')).toEqual({
      name: 'd',
      files: [],
      reused: ['a.csv', 'b.json'],
      sums: [{ path: 'a.csv', bytes: 3, sha256: ABC }, { path: 'b.json', bytes: 0, sha256: EMPTY }],
      written: [{ path: 'a.csv' }],
      rows: 7,
      problems: [],
      key,
      previousPiece: undefined,
    });
    expect(counts).toEqual({ made: 0, reused: 1 });
    expect(writer.calls).toEqual([]);
    await reusing.close();
    expect(writer.calls).toEqual(['close']);
  });

  it('takes over without a check of the files when none is given', async () => {
    const counts: ReuseCounts = { made: 0, reused: 0 };
    const reusing = reusingWriter(inner(), settings, { previous: previous(datasetKey(dataset, settings, 'v1')), version: 'v1' }, counts);
    expect((await reusing.write(dataset)).reused).toEqual(['a.csv', 'b.json']);
    expect(counts).toEqual({ made: 0, reused: 1 });
  });

  it('makes the dataset again when its files are not intact, its key differs, or there is no previous build', async () => {
    for (const [reuse, why] of [
      [{ previous: previous(datasetKey(dataset, settings, 'v1')), version: 'v1', intact: async () => false }, 'damaged'],
      [{ previous: previous(datasetKey(dataset, settings, 'v1')), version: 'v2' }, 'new code'],
      [{ previous: undefined, version: 'v1' }, 'first build'],
    ] as const) {
      const counts: ReuseCounts = { made: 0, reused: 0 };
      const writer = inner();
      expect(await reusingWriter(writer, settings, reuse, counts).write(dataset, 'out'), why).toBe(made);
      expect(counts, why).toEqual({ made: 1, reused: 0 });
      expect(writer.calls, why).toEqual(['d out']);
    }
  });
});
