/**
 * Proposing targets from a task's text. Every proposal carries `reviewed: false`: it is a
 * suggestion for an editor, never a finished reading of the plan.
 *
 * The text is cut into clauses at , ， ; ； 。 ！ ？ and line breaks; a clause that is only a date
 * (2019年, 2019年秋季学期开始) is joined to the next one, so the quote keeps its date. The quote is the
 * clause exactly as written (a substring of the body). One target at most per clause, first match wins:
 *   percent-threshold  a percentage with 达到 / 以上 / 不低于        comparator >=, value, unit %
 *   count              an arabic number + 所 / 个 / 项 (not 第N项)  comparator = (>= with 以上/不少于/至少)
 *   zero               为零 / 零发生                              comparator =, value 0
 *   evaluation         a year (≥ the plan's) + 评估 / 验收 / 认定
 *   milestone          a year (≥ the plan's) + a term or deadline word (秋季, 年底, 前, 完成, 开始 …)
 * A year ≥ the plan's year in the quote becomes the deadline: term 秋季学期/年底/… as written, type
 * start for 开始/起/启动 (unless the clause also says 完成/前), else by.
 * Metric: the words before 达到/不低于 (percent), after the unit or else before the number (count),
 * before 为零/零发生 (zero), the clause without its date (milestone, evaluation), leading 力争/争取/确保
 * removed; the whole quote when that leaves nothing.
 */
import type { TargetKind as AnyKind } from '../lib/vocabulary.ts';

/** The kinds this module proposes (a subset of TARGET_KINDS in src/lib/vocabulary.ts). */
export type TargetKind = Extract<AnyKind, 'percent-threshold' | 'count' | 'zero' | 'milestone' | 'evaluation'>;

export interface ProposedTarget {
  id: string;
  kind: TargetKind;
  metric: string;
  comparator?: '>=' | '=';
  value?: number;
  unit?: string;
  /** The plan's word for a zero (为零, 零发生), shown instead of a bare 0. */
  word?: string;
  deadline?: { year: number; term?: string; type: 'start' | 'by' };
  quote: string;
  reviewed: false;
}

/** A proposal before it gets an id. */
export type TargetProposal = Omit<ProposedTarget, 'id'>;

const SEPARATOR = /[，,；;。！？!?\n]/u;
const DATE_PHRASE = /^(?:到|至|在|于|自|从|力争|争取|确保)?(20\d{2})年度?(?:秋季|春季|上半年|下半年|年底|年末|底|内)?(?:学期)?(?:开始|起|前|始)?$/u;
const DATE_PREFIX = /^(?:到|至|在|于|自|从|力争|争取|确保)?20\d{2}年度?(?:秋季|春季|上半年|下半年|年底|年末|底|内)?(?:学期)?(?:开始|起|前|始)?[，,]?/u;
const YEAR = /(20\d{2})年/u;
const TERM = /(?:秋季|春季)(?:学期)?|上半年|下半年|年底|年末|年内/u;
const START = /(?:年|季|学期)(?:开始|起)|启动/u;
const BY = /(?:年|季|学期|月)(?:底|末)?前|年底|年末|年内|完成|建成|竣工|投入使用/u;
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/u;
const PERCENT_WORDS = /达到|以上|不低于/u;
const COUNT = /(?<![\d.+＋第])(\d+)\s*(所|个|项)(?!百分点|月|目)/u;
const AT_LEAST = /以上|不少于|至少|超过/u;
const ZERO = /为零|零”?发生/u;
const EVALUATION = /评估|验收|认定/u;
const LEAD = /^(?:力争|争取|争创|确保|努力|全力|做到)+/u;

/** Clauses of a text with their positions; date-only clauses joined to the next. */
export function clauses(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SEPARATOR.test(text[i]!)) {
      let s = start;
      let e = i;
      while (s < e && /[\s\u00a0\u3000]/u.test(text[s]!)) s++;
      while (e > s && /[\s\u00a0\u3000]/u.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
      start = i + 1;
    }
  }
  const joined: typeof out = [];
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    const next = out[i + 1];
    const between = next ? text.slice(c.end, next.start) : '';
    if (next && DATE_PHRASE.test(c.text) && !/[。；;\n]/u.test(between)) {
      joined.push({ start: c.start, end: next.end, text: text.slice(c.start, next.end) });
      i++;
    } else joined.push(c);
  }
  return joined;
}

const clean = (metric: string, fallback: string) => {
  const m = metric
    .replace(/“[^”]*$/u, '') // an opening quotation mark cut off from its closing one
    .replace(/^[，,、：:\s]+|[，,、：:\s]+$/gu, '')
    .replace(LEAD, '');
  return m.length > 0 ? m : fallback;
};

function deadlineOf(quote: string, planYear: number): ProposedTarget['deadline'] | undefined {
  const y = YEAR.exec(quote);
  if (!y) return undefined;
  const year = Number(y[1]);
  if (year < planYear) return undefined;
  const term = TERM.exec(quote.slice(y.index))?.[0];
  const type = START.test(quote) && !BY.test(quote) ? 'start' : 'by';
  return term ? { year, term, type } : { year, type };
}

/** Propose at most one target for one clause (see the module comment), or null. */
export function proposeForClause(quote: string, planYear: number): TargetProposal | null {
  if (Array.from(quote).length < 2) return null;
  const deadline = deadlineOf(quote, planYear);
  const withDeadline = (t: TargetProposal): TargetProposal => (deadline ? { ...t, deadline } : t);
  const body = quote.replace(DATE_PREFIX, '');

  const pct = PERCENT.exec(quote);
  if (pct && PERCENT_WORDS.test(quote)) {
    const before = body.slice(0, Math.max(0, body.indexOf(pct[0])));
    const verb = /达到|不低于|保持在|稳定在|提高到|提升到/u.exec(before);
    const metric = clean(verb ? before.slice(0, verb.index) : before, quote);
    return withDeadline({ kind: 'percent-threshold', metric, comparator: '>=', value: Number(pct[1]), unit: '%', quote, reviewed: false });
  }
  const count = COUNT.exec(body);
  if (count) {
    const after = body.slice(count.index + count[0].length).split(/[、\d]/u)[0]!;
    const before = body.slice(0, count.index);
    const metric = clean(after, '') || clean(before, quote);
    return withDeadline({
      kind: 'count',
      metric,
      comparator: AT_LEAST.test(quote) ? '>=' : '=',
      value: Number(count[1]),
      unit: count[2]!,
      quote,
      reviewed: false,
    });
  }
  const zero = ZERO.exec(body);
  if (zero) {
    const word = zero[0].replace(/[“”]/gu, '');
    return withDeadline({ kind: 'zero', metric: clean(body.slice(0, zero.index), quote), comparator: '=', value: 0, word, quote, reviewed: false });
  }
  if (deadline && EVALUATION.test(quote)) {
    return { kind: 'evaluation', metric: clean(body, quote), deadline, quote, reviewed: false };
  }
  if (deadline && (TERM.test(quote) || START.test(quote) || BY.test(quote))) {
    return { kind: 'milestone', metric: clean(body, quote), deadline, quote, reviewed: false };
  }
  return null;
}

/** All proposals for a task's text, in text order, without ids. */
export function proposeTargets(text: string, planYear: number): TargetProposal[] {
  const out: TargetProposal[] = [];
  for (const c of clauses(text)) {
    const t = proposeForClause(c.text, planYear);
    if (t && !out.some((o) => o.quote === t.quote)) out.push(t);
  }
  return out;
}

/** The id of the k-th proposed target of a task: t2020-01-auto-1 (see README of the importer). */
export function autoTargetId(year: number, taskNumber: number, k: number): string {
  return `t${year}-${String(taskNumber).padStart(2, '0')}-auto-${k}`;
}
