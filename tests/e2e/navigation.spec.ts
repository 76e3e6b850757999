import { test, expect } from '@playwright/test';

test('home → task index → task 21 → its related national document → back', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: '景宁畲族自治县教育局2019年工作思路' })).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '任务' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '任务一览' })).toBeVisible();
  await page.getByRole('link', { name: '全面实施小学放学后托管服务' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('21.全面实施小学放学后托管服务');
  await expect(page.getByRole('blockquote')).toContainText('坚持公益性和非营利性原则');
  await expect(page.getByRole('row', { name: /校内托管服务/ })).toContainText('2019年秋季学期起');
  await page.getByRole('link', { name: '教育部办公厅关于做好中小学生课后服务工作的指导意见' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '教育部办公厅关于做好中小学生课后服务工作的指导意见' })).toBeVisible();
  await expect(page.getByText('教基一厅〔2017〕2号（待核实：仅见于一处转载）', { exact: true })).toBeVisible();
  await expect(page.getByText('工作思路没有引用此文件')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('21.全面实施小学放学后托管服务');
});

test('a cited document page lists the citing task with its exact sentence, linked to that sentence', async ({ page }) => {
  await page.goto('2019/tasks/15/');
  await page.getByRole('link', { name: '教师职业行为十项准则' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '教师职业行为十项准则' })).toBeVisible();
  await expect(page.getByText('教师〔2018〕16号', { exact: true })).toBeVisible();
  await expect(page.getByRole('blockquote')).toContainText('依据《教师职业行为十项准则》《教师违反职业道德行为处理办法》，明确师德师风建设底线和红线。');
  await page.getByRole('link', { name: '在全文中查看此句' }).click();
  await expect(page).toHaveURL(/\/2019\/#task-15-s\d+$/);
  const sentence = page.locator('#task-15 .sentence:target');
  await expect(sentence).toBeInViewport();
  await expect(sentence).toHaveText('依据《教师职业行为十项准则》《教师违反职业道德行为处理办法》，明确师德师风建设底线和红线。');
});

test('unknown facts are shown as 未知, never filled in', async ({ page }) => {
  await page.goto('documents/shexiang-gaozhiliang/');
  const facts = page.locator('.policy-meta');
  await expect(facts.getByText('文号').locator('xpath=..')).toContainText('未知');
  await expect(facts.getByText('发文机关').locator('xpath=..')).toContainText('未知');
});

test('task index filters work as plain links (no JavaScript needed)', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('2019/tasks/');
  await expect(page.locator('tbody tr')).toHaveCount(24);
  await page.getByRole('navigation', { name: '筛选任务' }).getByRole('link', { name: '家长' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('任务一览：面向家长');
  await expect(page.getByRole('link', { name: '全面实施小学放学后托管服务' })).toBeVisible();
  await expect(page.getByRole('link', { name: '推进党风廉政建设' })).toHaveCount(0);
  await page.getByRole('navigation', { name: '筛选任务' }).getByRole('link', { name: /（四）/ }).click();
  await expect(page.locator('tbody tr')).toHaveCount(6);
  await context.close();
});

test('targets page defines the status scale and links each target to its sentence', async ({ page }) => {
  await page.goto('2019/targets/');
  await expect(page.getByRole('heading', { name: '状态说明' })).toBeVisible();
  for (const s of ['未评估', '进行中', '已完成', '未完成', '已调整']) await expect(page.locator('.status-scale dt', { hasText: s })).toBeVisible();
  const row = page.locator('#target-t04-public-kindergarten-coverage');
  await expect(row).toContainText('65%以上');
  await expect(row).toContainText('未评估');
  await row.getByRole('link', { name: '见原文' }).click();
  await expect(page).toHaveURL(/#task-4-s\d+$/);
  // The link lands on the sentence that states the target, inside task 4's paragraph.
  await expect(page.locator('#task-4 .sentence:target')).toContainText('65%以上');
});

test('glossary gives the plan\'s own definition where it has one, and only occurrences otherwise', async ({ page }) => {
  await page.goto('2019/terms/');
  const wgl = page.locator('#term-wu-ge-ling');
  await expect(wgl).toContainText('原文解释');
  await expect(wgl).toContainText('重大维稳事件“五个零”发生');
  const xgxp = page.locator('#term-xian-guan-xiao-pin');
  await expect(xgxp).toContainText('原文未作解释');
  await expect(xgxp).toContainText('任务15');
});
