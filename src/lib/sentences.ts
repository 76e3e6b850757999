/**
 * The one sentence splitter of the site. A sentence ends at 。 (the last of a paragraph may lack it)
 * and never spans a paragraph break (a blank line in the stored text). The full-text page gives each
 * sentence an id from its index here, and every 见原文 link computes the same index, so they agree.
 */
import { toDisplayPunctuation } from './punctuation';

/** A text's paragraphs (separated by a blank line), each split into sentences. */
export function paragraphSentences(text: string): string[][] {
  return text.split(/\n\s*\n/).map((paragraph) => paragraph.match(/[^。]+。?/g) ?? []);
}

/** All sentences of a text, in order, across its paragraphs. */
export function sentences(text: string): string[] {
  return paragraphSentences(text).flat();
}

/** The sentences of a text that contain a phrase. */
export function sentencesWith(text: string, phrase: string): string[] {
  return sentences(text).filter((s) => s.includes(phrase));
}

/**
 * Index (0-based, across paragraphs) of the sentence where `quote` starts in `text`, or -1 when it is
 * not there. Compared with display punctuation (a length-preserving mapping), so a quote may use
 * either the stored ASCII marks or full-width ones.
 */
export function sentenceIndexOf(text: string, quote: string): number {
  const q = toDisplayPunctuation(quote.trim());
  if (!q) return -1;
  let index = 0;
  for (const paragraph of paragraphSentences(text)) {
    const shown = paragraph.map(toDisplayPunctuation);
    const joined = shown.join('');
    const at = joined.indexOf(q);
    if (at >= 0) {
      let end = 0;
      for (let i = 0; i < shown.length; i++) {
        end += shown[i]!.length;
        if (at < end) return index + i;
      }
    }
    index += paragraph.length;
  }
  return -1;
}
