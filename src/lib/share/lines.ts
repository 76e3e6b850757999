/**
 * A task's targets as a share image's lines (plain data in, plain data out: the unit tests read it
 * with the content files, without a build).
 */
import { figureOf } from '../glance';
import { describeDeadline } from '../labels';
import { quotePlan, toDisplayPunctuation as show } from '../punctuation';
import type { ShareSection } from './card';

/** The target fields the lines read. */
export interface LineTarget {
  kind: string;
  metric: string;
  quote: string;
  value?: number | undefined;
  unit?: string | undefined;
  word?: string | undefined;
  deadline?: Parameters<typeof describeDeadline>[0];
}

/**
 * A target's figure as the plan writes it: with the word that follows the number there (65%以上:
 * 65% alone would read as the level itself, not the least of it), never a word from elsewhere in
 * the sentence (确保 … 1小时 stays 1小时).
 */
export function figureWithWord(t: LineTarget): string {
  const figure = figureOf(t);
  return t.word && t.quote.includes(`${figure}${t.word}`) ? `${figure}${t.word}` : figure;
}

/**
 * A task's targets as the image's lines: targets quoting the same sentence (3所 and 5所 from one
 * sentence, or a clause inside a longer quote) share one line, with every figure and a note naming
 * each target, so no sentence is printed twice and no figure stands beside another target's words.
 */
export function targetLines(targets: readonly LineTarget[]): ShareSection['items'] {
  const lines: { quote: string; targets: LineTarget[] }[] = [];
  for (const t of targets) {
    const same = lines.find((l) => l.quote.includes(t.quote) || t.quote.includes(l.quote));
    if (!same) lines.push({ quote: t.quote, targets: [t] });
    else {
      same.targets.push(t);
      if (t.quote.length > same.quote.length) same.quote = t.quote;
    }
  }
  return lines.map(({ quote, targets }) => {
    // A number or a date where the plan gives one; the plan's own words beside it.
    const figures = [...new Set(targets.map((t) => (t.value !== undefined ? figureWithWord(t) : t.deadline ? describeDeadline(t.deadline) : '')).filter(Boolean))];
    return {
      ...(figures.length > 0 ? { figure: figures.join('、') } : {}),
      text: quotePlan(quote),
      ...(targets.length > 1 ? { note: `本句含${targets.length}项目标：${targets.map((t) => show(t.metric)).join('；')}` } : {}),
    };
  });
}

