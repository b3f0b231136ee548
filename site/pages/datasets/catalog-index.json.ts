/** The catalog's compact index for its filter script (site/components/catalog-index.ts). */
import type { APIRoute } from 'astro';
import { catalogIndex } from '../../components/catalog-index.ts';
import { datasets } from '../../lib/data.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(catalogIndex(datasets())), { headers: { 'Content-Type': 'application/json' } });
