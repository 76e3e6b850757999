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
