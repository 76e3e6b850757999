/** Chinese labels for the schema's codes, kept beside each other so pages and data files agree. */
import type { TARGET_KINDS, TARGET_STATUSES, AUDIENCES, DOCUMENT_LEVELS } from '../content.config';

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
  zero: '零发生',
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
 * What a list of targets holds, in one sentence that says exactly what each number counts, e.g.
 * 本站从原文整理出53项目标：其中25项有数值或时限（写有数值的15项，含要求为零的4项；写明时限的11项；两者都有的1项），28项没有数值或时限……
 */
export function targetCountSentence(c: { total: number; measurable: number; qualitative: number; withValue: number; zero: number; withDeadline: number; withBoth: number }): string {
  const detail = [
    `写有数值的${c.withValue}项${c.zero > 0 ? `，含要求为零的${c.zero}项` : ''}`,
    `写明时限的${c.withDeadline}项`,
    ...(c.withBoth > 0 ? [`两者都有的${c.withBoth}项`] : []),
  ].join('；');
  return `本站从原文整理出${c.total}项目标：其中${c.measurable}项有数值或时限（${detail}），${c.qualitative}项没有数值或时限，只写明要做的事或变化的方向。`;
}

/** The status scale, defined for readers on the targets page. */
export const STATUS_DEFINITIONS: Record<Status, string> = {
  未评估: '尚无公开的进展或结果资料可以判断（工作思路本身不含结果数据）。',
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
  return t.kind === 'daily-standard' ? `每天${compared}` : compared;
}

type DeadlineFields = { year: number; term?: string | undefined; type: string; phrase?: string | undefined };

/** The 时限 column: 2019年秋季学期起, 2019年内, 2019年全年, the plan's own phrase (通过一年的努力), or 原文未写明. */
export function describeDeadline(d: DeadlineFields | undefined): string {
  if (!d) return '原文未写明';
  if (d.phrase) return d.phrase;
  const when = `${d.year}年${d.term ?? ''}`;
  if (d.type === 'start') return `${when}起`;
  if (d.type === 'during') return `${when}全年`;
  return `${when}内`;
}
