/**
 * Checks content/search/synonyms.json when the site is built (and in the unit tests): the shape,
 * and the rules that keep it useful — every target word occurs in the site's text (a synonym that
 * points at nothing finds nothing), no everyday word sits in two groups, no filler is also a
 * search word. Errors name the file and the field, like the content checks.
 */
import { z } from 'astro/zod';
import { compileLexicon, type CompiledLexicon, type LexiconFile } from './lexicon.ts';

export const LEXICON_FILE = 'content/search/synonyms.json';

const word = z.string().trim().min(1).max(20).regex(/^[^,，]+$/, 'no commas inside a word');

export const lexiconSchema = z.object({
  /** What the file is for, shown to reviewers. */
  about: z.string().optional(),
  /** Date of the last review, YYYY-MM-DD. */
  updated: z.iso.date().optional(),
  groups: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('oneway'), from: z.array(word).min(1), to: z.array(word).min(1), note: z.string().optional() }).strict(),
      z.object({ type: z.literal('equivalent'), terms: z.array(word).min(2), note: z.string().optional() }).strict(),
    ]),
  ),
  fillers: z
    .object({
      phrases: z.array(word),
      words: z.array(z.string().length(1, 'a filler word is one character; longer ones go in phrases')),
    })
    .strict(),
}).strict();

/** Validate and compile; throws one error listing every problem. `corpus` is the site's searchable text. */
export function checkLexicon(raw: unknown, corpus: string): CompiledLexicon {
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${LEXICON_FILE}: field \`${formatPath(i.path)}\`: ${i.message}`);
    throw new Error(lines.join('\n'));
  }
  const file = parsed.data as LexiconFile;
  const problems = lexiconProblems(file, corpus);
  if (problems.length) throw new Error(problems.map((p) => `${LEXICON_FILE}: ${p}`).join('\n'));
  return compileLexicon(file, corpus);
}

export function lexiconProblems(file: LexiconFile, corpus: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const fillerList = [...file.fillers.phrases, ...file.fillers.words];
  const fillers = new Set(fillerList);
  fillerList.forEach((f, i) => {
    if (fillerList.indexOf(f) !== i) problems.push(`field \`fillers\`: "${f}" is listed twice`);
  });
  file.groups.forEach((group, g) => {
    const sources = group.type === 'oneway' ? group.from : group.terms;
    const targets = group.type === 'oneway' ? group.to : group.terms;
    const field = group.type === 'oneway' ? 'from' : 'terms';
    sources.forEach((w, i) => {
      const where = `groups[${g}].${field}[${i}]`;
      if (seen.has(w)) problems.push(`field \`${where}\`: "${w}" is already in \`${seen.get(w)}\`; a word may be in one group only`);
      else seen.set(w, where);
      if (fillers.has(w)) problems.push(`field \`${where}\`: "${w}" is also a filler`);
    });
    targets.forEach((t, i) => {
      const tField = group.type === 'oneway' ? 'to' : 'terms';
      for (const part of t.split(/\s+/)) {
        if (!corpus.includes(part)) problems.push(`field \`groups[${g}].${tField}[${i}]\`: "${part}" does not occur in the plan's text, so it would find nothing`);
      }
    });
    if (group.type === 'oneway') {
      group.from.forEach((w, i) => {
        if (group.to.includes(w)) problems.push(`field \`groups[${g}].from[${i}]\`: "${w}" is also a target of the same group`);
      });
    }
  });
  return problems;
}

/** The text a synonym may point at: the plan's words and the site's own titles and tags. */
export function searchCorpus(content: {
  tasks: { text: string; title: string; summary: string; topics: string[] }[];
  documents: { displayTitle: string; officialTitle: string | null; planTitle: string | null }[];
  terms: { term: string }[];
}): string {
  return [
    ...content.tasks.flatMap((t) => [t.text, t.title, t.summary, ...t.topics]),
    ...content.documents.flatMap((d) => [d.displayTitle, d.officialTitle ?? '', d.planTitle ?? '']),
    ...content.terms.map((t) => t.term),
  ].join('\n');
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}
