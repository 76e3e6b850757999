/**
 * The outline and identity as data (src/lib/outline.ts, src/lib/site.ts): where tasks, parts and a
 * section's own paragraphs go for each layout a plan may have, errors that name the file and field,
 * and the site's name and dates read from the plans.
 */
import { test, expect } from '@playwright/test';
import { buildOutline, OutlineError } from '../../src/lib/outline';
import { longDate, planShortName, siteIdentity, sourceLine } from '../../src/lib/site';

const task = (number: number, part: number | null) => ({ number, part, id: `t${number}` });

test('2019 layout: task 0 under 一、指导思想, parts placed by default under the next section', () => {
  const o = buildOutline(
    { year: 2019, sections: [{ heading: '一、指导思想', id: 'guiding-principles' }, { heading: '二、重点工作与举措', id: 'key-tasks' }], parts: [{ number: 1, label: '(一)', title: '党建', short: '党建' }, { number: 2, label: '(二)', title: '民生', short: '民生' }] },
    [task(2, 1), task(0, null), task(3, 2), task(1, 1)],
  );
  expect(o.sections.map((s) => s.tasks.map((t) => t.number))).toEqual([[0], [1, 2, 3]]);
  expect(o.parts.map((p) => [p.sectionId, p.isSection, p.tasks.length])).toEqual([['key-tasks', false, 2], ['key-tasks', false, 1]]);
  expect(o.lead?.number).toBe(0);
  expect(o.numbered.map((t) => t.number)).toEqual([1, 2, 3]);
  expect(o.trail(task(3, 2))).toEqual(['二、重点工作与举措', '(二)民生']);
  expect(o.trail(task(0, null))).toEqual(['一、指导思想']);
});

test('工作要点 layout: explicit sections for parts, and 三、保障措施 keeps its own numbered items after the tasks', () => {
  const o = buildOutline(
    {
      year: 2021,
      sections: [
        { heading: '一、总体要求', id: 'general-requirements' },
        { heading: '二、重点任务', id: 'key-tasks' },
        { heading: '三、保障措施', id: 'safeguards', paragraphs: ['1.加强组织领导。', '2.强化经费保障。'] },
      ],
      parts: [{ number: 1, label: '（一）', title: '党建', short: '党建', section: 'key-tasks' }],
    },
    [task(0, null), task(1, 1)],
  );
  expect(o.sections.map((s) => s.heading)).toEqual(['一、总体要求', '二、重点任务', '三、保障措施']);
  expect(o.sections[2]!.paragraphs).toEqual([{ anchor: 'safeguards-1', text: '1.加强组织领导。' }, { anchor: 'safeguards-2', text: '2.强化经费保障。' }]);
  expect(o.sections[2]!.tasks).toEqual([]);
  expect(o.sectionOf(task(1, 1)).id).toBe('key-tasks');
});

test('sections as parts: a part whose label and title are a section heading is that section, shown once', () => {
  const o = buildOutline(
    {
      year: 2022,
      sections: [{ heading: '一、德育', id: 'section-1' }, { heading: '二、公平', id: 'section-2' }, { heading: '三、保障措施', id: 'safeguards', paragraphs: ['文字。'] }],
      parts: [{ number: 1, label: '一、', title: '德育', short: '德育' }, { number: 2, label: '二、', title: '公平', short: '公平' }],
    },
    [task(1, 1), task(2, 1), task(3, 2)],
  );
  expect(o.lead).toBeUndefined();
  expect(o.parts.map((p) => [p.sectionId, p.isSection])).toEqual([['section-1', true], ['section-2', true]]);
  expect(o.trail(task(3, 2))).toEqual(['二、公平']);
});

test('a part naming an unknown section, or a task naming an unknown part, is refused naming the file and field', () => {
  const plan = { year: 2021, sections: [{ heading: '一、总体要求', id: 'general' }], parts: [{ number: 1, label: '（一）', title: 'x', short: 'x', section: 'nope' }] };
  expect(() => buildOutline(plan, [], 'content/plans/2021.mdx')).toThrow(OutlineError);
  expect(() => buildOutline(plan, [], 'content/plans/2021.mdx')).toThrow(/content\/plans\/2021\.mdx: field `parts\[0\]\.section`: unknown section "nope"/);
  const ok = { ...plan, parts: [{ number: 1, label: '（一）', title: 'x', short: 'x' }] };
  expect(() => buildOutline(ok, [task(1, 7)], 'content/plans/2021.mdx')).toThrow(/content\/plans\/2021\.mdx: task 1 names part 7/);
});

test('identity: short names, the one date style, the footer line and the site name come from the plans', () => {
  const p2019 = { year: 2019, title: '景宁畲族自治县教育局2019年工作思路', issuer: '景宁畲族自治县教育局', published: '2019-03-28', site: '景宁教育网', breadcrumb: ['政务公开', '最新文件'], sourceUrl: 'http://zjjnedu.cn/Item/14395.aspx' };
  const p2021 = { ...p2019, year: 2021, title: '景宁畲族自治县教育局2021年工作要点', published: '2021-02-26' };
  expect(planShortName(p2019)).toBe('2019年工作思路');
  expect(planShortName({ ...p2021, shortTitle: '2021年要点' })).toBe('2021年要点');
  expect(longDate('2019-03-28')).toBe('2019年3月28日');
  expect(sourceLine(p2019)).toBe('景宁畲族自治县教育局《景宁畲族自治县教育局2019年工作思路》，2019年3月28日发布于景宁教育网 › 政务公开 › 最新文件');
  expect(siteIdentity([p2019]).name).toBe('景宁畲族自治县教育局2019年工作思路');
  const both = siteIdentity([p2019, p2021]);
  expect(both.latest.year).toBe(2021);
  expect(both.name).toBe('景宁畲族自治县教育局2019—2021年工作思路、工作要点');
  expect(both.planOf(2019).year).toBe(2019);
  expect(both.planOf(undefined).year).toBe(2021);
  // Another issuer's plan: the name no longer claims one issuer for all.
  expect(siteIdentity([p2019, { ...p2021, issuer: '某县教育局' }]).name).toBe('2019—2021年工作思路、工作要点');
});
