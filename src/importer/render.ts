/** New entry files, in the style of the hand-written ones (see yaml.ts). */
import type { ParsedPart, ParsedSection, ParsedTask } from './structure.ts';
import type { ProposedTarget } from './targets.ts';
import { levelOf, STUB_NOTE } from './documents.ts';
import { flowIds, joinMdx, q, renderTarget } from './yaml.ts';

/** The comment at the top of every imported task: what an editor must still do. */
export const TASK_REVIEW_COMMENT = '# imported: review summary, audiences, topics, related (summary is the title as a placeholder; targets with reviewed: false are proposals)';

export interface PlanFields {
  year: number;
  title: string;
  issuer: string;
  /** null when the text does not say (shown as 未知). */
  published: string | null;
  site: string | null;
  breadcrumb: string[];
  sourceUrl: string | null;
  seed: string;
  sections: ParsedSection[];
  parts: ParsedPart[];
  updated: string;
}

export function renderPlanFile(p: PlanFields): string {
  const lines = [
    '# imported: review parts[].short (proposed by the importer); null = unknown (shown as 未知)',
    `year: ${p.year}`,
    `title: ${q(p.title)}`,
    `issuer: ${q(p.issuer)}`,
    `published: ${p.published === null ? 'null' : q(p.published)}`,
    `site: ${p.site === null ? 'null' : q(p.site)}`,
    `breadcrumb: [${p.breadcrumb.map(q).join(', ')}]`,
    `sourceUrl: ${p.sourceUrl === null ? 'null' : q(p.sourceUrl)}`,
    `seed: ${q(p.seed)}`,
    p.sections.length ? 'sections:' : 'sections: []',
    ...p.sections.map((s) =>
      s.paragraphs.length
        ? [`  - heading: ${q(s.heading)}`, `    id: ${s.id}`, '    paragraphs:', ...s.paragraphs.map((x) => `      - ${q(x)}`)].join('\n')
        : `  - { heading: ${q(s.heading)}, id: ${s.id} }`),
    p.parts.length ? 'parts:' : 'parts: []',
    ...p.parts.map((x) => `  - { number: ${x.number}, label: ${q(x.label)}, title: ${q(x.title)}, short: ${q(x.short)}, section: ${x.section} }`),
    `updated: ${q(p.updated)}`,
  ];
  return joinMdx(`${lines.join('\n')}\n`, '');
}

export function renderTaskFile(year: number, task: ParsedTask, targets: ProposedTarget[], documents: string[]): string {
  const lines = [
    TASK_REVIEW_COMMENT,
    `plan: ${q(String(year))}`,
    `number: ${task.number}`,
    `part: ${task.part === null ? 'null' : task.part}`,
    `title: ${q(task.title)}`,
    `summary: ${q(task.title)}`,
    'audiences: [公众]',
    'topics: []',
  ];
  const fm = `${lines.join('\n')}\n${targets.length ? `targets:\n${targets.map((t) => renderTarget(t, '  ')).join('')}` : 'targets: []\n'}${flowIds('documents', documents)}related: []\n`;
  return joinMdx(fm, `${task.body}\n`);
}

export function renderStubDocument(planTitle: string, today: string): string {
  const lines = [
    `planTitle: ${q(planTitle)}`,
    `displayTitle: ${q(planTitle.replace(/^《|》$/gu, ''))}`,
    'officialTitle: null',
    'issuer: null',
    'docNumber: null',
    'date: null',
    `level: ${levelOf(planTitle)}`,
    'status: cited',
    'confidence: not found',
    `note: ${q(STUB_NOTE)}`,
    `updated: ${q(today)}`,
  ];
  return joinMdx(`${lines.join('\n')}\n`, '');
}
