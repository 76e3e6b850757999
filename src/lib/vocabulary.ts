/**
 * The plan's vocabulary, in one module that plain Node can import (the import CLI cannot load
 * astro:content): the enums of the content schema, the task-number recogniser, cited-title
 * extraction and the slug function. The schema (src/content.config.ts), the validator
 * (src/lib/validate.ts), the importer (src/importer/) and the tests all use these, so they cannot
 * disagree about what a task number or a cited title is.
 *
 * Only package imports and `.ts`-suffixed relative imports here: Node strips the types itself.
 */
import { pinyin } from 'pinyin-pro';

/** Audiences a task or guide speaks to. */
export const AUDIENCES = ['家长', '教师', '学生', '学校', '公众'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The status scale for targets, defined on the targets page. */
export const TARGET_STATUSES = ['未评估', '进行中', '已完成', '未完成', '已调整'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * What kind of commitment a target is. Labels live in `src/lib/labels.ts`; which fields each kind
 * needs (and may not have) is in `src/lib/target-rules.ts`, checked at build time. A target with a
 * number or a date is measurable; one with neither is qualitative (`isMeasurable`).
 */
export const TARGET_KINDS = [
  'percent-threshold', // a percentage: 覆盖率达到65%以上 (value, unit %, comparator)
  'count', // a number of things: 5所党建示范校 (value, unit, comparator)
  'zero', // nothing of a kind may happen: 为零、杜绝、“五个零”发生 (value 0, the plan's word)
  'daily-standard', // a per-day guarantee: 确保学生每天一小时 (value, unit, comparator)
  'milestone', // something done by or started at a date the plan names: 某年秋季学期开始 (deadline)
  'evaluation', // an inspection or assessment to pass: 某年接受评估验收
  'theme-year', // a year the plan names after a theme: 把某年作为“党建质量年” (deadline type during)
  'document-to-issue', // 出台/制定 a named document
  'direction', // a change without a number: 稳步提升, 逐步扭转 (comparator increase/decrease, the plan's word)
  'ranking', // a position among peers: 全市中上行列
  'action', // a named piece of work without a number or date: 召开全县家庭教育工作会议
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** How a target's value compares: >= for 以上/不低于/确保…每天, = for an exact count; increase/decrease for directions. */
export const TARGET_COMPARATORS = ['>=', '=', '<=', 'increase', 'decrease'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/** How a deadline dates a target: start (从…开始), by (…之前/年内完成), during (the whole year, for a theme year). */
export const DEADLINE_TYPES = ['start', 'by', 'during'] as const;
export type DeadlineType = (typeof DEADLINE_TYPES)[number];

/** Document levels, in display order. */
export const DOCUMENT_LEVELS = ['national', 'provincial', 'municipal', 'county', 'party'] as const;
export type DocumentLevel = (typeof DOCUMENT_LEVELS)[number];

// ---------------------------------------------------------------------------------------------
// Digits and numerals

/** Full-width digits ０–９ → ASCII 0–9; everything else unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

const CIRCLED_RANGES: [number, number, number][] = [
  [0x2460, 0x2473, 1], // ① … ⑳
  [0x3251, 0x325f, 21], // ㉑ … ㉟
  [0x32b1, 0x32bf, 36], // ㊱ … ㊿
];

/** ① … ⑳ ㉑ … ㉟ ㊱ … ㊿ → 1 … 50; NaN for anything else. */
export function circledNumber(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  for (const [from, to, first] of CIRCLED_RANGES) if (code >= from && code <= to) return code - from + first;
  return NaN;
}

/** 1 … 50 → the circled character; undefined beyond. */
export function circledChar(n: number): string | undefined {
  for (const [from, to, first] of CIRCLED_RANGES) {
    if (n >= first && n <= first + (to - from)) return String.fromCodePoint(from + n - first);
  }
  return undefined;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23 (1–99); NaN for anything else. */
export function chineseNumeral(text: string): number {
  if (/^[一二三四五六七八九]$/u.test(text)) return CN_DIGITS[text]!;
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (!m) return NaN;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
}

/** The numeral for 1–99: 2 → 二, 12 → 十二. */
export function toChineseNumeral(n: number): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return names[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : names[tens]}十${names[n % 10]}`;
}

// ---------------------------------------------------------------------------------------------
// Task numbers

/**
 * The three ways a plan numbers its tasks, from the highest level down:
 *   arabic   1.  1、  1．  １．  1000.   (ASCII or full-width digits; not "1.5万": no digit after the dot)
 *   paren    (1)  （1）  （１）  (1）
 *   circled  ① … ⑳ ㉑ … ㉟ ㊱ … ㊿
 */
export const TASK_NUMBER_STYLES = ['arabic', 'paren', 'circled'] as const;
export type TaskNumberStyle = (typeof TASK_NUMBER_STYLES)[number];

export interface TaskNumber {
  style: TaskNumberStyle;
  number: number;
  /** The number as written, with its brackets or separator: 1. （1） ① １． */
  label: string;
  /** Characters from the start of the text to the end of the number and the spaces after it. */
  length: number;
}

const SP = '[ \\t\\u00a0\\u3000]*';
const DIGIT = '[0-9０-９]';
const ARABIC = new RegExp(`^(${DIGIT}+)${SP}([.、．])(?!${DIGIT})${SP}`, 'u');
const PAREN = new RegExp(`^([(（])${SP}(${DIGIT}+)${SP}([)）])${SP}`, 'u');
const CIRCLED = new RegExp(`^([\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf])${SP}`, 'u');

/** The task number at the very start of a text (no bold or spaces before it), or null. */
export function taskNumberAt(text: string): TaskNumber | null {
  let m = ARABIC.exec(text);
  if (m) return { style: 'arabic', number: Number(asciiDigits(m[1]!)), label: `${m[1]}${m[2]}`, length: m[0].length };
  m = PAREN.exec(text);
  if (m) return { style: 'paren', number: Number(asciiDigits(m[2]!)), label: `${m[1]}${m[2]}${m[3]}`, length: m[0].length };
  m = CIRCLED.exec(text);
  if (m) return { style: 'circled', number: circledNumber(m[1]!), label: m[1]!, length: m[0].length };
  return null;
}

/** The task number a paragraph opens with, allowing Markdown bold and spaces before it. */
export function leadingTaskNumber(paragraph: string): TaskNumber | null {
  const lead = /^[\s\u00a0\u3000\ufeff]*(\*\*)?/u.exec(paragraph)![0];
  const found = taskNumberAt(paragraph.slice(lead.length));
  return found && { ...found, length: found.length + lead.length };
}

/** Whether a paragraph opens with task number `n` in any of the styles above. */
export function startsWithTaskNumber(paragraph: string, n: number): boolean {
  return leadingTaskNumber(paragraph)?.number === n;
}

// ---------------------------------------------------------------------------------------------
// Cited titles

/** The 《…》 titles a text cites, in order of appearance, repeats included. */
export function citedTitles(text: string): string[] {
  return [...text.matchAll(/《[^《》\n]+》/gu)].map((m) => m[0]);
}

/** The 《…》 titles a text cites, in order of first appearance, without repeats. */
export function distinctCitedTitles(text: string): string[] {
  return [...new Set(citedTitles(text))];
}

// ---------------------------------------------------------------------------------------------
// Slugs

/**
 * URL slug for a Chinese label, from its pinyin: 学前教育 → xue-qian-jiao-yu. Other characters
 * are kept as lowercase letters and digits; punctuation is dropped. `maxWords` keeps only the
 * first syllables (long document titles).
 */
export function slugOf(label: string, maxWords = Infinity): string {
  return pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}
