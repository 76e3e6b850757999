/** Chinese labels for the schema's codes, kept beside each other so pages and data files agree. */
import type { TARGET_KINDS, TARGET_STATUSES, AUDIENCES } from '../content.config';

type Kind = (typeof TARGET_KINDS)[number];
type Status = (typeof TARGET_STATUSES)[number];
type Audience = (typeof AUDIENCES)[number];

export const KIND_LABELS: Record<Kind, string> = {
  'percent-threshold': '比例指标',
  count: '数量',
  zero: '零发生',
  milestone: '时间节点',
  evaluation: '评估验收',
  'document-to-issue': '拟出台文件',
  direction: '变化方向',
  ranking: '排名位次',
  'daily-standard': '每日标准',
};

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

export function describeValue(t: { comparator?: string | undefined; value?: number | undefined; unit?: string | undefined }): string {
  if (t.value === undefined) return t.comparator ? COMPARATOR_WORDS[t.comparator] ?? '' : '—';
  const word = t.comparator ? COMPARATOR_WORDS[t.comparator] ?? '' : '';
  return `${word}${t.value}${t.unit ?? ''}`;
}

export function describeDeadline(d: { year: number; term?: string | undefined; type: 'start' | 'by' } | undefined): string {
  if (!d) return '原文未写明';
  const when = `${d.year}年${d.term ?? ''}`;
  return d.type === 'start' ? `${when}起` : `${when}内`;
}
