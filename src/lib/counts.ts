/**
 * The counts a plan's home page states, computed from the data, each named for what it counts:
 * targets (and how many have a number or a date), documents the plan cites, documents it says it
 * will issue. A document the plan promises is not one it cites, so the two are never added up.
 */
import type { PlanData } from './plan-data';
import { countTargets, isMeasurable, type TargetCounts } from './target-rules';

export interface PlanCounts {
  targets: TargetCounts;
  /** Documents (status cited) whose plan title occurs in this plan's text. */
  cited: number;
  /** Documents the plan says it will issue (出台/制定): its document-to-issue targets and to-be-issued entries. */
  toIssue: number;
}

export function planCounts(year: number, data: PlanData): PlanCounts {
  const tasks = data.tasksOf(year);
  const cited = data.documents.filter((d) => d.status === 'cited' && tasks.some((t) => t.documents.some((ref) => ref.id === d.id))).length;
  return { targets: countTargets(data.targetsOf(year)), cited, toIssue: data.promisedDocuments(year).length };
}

/** The home page's headline targets: the first `n` measurable ones in task order, and how many there are in all. */
export function headlineTargets<T extends Parameters<typeof isMeasurable>[0]>(targets: readonly T[], n: number): { shown: T[]; of: number } {
  const measurable = targets.filter(isMeasurable);
  return { shown: measurable.slice(0, n), of: measurable.length };
}
