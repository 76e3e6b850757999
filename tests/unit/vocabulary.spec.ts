/**
 * The shared vocabulary: one task-number recogniser, one cited-title rule and one slug function for
 * the importer, the validator and the tests. The cross-checks at the end prove the three agree.
 */
import { test, expect } from '@playwright/test';
import {
  asciiDigits, circledChar, circledNumber, citedTitles, distinctCitedTitles, leadingTaskNumber, slugOf,
  startsWithTaskNumber, taskNumberAt,
} from '../../src/lib/vocabulary';
import { classifyLine } from '../../src/importer/markers.ts';
import { findProblems, type ContentSet } from '../../src/lib/validate';
import { planBody } from '../../src/lib/seed';
import { seedText } from '../helpers/content';

test('every task-number form the plans use is recognised with its number', () => {
  const cases: [string, string, number][] = [
    ['1.加强党建', 'arabic', 1],
    ['12、推进', 'arabic', 12],
    ['3．促进', 'arabic', 3],
    ['１．全角', 'arabic', 1],
    ['２３、全角', 'arabic', 23],
    ['9. 加强', 'arabic', 9],
    ['1000.千号', 'arabic', 1000],
    ['(1)括号', 'paren', 1],
    ['（12）全角括号', 'paren', 12],
    ['（ ３ ）全角数字', 'paren', 3],
    ['①圈', 'circled', 1],
    ['⑳圈', 'circled', 20],
    ['㉑圈', 'circled', 21],
    ['㉟圈', 'circled', 35],
    ['㊿圈', 'circled', 50],
  ];
  for (const [text, style, number] of cases) {
    expect(taskNumberAt(text), text).toMatchObject({ style, number });
  }
});

test('numbers that are not task numbers are not taken for one', () => {
  for (const text of ['1.5万名学生', '１．５万', '2019年秋季学期', '一、指导思想', '（一）加强', '第1项', '']) {
    expect(taskNumberAt(text), text).toBeNull();
  }
});

test('a paragraph may open with bold or spaces before its number', () => {
  expect(leadingTaskNumber('**1.加强党建。**')).toMatchObject({ number: 1 });
  expect(leadingTaskNumber('\u3000\u3000１．全角')).toMatchObject({ number: 1 });
  expect(startsWithTaskNumber('㉑二十一', 21)).toBe(true);
  expect(startsWithTaskNumber('２１、全角', 21)).toBe(true);
  expect(startsWithTaskNumber('21、全角', 2)).toBe(false);
  expect(startsWithTaskNumber('1.5万', 1)).toBe(false);
});

test('digits and circled numbers convert both ways', () => {
  expect(asciiDigits('２０１９年')).toBe('2019年');
  for (let n = 1; n <= 50; n++) expect(circledNumber(circledChar(n)!)).toBe(n);
  expect(circledNumber('a')).toBeNaN();
});

test('cited titles: every 《…》 in order; distinct drops repeats; a title does not run over a line break', () => {
  expect(citedTitles('依据《甲》《乙》要求,出台《丙(2018)》再《甲》')).toEqual(['《甲》', '《乙》', '《丙(2018)》', '《甲》']);
  expect(distinctCitedTitles('《甲》《甲》《乙》')).toEqual(['《甲》', '《乙》']);
  expect(citedTitles('《未完\n下一行》')).toEqual([]);
});

test('slugs are the pinyin of the label, lowercase, hyphenated, optionally cut to the first words', () => {
  expect(slugOf('学前教育')).toBe('xue-qian-jiao-yu');
  expect(slugOf('5G校园')).toBe('5g-xiao-yuan');
  expect(slugOf('《景宁县智慧教育五年行动计划》', 4)).toBe('jing-ning-xian-zhi');
  expect(slugOf('、')).toBe('');
});

// The importer, the validator and the seed reader agree: the same forms, the same numbers.
test('importer, validator and seed reader accept the same task numbers', () => {
  const forms = (n: number) => [`${n}.甲`, `${n}、甲`, `${n}．甲`, `（${n}）甲`, `(${n})甲`, ...(circledChar(n) ? [`${circledChar(n)}甲`] : []),
    `${String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}．甲`];
  for (const n of [1, 9, 21, 35, 1000]) {
    for (const text of forms(n)) {
      const marker = classifyLine(text);
      expect(marker && 'number' in marker ? marker.number : null, `importer: ${text}`).toBe(n);
      const set: ContentSet = {
        plans: [{ id: 'p', data: { year: 2030, parts: [{ number: 1, title: '甲' }] } }],
        tasks: [{ id: 'p/x', body: text, data: { plan: { id: 'p' }, number: n, part: 1, title: '甲', targets: [], documents: [], related: [] } }],
        documents: [],
        terms: [],
      };
      expect(findProblems(set), `validator: ${text}`).toEqual([]);
      expect(planBody(`一、甲\n乙\n${text}\n[打印]`).at(-1), `seed reader: ${text}`).toBe(text);
    }
  }
});
