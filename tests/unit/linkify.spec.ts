import { test, expect } from '@playwright/test';
import { linkify, citedTitles, type LinkPattern } from '../../src/lib/linkify';

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
