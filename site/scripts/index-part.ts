/**
 * One part of the search index: `node site/scripts/index-part.ts FOLDER OUTPUT` indexes the
 * pages under FOLDER into OUTPUT and prints how many pages it read. A process of its own, so
 * that pagefind's memory ends with the part and index-search.ts can index two parts at once.
 */
import * as pagefind from 'pagefind';
import { endWithParent } from './orphan.ts';

endWithParent();
const [folder, output] = process.argv.slice(2);
if (!folder || !output) {
  process.stderr.write('usage: node site/scripts/index-part.ts FOLDER OUTPUT\n');
  process.exit(2);
}
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'uk' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: folder });
if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: output });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
process.stdout.write(`${added.page_count}\n`);
