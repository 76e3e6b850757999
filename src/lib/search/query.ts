/**
 * Query handling for the search page, kept free of the DOM and of Pagefind so it can be unit-tested.
 *
 * Pagefind matches every word of a query (AND, each word as a prefix) and silently drops words it
 * has never seen. People do not type the plan's wording: they ask 孩子放学后学校能托管吗. So:
 *   1. normalise (full-width → half-width, punctuation out, lower case);
 *   2. find everyday words with a plan equivalent (托班 → 放学后托管) and search both wordings,
 *      the plan's wording weighted higher;
 *   3. drop question words and filler (怎么, 是多少, 吗 …) — never inside a longer word;
 *   4. rank: each wording is searched strictly (all words); a page scores its best wording
 *      (normalised, times a prior by page kind), plus a bonus when it has the typed run as a phrase;
 *   5. relax when the strict search finds nothing specific (nothing, or only pages spanning the
 *      whole plan, which contain every word somewhere): search each word alone and rank pages by
 *      how many of the words they match, and how well.
 */
import { rulesOf, type CompiledLexicon } from './lexicon.ts';

/** One wording of the query, as sent to the engine. */
export interface Variant {
  /** Words joined by spaces: what Pagefind receives. */
  query: string;
  /** The units that relaxation searches one by one; a plan phrase (放学后托管) stays one unit. */
  units: string[];
  weight: number;
  /**
   * A phrase boost rather than another wording: its scores are added to the page's best wording,
   * times `weight`, instead of competing with them. Not used when relaxing.
   */
  boost?: boolean;
}

export interface Rewrite {
  /** The user's word. */
  from: string;
  /** The plan's words searched as well. */
  to: string[];
}

export interface QueryPlan {
  /** The query after normalisation ('' when there is nothing to search). */
  normalized: string;
  /** 'latin' for pinyin and other Latin-letter queries (tuoguan, xgxp, app). */
  script: 'none' | 'latin' | 'cjk';
  variants: Variant[];
  /** Filler removed from the query, in order, for the page to say what it ignored. */
  ignored: string[];
  rewrites: Rewrite[];
}

export type Segmenter = (text: string) => string[];

/** Word segmentation with the browser's (or Node's) ICU, the same segmenter Pagefind uses on queries. */
export const icuSegmenter: Segmenter = (() => {
  let seg: Intl.Segmenter | undefined;
  return (text: string) => {
    seg ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
    return [...seg.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  };
})();

/** Longest query we search; anything beyond is a paste, not a question. */
export const MAX_QUERY_LENGTH = 64;
/** At most this many wordings per query (combinations of rewrites). */
export const MAX_VARIANTS = 6;
/** Bonus for pages that contain a typed run of words as an exact phrase (added to a best score of 1). */
export const PHRASE_BONUS = 0.5;
/** Weight of spaced pinyin searched joined (tuo guan → tuoguan), against the words as typed (1). */
export const WEIGHT_JOINED_PINYIN = 0.9;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** NFKC (６５％ → 65%), lower case, punctuation and symbols → space, except % and a decimal point. */
export function normalize(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d)\.(\d)/gu, '$1\u0000$2')
    .replace(/[^\p{L}\p{N}%\u0000]+/gu, ' ')
    .replace(/\u0000/gu, '.')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

interface Piece {
  text: string;
  rule?: { to: string[]; keep: number; weight: number };
}

/**
 * Split on synonym matches, longest `from` first, without overlaps. A rule is skipped where the
 * query already uses its plan wording around the match (有偿补课 contains 补课: nothing to rewrite).
 */
function splitOnRules(text: string, lexicon: CompiledLexicon): Piece[] {
  let pieces: Piece[] = [{ text }];
  for (const rule of rulesOf(lexicon)) {
    pieces = pieces.flatMap((p) => {
      if (p.rule || !p.text.includes(rule.from)) return [p];
      if (rule.to.some((t) => t.includes(rule.from) && p.text.includes(t.replace(/\s+/g, '')))) return [p];
      const parts = p.text.split(rule.from);
      const out: Piece[] = [];
      parts.forEach((part, i) => {
        if (i > 0) out.push({ text: rule.from, rule });
        if (part) out.push({ text: part });
      });
      return out;
    });
  }
  return pieces;
}

/** Remove filler from a stretch of free text; returns the remaining words and what was removed. */
function dropFiller(text: string, lexicon: CompiledLexicon, segment: Segmenter): { words: string[]; ignored: string[] } {
  const ignored: string[] = [];
  let rest = text;
  for (const phrase of lexicon.fillerPhrases) {
    if (rest.includes(phrase)) {
      ignored.push(phrase);
      rest = rest.split(phrase).join(' ');
    }
  }
  const words: string[] = [];
  for (const chunk of rest.split(' ').filter(Boolean)) {
    for (const w of segment(chunk)) {
      if (lexicon.fillerWords.includes(w)) ignored.push(w);
      else words.push(w);
    }
  }
  return { words, ignored };
}

export function planQuery(raw: string, lexicon: CompiledLexicon, segment: Segmenter = icuSegmenter): QueryPlan {
  const normalized = normalize(raw);
  if (!normalized) return { normalized, script: 'none', variants: [], ignored: [], rewrites: [] };

  if (!CJK.test(normalized)) {
    // Pinyin is indexed as whole words without spaces (tuoguan, xgxp), so "tuo guan" is also
    // searched as "tuoguan"; slightly below the words as typed ("ertong jinshi").
    const words = normalized.split(' ');
    const variants: Variant[] = [];
    if (words.length > 1) variants.push({ query: normalized, units: words, weight: 1 });
    variants.push({ query: words.join(''), units: [words.join('')], weight: words.length > 1 ? WEIGHT_JOINED_PINYIN : 1 });
    return { normalized, script: 'latin', variants, ignored: [], rewrites: [] };
  }

  const pieces = splitOnRules(normalized, lexicon);
  const ignored: string[] = [];
  // Each slot is either free words (fillers removed) or a matched everyday word with its alternatives.
  type Slot = { words: string[] } | { original: string; to: string[]; keep: number; weight: number };
  const slots: Slot[] = [];
  for (const piece of pieces) {
    if (piece.rule) {
      slots.push({ original: piece.text, ...piece.rule });
    } else {
      const r = dropFiller(piece.text, lexicon, segment);
      ignored.push(...r.ignored);
      if (r.words.length) slots.push({ words: r.words });
    }
  }
  // Nothing but filler (怎么办): search what was typed rather than nothing.
  if (slots.length === 0) {
    const words = normalized.split(' ').flatMap((c) => segment(c));
    const units = words.length ? words : [normalized];
    return { normalized, script: 'cjk', variants: [{ query: units.join(' '), units, weight: 1 }], ignored: [], rewrites: [] };
  }

  const rewrites: Rewrite[] = [];
  for (const s of slots) if ('original' in s && !rewrites.some((r) => r.from === s.original)) rewrites.push({ from: s.original, to: s.to });

  // The user's wording, then every combination of rewrites (capped).
  let combos: { units: string[]; weight: number }[] = [{ units: [], weight: 1 }];
  let originalWeight = 1;
  for (const s of slots) {
    if ('words' in s) {
      combos = combos.map((c) => ({ units: [...c.units, ...s.words], weight: c.weight }));
    } else {
      originalWeight = Math.min(originalWeight, s.keep);
      // Capped as it grows: a long paste of everyday words must not multiply into thousands.
      combos = combos.flatMap((c) => s.to.map((t) => ({ units: [...c.units, t], weight: c.weight * s.weight }))).slice(0, MAX_VARIANTS);
    }
  }
  const originalUnits = slots.flatMap((s) => ('words' in s ? s.words : [s.original]));
  const variants: Variant[] = [];
  const add = (units: string[], weight: number) => {
    const query = units.join(' ');
    if (variants.some((v) => v.query === query) || variants.length >= MAX_VARIANTS) return;
    variants.push({ query, units, weight });
  };
  add(originalUnits, originalWeight);
  for (const c of combos) add(c.units, c.weight);
  // Typed as one run with nothing removed or rewritten (教育现代化): pages with the exact phrase get a
  // bonus, since Pagefind's AND ignores word order and distance (task 7 has 教育 and 现代化 apart).
  const single = slots.length === 1 && 'words' in slots[0]! && ignored.length === 0 && !normalized.includes(' ');
  if (single && originalUnits.length > 1) variants.push({ query: `"${normalized}"`, units: [normalized], weight: PHRASE_BONUS, boost: true });
  return { normalized, script: 'cjk', variants, ignored: [...new Set(ignored)], rewrites };
}

/** A result as the engine returns it. */
export interface Hit {
  id: string;
  score: number;
  /** The page kind (任务, 文件 …), for the prior and to tell specific pages from broad ones. */
  kind?: string;
}

/** Runs one query (with the page's filters applied); memoise it in the caller. */
export type Engine = (query: string) => Promise<Hit[]>;

export interface RankOptions {
  /**
   * Multiplies a page's score by kind: the plan's own task pages first, guides (which retell the
   * plan) and pages spanning the whole plan after them. Default 1.
   */
  prior?: Readonly<Record<string, number>>;
  /** Kinds whose pages span the whole plan (全文 …): matching every word there is weak evidence. */
  broad?: readonly string[];
}

export interface Ranked {
  ids: string[];
  /** True when no wording matched as a whole and words were searched one by one. */
  relaxed: boolean;
}

/** A single character is weak evidence: 后 matches 后续, 课 matches 课程. */
const unitWeight = (unit: string) => (unit.replace(/\s+/g, '').length > 1 ? 1 : 0.5);

/** Scores with the kind prior applied, scaled so the best page of this list scores 1. */
function normalise(hits: Hit[], prior: Readonly<Record<string, number>>): Map<string, number> {
  const weighted = hits.map((h) => [h.id, h.score * (prior[h.kind ?? ''] ?? 1)] as const);
  const max = Math.max(...weighted.map(([, s]) => s), 0);
  return new Map(weighted.map(([id, s]) => [id, max > 0 ? s / max : 1]));
}

function order(scores: Map<string, number>): string[] {
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

export async function rank(plan: QueryPlan, engine: Engine, options: RankOptions = {}): Promise<Ranked> {
  const prior = options.prior ?? {};
  const broad = options.broad ?? [];
  if (plan.variants.length === 0) return { ids: [], relaxed: false };
  const strict = await Promise.all(plan.variants.map((v) => engine(v.query)));
  // Wordings are alternatives, so a page scores its best wording, not the sum: a guide that uses
  // both 老师 and 教师 is not twice as relevant. Phrase boosts are added afterwards.
  const fused = new Map<string, number>();
  strict.forEach((hits, i) => {
    if (plan.variants[i]!.boost) return;
    for (const [id, s] of normalise(hits, prior)) fused.set(id, Math.max(fused.get(id) ?? 0, s * plan.variants[i]!.weight));
  });
  strict.forEach((hits, i) => {
    const v = plan.variants[i]!;
    if (!v.boost) return;
    for (const [id, s] of normalise(hits, prior)) if (fused.has(id)) fused.set(id, fused.get(id)! + s * v.weight);
  });
  const specific = strict.some((hits) => hits.some((h) => !broad.includes(h.kind ?? '')));
  const multiWord = plan.variants.some((v) => !v.boost && v.units.length > 1);
  if (specific || !multiWord) return { ids: order(fused), relaxed: false };

  // Relaxation: each unit alone; a page scores the sum of its normalised scores over the units it
  // matches, so matching more of the question, and matching it well, both count.
  const relaxed = new Map<string, number>();
  for (const v of plan.variants.filter((x) => !x.boost)) {
    const perUnit = await Promise.all(v.units.map((u) => engine(u)));
    const variantScores = new Map<string, number>();
    perUnit.forEach((hits, i) => {
      const w = unitWeight(v.units[i]!);
      for (const [id, s] of normalise(hits, prior)) variantScores.set(id, (variantScores.get(id) ?? 0) + s * w);
    });
    for (const [id, s] of variantScores) relaxed.set(id, Math.max(relaxed.get(id) ?? 0, s * v.weight));
  }
  // Pages that matched strictly (the full text) keep a place, after those that match better.
  for (const [id, s] of fused) if (!relaxed.has(id)) relaxed.set(id, s * 0.1);
  return { ids: order(relaxed), relaxed: true };
}
