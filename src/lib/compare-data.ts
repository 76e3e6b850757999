/**
 * Route data for /compare/<a>-<b>/ and the links to it: comparisons of each adjacent pair of plans,
 * computed once from the collections (src/lib/compare.ts does the comparing).
 */
import type { Plan, PlanData, Task } from './plan-data';
import { comparePath, comparePlans, adjacentYears, type ComparePlan, type Comparison } from './compare';

export interface PlanComparison extends Comparison {
  beforePlan: Plan;
  afterPlan: Plan;
  path: string;
}

/** A task's counterpart in the plan before or after it. */
export interface Counterpart {
  comparison: PlanComparison;
  task: Task;
  similarity: number;
}

const cache = new WeakMap<PlanData, PlanComparison[]>();

function asComparePlan(data: PlanData, plan: Plan): ComparePlan {
  return {
    year: plan.year,
    tasks: data.tasksOf(plan.year).map((t) => ({ ...t, documents: t.documents.map((d) => d.id) })),
  };
}

/** One comparison per adjacent pair of plan years, earlier year first. */
export function planComparisons(data: PlanData): PlanComparison[] {
  let list = cache.get(data);
  if (!list) {
    const byYear = new Map(data.plans.map((p) => [p.year, p]));
    list = adjacentYears(data.plans.map((p) => p.year)).map(([a, b]) => {
      const beforePlan = byYear.get(a)!;
      const afterPlan = byYear.get(b)!;
      return { ...comparePlans(asComparePlan(data, beforePlan), asComparePlan(data, afterPlan)), beforePlan, afterPlan, path: comparePath(a, b) };
    });
    cache.set(data, list);
  }
  return list;
}

/** The comparisons a plan takes part in (with the year before, with the year after). */
export function comparisonsOf(data: PlanData, year: number): PlanComparison[] {
  return planComparisons(data).filter((c) => c.before.year === year || c.after.year === year);
}

/** The tasks a task continues from or into, in the neighbouring years. */
export function counterparts(data: PlanData, task: Task): Counterpart[] {
  return comparisonsOf(data, task.year).flatMap((comparison) => {
    const m = comparison.continuing.find((x) => x.before.id === task.id || x.after.id === task.id);
    if (!m) return [];
    const other = m.before.id === task.id ? m.after : m.before;
    return [{ comparison, task: data.task(other.id), similarity: m.similarity }];
  });
}

/** getStaticPaths for /compare/[pair]/. */
export async function comparePaths(data: PlanData) {
  return planComparisons(data).map((comparison) => ({
    params: { pair: `${comparison.before.year}-${comparison.after.year}` },
    props: { comparison },
  }));
}

/** Anchors on the comparison page. */
export const compareTaskAnchor = (year: number, n: number) => `task-${year}-${n}`;
