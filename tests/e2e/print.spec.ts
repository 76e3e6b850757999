/**
 * Printing: under emulated print media a page shows its address, the build date labelled as such and
 * a QR code that encodes that address; on screen none of it shows. /2019/print/ carries the whole plan.
 */
import { testSiteUrl } from '../../scripts/lib/test-site.ts';
import { test, expect, type Page } from '@playwright/test';
import { decodeQr } from '../helpers/qr';
import { planBody } from '../../src/lib/seed';
import { firstDifference } from '../../src/lib/punctuation';
import { leadingTaskNumber } from '../../src/lib/vocabulary';
import { seedText } from '../helpers/content';

// The published address the build was made for (astro.config.mjs reads the same settings).
const site = testSiteUrl();
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const published = (path: string) => new URL(`${base}${path}`.replace(/\/+/g, '/'), site).href;

async function expectPrintFooter(page: Page, path: string) {
  const url = published(path);
  const footer = page.locator('.print-footer');
  await expect(footer).toBeVisible();
  await expect(footer).toContainText(`本页地址：${url}`);
  await expect(footer).toContainText(/打印版生成日期：\d{4}年\d{1,2}月\d{1,2}日（本版网页的生成日期，不是打印当天的日期）/);
  const qr = footer.getByRole('img', { name: `本页地址的二维码：${url}` });
  await expect(qr).toBeVisible();
  const box = (await qr.boundingBox())!;
  expect(box.width).toBeGreaterThan(60); // about 2.6 cm: scannable from a notice board
  expect(await decodeQr(page, qr), 'the QR code, read from its pixels, leads to this page’s published address').toBe(url);
}

test('on screen the print footer is hidden', async ({ page }) => {
  await page.goto('2019/tasks/21/');
  await expect(page.locator('.print-footer')).toBeHidden();
});

for (const path of ['2019/print/', '2019/tasks/21/', '2019/guides/parents/', '2019/at-a-glance/', '2019/targets/']) {
  test(`printing ${path} shows its address and a QR code of it, without navigation`, async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto(path);
    await expectPrintFooter(page, path);
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expect(page.getByRole('search')).toBeHidden();
  });
}

test('the print view carries the whole plan, in order', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('2019/print/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('景宁畲族自治县教育局2019年工作思路');
  const paragraphs = await page.locator('.print-plan .para').allTextContents();
  const body = planBody(seedText());
  const taskParagraphs = [body[1]!, ...body.filter((line) => leadingTaskNumber(line) !== null)];
  expect(paragraphs).toHaveLength(taskParagraphs.length);
  const difference = firstDifference(taskParagraphs.join(''), paragraphs.join(''));
  expect(difference, difference ?? '').toBeNull();
  await expect(page.locator('.screen-note')).toBeHidden();
});

test('on paper a link to another site shows its address; a link that is its own address does not repeat it', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('2019/');
  const after = (a: import('@playwright/test').Locator) => a.evaluate((el) => getComputedStyle(el, '::after').content);
  // The plan's source link shows its address as its text already.
  const source = page.locator('main a.address[href^="http"]').first();
  await expect(source).toBeVisible();
  expect(await after(source)).toBe('none');
  // A link to another site with words for text (as evidence sources are: 来源：…) prints its address.
  const link = await page.locator('main').evaluateHandle((main) => {
    const a = document.createElement('a');
    a.href = 'https://www.jingning.gov.cn/art/2019/9/1/art_1229_1.html';
    a.textContent = '来源：www.jingning.gov.cn';
    main.querySelector('p')!.append(a);
    return a;
  });
  expect(await link.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('" (https://www.jingning.gov.cn/art/2019/9/1/art_1229_1.html)"');
  // Links inside the site print as text: the print footer carries the page's address.
  const internal = page.locator('main a[href^="/"]').first();
  expect(await after(internal)).toBe('none');
});
