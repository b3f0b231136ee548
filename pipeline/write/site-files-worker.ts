/** The thread of siteFilesOnThread: texts in, files under the folder it was given out. */
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { placer } from '../io/output.ts';
import { siteFiles, type SiteFilesMessage, type SiteFilesReply } from './site-files.ts';

const place = placer(workerData as string);
const files = siteFiles((path, bytes) => writeFileSync(place(path), bytes));
const reply = (message: SiteFilesReply) => parentPort!.postMessage(message);

parentPort!.on('message', (message: SiteFilesMessage) => {
  if ('end' in message) return reply({ end: files.end() });
  files.add(message.path, message.text);
  reply({ wrote: 1 });
});
