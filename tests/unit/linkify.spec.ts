import { test, expect } from '@playwright/test';
import { linkify, citedTitles, type LinkPattern } from '../../src/lib/linkify';
import { readCollection } from '../helpers/content';

const doc: LinkPattern = { match: '《中小学德育工作指南》', href: '/documents/deyu/', kind: 'document', key: 'deyu' };
const term = (match: string, key = match): LinkPattern => ({ match, href: `/terms/#${key}`, kind: 'term', key });

test('segments always join back to the input text', () => {
  const text = '以“清单式”管理落实《中小学德育工作指南》要求,深化德育“一岗双责”机制,一岗双责。';
  const segments = linkify(text, [doc, term('一岗双责'), term('双责')]);
  expect(segments.map((s) => s.text).join('')).toBe(text);
});

test('a document title links wherever it occurs', () => {
  const segments = linkify('落实《中小学德育工作指南》和《中小学德育工作指南》', [doc]);
  expect(segments.filter((s) => s.link).map((s) => s.text)).toEqual(['《中小学德育工作指南》', '《中小学德育工作指南》']);
});

test('a term links once per paragraph, and the longer term wins an overlap', () => {
  const segments = linkify('落实“一岗双责”,深化“一岗双责”', [term('双责'), term('一岗双责')]);
  const linked = segments.filter((s) => s.link);
  expect(linked.map((s) => s.text)).toEqual(['一岗双责']);
});

test('a term inside a document title is not linked there', () => {
  const segments = linkify('《关于学前教育深化改革规范发展的若干意见》学前教育', [
    { ...doc, match: '《关于学前教育深化改革规范发展的若干意见》' },
    term('学前教育'),
  ]);
  expect(segments.map((s) => [s.text, s.link?.kind])).toEqual([
    ['《关于学前教育深化改革规范发展的若干意见》', 'document'],
    ['学前教育', 'term'],
  ]);
});

test('citedTitles finds every 《》 title in order', () => {
  expect(citedTitles('依据《甲》《乙》要求,出台《丙(2018)》')).toEqual(['《甲》', '《乙》', '《丙(2018)》']);
});

test('a term is not linked inside a longer phrase that means something else (notIn)', () => {
  const jxy: LinkPattern = { ...term('进校园活动', 'jxy'), notIn: ['法治进校园活动'] };
  const quoted: LinkPattern = { ...term('“进校园”活动', 'jxy') };
  expect(linkify('深入开展法治进校园活动,办好校长法治培训班。', [jxy, quoted]).filter((s) => s.link)).toEqual([]);
  const linked = linkify('清理规范各类“进校园”活动和进校园活动', [jxy, quoted]).filter((s) => s.link);
  expect(linked.map((s) => s.text)).toEqual(['“进校园”活动']);
  // A plain occurrence beside the excluded phrase still links.
  expect(linkify('法治进校园活动;其他进校园活动', [jxy]).filter((s) => s.link).map((s) => s.text)).toEqual(['进校园活动']);
  expect(linkify('法治进校园活动;其他进校园活动', [jxy]).map((s) => s.text).join('')).toBe('法治进校园活动;其他进校园活动');
});

test('the real terms: every link in the plan carries the term, none inside a phrase it lists as another meaning', () => {
  const terms = readCollection<any>('content/terms');
  const tasks = readCollection<any>('content/tasks').filter((t) => t.data.plan === '2019');
  const patterns: LinkPattern[] = terms.flatMap((t) =>
    [String(t.data.term), ...(t.data.variants ?? [])].map((s: string) => ({ ...term(s, t.id), notIn: t.data.notIn ?? [] })),
  );
  const linkedIn = (n: number) => {
    const text = tasks.find((t) => t.data.number === n)!.body;
    return linkify(text, patterns).filter((s) => s.link).map((s) => `${s.link!.key}:${s.text}`);
  };
  // 法治进校园活动 (task 18) is not the 进校园活动 that task 22 clears out.
  expect(linkedIn(18).filter((l) => l.startsWith('jin-xiaoyuan-huodong'))).toEqual([]);
  expect(linkedIn(22)).toContain('jin-xiaoyuan-huodong:“进校园”活动');
  // 德育“一岗双责” (teachers and moral education) is not the 一岗双责 of party discipline in task 2.
  expect(linkedIn(8)).toContain('deyu-yi-gang-shuang-ze:德育“一岗双责”');
  expect(linkedIn(8).filter((l) => l.startsWith('yi-gang-shuang-ze:'))).toEqual([]);
  expect(linkedIn(2)).toContain('yi-gang-shuang-ze:一岗双责');
});
