/**
 * Index-only keywords: pinyin for titles and terms, and Chinese keywords split so that they match
 * however a query is segmented. They go into a Pagefind meta field (searched, never shown), so
 * they can never appear in a result excerpt.
 *
 * Pagefind splits a meta value on spaces only and matches each query word as a prefix of a token.
 * Hence the token shapes:
 *   - pinyin of each word-boundary suffix of a title, in full and as initials:
 *     放学后托管服务 → fangxuehoutuoguanfuwu, houtuoguanfuwu, tuoguanfuwu, fuwu, fxhtgfw, htgfw, tgfw, fw,
 *     so `tuoguan`, `fangxuehou`, `tg` and `tgfw` all match;
 *   - every suffix of a Chinese keyword: 补习班 → 补习班, 习班, 班, so the query 补习班, which the browser
 *     segments as 补习|班, matches (补习 is a prefix of 补习班, 班 of 班).
 */
import { pinyin } from 'pinyin-pro';
import { icuSegmenter, type Segmenter } from './query.ts';

const HAN = /\p{Script=Han}/u;

/** Runs of letters, digits and Han characters; punctuation and 《》 split runs. */
function runs(text: string): string[] {
  return text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function syllables(word: string): { full: string; initials: string } {
  if (!HAN.test(word)) {
    const w = word.toLowerCase();
    return { full: w, initials: w };
  }
  const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const full = pinyin(word, opts).map((s) => s.toLowerCase());
  const initials = pinyin(word, { ...opts, pattern: 'first' }).map((s) => s.toLowerCase());
  return { full: full.join(''), initials: initials.map((s) => (/^[a-z]+$/.test(s) ? s[0] : s)).join('') };
}

/** Pinyin tokens (full and initials) for a title or term. */
export function pinyinTokens(phrase: string, segment: Segmenter = icuSegmenter): string[] {
  const out = new Set<string>();
  for (const run of runs(phrase)) {
    const words = segment(run).map(syllables);
    for (let k = 0; k < words.length; k++) {
      const rest = words.slice(k);
      out.add(rest.map((w) => w.full).join(''));
      out.add(rest.map((w) => w.initials).join(''));
    }
  }
  return [...out].filter((t) => t.length >= 2 && /[a-z]/.test(t));
}

/** Every suffix of a Chinese keyword (see the module comment); other keywords as they are. */
export function keywordTokens(keyword: string): string[] {
  const out: string[] = [];
  for (const run of runs(keyword)) {
    const chars = [...run.toLowerCase()];
    if (!HAN.test(run)) {
      out.push(chars.join(''));
      continue;
    }
    for (let k = 0; k < chars.length; k++) out.push(chars.slice(k).join(''));
  }
  return out;
}

/** Meta value for titles and names: their pinyin (full and initials), space-separated. */
export function titleMeta(titles: readonly string[], segment: Segmenter = icuSegmenter): string {
  return [...new Set(titles.flatMap((t) => pinyinTokens(t, segment)))].join(' ');
}

/** Meta value for tags and terms: their pinyin and their split Chinese, space-separated. */
export function keywordMeta(keywords: readonly string[], segment: Segmenter = icuSegmenter): string {
  const tokens = new Set<string>();
  for (const k of keywords) for (const p of [...pinyinTokens(k, segment), ...keywordTokens(k)]) tokens.add(p);
  return [...tokens].join(' ');
}
