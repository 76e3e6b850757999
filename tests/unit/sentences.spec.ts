/** The one sentence splitter: sentence ids on the full-text page and every 见原文 link agree on it. */
import { test, expect } from '@playwright/test';
import { paragraphSentences, sentences, sentenceIndexOf } from '../../src/lib/sentences';

test('a sentence ends at 。 and never spans a paragraph break', () => {
  expect(sentences('1.标题。第一句,有逗号。第二句')).toEqual(['1.标题。', '第一句,有逗号。', '第二句']);
  expect(paragraphSentences('甲。乙\n\n丙。')).toEqual([['甲。', '乙'], ['丙。']]);
  expect(sentences('甲。乙\n\n丙。')).toEqual(['甲。', '乙', '丙。']);
});

test('a quote is found in the sentence it starts in, with stored or full-width punctuation', () => {
  const text = '1.标题。要做甲,做乙。要做丙。\n\n另一段:丁。';
  expect(sentenceIndexOf(text, '要做甲,做乙。')).toBe(1);
  expect(sentenceIndexOf(text, '做乙。要做丙')).toBe(1); // starts in sentence 1, runs into 2
  expect(sentenceIndexOf(text, '要做丙。')).toBe(2);
  expect(sentenceIndexOf(text, '另一段：丁')).toBe(3);
  expect(sentenceIndexOf(text, '不在原文里')).toBe(-1);
});
