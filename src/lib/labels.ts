/** Chinese labels for the schema's codes, kept beside each other so pages and data files agree. */
import type { TARGET_KINDS, TARGET_STATUSES, AUDIENCES, DOCUMENT_LEVELS } from '../content.config';
import { countTargets, isMeasurable } from './target-rules';

type Kind = (typeof TARGET_KINDS)[number];
type Status = (typeof TARGET_STATUSES)[number];
type Audience = (typeof AUDIENCES)[number];
type Level = (typeof DOCUMENT_LEVELS)[number];

/**
 * A document's level, as a group heading and filter. Each label must be true of every document in
 * the group: the party group holds 条例 of 中共中央 and a 意见 of 中组部 and 教育部党组, so it says
 * 党内文件, not 党内法规 (a 意见 is not a 党内法规).
 */
export const LEVEL_LABELS: Record<Level, string> = {
  national: '国家',
  provincial: '省',
  municipal: '市',
  county: '县',
  party: '党内文件',
};

/** The same levels as a noun for one document (DocLink's 工作思路引用的…). */
export const LEVEL_DOCUMENT_LABELS: Record<Level, string> = {
  national: '国家文件',
  provincial: '省级文件',
  municipal: '市级文件',
  county: '县级文件',
  party: '党内文件',
};

/** A document's reference-data confidence, in words. */
export const CONFIDENCE_LABELS = { confirmed: '已核实', partial: '部分核实', 'not found': '未查到公开资料' } as const;

type DocFacts = {
  confidence: keyof typeof CONFIDENCE_LABELS;
  unverified: Partial<Record<'officialTitle' | 'issuer' | 'docNumber' | 'date', string>>;
  level: Level;
  levelInferred: boolean;
};

/**
 * The mark shown beside a document fact that is not confirmed: （待核实：reason） when the entry says
 * why, otherwise the document's confidence; '' for a confirmed document.
 */
export function factMark(doc: DocFacts, field: keyof DocFacts['unverified']): string {
  const why = doc.unverified[field];
  if (why) return `（待核实：${why}）`;
  return doc.confidence === 'confirmed' ? '' : `（${CONFIDENCE_LABELS[doc.confidence]}）`;
}

/** A document's level as shown: an inferred level says so. */
export function levelLabel(doc: DocFacts): string {
  return doc.levelInferred ? `${LEVEL_LABELS[doc.level]}（推断，参考资料中没有此文件）` : LEVEL_LABELS[doc.level];
}

export const KIND_LABELS: Record<Kind, string> = {
  'percent-threshold': '比例指标',
  count: '数量',
  zero: '要求为零',
  'daily-standard': '每日标准',
  milestone: '时间节点',
  evaluation: '评估验收',
  'document-to-issue': '拟出台文件',
  direction: '变化方向',
  ranking: '排名位次',
  'theme-year': '主题年',
  action: '工作事项',
};

/** The two classes of commitment the pages distinguish (see `isMeasurable`). */
export const MEASURE_LABELS = {
  measurable: '有数值或时限的目标',
  qualitative: '没有数值或时限的目标',
} as const;

/**
 * Which sentences of a plan the site lists as targets: one rule for every task, stated on the
 * targets page so a reader can check the list is complete under it.
 */
export const SELECTION_RULE = [
  '原文中写有数字或比例的',
  '写明年份、学期或“通过一年的努力”这类时限的',
  '要求某类事情为零的（杜绝、为零）',
  '写明变化方向的（提升、降低、扭转）',
  '点名一项具体工作的：要开展、实施、建立、创建、制定、召开、评选、引进或办好的某个有名称的活动、工程、计划、制度、机构、文件或项目',
] as const;

/** Said after the rule: what the rule leaves out. */
export const SELECTION_RULE_EXCLUDES = '只说“加强”“推进”“深化”“完善”某方面工作、没有点名具体事项的句子不列。每项目标逐字摘录原文的整句（分句），链接到原文所在的句子。整理难免遗漏，一切以原文为准。';

type Counts = { total: number; measurable: number; qualitative: number; withValue: number; zero: number; withDeadline: number; withBoth: number };

/**
 * What the measurable targets are, so the parts add up to the whole: e.g. 写有具体数字的11项、要求为零的4项、
 * 写明时限的11项，其中1项既有数值又有时限 (11 + 4 + 11 − 1 = 25). A zero is counted apart from the figures
 * because its number is a word (杜绝, 为零, 五个零), not a digit; nothing is said of how the plan writes it.
 */
export function measurableBreakdown(c: Counts): string {
  const parts = [
    ...(c.withValue - c.zero > 0 ? [`写有具体数字的${c.withValue - c.zero}项`] : []),
    ...(c.zero > 0 ? [`要求为零的${c.zero}项`] : []),
    ...(c.withDeadline > 0 ? [`写明时限的${c.withDeadline}项`] : []),
  ].join('、');
  return c.withBoth > 0 ? `${parts}，其中${c.withBoth}项既有数值又有时限` : parts;
}

type Countable = Parameters<typeof countTargets>[0][number] & { kind: Kind };

/** What the targets without a number or a date are, by kind in the schema's order: 工作事项27项、变化方向12项… */
export function qualitativeBreakdown(targets: readonly Countable[]): string {
  const qualitative = targets.filter((t) => !isMeasurable(t));
  return (Object.keys(KIND_LABELS) as Kind[])
    .map((kind) => ({ kind, n: qualitative.filter((t) => t.kind === kind).length }))
    .filter((k) => k.n > 0)
    .map((k) => `${KIND_LABELS[k.kind]}${k.n}项`)
    .join('、');
}

/**
 * Every target of a list, in two classes that add up to the whole, each broken down: e.g.
 * 25项有数值或时限（写有具体数字的11项、…），45项没有数值或时限（工作事项27项、…）. One wording for the home
 * page, 一图读懂, the targets page and the share image; without `detail`, the two classes only (the
 * share image, which must stay small: the page it links to has the rest).
 */
export function targetsBreakdown(targets: readonly Countable[], { detail = true } = {}): string {
  const c = countTargets(targets);
  return [
    // The short form still says that the zero requirements (杜绝, 为零) are among them: they write no number.
    ...(c.measurable > 0 ? [`${c.measurable}项有数值或时限${detail ? `（${measurableBreakdown(c)}）` : c.zero > 0 ? `（含要求为零的${c.zero}项）` : ''}`] : []),
    ...(c.qualitative > 0 ? [`${c.qualitative}项没有数值或时限${detail ? `（${qualitativeBreakdown(targets)}）` : ''}`] : []),
  ].join('，');
}

/**
 * What a list of targets holds, in one sentence that says exactly what each number counts, e.g.
 * 按本页“哪些句子列为目标”的规则，本站列出70项目标：其中25项有数值或时限（…），45项没有数值或时限（…）。
 */
export function targetCountSentence(targets: readonly Countable[]): string {
  return `按本页“哪些句子列为目标”的规则，本站列出${targets.length}项目标：其中${targetsBreakdown(targets)}。`;
}

/** Said beside a status that rests on no evidence: the site has not looked, not that nothing happened. */
export const NO_EVIDENCE_NOTE = '本站尚未收集执行情况';

/** A status in running text: 未评估：本站尚未收集执行情况, or the status itself when evidence backs it. */
export function statusPhrase(t: { status: string; evidence: readonly unknown[] }): string {
  return t.evidence.length === 0 ? `${t.status}：${NO_EVIDENCE_NOTE}` : t.status;
}

/** The status scale, defined for readers on the targets page. */
export const STATUS_DEFINITIONS: Record<Status, string> = {
  未评估: '尚无公开的进展或结果资料可以判断（计划原文本身不含结果数据）。',
  进行中: '有公开资料表明工作已经开始，但目标尚未达成。',
  已完成: '有公开资料表明目标已按原文要求达成。',
  未完成: '时限已过，公开资料表明目标未达成。',
  已调整: '后续文件改变了目标的内容或时限。',
};

export const AUDIENCE_SLUGS: Record<Audience, string> = {
  家长: 'parents',
  教师: 'teachers',
  学生: 'students',
  学校: 'schools',
  公众: 'public',
};

const COMPARATOR_WORDS: Record<string, string> = { '>=': '不低于', '=': '', '<=': '不高于', increase: '提高', decrease: '降低' };

interface ValueFields {
  kind?: string | undefined;
  comparator?: string | undefined;
  value?: number | undefined;
  unit?: string | undefined;
  word?: string | undefined;
}

/**
 * The 数值 column: the number with its comparison, or the plan's own word where the plan has one
 * (杜绝 for a zero, 逐步扭转 for a direction), or — when the plan states no number.
 */
export function describeValue(t: ValueFields): string {
  if (t.kind === 'zero' || (t.value === undefined && t.word)) return t.word ?? `${t.value ?? ''}`;
  if (t.value === undefined) return t.comparator ? COMPARATOR_WORDS[t.comparator] ?? '—' : '—';
  const number = `${t.value}${t.unit ?? ''}`;
  // 以上 follows the number as the plan writes it (65%以上); other comparisons go before it.
  const compared = t.comparator === '>=' && t.word === '以上' ? `${number}以上` : `${t.comparator ? COMPARATOR_WORDS[t.comparator] ?? '' : ''}${number}`;
  // A per-day standard keeps the plan's own verb (确保…每天1小时) rather than an invented 不低于.
  if (t.kind === 'daily-standard') return t.word ? `${t.word}每天${number}` : `每天${compared}`;
  return compared;
}

type DeadlineFields = { year?: number | undefined; term?: string | undefined; type: string; phrase?: string | undefined };

/** The 时限 column: 2019年秋季学期起, 2019年内, 2019年全年, the plan's own phrase (通过一年的努力), or 原文未写明. */
export function describeDeadline(d: DeadlineFields | undefined): string {
  if (!d) return '原文未写明';
  if (d.phrase || d.year === undefined) return d.phrase ?? '原文未写明';
  const when = `${d.year}年${d.term ?? ''}`;
  if (d.type === 'start') return `${when}起`;
  if (d.type === 'during') return `${when}全年`;
  return `${when}内`;
}
