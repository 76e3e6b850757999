/** /data/plan.json: every plan with its parts and tasks, verbatim (fields documented on /data/). */
import type { APIRoute } from 'astro';
import { loadPlanData } from '../../lib/plan-data';
import { planJson } from '../../lib/open-data';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(planJson(await loadPlanData()), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
