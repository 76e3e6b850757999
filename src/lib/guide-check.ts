/**
 * Checks for the guides (content/guides): every quote is the plan's words, every question has an
 * answer, every answer rests on a quote. Pure over plain objects so the unit tests read the MDX
 * themselves and call the same checks without Astro; the build calls them from plan-data.
 */
import { toDisplayPunctuation } from './punctuation';
import { AUDIENCE_SLUGS } from './labels';
import type { AUDIENCES } from '../content.config';

/** A <PlanQuote task={N} text="…" /> found in a guide's MDX. */
export interface QuoteRef {
  task: number;
  text: string;
  /** The <Answer> it sits in, if any. */
  answer: string | null;
}

/** Components that quote the plan themselves (generated from target quotes checked by validate.ts). */
const GENERATED_QUOTING = ['Timeline', 'DocumentsToIssue'];

/**
 * Whether `quote` is verbatim in a task's paragraph. The quote may be written in the stored ASCII
 * punctuation (,;:()) or in the display form (，；：（）): both sides go through the site's one
 * display mapping, so no other difference is tolerated.
 */
export function quoteInText(text: string, quote: string): boolean {
  const q = toDisplayPunctuation(quote.trim());
  return q.length >= 2 && toDisplayPunctuation(text).includes(q);
}

const ANSWER_OPEN = /<Answer\s+id="([^"]*)"\s*>/g;

/** Ids of the <Answer id="…"> blocks, in order. */
export function answerIds(body: string): string[] {
  return [...body.matchAll(ANSWER_OPEN)].map((m) => m[1]!);
}

/** Every <PlanQuote task={N} text="…" />; a tag in any other form is reported as malformed. */
export function planQuotes(body: string): { quotes: QuoteRef[]; malformed: string[] } {
  const quotes: QuoteRef[] = [];
  const malformed: string[] = [];
  const tags = [...body.matchAll(/<PlanQuote\b[^>]*>/g)];
  for (const tag of tags) {
    const m = tag[0].match(/^<PlanQuote\s+task=\{(\d+)\}\s+text="([^"]+)"\s*\/>$/);
    if (!m) {
      malformed.push(tag[0]);
      continue;
    }
    const before = body.slice(0, tag.index);
    const open = [...before.matchAll(ANSWER_OPEN)].at(-1);
    const inside = open && !before.slice(open.index).includes('</Answer>');
    quotes.push({ task: Number(m[1]), text: m[2]!, answer: inside ? open[1]! : null });
  }
  return { quotes, malformed };
}

/** Ids of the documents linked with <DocLink id="…" />. */
export function docLinks(body: string): string[] {
  return [...body.matchAll(/<DocLink\s+id="([^"]+)"/g)].map((m) => m[1]!);
}

export interface GuideLike {
  /** Entry id, e.g. 2019/parents. */
  id: string;
  filePath?: string;
  body: string;
  data: {
    plan: { id: string };
    audience: (typeof AUDIENCES)[number];
    questions: { id: string; question: string }[];
    cites: { id: string }[];
  };
}

export interface TaskTextLike {
  /** Entry id, e.g. 2019/21. */
  id: string;
  plan: string;
  number: number;
  text: string;
}

/** Every problem in the guides, each naming the file; empty when all is well. */
export function findGuideProblems(guides: GuideLike[], tasks: TaskTextLike[], documentIds: string[]): string[] {
  const problems: string[] = [];
  const seenQuestions = new Map<string, string>();
  for (const guide of guides) {
    const file = guide.filePath ?? `content/guides/${guide.id}.mdx`;
    const d = guide.data;
    const slug = guide.id.split('/').at(-1);
    if (slug !== AUDIENCE_SLUGS[d.audience]) {
      problems.push(`${file}: field \`audience\`: ${d.audience} guides live in a file named ${AUDIENCE_SLUGS[d.audience]}.mdx`);
    }
    const answers = answerIds(guide.body);
    d.questions.forEach((q, i) => {
      const other = seenQuestions.get(q.id);
      if (other) problems.push(`${file}: field \`questions[${i}].id\`: duplicate question id "${q.id}" (also in ${other})`);
      else seenQuestions.set(q.id, file);
      const n = answers.filter((a) => a === q.id).length;
      if (n !== 1) problems.push(`${file}: field \`questions[${i}]\`: expected one <Answer id="${q.id}"> in the body, found ${n}`);
    });
    for (const a of answers) {
      if (!d.questions.some((q) => q.id === a)) problems.push(`${file}: body: <Answer id="${a}"> has no entry in \`questions\``);
    }

    const { quotes, malformed } = planQuotes(guide.body);
    for (const tag of malformed) problems.push(`${file}: body: write quotes as <PlanQuote task={N} text="…" />, found ${tag}`);
    const quoted = new Set<string>();
    for (const q of quotes) {
      const task = tasks.find((t) => t.plan === d.plan.id && t.number === q.task);
      if (!task) {
        problems.push(`${file}: body: <PlanQuote task={${q.task}}>: plan ${d.plan.id} has no task ${q.task}`);
        continue;
      }
      quoted.add(task.id);
      if (!quoteInText(task.text, q.text)) problems.push(`${file}: body: <PlanQuote task={${q.task}}>: "${q.text}" is not in task ${q.task}'s text`);
      if (!q.answer) problems.push(`${file}: body: <PlanQuote task={${q.task}}> "${q.text.slice(0, 12)}…" is outside any <Answer>`);
    }
    const cites = new Set(d.cites.map((c) => c.id));
    for (const id of quoted) if (!cites.has(id)) problems.push(`${file}: field \`cites\`: the body quotes task ${id} but \`cites\` does not list it`);
    for (const id of cites) if (!quoted.has(id)) problems.push(`${file}: field \`cites\`: lists ${id} but no <PlanQuote> quotes it`);

    // Each answer ends with the sentences it rests on: a quote, or a generated list that quotes.
    const blocks = guide.body.split(/<Answer\s+id="/).slice(1);
    for (const block of blocks) {
      const id = block.slice(0, block.indexOf('"'));
      const content = block.slice(0, block.indexOf('</Answer>'));
      const rests = content.includes('<PlanQuote') || GENERATED_QUOTING.some((c) => content.includes(`<${c}`));
      if (!rests) problems.push(`${file}: body: <Answer id="${id}"> quotes nothing from the plan`);
    }

    for (const id of docLinks(guide.body)) {
      if (!documentIds.includes(id)) problems.push(`${file}: body: <DocLink id="${id}">: unknown document`);
    }
  }
  return problems;
}
