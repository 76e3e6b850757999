/**
 * A plan's outline as data: sections → parts (optional) → tasks, plus the sections' own paragraphs
 * (三、保障措施 and its numbered items). Computed once per plan in plan-data; the full text, print page,
 * task pages, tables, filters, search meta and /data/ files read it instead of assuming one layout.
 *
 * Rules (the schema comments in src/content.config.ts say the same):
 * - Task 0 (the unnumbered paragraph of 一、指导思想 / 一、总体要求), where there is one, sits under the first section.
 * - A part sits under `part.section`; without it, under the section whose heading is the part's label +
 *   title (the part IS that section: a plan whose 一、 sections group its tasks), else under the first
 *   section that does not hold task 0.
 * - Every numbered task sits in the part its `part` names.
 * Pure (no astro:content), so plain Node and the tests can use it.
 */

export interface OutlinePlanLike {
  year: number;
  sections: { heading: string; id: string; paragraphs?: string[] | undefined }[];
  parts: { number: number; label: string; title: string; short: string; section?: string | undefined }[];
}
export interface OutlineTaskLike {
  number: number;
  part: number | null;
}

export interface OutlineParagraph {
  /** Anchor on the full-text page: <section id>-<n>. */
  anchor: string;
  /** The paragraph, verbatim. */
  text: string;
}

export interface OutlinePart<T> {
  number: number;
  /** As written: (一) or 二、. */
  label: string;
  title: string;
  short: string;
  /** label + title, as the plan prints it. */
  heading: string;
  /** label + short, for filters and tables. */
  shortHeading: string;
  /** Anchor on the full-text page. */
  anchor: string;
  /** The section it sits under. */
  sectionId: string;
  /** True when the part is its section (the section's heading is the part's heading): shown once. */
  isSection: boolean;
  tasks: T[];
}

export interface OutlineSection<T> {
  heading: string;
  id: string;
  /** Task 0, when this is the first section and the plan has one. */
  lead: T[];
  /** The section's own paragraphs that are not tasks, verbatim. */
  paragraphs: OutlineParagraph[];
  parts: OutlinePart<T>[];
  /** Every task under the section, in plan order. */
  tasks: T[];
}

export interface Outline<T> {
  sections: OutlineSection<T>[];
  /** Every part in plan order. */
  parts: OutlinePart<T>[];
  /** Task 0, if the plan has one. */
  lead: T | undefined;
  /** The numbered tasks (number > 0), in order. */
  numbered: T[];
  /** The part a task sits in; undefined for task 0. */
  partOf(task: OutlineTaskLike): OutlinePart<T> | undefined;
  /** The section a task sits under. */
  sectionOf(task: OutlineTaskLike): OutlineSection<T>;
  /** The headings above a task, outermost first: [二、重点工作与举措, (一)以党的十九大…] or [一、指导思想]. */
  trail(task: OutlineTaskLike): string[];
}

export class OutlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutlineError';
  }
}

/**
 * The outline of one plan. `tasks` are that plan's tasks in any order; `where` names the plan's file
 * for error messages. Throws OutlineError naming the file and field when a part or task has no place.
 */
export function buildOutline<T extends OutlineTaskLike>(plan: OutlinePlanLike, tasks: readonly T[], where = `content/plans/${plan.year}.mdx`): Outline<T> {
  const ordered = [...tasks].sort((a, b) => a.number - b.number);
  const lead = ordered.find((t) => t.number === 0);
  const sections: OutlineSection<T>[] = plan.sections.map((s, i) => ({
    heading: s.heading,
    id: s.id,
    lead: i === 0 && lead ? [lead] : [],
    paragraphs: (s.paragraphs ?? []).map((text, k) => ({ anchor: `${s.id}-${k + 1}`, text })),
    parts: [],
    tasks: [],
  }));
  if (sections.length === 0) throw new OutlineError(`${where}: field \`sections\`: a plan needs at least one section heading`);
  const byId = new Map(sections.map((s) => [s.id, s]));
  if (byId.size !== sections.length) throw new OutlineError(`${where}: field \`sections\`: two sections share an id`);
  const fallback = sections.find((s) => s.lead.length === 0) ?? sections[0]!;

  const parts: OutlinePart<T>[] = plan.parts.map((p, i) => {
    const heading = `${p.label}${p.title}`;
    let section: OutlineSection<T> | undefined;
    if (p.section !== undefined) {
      section = byId.get(p.section);
      if (!section) throw new OutlineError(`${where}: field \`parts[${i}].section\`: unknown section "${p.section}" (sections: ${[...byId.keys()].join(', ')})`);
    } else {
      section = sections.find((s) => s.heading === heading) ?? fallback;
    }
    const part: OutlinePart<T> = {
      number: p.number,
      label: p.label,
      title: p.title,
      short: p.short,
      heading,
      shortHeading: `${p.label}${p.short}`,
      anchor: `part-${p.number}`,
      sectionId: section.id,
      isSection: section.heading === heading,
      tasks: [],
    };
    section.parts.push(part);
    return part;
  });
  const partByNumber = new Map(parts.map((p) => [p.number, p]));
  if (partByNumber.size !== parts.length) throw new OutlineError(`${where}: field \`parts\`: two parts share a number`);

  for (const task of ordered) {
    if (task.number === 0) continue;
    const part = task.part === null ? undefined : partByNumber.get(task.part);
    if (!part) throw new OutlineError(`${where}: task ${task.number} names part ${task.part}, which is not among the plan's parts`);
    part.tasks.push(task);
  }
  for (const s of sections) s.tasks = [...s.lead, ...s.parts.flatMap((p) => p.tasks)];

  const sectionOfPart = (p: OutlinePart<T>) => byId.get(p.sectionId)!;
  const partOf = (task: OutlineTaskLike) => (task.number === 0 || task.part === null ? undefined : partByNumber.get(task.part));
  const sectionOf = (task: OutlineTaskLike) => {
    const part = partOf(task);
    return part ? sectionOfPart(part) : sections[0]!;
  };
  return {
    sections,
    parts,
    lead,
    numbered: ordered.filter((t) => t.number > 0),
    partOf,
    sectionOf,
    trail: (task) => {
      const part = partOf(task);
      const section = sectionOf(task);
      return part && !part.isSection ? [section.heading, part.heading] : [section.heading];
    },
  };
}
