/**
 * Write a small test plan (TEST DATA, never published) into a project copy: its seed text in seeds/,
 * content/plans/<year>.mdx and content/tasks/<year>/NN.mdx. The seed is the reference the fidelity
 * check compares the built pages with; the content files are written from a separate description,
 * as an editor (or the importer) would write them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

// Every string quoted: a date such as 2021-02-26 must stay a string, as the schema expects.
const QUOTED = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

export interface FixtureTask {
  number: number;
  /** Part number; null for task 0. */
  part: number | null;
  title: string;
  /** The paragraph as in the seed. */
  text: string;
  /** Documents the paragraph cites (their 《title》 must be in the text). Default: none. */
  documents?: string[];
}

export interface FixturePlan {
  year: number;
  title: string;
  issuer: string;
  published: string;
  sourceUrl: string;
  /** The plan as published, with a title and 发布时间 line above the body. */
  seed: string;
  sections: { heading: string; id: string; paragraphs?: string[] }[];
  parts: { number: number; label: string; title: string; short: string; section?: string }[];
  tasks: FixtureTask[];
}

export function writeFixturePlan(dir: string, plan: FixturePlan): void {
  const seedPath = `seeds/test-plan-${plan.year}.txt`;
  writeFileSync(join(dir, seedPath), plan.seed);
  const frontmatter = {
    year: plan.year,
    title: plan.title,
    issuer: plan.issuer,
    published: plan.published,
    site: '测试网站',
    breadcrumb: ['测试栏目'],
    sourceUrl: plan.sourceUrl,
    seed: seedPath,
    sections: plan.sections,
    parts: plan.parts,
    updated: plan.published,
  };
  writeFileSync(join(dir, `content/plans/${plan.year}.mdx`), `---\n${stringify(frontmatter, QUOTED)}---\n`);
  mkdirSync(join(dir, `content/tasks/${plan.year}`), { recursive: true });
  for (const t of plan.tasks) {
    const data = {
      plan: String(plan.year),
      number: t.number,
      part: t.part,
      title: t.title,
      summary: `测试数据：${t.title}。`,
      audiences: ['公众'],
      topics: [],
      targets: [],
      documents: t.documents ?? [],
      related: [],
    };
    writeFileSync(join(dir, `content/tasks/${plan.year}/${String(t.number).padStart(2, '0')}.mdx`), `---\n${stringify(data, QUOTED)}---\n${t.text}\n`);
  }
}

/** The visible text of an HTML page: scripts, styles and tags removed, entities for < > & " decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
