import { test, expect } from '@playwright/test';
import { toDisplayPunctuation, foldForComparison, firstDifference } from '../../src/lib/punctuation';

test('ASCII , ; : ( ) become full-width for display', () => {
  expect(toDisplayPunctuation('加快,推进;办法:(2018-2020年)')).toBe('加快，推进；办法：（2018-2020年）');
});

test('a comma or colon between digits is part of a number and stays', () => {
  expect(toDisplayPunctuation('共1,000人,10:30开始')).toBe('共1,000人，10:30开始');
});

test('other characters, including “” 《》 . + %, pass through unchanged', () => {
  const s = '“10+88”指标《意见》65%以上。9. 加强';
  expect(toDisplayPunctuation(s)).toBe(s);
});

test('folding ignores whitespace of every kind but not other characters', () => {
  expect(foldForComparison(' 一、指导思想\u00a0\n\u3000以 ,')).toBe('一、指导思想以，');
});

test('firstDifference is null for equal texts and points at the first changed character', () => {
  expect(firstDifference('甲乙,丙', '甲乙，丙')).toBeNull();
  const message = firstDifference('公办园覆盖面达到65%以上', '公办园覆盖面达到60%以上')!;
  expect(message).toContain('character 9');
  expect(message).toContain('达到65%');
  expect(message).toContain('达到60%');
});

test('a quotation the site wraps in “” nests the plan’s own marks as ‘’', async () => {
  const { nestQuotes, quotePlan } = await import('../../src/lib/punctuation');
  expect(quotePlan('把2019年作为教育系统“党建质量年”,')).toBe('“把2019年作为教育系统‘党建质量年’，”');
  expect(nestQuotes('清理规范各类“进校园”活动和“小手拉大手”活动')).toBe('清理规范各类‘进校园’活动和‘小手拉大手’活动');
});
