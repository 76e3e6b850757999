/**
 * Fidelity: the built pages carry the plan's words. Page text is folded (whitespace dropped, the one
 * documented punctuation mapping applied) and compared with the seed from 一、指导思想 to the end of
 * task 23; a failure says where the first difference is.
 */
import { test, expect } from '@playwright/test';
import { planBody } from '../../src/lib/seed';
import { firstDifference } from '../../src/lib/punctuation';
import { leadingTaskNumber } from '../../src/lib/vocabulary';
import { seedText } from '../helpers/content';

const body = planBody(seedText());

test('the full-text page shows every character of the plan, in order', async ({ page }) => {
  await page.goto('2019/');
  const shown = await page.locator('[data-plan-text]').allTextContents();
  const difference = firstDifference(body.join(''), shown.join(''));
  expect(difference, difference ?? '').toBeNull();
});

test('each task page carries its paragraph verbatim', async ({ page }) => {
  const paragraphs = body.filter((line) => leadingTaskNumber(line) !== null);
  expect(paragraphs).toHaveLength(23);
  for (const paragraph of [body[1]!, ...paragraphs]) {
    const n = leadingTaskNumber(paragraph)?.number ?? 0;
    await page.goto(n === 0 ? '2019/guiding-principles/' : `2019/tasks/${n}/`);
    const shown = await page.locator('.original [data-plan-text]').textContent();
    const difference = firstDifference(paragraph, shown ?? '');
    expect(difference, `task ${n}: ${difference}`).toBeNull();
  }
});

test('the full-text page gives every task paragraph an anchor a reader can link to', async ({ page }) => {
  await page.goto('2019/#task-21');
  const paragraph = page.locator('#task-21');
  await expect(paragraph).toContainText('2019年秋季学期开始，条件具备的学校都要开展校内托管服务工作。');
  await expect(paragraph.getByRole('link', { name: '任务21本段链接' })).toHaveAttribute('href', '#task-21');
  for (let n = 0; n <= 23; n++) await expect(page.locator(`#task-${n} [data-plan-text]`)).toHaveCount(1);
});
