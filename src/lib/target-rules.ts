/**
 * What each kind of target needs, and the checks that refuse a target whose fields contradict its
 * kind (a 时间节点 without a date, a threshold without a value, a zero shown as a bare 0).
 * Plain TypeScript over plain objects: the validator, pages, charts and unit tests share it.
 */

/** The target fields these rules read (a subset of the schema's target). */
export interface TargetFields {
  kind: string;
  comparator?: string | undefined;
  value?: number | undefined;
  unit?: string | undefined;
  word?: string | undefined;
  deadline?: { year?: number | undefined; term?: string | undefined; type?: string | undefined; phrase?: string | undefined } | undefined;
  quote: string;
}

type Need = 'required' | 'forbidden' | 'optional';
interface KindRule {
  value: Need;
  deadline: Need;
  /** Comparators allowed; a kind without value allows none unless listed. */
  comparators: readonly string[];
  /** The plan's word is required (zero, direction): a generic label would misstate the plan. */
  word?: boolean;
  unit?: string;
  deadlineTypes?: readonly string[];
  /** Why a missing or extra field contradicts the kind, said to the editor. */
  hint: string;
}

const VALUE_COMPARATORS = ['>=', '=', '<='] as const;

export const KIND_RULES: Record<string, KindRule> = {
  'percent-threshold': { value: 'required', deadline: 'optional', comparators: VALUE_COMPARATORS, unit: '%', hint: 'a percentage needs value, unit "%" and a comparator (>= for 以上/达到/不低于)' },
  count: { value: 'required', deadline: 'optional', comparators: VALUE_COMPARATORS, hint: 'a count needs value, unit and a comparator' },
  zero: { value: 'required', deadline: 'optional', comparators: ['='], word: true, hint: 'a zero target needs value 0, comparator "=" and the plan\'s word (杜绝, 为零, 五个零)' },
  'daily-standard': { value: 'required', deadline: 'optional', comparators: VALUE_COMPARATORS, hint: 'a per-day standard needs value, unit and a comparator (>= for 确保…每天)' },
  milestone: { value: 'forbidden', deadline: 'required', comparators: [], deadlineTypes: ['start', 'by'], hint: 'a 时间节点 needs the date the plan names; undated work is kind action' },
  evaluation: { value: 'forbidden', deadline: 'optional', comparators: [], deadlineTypes: ['start', 'by'], hint: 'an evaluation has no value' },
  'theme-year': { value: 'forbidden', deadline: 'required', comparators: [], deadlineTypes: ['during'], hint: 'a theme year needs deadline {year, type: during}' },
  'document-to-issue': { value: 'forbidden', deadline: 'optional', comparators: [], deadlineTypes: ['by'], hint: 'a document to issue has no value' },
  direction: { value: 'forbidden', deadline: 'optional', comparators: ['increase', 'decrease'], word: true, hint: 'a direction needs comparator increase/decrease and the plan\'s word (逐步扭转, 稳步提升), no value' },
  ranking: { value: 'forbidden', deadline: 'optional', comparators: [], deadlineTypes: ['by'], hint: 'a ranking has no value' },
  action: { value: 'forbidden', deadline: 'forbidden', comparators: [], hint: 'an action has no value and no date; a dated one is kind milestone' },
};

/** A commitment with a number or a date is measurable; one with neither is qualitative. */
export function isMeasurable(t: Pick<TargetFields, 'value' | 'deadline'>): boolean {
  return t.value !== undefined || t.deadline !== undefined;
}

/**
 * The contradictions in one target, each as [field, message]; empty when consistent.
 * `text` is the task's paragraph (for deadline.phrase).
 */
export function targetProblems(t: TargetFields, text: string): [field: string, message: string][] {
  const out: [string, string][] = [];
  const rule = KIND_RULES[t.kind];
  if (!rule) return [['kind', `unknown kind "${t.kind}"`]];
  const has = (v: unknown) => v !== undefined;
  const need = (field: string, present: boolean, n: Need, what: string) => {
    if (n === 'required' && !present) out.push([field, `kind ${t.kind} needs a ${what}: ${rule.hint}`]);
    if (n === 'forbidden' && present) out.push([field, `kind ${t.kind} takes no ${what}: ${rule.hint}`]);
  };
  need('value', has(t.value), rule.value, 'value');
  need('deadline', has(t.deadline), rule.deadline, 'deadline');

  if (has(t.comparator) && !rule.comparators.includes(t.comparator!)) {
    out.push(['comparator', `comparator "${t.comparator}" does not fit kind ${t.kind}: ${rule.hint}`]);
  }
  if (rule.comparators.length > 0 && !has(t.comparator)) out.push(['comparator', `kind ${t.kind} needs a comparator: ${rule.hint}`]);
  if (has(t.unit) && !has(t.value)) out.push(['unit', 'a unit without a value']);
  if (rule.value === 'required' && has(t.value) && !has(t.unit) && t.kind !== 'zero') out.push(['unit', `kind ${t.kind} needs a unit: ${rule.hint}`]);
  if (rule.unit && has(t.unit) && t.unit !== rule.unit) out.push(['unit', `kind ${t.kind} needs unit "${rule.unit}", not "${t.unit}"`]);
  if (t.kind === 'zero' && has(t.value) && t.value !== 0) out.push(['value', `a zero target has value 0, not ${t.value}`]);

  if (rule.word && !has(t.word)) out.push(['word', `kind ${t.kind} needs the plan's word: ${rule.hint}`]);
  // Exactly as written: the word is shown large as the plan's own (“五个零”发生 gives 五个零, not 零发生).
  if (has(t.word) && !t.quote.includes(t.word!)) out.push(['word', `"${t.word}" is not in the quote "${t.quote}" as written`]);

  const d = t.deadline;
  if (d) {
    const type = d.type ?? 'by'; // the schema's default
    if (rule.deadlineTypes && !rule.deadlineTypes.includes(type)) {
      out.push(['deadline.type', `deadline type "${type}" does not fit kind ${t.kind}: ${rule.hint}`]);
    }
    if (d.phrase !== undefined && d.year !== undefined && !d.phrase.includes(`${d.year}年`) && !t.quote.includes(`${d.year}年`)) {
      // 通过一年的努力 names no year: a year beside it would be inferred, not the plan's.
      out.push(['deadline.year', `${d.year}年 is neither in the quote nor in the phrase "${d.phrase}"; leave the year out`]);
    }
    if (d.phrase !== undefined) {
      if (!text.includes(d.phrase)) out.push(['deadline.phrase', `"${d.phrase}" is not in the task's text`]);
    } else if (d.year === undefined) {
      out.push(['deadline', 'a deadline needs the year the plan writes or deadline.phrase with the plan\'s words for it']);
    } else if (!t.quote.includes(`${d.year}年`)) {
      // A year the quote does not state would be invented; the plan's words for the date go in phrase.
      out.push(['deadline.year', `${d.year}年 is not in the quote; quote the date or give deadline.phrase with the plan's words for it`]);
    }
    if (d.term !== undefined && !t.quote.includes(d.term) && !(d.phrase ?? '').includes(d.term)) {
      out.push(['deadline.term', `"${d.term}" is not in the quote`]);
    }
  }
  return out;
}

/** Counts a page states about a list of targets, each saying exactly what it counts. */
export interface TargetCounts {
  total: number;
  /** With a number or a date. */
  measurable: number;
  /** With neither. */
  qualitative: number;
  withValue: number;
  /** Of those with a value, the zero targets (为零, 杜绝): their number is the plan's word, not a figure. */
  zero: number;
  withDeadline: number;
  withBoth: number;
}

export function countTargets(targets: readonly Pick<TargetFields, 'kind' | 'value' | 'deadline'>[]): TargetCounts {
  const withValue = targets.filter((t) => t.value !== undefined).length;
  const withDeadline = targets.filter((t) => t.deadline !== undefined).length;
  const withBoth = targets.filter((t) => t.value !== undefined && t.deadline !== undefined).length;
  const measurable = targets.filter(isMeasurable).length;
  const zero = targets.filter((t) => t.kind === 'zero' && t.value !== undefined).length;
  return { total: targets.length, measurable, qualitative: targets.length - measurable, withValue, zero, withDeadline, withBoth };
}

/**
 * Targets split into measurable and qualitative, each grouped by kind in `kinds` order: the
 * targets page's route data. Empty groups and sections are left out.
 */
export function targetSections<T extends TargetFields, K extends string>(targets: readonly T[], kinds: readonly K[]) {
  return ([true, false] as const)
    .map((measurable) => {
      const inSection = targets.filter((t) => isMeasurable(t) === measurable);
      return {
        measurable,
        id: measurable ? ('measurable' as const) : ('qualitative' as const),
        targets: inSection,
        groups: kinds.map((kind) => ({ kind, targets: inSection.filter((t) => t.kind === kind) })).filter((g) => g.targets.length > 0),
      };
    })
    .filter((s) => s.targets.length > 0);
}
