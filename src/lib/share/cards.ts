/**
 * What each share image says, from the plan's data: a task's title, its one-sentence summary, its
 * targets in the plan's words, the plan's name and date, and the page's address as a QR code (only
 * when the published address, SITE_URL, is set; otherwise the plan's original address as text).
 */
import { loadPlanData, planShortName, taskLabel, type Plan, type PlanData, type Task } from '../plan-data';
import { glanceOf } from '../glance';
import { toDisplayPunctuation } from '../punctuation';
import { targetsBreakdown } from '../labels';
import { longDate } from '../site';
import { absoluteUrl, taskPath } from '../urls';
import { SHARE_WIDTH, type ShareCard, type ShareJob } from './card';
import { figureWithWord, targetLines } from './lines';
import { startDrawing, type Drawing } from './pool';
import { SHARE_REGISTRY, type ShareRegistry } from './registry';
import { glancePath, sharePath } from './paths';

export { glancePath, sharePath };

const show = toDisplayPunctuation;

function footer(plan: Plan): string[] {
  return [`《${plan.title}》`, plan.issuer, plan.published ? `${longDate(plan.published)}发布` : '发布日期：未知'];
}

/** Without the published address the image shows the plan's original one, with the plan's note on it. */
function source(plan: Plan): Pick<ShareCard, 'source' | 'sourceNote'> {
  return { source: plan.sourceUrl, sourceNote: plan.sourceUrlNote ?? undefined };
}

export function taskCard(plan: Plan, task: Task): ShareCard {
  const part = plan.parts.find((p) => p.number === task.part);
  return {
    band: plan.title,
    kicker: [taskLabel(task), part && show(`${part.label}${part.short}`)].filter(Boolean).join(' · '),
    title: show(task.title),
    summary: task.summary,
    sections: [
      {
        heading: task.targets.length > 0 ? `目标与时限（${task.targets.length}项目标）` : '目标与时限',
        items: targetLines(task.targets),
        empty: '本段没有可量化或有明确时限的目标。',
      },
    ],
    footer: footer(plan),
    url: absoluteUrl(taskPath(plan.year, task.number)),
    ...source(plan),
  };
}

export function glanceCard(plan: Plan, data: PlanData): ShareCard {
  const g = glanceOf(plan, data);
  return {
    band: plan.title,
    kicker: '',
    title: `一图读懂${planShortName(plan)}`,
    summary: `${g.partsPhrase}；本站整理出${g.targets.length}项目标：${targetsBreakdown(g.targets, { detail: false })}。`,
    sections: [
      {
        heading: '部分与任务',
        items: g.parts.map(({ part, tasks }) => ({ figure: `${tasks.length}项任务`, text: show(`${part.label}${part.short}`) })),
        columns: 3,
      },
      {
        // Goals the plan sets, not results: the heading says so (the tiles carry a target's name only).
        heading: '主要目标数字',
        items: g.figures.map((f) => ({ figure: figureWithWord(f.target), text: show(f.target.metric) })),
        columns: 3,
      },
      {
        heading: `时间表（写明时限的${g.datedCount}项目标）`,
        // Counts by deadline only: the image must stay small enough to share; the page lists each one.
        items: g.timeline.map((e) => ({ figure: `${e.targets.length}项目标`, text: e.label })),
        columns: 3,
      },
      ...g.groups.map((group) => ({
        heading: show(group.name),
        items: group.tasks.map((t) => ({ text: `${taskLabel(t)} ${show(t.title)}` })),
        columns: 2,
      })),
      {
        heading: `将出台的文件（${g.documents.length}件）`,
        items: g.documents.map(({ target, document }) => ({ text: document?.displayTitle ?? show(target!.metric).replace(/^《|》$/g, '') })),
        columns: 2,
      },
    ],
    footer: footer(plan),
    url: absoluteUrl(glancePath(plan.year)),
    ...source(plan),
  };
}

let drawing: Drawing | undefined;

/**
 * Every share image of the site, keyed by its site path: all handed to the drawing worker at once,
 * the first time a page asks, so they are drawn while the other pages render. The build's last step
 * (src/integrations/share-images.ts) writes them out when all are done.
 */
async function shareSet(): Promise<Drawing> {
  if (drawing) return drawing;
  const data = await loadPlanData();
  if (drawing) return drawing;
  const jobs: ShareJob[] = [];
  for (const plan of data.plans) {
    jobs.push({ path: sharePath(glancePath(plan.year)), card: glanceCard(plan, data) });
    for (const task of data.tasksOf(plan.year).filter((t) => t.number > 0)) jobs.push({ path: sharePath(taskPath(plan.year, task.number)), card: taskCard(plan, task) });
  }
  drawing = startDrawing(jobs);
  (globalThis as Record<symbol, unknown>)[SHARE_REGISTRY] = { done: drawing.done } satisfies ShareRegistry;
  return drawing;
}

/** The PNG response for a share image's site path (the development server's route; a build writes the files itself). */
export async function shareImageResponse(path: string): Promise<Response> {
  const png = (await shareSet()).images.get(path);
  if (!png) throw new Error(`no share image for ${path}`);
  return new Response(new Uint8Array(await png), { headers: { 'Content-Type': 'image/png' } });
}

/**
 * The link preview image (og:image) of a page, by its site path without the base: its share image's
 * absolute address and width. Only with the published address (SITE_URL): a relative or placeholder
 * address is no use to WeChat or any other previewer, so without it there is none. The page does not
 * wait for the drawing: the build's last step adds og:image:height from the finished image
 * (src/integrations/share-images.ts).
 */
export async function shareImageMeta(pagePath: string): Promise<{ url: string; width: number } | undefined> {
  const path = sharePath(pagePath);
  // Asked by every page's layout: the first page starts the drawing, with or without an address.
  const image = (await shareSet()).images.get(path);
  const url = absoluteUrl(path);
  if (!url || !image) return undefined;
  return { url, width: SHARE_WIDTH };
}
