/**
 * The content itself, read straight from content/: quotes are the plan's words, every cited
 * title has a document entry, the task bodies are the seed's paragraphs.
 */
import { test, expect } from '@playwright/test';
import { readCollection, seedText } from '../helpers/content';
import { planBody } from '../../src/lib/seed';
import { citedTitles } from '../../src/lib/linkify';
import { findProblems } from '../../src/lib/validate';

const tasks = readCollection<any>('content/tasks');
const documents = readCollection<any>('content/documents');
const terms = readCollection<any>('content/terms');
const plans = readCollection<any>('content/plans');
const body = planBody(seedText());

test('there are 24 task entries for 2019: 指导思想 and tasks 1–23', () => {
  const numbers = tasks.filter((t) => t.data.plan === '2019').map((t) => t.data.number).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i));
});

test('each task body is its paragraph of the seed, byte for byte', () => {
  for (const task of tasks.filter((t) => t.data.plan === '2019')) {
    const n = task.data.number;
    const paragraph = n === 0 ? body[1] : body.find((line) => new RegExp(`^${n}\\.\\s?\\S`).test(line));
    expect(task.body, `${task.file} differs from the seed`).toBe(paragraph);
  }
});

test('every target quote is a substring of its task text', () => {
  let count = 0;
  for (const task of tasks) {
    for (const target of task.data.targets ?? []) {
      count++;
      expect(task.body, `${task.file}: target ${target.id}`).toContain(target.quote);
    }
  }
  expect(count).toBeGreaterThanOrEqual(40);
});

test('every target quote is a whole clause: it starts and ends where the plan\'s punctuation does', () => {
  const boundary = /[,，。；;：:！？\n]/;
  const cut: string[] = [];
  for (const task of tasks) {
    for (const t of task.data.targets ?? []) {
      const i = task.body.indexOf(t.quote);
      const before = task.body.slice(0, i);
      const after = task.body[i + t.quote.length];
      const starts = i === 0 || boundary.test(task.body[i - 1]) || /^\d+\.$/.test(before);
      const ends = after === undefined || boundary.test(after);
      if (!starts || !ends) cut.push(`${task.file}: ${t.id} "${t.quote}"`);
    }
  }
  expect(cut).toEqual([]);
});

test('quotes keep the word that governs them, and a plan word is shown, not an invented one', () => {
  const target = (id: string) => tasks.flatMap((t) => t.data.targets ?? []).find((t: { id: string }) => t.id === id);
  // 力争 governs both evaluations: 力争2019年通过…,2020年通过教育现代化评估认定.
  expect(target('t17-modernization-evaluation').quote).toMatch(/^力争/);
  // 确保学生每天一小时: the plan's verb, not 不低于.
  expect(target('t20-daily-exercise-hour').word).toBe('确保');
});

test('a deadline given by a phrase (通过一年的努力) carries no inferred year', () => {
  for (const task of tasks) {
    for (const t of task.data.targets ?? []) {
      if (t.deadline?.phrase && t.deadline.year !== undefined) {
        expect(`${t.deadline.phrase}${t.quote}`, `${task.file}: ${t.id}`).toContain(`${t.deadline.year}年`);
      }
    }
  }
  expect(tasks.find((t) => t.data.number === 12 && t.file.includes('2019'))!.data.summary).not.toContain('建立和完善质量监测评价体系和质量奖励考核机制');
});

test('the selection rule is applied to every task: named pieces of work a reviewer found are listed, and every task has targets', () => {
  const quotes = new Set(tasks.flatMap((t) => (t.data.targets ?? []).map((x: { quote: string }) => x.quote)));
  const named = [
    '不断提高党建工作融入度和贡献率', '开展廉政谈话', '实施初中教育“壮腰工程”', '实施“双师型”教师素质提升计划', '创建产教融合共同体',
    '开展中小学心理健康教育调研', '开展中小学德育工作优秀案例征集评选活动', '开展阳光体育大课间特色活动评选', '确保各类考试安全',
    '建立名师工作室', '推行中小学校长职级制改革', '提高校长待遇', '引进景宁籍名师、名校长回景支教、任教', '抓好小区配套幼儿园规划、建设',
    '办好校长法治培训班', '做好依法治校示范校评选工作', '确保实现儿童青少年近视防控阶段性目标',
  ];
  expect(named.filter((q) => !quotes.has(q))).toEqual([]);
  const without = tasks.filter((t) => t.file.includes('/2019/') && t.data.number > 0 && (t.data.targets ?? []).length === 0).map((t) => t.data.number);
  expect(without).toEqual([]);
});

test('every 《title》 in the seed maps to a document entry', () => {
  const titles = new Set(citedTitles(seedText()));
  expect(titles.size).toBe(16);
  const planTitles = new Set(documents.map((d) => d.data.planTitle));
  for (const title of titles) expect(planTitles, `no document for ${title}`).toContain(title);
});

test('the two untitled citations and the two related national documents have entries', () => {
  const planTitles = documents.map((d) => d.data.planTitle);
  expect(planTitles).toContain('有偿补课三大文件');
  expect(planTitles).toContain('省里出台的防控儿童青少年近视实施方案');
  expect(documents.filter((d) => d.data.status === 'related')).toHaveLength(2);
  // 20 from the reference data, plus the two the plan promises without a 《》 title (tests/unit/documents.spec.ts).
  expect(documents).toHaveLength(22);
});

test('the real content passes every cross-entry check', () => {
  const ref = (id: string) => ({ id });
  const problems = findProblems({
    plans: plans.map((p) => ({ ...p, filePath: p.file })),
    tasks: tasks.map((t) => ({
      ...t,
      filePath: t.file,
      data: {
        ...t.data,
        plan: ref(t.data.plan),
        targets: t.data.targets ?? [],
        documents: (t.data.documents ?? []).map(ref),
        related: (t.data.related ?? []).map((r: { task: string }) => ({ task: ref(r.task) })),
      },
    })),
    documents: documents.map((d) => ({ ...d, filePath: d.file, data: { ...d.data, relatedTasks: (d.data.relatedTasks ?? []).map(ref) } })),
    terms: terms.map((t) => ({
      ...t,
      filePath: t.file,
      data: { ...t.data, variants: t.data.variants ?? [], definition: t.data.definition && { ...t.data.definition, task: ref(t.data.definition.task) } },
    })),
  });
  expect(problems).toEqual([]);
});
