/**
 * Comparing years with a fixture pair: in a copy of the project, the 2019 plan is copied as a
 * test plan for 2020 (TEST DATA, never published) with one percentage changed (公办园覆盖面
 * 65% → 70%), one task replaced by a new one (23, so what only it cited is no longer cited), and
 * one document newly cited (in task 21).
 * The built /compare/2019-2020/ page must report exactly those differences, be linked from both
 * plans' pages and from task pages that have a counterpart, and read on a 375 px phone.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { copyProject, buildIn } from '../helpers/project-copy';
import { startPreview, type Preview } from '../../scripts/lib/preview.ts';
import { axeProblems, htmlProblems } from '../helpers/page-checks';

let server: Preview;
let dir: string;
/** Distinct documents cited by the 2019 tasks other than 23 (still cited in the copy), and those cited only by 23. */
let citedKept: number;
let citedOnlyBy23: number;
let targets2019Task23: number;
let tasks2019: number;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = copyProject('compare');
  const plan = readFileSync(join(dir, 'content/plans/2019.mdx'), 'utf8');
  writeFileSync(join(dir, 'content/plans/2020.mdx'), plan.replace(/^year: 2019$/m, 'year: 2020').replace(/^title: (.*)2019年(.*)$/m, 'title: 测试用：$12020年$2'));
  mkdirSync(join(dir, 'content/tasks/2020'));
  const docs = new Set<string>();
  const docs23 = new Set<string>();
  const files = readdirSync(join(dir, 'content/tasks/2019')).filter((f) => f.endsWith('.mdx'));
  tasks2019 = files.length;
  for (const f of files) {
    let text = readFileSync(join(dir, 'content/tasks/2019', f), 'utf8');
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!);
    for (const d of data.documents ?? []) (f === '23.mdx' ? docs23 : docs).add(d);
    if (f === '23.mdx') targets2019Task23 = (data.targets ?? []).length;
    text = text
      .replace(/^plan: "2019"$/m, 'plan: "2020"')
      .replace(/^(\s+- id: )(\S+)$/gm, '$1y2020-$2')
      .replace(/task: "2019\//g, 'task: "2020/');
    if (f === '04.mdx') {
      expect(text).toContain('公办园覆盖面达到65%以上');
      text = text.replaceAll('公办园覆盖面达到65%以上', '公办园覆盖面达到70%以上').replace(/(metric: "公办园覆盖面"\n(?:\s+\w+: .*\n)*?\s+value: )65/, '$170');
    }
    if (f === '21.mdx') {
      text = text.replace(/^documents: \[(.*)\]$/m, (_m, list: string) => `documents: [${list ? `${list}, ` : ''}test-yanxue-yijian]`).trimEnd() + '依据《测试用研学实践指导意见》开展研学实践。\n';
    }
    if (f === '23.mdx') {
      text = [
        '---',
        'plan: "2020"',
        'number: 23',
        'part: 6',
        'title: "测试用新任务：建设县级研学实践基地"',
        'summary: "测试数据：建设县级研学实践基地。"',
        'audiences: [学生]',
        '---',
        '23.测试用新任务：建设县级研学实践基地。本条为测试数据，遴选研学线路，组织中小学生走进畲乡山水开展研学旅行。',
        '',
      ].join('\n');
    }
    writeFileSync(join(dir, 'content/tasks/2020', f), text);
  }
  citedKept = docs.size;
  citedOnlyBy23 = [...docs23].filter((d) => !docs.has(d)).length;
  writeFileSync(join(dir, 'content/documents/test-yanxue-yijian.mdx'), [
    '---',
    'planTitle: 《测试用研学实践指导意见》',
    'displayTitle: 测试用研学实践指导意见（测试数据）',
    'officialTitle: null',
    'issuer: null',
    'docNumber: null',
    'date: null',
    'level: county',
    'status: cited',
    'confidence: not found',
    'updated: "2026-12-01"',
    '---',
    '',
  ].join('\n'));
  const built = buildIn(dir);
  expect(built.status, built.output.slice(-3000)).toBe(0);
  server = await startPreview({ cwd: dir, env: { ...process.env, OUT_DIR: './dist' } });
});
test.afterAll(async () => server?.stop());

test('one comparison page per adjacent pair of years', () => {
  expect(readdirSync(join(dir, 'dist/compare'))).toEqual(['2019-2020']);
});

test('the comparison reports the continuing, new and dropped tasks, and names its measure and threshold', async ({ page }) => {
  await page.goto(`${server.url}compare/2019-2020/`);
  await expect(page.locator('h1')).toHaveText('2019年工作思路与2020年工作思路对照');
  await expect(page.locator('#how')).toBeVisible();
  await expect(page.locator('section:has(#how)')).toContainText('二字组Dice系数');
  await expect(page.locator('[data-threshold]')).toHaveText('40%');

  const continuing = page.locator('section:has(#continuing) ol.pairs > li');
  await expect(continuing).toHaveCount(tasks2019 - 1);
  await expect(page.locator('#continuing')).toHaveText(`延续的任务（${tasks2019 - 1}项）`);
  const four = page.locator('#task-2020-4');
  await expect(four).toContainText('2019年 任务4 促进学前教育快速发展');
  await expect(four).toContainText('2020年 任务4 促进学前教育快速发展');
  await expect(four.getByRole('link').first()).toHaveAttribute('href', '/2019/tasks/4/');
  await expect(four.getByRole('link').last()).toHaveAttribute('href', '/2020/tasks/4/');

  const added = page.locator('section:has(#added) li');
  await expect(added).toHaveText(['2020年 任务23 测试用新任务：建设县级研学实践基地']);
  const dropped = page.locator('section:has(#dropped) li');
  await expect(dropped).toHaveText(['2019年 任务23 整治校外培训机构']);
});

test('targets: the changed percentage, the targets of the dropped task, nothing new', async ({ page }) => {
  await page.goto(`${server.url}compare/2019-2020/`);
  const changed = page.locator('#changed-targets + ul > li');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText('公办园覆盖面');
  await expect(changed.locator('p', { hasText: '数值' })).toHaveText(/^数值：\D*65%\D*→\D*70%\D*$/);
  await expect(changed.locator('a').first()).toHaveAttribute('href', '/2019/targets/#target-t04-public-kindergarten-coverage');
  await expect(changed.locator('a').last()).toHaveAttribute('href', '/2020/targets/#target-y2020-t04-public-kindergarten-coverage');
  await expect(page.locator('#disappeared-targets')).toHaveText(`不再出现的目标（${targets2019Task23}项）`);
  await expect(page.locator('#new-targets')).toHaveText('新出现的目标（0项）');
});

test('documents: those cited in both years and the one newly cited', async ({ page }) => {
  await page.goto(`${server.url}compare/2019-2020/`);
  expect(citedKept).toBeGreaterThan(10);
  await expect(page.locator('#documents-both')).toHaveText(`两年都引用的文件（${citedKept}份）`);
  await expect(page.locator('#documents-new + ul > li')).toHaveText(['测试用研学实践指导意见（测试数据）']);
  await expect(page.locator('#documents-new + ul a')).toHaveAttribute('href', '/documents/test-yanxue-yijian/');
  // Documents cited only by the replaced task are no longer cited.
  await expect(page.locator('#documents-no-longer')).toHaveText(`2020年不再引用的文件（${citedOnlyBy23}份）`);
});

test('linked from both plans and from task pages that have a counterpart, not from those without', async ({ page }) => {
  for (const year of [2019, 2020]) {
    await page.goto(`${server.url}${year}/`);
    await expect(page.getByRole('navigation', { name: '年度对照' }).getByRole('link')).toHaveAttribute('href', '/compare/2019-2020/');
  }
  await page.goto(`${server.url}2020/tasks/4/`);
  await expect(page.locator('#counterparts')).toHaveText('其他年份的对应任务');
  await expect(page.locator('section:has(#counterparts) li')).toContainText('2019年任务4“促进学前教育快速发展”');
  await expect(page.locator('section:has(#counterparts) a')).toHaveAttribute('href', '/compare/2019-2020/#task-2020-4');
  await page.goto(`${server.url}2019/tasks/4/`);
  await expect(page.locator('section:has(#counterparts) a')).toHaveAttribute('href', '/compare/2019-2020/#task-2019-4');
  await page.goto(`${server.url}compare/2019-2020/#task-2019-4`);
  await expect(page.locator('#task-2019-4')).toHaveCount(1);
  for (const path of ['2020/tasks/23/', '2019/tasks/23/']) {
    await page.goto(`${server.url}${path}`);
    await expect(page.locator('#counterparts')).toHaveCount(0);
  }
});

test('readable on a 375 px phone: no sideways scrolling, no table, no script', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${server.url}compare/2019-2020/`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await expect(page.locator('main table')).toHaveCount(0);
  await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
});

test('the comparison page and a task page linking to it pass axe (light and dark) and html-validate', async ({ page }) => {
  test.setTimeout(120_000);
  const pages = ['compare/2019-2020/', '2020/tasks/4/', '2019/'];
  expect(await axeProblems(page, pages.map((p) => `${server.url}${p}`))).toEqual([]);
  expect(await htmlProblems(join(dir, 'dist'), pages.map((p) => `${p}index.html`))).toEqual([]);
});
