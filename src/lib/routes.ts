/**
 * Route data: what a page needs that follows from its address and the plan's outline — the plan a
 * page belongs to, the navigation and its current item, the canonical address, breadcrumbs, the task
 * filter views (shared by the filter links and the pages they lead to) and previous/next. Pages only
 * render what these return (the way Starlight computes route data once).
 */
import type { Crumb } from '../components/Breadcrumbs.astro';
import type { Doc, Plan, PlanData, Task } from './plan-data';
import { slugOf, taskHref, taskLabel } from './plan-data';
import { AUDIENCE_SLUGS } from './labels';
import { AUDIENCES } from '../content.config';
import { toDisplayPunctuation } from './punctuation';
import { outlineStructure } from './glance';
import { absoluteUrl, planPath, printPath, targetsPath, tasksPath, termsPath, withBase, withoutBase } from './urls';

/** The plan year in a page address (/2020/tasks/ → 2020), or undefined for site-wide pages. */
export function yearOfPath(pathname: string): number | undefined {
  const m = withoutBase(pathname).match(/^\/(\d{4})\//);
  return m ? Number(m[1]) : undefined;
}

/** The plan a page belongs to: the one in its address, else the latest (site-wide pages). */
export function planOfPath(pathname: string, data: PlanData): Plan {
  return data.site.planOf(yearOfPath(pathname));
}

/** Whether the address names a plan of its own (then the page carries only that plan's identity). */
export function isPlanPage(pathname: string, data: PlanData): boolean {
  const year = yearOfPath(pathname);
  return data.plans.some((p) => p.year === year);
}

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

/** The main navigation for a page: the plan's full text, tasks, targets, terms, and the shared documents. */
export function navFor(pathname: string, data: PlanData): NavItem[] {
  const { year } = planOfPath(pathname, data);
  const items = [
    { href: withBase(planPath(year)), label: '全文', exact: true },
    { href: withBase(tasksPath(year)), label: '任务' },
    { href: withBase(targetsPath(year)), label: '目标' },
    { href: withBase('/documents/'), label: '文件' },
    { href: withBase(termsPath(year)), label: '术语' },
  ];
  return items.map(({ exact, ...i }) => ({ ...i, current: exact ? pathname === i.href : pathname.startsWith(i.href) }));
}

/** The page's canonical address; undefined without SITE_URL (the tag is then left out). */
export function canonicalUrl(pathname: string): string | undefined {
  return absoluteUrl(withoutBase(pathname));
}

/** Where the footer's 打印全文 leads: the print page of the page's plan. */
export function printHref(pathname: string, data: PlanData): string {
  return withBase(printPath(planOfPath(pathname, data).year));
}

/** The first breadcrumb of a plan's pages: its short name, linking to its full text. */
export function planCrumb(plan: Plan): Crumb {
  return { label: plan.name, href: withBase(planPath(plan.year)) };
}

/** Breadcrumbs of a page under a plan: plan › [tasks ›] … */
export function planCrumbs(plan: Plan, ...rest: Crumb[]): Crumb[] {
  return [planCrumb(plan), ...rest];
}

/** The crumb of the task index. */
export function tasksCrumb(plan: Plan): Crumb {
  return { label: '任务', href: withBase(tasksPath(plan.year)) };
}

/** A pre-rendered filtered view of a plan's task index (/2019/tasks/part/3/). */
export interface TaskView {
  facet: 'part' | 'audience' | 'topic';
  value: string;
  /** The filter link's text: (三)教育质量, 家长, 托管. */
  linkLabel: string;
  /** The view's heading: (三)聚焦内涵发展…, 面向家长, 主题“托管”. */
  label: string;
  /** Site path (without base). */
  path: string;
  tasks: Task[];
}

export interface TaskViewGroup {
  label: string;
  views: TaskView[];
}

/** The filter groups of a plan's task index: 所属部分, 面向对象, 主题 — the links and their pages. */
export function taskViewGroups(plan: Plan, data: PlanData): TaskViewGroup[] {
  const outline = data.outline(plan.year);
  const tasks = data.tasksOf(plan.year);
  const root = tasksPath(plan.year);
  const view = (facet: TaskView['facet'], value: string, linkLabel: string, label: string, match: (t: Task) => boolean): TaskView => ({
    facet, value, linkLabel, label, path: `${root}${facet}/${value}/`, tasks: tasks.filter(match),
  });
  const topics = [...new Set(tasks.flatMap((t) => t.topics))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return [
    { label: '所属部分', views: outline.parts.map((p) => view('part', String(p.number), toDisplayPunctuation(p.shortHeading), toDisplayPunctuation(p.heading), (t) => t.part === p.number)) },
    { label: '面向对象', views: AUDIENCES.map((a) => view('audience', AUDIENCE_SLUGS[a], a, `面向${a}`, (t) => t.audiences.includes(a))) },
    { label: '主题', views: topics.map((topic) => view('topic', slugOf(topic), topic, `主题“${topic}”`, (t) => t.topics.includes(topic))) },
  ];
}

/** Every filtered view of every plan, for getStaticPaths. */
export function allTaskViews(data: PlanData): { plan: Plan; view: TaskView }[] {
  return data.plans.flatMap((plan) => taskViewGroups(plan, data).flatMap((g) => g.views.map((view) => ({ plan, view }))));
}

/**
 * What a plan consists of, in its own headings and counted from its outline: “一、指导思想”和
 * “二、重点工作与举措”（分6个部分、23项任务）, so the parts stand under the section that holds them;
 * a plan without section headings: 9项任务.
 */
export function outlineScope(plan: Plan, data: PlanData): string {
  const outline = data.outline(plan.year);
  if (outline.sections.length > 0 && outline.sections.every((s) => s.heading.trim() !== '')) return outlineStructure(outline);
  const lead = outline.lead ? `${toDisplayPunctuation(outline.lead.title)}和` : '';
  const parts = outline.parts.length > 0 ? `${outline.parts.length}个部分共` : '';
  return `${lead}${parts}${outline.numbered.length}项任务`;
}

/** What a task's place in the outline reads as: 二、重点工作与举措 › (一)以党的十九大精神为统领…, display punctuation. */
export function taskKicker(task: Task, data: PlanData): string {
  return toDisplayPunctuation(data.outline(task.year).trail(task).join(' › '));
}

/** The part a task sits in, as the task table and search filters name it: (三)教育质量, or task 0's section. */
export function partName(task: Pick<Task, 'number' | 'part' | 'year'>, data: PlanData): string {
  const outline = data.outline(task.year);
  const part = outline.partOf(task);
  return toDisplayPunctuation(part ? part.shortHeading : outline.sectionOf(task).heading);
}

/**
 * What a document page calls the plans it speaks of: the kinds of the plans that cite it (工作要点 when
 * only a 工作要点 does, 工作思路、工作要点 when both kinds do), or every kind the site carries for a
 * document no plan cites. A document can be cited by several years' plans, so one plan's word is not enough.
 */
export function documentPlanKinds(doc: Pick<Doc, 'id'>, data: PlanData): string {
  const years = [...new Set(data.citations(doc.id).map((c) => c.task.year))].sort((a, b) => a - b);
  const kinds = [...new Set(years.map((y) => data.site.planOf(y).kind))];
  return kinds.length > 0 ? kinds.join('、') : data.site.kinds;
}

export interface PrevNextLink {
  href: string;
  label: string;
}

/** The tasks before and after one, in plan order (task 0 first). */
export function prevNext(task: Task, data: PlanData): { prev: PrevNextLink | undefined; next: PrevNextLink | undefined } {
  const siblings = data.tasksOf(task.year);
  const i = siblings.findIndex((t) => t.id === task.id);
  const link = (t: Task | undefined) => (t ? { href: taskHref(t), label: t.number === 0 ? toDisplayPunctuation(t.title) : `${taskLabel(t)} ${toDisplayPunctuation(t.title)}` } : undefined);
  return { prev: link(siblings[i - 1]), next: link(siblings[i + 1]) };
}
