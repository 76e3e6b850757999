/**
 * What a task's share image says about its targets, read from the content files: every sentence of
 * the plan once, each figure beside the sentence it comes from, the plan's own word with a number
 * only where the plan writes it there.
 */
import { test, expect } from '@playwright/test';
import { readCollection } from '../helpers/content';
import { figureWithWord, targetLines, type LineTarget } from '../../src/lib/share/lines';
import { nestQuotes, toDisplayPunctuation } from '../../src/lib/punctuation';

const tasks = readCollection<{ number: number; targets: (LineTarget & { id: string })[] }>('content/tasks/2019').map((e) => e.data);
const task = (n: number) => tasks.find((t) => t.number === n)!;

test('no task image prints one sentence of the plan twice, and every target is on a line', () => {
  for (const t of tasks) {
    const lines = targetLines(t.targets);
    const texts = lines.map((l) => l.text);
    expect(new Set(texts).size, `task ${t.number}: ${texts.join(' | ')}`).toBe(texts.length);
    // Each target's quote is on some line (whole, or inside a longer quote of the same sentence).
    for (const target of t.targets) expect(texts.some((text) => text.includes(nestQuotes(toDisplayPunctuation(target.quote)))), target.id).toBe(true);
    // A line with several targets says so and names each.
    const counted = lines.reduce((n, l) => n + (l.note ? Number(/本句含(\d+)项目标/.exec(l.note)![1]) : 1), 0);
    expect(counted, `task ${t.number}`).toBe(t.targets.length);
  }
});

test('two targets of one sentence share its line, with both figures and both names', () => {
  const lines = targetLines(task(8).targets);
  const schools = lines.find((l) => l.text.includes('文明校园'))!;
  expect(schools.figure).toBe('3所、5所');
  expect(schools.note).toBe('本句含2项目标：市县文明校园；德育工作示范校');
  // The 2020 date stands beside the sentence that states it, with the 2019 one, not on a line of its own.
  const evaluations = targetLines(task(17).targets).filter((l) => l.text.includes('评估认定'));
  expect(evaluations).toHaveLength(1);
  expect(evaluations[0]!.figure).toBe('2019年内、2020年内');
});

test('a figure carries the word the plan writes after its number, and no other', () => {
  const target = (n: number, id: string) => task(n).targets.find((t) => t.id === id)!;
  expect(figureWithWord(target(4, 't04-public-kindergarten-coverage'))).toBe('65%以上');
  // 确保 comes before the number in the plan (确保…每天1小时): the figure stays 1小时.
  const daily = task(20).targets.find((t) => t.kind === 'daily-standard')!;
  expect(daily.word).toBe('确保');
  expect(figureWithWord(daily)).toBe('1小时');
  // A zero is the plan's word itself, as written.
  expect(figureWithWord(target(13, 't13-five-zeros'))).toBe('五个零');
});
