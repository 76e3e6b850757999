/**
 * Cross-entry checks that a per-entry Zod schema cannot make. Each problem names the file and the
 * field, e.g. `content/tasks/2019/05.mdx: field \`documents[1]\`: unknown document "foo"`.
 * Pure over plain objects so the unit tests can call it without Astro.
 */
import { citedTitles, startsWithTaskNumber } from './vocabulary';
import { newestEvidence } from './evidence';
import { targetProblems, type TargetFields } from './target-rules';

interface Ref {
  id: string;
}
export interface EntryLike<D> {
  id: string;
  filePath?: string;
  body?: string;
  data: D;
}
export interface PlanLike {
  year: number;
  parts: { number: number; title: string }[];
}
export interface TaskLike {
  plan: Ref;
  number: number;
  part: number | null;
  title: string;
  /** Targets; `kind` and the fields it needs are checked by `targetProblems` when present. */
  targets: ({ id: string; quote: string; status?: string; evidence?: { date: string; status: string }[] } & Partial<Omit<TargetFields, 'quote'>>)[];
  documents: Ref[];
  related: { task: Ref }[];
}
export interface DocumentLike {
  planTitle: string | null;
  relatedTasks: Ref[];
}
export interface TermLike {
  term: string;
  variants: string[];
  notIn?: string[];
  definition?: { task: Ref; quote: string } | undefined;
}

export interface ContentSet {
  plans: EntryLike<PlanLike>[];
  tasks: EntryLike<TaskLike>[];
  documents: EntryLike<DocumentLike>[];
  terms: EntryLike<TermLike>[];
}

export class ContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Content check failed (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${problems.join('\n')}`);
    this.name = 'ContentError';
  }
}

const where = (e: EntryLike<unknown>, collection: string) => e.filePath ?? `content/${collection}/${e.id}`;

export function findProblems(content: ContentSet): string[] {
  const problems: string[] = [];
  const planIds = new Map(content.plans.map((p) => [p.id, p]));
  const taskIds = new Map(content.tasks.map((t) => [t.id, t]));
  const docIds = new Map(content.documents.map((d) => [d.id, d]));

  const seenNumbers = new Map<string, EntryLike<TaskLike>>();
  const seenTargets = new Map<string, string>();
  for (const task of content.tasks) {
    const file = where(task, 'tasks');
    const d = task.data;
    const body = task.body ?? '';
    const plan = planIds.get(d.plan.id);
    if (!plan) problems.push(`${file}: field \`plan\`: unknown plan "${d.plan.id}"`);

    const key = `${d.plan.id}#${d.number}`;
    const twin = seenNumbers.get(key);
    if (twin) problems.push(`${file}: field \`number\`: duplicate task number ${d.number} (also in ${where(twin, 'tasks')})`);
    else seenNumbers.set(key, task);

    if (d.number === 0 && d.part !== null) problems.push(`${file}: field \`part\`: 指导思想 (number 0) has no part; use null`);
    if (d.number > 0 && plan && !plan.data.parts.some((p) => p.number === d.part)) {
      problems.push(`${file}: field \`part\`: part ${d.part} is not among the plan's parts`);
    }
    if (d.number > 0 && !startsWithTaskNumber(body, d.number)) {
      problems.push(`${file}: body: the paragraph must start with its number ${d.number} as in the plan (1. 1、 1． １． (1) （1） ① … ㉟)`);
    }

    d.targets.forEach((target, i) => {
      if (!body.includes(target.quote)) {
        problems.push(`${file}: field \`targets[${i}].quote\`: "${target.quote}" is not in the task's text`);
      }
      // Status follows the newest evidence; without evidence nothing supports a status but 未评估.
      const evidence = target.evidence ?? [];
      const newest = newestEvidence(evidence);
      const status = target.status ?? '未评估';
      if (newest && status !== newest.status) {
        problems.push(`${file}: field \`targets[${i}].status\`: "${status}" contradicts the newest evidence (targets[${i}].evidence[${evidence.lastIndexOf(newest)}], ${newest.date}: "${newest.status}")`);
      } else if (!newest && status !== '未评估') {
        problems.push(`${file}: field \`targets[${i}].status\`: "${status}" has no evidence; add a dated entry under \`evidence\` (npm run progress) or use 未评估`);
      }
      if (target.kind !== undefined) {
        for (const [field, message] of targetProblems({ ...target, kind: target.kind }, body)) {
          problems.push(`${file}: field \`targets[${i}].${field}\` (${target.id}): ${message}`);
        }
      }
      const other = seenTargets.get(target.id);
      if (other) problems.push(`${file}: field \`targets[${i}].id\`: duplicate target id "${target.id}" (also in ${other})`);
      else seenTargets.set(target.id, file);
    });

    d.documents.forEach((ref, i) => {
      const doc = docIds.get(ref.id);
      if (!doc) problems.push(`${file}: field \`documents[${i}]\`: unknown document "${ref.id}"`);
      else if (!doc.data.planTitle || !body.includes(doc.data.planTitle)) {
        problems.push(`${file}: field \`documents[${i}]\`: "${ref.id}" is listed but its plan title is not in the text`);
      }
    });
    for (const title of citedTitles(body)) {
      const cited = d.documents.some((ref) => docIds.get(ref.id)?.data.planTitle === title);
      if (!cited) problems.push(`${file}: field \`documents\`: the text cites ${title} but no listed document has that planTitle`);
    }

    d.related.forEach((rel, i) => {
      if (!taskIds.has(rel.task.id)) problems.push(`${file}: field \`related[${i}].task\`: unknown task "${rel.task.id}"`);
      if (rel.task.id === task.id) problems.push(`${file}: field \`related[${i}].task\`: a task cannot be related to itself`);
    });
  }

  for (const doc of content.documents) {
    doc.data.relatedTasks.forEach((ref, i) => {
      if (!taskIds.has(ref.id)) problems.push(`${where(doc, 'documents')}: field \`relatedTasks[${i}]\`: unknown task "${ref.id}"`);
    });
  }

  // Terms may be coined in a part heading (六大工程) as well as in task text.
  const allText = [
    ...content.tasks.map((t) => t.body ?? ''),
    ...content.plans.flatMap((p) => p.data.parts.map((part) => part.title)),
  ].join('\n');
  for (const term of content.terms) {
    const file = where(term, 'terms');
    const spellings = [term.data.term, ...term.data.variants];
    if (!spellings.some((s) => allText.includes(s))) {
      problems.push(`${file}: field \`term\`: "${term.data.term}" does not occur in the plan's text`);
    }
    (term.data.notIn ?? []).forEach((phrase, i) => {
      if (!spellings.some((sp) => phrase.length > sp.length && phrase.includes(sp))) {
        problems.push(`${file}: field \`notIn[${i}]\`: "${phrase}" does not contain the term or a variant`);
      } else if (!allText.includes(phrase)) {
        problems.push(`${file}: field \`notIn[${i}]\`: "${phrase}" does not occur in the plan's text`);
      }
    });
    const def = term.data.definition;
    if (def) {
      const task = taskIds.get(def.task.id);
      if (!task) problems.push(`${file}: field \`definition.task\`: unknown task "${def.task.id}"`);
      else if (!(task.body ?? '').includes(def.quote)) {
        problems.push(`${file}: field \`definition.quote\`: "${def.quote}" is not in ${def.task.id}`);
      }
    }
  }
  return problems;
}

/** Throw one error listing every problem, so an editor fixes them in one pass. */
export function assertValidContent(content: ContentSet): void {
  const problems = findProblems(content);
  if (problems.length) throw new ContentError(problems);
}
