/**
 * The one place where content is loaded, checked and cross-linked. Every page and open-data file
 * reads from here: backlinks from documents to tasks, term occurrences, target lists and counts
 * are derived once, never maintained by hand in two places.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { pinyin } from 'pinyin-pro';
import { assertValidContent } from './validate';
import type { LinkPattern } from './linkify';
import { documentPath, termAnchor, termsPath, withBase, taskPath, taskAnchor } from './urls';
import { DOCUMENT_LEVELS } from '../content.config';

export type Plan = CollectionEntry<'plans'>['data'] & { id: string };
export type Task = CollectionEntry<'tasks'>['data'] & { id: string; text: string; year: number };
export type Target = Task['targets'][number] & { task: Task };
export type Doc = CollectionEntry<'documents'>['data'] & { id: string };
export type Term = CollectionEntry<'terms'>['data'] & { id: string };

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
}

export interface PlanData {
  plans: Plan[];
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
}

/** Split a paragraph into sentences ending in 。 (the last may lack it). */
export function sentences(text: string): string[] {
  return text.match(/[^。]+。?/g) ?? [];
}

/** The sentences of a text that contain a phrase. */
export function sentencesWith(text: string, phrase: string): string[] {
  return sentences(text).filter((s) => s.includes(phrase));
}

/** URL slug for a Chinese label, from its pinyin: 学前教育 → xue-qian-jiao-yu. */
export function slugOf(label: string): string {
  return pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-');
}

export const LEVEL_LABELS: Record<(typeof DOCUMENT_LEVELS)[number], string> = {
  national: '国家',
  provincial: '省',
  municipal: '市',
  county: '县',
  party: '党内法规',
};

let cache: Promise<PlanData> | undefined;

export function loadPlanData(): Promise<PlanData> {
  cache ??= build();
  return cache;
}

async function build(): Promise<PlanData> {
  const [planEntries, taskEntries, docEntries, termEntries] = await Promise.all([
    getCollection('plans'),
    getCollection('tasks'),
    getCollection('documents'),
    getCollection('terms'),
  ]);
  const trimmedBody = (e: { body?: string }) => (e.body ?? '').trim();
  assertValidContent({
    plans: planEntries,
    tasks: taskEntries.map((e) => ({ ...e, body: trimmedBody(e) })),
    documents: docEntries,
    terms: termEntries,
  });

  const plans: Plan[] = planEntries.map((e) => ({ ...e.data, id: e.id })).sort((a, b) => b.year - a.year);
  const yearOf = new Map(plans.map((p) => [p.id, p.year]));
  const tasks: Task[] = taskEntries
    .map((e) => ({ ...e.data, id: e.id, text: trimmedBody(e), year: yearOf.get(e.data.plan.id)! }))
    .sort((a, b) => a.year - b.year || a.number - b.number);
  const documents: Doc[] = docEntries
    .map((e) => ({ ...e.data, id: e.id }))
    .sort((a, b) => DOCUMENT_LEVELS.indexOf(a.level) - DOCUMENT_LEVELS.indexOf(b.level) || a.displayTitle.localeCompare(b.displayTitle, 'zh-CN'));
  const terms: Term[] = termEntries
    .map((e) => ({ ...e.data, id: e.id }))
    .sort((a, b) => a.term.localeCompare(b.term, 'zh-CN'));

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

  // A term counts where it stands alone, not inside a longer term (双责 inside 一岗双责).
  const allSpellings = terms.flatMap(spellings);
  const mentions = (term: Term, text: string) =>
    spellings(term).some((s) => {
      const longer = allSpellings.filter((o) => o.length > s.length && o.includes(s));
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
      plans.flatMap((p) => p.parts.filter((part) => mentions(term, part.title)).map((part) => ({ year: p.year, label: part.label, title: part.title }))),
    );
  }

  return {
    plans,
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
    targetsOf: (year) => tasks.filter((t) => t.year === year).flatMap((task) => task.targets.map((t) => ({ ...t, task }))),
    citations: (id) => citations.get(id) ?? [],
    occurrences: (id) => occurrences.get(id) ?? [],
    relatedDocuments: (task) => documents.filter((d) => d.relatedTasks.some((r) => r.id === task.id)),
    headingOccurrences: (id) => headingOccurrences.get(id) ?? [],
    termsIn: (task) => terms.filter((term) => mentions(term, task.text)),
    linkPatterns: (year) => [
      ...documents
        .filter((d) => d.planTitle)
        .map((d): LinkPattern => ({ match: d.planTitle!, href: withBase(documentPath(d.id)), kind: 'document', key: d.id })),
      ...terms.flatMap((term) =>
        spellings(term).map((s): LinkPattern => ({
          match: s,
          href: `${withBase(termsPath(year))}#${termAnchor(term.id)}`,
          kind: 'term',
          key: term.id,
        })),
      ),
    ],
  };
}

/** Where a task's paragraph sits on the full-text page. */
export function paragraphHref(task: Task): string {
  return `${withBase(`/${task.year}/`)}#${taskAnchor(task.number)}`;
}

export function taskHref(task: Task): string {
  return withBase(taskPath(task.year, task.number));
}

/** "任务21" or "指导思想" — how a task is named in lists. */
export function taskLabel(task: Task): string {
  return task.number === 0 ? '指导思想' : `任务${task.number}`;
}
