/**
 * Without JavaScript, the search page (the one page that needs it) says so and points to the task
 * index and the full text. Every other page is compared with and without JavaScript in the site
 * walk (site-walk.spec.ts).
 */
import { test, expect } from '@playwright/test';

test('no JavaScript: the search page explains itself and links to the task index and full text', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('search/');
  const main = page.getByRole('main');
  await expect(main.getByText('搜索需要浏览器启用 JavaScript')).toBeVisible();
  await expect(main.getByRole('link', { name: '任务一览' }).first()).toBeVisible();
  await expect(main.getByRole('link', { name: '全文' }).first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link')).not.toHaveCount(0);
  await context.close();
});
