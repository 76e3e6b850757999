/**
 * Facts on guide and document pages are only as sure as their source: counts come from the data,
 * a 文号 the reference data has from one reprint says 待核实, a level the site inferred says so.
 */
import { test, expect } from '@playwright/test';
import { readCollection } from '../helpers/content';
import { planQuotes } from '../../src/lib/guide-check';

const guides = readCollection<any>('content/guides');
const plans = readCollection<any>('content/plans');
const tasks = readCollection<any>('content/tasks');
const documents = readCollection<any>('content/documents');

test('guide bodies write no count of the plan\'s parts or tasks by hand (use <PlanCount>)', () => {
  // 同一项任务 ("the same task") is no count.
  const handWritten = /(?<!同)[0-9０-９〇零一二两三四五六七八九十百]+\s*(个部分|项任务|项重点任务)/g;
  const problems: string[] = [];
  for (const g of guides) {
    // The plan's own words inside a quote are the plan's, not a count the guide states.
    let body = g.body;
    for (const q of planQuotes(body).quotes) body = body.replace(q.text, '');
    for (const m of body.matchAll(handWritten)) problems.push(`${g.file}: "${m[0]}"`);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('the public guide states the numbers of parts and tasks computed from the plan', async ({ page }) => {
  const plan = plans.find((p) => String(p.data.year ?? p.id) === '2019')!;
  const parts = plan.data.parts.length;
  const numbered = tasks.filter((t) => String(t.data.plan) === '2019' && t.data.number > 0).length;
  await page.goto('2019/guides/public/#how-to-read');
  const answer = page.locator('section#how-to-read');
  await expect(answer.locator('[data-count="parts"]')).toHaveText(String(parts));
  await expect(answer.locator('[data-count="tasks"]')).toHaveText(String(numbered));
  await expect(answer).toContainText(`分${parts}个部分，共${numbered}项任务`);
});

test('a 文号 that is not confirmed says so wherever it is shown: guides and its document page', async ({ page }) => {
  const partial = documents.filter((d) => d.data.docNumber && d.data.confidence !== 'confirmed');
  expect(partial.length).toBeGreaterThan(0);
  await page.goto('2019/guides/parents/#after-school-care');
  const link = page.locator('section#after-school-care').getByRole('link', { name: '教育部办公厅关于做好中小学生课后服务工作的指导意见' });
  await expect(link.locator('xpath=following-sibling::span[1]')).toContainText('教基一厅〔2017〕2号（待核实：仅见于一处转载）');
  // No guide shows such a number bare.
  for (const g of guides) {
    await page.goto(`${g.data.plan}/guides/${g.id.split('/')[1]}/`);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const d of partial) {
      const at = [...text.matchAll(new RegExp(d.data.docNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))];
      for (const m of at) expect(text.slice(m.index! + m[0].length), `${g.id}: ${d.data.docNumber}`).toMatch(/^（(待核实|部分核实|未查到公开资料)/);
    }
  }
  for (const d of partial) {
    await page.goto(`documents/${d.id}/`);
    await expect(page.locator('.policy-meta div', { hasText: '文号' }).locator('dd')).toHaveText(/（(待核实：|部分核实|未查到公开资料)/);
  }
});

test('a level the reference data does not give is shown as inferred, never as a fact', async ({ page }) => {
  const inferred = documents.filter((d) => d.data.levelInferred);
  expect(inferred.map((d) => d.id).sort()).toEqual(['dierlun-teshu-jiaoyu-tisheng', 'minban-peixun-jigou-guanli-banfa']);
  for (const d of inferred) {
    await page.goto(`documents/${d.id}/`);
    await expect(page.locator('.policy-meta div', { hasText: '层级' }).locator('dd')).toHaveText('县（推断，参考资料中没有此文件）');
  }
  await page.goto('documents/');
  for (const d of inferred) {
    await expect(page.locator('.docs li', { has: page.locator(`a[href$="/documents/${d.id}/"]`) })).toContainText('（层级为本站推断）');
  }
  await expect(page.getByText('（层级为本站推断）')).toHaveCount(inferred.length);
  await page.goto('2019/tasks/5/');
  await expect(page.locator('#documents ~ ul li', { hasText: '第二轮特殊教育三年提升计划' })).toContainText('（层级未知，拟出台）');
});
