/**
 * The documents page as a reader sees it: the five documents the plan promises are all marked
 * 拟出台, each line says where the plan mentions it in words (no bare count that reads as part of
 * the tag), and the party group's heading is true of the 意见 in it.
 */
import { test, expect } from '@playwright/test';

test('documents: five 拟出台, each line names the task that mentions it, party group is 党内文件', async ({ page }) => {
  await page.goto('documents/');
  const items = page.locator('main ul.docs > li');
  const toIssue = items.filter({ has: page.locator('.tag', { hasText: /^拟出台$/ }) });
  await expect(toIssue).toHaveCount(5);
  for (const name of ['提高初中教学质量的若干意见', '第二轮特殊教育三年提升计划', '景宁县智慧教育五年行动规划', '关于进一步健全教育技术装备管理应用工作的意见', '加强民办教育培训机构设置和管理办法']) {
    await expect(toIssue.filter({ hasText: name })).toHaveCount(1);
  }
  await expect(toIssue.filter({ hasText: '第二轮特殊教育三年提升计划' })).toContainText('见任务5');
  await expect(page.locator('main')).not.toContainText(/被\d+项任务引用/);
  await expect(items.filter({ hasText: '教师职业行为十项准则' }).locator('.tag')).toHaveText('工作思路引用');
  await expect(page.getByRole('heading', { level: 2, name: /^党内文件（\d+）$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /党内法规/ })).toHaveCount(0);
  await expect(page.locator('main')).toContainText('浙江省教育信息化三年行动计划（2018—2020年）');
});
