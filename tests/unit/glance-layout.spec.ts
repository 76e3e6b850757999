/**
 * The pictures' layout (src/lib/glance.ts) for any plan: a part name or a deadline phrase longer than
 * 2019's wraps inside the drawing instead of running off its edge or into the count beside it.
 * (The browser checks in tests/e2e/glance.spec.ts measure the drawn text of the real plan.)
 */
import { test, expect } from '@playwright/test';
import { PICTURE_WIDTH, partsLayout, textWidth, timelineLayout, wrapText } from '../../src/lib/glance';

const longName = '着力推进依法治教和教育治理体系与治理能力现代化建设，全面提升教育治理水平';

test('a long part name wraps inside its band, clear of the task count at the right end', () => {
  const tasks = [1, 2, 3].map((n) => ({ number: n, part: 1, title: `任务${n}` }));
  const { rows } = partsLayout([{ part: { number: 1, label: '(一)', title: longName, short: longName }, tasks }] as never);
  const row = rows[0]!;
  expect(row.lines.length).toBeGreaterThan(1);
  expect(row.lines.map((l) => l.text).join('')).toBe(`（一）${longName}`);
  const countLeft = PICTURE_WIDTH - 10 - textWidth(row.countText) * 14;
  for (const l of row.lines) expect(10 + textWidth(l.text) * 16, l.text).toBeLessThan(countLeft);
  // The band grows with its lines and the task numbers start below it.
  expect(row.band).toBeGreaterThanOrEqual(row.lines.at(-1)!.y - row.top + 9);
  expect(row.numbers.map((l) => l.text).join('')).toBe('任务1、2、3');
  for (const l of row.numbers) expect(l.y - 15).toBeGreaterThan(row.top + row.band);
});

test('a long deadline phrase and a long commitment wrap within the timeline', () => {
  const entry = { year: undefined, term: undefined, type: 'by', phrase: longName, label: longName, targets: [{ metric: longName }, { metric: '高考质量' }] };
  const layout = timelineLayout([entry] as never);
  const item = layout.items[0]!;
  expect(item.labelLines.length).toBeGreaterThan(1);
  expect(item.labelLines.map((l) => l.text).join('')).toBe(longName);
  const last = item.labelLines.at(-1)!;
  expect(layout.x + textWidth(last.text) * 17 + textWidth(item.countText) * 14).toBeLessThanOrEqual(PICTURE_WIDTH);
  for (const l of item.lines) expect(layout.x + layout.indent + textWidth(l.text) * 15, l.text).toBeLessThanOrEqual(PICTURE_WIDTH);
  // Each commitment starts with a bullet; its wrapped lines do not.
  expect(item.lines.filter((l) => l.first)).toHaveLength(2);
  // The commitments start below the last line of the phrase.
  expect(item.lines[0]!.y - 15).toBeGreaterThan(last.y);
  expect(layout.height).toBeGreaterThan(item.lines.at(-1)!.y);
});

test('wrapped text never leaves one character alone on its last line, nor starts a line with closing punctuation', () => {
  const lines = wrapText('全国义务教育优质均衡发展县评估认定', 16);
  expect(lines.join('')).toBe('全国义务教育优质均衡发展县评估认定');
  expect([...lines.at(-1)!].length).toBeGreaterThan(1);
  for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(16);
  for (const l of wrapText('网络学习空间应用：校校用平台，班班用资源，人人建空间', 9)) expect(l).not.toMatch(/^[，。；：、）》”]/);
});
