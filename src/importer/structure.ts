/**
 * The plan's structure: sections 一、, parts (一), numbered tasks and their sub-items.
 *
 * Rules (each one is tested in tests/unit/importer-parse.spec.ts):
 * - Task numbers use the highest numbering style present at line starts: arabic (1. 1、 1．),
 *   else bracketed ((1) （1）), else circled (①). Lower styles are sub-items of the task above.
 * - A task is its numbered line plus every following line up to the next heading or task. A line
 *   is a new paragraph, joined with "\n\n" (a Markdown paragraph break), when it follows an empty
 *   line, is indented, starts with a sub-item number, or follows a line ending in 。！？；：… or a
 *   closing quote. Otherwise it continues a hard-wrapped paragraph and is joined without a
 *   separator, as Chinese text has no spaces between words.
 * - Task numbers run 1, 2, 3 … across the whole plan: a repeated or skipped number is an error.
 * - Parts are the (一) headings; part numbers run across the plan (1-based), labels are kept as
 *   written. If the plan has no (一) headings, each 一、 section that holds tasks is a part
 *   (label 二、). A part heading with no task below it is an error; so is a task outside any part.
 * - Sections that only carry text (三、保障措施 after the tasks, with or without its own numbered
 *   items 1. 2. …) keep that text as the section's `paragraphs`, verbatim: a section with no (一)
 *   heading in a plan that has them, or, in a plan without them, a later section whose numbering
 *   starts again at 1. Their numbered items are not tasks.
 * - The first section, when it holds only unnumbered paragraphs (一、指导思想), becomes task 0:
 *   title = its heading text, part = null, body = its paragraphs. Other unnumbered text is reported
 *   as a warning and not imported.
 * - Section ids: 指导思想 → guiding-principles, 重点工作与举措/重点工作/主要任务/重点任务 → key-tasks,
 *   总体要求 → general-requirements, 主要目标/工作目标 → goals, 保障措施 → safeguards, else section-N.
 * - Part `short`: the title is split at , ， 、 ; ；; leading clauses that only frame the part
 *   (starting with 以, 聚焦, 围绕, 立足, 着眼, 按照, 坚持以) are skipped; the short name is the last
 *   four characters of the first remaining clause (the whole clause if shorter). For 2019 this
 *   gives 党的建设, 教育体系, 教育质量, 六大工程, 依法治教, 关键实事 — the names chosen by hand.
 */
import { ImportError } from './errors.ts';
import { classifyLine, taskTitle, TASK_STYLES } from './markers.ts';
import type { Marker, NumberMarker, TaskStyle } from './markers.ts';
import type { PageMeta, PlanLine } from './page.ts';
import { stripChrome } from './page.ts';
import { toChineseNumeral } from './text.ts';
import { asciiDigits } from '../lib/vocabulary.ts';

export interface ParsedSection {
  heading: string;
  id: string;
  /** The section's own text that is not a task (三、保障措施's items), one entry per paragraph. */
  paragraphs: string[];
  line: number;
}

export interface ParsedPart {
  number: number;
  label: string;
  title: string;
  short: string;
  /** Id of the section the part sits under. */
  section: string;
  line: number;
}

export interface ParsedTask {
  number: number;
  part: number | null;
  title: string;
  /** The paragraph(s) verbatim, trimmed; sub-items joined as described above. */
  body: string;
  /** First and last input line of the task. */
  line: number;
  endLine: number;
}

export interface ParsedPlan {
  meta: PageMeta;
  /** The numbering style of the tasks. */
  taskStyle: TaskStyle;
  sections: ParsedSection[];
  parts: ParsedPart[];
  tasks: ParsedTask[];
  /** Lines dropped as web-page chrome. */
  chromeLines: number[];
  warnings: string[];
}

const SECTION_IDS: [RegExp, string][] = [
  [/^指导思想$/u, 'guiding-principles'],
  [/^(重点工作与举措|重点工作|主要任务|重点任务|工作重点|主要工作)$/u, 'key-tasks'],
  [/^(总体要求|总体思路)$/u, 'general-requirements'],
  [/^(主要目标|工作目标|目标任务)$/u, 'goals'],
  [/^(保障措施|工作保障|组织保障)$/u, 'safeguards'],
];

/** Anchor id for a section heading text (see the module comment). */
export function sectionId(text: string, index: number, used: ReadonlySet<string>): string {
  const known = SECTION_IDS.find(([re]) => re.test(text))?.[1];
  return known && !used.has(known) ? known : `section-${index + 1}`;
}

const FRAMING = /^(以|聚焦|围绕|立足|着眼|按照|坚持以)/u;

/** A part's short name (see the module comment). */
export function partShort(title: string): string {
  const clauses = title.split(/[,，、;；]/u).map((c) => c.trim()).filter(Boolean);
  const pick = clauses.find((c) => !FRAMING.test(c)) ?? clauses.at(-1) ?? title;
  const chars = Array.from(pick);
  return chars.length <= 4 ? pick : chars.slice(-4).join('');
}

interface Block {
  line: number;
  endLine: number;
  paragraphs: string[];
}

const SENTENCE_END = /[。！？!?；;：:…”」』]$/u;

function appendLine(block: Block, l: PlanLine, subItem: boolean): void {
  const last = block.paragraphs.at(-1);
  const newParagraph = l.blankBefore || l.indented || subItem || last === undefined || SENTENCE_END.test(last);
  if (newParagraph) block.paragraphs.push(l.text);
  else block.paragraphs[block.paragraphs.length - 1] += l.text;
  block.endLine = l.no;
}

interface SectionNode extends Block {
  marker: Extract<Marker, { kind: 'section' }>;
  parts: PartNode[];
  tasks: TaskNode[];
}
interface PartNode {
  marker: Extract<Marker, { kind: 'part' }>;
  line: number;
  section: SectionNode | null;
  tasks: TaskNode[];
}
interface TaskNode extends Block {
  marker: NumberMarker;
  part: PartNode | null;
  section: SectionNode | null;
}

/** A number at the start of a line, in a form that is not a task number: 1） 1) 1: 1 加强 ５ 加强. */
const UNKNOWN_NUMBER = /^(?:\*\*)?([0-9０-９]{1,4})(?:[ \t\u00a0\u3000]+(?![ \t\u00a0\u3000年月日号%％个所项名人万亿元])|[)）:：,，])/u;

/**
 * A line that starts with the next task's number in a form the importer does not know (5） or
 * "5 加强…") would otherwise be merged into the task above: refuse it with its line. Other numbers
 * at a line start (sub-items such as 1）, a wrapped "3 所") stay part of the text.
 */
function checkUnknownNumber(l: PlanLine, next: number): void {
  const m = UNKNOWN_NUMBER.exec(l.text);
  if (!m || Number(asciiDigits(m[1]!)) !== next) return;
  throw new ImportError(
    `"${l.text.slice(0, 30)}" starts with ${m[1]}, the next task's number, in a form the importer does not know as a task number (${next}. ${next}、 ${next}． （${next}） ①); it would be merged into task ${next - 1}. Write it as ${next}. or ${next}、`,
    l.no,
  );
}

/** Parse the decoded text of a plan. Throws ImportError with a line number on malformed input. */
export function parsePlan(text: string): ParsedPlan {
  const page = stripChrome(text);
  const warnings = [...page.warnings];
  const lines = page.lines;
  const markers = lines.map((l) => classifyLine(l.text));

  const present = new Set(markers.map((m) => m?.kind));
  const taskStyle = TASK_STYLES.find((s) => present.has(s));
  if (!taskStyle) {
    throw new ImportError(
      'no numbered tasks found; expected paragraphs that start with a task number such as 1. 1、 1． （1） or ①',
      lines[0]?.no ?? page.meta.titleLine,
    );
  }
  const isSubItem = (m: Marker | null) =>
    m !== null && m.kind !== 'section' && m.kind !== 'part' && m.kind !== taskStyle;

  // Which sections only carry text (see the module comment): decided before the pass below.
  const textOnly = new Set<number>(); // section ordinals
  {
    const planHasParts = markers.some((m) => m?.kind === 'part');
    let ordinal = -1;
    let hasParts = false;
    let firstNumber: number | null = null;
    let tasksBefore = 0;
    let tasksHere = 0;
    const close = () => {
      if (ordinal > 0 && (planHasParts ? !hasParts : firstNumber === null || (firstNumber === 1 && tasksBefore > 0))) textOnly.add(ordinal);
      else tasksBefore += tasksHere;
    };
    markers.forEach((m) => {
      if (m?.kind === 'section') {
        close();
        ordinal++;
        hasParts = false;
        firstNumber = null;
        tasksHere = 0;
      } else if (m?.kind === 'part') hasParts = true;
      else if (m && m.kind === taskStyle) {
        firstNumber ??= m.number;
        tasksHere++;
      }
    });
    close();
  }

  const sections: SectionNode[] = [];
  const parts: PartNode[] = [];
  const tasks: TaskNode[] = [];
  const stray: PlanLine[] = [];
  let section: SectionNode | null = null;
  let part: PartNode | null = null;
  let task: TaskNode | null = null;

  lines.forEach((l, i) => {
    const m = markers[i] ?? null;
    if (!m && !(section && textOnly.has(sections.length - 1))) checkUnknownNumber(l, tasks.length + 1);
    if (m?.kind === 'section') {
      section = { marker: m, line: l.no, endLine: l.no, paragraphs: [], parts: [], tasks: [] };
      sections.push(section);
      part = null;
      task = null;
    } else if (section && textOnly.has(sections.length - 1)) {
      appendLine(section, l, m !== null);
    } else if (m?.kind === 'part') {
      part = { marker: m, line: l.no, section, tasks: [] };
      parts.push(part);
      (section as SectionNode | null)?.parts.push(part);
      task = null;
    } else if (m && m.kind === taskStyle) {
      task = { marker: m, line: l.no, endLine: l.no, paragraphs: [l.text], part, section };
      tasks.push(task);
      (part as PartNode | null)?.tasks.push(task);
      (section as SectionNode | null)?.tasks.push(task);
    } else if (task) {
      appendLine(task, l, isSubItem(m));
    } else if (part) {
      stray.push(l);
    } else if (section && (section as SectionNode).parts.length === 0) {
      appendLine(section, l, isSubItem(m));
    } else {
      stray.push(l);
    }
  });

  if (tasks.length === 0) {
    throw new ImportError('no numbered tasks found; expected paragraphs that start with a task number such as 1. 1、 1． （1） or ①', lines[0]?.no ?? 1);
  }

  // Task numbers: 1, 2, 3 … without repeats or gaps.
  const firstAt = new Map<number, number>();
  tasks.forEach((t, i) => {
    const expected = i + 1;
    const n = t.marker.number;
    if (firstAt.has(n)) {
      throw new ImportError(`task number ${n} is repeated (first at line ${firstAt.get(n)}); expected ${expected}`, t.line);
    }
    if (n !== expected) {
      throw new ImportError(
        n > expected
          ? `task number ${n} skips ${expected === n - 1 ? expected : `${expected}–${n - 1}`}; expected ${expected}`
          : `task number ${n} is out of order; expected ${expected}`,
        t.line,
      );
    }
    firstAt.set(n, t.line);
  });

  // Parts: (一) headings, or else the sections that hold tasks.
  const parsedParts: ParsedPart[] = [];
  const partOf = new Map<TaskNode, number>();
  if (parts.length > 0) {
    const bySection = new Map<SectionNode | null, PartNode[]>();
    for (const p of parts) bySection.set(p.section, [...(bySection.get(p.section) ?? []), p]);
    for (const group of bySection.values()) {
      group.forEach((p, i) => {
        if (p.marker.number !== i + 1) {
          const open = p.marker.label.startsWith('（') ? '（' : '(';
          const close = open === '（' ? '）' : ')';
          throw new ImportError(`part ${p.marker.label} is out of sequence; expected ${open}${toChineseNumeral(i + 1)}${close}`, p.line);
        }
      });
    }
    parts.forEach((p, i) => {
      if (p.tasks.length === 0) {
        throw new ImportError(`part heading ${p.marker.label}${p.marker.text} has no tasks; expected a numbered task (e.g. 1.) below it`, p.line);
      }
      parsedParts.push({ number: i + 1, label: p.marker.label, title: p.marker.text, short: partShort(p.marker.text), section: '', line: p.line });
      for (const t of p.tasks) partOf.set(t, i + 1);
    });
    const orphan = tasks.find((t) => !t.part);
    if (orphan) {
      throw new ImportError(`task ${orphan.marker.number} is not under a part heading; expected a heading such as （一）… above it`, orphan.line);
    }
  } else {
    const holding = sections.filter((s) => s.tasks.length > 0);
    if (holding.length === 0 || tasks.some((t) => !t.section)) {
      const t = tasks.find((x) => !x.section) ?? tasks[0]!;
      throw new ImportError(`task ${t.marker.number} is under no heading; expected a part heading such as （一）… or a section heading such as 二、… above it`, t.line);
    }
    holding.forEach((s, i) => {
      const label = `${toChineseNumeral(s.marker.number)}、`;
      parsedParts.push({ number: i + 1, label, title: s.marker.text, short: partShort(s.marker.text), section: '', line: s.line });
      for (const t of s.tasks) partOf.set(t, i + 1);
    });
    warnings.push('no part headings such as （一）: each section that holds tasks is used as a part');
  }

  // Sections and task 0.
  const used = new Set<string>();
  const parsedSections = sections.map((s, i) => {
    const id = sectionId(s.marker.text, i, used);
    used.add(id);
    return { heading: s.marker.heading, id, paragraphs: textOnly.has(i) ? s.paragraphs : [], line: s.line };
  });
  const sectionIdOf = new Map(sections.map((s, i) => [s, parsedSections[i]!.id]));
  for (const p of parsedParts) {
    const node = parts.length > 0 ? parts[p.number - 1]!.section : sections.find((s) => s.line === p.line) ?? null;
    p.section = (node && sectionIdOf.get(node)) ?? '';
  }
  const parsedTasks: ParsedTask[] = [];
  const first = sections[0];
  if (first && first.tasks.length === 0 && first.parts.length === 0 && first.paragraphs.length > 0) {
    parsedTasks.push({ number: 0, part: null, title: first.marker.text, body: first.paragraphs.join('\n\n'), line: first.line, endLine: first.endLine });
  }
  for (const [i, s] of sections.entries()) {
    if ((s === first && parsedTasks.length > 0) || textOnly.has(i)) continue;
    if (s.paragraphs.length > 0) {
      warnings.push(`line ${s.line}: the unnumbered text under ${s.marker.heading} (lines ${s.line + 1}–${s.endLine}) is not imported`);
    }
  }
  for (const l of stray) warnings.push(`line ${l.no}: unnumbered text outside any task is not imported: ${l.text.slice(0, 40)}`);

  for (const t of tasks) {
    const title = taskTitle(t.marker);
    if (!title) throw new ImportError(`task ${t.marker.number} has no title; expected text after the number, e.g. 1.加强党的建设。`, t.line);
    parsedTasks.push({ number: t.marker.number, part: partOf.get(t) ?? null, title, body: t.paragraphs.join('\n\n'), line: t.line, endLine: t.endLine });
  }

  return {
    meta: page.meta,
    taskStyle,
    sections: parsedSections,
    parts: parsedParts,
    tasks: parsedTasks,
    chromeLines: page.chrome.map((l) => l.no),
    warnings,
  };
}
