import { test, expect } from '@playwright/test';
import { findProblems, type ContentSet } from '../../src/lib/validate';

const base = (): ContentSet => ({
  plans: [{ id: '2019', filePath: 'content/plans/2019.mdx', data: { year: 2019, parts: [{ number: 1, title: '六大工程' }] } }],
  tasks: [
    { id: '2019/01', filePath: 'content/tasks/2019/01.mdx', body: '1.甲。依据《甲文件》,达到65%以上。', data: { plan: { id: '2019' }, number: 1, part: 1, title: '甲', targets: [{ id: 't1', quote: '达到65%以上' }], documents: [{ id: 'jia' }], related: [] } },
  ],
  documents: [{ id: 'jia', filePath: 'content/documents/jia.mdx', data: { planTitle: '《甲文件》', relatedTasks: [] } }],
  terms: [{ id: 'liu', filePath: 'content/terms/liu.mdx', data: { term: '六大工程', variants: [] } }],
});

test('valid content has no problems', () => {
  expect(findProblems(base())).toEqual([]);
});

test('a quote not in the text names the file and the field', () => {
  const c = base();
  c.tasks[0]!.data.targets[0]!.quote = '达到95%以上';
  expect(findProblems(c)).toEqual([expect.stringMatching(/^content\/tasks\/2019\/01\.mdx: field `targets\[0\]\.quote`/)]);
});

test('an unknown document, a duplicate number and a cited title without entry are reported', () => {
  const c = base();
  c.tasks[0]!.data.documents = [{ id: 'nope' }];
  c.tasks.push({ ...c.tasks[0]!, id: '2019/01b', filePath: 'content/tasks/2019/01b.mdx', data: { ...c.tasks[0]!.data, targets: [] } });
  const problems = findProblems(c).join('\n');
  expect(problems).toContain('content/tasks/2019/01.mdx: field `documents[0]`: unknown document "nope"');
  expect(problems).toContain('content/tasks/2019/01b.mdx: field `number`: duplicate task number 1 (also in content/tasks/2019/01.mdx)');
  expect(problems).toContain('field `documents`: the text cites 《甲文件》');
});

test('a related task that does not exist is reported', () => {
  const c = base();
  c.tasks[0]!.data.related = [{ task: { id: '2019/99' } }];
  expect(findProblems(c)).toEqual(['content/tasks/2019/01.mdx: field `related[0].task`: unknown task "2019/99"']);
});

test('a term found nowhere in the plan is reported', () => {
  const c = base();
  c.terms[0]!.data.term = '七大工程';
  expect(findProblems(c)[0]).toMatch(/content\/terms\/liu\.mdx: field `term`/);
});

test('a term\'s notIn phrase must contain the term and occur in the plan', () => {
  const c = base();
  c.terms[0]!.data.notIn = ['着力实施六大工程', '六大'];
  const problems = findProblems(c);
  expect(problems).toContain('content/terms/liu.mdx: field `notIn[0]`: "着力实施六大工程" does not occur in the plan\'s text');
  expect(problems).toContain('content/terms/liu.mdx: field `notIn[1]`: "六大" does not contain the term or a variant');
});

test('a status must follow the newest evidence; the problem names the file and the field', () => {
  const c = base();
  const target = c.tasks[0]!.data.targets[0]!;
  target.evidence = [
    { date: '2019-12-01', status: '已完成' },
    { date: '2019-06-01', status: '进行中' },
  ];
  target.status = '进行中';
  expect(findProblems(c)).toEqual([
    'content/tasks/2019/01.mdx: field `targets[0].status`: "进行中" contradicts the newest evidence (targets[0].evidence[0], 2019-12-01: "已完成")',
  ]);
  target.status = '已完成';
  expect(findProblems(c)).toEqual([]);
});

test('a status other than 未评估 needs evidence', () => {
  const c = base();
  c.tasks[0]!.data.targets[0]!.status = '已完成';
  expect(findProblems(c)).toEqual([expect.stringMatching(/^content\/tasks\/2019\/01\.mdx: field `targets\[0\]\.status`: "已完成" has no evidence/)]);
  c.tasks[0]!.data.targets[0]!.status = '未评估';
  expect(findProblems(c)).toEqual([]);
});

/** The base content with one target replaced; the text is the paragraph the target must quote. */
const withTarget = (target: Record<string, unknown>, text = '1.甲。依据《甲文件》,2019年秋季学期开始,全部开展;达到65%以上;坚决杜绝“小学化”倾向;通过一年的努力,质量稳步提升。') => {
  const c = base();
  c.tasks[0]!.body = text;
  c.tasks[0]!.data.targets = [{ id: 't1', ...target } as ContentSet['tasks'][number]['data']['targets'][number]];
  return findProblems(c);
};

test('consistent targets of each kind pass', () => {
  expect(withTarget({ kind: 'milestone', deadline: { year: 2019, term: '秋季学期', type: 'start' }, quote: '2019年秋季学期开始,全部开展' })).toEqual([]);
  expect(withTarget({ kind: 'percent-threshold', comparator: '>=', value: 65, unit: '%', word: '以上', quote: '达到65%以上' })).toEqual([]);
  expect(withTarget({ kind: 'zero', comparator: '=', value: 0, word: '杜绝', quote: '坚决杜绝“小学化”倾向' })).toEqual([]);
  expect(withTarget({ kind: 'direction', comparator: 'increase', word: '稳步提升', deadline: { type: 'by', phrase: '通过一年的努力' }, quote: '质量稳步提升' })).toEqual([]);
  expect(withTarget({ kind: 'action', quote: '全部开展' })).toEqual([]);
});

test('a 时间节点 without a date is refused, naming file, field and target', () => {
  expect(withTarget({ kind: 'milestone', quote: '全部开展' })).toEqual([
    expect.stringMatching(/^content\/tasks\/2019\/01\.mdx: field `targets\[0\]\.deadline` \(t1\): kind milestone needs a deadline/),
  ]);
});

test('a threshold without a value or comparator is refused', () => {
  const problems = withTarget({ kind: 'percent-threshold', unit: '%', quote: '达到65%以上' }).join('\n');
  expect(problems).toContain('field `targets[0].value` (t1): kind percent-threshold needs a value');
  expect(problems).toContain('field `targets[0].comparator` (t1): kind percent-threshold needs a comparator');
  expect(problems).toContain('field `targets[0].unit` (t1): a unit without a value');
});

test('a zero without the plan\'s word, or with a number other than 0, is refused', () => {
  expect(withTarget({ kind: 'zero', comparator: '=', value: 0, quote: '坚决杜绝“小学化”倾向' }).join('\n')).toContain('field `targets[0].word` (t1): kind zero needs the plan\'s word');
  expect(withTarget({ kind: 'zero', comparator: '=', value: 1, word: '杜绝', quote: '坚决杜绝“小学化”倾向' }).join('\n')).toContain('field `targets[0].value` (t1): a zero target has value 0');
  expect(withTarget({ kind: 'zero', comparator: '=', value: 0, word: '为零', quote: '坚决杜绝“小学化”倾向' }).join('\n')).toContain('field `targets[0].word` (t1): "为零" is not in the quote');
  // Shown large as the plan's own word, so it must be there as written: “五个零”发生 never says 零发生.
  const fiveZeros = '重大维稳事件“五个零”发生';
  expect(withTarget({ kind: 'zero', comparator: '=', value: 0, word: '零发生', quote: fiveZeros }, `1.甲。依据《甲文件》,${fiveZeros}。`).join('\n')).toContain('field `targets[0].word` (t1): "零发生" is not in the quote');
  expect(withTarget({ kind: 'zero', comparator: '=', value: 0, word: '五个零', quote: fiveZeros }, `1.甲。依据《甲文件》,${fiveZeros}。`)).toEqual([]);
});

test('a direction needs the plan\'s word and increase/decrease, never a value', () => {
  const problems = withTarget({ kind: 'direction', comparator: '>=', value: 3, unit: '所', quote: '质量稳步提升' }).join('\n');
  expect(problems).toContain('field `targets[0].value` (t1): kind direction takes no value');
  expect(problems).toContain('field `targets[0].comparator` (t1): comparator ">=" does not fit kind direction');
  expect(problems).toContain('field `targets[0].word` (t1): kind direction needs the plan\'s word');
});

test('a date the quote does not state, an undated action given a date, a theme year not during are refused', () => {
  expect(withTarget({ kind: 'count', comparator: '=', value: 5, unit: '所', deadline: { year: 2020, type: 'by' }, quote: '达到65%以上' }).join('\n'))
    .toContain('field `targets[0].deadline.year` (t1): 2020年 is not in the quote');
  expect(withTarget({ kind: 'action', deadline: { year: 2019, type: 'by' }, quote: '2019年秋季学期开始,全部开展' }).join('\n'))
    .toContain('field `targets[0].deadline` (t1): kind action takes no deadline');
  expect(withTarget({ kind: 'theme-year', deadline: { year: 2019, type: 'by' }, quote: '2019年秋季学期开始,全部开展' }).join('\n'))
    .toContain('field `targets[0].deadline.type` (t1): deadline type "by" does not fit kind theme-year');
  // 通过一年的努力 names no year: a year beside it is inferred, and a deadline needs one or the other.
  expect(withTarget({ kind: 'direction', comparator: 'increase', word: '稳步提升', deadline: { year: 2019, type: 'by', phrase: '通过一年的努力' }, quote: '质量稳步提升' }).join('\n'))
    .toContain('field `targets[0].deadline.year` (t1): 2019年 is neither in the quote nor in the phrase');
  expect(withTarget({ kind: 'direction', comparator: 'increase', word: '稳步提升', deadline: { type: 'by' }, quote: '质量稳步提升' }).join('\n'))
    .toContain('field `targets[0].deadline` (t1): a deadline needs the year the plan writes or deadline.phrase');
  expect(withTarget({ kind: 'direction', comparator: 'increase', word: '稳步提升', deadline: { year: 2019, type: 'by', phrase: '通过两年的努力' }, quote: '质量稳步提升' }).join('\n'))
    .toContain('field `targets[0].deadline.phrase` (t1): "通过两年的努力" is not in the task\'s text');
});
