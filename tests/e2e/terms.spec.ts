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

test('terms: the glossary says what it is — most terms are not coined by the plan', async ({ page }) => {
  await page.goto('2019/terms/');
  await expect(page.locator('.lead')).toContainText('不是工作思路自创的');
  await expect(page.locator('meta[name="description"]')).not.toHaveAttribute('content', /自创或加引号/);
});
