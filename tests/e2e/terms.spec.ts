/**
 * Terms as a reader meets them: a term links only where it means what its entry means (法治进校园活动
 * in task 18 is not the 进校园活动 task 22 clears out), and the glossary does not claim the plan
 * coined terms that are national.
 */
import { test, expect } from '@playwright/test';

test('terms: 进校园活动 links in task 22 and not inside 法治进校园活动 (task 18); the glossary lists only task 22', async ({ page }) => {
  await page.goto('2019/tasks/18/');
  await expect(page.locator('main')).toContainText('法治进校园活动');
  await expect(page.locator('main a[href*="jin-xiaoyuan-huodong"]')).toHaveCount(0);
  await page.goto('2019/tasks/22/');
  await expect(page.locator('main a[href*="jin-xiaoyuan-huodong"]').first()).toHaveText('“进校园”活动');

  await page.goto('2019/terms/');
  const entry = page.locator('.term', { has: page.locator('dt', { hasText: /^进校园活动$/ }) });
  await expect(entry).toContainText('任务22');
  await expect(entry).not.toContainText('任务18');
  // 德育“一岗双责” has its own entry; the party-discipline 一岗双责 lists only task 2.
  const duty = page.locator('.term', { has: page.locator('dt', { hasText: /^一岗双责$/ }) });
  await expect(duty).toContainText('任务2');
  await expect(duty).not.toContainText('任务8');
  await expect(page.locator('.term', { has: page.locator('dt', { hasText: '德育' }) })).toContainText('任务8');
});

test('terms: the glossary says only what is true — terms as the plan uses them, no claim about where they come from', async ({ page }) => {
  await page.goto('2019/terms/');
  await expect(page.locator('.lead')).toContainText('按工作思路原文的用法收录');
  // Several terms are local (小县大教, 畲乡名师培养工程): nothing supports "mostly national or general".
  for (const claim of [/大多是国家/, /上级通用/, /自创或加引号/]) {
    await expect(page.locator('main')).not.toContainText(claim);
    await expect(page.locator('meta[name="description"]')).not.toHaveAttribute('content', claim);
  }
});
