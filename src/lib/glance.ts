/**
 * Route data for the pictures (一图读懂, the target charts): what each picture shows and where each
 * mark sits, computed from the plan's data so that no figure is typed by hand. Components only draw
 * what is computed here, and the same facts are listed beside every picture.
 */
import { TARGET_STATUSES } from './vocabulary';
import { statusCounts } from './evidence';
import type { Plan, PlanData, PromisedDocument, Target, Task, TimelineEntry } from './plan-data';
import type { Outline } from './outline';
import { toDisplayPunctuation } from './punctuation';
import { countTargets, type TargetCounts } from './target-rules';

type Part = Plan['parts'][number];

/**
 * The width of every picture's drawing (SVG viewBox units). Narrower than a phone's column (343 px at
 * 375 px), so the drawing is shown larger than drawn: its 14–17 unit words read at 16–19 px, as large as
 * the page's own text.
 */
export const PICTURE_WIDTH = 300;

export interface PartWithTasks {
  part: Part;
  tasks: Task[];
}

/** A target with a number, shown as a large figure: 65% with the plan's words under it. */
export interface HeadlineFigure {
  target: Target;
  /** The number and its unit: 65%, 5所, 0. */
  figure: string;
  /** The plan's words stating it (display punctuation). */
  quote: string;
}

/** A name the plan coins in a part heading (六大工程) and the tasks of that part. */
export interface NamedGroup {
  /** The term as the plan writes it. */
  name: string;
  termId: string;
  part: Part;
  tasks: Task[];
}

export interface Glance {
  plan: Plan;
  /** The plan's sections in order, with what each holds (see `outlineStructure`). */
  structure: string;
  /** How its numbered tasks are divided into parts (see `partsPhrase`). */
  partsPhrase: string;
  /** 指导思想 (number 0) when the plan has one. */
  guiding: Task | undefined;
  parts: PartWithTasks[];
  /** Numbered tasks (指导思想 excluded). */
  taskCount: number;
  targets: Target[];
  figures: HeadlineFigure[];
  timeline: TimelineEntry[];
  /** Targets on the timeline (those the plan dates). */
  datedCount: number;
  /** The same counts as the targets page, so 一图读懂 labels its numbers the same way. */
  counts: TargetCounts;
  groups: NamedGroup[];
  documents: PromisedDocument[];
}

/** 65 + % → 65%; a count keeps its measure word: 5所; a zero shows the plan's word (杜绝, 为零), never a bare 0. */
export function figureOf(t: { kind?: string; value?: number | undefined; unit?: string | undefined; word?: string | undefined }): string {
  if (t.kind === 'zero' && t.word) return t.word;
  return t.value === undefined ? '' : `${t.value}${t.unit ?? ''}`;
}

export function glanceOf(plan: Plan, data: PlanData): Glance {
  const tasks = data.tasksOf(plan.year);
  const targets = data.targetsOf(plan.year);
  const timeline = data.timeline(plan.year);
  const parts = plan.parts.map((part) => ({ part, tasks: tasks.filter((t) => t.part === part.number) }));
  const groups = data.terms.flatMap((term) =>
    data
      .headingOccurrences(term.id)
      .filter((h) => h.year === plan.year)
      .flatMap((h) => {
        const found = parts.find((p) => p.part.label === h.label);
        return found && found.tasks.length > 0 ? [{ name: term.term, termId: term.id, part: found.part, tasks: found.tasks }] : [];
      }),
  );
  const outline = data.outline(plan.year);
  return {
    plan,
    structure: outlineStructure(outline),
    partsPhrase: partsPhrase(outline),
    guiding: tasks.find((t) => t.part === null),
    parts,
    taskCount: tasks.filter((t) => t.number > 0).length,
    targets,
    figures: targets
      .filter((t) => t.value !== undefined)
      .map((target) => ({ target, figure: figureOf(target), quote: toDisplayPunctuation(target.quote) })),
    timeline,
    datedCount: timeline.reduce((n, e) => n + e.targets.length, 0),
    counts: countTargets(targets),
    groups,
    documents: data.promisedDocuments(plan.year),
  };
}

/** A section's heading without its number: 二、重点工作与举措 → 重点工作与举措. */
function headingName(heading: string): string {
  return toDisplayPunctuation(heading.replace(/^[一二三四五六七八九十]+、\s*/, ''));
}

/** A part's own label as an ordinal: 一、 → 一 (for 第一、二部分). */
const ordinal = (label: string) => toDisplayPunctuation(label).replace(/[、．.]$/, '');

/**
 * How a plan's numbered tasks are divided, read from its outline (never assumed): the parts under a
 * section — 重点工作与举措分6个部分、23项任务 — or, where the plan's sections are themselves its parts,
 * 第一、二部分共5项任务. Several sections with parts give one clause each, joined by ；.
 */
export function partsPhrase<T>(outline: Outline<T>): string {
  const clauses = outline.sections.flatMap((s) => {
    const parts = s.parts.filter((p) => !p.isSection);
    return parts.length > 0 ? [`${headingName(s.heading)}分${parts.length}个部分、${parts.reduce((n, p) => n + p.tasks.length, 0)}项任务`] : [];
  });
  const own = outline.parts.filter((p) => p.isSection);
  if (own.length > 0) clauses.push(`第${own.map((p) => ordinal(p.label)).join('、')}部分共${own.reduce((n, p) => n + p.tasks.length, 0)}项任务`);
  return clauses.join('；');
}

/**
 * The plan's sections in order, each with what it holds: “一、指导思想”和“二、重点工作与举措”（分6个部分、
 * 23项任务）. A section that is itself a part says its tasks: “一、坚持立德树人，加强德育工作”（3项任务）.
 */
export function outlineStructure<T>(outline: Outline<T>): string {
  const items = outline.sections.map((s) => {
    const parts = s.parts.filter((p) => !p.isSection);
    const tasks = s.parts.reduce((n, p) => n + p.tasks.length, 0);
    const holds = parts.length > 0 ? `（分${parts.length}个部分、${tasks}项任务）` : tasks > 0 ? `（${tasks}项任务）` : '';
    return `“${toDisplayPunctuation(s.heading)}”${holds}`;
  });
  return items.length > 1 ? `${items.slice(0, -1).join('、')}和${items.at(-1)}` : items.join('');
}

/** How wide a string draws, in em: CJK and full-width characters 1, others about half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
  return w;
}

/** Break text into lines of at most `em` em (SVG text does not wrap by itself). */
export function wrapText(text: string, em: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch) > em) {
      // Closing punctuation never starts a line.
      if (/^[，。；：、）》”！？]$/.test(ch)) {
        const last = [...line].at(-1)!;
        lines.push(line.slice(0, -last.length));
        line = last;
      } else {
        lines.push(line);
        line = '';
      }
    }
    line += ch;
  }
  if (line) lines.push(line);
  // A last line of one character (认|定) reads as cut off: take one more from the line before it.
  const last = lines.at(-1);
  const before = lines.at(-2);
  if (last && before && [...last].length === 1 && [...before].length > 2 && !/^[“《（]$/.test([...before].at(-1)!)) {
    const moved = [...before].at(-1)!;
    lines[lines.length - 2] = before.slice(0, -moved.length);
    lines[lines.length - 1] = moved + last;
  }
  return lines;
}

/**
 * The parts picture: a band per part with its name, then its task numbers as a line of words (任务1、2、3):
 * plain text, not dots that look like buttons, since the drawing links nowhere (the list beside it does).
 */
export function partsLayout(parts: PartWithTasks[]) {
  const numberSize = 15;
  const headingSize = 16;
  const lineHeight = 20;
  let y = 0;
  const rows = parts.map(({ part, tasks }) => {
    const top = y;
    const count = `${tasks.length}项任务`;
    // A long part name wraps inside its band, clear of the count drawn at the band's right end.
    const room = (PICTURE_WIDTH - 10 - 10 - 12 - textWidth(count) * 14) / headingSize;
    const lines = wrapText(toDisplayPunctuation(`${part.label}${part.short}`), room);
    const band = 30 + (lines.length - 1) * lineHeight;
    const numbers = tasks.length > 0 ? wrapText(`任务${tasks.map((t) => t.number).join('、')}`, (PICTURE_WIDTH - 20) / numberSize).map((text, i) => ({ text, y: top + band + 22 + i * 22 })) : [];
    y = top + band + 8 + Math.max(numbers.length, 1) * 22 + 12;
    return { part, heading: lines.join(''), lines: lines.map((text, i) => ({ text, y: top + 21 + i * lineHeight })), band, count: tasks.length, countText: count, top, numbers };
  });
  return { height: Math.max(y - 8, 1), rows };
}

/** Said of a deadline the plan gives only as a phrase (通过一年的努力). */
export const NO_YEAR_NOTE = '原文没有写年份';

/**
 * The timeline's text alternative: each deadline, how many targets, and the targets (separated by ；
 * because a target's own words may hold 、).
 */
export function timelineAlt(entries: TimelineEntry[]): string {
  return entries
    .map((e) => `${e.label}${e.year === undefined ? `（${NO_YEAR_NOTE}）` : ''}，${e.targets.length}项目标：${e.targets.map((t) => toDisplayPunctuation(t.metric)).join('；')}。`)
    .join('');
}

/** A vertical timeline: a dot per deadline with its label, the commitments under it. */
export function timelineLayout(entries: TimelineEntry[]) {
  const x = 26;
  const labelSize = 17;
  const lineSize = 15;
  /** Where a commitment's words start: one character in from its bullet, so wrapped lines align under the words. */
  const indent = lineSize;
  let y = 8;
  const items = entries.map((e) => {
    const top = y;
    const count = `（${e.targets.length}项目标）`;
    // A long deadline phrase wraps; the count (smaller) follows its last line.
    const labelLines = wrapText(e.label, (PICTURE_WIDTH - x) / labelSize - (textWidth(count) * 14) / labelSize).map((text, i) => ({ text, y: top + 16 + i * 22 }));
    y += 44 + (labelLines.length - 1) * 22;
    // A phrase such as 通过一年的努力 names no year: said under it, so its place after the dated ones is not read as a later date.
    const note = e.year === undefined ? { text: NO_YEAR_NOTE, y: y - 6 } : undefined;
    if (note) y += 20;
    const lines = e.targets.flatMap((t) =>
      wrapText(toDisplayPunctuation(t.metric), (PICTURE_WIDTH - x - indent - 8) / lineSize).map((text, i) => {
        const line = { y, text, first: i === 0 };
        y += 22;
        return line;
      }),
    );
    y += 12;
    return { label: e.label, labelLines, note, countText: count, count: e.targets.length, top, lines };
  });
  return { height: Math.max(y, 1), items, x, indent };
}

/** One bar per row, scaled to the largest count; the label before it and the count (N项) after it get the room they take. */
export function barLayout(rows: { label: string; count: number }[]) {
  const size = 15;
  const labelWidth = Math.ceil(Math.max(0, ...rows.map((r) => textWidth(r.label))) * size) + 12;
  const countWidth = Math.ceil(Math.max(0, ...rows.map((r) => textWidth(`${r.count}项`))) * size) + 8;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const track = PICTURE_WIDTH - labelWidth - countWidth;
  return {
    height: rows.length * 36 + 4,
    labelWidth,
    track,
    bars: rows.map((r, i) => ({ ...r, countText: `${r.count}项`, y: 4 + i * 36, width: (r.count / max) * track })),
  };
}

/** The status chart: a bar per status of the scale, zeros included (a zero is a fact too). */
export function statusChart(targets: Target[]) {
  return barLayout(statusCounts(TARGET_STATUSES, targets).map((c) => ({ label: c.status, count: c.count })));
}

/** A group's tasks in a grid of boxes, two across, each title wrapped. */
export function groupLayout(tasks: Task[]) {
  const gap = 8;
  const boxW = (PICTURE_WIDTH - gap) / 2;
  const em = 15;
  const fit = (boxW - 16) / em;
  const wrapped = tasks.map((t) => ({ task: t, lines: wrapText(toDisplayPunctuation(t.title), fit) }));
  const rowsOf: (typeof wrapped)[] = [];
  for (let i = 0; i < wrapped.length; i += 2) rowsOf.push(wrapped.slice(i, i + 2));
  let y = 0;
  const boxes = rowsOf.flatMap((row) => {
    const h = 40 + Math.max(...row.map((b) => b.lines.length)) * 20;
    const out = row.map((b, i) => ({ ...b, x: i * (boxW + gap), y, w: boxW, h }));
    y += h + gap;
    return out;
  });
  return { height: Math.max(y - gap, 1), boxes };
}

/**
 * Text in runs, a number with the character after it (5所, 65%, 2019年) marked `whole` so the page
 * keeps it on one line: a reader who sees 5 at a line's end and 所 on the next misreads the figure.
 */
export function numberRuns(text: string): { text: string; whole: boolean }[] {
  const runs: { text: string; whole: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(/\d+(?:\.\d+)?(?:%|[^\d\s，。；：、“”‘’（）《》！？,.;:()"'-])?/g)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index), whole: false });
    runs.push({ text: m[0], whole: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), whole: false });
  return runs;
}
