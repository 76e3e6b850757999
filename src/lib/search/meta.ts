/**
 * What a page tells the search index about itself: its kind, the part of the plan it belongs to,
 * its audiences, its document level (filters), and keywords (pinyin, tags) that are searched but
 * never shown. Render it with <SearchMeta {...meta} /> inside the page's data-pagefind-body.
 *
 * For a new page kind (e.g. a guide), build the props with `guideSearchMeta` or by hand:
 *   <SearchMeta kind="指南" parts={partsOf(plan, tasks)} audiences={['家长']} titles={[title]} keywords={['托管']} />
 */
import type { Doc, Plan, PlanData, Task, Term } from '../plan-data';
import { LEVEL_LABELS } from '../plan-data';
import { toDisplayPunctuation } from '../punctuation';

/** Page kinds shown on results and offered as the 类型 filter, in display order. */
export const SEARCH_KINDS = ['任务', '文件', '指南', '术语', '目标', '全文'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * Kinds whose page spans many tasks (the full text, all targets, all terms, a guide's many answers):
 * matching every query word there says little, since the words may sit in different paragraphs, so
 * the search page relaxes a question that matches only these.
 */
export const BROAD_KINDS: readonly SearchKind[] = ['全文', '目标', '术语', '指南'];

/**
 * Ranking prior by kind (multiplies the score): the plan's own task pages first; documents; guides,
 * which retell the plan in other words; then pages that span the whole plan.
 */
/**
 * Pagefind's ranking options on the search page. pageLength below the default (0.75) so a long page
 * is not punished for explaining more; termSimilarity above 1 so 托管 prefers 托管 over 托管服务工作;
 * meta weights: the page title ×5 (Pagefind's default), a title's pinyin ×3, tags ×1.5.
 */
export const RANKING = { pageLength: 0.5, termSimilarity: 1.5, metaWeights: { title: 5, pinyin: 3, keywords: 1.5 } } as const;

export const KIND_PRIOR: Readonly<Record<SearchKind, number>> = { 任务: 1, 文件: 1, 指南: 0.75, 术语: 0.8, 目标: 0.7, 全文: 0.6 };

/** Filter keys in the index, with their Chinese labels on the search page. */
export const FILTERS = {
  kind: '类型',
  part: '所属部分',
  audience: '面向对象',
  level: '文件层级',
  year: '年度',
} as const;
export type FilterKey = keyof typeof FILTERS;

/** The 所属部分 label of task 0, which is in no numbered part: its section's heading without the numeral (指导思想, 总体要求). */
export function leadPartLabel(plan: Plan): string {
  return toDisplayPunctuation((plan.sections[0]?.heading ?? '').replace(/^[一二三四五六七八九十]+、/, ''));
}

export interface SearchMetaProps {
  kind: SearchKind;
  /** 所属部分 labels, e.g. （六）关键实事; several for a page that serves several parts. */
  parts?: string[];
  /** 面向对象: 家长, 教师, 学生, 学校, 公众. */
  audiences?: string[];
  /** 文件层级 (documents only): 国家, 省, 市, 县, 党内文件. */
  levels?: string[];
  /** 年度: the plan years a page belongs to. Default: the year in the page's address (/2019/…). */
  years?: string[];
  /** Titles and names: indexed as pinyin (full and initials). */
  titles?: string[];
  /** Tags and terms: indexed as pinyin and as split Chinese (matched however the query is segmented). */
  keywords?: string[];
}

/** The 所属部分 label of a part number, or of task 0 (null): (三)教育质量, 指导思想. */
export function partLabel(plan: Plan, part: number | null): string {
  const p = plan.parts.find((x) => x.number === part);
  return p ? toDisplayPunctuation(`${p.label}${p.short}`) : leadPartLabel(plan);
}

/** Every part label, in plan order (for the filter). */
export function partLabels(plan: Plan): string[] {
  return [leadPartLabel(plan), ...plan.parts.map((p) => partLabel(plan, p.number))];
}

/** The distinct parts a set of tasks belongs to, in plan order. */
export function partsOf(plan: Plan, tasks: readonly Task[]): string[] {
  const labels = new Set(tasks.map((t) => partLabel(plan, t.part)));
  return partLabels(plan).filter((l) => labels.has(l));
}

const unique = <T,>(xs: Iterable<T>) => [...new Set(xs)];

export function taskSearchMeta(plan: Plan, task: Task, data: PlanData): SearchMetaProps {
  return {
    kind: '任务',
    parts: [partLabel(plan, task.part)],
    audiences: [...task.audiences],
    titles: [task.title],
    keywords: unique([...task.topics, ...data.termsIn(task).flatMap((t) => [t.term, ...t.variants])]),
  };
}

/** The tasks a document bears on: those citing it, or for a related document those the reference data names. */
export function tasksOfDocument(doc: Doc, data: PlanData): Task[] {
  const ids = unique([...data.citations(doc.id).map((c) => c.task.id), ...doc.relatedTasks.map((r) => r.id)]);
  return ids.map((id) => data.task(id));
}

export function documentSearchMeta(doc: Doc, data: PlanData): SearchMetaProps {
  const tasks = tasksOfDocument(doc, data);
  // Each task is labelled with its own plan's parts: a document cited by two years serves both outlines.
  const parts = unique(data.plans.flatMap((plan) => partsOf(plan, tasks.filter((t) => t.year === plan.year))));
  const titles = unique([doc.displayTitle, doc.officialTitle, doc.planTitle].filter((t): t is string => !!t));
  return {
    kind: '文件',
    parts,
    audiences: unique(tasks.flatMap((t) => t.audiences)),
    levels: [LEVEL_LABELS[doc.level]],
    years: unique(tasks.map((t) => String(t.year))),
    titles,
  };
}

export function termsSearchMeta(terms: readonly Term[]): SearchMetaProps {
  // As keywords, not titles: the page is 术语; each name is one of many on it.
  return { kind: '术语', keywords: terms.flatMap((t) => [t.term, ...t.variants]) };
}

/** For guide pages: the parts of the tasks the guide explains; its own audiences (else the tasks'); its own keywords. */
export function guideSearchMeta(plan: Plan, opts: { title: string; tasks: readonly Task[]; audiences?: readonly string[]; keywords?: readonly string[] }): SearchMetaProps {
  return {
    kind: '指南',
    parts: partsOf(plan, opts.tasks),
    audiences: opts.audiences?.length ? unique(opts.audiences) : unique(opts.tasks.flatMap((t) => t.audiences)),
    titles: [opts.title],
    keywords: unique(opts.keywords ?? []),
  };
}
