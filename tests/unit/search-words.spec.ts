/**
 * The search word list (content/search/synonyms.json) and the index-only keywords (pinyin, split
 * tags): the list is valid and every target is in the plan; bad entries are refused with the file
 * and field named; keywords match however a query is segmented.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checkLexicon, lexiconProblems } from '../../src/lib/search/lexicon-check.ts';
import { compileLexicon, rulesOf, type LexiconFile } from '../../src/lib/search/lexicon.ts';
import { keywordMeta, keywordTokens, pinyinTokens, titleMeta } from '../../src/lib/search/keywords.ts';
import { siteCorpus } from '../helpers/search.ts';
import { readCollection } from '../helpers/content';
import { toDisplayPunctuation } from '../../src/lib/punctuation';

const raw = () => JSON.parse(readFileSync(new URL('../../content/search/synonyms.json', import.meta.url), 'utf8')) as LexiconFile;
const corpus = siteCorpus();

test('the word list is valid and every target word occurs in the plan', () => {
  const lexicon = checkLexicon(raw(), corpus);
  const rules = rulesOf(lexicon);
  expect(rules.length).toBeGreaterThan(100);
  // The examples are all there.
  const to = (from: string) => rules.find((r) => r.from === from)?.to;
  expect(to('课后服务')).toContain('放学后托管');
  expect(to('托班')).toContain('放学后托管');
  expect(to('补课')).toEqual(expect.arrayContaining(['校外培训', '有偿补课']));
  expect(to('补习')).toContain('校外培训');
  expect(to('辅导班')).toContain('校外培训');
  expect(to('减负')).toContain('减轻 负担');
  expect(to('幼儿园')).toContain('学前教育');
  expect(to('学前教育')).toContain('幼儿园');
  expect(to('视力')).toContain('近视');
});

test('no mapping changes the meaning of what was asked', () => {
  const rules = rulesOf(checkLexicon(raw(), corpus));
  const to = (from: string) => rules.filter((r) => r.from === from).flatMap((r) => r.to);
  // 作业 is homework, not the 课外学业负担 of training institutions; a check-up is not 体质健康标准测试;
  // 教职工 is the plan's own word (task 21) and not only 教师; midday care is not 放学后托管;
  // an outing is not 研学旅行; a teacher's pay is not the plan's only 待遇 (校长待遇).
  for (const [from, wrong] of [['作业', '学业负担'], ['作业多', '学业负担'], ['体检', '体质健康'], ['教职工', '教师'], ['午托', '放学后托管'], ['春游', '研学旅行'], ['工资', '待遇'], ['重点高中', '第二高级中学'], ['家长会', '家委会']] as const) {
    expect(to(from), `${from} → ${wrong}`).not.toContain(wrong);
  }
});

test('every note quotes the plan verbatim: each 任务N fragment is in task N\'s text', () => {
  const tasks = readCollection<any>('content/tasks').filter((t) => t.data.plan === '2019');
  const text = (n: number) => toDisplayPunctuation(tasks.find((t) => t.data.number === n)!.body);
  let checked = 0;
  for (const [i, group] of raw().groups.entries()) {
    for (const part of (group.note ?? '').split('；')) {
      const m = part.match(/^任务(\d+) (.+)$/);
      if (!m) continue;
      checked++;
      expect(text(Number(m[1])), `groups[${i}].note: ${part}`).toContain(toDisplayPunctuation(m[2]!));
    }
  }
  expect(checked).toBeGreaterThan(40);
});

test('a target word the plan never uses is refused, naming the file and the field', () => {
  const file = raw();
  file.groups.push({ type: 'oneway', from: ['校车'], to: ['校车接送'] });
  expect(() => checkLexicon(file, corpus)).toThrow(/content\/search\/synonyms\.json: field `groups\[\d+\]\.to\[0\]`: "校车接送" does not occur/);
});

test('a word in two groups, a filler used as a search word and a malformed group are refused', () => {
  const file = raw();
  file.groups.push({ type: 'oneway', from: ['托班'], to: ['托管'] });
  file.groups.push({ type: 'oneway', from: ['怎么'], to: ['托管'] });
  const problems = lexiconProblems(file, corpus).join('\n');
  expect(problems).toMatch(/"托班" is already in `groups\[0\]\.from\[\d+\]`/);
  expect(problems).toMatch(/"怎么" is also a filler/);
  const bad = raw() as unknown as { groups: Record<string, unknown>[] };
  delete bad.groups[1]!.to;
  expect(() => checkLexicon(bad, corpus)).toThrow(/content\/search\/synonyms\.json: field `groups\[1\]\.to`/);
});

test('compiling: longest words first, and the weight of the user\'s own wording follows the plan', () => {
  const lexicon = compileLexicon(raw(), corpus);
  const rules = rulesOf(lexicon);
  const froms = rules.map((r) => r.from);
  expect(froms.indexOf('补习班')).toBeLessThan(froms.indexOf('补习'));
  expect(lexicon.fillerPhrases.indexOf('怎么办')).toBeLessThan(lexicon.fillerPhrases.indexOf('怎么'));
  const keep = (from: string) => rules.find((r) => r.from === from)!.keep;
  expect(keep('补课')).toBe(1); // inside 有偿补课
  expect(keep('托班')).toBeLessThan(1); // never in the plan
});

test('pinyin: full syllables and initials of every word-boundary suffix, so a query may start at any word', () => {
  const tokens = pinyinTokens('全面实施小学放学后托管服务');
  const matches = (q: string) => tokens.some((t) => t.startsWith(q));
  for (const q of ['tuoguan', 'tuoguanfuwu', 'fangxuehou', 'quanmianshishi', 'tg', 'tgfw', 'qmss']) expect(matches(q), q).toBe(true);
  expect(matches('guanfuwu')).toBe(false); // not from inside a word
  expect(pinyinTokens('县管校聘')).toEqual(expect.arrayContaining(['xianguanxiaopin', 'xgxp']));
  expect(pinyinTokens('加强儿童青少年近视防控工作').some((t) => t.startsWith('jinshi'))).toBe(true);
  expect(pinyinTokens('有偿补课三大文件').some((t) => t.startsWith('buke'))).toBe(true);
  // Polyphones follow the word (pinyin-pro's dictionary), ü is typed v.
  expect(pinyinTokens('重点')).toContain('zhongdian');
  expect(pinyinTokens('银行')).toContain('yinhang');
  expect(pinyinTokens('研学旅行')).toContain('yanxuelvxing');
  for (const t of tokens) expect(t).toMatch(/^[a-z0-9]+$/);
});

test('a Chinese keyword matches however the query is segmented', () => {
  const tokens = keywordTokens('补习班');
  // Every split of the keyword into consecutive pieces: each piece must be a prefix of some token.
  const splits = (s: string): string[][] => (s.length === 0 ? [[]] : [...Array(s.length).keys()].flatMap((i) => splits(s.slice(i + 1)).map((rest) => [s.slice(0, i + 1), ...rest])));
  for (const pieces of splits('补习班')) {
    for (const piece of pieces) expect(tokens.some((t) => t.startsWith(piece)), `${pieces.join('|')}: ${piece}`).toBe(true);
  }
  expect(keywordTokens('APP')).toEqual(['app']);
});

test('meta values hold only space-separated tokens: no commas, no duplicates', () => {
  const titles = titleMeta(['实施校长教师队伍锻造工程']);
  const tags = keywordMeta(['有偿补课', '县管校聘', '有偿补课']);
  for (const value of [titles, tags]) {
    expect(value).not.toMatch(/[,，]/);
    const list = value.split(' ');
    expect(new Set(list).size).toBe(list.length);
  }
  expect(tags.split(' ')).toEqual(expect.arrayContaining(['buke', '补课', 'xgxp']));
});
