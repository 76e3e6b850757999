/**
 * One vocabulary and one date style on every page, and counts that say exactly what they count.
 * The page walk reads what a reader sees in a real browser; the counts are computed here from the
 * content files (without Astro) and compared with the sentences the pages print.
 */
import { test, expect, type Page } from '@playwright/test';
import { readCollection } from '../helpers/content';
import { shard, SHARDS, rel } from '../helpers/site';
import { KIND_LABELS } from '../../src/lib/labels';

interface RawTarget { id: string; kind: string; value?: number; deadline?: { year?: number; phrase?: string } }
const tasks = readCollection<{ number: number; targets?: RawTarget[] }>('content/tasks/2019').map((e) => e.data);
const targets = tasks.flatMap((t) => t.targets ?? []);
const measurable = targets.filter((t) => t.value !== undefined || t.deadline !== undefined);

/** The targets without a number or a date, by kind (in the schema's order), as the pages list them; they add up. */
function qualitativeKinds(): string {
  const rest = targets.filter((t) => !measurable.includes(t));
  const kinds = Object.entries(KIND_LABELS).map(([kind, label]) => ({ label, n: rest.filter((t) => t.kind === kind).length })).filter((k) => k.n > 0);
  expect(kinds.reduce((n, k) => n + k.n, 0)).toBe(rest.length);
  return kinds.map((k) => `${k.label}${k.n}项`).join('、');
}

/** What a reader reads on the page, without the citation suggestion (GB/T 7714 writes its date as (YYYY-MM-DD)). */
async function readerText(page: Page) {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('.cite-this, script, style, template').forEach((e) => e.remove());
    return {
      text: body.textContent ?? '',
      title: document.title.split(' | ')[0]!,
      h1: document.querySelector('h1')?.textContent?.trim() ?? '',
      links: [...document.querySelectorAll('main a, footer a')].map((a) => a.textContent!.trim()),
    };
  });
}

for (let i = 0; i < SHARDS; i++) {
  test(`every page: one date style, one word for tasks, no raw paths or file names, one colon in a title (${i + 1}/${SHARDS})`, async ({ page, request, baseURL }) => {
    test.setTimeout(180_000);
    const problems: string[] = [];
    for (const url of await shard(request, baseURL!, i)) {
      await page.goto(url);
      const where = rel(url, baseURL!);
      const r = await readerText(page);
      const iso = r.text.match(/\b\d{4}-\d{2}-\d{2}\b/);
      if (iso) problems.push(`${where}: date ${iso[0]} is not written 2019年3月28日`);
      for (const word of ['feed.xml', 'xgxp']) if (r.text.includes(word)) problems.push(`${where}: shows "${word}"`);
      // The site counts 任务; 重点工作 is only the plan's own section heading (重点工作与举措).
      const mixed = r.text.match(/\d+项重点工作/);
      if (mixed) problems.push(`${where}: counts "${mixed[0]}"; the site calls them 任务`);
      for (const t of [r.title, r.h1]) if ((t.match(/：/g) ?? []).length > 1) problems.push(`${where}: title "${t}" has two colons`);
      for (const l of r.links) if (/^\/[\w\-/.]*$/.test(l)) problems.push(`${where}: a link reads as a raw path "${l}"`);
    }
    expect(problems).toEqual([]);
  });
}

test('targets page: its counts say what they count and match the data', async ({ page }) => {
  await page.goto('2019/targets/');
  const lead = (await page.locator('.lead').first().textContent())!;
  expect(lead).toContain(`本站列出${targets.length}项目标`);
  expect(lead).toContain(`其中${measurable.length}项有数值或时限`);
  // The sub-counts add up to the measurable count (a target with both is counted once).
  const zero = targets.filter((t) => t.kind === 'zero').length;
  const figures = targets.filter((t) => t.value !== undefined).length - zero;
  const dated = targets.filter((t) => t.deadline).length;
  const both = targets.filter((t) => t.value !== undefined && t.deadline).length;
  expect(figures + zero + dated - both).toBe(measurable.length);
  expect(lead).toContain(`写有具体数字的${figures}项、要求为零的${zero}项、写明时限的${dated}项`);
  // 为零 and “五个零” are the plan's words for zero: nothing says the plan wrote no number.
  expect(lead).not.toContain('原文没有数字');
  if (both > 0) expect(lead).toContain(`其中${both}项既有数值又有时限`);
  expect(lead).not.toContain('共有');
  // The rule is stated, and the count of tasks with targets is the data's.
  const rule = page.locator('section:has(h2#selection-rule)');
  await expect(rule).toContainText('点名一项具体工作');
  const withTargets = tasks.filter((t) => t.number > 0 && (t.targets ?? []).length > 0).length;
  await expect(rule.locator('[data-count="tasks-with-targets"]')).toHaveText(String(withTargets));
  expect(lead).toContain(`${targets.length - measurable.length}项没有数值或时限（${qualitativeKinds()}）`);
  expect(lead).not.toContain('可量化或有明确时限的目标');
  // Each section and kind heading counts the rows under it.
  for (const id of ['measurable', 'qualitative']) {
    const section = page.locator('section', { has: page.locator(`h2#${id}`) });
    const rows = await section.locator('tr[id^="target-"]').count();
    await expect(section.locator('h2')).toContainText(`（${rows}项）`);
    expect(rows).toBe(id === 'measurable' ? measurable.length : targets.length - measurable.length);
  }
  // A measurable row shows a number, the plan's word or a date; a qualitative row shows neither.
  for (const row of await page.locator('section:has(h2#qualitative) tr[id^="target-"]').all()) {
    await expect(row.locator('td[data-label="时限"]')).toHaveText('原文未写明');
  }
});

test('targets page: a zero shows the plan\'s word, a direction the plan\'s verb, a theme year its year', async ({ page }) => {
  await page.goto('2019/targets/');
  await expect(page.locator('#target-t22-no-commercial-apps td[data-label="数值"]')).toHaveText('杜绝');
  await expect(page.locator('#target-t13-abnormal-deaths-zero td[data-label="数值"]')).toHaveText('为零');
  await expect(page.locator('#target-t20-myopia-trend td[data-label="数值"]')).toHaveText('逐步扭转');
  await expect(page.locator('#target-t20-daily-exercise-hour td[data-label="数值"]')).toHaveText('确保每天1小时');
  await expect(page.locator('#target-t01-party-building-quality-year td[data-label="类型"]')).toHaveText('主题年');
  await expect(page.locator('#target-t01-party-building-quality-year td[data-label="时限"]')).toHaveText('2019年全年');
  await expect(page.locator('#target-t12-basic-education-quality td[data-label="时限"]')).toHaveText('通过一年的努力');
  // No 时间节点 without a date.
  for (const row of await page.locator('tr[id^="target-"]', { has: page.locator('td[data-label="类型"]', { hasText: /^时间节点$/ }) }).all()) {
    await expect(row.locator('td[data-label="时限"]')).not.toHaveText('原文未写明');
  }
  await expect(page.locator('td[data-label="数值"]', { hasText: /^0$/ })).toHaveCount(0);
});

test('targets page: a status without evidence says the site has not looked; a card has no empty 数值 line', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('2019/targets/');
  const row = page.locator('#target-t17-second-senior-high-school');
  await expect(row.locator('td[data-label="状态"] .status')).toHaveText('未评估：本站尚未收集执行情况');
  await expect(page.locator('body')).not.toContainText('暂无证据');
  await expect(row.locator('td[data-label="数值"]')).toBeHidden();
  await expect(page.locator('#target-t04-public-kindergarten-coverage td[data-label="数值"]')).toBeVisible();
});

test('/changes/ names pages, not paths, and dates in the one style', async ({ page }) => {
  await page.goto('changes/');
  const first = page.locator('ol.changes > li', { hasText: '首次发布' });
  await expect(first.locator('time')).toHaveText('2026年11月29日');
  await expect(first.locator('.paths a').first()).toHaveText(/^2019年工作思路全文$/);
  await expect(first.locator('.paths a', { hasText: '目标与时限' })).toHaveAttribute('href', /\/2019\/targets\/$/);
});

test('home: counts name what they count — cited documents apart from those the plan will issue', async ({ page }) => {
  const docs = readCollection<{ status: string; planTitle: string | null }>('content/documents');
  const listed = new Set(readCollection<{ documents?: string[] }>('content/tasks/2019').flatMap((e) => e.data.documents ?? []));
  const cited = docs.filter((d) => d.data.status === 'cited' && listed.has(d.id)).length;
  const text = readCollection<{ number: number }>('content/tasks/2019').map((e) => e.body).join('\n');
  const promisedTargets = targets.filter((t) => t.kind === 'document-to-issue') as (RawTarget & { quote?: string })[];
  const toIssueDocs = docs.filter((d) => d.data.status === 'to-be-issued' && d.data.planTitle && text.includes(d.data.planTitle));
  const unmatched = toIssueDocs.filter((d) => !promisedTargets.some((t) => (t.quote ?? '').includes(d.data.planTitle!)));
  await page.goto('./');
  const lead = (await page.locator('.lead').first().textContent())!;
  expect(lead).toContain(`${targets.length}项目标中，${measurable.length}项有数值或时限（写有具体数字的`);
  // The rest are said too, and what they are: the two classes make the whole.
  expect(lead).toContain(`，${targets.length - measurable.length}项没有数值或时限（${qualitativeKinds()}）`);
  expect(lead).toContain(`引用的${cited}件文件`);
  expect(lead).toContain(`提出要出台的${promisedTargets.length + unmatched.length}件文件`);
  const headline = page.locator('section:has(#headline)');
  const rows = await headline.locator('tbody tr').count();
  await expect(headline).toContainText(`有数值或时限的${measurable.length}项目标中，按任务顺序的前${rows}项`);
});

test('task index: the table counts tasks as the intro does (指导思想 is not a task)', async ({ page }) => {
  const numbered = tasks.filter((t) => t.number > 0).length;
  await page.goto('2019/tasks/');
  await expect(page.locator('.lead')).toContainText(`${numbered}项任务`);
  await expect(page.locator('caption')).toHaveText(`全部任务（${numbered}项任务，另列指导思想）`);
  await expect(page.locator('table.task-table tbody tr')).toHaveCount(numbered + 1);
});
