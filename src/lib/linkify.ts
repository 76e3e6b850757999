/**
 * Split a paragraph of the plan into plain and linked segments: each cited document title links to
 * its document page, each glossary term to its entry. The concatenated segment texts always equal
 * the input, so linking can never alter the plan's words.
 */
export interface LinkPattern {
  /** The exact text to find. */
  match: string;
  /** Where it links. */
  href: string;
  /** What it links to; documents win over terms where they overlap. */
  kind: 'document' | 'term';
  /** Identity for "first occurrence only" (terms are linked once per paragraph). */
  key: string;
  /** Longer phrases that contain `match` with another meaning: no link inside them. Default: none. */
  notIn?: readonly string[];
}

/** Whether [start, end) lies inside an occurrence of one of the phrases. */
function inside(text: string, start: number, end: number, phrases: readonly string[]): boolean {
  return phrases.some((p) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) if (at <= start && end <= at + p.length) return true;
    return false;
  });
}

export interface Segment {
  text: string;
  link?: LinkPattern;
}

export function linkify(text: string, patterns: readonly LinkPattern[]): Segment[] {
  const candidates: { start: number; end: number; link: LinkPattern }[] = [];
  for (const link of patterns) {
    if (!link.match) continue;
    for (let at = text.indexOf(link.match); at >= 0; at = text.indexOf(link.match, at + 1)) {
      if (link.notIn && inside(text, at, at + link.match.length, link.notIn)) continue;
      candidates.push({ start: at, end: at + link.match.length, link });
    }
  }
  const rank = (kind: LinkPattern['kind']) => (kind === 'document' ? 0 : 1);
  // Documents first, then longer matches before shorter ones, then by position.
  candidates.sort(
    (a, b) => rank(a.link.kind) - rank(b.link.kind) || (b.end - b.start) - (a.end - a.start) || a.start - b.start,
  );
  const chosen: typeof candidates = [];
  // Spans claimed by a match, linked or not: a repeated term stays plain, and a shorter term
  // inside it (双责 in 一岗双责) must not be linked there either.
  const claimed: typeof candidates = [];
  const linkedTerms = new Set<string>();
  for (const c of candidates) {
    if (claimed.some((d) => c.start < d.end && d.start < c.end)) continue;
    claimed.push(c);
    if (c.link.kind === 'term') {
      if (linkedTerms.has(c.link.key)) continue;
      linkedTerms.add(c.link.key);
    }
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let pos = 0;
  for (const c of chosen) {
    if (c.start > pos) segments.push({ text: text.slice(pos, c.start) });
    segments.push({ text: text.slice(c.start, c.end), link: c.link });
    pos = c.end;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos) });
  return segments;
}

/** The 《…》 titles a paragraph cites, in order (defined once in the vocabulary module). */
export { citedTitles } from './vocabulary';
