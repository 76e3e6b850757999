/**
 * Recognising the numbering at the start of a (trimmed) line.
 *
 *   section   一、指导思想                      top-level heading (Chinese numeral + 、)
 *   part      (一)… / （一）… / (一）…           ASCII or full-width brackets, spaces allowed inside
 *   arabic    1.  1、  1．  １．  1000.        task numbers; not "1.5万" (a digit after the dot)
 *   paren     (1)… / （1）… / （１）…             task numbers if the plan has no arabic ones, else sub-items
 *   circled   ① … ⑳ ㉑ … ㉟ ㊱ … ㊿              task numbers if the plan has neither, else sub-items
 *
 * Task numbers are recognised by the shared vocabulary (src/lib/vocabulary.ts), the same rule the
 * validator and the tests use. *
 * Any of them may be wrapped in Markdown bold (`**1.加强党建。**…`); headings may also start
 * with Markdown `#` marks.
 */
import { chineseNumeral, taskNumberAt, TASK_NUMBER_STYLES } from '../lib/vocabulary.ts';
import type { TaskNumberStyle } from '../lib/vocabulary.ts';
import { trimPlan, unbold } from './text.ts';

export type TaskStyle = TaskNumberStyle;

/** Task styles from the highest level down: the highest one present numbers the tasks. */
export const TASK_STYLES: readonly TaskStyle[] = TASK_NUMBER_STYLES;

export interface SectionMarker {
  kind: 'section';
  /** 一 → 1. */
  number: number;
  /** The heading as written, without bold/#: 一、指导思想. */
  heading: string;
  /** The text after 、: 指导思想. */
  text: string;
}

export interface PartMarker {
  kind: 'part';
  number: number;
  /** The label as written, inner spaces removed: (一) or （一）. */
  label: string;
  /** The heading text after the label, trailing 。：: removed. */
  text: string;
}

export interface NumberMarker {
  kind: TaskStyle;
  number: number;
  /** The line after the number and its separator/space (may still start with `**`). */
  rest: string;
  /** Whether `**` opened before the number (`**1.加强党建。**…`). */
  boldBeforeNumber: boolean;
}

export type Marker = SectionMarker | PartMarker | NumberMarker;

const SP = '[ \\t\\u00a0\\u3000]*';
const SECTION = new RegExp(`^(?:#+${SP})?([一二三四五六七八九十]{1,3})、${SP}(.*)$`, 'u');
const PART = new RegExp(`^(?:#+${SP})?([(（])${SP}([一二三四五六七八九十]{1,3})${SP}([)）])${SP}(.*)$`, 'u');

const headingText = (text: string) => trimPlan(unbold(text)).replace(/[。：:]+$/u, '');

/** Classify a trimmed line; null for ordinary text. */
export function classifyLine(line: string): Marker | null {
  const plain = trimPlan(unbold(line));
  let m = SECTION.exec(plain);
  if (m) {
    const number = chineseNumeral(m[1]!);
    if (!Number.isNaN(number)) {
      const text = headingText(m[2]!);
      return { kind: 'section', number, heading: `${m[1]}、${text}`, text };
    }
  }
  m = PART.exec(plain);
  if (m) {
    const number = chineseNumeral(m[2]!);
    if (!Number.isNaN(number)) return { kind: 'part', number, label: `${m[1]}${m[2]}${m[3]}`, text: headingText(m[4]!) };
  }
  const bold = line.startsWith('**');
  const found = taskNumberAt(bold ? line.slice(2) : line);
  if (!found || Number.isNaN(found.number)) return null;
  return { kind: found.style, number: found.number, rest: line.slice(found.length + (bold ? 2 : 0)), boldBeforeNumber: bold };
}

/**
 * A task's title: the text between its number and the first 。 of the paragraph.
 * With a bold lead phrase (`1.**加强党建。**…` or `**1.加强党建**，…`) it is the bold text, up to
 * its first 。. Without any 。 (a heading line followed by sub-items) it is the whole line.
 * Bold markers and trailing ：:；;，, are removed.
 */
export function taskTitle(marker: NumberMarker): string {
  let text = marker.rest;
  let bold = marker.boldBeforeNumber;
  if (!bold && text.startsWith('**')) {
    bold = true;
    text = text.slice(2);
  }
  if (bold) {
    const close = text.indexOf('**');
    if (close >= 0) text = text.slice(0, close);
  }
  const stop = text.indexOf('。');
  if (stop >= 0) text = text.slice(0, stop);
  return trimPlan(unbold(text)).replace(/[：:；;，,]+$/u, '');
}
