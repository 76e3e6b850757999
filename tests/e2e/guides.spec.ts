/**
 * The guides as a reader uses them: pick a question, read the answer, follow the source link to the
 * paragraph it rests on. Questions and quotes are read from content/guides, so every question of
 * every guide is walked.
 */
import { test, expect } from '@playwright/test';
import { readCollection } from '../helpers/content';
import { planQuotes } from '../../src/lib/guide-check';
import { toDisplayPunctuation } from '../../src/lib/punctuation';
import { describeDeadline } from '../../src/lib/labels';

const guides = readCollection<any>('content/guides');
/** A quote's words up to the end of its first sentence. */
const firstSentence = (quote: string) => quote.trim().replace(/。[\s\S]*$/, '。');

for (const guide of guides) {
  const slug = guide.id.split('/')[1];
  test(`${guide.data.title}: every question leads to an answer whose source link lands on the quoted sentence`, async ({ page }) => {
    const url = `${guide.data.plan}/guides/${slug}/`;
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(guide.data.title);
    const quotes = planQuotes(guide.body).quotes;
    for (const q of guide.data.questions as { id: string; question: string }[]) {
      await page.getByRole('navigation', { name: '本指南回答的问题' }).getByRole('link', { name: q.question }).click();
      await expect(page).toHaveURL(new RegExp(`#${q.id}$`));
      const answer = page.locator(`section#${q.id}`);
      await expect(answer.getByRole('heading', { level: 2 })).toHaveText(q.question);
      await expect(answer).toBeInViewport();

      const own = quotes.filter((x) => x.answer === q.id);
      for (const quote of own) {
        const figure = answer.locator(`figure[data-task="${quote.task}"]`).filter({ hasText: toDisplayPunctuation(quote.text) });
        await expect(figure, `${q.id}: quote of task ${quote.task}`).toHaveCount(1);
        await expect(figure.getByRole('link')).toHaveAttribute('href', new RegExp(`/${guide.data.plan}/#task-${quote.task}-s\\d+$`));
      }
      if (own.length === 0) continue; // answered by a generated list (timeline, promised documents)
      const first = own[0]!;
      await answer.locator(`figure[data-task="${first.task}"]`).first().getByRole('link', { name: `工作思路${first.task === 0 ? '指导思想' : `任务${first.task}`}原文` }).click();
      await expect(page).toHaveURL(new RegExp(`/${guide.data.plan}/#task-${first.task}-s\\d+$`));
      // The link lands on the one sentence where the quote starts, inside the task's paragraph.
      const sentence = page.locator(`#task-${first.task} .sentence:target`);
      await expect(sentence).toBeInViewport();
      await expect(sentence).toContainText(firstSentence(toDisplayPunctuation(first.text)));
      await expect(page.locator(`#task-${first.task}`)).toContainText(toDisplayPunctuation(first.text));
      await page.goBack();
    }
  });
}

test('home page entry points lead to the three guides', async ({ page }) => {
  // The entry points are the latest plan's guides, named by their titles.
  for (const title of ['家长指南', '教师指南', '公众查阅指南']) {
    await page.goto('./');
    await page.getByRole('region', { name: '从这里开始' }).getByRole('link', { name: title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }
});

test('parents: after-school care — start date and principle from the plan, no fee, the national document labelled as outside the plan', async ({ page }) => {
  await page.goto('2019/guides/parents/#after-school-care');
  const answer = page.locator('section#after-school-care');
  await expect(answer).toContainText('2019年秋季学期开始，条件具备的学校都要开展校内托管服务工作。');
  await expect(answer).toContainText('坚持公益性和非营利性原则');
  await expect(answer).toContainText('没有写是否收费，也没有写收费标准');
  const national = answer.getByRole('link', { name: '教育部办公厅关于做好中小学生课后服务工作的指导意见' });
  await expect(national.locator('xpath=following-sibling::span[1]')).toContainText('不属于工作思路');
  await national.click();
  await expect(page.getByText('工作思路没有引用此文件')).toBeVisible();
});

test('parents: reporting paid lessons — the plan gives no phone number or address, and the guide says so', async ({ page }) => {
  await page.goto('2019/guides/parents/#tutoring-and-paid-lessons');
  const answer = page.locator('section#tutoring-and-paid-lessons');
  await expect(answer).toContainText('严肃有偿补课举报受理和违规查处');
  await expect(answer).toContainText('没有写举报电话、地址或网址');
  await expect(answer.getByRole('link', { name: '国务院办公厅关于规范校外培训机构发展的意见' }).locator('xpath=following-sibling::span[1]')).toContainText('国办发〔2018〕80号；相关国家文件，不属于工作思路');
  await expect(answer.getByText(/\d{3,4}-?\d{7,8}/)).toHaveCount(0);
});

test('teachers: each document that applies links to its page', async ({ page }) => {
  await page.goto('2019/guides/teachers/#ethics-and-paid-lessons');
  const answer = page.locator('section#ethics-and-paid-lessons');
  await answer.getByRole('link', { name: '教师职业行为十项准则' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '教师职业行为十项准则' })).toBeVisible();
  await expect(page.getByText('教师〔2018〕16号', { exact: true })).toBeVisible();
});

test('public: the timeline lists every dated target of the targets page, in date order', async ({ page }) => {
  await page.goto('2019/targets/');
  const rows = page.locator('tr[id^="target-"]');
  const dated: string[] = [];
  for (const row of await rows.all()) {
    const deadline = (await row.locator('td[data-label="时限"]').textContent())!.trim();
    if (deadline !== describeDeadline(undefined)) dated.push((await row.getAttribute('id'))!.replace(/^target-/, ''));
  }
  expect(dated.length).toBeGreaterThan(5);

  await page.goto('2019/guides/public/#timeline');
  const timeline = page.locator('section#timeline .timeline');
  const items = page.locator('section#timeline li[data-target]');
  expect((await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-target')))).sort()).toEqual(dated.sort());
  const headings = await timeline.locator('h3').allTextContents();
  // Under the year headings only what names a year; 通过一年的努力 names none and is listed apart, labelled so.
  expect(headings).toEqual(['2019年全年', '2019年秋季学期起', '2019年内', '2020年内']);
  const phrased = page.locator('section#timeline section.phrase-only');
  await expect(phrased.locator('h3')).toHaveText(/^原文只写“通过一年的努力”、没有写年份的\d+项目标$/);
  await expect(phrased.locator('li[data-target="t12-basic-education-quality"]')).toBeVisible();
  await expect(timeline.locator('li[data-target^="t12-"]')).toHaveCount(0);
  await expect(page.locator('section#timeline')).toContainText('没有写年份的几项另列在后面');
  await expect(timeline.locator('li', { has: page.locator('h3', { hasText: '2019年秋季学期起' }) })).toContainText('条件具备的学校开展校内托管服务');
  await expect(timeline.locator('li', { has: page.locator('h3', { hasText: '2020年内' }) })).toContainText('教育现代化评估认定');
  await timeline.locator('li[data-target="t21-after-school-care-start"]').getByRole('link', { name: /^见原文：任务21/ }).click();
  await expect(page.locator('#task-21')).toBeInViewport();
});

test('public: construction projects and promised documents', async ({ page }) => {
  await page.goto('2019/guides/public/');
  const projects = page.locator('section#construction-projects');
  for (const name of ['凤凰学校', '澄照创业园学校', '王金洋幼儿园', '鹤溪幼儿园']) await expect(projects.locator('strong', { hasText: name })).toHaveCount(1);
  const promised = page.locator('section#promised-documents .promised > li');
  await expect(promised).toHaveCount(5);
  await expect(promised.filter({ hasText: '景宁县智慧教育五年行动规划' }).getByRole('link', { name: '景宁县智慧教育五年行动规划', exact: true })).toHaveAttribute('href', /\/documents\/jingning-zhihui-jiaoyu\/$/);
});

test('parents: the paid-lessons task (有偿补课) is among the tasks listed for 家长, and the guide links to it', async ({ page }) => {
  await page.goto('2019/tasks/audience/parents/');
  await expect(page.locator('main a[href$="/2019/tasks/15/"]').first()).toBeVisible();
  await page.goto('2019/guides/parents/#tutoring-and-paid-lessons');
  const answer = page.locator('section#tutoring-and-paid-lessons');
  // The document's name once, not doubled by the sentence around it.
  await expect(answer).toContainText('根据教育局印发的有偿补课三大文件（');
  await expect(answer).not.toContainText('印发的教育局印发的');
});
