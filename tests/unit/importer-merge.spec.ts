/**
 * Re-running the importer never overwrites a person's edits: frontmatter is kept byte for byte,
 * only the body is refreshed, and new proposals are appended in the list's own style.
 */
import { test, expect } from '@playwright/test';
import { root } from '../helpers/content';
import { PLAN_2020, runImport as run } from '../helpers/import-cli';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appendToTopSequence, setTopScalar, splitMdx } from '../../src/importer/yaml.ts';
import { planImport, writeChanges } from '../../src/importer/plan-import.ts';

const ids = (ids: string[]) => ({ block: (indent: string) => ids.map((id) => `${indent}- ${id}\n`).join(''), flow: ids, prefer: 'flow' as const });
const items = (lines: string[]) => ({ block: (indent: string) => lines.map((l) => `${indent}- ${l}\n`).join(''), flow: lines, prefer: 'block' as const });

test.describe('frontmatter edits in place', () => {
  test('append to a block list at its own indentation, keeping comments and quoting', () => {
    const fm = 'title: 甲 # kept\ntargets:\n    - id: a\n      quote: "x"\ndocuments: [ a ]\n';
    expect(appendToTopSequence(fm, 'targets', items(['id: b']))).toBe('title: 甲 # kept\ntargets:\n    - id: a\n      quote: "x"\n    - id: b\ndocuments: [ a ]\n');
  });

  test('append to a flow list keeps its spacing; [] and a missing key get the preferred style', () => {
    expect(appendToTopSequence('documents: [ a ]\nrelated: []\n', 'documents', ids(['b', 'c']))).toBe('documents: [ a, b, c ]\nrelated: []\n');
    expect(appendToTopSequence('documents: []\nrelated: []\n', 'documents', ids(['b']))).toBe('documents: [b]\nrelated: []\n');
    expect(appendToTopSequence('targets: []\ndocuments: []\n', 'targets', items(['id: b']))).toBe('targets:\n  - id: b\ndocuments: []\n');
    expect(appendToTopSequence('targets:\ndocuments: []\n', 'targets', items(['id: b']))).toBe('targets:\n  - id: b\ndocuments: []\n');
    expect(appendToTopSequence('title: 甲\n', 'targets', items(['id: b']))).toBe('title: 甲\ntargets:\n  - id: b\n');
  });

  test('set a scalar, keeping the comment after it', () => {
    expect(setTopScalar('seed: "a.txt" # the copy\nupdated: "2019-01-01"\n', 'seed', '"b.txt"')).toBe('seed: "b.txt" # the copy\nupdated: "2019-01-01"\n');
    expect(setTopScalar('year: 2020\n', 'updated', '"2026-01-01"')).toBe('year: 2020\nupdated: "2026-01-01"\n');
  });
});

test.describe('re-running over edited content', () => {
  let out: string;
  test.beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'importer-merge-'));
    cpSync(join(root, 'content/documents'), join(out, 'content/documents'), { recursive: true });
    expect(run(PLAN_2020, '--year', '2020', '--out', out).code).toBe(0);
  });
  test.afterEach(() => {
    rmSync(out, { recursive: true, force: true });
  });

  test('an unchanged input changes nothing', () => {
    const r = run(PLAN_2020, '--year', '2020', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^\s+(create|update) /m);
    expect(r.stdout).toMatch(/\n0 files written\n$/);
  });

  test('edited frontmatter is kept, the body is refreshed, new proposals and links are appended', () => {
    const file = (n: string) => join(out, `content/tasks/2020/${n}.mdx`);
    // An editor reviews task 1 and task 4.
    const t01 = [
      '---',
      'plan: "2020"',
      'number: 1',
      'part: 1',
      'title: "测试学前教育目标"',
      'summary: 编辑写的摘要。',
      'audiences: [家长, 学校]',
      'topics: [学前]',
      'targets:',
      '  - id: t2020-kindergarten-coverage # renamed by the editor',
      '    kind: percent-threshold',
      '    metric: 公办园覆盖面',
      '    comparator: ">="',
      '    value: 65',
      '    unit: "%"',
      '    quote: "全县公办园覆盖面达到65%以上"',
      'documents: []',
      'related: []',
      'updated: "2020-05-01"',
      '---',
      '1.测试学前教育目标。本条为测试数据。到2020年底,全县公办园覆盖面达到65%以上。',
      '',
    ].join('\n');
    writeFileSync(file('01'), t01);
    const t04 = readFileSync(file('04'), 'utf8').replace('summary: "测试安全目标"', 'summary: "编辑改过的摘要"').replace('audiences: [公众]', 'audiences: [ 学生, 学校 ]');
    writeFileSync(file('04'), t04);
    const t02 = readFileSync(file('02'));

    // The plan text changes: task 4 gains a sentence with a target and a cited document.
    const edited = join(out, 'edited-plan.txt');
    writeFileSync(edited, readFileSync(PLAN_2020, 'utf8').replace('力争测试事故为零。', '力争测试事故为零，测试覆盖率达到90%以上，落实《中小学德育工作指南》。'));

    const dry = run(edited, '--year', '2020', '--out', out, '--dry-run', '--replace');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('  update    content/tasks/2020/04.mdx  — body changed; +1 proposed target; +1 document link (deyu-gongzuo-zhinan)');
    expect(dry.stdout).toContain('  unchanged content/tasks/2020/01.mdx  — unchanged');
    expect(dry.stdout).toMatch(/ update {4}content\/plans\/2020\.mdx {2}— seed → seeds\/001_[0-9a-f]{16}\.txt/);
    expect(dry.stdout).toContain('dry run: 3 files would be written; nothing was written');
    expect(readFileSync(file('04'), 'utf8')).toBe(t04);

    const r = run(edited, '--year', '2020', '--out', out, '--replace');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n3 files written\n$/);

    // Task 1: byte for byte as the editor left it (its target overlaps the proposal).
    expect(readFileSync(file('01'), 'utf8')).toBe(t01);
    expect(readFileSync(file('02'))).toEqual(t02);

    // Task 4: the editor's lines are all still there; the body is new; one proposal appended.
    const now = readFileSync(file('04'), 'utf8');
    const before = splitMdx(t04)!;
    const after = splitMdx(now)!;
    expect(after.frontmatter.startsWith(before.frontmatter.slice(0, before.frontmatter.indexOf('documents:')))).toBe(true);
    expect(after.body).toBe('4.测试安全目标。本条为测试数据，力争测试事故为零，测试覆盖率达到90%以上，落实《中小学德育工作指南》。\n');
    const data = parse(after.frontmatter);
    expect(data.summary).toBe('编辑改过的摘要');
    expect(data.audiences).toEqual(['学生', '学校']);
    expect(data.targets.map((t: any) => [t.id, t.quote, t.reviewed])).toEqual([
      ['t2020-04-auto-1', '力争测试事故为零', false],
      ['t2020-04-auto-2', '测试覆盖率达到90%以上', false],
    ]);
    expect(data.documents).toEqual(['deyu-gongzuo-zhinan']);

    // The plan points at the new seed copy; the old one stays.
    const plan = parse(splitMdx(readFileSync(join(out, 'content/plans/2020.mdx'), 'utf8'))!.frontmatter);
    expect(plan.seed).toMatch(/^seeds\/001_/);
    expect(readFileSync(join(out, plan.seed))).toEqual(readFileSync(edited));

    // And a third run with the same text is a no-op.
    expect(run(edited, '--year', '2020', '--out', out).stdout).toMatch(/\n0 files written\n$/);
  });

  test('replacing: a curated target whose quote left the text is reported, a file the text no longer has is deleted', () => {
    const result = planImport({ input: PLAN_2020, out, year: 2020 });
    expect(result.warnings.filter((w) => w.startsWith('content/tasks'))).toEqual([]);
    writeFileSync(join(out, 'content/tasks/2020/06.mdx'), '---\nplan: "2020"\nnumber: 6\n---\n6.多出来的。\n');
    const edited = join(out, 'edited-plan.txt');
    writeFileSync(edited, readFileSync(PLAN_2020, 'utf8').replace('达到65%以上', '达到70%以上'));
    const t01path = join(out, 'content/tasks/2020/01.mdx');
    writeFileSync(t01path, readFileSync(t01path, 'utf8').replace('related: []\n', 'related: []\nupdated: "2020-05-01"\n'));
    const again = planImport({ input: edited, out, year: 2020, today: '2026-02-02', replace: true });
    expect(again.warnings).toContain('content/tasks/2020/01.mdx: target t2020-01-auto-1 quotes "到2020年底,全县公办园覆盖面达到65%以上", which is no longer in the text');
    // Replacing: a task the new text does not have goes (git and the old seed keep it).
    expect(again.changes).toContainEqual({ path: 'content/tasks/2020/06.mdx', action: 'delete', notes: ['the new text has no such task'] });
    writeChanges(out, again.changes);
    const t01 = parse(splitMdx(readFileSync(join(out, 'content/tasks/2020/01.mdx'), 'utf8'))!.frontmatter);
    expect(t01.targets.map((t: any) => t.quote)).toEqual(['到2020年底,全县公办园覆盖面达到65%以上', '到2020年底,全县公办园覆盖面达到70%以上']);
    // A file that records its own `updated` date gets today's when the import changes it.
    expect(t01.updated).toBe('2026-02-02');
  });
});
