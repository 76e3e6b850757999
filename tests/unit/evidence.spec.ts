import { test, expect } from '@playwright/test';
import { chineseDate, evidenceNewestFirst, newestEvidence } from '../../src/lib/evidence';

const list = [
  { date: '2019-09-01', status: '进行中', n: 1 },
  { date: '2019-12-20', status: '已完成', n: 2 },
  { date: '2019-06-01', status: '进行中', n: 3 },
  { date: '2019-12-20', status: '已调整', n: 4 },
];

test('the newest evidence is the latest date; on the same date, the one listed last', () => {
  expect(newestEvidence(list)?.n).toBe(4);
  expect(newestEvidence([])).toBeUndefined();
});

test('a history lists evidence newest first', () => {
  expect(evidenceNewestFirst(list).map((e) => e.n)).toEqual([4, 2, 1, 3]);
});

test('dates are shown in the site style', () => {
  expect(chineseDate('2019-03-08')).toBe('2019年3月8日');
});
