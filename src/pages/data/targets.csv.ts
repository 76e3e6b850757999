/** /data/targets.csv: the targets as a spreadsheet, UTF-8 with BOM for Excel (columns documented on /data/). */
import type { APIRoute } from 'astro';
import { loadPlanData } from '../../lib/plan-data';
import { targetsCsv } from '../../lib/open-data';

export const GET: APIRoute = async () =>
  new Response(targetsCsv(await loadPlanData()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
