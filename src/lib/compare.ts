/**
 * Comparing two plans (an earlier and a later year), computed at build time for /compare/<a>-<b>/:
 * which tasks continue, which are new and which were dropped; which targets reappear with a
 * changed value or date, which disappear and which are new; which documents are cited in both
 * years and which are newly cited (or no longer cited).
 *
 * Pure over plain objects, so the unit tests can call it without Astro.
 *
 * How tasks are matched — stated on the page too (SIMILARITY_MEASURE, MATCH_THRESHOLD):
 * similarity = ½ · Dice(title, title′) + ½ · Dice(text, text′), where Dice is the Sørensen–Dice
 * coefficient over character bigrams (2·|shared bigrams| / (|bigrams| + |bigrams′|), counted
 * with repetition) after removing the task number, punctuation and spaces. Pairs are taken
 * greedily, most similar first, each task at most once; a pair continues when its similarity is at
 * least MATCH_THRESHOLD.
 */
import { leadingTaskNumber } from './vocabulary.ts';

/** Tasks whose similarity reaches this continue from one year to the next. */
export const MATCH_THRESHOLD = 0.4;

/** The measure in the page's words. */
export const SIMILARITY_MEASURE =
  '相似度＝½×标题相似度＋½×正文相似度；两段文字的相似度用“二字组Dice系数”计算：去掉序号、标点和空格后，把文字切成相邻两个字的组合，相似度＝2×共有的二字组数÷（两段二字组数之和），介于0和1之间。';

export interface CompareTarget {
  id: string;
  metric: string;
  comparator?: string | undefined;
  value?: number | undefined;
  unit?: string | undefined;
  deadline?: { year?: number | undefined; term?: string | undefined; type: string; phrase?: string | undefined } | undefined;
  quote: string;
}

export interface CompareTask {
  id: string;
  number: number;
  title: string;
  text: string;
  targets: CompareTarget[];
  documents: string[];
}

export interface ComparePlan {
  year: number;
  tasks: CompareTask[];
}

/** Text reduced to what similarity compares: no leading number, punctuation or spaces. */
export function normalise(text: string): string {
  const numbered = leadingTaskNumber(text);
  const rest = numbered ? text.replace(/^\*\*/, '').slice(numbered.length) : text;
  return rest.replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = [...normalise(text)];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** Sørensen–Dice coefficient over character bigrams (with repetition); 1 for two identical texts, 0 for nothing shared. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  if (total === 0) return normalise(a) === normalise(b) ? 1 : 0;
  return (2 * shared) / total;
}

/** The similarity of two tasks, 0–1 (see the module comment). */
export function taskSimilarity(a: Pick<CompareTask, 'title' | 'text'>, b: Pick<CompareTask, 'title' | 'text'>): number {
  return 0.5 * dice(a.title, b.title) + 0.5 * dice(a.text, b.text);
}

export interface TaskMatch {
  before: CompareTask;
  after: CompareTask;
  similarity: number;
}

export interface TargetChange {
  before: CompareTarget & { task: CompareTask };
  after: CompareTarget & { task: CompareTask };
  /** What changed: the value (with comparator and unit), the deadline, or both. */
  valueChanged: boolean;
  deadlineChanged: boolean;
}

export interface Comparison {
  before: ComparePlan;
  after: ComparePlan;
  continuing: TaskMatch[];
  added: CompareTask[];
  dropped: CompareTask[];
  /** Targets whose metric reappears with another value or deadline. */
  changedTargets: TargetChange[];
  /** Targets whose metric reappears with the same value and deadline. */
  unchangedTargets: TargetChange[];
  disappearedTargets: (CompareTarget & { task: CompareTask })[];
  newTargets: (CompareTarget & { task: CompareTask })[];
  /** Document ids cited in both years, newly cited in the later year, and cited only in the earlier. */
  documentsInBoth: string[];
  documentsNew: string[];
  documentsNoLonger: string[];
}

const metricKey = (m: string) => normalise(m);
const sameDeadline = (a: CompareTarget['deadline'], b: CompareTarget['deadline']) =>
  (!a && !b) || (!!a && !!b && a.year === b.year && (a.term ?? '') === (b.term ?? '') && a.type === b.type && (a.phrase ?? '') === (b.phrase ?? ''));
const sameValue = (a: CompareTarget, b: CompareTarget) => a.value === b.value && (a.unit ?? '') === (b.unit ?? '') && (a.comparator ?? '') === (b.comparator ?? '');

/** Compare an earlier plan with a later one. */
export function comparePlans(before: ComparePlan, after: ComparePlan): Comparison {
  // Tasks: every pair scored, then taken greedily from the most similar.
  const pairs: TaskMatch[] = [];
  for (const b of before.tasks) for (const a of after.tasks) pairs.push({ before: b, after: a, similarity: taskSimilarity(b, a) });
  pairs.sort((x, y) => y.similarity - x.similarity || x.before.number - y.before.number || x.after.number - y.after.number);
  const usedBefore = new Set<string>();
  const usedAfter = new Set<string>();
  const continuing: TaskMatch[] = [];
  for (const p of pairs) {
    if (p.similarity < MATCH_THRESHOLD) break;
    if (usedBefore.has(p.before.id) || usedAfter.has(p.after.id)) continue;
    usedBefore.add(p.before.id);
    usedAfter.add(p.after.id);
    continuing.push(p);
  }
  continuing.sort((x, y) => x.after.number - y.after.number);

  // Targets: matched by metric (normalised), in order of appearance when a metric occurs twice.
  const targetsOf = (plan: ComparePlan) => plan.tasks.flatMap((task) => task.targets.map((t) => ({ ...t, task })));
  const earlier = targetsOf(before);
  const later = targetsOf(after);
  const taken = new Set<string>();
  const changedTargets: TargetChange[] = [];
  const unchangedTargets: TargetChange[] = [];
  const newTargets: Comparison['newTargets'] = [];
  for (const t of later) {
    const match = earlier.find((e) => !taken.has(e.id) && metricKey(e.metric) === metricKey(t.metric));
    if (!match) {
      newTargets.push(t);
      continue;
    }
    taken.add(match.id);
    const change = { before: match, after: t, valueChanged: !sameValue(match, t), deadlineChanged: !sameDeadline(match.deadline, t.deadline) };
    (change.valueChanged || change.deadlineChanged ? changedTargets : unchangedTargets).push(change);
  }
  const disappearedTargets = earlier.filter((e) => !taken.has(e.id));

  const cited = (plan: ComparePlan) => [...new Set(plan.tasks.flatMap((t) => t.documents))];
  const docsBefore = cited(before);
  const docsAfter = cited(after);
  return {
    before,
    after,
    continuing,
    added: after.tasks.filter((t) => !usedAfter.has(t.id)),
    dropped: before.tasks.filter((t) => !usedBefore.has(t.id)),
    changedTargets,
    unchangedTargets,
    disappearedTargets,
    newTargets,
    documentsInBoth: docsAfter.filter((d) => docsBefore.includes(d)),
    documentsNew: docsAfter.filter((d) => !docsBefore.includes(d)),
    documentsNoLonger: docsBefore.filter((d) => !docsAfter.includes(d)),
  };
}

/** Adjacent pairs of plan years, earlier first: [2019, 2020], [2020, 2021] … */
export function adjacentYears(years: readonly number[]): [number, number][] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  return sorted.slice(1).map((y, i) => [sorted[i]!, y]);
}

/** The comparison page of two years: /compare/2019-2020/. */
export const comparePath = (a: number, b: number) => `/compare/${a}-${b}/`;

/** 0.873 → 87%. */
export const percent = (x: number) => `${Math.round(x * 100)}%`;
