/**
 * After the site is built: the search index, written into the built site as pagefind/.
 * Only the parts marked data-pagefind-body are indexed; filters come from the pages'
 * data-pagefind-filter attributes (kind, publisher, year, format).
 */
import { resolve } from 'node:path';
import * as pagefind from 'pagefind';

const site = resolve(process.env.SITE_OUT ?? 'dist');
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'uk' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: site });
if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: resolve(site, 'pagefind') });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
process.stdout.write(`search index: ${added.page_count} pages\n`);
