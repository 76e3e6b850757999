/** A task's share image (PNG, for WeChat) on the development server; a build writes the files itself (src/integrations/share-images.ts). */
import type { APIRoute } from 'astro';
import { loadPlanData } from '../../lib/plan-data';
import { sharePath, shareImageResponse } from '../../lib/share/cards';
import { taskPath } from '../../lib/urls';

export async function getStaticPaths() {
  const data = await loadPlanData();
  return data.plans.flatMap((plan) =>
    data.tasksOf(plan.year).filter((t) => t.number > 0).map((task) => ({ params: { year: String(plan.year), n: String(task.number) } })),
  );
}

export const GET: APIRoute = ({ params }) => shareImageResponse(sharePath(taskPath(Number(params.year), Number(params.n))));
