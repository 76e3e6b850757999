/**
 * Linking a task's text to document entries, and stub entries for titles that have none.
 *
 * - A document entry is linked when its `planTitle` occurs in the text exactly (《…》 titles and
 *   the few plain-text ones such as 有偿补课三大文件), in order of first occurrence.
 * - A 《title》 no entry has becomes a stub: status cited, confidence "not found", all facts null,
 *   note 导入时自动创建，待核实。; level by the title's first words: 景宁 → county, 浙江 → provincial,
 *   丽水 → municipal, anything else → national (to be checked by an editor).
 * - A stub's id is the pinyin of its title (first 8 syllables), e.g. jing-ning-xian-zhi-hui-jiao-yu-wu,
 *   with -2, -3 … if taken.
 */
import { distinctCitedTitles, slugOf } from '../lib/vocabulary.ts';

export interface KnownDocument {
  id: string;
  planTitle: string | null;
}

export const STUB_NOTE = '导入时自动创建，待核实。';

/** The 《…》 titles a text cites, in order, without repeats (the shared rule of src/lib/vocabulary.ts). */
export const citedTitles = distinctCitedTitles;

/** Document ids whose planTitle occurs in the text, and the 《titles》 that match no document. */
export function linkDocuments(text: string, known: readonly KnownDocument[]): { ids: string[]; missing: string[] } {
  const hits = known
    .filter((d): d is KnownDocument & { planTitle: string } => !!d.planTitle && text.includes(d.planTitle))
    .map((d) => ({ id: d.id, at: text.indexOf(d.planTitle) }))
    .sort((a, b) => a.at - b.at);
  const titles = new Set(known.map((d) => d.planTitle));
  return { ids: [...new Set(hits.map((h) => h.id))], missing: citedTitles(text).filter((t) => !titles.has(t)) };
}

export type DocumentLevel = 'national' | 'provincial' | 'municipal' | 'county';

/** The level guessed from a title's first words (see the module comment). */
export function levelOf(planTitle: string): DocumentLevel {
  const title = planTitle.replace(/^《/u, '');
  if (title.startsWith('景宁')) return 'county';
  if (title.startsWith('浙江')) return 'provincial';
  if (title.startsWith('丽水')) return 'municipal';
  return 'national';
}

/** A readable, unused id for a stub document. */
export function stubId(planTitle: string, taken: ReadonlySet<string>): string {
  const title = planTitle.replace(/^《|》$/gu, '');
  const base = slugOf(title, 8) || 'document';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
