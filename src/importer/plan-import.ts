/**
 * The import as a whole: read the input and the target tree, compute every file change, and only
 * then (in `writeChanges`) touch the disk. A malformed input throws ImportError before anything is
 * written; `--dry-run` is the same computation without the write.
 *
 * Merging with what is already there (a person's edits always win):
 * - seeds/: the input bytes are copied verbatim as seeds/NNN_<sha256:16>.txt, unless a file with the
 *   same bytes is already there (then that one is the seed).
 * - content/plans/<year>.mdx: created if absent. If present it is kept; only `seed` (and `updated`)
 *   change when the input differs from the recorded seed, and fields given on the command line
 *   (--source-url, --published, --site, --issuer) are set. Differences between the file's sections/
 *   parts and the text are reported as warnings.
 * - content/tasks/<year>/NN.mdx: created if absent (summary = title as placeholder, audiences [公众],
 *   proposed targets with reviewed: false, documents linked). If present its frontmatter is kept;
 *   the body is refreshed from the text; proposed targets are appended only when no existing target
 *   has an overlapping quote (equal, or one containing the other); a 《title》 of the body that no
 *   listed document carries is linked (the build requires it). `updated`, if the file has one, is
 *   set to today when the file changes.
 * - content/documents/: a stub for each 《title》 that no document has (see documents.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { decodePlanText } from './decode.ts';
import type { Encoding } from './decode.ts';
import { citedTitles, linkDocuments, stubId } from './documents.ts';
import type { KnownDocument } from './documents.ts';
import { ImportError } from './errors.ts';
import { renderPlanFile, renderStubDocument, renderTaskFile } from './render.ts';
import { parsePlan } from './structure.ts';
import type { ParsedPlan, ParsedTask } from './structure.ts';
import { autoTargetId, proposeTargets } from './targets.ts';
import type { ProposedTarget } from './targets.ts';
import { pad2 } from './text.ts';
import { appendToTopSequence, joinMdx, parseFrontmatter, q, renderTarget, renderTargetFlow, setTopScalar, splitMdx } from './yaml.ts';

export interface ImportOptions {
  /** The plan text to import. */
  input: string;
  /** The root to import into (the repository root by default in the CLI). */
  out: string;
  /** The plan's year; default: the year in the title. */
  year?: number | undefined;
  /** 原文链接; default: a placeholder with a note saying it is missing. */
  sourceUrl?: string | undefined;
  /** 发布日期 YYYY-MM-DD; default: 发布时间 in the page. */
  published?: string | undefined;
  /** The website; default: 来源, else the first crumb of the breadcrumb. */
  site?: string | undefined;
  /** 发文机关; default: the title up to the year. */
  issuer?: string | undefined;
  /** Today's date for `updated`, YYYY-MM-DD; default: the local date. */
  today?: string | undefined;
}

export type ChangeAction = 'create' | 'update' | 'unchanged';

export interface FileChange {
  /** Path relative to the output root, with / separators. */
  path: string;
  action: ChangeAction;
  /** What changes, e.g. "body changed", "+2 proposed targets". */
  notes: string[];
  /** The new content (absent when unchanged). */
  content?: string | Uint8Array;
}

export interface ImportResult {
  year: number;
  encoding: Encoding;
  plan: ParsedPlan;
  changes: FileChange[];
  warnings: string[];
}

/** Placeholder for a missing 原文链接: a reserved, never-resolving domain (RFC 2606). */
export const SOURCE_URL_PLACEHOLDER = 'https://example.invalid/';
export const SOURCE_URL_PLACEHOLDER_NOTE = '导入时未提供原文链接，待补充（npm run import -- <文件> --source-url <地址>）。';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

function readText(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && statSync(join(dir, f)).isFile())
    .sort();
}

/** The issuer: the title before its year, without a leading "…：" label. */
export function issuerFromTitle(title: string): string | null {
  const m = /^(.*?)\d{4}\s*年/u.exec(title);
  if (!m) return null;
  const issuer = m[1]!.replace(/^.*[：:]/u, '').trim();
  return issuer || null;
}

interface ExistingTask {
  path: string;
  frontmatter: string;
  body: string;
  data: Record<string, unknown>;
}

function overlaps(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

/** Compute every change of an import without writing anything. */
export function planImport(opts: ImportOptions): ImportResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(opts.input);
  } catch (error) {
    throw new ImportError(`cannot read ${opts.input}: ${(error as Error).message}`);
  }
  const { text, encoding } = decodePlanText(bytes);
  const plan = parsePlan(text);
  const warnings = [...plan.warnings];
  const today = opts.today ?? localDate();
  const out = opts.out;
  const changes: FileChange[] = [];

  // Year.
  const titleYear = /(\d{4})\s*年/u.exec(plan.meta.title)?.[1];
  const year = opts.year ?? (titleYear ? Number(titleYear) : NaN);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new ImportError(`no plan year: the title "${plan.meta.title}" has none; pass --year`, plan.meta.titleLine);
  }
  if (titleYear && Number(titleYear) !== year) {
    warnings.push(`line ${plan.meta.titleLine}: the title says ${titleYear}年 but --year is ${year}`);
  }
  if (opts.published !== undefined && !DATE.test(opts.published)) throw new ImportError(`--published must be YYYY-MM-DD, not "${opts.published}"`);
  if (opts.sourceUrl !== undefined) {
    try {
      new URL(opts.sourceUrl);
    } catch {
      throw new ImportError(`--source-url is not a URL: "${opts.sourceUrl}"`);
    }
  }

  // Seed: reuse a byte-identical file in seeds/, else copy.
  const seedsDir = join(out, 'seeds');
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const seedFiles = listFiles(seedsDir, '');
  const same = seedFiles.find((f) => {
    const b = readFileSync(join(seedsDir, f));
    return b.length === bytes.length && Buffer.compare(b, Buffer.from(bytes)) === 0;
  });
  let seed: string;
  if (same) {
    seed = `seeds/${same}`;
    changes.push({ path: seed, action: 'unchanged', notes: ['same bytes as the input'] });
  } else {
    const next = Math.max(-1, ...seedFiles.map((f) => Number(/^(\d+)_/.exec(f)?.[1] ?? -1))) + 1;
    seed = `seeds/${String(next).padStart(3, '0')}_${digest}.txt`;
    changes.push({ path: seed, action: 'create', notes: [`verbatim copy of the input (${encoding})`], content: bytes });
  }
  if (encoding !== 'utf-8') warnings.push(`${seed}: the seed is kept verbatim in ${encoding}; readers of seeds that assume UTF-8 must decode it`);

  // Plan file.
  const planPath = `content/plans/${year}.mdx`;
  const planText = readText(join(out, planPath));
  if (planText === null) {
    const published = opts.published ?? plan.meta.published;
    if (!published) throw new ImportError('no 发布时间 found (expected a line such as 发布时间:2020年03月28日); pass --published YYYY-MM-DD');
    const site = opts.site ?? plan.meta.source ?? plan.meta.breadcrumbSite;
    if (!site) throw new ImportError('no site found (no 来源 and no breadcrumb such as 您现在的位置:景宁教育网 >> …); pass --site <name>');
    const issuer = opts.issuer ?? issuerFromTitle(plan.meta.title);
    if (!issuer) throw new ImportError(`no issuer: the title "${plan.meta.title}" has no text before its year; pass --issuer <name>`, plan.meta.titleLine);
    if (!opts.sourceUrl) warnings.push(`${planPath}: no --source-url given; sourceUrl is the placeholder ${SOURCE_URL_PLACEHOLDER} with a note`);
    changes.push({
      path: planPath,
      action: 'create',
      notes: [`${plan.sections.length} sections, ${plan.parts.length} parts`],
      content: renderPlanFile({
        year,
        title: plan.meta.title,
        issuer,
        published,
        site,
        breadcrumb: plan.meta.breadcrumb,
        sourceUrl: opts.sourceUrl ?? SOURCE_URL_PLACEHOLDER,
        sourceUrlNote: opts.sourceUrl ? undefined : SOURCE_URL_PLACEHOLDER_NOTE,
        seed,
        sections: plan.sections,
        parts: plan.parts,
        updated: today,
      }),
    });
  } else {
    changes.push(mergePlanFile(planPath, planText, plan, seed, opts, today, warnings));
  }

  // Documents already there, and target ids in use anywhere.
  const known: KnownDocument[] = [];
  const docDir = join(out, 'content/documents');
  for (const f of listFiles(docDir, '.mdx')) {
    const parts = splitMdx(readFileSync(join(docDir, f), 'utf8'));
    try {
      const planTitle = parts ? parseFrontmatter(parts.frontmatter).planTitle : null;
      known.push({ id: f.replace(/\.mdx$/, ''), planTitle: typeof planTitle === 'string' ? planTitle : null });
    } catch (error) {
      warnings.push(`content/documents/${f}: not read (${(error as Error).message})`);
    }
  }
  const takenDocIds = new Set(known.map((d) => d.id));
  const takenTargetIds = new Set<string>();
  const tasksRoot = join(out, 'content/tasks');
  const existing = new Map<string, ExistingTask>();
  for (const sub of existsSync(tasksRoot) ? readdirSync(tasksRoot).sort() : []) {
    const dir = join(tasksRoot, sub);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of listFiles(dir, '.mdx')) {
      const path = `content/tasks/${sub}/${f}`;
      const parts = splitMdx(readFileSync(join(dir, f), 'utf8'));
      let data: Record<string, unknown> = {};
      try {
        data = parts ? parseFrontmatter(parts.frontmatter) : {};
      } catch (error) {
        if (sub === String(year)) throw new ImportError(`cannot merge into ${path}: its frontmatter is not valid YAML (${(error as Error).message})`);
        warnings.push(`${path}: not read (${(error as Error).message})`);
      }
      for (const t of targetsOf(data)) if (typeof t.id === 'string') takenTargetIds.add(t.id);
      if (sub === String(year)) {
        if (!parts) throw new ImportError(`cannot merge into ${path}: it has no frontmatter block (--- … ---)`);
        existing.set(path, { path, frontmatter: parts.frontmatter, body: parts.body, data });
      }
    }
  }

  const stubs = new Map<string, string>(); // planTitle → id
  const stubFor = (title: string): string => {
    let id = stubs.get(title);
    if (!id) {
      id = stubId(title, takenDocIds);
      takenDocIds.add(id);
      stubs.set(title, id);
      known.push({ id, planTitle: title });
    }
    return id;
  };
  const withIds = (task: ParsedTask, proposals: Omit<ProposedTarget, 'id'>[]): ProposedTarget[] => {
    let k = 0;
    return proposals.map((p) => {
      let id: string;
      do id = autoTargetId(year, task.number, ++k);
      while (takenTargetIds.has(id));
      takenTargetIds.add(id);
      return { id, ...p };
    });
  };

  // Task files.
  const seen = new Set<string>();
  for (const task of plan.tasks) {
    const path = `content/tasks/${year}/${pad2(task.number)}.mdx`;
    seen.add(path);
    const proposals = proposeTargets(task.body, year);
    const prior = existing.get(path);
    if (!prior) {
      const { ids, missing } = linkDocuments(task.body, known);
      const docIds = [...ids, ...missing.map(stubFor)];
      const targets = withIds(task, proposals);
      const notes = [`task ${task.number}${task.part === null ? '' : ` (part ${task.part})`}: ${task.title}`];
      if (targets.length) notes.push(`${targets.length} proposed target${targets.length > 1 ? 's' : ''}`);
      changes.push({ path, action: 'create', notes, content: renderTaskFile(year, task, targets, docIds) });
      continue;
    }
    changes.push(mergeTaskFile(prior, task, proposals, withIds, known, stubFor, today, warnings));
  }
  for (const path of existing.keys()) {
    if (!seen.has(path)) warnings.push(`${path}: the text has no task for this file; left as it is`);
  }

  // Stub documents.
  for (const [title, id] of stubs) {
    const path = `content/documents/${id}.mdx`;
    changes.push({ path, action: 'create', notes: [`stub for ${title}`], content: renderStubDocument(title, today) });
  }

  return { year, encoding, plan, changes, warnings };
}

function targetsOf(data: Record<string, unknown>): { id?: unknown; quote?: unknown }[] {
  return Array.isArray(data.targets) ? (data.targets.filter((t) => t && typeof t === 'object') as { id?: unknown; quote?: unknown }[]) : [];
}

function mergeTaskFile(
  prior: ExistingTask,
  task: ParsedTask,
  proposals: Omit<ProposedTarget, 'id'>[],
  withIds: (task: ParsedTask, proposals: Omit<ProposedTarget, 'id'>[]) => ProposedTarget[],
  known: KnownDocument[],
  stubFor: (title: string) => string,
  today: string,
  warnings: string[],
): FileChange {
  const { path, data } = prior;
  const notes: string[] = [];
  let fm = prior.frontmatter;
  try {
    // Curated fields stay; say where they disagree with the text.
    for (const [key, value] of [['number', task.number], ['part', task.part], ['title', task.title]] as const) {
      if (data[key] !== value) warnings.push(`${path}: \`${key}\` is ${JSON.stringify(data[key])} in the file, ${JSON.stringify(value)} in the text; the file's value is kept`);
    }

    const bodyChanged = prior.body.replace(/\s+$/u, '') !== task.body;
    if (bodyChanged) notes.push('body changed');

    const existingTargets = targetsOf(data);
    const quotes = existingTargets.map((t) => (typeof t.quote === 'string' ? t.quote : '')).filter(Boolean);
    for (const t of existingTargets) {
      if (typeof t.quote === 'string' && !task.body.includes(t.quote)) {
        warnings.push(`${path}: target ${String(t.id)} quotes "${t.quote}", which is no longer in the text`);
      }
    }
    const fresh = withIds(task, proposals.filter((p) => !quotes.some((qt) => overlaps(qt, p.quote))));
    if (fresh.length) {
      fm = appendToTopSequence(fm, 'targets', {
        block: (indent) => fresh.map((t) => renderTarget(t, indent)).join(''),
        flow: fresh.map(renderTargetFlow),
        prefer: 'block',
      });
      notes.push(`+${fresh.length} proposed target${fresh.length > 1 ? 's' : ''}`);
    }

    // Every 《title》 of the text must be carried by a listed document (src/lib/validate.ts).
    const listed = Array.isArray(data.documents) ? data.documents.filter((d): d is string => typeof d === 'string') : [];
    const listedTitles = new Set(listed.map((id) => known.find((d) => d.id === id)?.planTitle));
    const add: string[] = [];
    for (const title of citedTitles(task.body)) {
      if (listedTitles.has(title)) continue;
      const id = known.find((d) => d.planTitle === title)?.id ?? stubFor(title);
      if (!listed.includes(id) && !add.includes(id)) add.push(id);
    }
    if (add.length) {
      fm = appendToTopSequence(fm, 'documents', {
        block: (indent) => add.map((id) => `${indent}- ${id}\n`).join(''),
        flow: add,
        prefer: 'flow',
      });
      notes.push(`+${add.length} document link${add.length > 1 ? 's' : ''} (${add.join(', ')})`);
    }

    if (notes.length === 0) return { path, action: 'unchanged', notes: ['unchanged'] };
    if (typeof data.updated === 'string') fm = setTopScalar(fm, 'updated', q(today));
    const body = bodyChanged ? `${task.body}\n` : prior.body;
    return { path, action: 'update', notes, content: joinMdx(fm, body) };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`cannot merge into ${path}: ${(error as Error).message}`);
  }
}

function mergePlanFile(
  path: string,
  text: string,
  plan: ParsedPlan,
  seed: string,
  opts: ImportOptions,
  today: string,
  warnings: string[],
): FileChange {
  const parts = splitMdx(text);
  if (!parts) throw new ImportError(`cannot merge into ${path}: it has no frontmatter block (--- … ---)`);
  let data: Record<string, unknown>;
  try {
    data = parseFrontmatter(parts.frontmatter);
  } catch (error) {
    throw new ImportError(`cannot merge into ${path}: its frontmatter is not valid YAML (${(error as Error).message})`);
  }
  // Compare structure; the file wins.
  const fileParts = Array.isArray(data.parts) ? (data.parts as Record<string, unknown>[]) : [];
  if (fileParts.length !== plan.parts.length) warnings.push(`${path}: the file lists ${fileParts.length} parts, the text has ${plan.parts.length}`);
  plan.parts.forEach((p, i) => {
    const f = fileParts[i];
    if (!f) return;
    for (const key of ['number', 'label', 'title'] as const) {
      if (f[key] !== p[key]) warnings.push(`${path}: parts[${i}].${key} is ${JSON.stringify(f[key])} in the file, ${JSON.stringify(p[key])} in the text; the file's value is kept`);
    }
  });
  const fileSections = Array.isArray(data.sections) ? (data.sections as Record<string, unknown>[]) : [];
  plan.sections.forEach((s, i) => {
    const f = fileSections[i];
    if (!f || f.heading !== s.heading) warnings.push(`${path}: sections[${i}] is ${JSON.stringify(f?.heading)} in the file, ${JSON.stringify(s.heading)} in the text`);
  });

  let fm = parts.frontmatter;
  const notes: string[] = [];
  try {
    const set = (key: string, value: string | undefined, why: string) => {
      if (value === undefined || data[key] === value) return;
      fm = setTopScalar(fm, key, q(value));
      notes.push(why);
    };
    set('seed', seed, `seed → ${seed}`);
    set('sourceUrl', opts.sourceUrl, 'sourceUrl from --source-url');
    set('published', opts.published, 'published from --published');
    set('site', opts.site, 'site from --site');
    set('issuer', opts.issuer, 'issuer from --issuer');
    if (notes.length === 0) return { path, action: 'unchanged', notes: ['kept as it is'] };
    fm = setTopScalar(fm, 'updated', q(today));
  } catch (error) {
    throw new ImportError(`cannot merge into ${path}: ${(error as Error).message}`);
  }
  return { path, action: 'update', notes, content: joinMdx(fm, parts.body) };
}

/**
 * Write the changes under `out`: each file goes to a temporary name first and is renamed into place
 * once all have been written, so a failure while writing leaves no half-written entry.
 * Returns the number of files written.
 */
export function writeChanges(out: string, changes: readonly FileChange[]): number {
  const pending = changes.filter((c) => c.action !== 'unchanged' && c.content !== undefined);
  const staged: [string, string][] = [];
  for (const c of pending) {
    const target = join(out, c.path);
    mkdirSync(dirname(target), { recursive: true });
    const tmp = `${target}.import-${process.pid}.tmp`;
    writeFileSync(tmp, c.content!);
    staged.push([tmp, target]);
  }
  for (const [tmp, target] of staged) renameSync(tmp, target);
  return staged.length;
}

/** A change list as printed by the CLI. */
export function formatChanges(result: ImportResult, out: string, cwd = process.cwd()): string {
  const label: Record<ChangeAction, string> = { create: 'create   ', update: 'update   ', unchanged: 'unchanged' };
  const where = relative(cwd, out) || '.';
  const lines = [`plan ${result.year}: ${result.plan.meta.title} (${result.encoding}; ${result.plan.tasks.length} tasks, ${result.plan.parts.length} parts) → ${where}`];
  for (const c of result.changes) lines.push(`  ${label[c.action]} ${c.path}${c.notes.length ? `  — ${c.notes.join('; ')}` : ''}`);
  if (result.warnings.length) {
    lines.push('warnings:');
    for (const w of result.warnings) lines.push(`  ${w}`);
  }
  return lines.join('\n');
}
