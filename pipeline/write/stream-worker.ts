/**
 * A worker thread that makes a streamed dataset's files (the portal-wide package) from the
 * chunks of rows the main thread derives: the CSV and JSON, their check and hashes, the
 * workbook and the descriptions. Its files' bytes go back as they are made, moved rather than
 * copied, for the main thread's sink.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileStream, Sink } from '../io/output.ts';
import type { Dataset, Row, Table } from '../publish/types.ts';
import { makeUrls } from '../publish/urls.ts';
import { datasetStream, type DatasetStream, type StreamedFiles } from './dataset-stream.ts';
import type { WriterSettings } from './writers.ts';

export type StreamRequest =
  | { type: 'start'; dataset: Dataset; groups: Table[][]; folder: string; keep: number }
  | { type: 'chunk'; group: number; rows: Row[][] }
  | { type: 'finish' };

export type StreamReply =
  | { type: 'open'; path: string }
  | { type: 'write'; path: string; bytes: Uint8Array }
  | { type: 'close'; path: string }
  | { type: 'chunk done' }
  | { type: 'done'; result: StreamedFiles };

const settings = workerData as WriterSettings;
const urls = makeUrls(settings.siteUrl, settings.basePath);
const port = parentPort!;
const reply = (message: StreamReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Files opened here are written by the main thread's sink, in the order asked. */
const postingSink: Sink = {
  written: { files: 0, bytes: 0 },
  put() {
    throw new Error('a streamed dataset puts its small files in its result');
  },
  open(path): FileStream {
    reply({ type: 'open', path });
    return {
      write: (bytes) => reply({ type: 'write', path, bytes }, [bytes.buffer as ArrayBuffer]),
      close: () => reply({ type: 'close', path }),
      discard: () => {},
    };
  },
};

let files: DatasetStream | undefined;

port.on('message', (request: StreamRequest) => {
  switch (request.type) {
    case 'start':
      files = datasetStream(request.dataset, request.groups, urls, settings, postingSink, request.folder, request.keep);
      return;
    case 'chunk':
      files!.chunk(request.group, request.rows);
      reply({ type: 'chunk done' });
      return;
    case 'finish': {
      const result = files!.finish();
      const { catalogue } = result.files;
      reply({ type: 'done', result }, [...new Set([...result.files.files.map((file) => file.bytes), catalogue.turtle, catalogue.jsonld].map((bytes) => bytes.buffer as ArrayBuffer))]);
    }
  }
});
