/**
 * The one place where content is loaded, checked and cross-linked. Every page and open-data file
 * reads from here: backlinks from documents to tasks, term occurrences, target lists and counts
 * are derived once, never maintained by hand in two places.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { assertValidContent, ContentError } from './validate';
import { findGuideProblems } from './guide-check';
import { describeDeadline } from './labels';
import type { LinkPattern } from './linkify';
import { documentPath, termAnchor, termsPath, withBase, taskPath, taskAnchor, sentenceAnchor, planPath, guidePath } from './urls';
import { buildOutline, OutlineError, type Outline } from './outline';
import { planKind, planShortName, siteIdentity, type SiteIdentity } from './site';
import { DOCUMENT_LEVELS } from './vocabulary';
import { sentences, sentencesWith, sentenceIndexOf } from './sentences';

export type Plan = CollectionEntry<'plans'>['data'] & {
  id: string;
  /** The plan's short name: 2019年工作思路 (shortTitle, or taken from the title). */
  name: string;
  /** What kind of plan it is, for running text: 工作思路, 工作要点 (the short name without its year). */
  kind: string;
};
export type Task = CollectionEntry<'tasks'>['data'] & {
  id: string;
  /** The paragraph, verbatim. */
  text: string;
  year: number;
  /** The plan's short name, e.g. 2019年工作思路 (or 2020年工作要点). */
  planName: string;
};

export { planShortName } from './site';
export type Target = Task['targets'][number] & { task: Task };
export type Doc = CollectionEntry<'documents'>['data'] & { id: string };
export type Term = CollectionEntry<'terms'>['data'] & { id: string };
export type Guide = CollectionEntry<'guides'>['data'] & { id: string; slug: string; year: number };

/** A dated change shown on /changes/ and in the feed: a `changes` entry, or a target's evidence. */
export type Change =
  | ({ kind: 'publication' | 'addition' | 'correction'; id: string } & Omit<CollectionEntry<'changes'>['data'], 'kind'>)
  | { kind: 'target-status'; id: string; date: string; title: string; summary: string; target: Target; source: string; evidenceDate: string };

/** Dated commitments sharing one deadline, for the timeline. */
export interface TimelineEntry {
  /** The year the plan writes; none when it gives only a phrase (通过一年的努力). */
  year: number | undefined;
  term: string | undefined;
  type: 'start' | 'by' | 'during';
  /** The plan's words for the date when it names no year. */
  phrase: string | undefined;
  /** 2019年秋季学期起, 2020年内, 2019年全年, or the plan's phrase (通过一年的努力). */
  label: string;
  targets: Target[];
}

/** A document the plan promises to issue: the target that states it and, where there is one, its document entry. */
export interface PromisedDocument {
  target: Target | undefined;
  document: Doc | undefined;
}

/** A sentence of the plan that mentions something, with the task it is in. */
export interface Mention {
  task: Task;
  sentence: string;
}

/** A part heading that mentions a term (六大工程 is coined in one). */
export interface HeadingMention {
  year: number;
  label: string;
  title: string;
  /** The part's anchor on the full-text page. */
  anchor: string;
}

export interface PlanData {
  /** Every plan, newest first. */
  plans: Plan[];
  /** The site's identity: issuer, latest plan, name (src/lib/site.ts). */
  site: SiteIdentity<Plan>;
  /** A plan's outline: sections → parts → tasks, and the sections' own paragraphs (src/lib/outline.ts). */
  outline(year: number): Outline<Task>;
  tasks: Task[];
  documents: Doc[];
  terms: Term[];
  tasksOf(year: number): Task[];
  task(id: string): Task;
  document(id: string): Doc;
  targetsOf(year: number): Target[];
  /** Tasks whose text cites a document, with the citing sentence. */
  citations(docId: string): Mention[];
  /** Every sentence where a term occurs. */
  occurrences(termId: string): Mention[];
  /** Part headings where a term occurs. */
  headingOccurrences(termId: string): HeadingMention[];
  /** Related (uncited) documents that the reference data ties to a task. */
  relatedDocuments(task: Task): Doc[];
  /** Terms that occur in a task's text. */
  termsIn(task: Task): Term[];
  /** Link patterns for `linkify`: document titles and glossary terms. */
  linkPatterns(year: number): LinkPattern[];
  guides: Guide[];
  guidesOf(year: number): Guide[];
  /** The guide that asks a question, and the question. */
  question(id: string): { guide: Guide; question: string };
  /** Every target with a deadline, grouped by deadline, in date order. */
  timeline(year: number): TimelineEntry[];
  /** Documents the plan says it will issue (document-to-issue targets and to-be-issued documents). */
  promisedDocuments(year: number): PromisedDocument[];
  /** Dated changes, newest first. */
  changes: Change[];
  /** When a plan's targets page last changed: the plan's date, or later recorded progress. */
  targetsUpdated(year: number): string;
  /** The latest date any content changed: the site-wide 最后更新. */
  lastUpdated: string;
}

/** The site's one sentence splitter (sentence ids on the full-text page use the same indexes). */
export { sentences, sentencesWith, sentenceIndexOf };

/** URL slug for a Chinese label (defined once in the vocabulary module). */
export { slugOf } from './vocabulary';

export { LEVEL_LABELS } from './labels';

/** Guides are listed in the order of the home page's entry points. */
const AUDIENCE_ORDER = ['家长', '教师', '公众', '学生', '学校'];

let cache: Promise<PlanData> | undefined;

export function loadPlanData(): Promise<PlanData> {
  cache ??= build();
  return cache;
}

async function build(): Promise<PlanData> {
  const [planEntries, taskEntries, docEntries, termEntries, guideEntries, changeEntries] = await Promise.all([
    getCollection('plans'),
    getCollection('tasks'),
    getCollection('documents'),
    getCollection('terms'),
    getCollection('guides'),
    getCollection('changes'),
  ]);
  const trimmedBody = (e: { body?: string }) => (e.body ?? '').trim();
  assertValidContent({
    plans: planEntries,
    tasks: taskEntries.map((e) => ({ ...e, body: trimmedBody(e) })),
    documents: docEntries,
    terms: termEntries,
  });

  const plans: Plan[] = planEntries.map((e) => ({ ...e.data, id: e.id, name: planShortName(e.data), kind: planKind(e.data) })).sort((a, b) => b.year - a.year);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const yearOf = new Map(plans.map((p) => [p.id, p.year]));
  const tasks: Task[] = taskEntries
    .map((e) => {
      const plan = planById.get(e.data.plan.id)!;
      return { ...e.data, id: e.id, text: trimmedBody(e), year: plan.year, planName: plan.name };
    })
    .sort((a, b) => a.year - b.year || a.number - b.number);
  const documents: Doc[] = docEntries
    .map((e) => ({ ...e.data, id: e.id }))
    .sort((a, b) => DOCUMENT_LEVELS.indexOf(a.level) - DOCUMENT_LEVELS.indexOf(b.level) || a.displayTitle.localeCompare(b.displayTitle, 'zh-CN'));
  const terms: Term[] = termEntries
    .map((e) => ({ ...e.data, id: e.id }))
    .sort((a, b) => a.term.localeCompare(b.term, 'zh-CN'));

  const guideProblems = findGuideProblems(
    guideEntries.map((e) => ({ ...e, body: e.body ?? '' })),
    tasks.map((t) => ({ id: t.id, plan: t.plan.id, number: t.number, text: t.text })),
    documents.map((d) => d.id),
  );
  if (guideProblems.length) throw new ContentError(guideProblems);
  const guides: Guide[] = guideEntries
    .map((e) => ({ ...e.data, id: e.id, slug: e.id.split('/').at(-1)!, year: yearOf.get(e.data.plan.id)! }))
    .sort((a, b) => a.year - b.year || AUDIENCE_ORDER.indexOf(a.audience) - AUDIENCE_ORDER.indexOf(b.audience));
  const questions = new Map(guides.flatMap((g) => g.questions.map((q) => [q.id, { guide: g, question: q.question }] as const)));

  const allTargets: Target[] = tasks.flatMap((task) => task.targets.map((t) => ({ ...t, task })));
  const targetById = new Map(allTargets.map((t) => [t.id, t]));
  // Evidence appears once on /changes/: through the change entry `npm run progress` wrote for it,
  // or, for evidence added by hand without one, as an entry made from the evidence itself.
  const changeProblems: string[] = [];
  const recorded = new Set<string>();
  const evidenceKey = (id: string, e: { date: string; status: string; source: string }) => `${id}|${e.date}|${e.status}|${e.source}`;
  const entryChanges = changeEntries.flatMap((e): Change[] => {
    const file = e.filePath ?? `content/changes/${e.id}.mdx`;
    if (e.data.kind !== 'target-status') return [{ ...e.data, kind: e.data.kind, id: e.id }];
    const target = e.data.target ? targetById.get(e.data.target) : undefined;
    const ev = e.data.evidence;
    if (!target) changeProblems.push(`${file}: field \`target\`: ${e.data.target ? `unknown target "${e.data.target}"` : 'required for kind target-status'}`);
    else if (!ev) changeProblems.push(`${file}: field \`evidence\`: required for kind target-status`);
    else if (!target.evidence.some((x) => evidenceKey(target.id, x) === evidenceKey(target.id, ev))) {
      changeProblems.push(`${file}: field \`evidence\`: target "${target.id}" has no evidence of ${ev.date} ${ev.status} from ${ev.source}`);
    }
    if (!target || !ev) return [];
    recorded.add(evidenceKey(target.id, ev));
    return [{ kind: 'target-status', id: e.id, date: e.data.date, title: e.data.title, summary: e.data.summary, target, source: ev.source, evidenceDate: ev.date }];
  });
  if (changeProblems.length) throw new ContentError(changeProblems);
  const changes: Change[] = [
    ...entryChanges,
    ...allTargets.flatMap((target) =>
      target.evidence.filter((e) => !recorded.has(evidenceKey(target.id, e))).map((e, i): Change => ({
        kind: 'target-status',
        id: `${target.id}-${i}`,
        date: e.date,
        title: `目标状态：${target.metric}：${e.status}`,
        summary: e.note ?? '',
        target,
        source: e.source,
        evidenceDate: e.date,
      })),
    ),
  ].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  // Recorded progress changes the task's page and the targets page: their 最后更新 follows it.
  const progressDate = (pred: (t: Target) => boolean) =>
    changes.filter((c) => c.kind === 'target-status' && pred(c.target)).map((c) => c.date).sort().at(-1);
  for (const task of tasks) {
    const date = progressDate((t) => t.task.id === task.id);
    const own = task.updated ?? planById.get(task.plan.id)!.updated;
    if (date && date > own) task.updated = date;
  }
  const lastUpdated = [
    ...plans.map((p) => p.updated),
    ...tasks.flatMap((t) => (t.updated ? [t.updated] : [])),
    ...documents.map((d) => d.updated),
    ...guides.map((g) => g.updated),
    ...changes.map((c) => c.date),
  ].sort().at(-1)!;

  const outlines = new Map<number, Outline<Task>>();
  const outlineProblems: string[] = [];
  for (const e of planEntries) {
    const plan = planById.get(e.id)!;
    try {
      outlines.set(plan.year, buildOutline(plan, tasks.filter((t) => t.year === plan.year), e.filePath ?? `content/plans/${e.id}.mdx`));
    } catch (err) {
      if (err instanceof OutlineError) outlineProblems.push(err.message);
      else throw err;
    }
  }
  if (outlineProblems.length) throw new ContentError(outlineProblems);
  const site = siteIdentity(plans);

  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const docById = new Map(documents.map((d) => [d.id, d]));
  const spellings = (term: Term) => [term.term, ...term.variants];

  const citations = new Map<string, Mention[]>();
  for (const task of tasks) {
    for (const ref of task.documents) {
      const doc = docById.get(ref.id)!;
      const list = citations.get(doc.id) ?? [];
      for (const sentence of sentencesWith(task.text, doc.planTitle!)) list.push({ task, sentence });
      citations.set(doc.id, list);
    }
  }

  // A term counts where it stands alone: not inside a longer term (双责 inside 一岗双责), nor inside a
  // longer phrase that means something else (进校园活动 inside 法治进校园活动: the term's notIn).
  const allSpellings = terms.flatMap(spellings);
  const mentions = (term: Term, text: string) =>
    spellings(term).some((s) => {
      const longer = [...allSpellings, ...term.notIn].filter((o) => o.length > s.length && o.includes(s));
      return longer.reduce((t, o) => t.replaceAll(o, '\u0000'), text).includes(s);
    });
  const occurrences = new Map<string, Mention[]>();
  const headingOccurrences = new Map<string, HeadingMention[]>();
  for (const term of terms) {
    occurrences.set(
      term.id,
      tasks.flatMap((task) => sentences(task.text).filter((s) => mentions(term, s)).map((sentence) => ({ task, sentence }))),
    );
    headingOccurrences.set(
      term.id,
      plans.flatMap((p) => p.parts.filter((part) => mentions(term, part.title)).map((part) => ({ year: p.year, label: part.label, title: part.title, anchor: `part-${part.number}` }))),
    );
  }

  return {
    plans,
    site,
    outline: (year) => {
      const o = outlines.get(year);
      if (!o) throw new Error(`no plan for ${year}`);
      return o;
    },
    tasks,
    documents,
    terms,
    tasksOf: (year) => tasks.filter((t) => t.year === year),
    task: (id) => {
      const t = taskById.get(id);
      if (!t) throw new Error(`unknown task ${id}`);
      return t;
    },
    document: (id) => {
      const d = docById.get(id);
      if (!d) throw new Error(`unknown document ${id}`);
      return d;
    },
    targetsOf: (year) => allTargets.filter((t) => t.task.year === year),
    citations: (id) => citations.get(id) ?? [],
    occurrences: (id) => occurrences.get(id) ?? [],
    relatedDocuments: (task) => documents.filter((d) => d.relatedTasks.some((r) => r.id === task.id)),
    headingOccurrences: (id) => headingOccurrences.get(id) ?? [],
    termsIn: (task) => terms.filter((term) => mentions(term, task.text)),
    guides,
    guidesOf: (year) => guides.filter((g) => g.year === year),
    question: (id) => {
      const q = questions.get(id);
      if (!q) throw new Error(`unknown guide question ${id}`);
      return q;
    },
    timeline: (year) => {
      const entries = new Map<string, TimelineEntry>();
      for (const t of allTargets.filter((t) => t.task.year === year && t.deadline)) {
        const d = t.deadline!;
        const key = `${d.year}|${d.term ?? ''}|${d.type}|${d.phrase ?? ''}`;
        const entry = entries.get(key) ?? { year: d.year, term: d.term, type: d.type, phrase: d.phrase, label: describeDeadline(d), targets: [] };
        entry.targets.push(t);
        entries.set(key, entry);
      }
      // Within a year: the whole year (a theme year) first, then a named term, then "within the year"
      // (which runs to its end), then the plan's own phrase (通过一年的努力), which is vaguer still.
      const rank = (e: TimelineEntry) => (e.type === 'during' ? 0 : e.phrase ? 3 : e.term ? 1 : 2);
      // A phrase without a year (通过一年的努力) names no point in time: it goes after every dated entry.
      const yearKey = (e: TimelineEntry) => e.year ?? Number.POSITIVE_INFINITY;
      return [...entries.values()].sort((a, b) => (yearKey(a) === yearKey(b) ? 0 : yearKey(a) < yearKey(b) ? -1 : 1) || rank(a) - rank(b) || a.type.localeCompare(b.type));
    },
    promisedDocuments: (year) => {
      const promised = allTargets.filter((t) => t.task.year === year && t.kind === 'document-to-issue');
      const toIssue = documents.filter((d) => d.status === 'to-be-issued' && d.planTitle && tasks.some((t) => t.year === year && t.text.includes(d.planTitle!)));
      const match = (t: Target) => toIssue.find((d) => t.quote.includes(d.planTitle!));
      return [
        ...promised.map((target) => ({ target, document: match(target) })),
        ...toIssue.filter((d) => !promised.some((t) => match(t) === d)).map((document) => ({ target: undefined, document })),
      ];
    },
    changes,
    targetsUpdated: (year) => {
      const plan = plans.find((p) => p.year === year)!;
      const date = progressDate((t) => t.task.year === year);
      return date && date > plan.updated ? date : plan.updated;
    },
    lastUpdated,
    linkPatterns: (year) => [
      ...documents
        .filter((d) => d.planTitle)
        .map((d): LinkPattern => ({ match: d.planTitle!, href: withBase(documentPath(d.id)), kind: 'document', key: d.id })),
      ...terms.flatMap((term) =>
        spellings(term).map((s): LinkPattern => ({
          notIn: term.notIn,
          match: s,
          href: `${withBase(termsPath(year))}#${termAnchor(term.id)}`,
          kind: 'term',
          key: term.id,
        })),
      ),
    ],
  };
}

/** getStaticPaths for pages that exist once per plan (/2019/, /2019/targets/ …): props.plan. */
export async function planYearPaths() {
  const data = await loadPlanData();
  return data.plans.map((plan) => ({ params: { year: String(plan.year) }, props: { plan } }));
}

/** Where a task's paragraph sits on the full-text page. */
export function paragraphHref(task: Task): string {
  return `${withBase(planPath(task.year))}#${taskAnchor(task.number)}`;
}

/**
 * Where a quote from a task stands in the full text: the sentence it starts in. Throws when the
 * quote is not in the task's text, so a link can never point at a sentence that does not say it.
 */
export function sentenceHref(task: Task, quote: string): string {
  const index = sentenceIndexOf(task.text, quote);
  if (index < 0) throw new Error(`"${quote}" is not in the text of ${task.year} task ${task.number}: no sentence to link`);
  return `${withBase(planPath(task.year))}#${sentenceAnchor(task.number, index)}`;
}

export function taskHref(task: Task): string {
  return withBase(taskPath(task.year, task.number));
}

/** "任务21", or for task 0 its own heading (指导思想, 总体要求) — how a task is named in lists. */
export function taskLabel(task: Pick<Task, 'number' | 'title'>): string {
  return task.number === 0 ? task.title : `任务${task.number}`;
}

/** Where a guide lives: /2019/guides/parents/. */
export function guideHref(guide: Guide): string {
  return withBase(guidePath(guide.year, guide.slug));
}
