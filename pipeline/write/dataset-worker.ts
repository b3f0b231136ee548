/** A worker thread of poolWriter: datasets in, their files out (bytes moved, not copied). */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from '../publish/types.ts';
import { makeUrls } from '../publish/urls.ts';
import { writeDatasetFiles } from './dataset-files.ts';
import { keyed, type WriterSettings } from './writers.ts';

const settings = workerData as WriterSettings;
const urls = makeUrls(settings.siteUrl, settings.basePath);

parentPort!.on('message', (dataset: Dataset) => {
  const result = keyed(writeDatasetFiles(dataset, urls, settings), dataset, settings);
  const pieces = result.catalogue ? [result.catalogue.turtle, result.catalogue.jsonld] : [];
  parentPort!.postMessage(result, [...new Set([...result.files.map((file) => file.bytes), ...pieces].map((bytes) => bytes.buffer as ArrayBuffer))]);
});
