/**
 * The import as a whole: read the input and the target tree, compute every file change, and only
 * then (in `writeChanges`, all or nothing: see commit.ts) touch the disk. A malformed input throws ImportError before anything is
 * written; `--dry-run` is the same computation without the write.
 *
 * Never damaging what is there:
 * - If the year already has task files and the text's tasks differ from them (a body, a task more
 *   or less), the import is refused (RefusedError, nothing written) unless `replace` is set
 *   (--replace). With it, bodies are replaced, curated frontmatter is kept, task files the text no
 *   longer has are deleted, and the old seed stays in seeds/ (seeds are never overwritten or removed).
 * - Only files named like seeds (NNN_<hash>.txt / .docx) are read as seeds; leftovers such as
 *   *.tmp are never adopted.
 *
 * Merging with what is already there (a person's edits always win):
 * - seeds/: the input bytes are copied verbatim as seeds/NNN_<sha256:16>.txt, unless a file with the
 *   same bytes is already there (then that one is the seed). A .docx input is stored as the text
 *   extracted from it (the seed) and the .docx beside it with the same name.
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
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { commitChangesSync } from './commit.ts';
import type { StagedChange } from './commit.ts';
import { join, relative } from 'node:path';
import { decodePlanText } from './decode.ts';
import type { Encoding } from './decode.ts';
import { citedTitles, linkDocuments, stubId } from './documents.ts';
import type { KnownDocument } from './documents.ts';
import { ImportError, RefusedError } from './errors.ts';
import { MAX_TEXT_BYTES } from './decode.ts';
import { quoteParagraph, readDocxSource } from './docx.ts';
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
  /** Replace a different plan text already imported for the year (--replace). Default: refuse. */
  replace?: boolean | undefined;
  /** The input, already read (a .docx is read asynchronously by readPlanSource); default: read `input` as text. */
  source?: PlanSource | undefined;
}

/** An input file, read and decoded. */
export interface PlanSource {
  /** The text to parse. */
  text: string;
  /** The bytes stored as the seed (the file itself, or for .docx the extracted text as UTF-8). */
  seedBytes: Uint8Array;
  encoding: Encoding | 'docx';
  /** For a .docx input, the original file, kept beside the seed. */
  docx?: Uint8Array;
}

export type ChangeAction = 'create' | 'update' | 'delete' | 'unchanged';

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
  encoding: Encoding | 'docx';
  plan: ParsedPlan;
  changes: FileChange[];
  warnings: string[];
}

/** Names of seed files: the only files in seeds/ ever read as seeds (never a leftover *.tmp). */
export const SEED_FILE = /^(\d{3,})_[0-9a-f]{16}\.(?:txt|docx)$/u;

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

/** Read a plain-text input (see decode.ts for encodings, size and emptiness checks). */
export function readTextSource(path: string): PlanSource {
  if (/\.docx$/iu.test(path)) throw new ImportError('a .docx input is read with readPlanSource (asynchronous)');
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new ImportError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (size > MAX_TEXT_BYTES) {
    throw new ImportError(`the file is ${(size / 1024 / 1024).toFixed(1)} MB; a plan is far smaller, and inputs over ${MAX_TEXT_BYTES / 1024 / 1024} MB are refused`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ImportError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const { text, encoding } = decodePlanText(bytes);
  return { text, seedBytes: bytes, encoding };
}

/** Read any input: .docx through mammoth (docx.ts), anything else as text. */
export async function readPlanSource(path: string): Promise<PlanSource> {
  if (/\.docx$/iu.test(path)) return readDocxSource(path);
  return readTextSource(path);
}

/** Compute every change of an import without writing anything. */
export function planImport(opts: ImportOptions): ImportResult {
  const source = opts.source ?? readTextSource(opts.input);
  try {
    return computeImport(opts, source);
  } catch (error) {
    // A Word user has no line numbers: quote the paragraph instead.
    if (source.encoding === 'docx' && error instanceof ImportError && !(error instanceof RefusedError)) throw quoteParagraph(error, source.text);
    throw error;
  }
}

function computeImport(opts: ImportOptions, source: PlanSource): ImportResult {
  const { text, encoding } = source;
  const bytes = source.seedBytes;
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
  // Dates in the text are read against the year the text itself names (a plan imported into another
  // year, e.g. a scratch copy, still has its own dates).
  const textYear = titleYear ? Number(titleYear) : year;
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
  const seedFiles = listFiles(seedsDir, '').filter((f) => SEED_FILE.test(f) && f.endsWith('.txt'));
  const same = seedFiles.find((f) => {
    const b = readFileSync(join(seedsDir, f));
    return b.length === bytes.length && Buffer.compare(b, Buffer.from(bytes)) === 0;
  });
  let seed: string;
  if (same) {
    seed = `seeds/${same}`;
    changes.push({ path: seed, action: 'unchanged', notes: ['same bytes as the input'] });
  } else {
    const numbered = listFiles(seedsDir, '').filter((f) => SEED_FILE.test(f));
    const next = Math.max(-1, ...numbered.map((f) => Number(SEED_FILE.exec(f)![1]))) + 1;
    seed = `seeds/${String(next).padStart(3, '0')}_${digest}.txt`;
    changes.push({
      path: seed,
      action: 'create',
      notes: [source.docx ? 'the text extracted from the .docx' : `verbatim copy of the input (${encoding})`],
      content: bytes,
    });
    if (source.docx) {
      changes.push({ path: seed.replace(/\.txt$/u, '.docx'), action: 'create', notes: ['the .docx as given, beside its text'], content: source.docx });
    }
  }
  if (encoding !== 'utf-8' && encoding !== 'docx') warnings.push(`${seed}: the seed is kept verbatim in ${encoding}; readers of seeds that assume UTF-8 must decode it`);

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

  // A different text already there: refuse unless asked to replace it.
  const differences = compareTasks(plan.tasks, existing, year);
  if (differences.length > 0 && !opts.replace) {
    const shown = differences.slice(0, 5).map((d) => `  ${d}`).join('\n');
    const more = differences.length > 5 ? `\n  … and ${differences.length - 5} more` : '';
    throw new RefusedError(
      `content/tasks/${year}/ already holds a different text for ${year}:\n${shown}${more}\n` +
        `Importing would replace it. Check --year; to replace the ${year} text on purpose, run again with --replace ` +
        `(curated fields are kept, the old seed stays in seeds/).`,
    );
  }
  const replacing = differences.length > 0;

  // Plan file.
  const planPath = `content/plans/${year}.mdx`;
  const planText = readText(join(out, planPath));
  const oldPlan = planText === null ? null : planFields(planPath, planText);
  // Replacing with a text of another outline rewrites the plan file; a corrected text of the same
  // outline only moves the seed (merge below), keeping the curated fields.
  const sameOutline = oldPlan !== null && JSON.stringify(outlineOf(oldPlan)) === JSON.stringify(outlineOf(plan));
  if (planText === null || (replacing && !sameOutline)) {
    // Facts the text does not carry are left unknown (null; pages show 未知), never guessed.
    const published = opts.published ?? plan.meta.published ?? (oldPlan?.published as string | null | undefined) ?? null;
    const site = opts.site ?? plan.meta.source ?? plan.meta.breadcrumbSite ?? (oldPlan?.site as string | null | undefined) ?? null;
    const sourceUrl = opts.sourceUrl ?? (replacing ? null : (oldPlan?.sourceUrl as string | null | undefined)) ?? null;
    const issuer = opts.issuer ?? issuerFromTitle(plan.meta.title) ?? (oldPlan?.issuer as string | undefined);
    if (!issuer) throw new ImportError(`no issuer: the title "${plan.meta.title}" has no text before its year; pass --issuer <name>`, plan.meta.titleLine);
    const missing = [
      published === null && '发布时间 (--published YYYY-MM-DD)',
      site === null && '来源 (--site <name>)',
      sourceUrl === null && '原文链接 (--source-url <url>)',
    ].filter((m): m is string => !!m);
    if (missing.length) {
      warnings.push(`${planPath}: the text has no ${missing.map((m) => m.split(' ')[0]).join(', ')}; imported as unknown (pages show 未知). Fill in with ${missing.map((m) => m.replace(/^\S+ \((.*)\)$/u, '$1')).join(' ')}`);
    }
    changes.push({
      path: planPath,
      action: planText === null ? 'create' : 'update',
      notes: [`${plan.sections.length} sections, ${plan.parts.length} parts${replacing ? ' (replaced)' : ''}`],
      content: renderPlanFile({
        year,
        title: plan.meta.title,
        issuer,
        published,
        site,
        breadcrumb: plan.meta.breadcrumb,
        sourceUrl,
        seed,
        sections: plan.sections,
        parts: plan.parts,
        updated: today,
      }),
    });
  } else {
    changes.push(mergePlanFile(planPath, planText, plan, seed, opts, today, warnings));
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
    const proposals = proposeTargets(task.body, textYear);
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
    if (seen.has(path)) continue;
    if (replacing) changes.push({ path, action: 'delete', notes: ['the new text has no such task'] });
    else warnings.push(`${path}: the text has no task for this file; left as it is`);
  }

  // Stub documents.
  for (const [title, id] of stubs) {
    const path = `content/documents/${id}.mdx`;
    changes.push({ path, action: 'create', notes: [`stub for ${title}`], content: renderStubDocument(title, today) });
  }

  return { year, encoding, plan, changes, warnings };
}

/** How the text's tasks differ from the task files of the year (empty when there are none or all match). */
function compareTasks(tasks: readonly ParsedTask[], existing: ReadonlyMap<string, ExistingTask>, year: number): string[] {
  if (existing.size === 0) return [];
  const out: string[] = [];
  const inText = new Set<string>();
  for (const task of tasks) {
    const path = `content/tasks/${year}/${pad2(task.number)}.mdx`;
    inText.add(path);
    const prior = existing.get(path);
    if (!prior) {
      out.push(`task ${task.number} (line ${task.line}) has no file ${path}`);
      continue;
    }
    const old = prior.body.trim();
    if (old === task.body) continue;
    let i = 0;
    while (i < old.length && old[i] === task.body[i]) i++;
    out.push(`${path}: the text differs at character ${i + 1}: the file has "${old.slice(i, i + 12)}…", the input (line ${task.line}) "${task.body.slice(i, i + 12)}…"`);
  }
  for (const path of existing.keys()) if (!inText.has(path)) out.push(`${path}: the input has no such task`);
  return out;
}

/** Section headings and part labels/titles, to tell whether two texts share an outline. */
function outlineOf(p: Record<string, unknown> | ParsedPlan): { sections: unknown[]; parts: unknown[] } {
  const list = (v: unknown) => (Array.isArray(v) ? v : []) as Record<string, unknown>[];
  return {
    sections: list(p.sections).map((s) => s.heading),
    parts: list(p.parts).map((x) => [x.label, x.title]),
  };
}

/** The frontmatter fields of an existing plan file, or null if it cannot be read. */
function planFields(path: string, text: string): Record<string, unknown> | null {
  const parts = splitMdx(text);
  if (!parts) return null;
  try {
    return parseFrontmatter(parts.frontmatter);
  } catch {
    return null;
  }
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

/** The changes to write: everything but the unchanged files. */
export function pendingChanges(changes: readonly FileChange[]): StagedChange[] {
  return changes
    .filter((c) => c.action !== 'unchanged')
    .map((c) => ({ path: c.path, action: c.action as StagedChange['action'], content: c.content }));
}

/**
 * Write the changes under `out`, all or nothing (see commit.ts): a failure part-way restores every
 * file as it was. Returns the number of files written or deleted.
 */
export function writeChanges(out: string, changes: readonly FileChange[]): number {
  return commitChangesSync(out, pendingChanges(changes));
}

/** A change list as printed by the CLI. */
export function formatChanges(result: ImportResult, out: string, cwd = process.cwd()): string {
  const label: Record<ChangeAction, string> = { create: 'create   ', update: 'update   ', delete: 'delete   ', unchanged: 'unchanged' };
  const where = relative(cwd, out) || '.';
  const lines = [`plan ${result.year}: ${result.plan.meta.title} (${result.encoding}; ${result.plan.tasks.length} tasks, ${result.plan.parts.length} parts) → ${where}`];
  for (const c of result.changes) lines.push(`  ${label[c.action]} ${c.path}${c.notes.length ? `  — ${c.notes.join('; ')}` : ''}`);
  if (result.warnings.length) {
    lines.push('warnings:');
    for (const w of result.warnings) lines.push(`  ${w}`);
  }
  return lines.join('\n');
}
