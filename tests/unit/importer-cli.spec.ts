/**
 * The command: `node scripts/import.ts <file> --year 2020 --out <dir>` on the test plan
 * tests/fixtures/import/plan-2020-test.txt (TEST DATA, never published to content/), in UTF-8 and
 * GBK; --dry-run; malformed input; re-running over edited files (a person's edits are kept).
 */
import { test, expect } from '@playwright/test';
import { root } from '../helpers/content';
import { PLAN_2020, runImport as run } from '../helpers/import-cli';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const FIXTURES = join(root, 'tests/fixtures/import');

/** Every file under a directory, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (rel: string) => {
    const abs = join(dir, rel);
    if (!existsSync(abs)) return;
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files.set(r, readFileSync(join(dir, r)));
    }
  };
  walk('');
  return files;
}

function entry(dir: string, file: string): { data: Record<string, any>; body: string; text: string } {
  const text = readFileSync(join(dir, file), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no frontmatter`);
  return { data: parse(m[1]!) ?? {}, body: m[2]!, text };
}

let out: string;
test.beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'importer-cli-'));
  // The repository's documents, so that 《中小学德育工作指南》 links to the existing entry.
  cpSync(join(root, 'content/documents'), join(out, 'content/documents'), { recursive: true });
});
test.afterEach(() => {
  rmSync(out, { recursive: true, force: true });
});

test('the 2020 test plan becomes a plan, six tasks, a seed copy and one stub document', () => {
  const r = run(PLAN_2020, '--year', '2020', '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('plan 2020: 测试用：景宁畲族自治县教育局2020年工作要点（测试数据，非真实文件） (utf-8; 6 tasks, 2 parts)');
  expect(r.stdout).toMatch(/\n9 files written\n$/);

  const plan = entry(out, 'content/plans/2020.mdx').data;
  expect(plan).toMatchObject({
    year: 2020,
    title: '测试用：景宁畲族自治县教育局2020年工作要点（测试数据，非真实文件）',
    issuer: '景宁畲族自治县教育局',
    published: '2020-03-02',
    site: '景宁教育网',
    breadcrumb: ['政务公开', '最新文件'],
    sourceUrl: null,
    sections: [{ heading: '一、指导思想', id: 'guiding-principles' }, { heading: '二、重点工作', id: 'key-tasks' }],
    parts: [
      { number: 1, label: '(一)', title: '测试第一部分,检验部分标题', short: '第一部分' },
      { number: 2, label: '(二)', title: '测试第二部分,检验第二个部分', short: '第二部分' },
    ],
    updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
  expect(plan.sourceUrlNote).toBeUndefined();
  expect(r.stdout).toContain('content/plans/2020.mdx: the text has no 原文链接; imported as unknown (pages show 未知). Fill in with --source-url <url>');
  expect(readFileSync(join(out, plan.seed))).toEqual(readFileSync(PLAN_2020));
  expect(plan.seed).toMatch(/^seeds\/000_[0-9a-f]{16}\.txt$/);

  const files = [...tree(join(out, 'content/tasks/2020')).keys()].sort();
  expect(files).toEqual(['00.mdx', '01.mdx', '02.mdx', '03.mdx', '04.mdx', '05.mdx']);

  const t1 = entry(out, 'content/tasks/2020/01.mdx');
  expect(t1.text.split('\n')[1]).toBe('# imported: review summary, audiences, topics, related (summary is the title as a placeholder; targets with reviewed: false are proposals)');
  expect(t1.data).toEqual({
    plan: '2020',
    number: 1,
    part: 1,
    title: '测试学前教育目标',
    summary: '测试学前教育目标',
    audiences: ['公众'],
    topics: [],
    targets: [
      {
        id: 't2020-01-auto-1',
        kind: 'percent-threshold',
        metric: '全县公办园覆盖面',
        comparator: '>=',
        value: 65,
        unit: '%',
        deadline: { year: 2020, term: '年底', type: 'by' },
        quote: '到2020年底,全县公办园覆盖面达到65%以上',
        reviewed: false,
      },
    ],
    documents: [],
    related: [],
  });
  expect(t1.body).toBe('1.测试学前教育目标。本条为测试数据。到2020年底,全县公办园覆盖面达到65%以上。\n');

  const t2 = entry(out, 'content/tasks/2020/02.mdx').data;
  expect(t2.title).toBe('测试引用文件');
  expect(t2.documents).toEqual(['deyu-gongzuo-zhinan', 'jing-ning-xian-ce-shi-yong-xu-gou']);
  const stub = entry(out, 'content/documents/jing-ning-xian-ce-shi-yong-xu-gou.mdx').data;
  expect(stub).toEqual({
    planTitle: '《景宁县测试用虚构文件》',
    displayTitle: '景宁县测试用虚构文件',
    officialTitle: null,
    issuer: null,
    docNumber: null,
    date: null,
    level: 'county',
    status: 'cited',
    confidence: 'not found',
    note: '导入时自动创建，待核实。',
    updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
  // The existing document is linked, not touched.
  expect(readFileSync(join(out, 'content/documents/deyu-gongzuo-zhinan.mdx'))).toEqual(readFileSync(join(root, 'content/documents/deyu-gongzuo-zhinan.mdx')));

  expect(entry(out, 'content/tasks/2020/00.mdx').data).toMatchObject({ number: 0, part: null, title: '指导思想', targets: [] });
  expect(entry(out, 'content/tasks/2020/03.mdx').data.targets).toMatchObject([{ kind: 'count', value: 3, unit: '所', metric: '测试示范校' }]);
  expect(entry(out, 'content/tasks/2020/04.mdx').data.targets).toMatchObject([{ kind: 'zero', metric: '测试事故', value: 0 }]);
  expect(entry(out, 'content/tasks/2020/05.mdx').data.targets).toMatchObject([{ kind: 'milestone', deadline: { year: 2020, term: '秋季学期', type: 'start' } }]);
  expect(r.stdout).toContain('line 7: text above the first heading is not imported: 本文件是导入程序的测试数据（TEST DATA）');
});

test('the GBK copy of the test plan imports to the same content', () => {
  const utf8 = mkdtempSync(join(tmpdir(), 'importer-cli-utf8-'));
  cpSync(join(root, 'content/documents'), join(utf8, 'content/documents'), { recursive: true });
  try {
    expect(run(PLAN_2020, '--year', '2020', '--out', utf8).code).toBe(0);
    const r = run(join(FIXTURES, 'plan-2020-test.gbk.txt'), '--year', '2020', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(gb18030; 6 tasks, 2 parts)');
    const a = tree(join(utf8, 'content/tasks'));
    const b = tree(join(out, 'content/tasks'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)!.toString('utf8'), file).toBe(bytes.toString('utf8'));
    // The seed copy is the GBK bytes, verbatim.
    const plan = entry(out, 'content/plans/2020.mdx').data;
    expect(readFileSync(join(out, plan.seed))).toEqual(readFileSync(join(FIXTURES, 'plan-2020-test.gbk.txt')));
  } finally {
    rmSync(utf8, { recursive: true, force: true });
  }
});

test('--dry-run prints what would change and writes nothing', () => {
  const before = tree(out);
  const r = run(PLAN_2020, '--year', '2020', '--out', out, '--dry-run');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('  create    content/tasks/2020/01.mdx  — task 1 (part 1): 测试学前教育目标; 1 proposed target');
  expect(r.stdout).toContain('dry run: 9 files would be written; nothing was written');
  expect(tree(out)).toEqual(before);
});

test('--source-url and the year from the title', () => {
  const r = run(PLAN_2020, '--out', out, '--source-url', 'https://example.org/plan-2020.html');
  expect(r.code).toBe(0);
  const plan = entry(out, 'content/plans/2020.mdx').data;
  expect(plan.sourceUrl).toBe('https://example.org/plan-2020.html');
  expect(plan.sourceUrlNote).toBeUndefined();
});

test('malformed input: exit code 1, the line and what was expected, nothing written', () => {
  const before = tree(out);
  const r = run(join(FIXTURES, 'malformed/repeated-number.txt'), '--year', '2024', '--out', out);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('line 10: task number 2 is repeated (first at line 8); expected 3');
  expect(r.stderr).toContain('nothing was written');
  expect(tree(out)).toEqual(before);
});

test('a problem found late (an existing task file it cannot merge) still leaves everything unwritten', () => {
  mkdirSync(join(out, 'content/tasks/2020'), { recursive: true });
  writeFileSync(join(out, 'content/tasks/2020/05.mdx'), '5.没有frontmatter的文件。\n');
  const before = tree(out);
  const r = run(PLAN_2020, '--year', '2020', '--out', out);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('cannot merge into content/tasks/2020/05.mdx: it has no frontmatter block');
  expect(tree(out)).toEqual(before);
});

test('command-line mistakes: exit code 2 with the usage', () => {
  expect(run().code).toBe(2);
  const r = run(PLAN_2020, '--year', '20x0');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--year must be a year such as 2020');
  expect(run(PLAN_2020, '--bogus').code).toBe(2);
});

test('text that MDX would read as code is kept verbatim: task bodies are plain text, never compiled', () => {
  const input = join(out, 'braces.txt');
  writeFileSync(input, readFileSync(PLAN_2020, 'utf8').replace('本条为测试数据，力争建成3所', '本条为测试数据{a<b}，力争建成3所'));
  const r = run(input, '--year', '2020', '--out', out);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toContain('MDX');
  expect(entry(out, 'content/tasks/2020/03.mdx').body).toBe('3.测试建设项目。本条为测试数据{a<b}，力争建成3所测试示范校。\n');
});
