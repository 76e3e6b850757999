/**
 * Any plan, any year: three small test plans (TEST DATA, never published) are written into a copy of
 * the project beside 2019 and built —
 *   2020 工作思路 laid out like 2019 (一、指导思想 / 二、重点工作与举措 with (一)(二)), parts placed by default;
 *   2021 工作要点 laid out 一、总体要求 / 二、重点任务 with （一）…（四） and numbered tasks / 三、保障措施 with
 *        its own numbered items and no parts, parts placed explicitly (`section`);
 *   2022 without 指导思想, its 一、 二、 sections themselves grouping the tasks, and an unnumbered 三、保障措施.
 * Each plan's full-text page shows every heading in order and every character of its own seed; its
 * pages carry its own year, title and date in <title>, header, footer and citations; the feed and the
 * data files carry each plan's title and date; and no other year's page shows 2019.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, buildIn } from '../helpers/project-copy';
import { writeFixturePlan, visibleText, type FixturePlan } from '../helpers/fixture-plan';
import { contentLines } from '../../src/lib/seed';
import { firstDifference, foldForComparison } from '../../src/lib/punctuation';
import { TEST_SITE_URL } from '../../scripts/lib/test-site.ts';
import { startPreview } from '../../scripts/lib/preview.ts';
import { axeProblems, htmlProblems } from '../helpers/page-checks';

const ISSUER = '测试县教育局';

const PLAN_2020: FixturePlan = {
  year: 2020,
  title: '测试用：测试县教育局2020年工作思路（测试数据，非真实文件）',
  issuer: ISSUER,
  published: '2020-04-02',
  sourceUrl: 'https://test-source.test/plans/2020',
  seed: `您现在的位置:测试网站 >> 测试栏目>> 正文内容

测试用：测试县教育局2020年工作思路（测试数据，非真实文件）

文章来源: 发布时间:2020年04月02日

  一、指导思想

  测试数据：以测试为指导，检验第二个年度的全文页。

  二、重点工作与举措

  (一)测试党建部分,检验部分标题

  1.测试党建任务。测试数据：开展测试学习活动。

  2.测试廉政任务。测试数据：签订测试责任书。

  (二)测试民生部分

  3.测试托管任务。测试数据：秋季学期开始测试托管服务。

[打印文章] [添加收藏]
`,
  sections: [{ heading: '一、指导思想', id: 'guiding-principles' }, { heading: '二、重点工作与举措', id: 'key-tasks' }],
  parts: [
    { number: 1, label: '(一)', title: '测试党建部分,检验部分标题', short: '测试党建' },
    { number: 2, label: '(二)', title: '测试民生部分', short: '测试民生' },
  ],
  tasks: [
    { number: 0, part: null, title: '指导思想', text: '测试数据：以测试为指导，检验第二个年度的全文页。' },
    { number: 1, part: 1, title: '测试党建任务', text: '1.测试党建任务。测试数据：开展测试学习活动。' },
    { number: 2, part: 1, title: '测试廉政任务', text: '2.测试廉政任务。测试数据：签订测试责任书。' },
    { number: 3, part: 2, title: '测试托管任务', text: '3.测试托管任务。测试数据：秋季学期开始测试托管服务。' },
  ],
};

const PLAN_2021: FixturePlan = {
  year: 2021,
  title: '测试用：测试县教育局2021年工作要点（测试数据，非真实文件）',
  issuer: ISSUER,
  published: '2021-02-26',
  sourceUrl: 'https://test-source.test/plans/2021',
  seed: `测试用：测试县教育局2021年工作要点（测试数据，非真实文件）
发布时间：2021年02月26日

一、总体要求
测试数据：以质量为核心，推进教育优质均衡发展。
二、重点任务
（一）加强党的建设
1.强化政治引领。测试数据：开展主题学习活动。
2.推进清廉学校建设。测试数据：建成清廉学校示范点。
（二）推进教育公平
3.扩大学前教育资源。测试数据：按照《测试县学前教育布局规划》新建幼儿园一所。
（三）提升教育质量
4.深化课堂改革。测试数据：开展课堂教学评比。
5.加强体育工作。测试数据：确保学生每天锻炼一小时。
（四）优化教育治理
6.推进依法治校。测试数据：完善学校章程，落实《中小学德育工作指南》。
三、保障措施
1.加强组织领导。测试数据：明确责任分工。
2.强化经费保障。测试数据：落实经费投入。
3.严格督查考核。测试数据：开展专项督查。
[打印文章]
`,
  sections: [
    { heading: '一、总体要求', id: 'general-requirements' },
    { heading: '二、重点任务', id: 'key-tasks' },
    { heading: '三、保障措施', id: 'safeguards', paragraphs: ['1.加强组织领导。测试数据：明确责任分工。', '2.强化经费保障。测试数据：落实经费投入。', '3.严格督查考核。测试数据：开展专项督查。'] },
  ],
  parts: [
    { number: 1, label: '（一）', title: '加强党的建设', short: '党的建设', section: 'key-tasks' },
    { number: 2, label: '（二）', title: '推进教育公平', short: '教育公平', section: 'key-tasks' },
    { number: 3, label: '（三）', title: '提升教育质量', short: '教育质量', section: 'key-tasks' },
    { number: 4, label: '（四）', title: '优化教育治理', short: '教育治理', section: 'key-tasks' },
  ],
  tasks: [
    { number: 0, part: null, title: '总体要求', text: '测试数据：以质量为核心，推进教育优质均衡发展。' },
    { number: 1, part: 1, title: '强化政治引领', text: '1.强化政治引领。测试数据：开展主题学习活动。' },
    { number: 2, part: 1, title: '推进清廉学校建设', text: '2.推进清廉学校建设。测试数据：建成清廉学校示范点。' },
    { number: 3, part: 2, title: '扩大学前教育资源', text: '3.扩大学前教育资源。测试数据：按照《测试县学前教育布局规划》新建幼儿园一所。', documents: ['test-xueqian-buju'] },
    { number: 4, part: 3, title: '深化课堂改革', text: '4.深化课堂改革。测试数据：开展课堂教学评比。' },
    { number: 5, part: 3, title: '加强体育工作', text: '5.加强体育工作。测试数据：确保学生每天锻炼一小时。' },
    { number: 6, part: 4, title: '推进依法治校', text: '6.推进依法治校。测试数据：完善学校章程，落实《中小学德育工作指南》。', documents: ['deyu-gongzuo-zhinan'] },
  ],
};

const PLAN_2022: FixturePlan = {
  year: 2022,
  title: '测试用：测试县教育局2022年工作要点（测试数据，非真实文件）',
  issuer: ISSUER,
  published: '2022-03-01',
  sourceUrl: 'https://test-source.test/plans/2022',
  seed: `测试用：测试县教育局2022年工作要点（测试数据，非真实文件）
发布时间：2022-03-01

一、坚持立德树人，加强德育工作

1.开展主题教育。测试数据。

2.建设文明校园。测试数据。

二、聚焦教育公平，优化资源配置

3.推进学校建设。测试数据。

三、保障措施

测试数据：这一节没有编号的任务。
`,
  sections: [
    { heading: '一、坚持立德树人，加强德育工作', id: 'section-1' },
    { heading: '二、聚焦教育公平，优化资源配置', id: 'section-2' },
    { heading: '三、保障措施', id: 'safeguards', paragraphs: ['测试数据：这一节没有编号的任务。'] },
  ],
  // As the importer writes a plan without (一) headings: each 一、 section that holds tasks is a part.
  parts: [
    { number: 1, label: '一、', title: '坚持立德树人，加强德育工作', short: '德育工作' },
    { number: 2, label: '二、', title: '聚焦教育公平，优化资源配置', short: '资源配置' },
  ],
  tasks: [
    { number: 1, part: 1, title: '开展主题教育', text: '1.开展主题教育。测试数据。' },
    { number: 2, part: 1, title: '建设文明校园', text: '2.建设文明校园。测试数据。' },
    { number: 3, part: 2, title: '推进学校建设', text: '3.推进学校建设。测试数据。' },
  ],
};

const TEST_DOCUMENT = `---
planTitle: "《测试县学前教育布局规划》"
displayTitle: "测试县学前教育布局规划"
officialTitle: null
issuer: null
docNumber: null
date: null
level: county
status: cited
confidence: not found
note: "测试数据，非真实文件。"
updated: "2021-02-26"
---
`;

const TEST_GUIDE = `---
plan: "2021"
audience: 公众
title: 公众查阅指南
description: 测试数据：新建幼儿园依据什么文件。
questions:
  - id: test-kindergarten-basis
    question: 测试数据：新建幼儿园依据什么文件？
cites: ["2021/03"]
updated: "2021-02-26"
---

<Answer id="test-kindergarten-basis">

测试数据：依据<DocLink id="test-xueqian-buju" />。

<PlanQuote task={3} text="测试数据：按照《测试县学前教育布局规划》新建幼儿园一所。" />

</Answer>
`;

const PLANS = [PLAN_2020, PLAN_2021, PLAN_2022];
/** The site's name with these plans beside 2019 (src/lib/site.ts: the years and kinds; issuers differ). */
const SITE_NAME = '2019—2022年工作思路、工作要点';
/** Where task 1 sits in each outline, as its page should say. */
const KICKER_1: Record<number, string> = {
  2020: '二、重点工作与举措 › (一)测试党建部分,检验部分标题',
  2021: '二、重点任务 › （一）加强党的建设',
  2022: '一、坚持立德树人，加强德育工作',
};

/** The plan body as published: from the first 一、 heading to the end, without the [打印文章] links. */
function seedBody(seed: string): string[] {
  const lines = contentLines(seed);
  const start = lines.findIndex((l) => /^一、/.test(l));
  const end = lines.findIndex((l) => l.startsWith('[打印文章]'));
  return lines.slice(start, end < 0 ? undefined : end);
}
const isHeading = (line: string) => /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(line);
const longDate = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return `${y}年${m}月${d}日`; };
const shortName = (p: FixturePlan) => p.title.match(/\d{4}年[^（(，,]*?(工作思路|工作要点)/)![0];
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, ''));

let dir: string;
const page = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
const file = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(300_000);
  dir = copyProject('fixture-plans');
  for (const plan of PLANS) writeFixturePlan(dir, plan);
  // A document only the 2021 工作要点 cites, and a 2021 guide that links it (DocLink), for the wording test.
  writeFileSync(join(dir, 'content/documents/test-xueqian-buju.mdx'), TEST_DOCUMENT);
  mkdirSync(join(dir, 'content/guides/2021'), { recursive: true });
  writeFileSync(join(dir, 'content/guides/2021/public.mdx'), TEST_GUIDE);
  const built = buildIn(dir, { SITE_URL: TEST_SITE_URL });
  expect(built.status, built.output.slice(-4000)).toBe(0);
});

for (const plan of PLANS) {
  test(`${plan.year}: the full-text page shows every heading in order and every character of its own seed`, () => {
    const html = page(String(plan.year));
    const article = html.slice(html.indexOf('<article class="full-text"'), html.indexOf('</article>'));
    const body = seedBody(plan.seed);
    const headings = [...article.matchAll(/<h[23]\b[^>]*>([\s\S]*?)<\/h[23]>/g)].map((m) => foldForComparison(textOf(m[1]!)));
    expect(headings).toEqual(body.filter(isHeading).map(foldForComparison));
    const shown = [...article.matchAll(/<(p|span)\b[^>]*\bdata-plan-text\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => textOf(m[2]!));
    const difference = firstDifference(body.join(''), shown.join(''));
    expect(difference, difference ?? '').toBeNull();
  });

  test(`${plan.year}: title, header, footer and citation carry the plan's own year, title and date`, () => {
    const name = shortName(plan);
    for (const path of [`${plan.year}`, `${plan.year}/tasks`, `${plan.year}/tasks/1`, `${plan.year}/print`]) {
      const html = page(path);
      const title = textOf(html.match(/<title>([\s\S]*?)<\/title>/)![1]!);
      expect(title, path).toContain(name);
      expect(textOf(html.match(/<span class="plan-name"[^>]*>([\s\S]*?)<\/span>/)![1]!), path).toBe(name);
      expect(textOf(html.match(/<span class="issuer"[^>]*>([\s\S]*?)<\/span>/)![1]!), path).toBe(plan.issuer);
      const footer = visibleText(html.slice(html.indexOf('<footer')));
      expect(footer, path).toContain(`${plan.issuer}《${plan.title}》，${longDate(plan.published)}发布于测试网站 › 测试栏目`);
      for (const text of [title, footer]) expect(text, path).not.toContain('2019');
    }
    const citation = textOf(page(`${plan.year}/tasks/1`).match(/<span class="citation"[^>]*>([\s\S]*?)<\/span>/)![1]!);
    expect(citation).toContain(`${plan.issuer}. ${plan.title}（任务1：`);
    expect(citation).toContain(`(${plan.published}). ${TEST_SITE_URL}/${plan.year}/tasks/1/.`);
    // The task page places the task in its own outline.
    const kicker = textOf(page(`${plan.year}/tasks/1`).match(/<p class="kicker"[^>]*>([\s\S]*?)<\/p>/)![1]!);
    expect(foldForComparison(kicker)).toBe(foldForComparison(KICKER_1[plan.year]!));
  });

  test(`${plan.year}: the feed and plan.json carry the plan's title and date`, () => {
    const feed = file('changes/feed.xml');
    expect(feed).toContain(plan.title);
    expect(feed).toContain(longDate(plan.published));
    const json = JSON.parse(file('data/plan.json')) as { plans: { year: number; title: string; published: string; short_title: string; sections: { heading: string; paragraphs: string[]; task_numbers: number[] }[]; parts: { tasks: unknown[] }[]; guiding_principles: unknown }[] };
    const record = json.plans.find((p) => p.year === plan.year)!;
    expect(record.title).toBe(plan.title);
    expect(record.published).toBe(plan.published);
    expect(record.short_title).toBe(shortName(plan));
    expect(record.sections.map((s) => s.heading)).toEqual(plan.sections.map((s) => s.heading));
    expect(record.sections.map((s) => s.paragraphs)).toEqual(plan.sections.map((s) => s.paragraphs ?? []));
    expect(record.parts.flatMap((p) => p.tasks)).toHaveLength(plan.tasks.filter((t) => t.number > 0).length);
    expect(record.guiding_principles === null).toBe(!plan.tasks.some((t) => t.number === 0));
  });

  test(`${plan.year}: no page of the plan shows 2019 or the 2019 plan's date`, () => {
    const offenders: string[] = [];
    const walk = (rel: string) => {
      for (const e of readdirSync(join(dir, 'dist', rel), { withFileTypes: true })) {
        const r = `${rel}/${e.name}`;
        if (e.isDirectory()) walk(r);
        else if (e.name.endsWith('.html')) {
          // Links to the year-over-year comparison name both years by design, and so does the site's own
          // name where the site is the author (a guide's citation); everything else is this plan's.
          const html = file(r).replace(/<(nav|aside|section)\b[^>]*class="[^"]*compare[^"]*"[\s\S]*?<\/\1>/g, '');
          const text = visibleText(html).replaceAll(`${SITE_NAME}网站`, '');
          for (const bad of ['2019', '3月28日']) if (text.includes(bad)) offenders.push(`${r}: …${text.slice(Math.max(0, text.indexOf(bad) - 30), text.indexOf(bad) + 30)}…`);
        }
      }
    };
    walk(String(plan.year));
    expect(offenders).toEqual([]);
  });
}

/** What 一图读懂 says of each plan's layout, read from its own outline: never 2019's. */
const GLANCE_LAYOUT: Record<number, { lead: string; parts: string }> = {
  2020: { lead: '正文依次是“一、指导思想”和“二、重点工作与举措”（分2个部分、3项任务）', parts: '重点工作与举措分2个部分、3项任务' },
  2021: { lead: '正文依次是“一、总体要求”、“二、重点任务”（分4个部分、6项任务）和“三、保障措施”', parts: '重点任务分4个部分、6项任务' },
  // Its sections are its parts: no section is said to be divided into parts.
  2022: { lead: '正文依次是“一、坚持立德树人，加强德育工作”（2项任务）、“二、聚焦教育公平，优化资源配置”（1项任务）和“三、保障措施”', parts: '第一、二部分共3项任务' },
};

test('一图读懂 names each plan\'s own sections and how its tasks are divided', () => {
  for (const plan of PLANS) {
    const html = page(`${plan.year}/at-a-glance`);
    const lead = textOf(html.match(/<p class="lead"[^>]*>([\s\S]*?)<\/p>/)![1]!);
    expect(lead, `${plan.year}`).toContain(GLANCE_LAYOUT[plan.year]!.lead);
    expect(textOf(html.match(/<title id="parts-picture-title">([\s\S]*?)<\/title>/)![1]!), `${plan.year}`).toBe(GLANCE_LAYOUT[plan.year]!.parts);
  }
});

test('a document cited by 2019 and 2021 is filed under each plan\'s own part names in search', () => {
  const html = page('documents/deyu-gongzuo-zhinan');
  const parts = [...html.matchAll(/data-pagefind-filter="part\[data-value\]" data-value="([^"]+)"/g)].map((m) => decode(m[1]!));
  expect(parts).toContain('（四）教育治理'); // 2021 task 6
  expect(parts).toContain('（三）教育质量'); // 2019 task 8
  const years = [...html.matchAll(/data-pagefind-filter="year\[data-value\]" data-value="([^"]+)"/g)].map((m) => m[1]);
  expect(years.sort()).toEqual(['2019', '2021']);
});

test('the 2021 工作要点 is called a 工作要点: its task, 一图读懂 and guide pages and a document only it cites never say 工作思路', () => {
  for (const path of ['2021/tasks/3', '2021/tasks/6', '2021/at-a-glance', '2021/guides/public', 'documents/test-xueqian-buju']) {
    // The whole page, <title>, description and search metadata included, but the site's own name (in a
    // site-wide page's <title>, and as a guide's author) and a site-wide page's footer (it cites every
    // plan), which span the plans by design.
    const whole = page(path);
    const html = (path.startsWith('documents/') ? whole.slice(0, whole.indexOf('<footer')) : whole).replaceAll(SITE_NAME, '');
    const at = html.indexOf('工作思路');
    expect(at, `${path}: …${textOf(html.slice(Math.max(0, at - 120), at + 40))}…`).toBe(-1);
    expect(visibleText(html), path).toContain('工作要点');
  }
  // The guide's own explanation and its document link name the plan's kind.
  expect(visibleText(page('2021/guides/public'))).toContain('工作要点没有写的');
  expect(visibleText(page('2021/guides/public'))).toContain('（工作要点引用的县级文件）');
  expect(visibleText(page('documents/test-xueqian-buju'))).toContain('与工作要点的关系 工作要点引用');
});

test('pages spanning plans name every kind the plans carry: a document cited by the 2019 工作思路 and the 2021 工作要点, search and /data/', () => {
  expect(visibleText(page('documents/deyu-gongzuo-zhinan'))).toContain('工作思路、工作要点引用');
  expect(visibleText(page('documents'))).toContain('测试县学前教育布局规划 工作要点引用');
  expect(visibleText(page('search'))).toContain('搜索工作思路、工作要点');
  expect(visibleText(page('data'))).toContain('工作思路、工作要点（plans[] 中的每一项）');
});

test('the 2021 工作要点: 三、保障措施 shows its own numbered items after the tasks, each linkable', () => {
  const html = page('2021');
  const at = (s: string) => html.indexOf(s);
  expect(at('id="safeguards"')).toBeGreaterThan(at('id="task-6"'));
  for (const n of [1, 2, 3]) expect(html).toContain(`id="safeguards-${n}"`);
  expect(at('id="safeguards-1"')).toBeLessThan(at('id="safeguards-3"'));
});

test('the new layouts pass the site checks: html-validate and axe (light and dark) on their pages', async ({ page }) => {
  test.setTimeout(180_000);
  const paths = PLANS.flatMap((p) => [`${p.year}/`, `${p.year}/tasks/`, `${p.year}/tasks/1/`, `${p.year}/print/`]);
  expect(await htmlProblems(join(dir, 'dist'), ['index.html', ...paths.map((p) => `${p}index.html`)])).toEqual([]);
  const server = await startPreview({ cwd: dir, env: { ...process.env, OUT_DIR: './dist' } });
  try {
    expect(await axeProblems(page, [server.url, ...paths.filter((p) => !p.includes('/tasks/')).map((p) => `${server.url}${p}`)])).toEqual([]);
  } finally {
    await server.stop();
  }
});
