/**
 * What 一图读懂 and the share image say about a plan's layout and its targets, computed from data: the
 * layout read from the outline for each shape a plan may have (2019's 二、 with (一)…(六), a 工作要点 with
 * a 三、保障措施, sections that are themselves the parts), and the target counts adding up to the whole.
 */
import { test, expect } from '@playwright/test';
import { buildOutline } from '../../src/lib/outline';
import { outlineStructure, partsPhrase } from '../../src/lib/glance';
import { targetsBreakdown, targetCountSentence } from '../../src/lib/labels';

const task = (number: number, part: number | null) => ({ number, part });

test('a plan like 2019: only 二、 is divided into parts, and the sentence says so', () => {
  const o = buildOutline(
    { year: 2020, sections: [{ heading: '一、指导思想', id: 'g' }, { heading: '二、重点工作与举措', id: 'k' }], parts: [{ number: 1, label: '(一)', title: '党建', short: '党建' }, { number: 2, label: '(二)', title: '民生', short: '民生' }] },
    [task(0, null), task(1, 1), task(2, 1), task(3, 2)],
  );
  expect(partsPhrase(o)).toBe('重点工作与举措分2个部分、3项任务');
  expect(outlineStructure(o)).toBe('“一、指导思想”和“二、重点工作与举措”（分2个部分、3项任务）');
});

test('a 工作要点 with 三、保障措施: the parts are under 二、 and the last section holds no task', () => {
  const o = buildOutline(
    {
      year: 2021,
      sections: [{ heading: '一、总体要求', id: 'g' }, { heading: '二、重点任务', id: 'k' }, { heading: '三、保障措施', id: 's', paragraphs: ['1.加强组织领导。'] }],
      parts: [1, 2, 3, 4].map((n) => ({ number: n, label: `（${'一二三四'[n - 1]}）`, title: `部分${n}`, short: `部分${n}`, section: 'k' })),
    },
    [task(0, null), task(1, 1), task(2, 2), task(3, 3), task(4, 4), task(5, 4)],
  );
  expect(partsPhrase(o)).toBe('重点任务分4个部分、5项任务');
  expect(outlineStructure(o)).toBe('“一、总体要求”、“二、重点任务”（分4个部分、5项任务）和“三、保障措施”');
});

test('sections that are themselves the parts: named by their own numbers, never as parts of a section', () => {
  const o = buildOutline(
    {
      year: 2022,
      sections: [{ heading: '一、坚持立德树人,加强德育工作', id: 'a' }, { heading: '二、聚焦教育公平', id: 'b' }, { heading: '三、保障措施', id: 's', paragraphs: ['文字。'] }],
      parts: [{ number: 1, label: '一、', title: '坚持立德树人,加强德育工作', short: '德育' }, { number: 2, label: '二、', title: '聚焦教育公平', short: '公平' }],
    },
    [task(1, 1), task(2, 1), task(3, 2)],
  );
  expect(partsPhrase(o)).toBe('第一、二部分共3项任务');
  expect(outlineStructure(o)).toBe('“一、坚持立德树人，加强德育工作”（2项任务）、“二、聚焦教育公平”（1项任务）和“三、保障措施”');
});

const t = (kind: string, extra: { value?: number; deadline?: { year?: number; phrase?: string; type: string } } = {}) => ({ kind, ...extra }) as never;

test('the target counts name both classes and what each holds, and add up to the whole', () => {
  const targets = [
    t('count', { value: 5 }),
    t('zero', { value: 0 }),
    t('milestone', { deadline: { year: 2020, type: 'by' } }),
    t('count', { value: 3, deadline: { year: 2020, type: 'by' } }),
    t('action'),
    t('action'),
    t('direction'),
  ];
  expect(targetsBreakdown(targets)).toBe('4项有数值或时限（写有具体数字的2项、要求为零的1项、写明时限的2项，其中1项既有数值又有时限），3项没有数值或时限（变化方向1项、工作事项2项）');
  // The short form (the share image) still says the zero requirements are among them: they write no number.
  expect(targetsBreakdown(targets, { detail: false })).toBe('4项有数值或时限（含要求为零的1项），3项没有数值或时限');
  expect(targetsBreakdown(targets.filter((x) => (x as { kind: string }).kind !== 'zero'), { detail: false })).toBe('3项有数值或时限，3项没有数值或时限');
  expect(targetCountSentence(targets)).toContain('本站列出7项目标：其中4项有数值或时限');
  // A zero is a requirement the plan writes in words (为零, 杜绝, 五个零): nothing says it has no number.
  expect(targetsBreakdown(targets)).not.toContain('原文没有数字');
});
