/**
 * Round trip: importing the 2019 seed reproduces the hand-made 2019 entries (numbers, parts,
 * titles, bodies byte for byte, and the plan's parts), and what the importer writes passes the
 * site's own cross-entry checks (src/lib/validate.ts).
 */
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { planImport, writeChanges } from '../../src/importer/plan-import.ts';
import { findProblems } from '../../src/lib/validate';
import type { ContentSet } from '../../src/lib/validate';

const root = new URL('../../', import.meta.url).pathname;
const SEED = join(root, 'seeds/000_511d58ae4024a847.txt');
const TODAY = '2026-01-01';

interface Entry {
  file: string;
  id: string;
  data: Record<string, any>;
  body: string;
}

/** The .mdx entries of a collection under `base` (ids as Astro's glob loader makes them). */
function readEntries(base: string, dir: string): Entry[] {
  const out: Entry[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(base, dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.mdx')) {
        const text = readFileSync(join(base, dir, r), 'utf8');
        const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
        if (!m) throw new Error(`${dir}/${r}: no frontmatter`);
        out.push({ file: `${dir}/${r}`, id: r.replace(/\.mdx$/, ''), data: parse(m[1]!) ?? {}, body: m[2]!.trim() });
      }
    }
  };
  walk('');
  return out;
}

/** The content under `base` in the shape src/lib/validate.ts checks (references as { id }). */
function contentSet(base: string): ContentSet {
  const ref = (id: string) => ({ id });
  return {
    plans: readEntries(base, 'content/plans').map((e) => ({ id: e.id, filePath: e.file, data: e.data as any })),
    tasks: readEntries(base, 'content/tasks').map((e) => ({
      id: e.id,
      filePath: e.file,
      body: e.body,
      data: {
        ...(e.data as any),
        plan: ref(e.data.plan),
        documents: (e.data.documents ?? []).map(ref),
        related: (e.data.related ?? []).map((r: any) => ({ ...r, task: ref(r.task) })),
      },
    })),
    documents: readEntries(base, 'content/documents').map((e) => ({
      id: e.id,
      filePath: e.file,
      data: { ...(e.data as any), relatedTasks: (e.data.relatedTasks ?? []).map(ref) },
    })),
    terms: [],
  };
}

let out: string;
test.beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'importer-roundtrip-'));
});
test.afterEach(() => {
  rmSync(out, { recursive: true, force: true });
});

test('the 2019 seed imports to the numbers, parts, titles and bodies of content/tasks/2019', () => {
  writeChanges(out, planImport({ input: SEED, out, year: 2019, today: TODAY }).changes);
  const expected = readEntries(root, 'content/tasks/2019');
  const actual = readEntries(out, 'content/tasks/2019');
  expect(actual.map((e) => e.id)).toEqual(expected.map((e) => e.id));
  expect(expected).toHaveLength(24);
  for (const [i, want] of expected.entries()) {
    const got = actual[i]!;
    expect({ number: got.data.number, part: got.data.part, title: got.data.title, plan: got.data.plan }, want.file).toEqual({
      number: want.data.number,
      part: want.data.part,
      title: want.data.title,
      plan: want.data.plan,
    });
    expect(got.body, want.file).toBe(want.body);
  }
  // The body is written exactly: the paragraph and one newline.
  expect(readFileSync(join(out, 'content/tasks/2019/09.mdx'), 'utf8')).toMatch(/\n---\n9\. 加强教育信息化\(智慧教育\)建设。[^\n]*。\n$/);
});

test('the 2019 seed imports to the sections and parts of content/plans/2019.mdx', () => {
  writeChanges(out, planImport({ input: SEED, out, year: 2019, today: TODAY }).changes);
  const [want] = readEntries(root, 'content/plans');
  const [got] = readEntries(out, 'content/plans');
  // The importer names each part's section explicitly; 2019.mdx relies on the default placement.
  expect(got!.data.parts).toEqual(want!.data.parts.map((p: object) => ({ ...p, section: 'key-tasks' })));
  expect(got!.data.sections).toEqual(want!.data.sections);
  for (const key of ['year', 'title', 'issuer', 'published', 'site', 'breadcrumb']) expect(got!.data[key], key).toEqual(want!.data[key]);
  // The seed is copied verbatim and the plan points at the copy.
  expect(readFileSync(join(out, got!.data.seed))).toEqual(readFileSync(SEED));
});

test('imported content passes the site checks, with new stubs and with the existing documents', () => {
  writeChanges(out, planImport({ input: SEED, out, year: 2019, today: TODAY }).changes);
  expect(findProblems(contentSet(out))).toEqual([]);
  const stubs = readEntries(out, 'content/documents');
  expect(stubs.length).toBeGreaterThan(10);
  for (const s of stubs) expect(s.data).toMatchObject({ status: 'cited', confidence: 'not found', officialTitle: null, note: '导入时自动创建，待核实。' });

  const again = mkdtempSync(join(tmpdir(), 'importer-roundtrip-docs-'));
  try {
    cpSync(join(root, 'content/documents'), join(again, 'content/documents'), { recursive: true });
    const result = planImport({ input: SEED, out: again, year: 2019, today: TODAY });
    // Every 《title》 of 2019 has a document entry already: no stub is created.
    expect(result.changes.filter((c) => c.path.startsWith('content/documents/'))).toEqual([]);
    writeChanges(again, result.changes);
    expect(findProblems(contentSet(again))).toEqual([]);
    const t04 = readEntries(again, 'content/tasks/2019').find((e) => e.id === '04')!;
    expect(t04.data.documents).toEqual(['xueqian-shenhua-gaige', 'zhejiang-xueqian-shishi-banfa', 'jingning-xueqian-disanlun']);
  } finally {
    rmSync(again, { recursive: true, force: true });
  }
});

test('re-importing the seed into this repository changes no body and keeps every curated file', () => {
  const result = planImport({ input: SEED, out: root, year: 2019, today: TODAY });
  expect(result.changes.find((c) => c.path.startsWith('seeds/'))).toMatchObject({ path: 'seeds/000_511d58ae4024a847.txt', action: 'unchanged' });
  expect(result.changes.find((c) => c.path === 'content/plans/2019.mdx')?.action).toBe('unchanged');
  const tasks = result.changes.filter((c) => c.path.startsWith('content/tasks/2019/'));
  expect(tasks).toHaveLength(24);
  for (const c of tasks) expect(c.notes, c.path).not.toContain('body changed');
  expect(result.changes.filter((c) => c.action === 'create')).toEqual([]);
});
