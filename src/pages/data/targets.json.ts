/** /data/targets.json: every target with its deadline, status and evidence (fields documented on /data/). */
import type { APIRoute } from 'astro';
import { loadPlanData } from '../../lib/plan-data';
import { targetsJson } from '../../lib/open-data';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(targetsJson(await loadPlanData()), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
