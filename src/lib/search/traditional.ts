/**
 * Traditional → simplified for search queries, built at build time from OpenCC's own dictionaries
 * (opencc-js: TSPhrases and TSCharacters, OpenCC's t2s conversion) and cut down to what can match:
 * the index holds the site's simplified text, so a traditional character or phrase whose simplified
 * form never occurs in it can find nothing either way. What is left is a few hundred entries, small
 * enough to travel inside the search page; the browser converts with opencc-js's converter.
 */
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';

const entries = (dict: string) => dict.split('|').map((line) => line.split(' ') as [string, string]);

/**
 * The t2s dictionary groups restricted to `corpus` (the searchable text): phrases whose simplified
 * form occurs in it, characters whose simplified form occurs in it and differs. In opencc-js's
 * dictionary string format, phrases first (longest match wins inside a group).
 */
export function traditionalToSimplified(corpus: string): string {
  const chars = new Set(corpus);
  const phrases = entries(TSPhrases).filter(([t, s]) => t !== s && corpus.includes(s));
  const characters = entries(TSCharacters).filter(([t, s]) => t !== s && [...s].every((c) => chars.has(c)));
  return [...phrases, ...characters].map(([t, s]) => `${t} ${s}`).join('|');
}
