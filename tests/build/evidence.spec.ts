/**
 * Recorded progress, end to end: in a copy of the project, `npm run progress` records evidence on
 * two targets (two entries on one, older first, then one on another); the copy is built and served,
 * and every place evidence appears is checked: the task page, the targets page (row, history and
 * the summary by status), /changes/, the Atom feed, targets.csv and targets.json.
 */
import { test, expect, type Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { copyProject, buildIn, runNode } from '../helpers/project-copy';
import { startPreview, type Preview } from '../../scripts/lib/preview.ts';
import { todayInChina } from '../../src/lib/progress.ts';
import { axeProblems, htmlProblems } from '../helpers/page-checks';
import { join } from 'node:path';

const A = 't04-public-kindergarten-coverage';
const B = 't04-inclusive-kindergarten-coverage';
const SRC1 = 'https://www.jingning.gov.cn/art/2019/9/1/art_1229_1.html';
const SRC2 = 'https://www.jingning.gov.cn/art/2019/12/20/art_1229_2.html';
const SRC3 = 'https://www.lishui.gov.cn/art/2019/11/5/art_3.html';

let server: Preview;
let dir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = copyProject('evidence');
  for (const args of [
    [A, '--status', '进行中', '--date', '2019-09-01', '--source', SRC1, '--note', '全县公办园覆盖面为60%'],
    [A, '--status', '已完成', '--date', '2019-12-20', '--source', SRC2, '--note', '全县公办园覆盖面达到66%'],
    [B, '--status', '进行中', '--date', '2019-11-05', '--source', SRC3],
  ]) {
    const r = runNode(dir, ['scripts/progress.ts', ...args]);
    expect(r.status, r.output).toBe(0);
  }
  const built = buildIn(dir);
  expect(built.status, built.output.slice(-3000)).toBe(0);
  server = await startPreview({ cwd: dir, env: { ...process.env, OUT_DIR: './dist' } });
});
test.afterAll(async () => server?.stop());

/** The status cell of a target's row as a reader sees it. */
async function expectRow(page: Page, path: string) {
  await page.goto(`${server.url}${path}`);
  const row = page.locator(`#target-${A}`);
  const status = row.locator('td[data-label="状态"]');
  await expect(status.locator('.status')).toHaveText('已完成（依据2019年12月20日的资料，来源：www.jingning.gov.cn）');
  await expect(status.locator('.status a')).toHaveAttribute('href', SRC2);
  // The history: every entry, newest first, each with its date, status, note and source.
  await expect(status.locator('.history-label')).toHaveText('证据记录（2条，新的在前）');
  const items = status.locator('.history li');
  await expect(items).toHaveText([
    '2019年12月20日：已完成。全县公办园覆盖面达到66% 来源：www.jingning.gov.cn',
    '2019年9月1日：进行中。全县公办园覆盖面为60% 来源：www.jingning.gov.cn',
  ]);
  await expect(items.nth(0).locator('a')).toHaveAttribute('href', SRC2);
  await expect(items.nth(1).locator('a')).toHaveAttribute('href', SRC1);
  await expect(items.nth(0).locator('time')).toHaveAttribute('datetime', '2019-12-20');

  const other = page.locator(`#target-${B} td[data-label="状态"]`);
  await expect(other.locator('.status')).toHaveText('进行中（依据2019年11月5日的资料，来源：www.lishui.gov.cn）');
  // The page changed when the progress was recorded: its 最后更新 says so (the change entry's date).
  expect(await page.content()).toContain(`最后更新：<time datetime="${todayInChina()}"`);
  // A target without evidence says so.
  await expect(page.locator('tbody tr td[data-label="状态"] .status').filter({ hasText: '未评估' }).first()).toHaveText('未评估：本站尚未收集执行情况');
}

test('the task page shows status, date, source and history', async ({ page }) => {
  await expectRow(page, '2019/tasks/4/');
});

test('the targets page shows the same row and opens with a summary by status computed from the data', async ({ page, request }) => {
  await expectRow(page, '2019/targets/');
  const json = await (await request.get(`${server.url}data/targets.json`)).json();
  const ofYear = json.targets.filter((t: { plan_year: number }) => t.plan_year === 2019);
  const summary = page.locator('.status-summary');
  await expect(summary).toContainText(`本页${ofYear.length}项目标按当前状态统计`);
  await expect(summary.locator('li')).toHaveText([
    `未评估 ${ofYear.length - 2}项`,
    '进行中 1项',
    '已完成 1项',
    '未完成 0项',
    '已调整 0项',
  ]);
  // The summary comes before the tables.
  const order = await page.evaluate(() => {
    const s = document.querySelector('.status-summary')!;
    const t = document.querySelector('table')!;
    return s.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
});

test('/changes/ lists each recorded evidence once, linked to the target and its source', async ({ page }) => {
  await page.goto(`${server.url}changes/`);
  const items = page.locator('ol.changes > li').filter({ hasText: '目标状态' });
  await expect(items).toHaveCount(3);
  const done = items.filter({ hasText: '公办园覆盖面：已完成' });
  await expect(done).toHaveCount(1);
  await expect(done).toContainText('记录了一条2019年12月20日的证据，支持“已完成”：全县公办园覆盖面达到66%。状态由“进行中”改为“已完成”。');
  await expect(done.getByRole('link', { name: '查看这项目标' })).toHaveAttribute('href', `/2019/targets/#target-${A}`);
  await expect(done.getByRole('link', { name: '证据来源' })).toHaveAttribute('href', SRC2);
  await expect(items.filter({ hasText: '普惠性幼儿园覆盖率：进行中' })).toHaveCount(1);
});

test('the Atom feed carries the same entries', async ({ request }) => {
  const xml = await (await request.get(`${server.url}changes/feed.xml`)).text();
  const titles = [...xml.matchAll(/<title type="[^"]*"><!\[CDATA\[(.*?)\]\]><\/title>|<title>(.*?)<\/title>/g)].map((m) => m[1] ?? m[2]);
  expect(titles.filter((t) => t!.includes('目标状态'))).toHaveLength(3);
  expect(xml).toContain('公办园覆盖面：已完成');
  expect(xml).toContain(`/2019/targets/#target-${A}`);
  expect(xml).toContain('记录了一条2019年12月20日的证据');
});

test('targets.csv and targets.json carry status, date and every evidence entry', async ({ request }) => {
  const csv = parseCsv((await (await request.get(`${server.url}data/targets.csv`)).text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  const rowA = csv.find((r) => r.id === A)!;
  expect([rowA.status, rowA.status_date, rowA.evidence_count]).toEqual(['已完成', '2019-12-20', '2']);
  const rowB = csv.find((r) => r.id === B)!;
  expect([rowB.status, rowB.status_date, rowB.evidence_count]).toEqual(['进行中', '2019-11-05', '1']);

  const json = await (await request.get(`${server.url}data/targets.json`)).json();
  const a = json.targets.find((t: { id: string }) => t.id === A);
  expect(a.status).toBe('已完成');
  expect(a.evidence).toEqual([
    { date: '2019-09-01', status: '进行中', source: SRC1, note: '全县公办园覆盖面为60%' },
    { date: '2019-12-20', status: '已完成', source: SRC2, note: '全县公办园覆盖面达到66%' },
  ]);
  const b = json.targets.find((t: { id: string }) => t.id === B);
  expect(b.evidence).toEqual([{ date: '2019-11-05', status: '进行中', source: SRC3, note: null }]);
});

test('the pages with evidence pass axe (light and dark) and html-validate', async ({ page }) => {
  test.setTimeout(120_000);
  const pages = ['2019/tasks/4/', '2019/targets/', 'changes/'];
  expect(await axeProblems(page, pages.map((p) => `${server.url}${p}`))).toEqual([]);
  expect(await htmlProblems(join(dir, 'dist'), pages.map((p) => `${p}index.html`))).toEqual([]);
});
