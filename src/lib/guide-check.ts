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

/**
 * What a reader sees of one paragraph or list item of a rendered answer: its text, and for each link
 * the link's text with the text of the same block before and after it (after = past the link's tag,
 * e.g. DocLink's （…）). Collected in the browser; checked here so the rules are unit-tested.
 */
export interface RenderedBlock {
  /** Which answer, for the message. */
  answer: string;
  text: string;
  /** Each link: its text, the text of the block between it and its neighbouring links, and the
   * label a component prints right after it (DocLink's 相关国家文件，不属于工作思路), if any. */
  links: { text: string; before: string; after: string; tag?: string }[];
}

/** Shortest repeated phrase reported: two characters repeat legitimately (看看, 优秀), three rarely do. */
const MIN_ADJACENT = 3;
/** Shortest phrase reported when it occurs twice in one paragraph: a whole clause said twice. */
const MIN_REPEATED = 10;
/** Shortest phrase of a link's label that the paragraph may not say again (不属于工作思路 is 7). */
const MIN_TAG_ECHO = 5;
/** Words right beside a link that the link itself says (印发的 in 根据它印发的<a>教育局印发的…</a>). */
const MIN_ECHO = 3;

/** A clause: the text between two punctuation marks, so a neighbouring sentence never counts. */
const CLAUSE_BREAK = /[，。；：、！？（）()“”‘’「」《》,;:!?\s]/;

function lastClause(text: string): string {
  const parts = text.split(CLAUSE_BREAK);
  return parts.at(-1) ?? '';
}
function firstClause(text: string): string {
  return text.split(CLAUSE_BREAK)[0] ?? '';
}

/**
 * The longest run of words touching a link that the link's own text contains: the end of the clause
 * before it or the start of the clause after it. Words further away may share a phrase with the link
 * legitimately (根据<a>…有偿补课三大文件</a>，严肃有偿补课举报受理).
 */
export function linkEcho(before: string, link: string, after: string, min = MIN_ECHO): string | null {
  const b = lastClause(before);
  const a = firstClause(after);
  let best: string | null = null;
  for (let len = min; len <= b.length; len++) if (link.includes(b.slice(-len))) best = b.slice(-len);
  for (let len = Math.max(min, (best?.length ?? 0) + 1); len <= a.length; len++) if (link.includes(a.slice(0, len))) best = a.slice(0, len);
  return best;
}

/** The longest phrase of at least `min` characters found in both strings, or null. */
export function commonPhrase(a: string, b: string, min: number): string | null {
  let best: string | null = null;
  for (let i = 0; i < a.length; i++) {
    for (let len = Math.max(min, (best?.length ?? 0) + 1); i + len <= a.length; len++) {
      const piece = a.slice(i, i + len);
      if (/[\s，。；：、]/.test(piece)) break;
      if (!b.includes(piece)) break;
      best = piece;
    }
  }
  return best;
}

/** A phrase written twice in a row (印发的印发的), at least `min` characters long, or null. */
export function adjacentRepeat(text: string, min = MIN_ADJACENT): string | null {
  const m = text.match(new RegExp(`([^\\s，。；：、（）“”]{${min},})\\1`, 'u'));
  return m ? m[1]! : null;
}

/** The longest phrase of at least `min` characters that occurs twice in the text, or null. */
export function repeatedPhrase(text: string, min = MIN_REPEATED): string | null {
  let best: string | null = null;
  for (let i = 0; i < text.length; i++) {
    for (let len = Math.max(min, (best?.length ?? 0) + 1); i + len <= text.length; len++) {
      const piece = text.slice(i, i + len);
      if (/[\s，。；：、（）“”]/.test(piece)) break;
      if (text.indexOf(piece, i + 1) < 0) break;
      best = piece;
    }
  }
  return best;
}

/**
 * Doubling in rendered guide text: a phrase written twice in a row, a link whose words the sentence
 * around it repeats, or the same phrase twice in one paragraph. Each problem names the answer.
 */
export function findDoubling(blocks: RenderedBlock[]): string[] {
  const problems: string[] = [];
  for (const block of blocks) {
    const adjacent = adjacentRepeat(block.text);
    if (adjacent) problems.push(`${block.answer}: “${adjacent}” is written twice in a row: ${block.text}`);
    const repeated = repeatedPhrase(block.text);
    if (repeated) problems.push(`${block.answer}: “${repeated}” occurs twice in one paragraph: ${block.text}`);
    for (const link of block.links) {
      const echo = linkEcho(link.before, link.text, link.after);
      if (echo) problems.push(`${block.answer}: the link “${link.text}” and the words beside it both say “${echo}”: ${block.text}`);
      if (link.tag) {
        const rest = block.text.replace(link.tag, '');
        const echo = commonPhrase(link.tag, rest, MIN_TAG_ECHO);
        if (echo) problems.push(`${block.answer}: the label after “${link.text}” says “${echo}” and so does the paragraph: ${block.text}`);
      }
    }
  }
  return problems;
}
