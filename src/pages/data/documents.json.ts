/** /data/documents.json: every document with its known facts and the sentences that cite it (fields documented on /data/). */
import type { APIRoute } from 'astro';
import { loadPlanData } from '../../lib/plan-data';
import { documentsJson } from '../../lib/open-data';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(documentsJson(await loadPlanData()), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
