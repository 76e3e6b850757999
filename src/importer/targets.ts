/**
 * Proposing targets from a task's text. Every proposal carries `reviewed: false`: it is a
 * suggestion for an editor, never a finished reading of the plan.
 *
 * The text is cut into clauses at , ， ; ； 。 ！ ？ and line breaks; a clause that is only a date
 * (2019年, 2019年秋季学期开始) is joined to the next one, so the quote keeps its date. The quote is the
 * clause exactly as written (a substring of the body). One target at most per clause, first match wins:
 *   theme-year         a year named after a theme: 把2019年作为“党建质量年”      deadline type during
 *   percent-threshold  a percentage with 达到 / 以上 / 不低于                 comparator >=, value, unit %
 *   daily-standard     每天 / 每日 with an amount: 每天一小时                    comparator >=, value, unit
 *   count              a number + 所 / 个 / 项 (not 第N项), or 三大 / 两所 …      comparator = (>= with 以上/不少于/至少)
 *   zero               为零 / “五个零”发生 / 杜绝 / 零容忍                     comparator =, value 0, word
 *   ranking            行列 / 前列 / 位次 / 排名 / 前茅                          word
 *   document-to-issue  出台 / 制定 / 制订 / 印发 / 下发 / 编制 + 《title》 or 意见/办法/方案/规划/计划 …
 *   evaluation         评估 / 验收 / 认定 / 督导 with a year or 接受 / 通过
 *   milestone          a year (≥ the plan's) in the clause
 *   direction          稳步提升, 逐步扭转, 提高, 降低, 减轻, 精简 … (comparator increase/decrease, word)
 *   action             a named piece of work: 召开 … 会议, 成立, 组建, 签订, 谋划 … 项目, 清理, 纳入 …
 * A year ≥ the plan's year in the quote becomes the deadline: term 秋季学期/年底/… as written, type
 * start for 开始/起/启动 (unless the clause also says 完成/前), else by.
 * Metric: the words before 达到/不低于 (percent), after the unit or else before the number (count),
 * before the zero word, the 《title》 or what follows the verb (document), what follows the direction
 * word, the clause without its date (milestone, evaluation, action); leading 力争/争取/确保 … removed;
 * the whole quote when that leaves nothing.
 */
import type { DeadlineType, TargetComparator, TargetKind as AnyKind } from '../lib/vocabulary.ts';
import { chineseNumeral } from '../lib/vocabulary.ts';

/** The kinds this module proposes: every kind of TARGET_KINDS in src/lib/vocabulary.ts. */
export type TargetKind = AnyKind;

export interface ProposedTarget {
  id: string;
  kind: TargetKind;
  metric: string;
  comparator?: TargetComparator;
  value?: number;
  unit?: string;
  /** The plan's word for a zero (为零, 杜绝) or a direction (稳步提升), shown instead of a generic one. */
  word?: string;
  deadline?: { year: number; term?: string; type: DeadlineType };
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
// “五个零”发生: the plan's word is the quoted name (五个零), not 零发生, which it never writes.
const ZERO = /为零|“([^“”]*零)”发生|零发生|杜绝|零容忍/u;
const EVALUATION = /评估|验收|认定|督导/u;
const EVALUATION_WORDS = /(?:接受|通过|迎接|顺利)[^，,。；;]*(?:评估|验收|认定|督导|复评|检查)/u;
const THEME_YEAR = /(20\d{2})年(?:作为|定为|确定为)?[^，,。；;]*?“([^”]+年)”/u;
const DAILY = /每(?:天|日)[^，,。；;]*?(\d+|[一二两三四五六七八九十]+)(个?小时|分钟|节)/u;
const CN_COUNT = /(?<![第一二三四五六七八九十])([两二三四五六七八九十]+)(所|大|支|批|家)/u;
const RANKING = /行列|前列|位次|排名|名列|前茅|第一方阵/u;
const ISSUE = /出台|制定|制订|印发|下发|编制|修订/u;
const DOC_WORDS = /《[^《》]+》|意见|办法|方案|规划|计划|细则|制度|标准|规定|指南|清单/u;
const INCREASE = /稳步提升|不断提高|持续提升|有新的提升|再上新台阶|再迈步|提高|提升|增强|扩大|加大|拓展|增加/u;
const DECREASE = /逐步扭转|切实降低|减轻|降低|减少|精简|精减|压减|缩小|扭转/u;
const ACTION = /召开|成立|组建|签订|谋划|清理|纳入|举办|启动|设立|新建|探索|推动[^，,。；;]*项目|落实[^，,。；;]*指标|开展[^，,。；;]*(?:调查|评比|行动|活动)|建立[^，,。；;]*(?:机制|制度|数据|档案|平台|联盟)/u;
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

  const theme = THEME_YEAR.exec(quote);
  if (theme && Number(theme[1]) >= planYear) {
    return { kind: 'theme-year', metric: `“${theme[2]}”`, deadline: { year: Number(theme[1]), type: 'during' }, quote, reviewed: false };
  }
  const pct = PERCENT.exec(quote);
  if (pct && PERCENT_WORDS.test(quote)) {
    const before = body.slice(0, Math.max(0, body.indexOf(pct[0])));
    const verb = /达到|不低于|保持在|稳定在|提高到|提升到/u.exec(before);
    const metric = clean(verb ? before.slice(0, verb.index) : before, quote);
    return withDeadline({ kind: 'percent-threshold', metric, comparator: '>=', value: Number(pct[1]), unit: '%', quote, reviewed: false });
  }
  const daily = DAILY.exec(body);
  if (daily) {
    const value = /^\d+$/u.test(daily[1]!) ? Number(daily[1]) : daily[1] === '两' ? 2 : chineseNumeral(daily[1]!);
    if (!Number.isNaN(value)) {
      const after = body.slice(daily.index + daily[0].length);
      return withDeadline({ kind: 'daily-standard', metric: clean(after, '') || clean(body.slice(0, daily.index), quote), comparator: '>=', value, unit: daily[2]!.replace(/^个/u, ''), quote, reviewed: false });
    }
  }
  const count = COUNT.exec(body) ?? CN_COUNT.exec(body);
  if (count) {
    const value = /^\d+$/u.test(count[1]!) ? Number(count[1]) : count[1] === '两' ? 2 : chineseNumeral(count[1]!);
    if (!Number.isNaN(value)) {
      const after = body.slice(count.index + count[0].length).split(/[、\d]/u)[0]!;
      const before = body.slice(0, count.index);
      const metric = clean(after, '') || clean(before, quote);
      return withDeadline({
        kind: 'count',
        metric,
        comparator: AT_LEAST.test(quote) ? '>=' : '=',
        value,
        unit: count[2] === '大' ? '个' : count[2]!,
        quote,
        reviewed: false,
      });
    }
  }
  const zero = ZERO.exec(body);
  if (zero) {
    const word = zero[1] ?? zero[0];
    const metric = word === '杜绝' ? body.slice(zero.index + zero[0].length) : body.slice(0, zero.index);
    return withDeadline({ kind: 'zero', metric: clean(metric, quote), comparator: '=', value: 0, word, quote, reviewed: false });
  }
  const rank = RANKING.exec(body);
  if (rank) {
    return withDeadline({ kind: 'ranking', metric: clean(body.slice(0, rank.index), quote), word: rank[0], quote, reviewed: false });
  }
  const issue = ISSUE.exec(body);
  const doc = issue && DOC_WORDS.exec(body.slice(issue.index));
  if (issue && doc) {
    const title = /《[^《》]+》/u.exec(body)?.[0];
    const metric = title ?? clean(body.slice(issue.index + issue[0].length).replace(/^(?:出台|下发|印发)/u, ''), quote);
    return withDeadline({ kind: 'document-to-issue', metric, quote, reviewed: false });
  }
  if ((deadline && EVALUATION.test(quote)) || EVALUATION_WORDS.test(quote)) {
    return withDeadline({ kind: 'evaluation', metric: clean(body, quote), quote, reviewed: false });
  }
  if (deadline) {
    return { kind: 'milestone', metric: clean(body, quote), deadline, quote, reviewed: false };
  }
  const up = INCREASE.exec(body);
  const down = DECREASE.exec(body);
  const dir = up && down ? (up.index <= down.index ? up : down) : (up ?? down);
  if (dir && !ACTION.test(body.slice(0, dir.index))) {
    const after = clean(body.slice(dir.index + dir[0].length), '');
    const metric = after || clean(body.slice(0, dir.index), quote);
    return { kind: 'direction', metric, comparator: dir === down ? 'decrease' : 'increase', word: dir[0], quote, reviewed: false };
  }
  if (ACTION.test(body)) {
    return { kind: 'action', metric: clean(body, quote), quote, reviewed: false };
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
