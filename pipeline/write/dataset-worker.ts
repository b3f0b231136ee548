/**
 * A worker thread of poolWriter: datasets in, their files out, written into the folder given
 * or, without one, their bytes moved (not copied) to the thread that asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeUrls } from '../publish/urls.ts';
import { storeFiles, writeDatasetFiles } from './dataset-files.ts';
import { keyed, type WriterTask, type WriterSettings } from './writers.ts';

const settings = workerData as WriterSettings;
const urls = makeUrls(settings.siteUrl, settings.basePath);

parentPort!.on('message', ({ dataset, folder, key }: WriterTask) => {
  const made = keyed(writeDatasetFiles(dataset, urls, settings), dataset, settings, key);
  const result = folder === undefined ? made : storeFiles(made, folder);
  const pieces = result.catalogue ? [result.catalogue.turtle, result.catalogue.jsonld] : [];
  parentPort!.postMessage(result, [...new Set([...result.files.map((file) => file.bytes), ...pieces].map((bytes) => bytes.buffer as ArrayBuffer))]);
});
