/**
 * The importer writes plans in the outline schema (content/plans: sections with their own
 * paragraphs, parts placed under a section): the two layouts of tests/build/fixture-plans.spec.ts,
 * imported from their seeds (tests/fixtures/import/outline-*-test.txt, TEST DATA), give the sections,
 * parts and tasks that test writes by hand — 三、保障措施's numbered items are the section's text,
 * not tasks.
 */
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { root } from '../helpers/content';
import { runImport as run } from '../helpers/import-cli';
import { buildOutline } from '../../src/lib/outline';

const fixture = (year: number) => join(root, `tests/fixtures/import/outline-${year}-test.txt`);

let out: string;
test.beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'importer-outline-'));
  cpSync(join(root, 'content/documents'), join(out, 'content/documents'), { recursive: true });
});
test.afterEach(() => rmSync(out, { recursive: true, force: true }));

const entry = (file: string) => {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(readFileSync(join(out, file), 'utf8'))!;
  return { data: parse(m[1]!), body: m[2]!.trim() };
};

test('总体要求 / 重点任务 （一）…（四） / 保障措施 with numbered items: the items are the section\'s paragraphs', () => {
  const r = run(fixture(2021), '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const plan = entry('content/plans/2021.mdx').data;
  expect(plan.sections).toEqual([
    { heading: '一、总体要求', id: 'general-requirements' },
    { heading: '二、重点任务', id: 'key-tasks' },
    { heading: '三、保障措施', id: 'safeguards', paragraphs: ['1.加强组织领导。测试数据：明确责任分工。', '2.强化经费保障。测试数据：落实经费投入。', '3.严格督查考核。测试数据：开展专项督查。'] },
  ]);
  expect(plan.parts).toEqual([
    { number: 1, label: '（一）', title: '加强党的建设', short: '党的建设', section: 'key-tasks' },
    { number: 2, label: '（二）', title: '推进教育公平', short: '教育公平', section: 'key-tasks' },
    { number: 3, label: '（三）', title: '提升教育质量', short: '教育质量', section: 'key-tasks' },
    { number: 4, label: '（四）', title: '优化教育治理', short: '教育治理', section: 'key-tasks' },
  ]);
  expect(entry('content/tasks/2021/00.mdx')).toMatchObject({ data: { number: 0, title: '总体要求' }, body: '测试数据：以质量为核心，推进教育优质均衡发展。' });
  expect(entry('content/tasks/2021/06.mdx')).toMatchObject({ data: { number: 6, part: 4 }, body: '6.推进依法治校。测试数据：完善学校章程。' });
  expect(r.stdout).not.toContain('not imported');
});

test('sections as parts and an unnumbered 保障措施: each section that holds tasks is a part under itself', () => {
  const r = run(fixture(2022), '--out', out);
  expect(r.code).toBe(0);
  const plan = entry('content/plans/2022.mdx').data;
  expect(plan.sections).toEqual([
    { heading: '一、坚持立德树人，加强德育工作', id: 'section-1' },
    { heading: '二、聚焦教育公平，优化资源配置', id: 'section-2' },
    { heading: '三、保障措施', id: 'safeguards', paragraphs: ['测试数据：这一节没有编号的任务。'] },
  ]);
  expect(plan.parts).toEqual([
    { number: 1, label: '一、', title: '坚持立德树人，加强德育工作', short: '立德树人', section: 'section-1' },
    { number: 2, label: '二、', title: '聚焦教育公平，优化资源配置', short: '资源配置', section: 'section-2' },
  ]);
  // The outline the pages read places every task.
  const tasks = [1, 2, 3].map((n) => ({ number: n, part: entry(`content/tasks/2022/0${n}.mdx`).data.part as number }));
  expect(() => buildOutline(plan, tasks)).not.toThrow();
});

test('a later section whose numbering starts again at 1 is text in a plan without (一) headings', () => {
  const text = readFileSync(fixture(2022), 'utf8').replace('测试数据：这一节没有编号的任务。', '1.加强组织领导。测试数据。\n\n2.强化经费保障。测试数据。');
  const input = join(out, 'renumbered.txt');
  writeFileSync(input, text);
  const r = run(input, '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(entry('content/plans/2022.mdx').data.sections[2]).toEqual({ heading: '三、保障措施', id: 'safeguards', paragraphs: ['1.加强组织领导。测试数据。', '2.强化经费保障。测试数据。'] });
});
