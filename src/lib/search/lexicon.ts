/**
 * The search word list (content/search/synonyms.json) in the compact form the search page uses.
 *
 * The file is for reviewers: groups with notes. The page only needs rules ("these words → those
 * plan words, with these weights") and the filler lists, so the build compiles it once and hands
 * the result to the page in a data attribute (no extra request, no inline script).
 * Checking the file (shape, and that every target word is in the plan) is in lexicon-check.ts.
 */

/** A group in synonyms.json. */
export type SynonymGroup =
  | {
      /** Everyday words (from) that mean what the plan says with other words (to). */
      type: 'oneway';
      from: string[];
      /** Plan wording; a space inside one entry means "both words", e.g. "减轻 负担". */
      to: string[];
      note?: string;
    }
  | {
      /** Words the plan uses interchangeably: each finds the others. */
      type: 'equivalent';
      terms: string[];
      note?: string;
    };

export interface LexiconFile {
  about?: string;
  updated?: string;
  groups: SynonymGroup[];
  fillers: {
    /** Question words and filler removed wherever they occur (怎么办, 是多少 …). */
    phrases: string[];
    /** Single characters removed only when they stand alone as a word (吗, 能 …), never inside one. */
    words: string[];
  };
}

/** One rewrite rule: a query containing `from` is also searched with each of `to` in its place. */
export interface Rule {
  from: string;
  to: string[];
  /**
   * Weight of the user's own wording when this rule applies: low for everyday words the plan does
   * not use (托班 would otherwise match 依托 and 走班), full for words the plan uses itself.
   */
  keep: number;
  /** Weight of the rewritten query. */
  weight: number;
}

/**
 * The compiled list as sent to the page, compact (each group once, not once per word):
 * [words the plan also uses, everyday words it does not use, plan wording, weight of the wording].
 */
export type WireGroup = [string[], string[], string[], number];

export interface CompiledLexicon {
  groups: WireGroup[];
  /** Longest first, so 怎么办 is removed before 怎么. */
  fillerPhrases: string[];
  fillerWords: string[];
}

/** Weights, kept together so the ranking is tuned in one place. */
export const WEIGHTS = {
  /** The user's wording when it is an everyday word with a plan equivalent. */
  everydayOriginal: 0.5,
  /** The plan's wording found through a one-way rule. */
  planWording: 1,
  /** The user's wording when the plan itself uses it. */
  planOriginal: 1,
  /** The other word of an equivalent pair. */
  equivalent: 0.8,
} as const;

const byLengthDesc = (a: string, b: string) => b.length - a.length || a.localeCompare(b);

/**
 * `corpus` is the site's searchable text: an everyday word that the plan also uses (补课, inside
 * 有偿补课) keeps full weight for the user's own wording; one it never uses (托班) is down-weighted.
 */
export function compileLexicon(file: LexiconFile, corpus = ''): CompiledLexicon {
  const groups: WireGroup[] = [];
  const split = (words: string[]) => [words.filter((w) => corpus.includes(w)), words.filter((w) => !corpus.includes(w))];
  for (const group of file.groups) {
    if (group.type === 'oneway') {
      const [plan, everyday] = split(group.from);
      groups.push([plan!, everyday!, group.to, WEIGHTS.planWording]);
    } else {
      for (const term of group.terms) groups.push([[term], [], group.terms.filter((t) => t !== term), WEIGHTS.equivalent]);
    }
  }
  return {
    groups,
    fillerPhrases: [...file.fillers.phrases].sort(byLengthDesc),
    fillerWords: [...file.fillers.words],
  };
}

const expanded = new WeakMap<CompiledLexicon, Rule[]>();

/** One rule per word, longest `from` first (so 补习班 wins over 补习). */
export function rulesOf(lexicon: CompiledLexicon): Rule[] {
  let rules = expanded.get(lexicon);
  if (!rules) {
    rules = lexicon.groups.flatMap(([plan, everyday, to, weight]) => [
      ...plan.map((from) => ({ from, to, keep: WEIGHTS.planOriginal, weight })),
      ...everyday.map((from) => ({ from, to, keep: WEIGHTS.everydayOriginal, weight })),
    ]);
    rules.sort((a, b) => byLengthDesc(a.from, b.from));
    expanded.set(lexicon, rules);
  }
  return rules;
}
