/**
 * A reader-facing name for a site path, so lists of pages (涉及页面 on /changes/) show what a page
 * is, never a raw path. A path this site does not build has no name: the caller reports it.
 */
import { planShortName, type PlanData } from './plan-data';
import { toDisplayPunctuation } from './punctuation';

const SITE_PAGES: Record<string, string> = {
  '/': '首页',
  '/search/': '搜索',
  '/changes/': '更新记录',
  '/data/': '开放数据',
  '/documents/': '引用文件',
};

const PLAN_PAGES: Record<string, string> = {
  'tasks/': '任务一览',
  'targets/': '目标与时限',
  'terms/': '术语',
  'at-a-glance/': '一图读懂',
  'print/': '打印版',
  'guiding-principles/': '指导思想',
};

/** 首页, 2019年工作思路全文, 任务21：全面实施小学放学后托管服务（2019年工作思路）…; undefined for an unknown path. */
export function pageLabel(path: string, data: PlanData): string | undefined {
  if (SITE_PAGES[path]) return SITE_PAGES[path];
  // Care mode (src/integrations/care.ts) copies every page under /care/.
  if (path === '/care/') return '关怀模式（长辈版）';
  if (path.startsWith('/care/')) {
    const page = pageLabel(path.slice('/care'.length), data);
    return page && `${page}（关怀模式）`;
  }
  const compare = /^\/compare\/(\d{4})-(\d{4})\/$/.exec(path);
  if (compare) {
    const known = (y: string) => data.plans.some((p) => String(p.year) === y);
    return known(compare[1]!) && known(compare[2]!) ? `${compare[1]}年与${compare[2]}年对照` : undefined;
  }
  const doc = /^\/documents\/([^/]+)\/$/.exec(path);
  if (doc) return data.documents.find((d) => d.id === doc[1])?.displayTitle;
  const m = /^\/(\d{4})\/(.*)$/.exec(path);
  const plan = m && data.plans.find((p) => String(p.year) === m[1]);
  if (!m || !plan) return undefined;
  const name = planShortName(plan);
  const rest = m[2]!;
  if (rest === '') return `${name}全文`;
  if (PLAN_PAGES[rest]) return `${PLAN_PAGES[rest]}（${name}）`;
  const task = /^tasks\/(\d+)\/$/.exec(rest);
  if (task) {
    const t = data.tasksOf(plan.year).find((x) => x.number === Number(task[1]) && x.number > 0);
    return t && `任务${t.number}：${toDisplayPunctuation(t.title)}（${name}）`;
  }
  const guide = /^guides\/([^/]+)\/$/.exec(rest);
  if (guide) {
    const g = data.guidesOf(plan.year).find((x) => x.slug === guide[1]);
    return g && `${g.title}（${name}）`;
  }
  return undefined;
}

/** The pages a change entry names, each with its label; a path the site does not build is an error naming the entry and field. */
export function changePages(change: { id: string; paths: readonly string[] }, data: PlanData): { path: string; label: string }[] {
  return change.paths.map((path, i) => {
    const label = pageLabel(path, data);
    if (!label) throw new Error(`content/changes/${change.id}.mdx: field \`paths[${i}]\`: "${path}" is not a page this site builds (see src/lib/page-labels.ts)`);
    return { path, label };
  });
}
