/**
 * Change history and citing: every published page shows its 最后更新 date; /changes/ and its Atom
 * feed list the same dated changes; task, document and guide pages suggest a citation with this
 * page's address; the full text carries JSON-LD data (not script) for the plan.
 */
import { testSiteUrl } from '../../scripts/lib/test-site.ts';
import { test, expect } from '@playwright/test';
import { sitePages, rel } from '../helpers/site';

const site = testSiteUrl();
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const published = (path: string) => new URL(`${base}${path}`.replace(/\/+/g, '/'), site).href;

test('every page in the sitemap shows its 最后更新 date', async ({ request, baseURL }) => {
  const pages = await sitePages(request, baseURL!);
  expect(pages.length).toBeGreaterThan(50);
  const missing: string[] = [];
  for (const url of pages) {
    const html = await (await request.get(url)).text();
    if (!/最后更新：<time datetime="\d{4}-\d{2}-\d{2}"/.test(html)) missing.push(rel(url, baseURL!));
  }
  expect(missing).toEqual([]);
});

test('/changes/ and the Atom feed list the same dated changes, newest first, back to the first publication', async ({ page, request }) => {
  await page.goto('changes/');
  const items = page.locator('ol.changes > li');
  // Newest first, so later additions come before it; it is listed once.
  await expect(items.filter({ hasText: '首次发布2019年工作思路' })).toHaveCount(1);
  await expect(items.filter({ hasText: '首次发布' }).locator('time')).toHaveAttribute('datetime', '2026-11-29');
  const count = await items.count();

  // Target status changes are tested with recorded evidence in tests/build/evidence.spec.ts.

  const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  const feed = await request.get(new URL(feedHref!, page.url()).href);
  expect(feed.headers()['content-type']).toMatch(/xml/);
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml.match(/<entry>/g)).toHaveLength(count);
  expect(xml).toContain('首次发布2019年工作思路');
  // The feed is as new as its newest entry.
  const newest = await items.first().locator('time').getAttribute('datetime');
  expect(xml).toMatch(new RegExp(`<updated>${newest}T`));
  // Plain-text titles and summaries are declared as text: a reader never renders them as HTML.
  expect(xml.match(/<title type="text">/g)).toHaveLength(count);
  expect(xml.match(/<summary type="text">/g)?.length).toBe(xml.match(/<summary\b/g)?.length);
  expect(xml).not.toContain('type="html"');
});

for (const [path, expected] of [
  ['2019/tasks/21/', /^景宁畲族自治县教育局\. 景宁畲族自治县教育局2019年工作思路（任务21：全面实施小学放学后托管服务）\[EB\/OL\]\. \(2019-03-28\)\. /],
  ['documents/guoban-xiaowai-peixun/', /^国务院办公厅\. 国务院办公厅关于规范校外培训机构发展的意见（国办发〔2018〕80号）\[EB\/OL\]\. \(2018-08\)\. 本站文件页：/],
  // Never seen online (confidence: not found): cited as [Z], not as an electronic resource.
  ['documents/shexiang-gaozhiliang/', /^发文机关未知\. 关于加快推动畲乡教育高质量发展的若干意见\[Z\]\. \(日期未知\)\. /],
  ['documents/zhongxiaoxue-dangjian/', /^中共中央组织部、中共教育部党组\. 关于加强中小学校党的建设工作的意见\[Z\]\. \(2016-07\)\. /],
  ['2019/guides/parents/', /^景宁畲族自治县教育局2019年工作思路网站\. 家长指南：/],
] as const) {
  test(`${path} suggests how to cite it, with its own address`, async ({ page }) => {
    await page.goto(path);
    const citation = page.locator('.cite-this .citation');
    await expect(citation).toHaveText(expected);
    await expect(citation).toContainText(`${published(path)}.`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', published(path));
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', published(path));
  });
}

test('the full text carries the plan as schema.org JSON-LD, and no script that runs', async ({ page }) => {
  await page.goto('2019/');
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => ({ type: e.getAttribute('type'), src: e.getAttribute('src'), text: e.textContent })));
  expect(scripts.every((s) => s.type === 'application/ld+json' && !s.src), 'only JSON-LD data').toBe(true);
  expect(scripts).toHaveLength(1);
  const ld = JSON.parse(scripts[0]!.text!);
  expect(ld['@context']).toBe('https://schema.org');
  expect(ld.name).toBe('景宁畲族自治县教育局2019年工作思路');
  expect(ld.author).toEqual({ '@type': 'GovernmentOrganization', name: '景宁畲族自治县教育局' });
  expect(ld.datePublished).toBe('2019-03-28');
  expect(ld.url).toBe(published('2019/'));
  expect(ld.hasPart).toHaveLength(24);
  expect(ld.hasPart[21].url).toBe(published('2019/tasks/21/'));
});

test('task paragraphs and targets carry a plain self-link a reader can copy', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('2019/targets/');
  const link = page.locator('#target-t21-after-school-care-start').getByRole('link', { name: /^本条链接/ });
  await expect(link).toHaveAttribute('href', '#target-t21-after-school-care-start');
  await link.click();
  await expect(page).toHaveURL(/#target-t21-after-school-care-start$/);
  await page.goto('2019/');
  await expect(page.locator('#task-13').getByRole('link', { name: /本段链接/ })).toHaveAttribute('href', '#task-13');
  await context.close();
});
