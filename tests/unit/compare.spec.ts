/**
 * The year-over-year comparison (src/lib/compare.ts): the similarity measure, the threshold that
 * decides whether a task continues, target and document matching. The threshold is checked
 * against the real plan: no two different tasks of it are that similar.
 */
import { test, expect } from '@playwright/test';
import { readCollection } from '../helpers/content';
import { adjacentYears, comparePlans, dice, MATCH_THRESHOLD, normalise, SIMILARITY_MEASURE, taskSimilarity, type CompareTask } from '../../src/lib/compare';

const task = (id: string, number: number, title: string, text: string, extra: Partial<CompareTask> = {}): CompareTask =>
  ({ id, number, title, text, targets: [], documents: [], ...extra });

test('Dice over character bigrams: 1 for the same text, 0 for nothing shared, ignoring number, punctuation and spaces', () => {
  expect(normalise('4.促进学前教育快速发展。 ')).toBe('促进学前教育快速发展');
  expect(dice('4.促进学前教育快速发展。', '促进学前教育快速发展')).toBe(1);
  expect(dice('学前教育', '校园安全')).toBe(0);
  // 学前教育 → 学前 前教 教育; 学前教学 → 学前 前教 教学: 2·2 / (3+3).
  expect(dice('学前教育', '学前教学')).toBeCloseTo(4 / 6);
});

test('task similarity is half title, half text', () => {
  const a = { title: '学前教育', text: '学前教育' };
  const b = { title: '学前教育', text: '校园安全' };
  expect(taskSimilarity(a, b)).toBeCloseTo(0.5);
});

test('the threshold decides: a pair above it continues, a pair below it does not', () => {
  expect(MATCH_THRESHOLD).toBe(0.4);
  expect(SIMILARITY_MEASURE).toContain('Dice');
  // title Dice 1 (½) + text Dice 0 → 0.5: continues; title Dice 0.6 → ½·0.6 = 0.3 < 0.4: new + dropped.
  const before = { year: 2019, tasks: [task('a/1', 1, '学前教育', '甲乙丙丁'), task('a/2', 2, '甲乙丙丁戊', '天地玄黄')] };
  const after = { year: 2020, tasks: [task('b/1', 1, '学前教育', '宇宙洪荒'), task('b/2', 2, '甲乙丙己庚', '日月盈昃')] };
  expect(dice('甲乙丙丁戊', '甲乙丙己庚')).toBeCloseTo(2 * 2 / 8);
  const c = comparePlans(before, after);
  expect(c.continuing.map((m) => [m.before.id, m.after.id])).toEqual([['a/1', 'b/1']]);
  expect(c.added.map((t) => t.id)).toEqual(['b/2']);
  expect(c.dropped.map((t) => t.id)).toEqual(['a/2']);
});

test('in the real plan no two different tasks reach the threshold, and each task matches itself', () => {
  const tasks = readCollection('content/tasks').map((e) => task(e.id, e.data.number, e.data.title, e.body));
  expect(tasks.length).toBeGreaterThan(10);
  let max = 0;
  for (const a of tasks) for (const b of tasks) if (a.id < b.id) max = Math.max(max, taskSimilarity(a, b));
  expect(max).toBeLessThan(MATCH_THRESHOLD);
  const c = comparePlans({ year: 1, tasks }, { year: 2, tasks });
  expect(c.continuing).toHaveLength(tasks.length);
  expect(c.continuing.every((m) => m.before.id === m.after.id && m.similarity === 1)).toBe(true);
});

test('targets match by metric: changed value or date, disappeared, new; documents in both and newly cited', () => {
  const t = (id: string, metric: string, value: number, year = 2019) => ({ id, metric, value, unit: '%', comparator: '>=', quote: metric, deadline: { year, type: 'by' } });
  const before = { year: 2019, tasks: [task('a/1', 1, '甲', '甲', { targets: [t('x', '公办园覆盖面', 65), t('y', '持证率', 95), t('z', '巩固率', 99)], documents: ['d1', 'd2'] })] };
  const after = { year: 2020, tasks: [task('b/1', 1, '甲', '甲', { targets: [t('x2', '公办园覆盖面', 70, 2020), t('y2', '持证率', 95), t('w', '新指标', 1)], documents: ['d2', 'd3'] })] };
  const c = comparePlans(before, after);
  expect(c.changedTargets.map((x) => [x.before.id, x.after.id, x.valueChanged, x.deadlineChanged])).toEqual([['x', 'x2', true, true]]);
  expect(c.unchangedTargets.map((x) => x.after.id)).toEqual(['y2']);
  expect(c.disappearedTargets.map((x) => x.id)).toEqual(['z']);
  expect(c.newTargets.map((x) => x.id)).toEqual(['w']);
  expect([c.documentsInBoth, c.documentsNew, c.documentsNoLonger]).toEqual([['d2'], ['d3'], ['d1']]);
});

test('one comparison per adjacent pair of years; none for a single plan', () => {
  expect(adjacentYears([2021, 2019, 2020])).toEqual([[2019, 2020], [2020, 2021]]);
  expect(adjacentYears([2019])).toEqual([]);
});
