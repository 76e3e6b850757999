/**
 * Open data round trip: the files are read back from the built site and compared with what the pages
 * show (counts, ids, quotes) and with the /data/ page (every field documented, no undocumented field).
 */
import { test, expect, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { firstDifference } from '../../src/lib/punctuation';

async function documented(page: Page, table: string): Promise<string[]> {
  return page.locator(`table[data-fields="${table}"] tbody th code`).allTextContents();
}

test('plan.json: the plan with its six parts and every task, verbatim, matching the task index and the full text', async ({ page, request }) => {
  const res = await request.get('data/plan.json');
  expect(res.ok()).toBe(true);
  expect(res.headers()['content-type']).toContain('json');
  const data = await res.json();
  const plan = data.plans.find((p: { year: number }) => p.year === 2019);
  expect(plan.title).toBe('景宁畲族自治县教育局2019年工作思路');
  expect(plan.parts).toHaveLength(6);
  const tasks = [plan.guiding_principles, ...plan.parts.flatMap((p: { tasks: unknown[] }) => p.tasks)];
  expect(tasks.map((t) => t.number)).toEqual(Array.from({ length: 24 }, (_, i) => i));

  await page.goto('2019/tasks/');
  await expect(page.locator('tbody tr')).toHaveCount(tasks.length);

  await page.goto('2019/');
  for (const n of [0, 15, 21]) {
    const shown = await page.locator(`#task-${n} [data-plan-text]`).textContent();
    const difference = firstDifference(tasks[n].text, shown ?? '');
    expect(difference, `task ${n}: ${difference}`).toBeNull();
  }

  await page.goto('data/');
  expect(Object.keys(plan)).toEqual(await documented(page, 'fields-plan'));
  expect(Object.keys(plan.parts[0])).toEqual(await documented(page, 'fields-part'));
  expect(Object.keys(tasks[21])).toEqual(await documented(page, 'fields-task'));
});

test('targets.json and targets.csv: the same targets as the targets page, the CSV readable by Excel', async ({ page, request }) => {
  const json = await (await request.get('data/targets.json')).json();
  const csvRes = await request.get('data/targets.csv');
  const bytes = await csvRes.body();
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark for Excel').toEqual([0xef, 0xbb, 0xbf]);
  const rows: Record<string, string>[] = parse(bytes.toString('utf8'), { bom: true, columns: true });

  await page.goto('2019/targets/');
  const ids = await page.locator('tr[id^="target-"]').evaluateAll((trs) => trs.map((tr) => tr.id.replace(/^target-/, '')));
  expect(ids.length).toBeGreaterThanOrEqual(40);
  expect(json.count).toBe(ids.length);
  expect(json.targets.map((t: { id: string }) => t.id).sort()).toEqual([...ids].sort());
  expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());

  // A row in the CSV says what the page says.
  const row = rows.find((r) => r.id === 't04-public-kindergarten-coverage')!;
  const pageRow = page.locator('#target-t04-public-kindergarten-coverage');
  expect(Number(row.value)).toBe(65);
  expect(row.unit).toBe('%');
  await expect(pageRow.locator('td[data-label="时限"]')).toHaveText(row.deadline_label!);
  await expect(pageRow.locator('td[data-label="状态"] .status strong')).toHaveText(row.status!);
  const care = rows.find((r) => r.id === 't21-after-school-care-start')!;
  expect([care.deadline_year, care.deadline_term, care.deadline_type]).toEqual(['2019', '秋季学期', 'start']);
  // 通过一年的努力 names no year: the year is left empty, the phrase carries the plan's words.
  const quality = rows.find((r) => r.id === 't12-basic-education-quality')!;
  expect([quality.deadline_year, quality.deadline_phrase]).toEqual(['', '通过一年的努力']);
  for (const r of rows) expect(r.quote, r.id).toBe(json.targets.find((t: { id: string }) => t.id === r.id).quote);

  await page.goto('data/');
  const csvFields = await documented(page, 'fields-target-csv');
  expect(Object.keys(rows[0]!)).toEqual(csvFields);
  expect(Object.keys(json.targets[0])).toEqual(await documented(page, 'fields-target-json'));
  expect(await documented(page, 'fields-target-json')).toEqual([...csvFields, 'evidence']);
});

test('documents.json: every document listed on the documents page, unknown facts as null', async ({ page, request }) => {
  const json = await (await request.get('data/documents.json')).json();
  await page.goto('documents/');
  const listed = await page.locator('main ul a[href*="/documents/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.match(/\/documents\/([^/]+)\/$/)![1]));
  expect(json.count).toBe(listed.length);
  expect(json.documents.map((d: { id: string }) => d.id).sort()).toEqual([...listed].sort());
  const local = json.documents.find((d: { id: string }) => d.id === 'shexiang-gaozhiliang');
  expect([local.issuer, local.doc_number, local.date]).toEqual([null, null, null]);
  const related = json.documents.filter((d: { status: string }) => d.status === 'related');
  expect(related.map((d: { id: string }) => d.id).sort()).toEqual(['guoban-xiaowai-peixun', 'kehou-fuwu-zhidao-yijian']);
  const zhunze = json.documents.find((d: { id: string }) => d.id === 'jiaoshi-shixiang-zhunze');
  expect(zhunze.cited_by.map((c: { task_number: number }) => c.task_number)).toEqual([15]);

  await page.goto('data/');
  expect(Object.keys(json.documents[0])).toEqual(await documented(page, 'fields-document'));
  for (const file of ['plan.json', 'targets.json', 'targets.csv', 'documents.json']) {
    await expect(page.getByRole('link', { name: `下载 ${file}`, exact: true })).toHaveAttribute('href', new RegExp(`/data/${file.replace('.', '\\.')}$`));
  }
});
