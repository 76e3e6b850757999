/**
 * The guides say only what the plan says: every <PlanQuote> in content/guides is read straight from
 * the MDX and compared with the task's paragraph in content/tasks; the questions the issue asks for
 * are there; the checks the build runs refuse a quote that is not in the plan.
 */
import { test, expect } from '@playwright/test';
import { readCollection } from '../helpers/content';
import { adjacentRepeat, findDoubling, linkEcho, findGuideProblems, planQuotes, quoteInText, repeatedPhrase, type GuideLike, type RenderedBlock } from '../../src/lib/guide-check';
import { toDisplayPunctuation } from '../../src/lib/punctuation';

const guides = readCollection<any>('content/guides');
const tasks = readCollection<any>('content/tasks');
const documents = readCollection<any>('content/documents');
const taskText = (plan: string, n: number) => tasks.find((t) => t.data.plan === plan && t.data.number === n)?.body;

const asGuide = (g: (typeof guides)[number]): GuideLike => ({
  id: g.id,
  filePath: g.file,
  body: g.body,
  data: { ...g.data, plan: { id: g.data.plan }, cites: g.data.cites.map((id: string) => ({ id })) },
});
const taskLikes = tasks.map((t) => ({ id: t.id, plan: t.data.plan, number: t.data.number, text: t.body }));

test('there are three guides for 2019: parents, teachers, public', () => {
  expect(guides.map((g) => g.id).sort()).toEqual(['2019/parents', '2019/public', '2019/teachers']);
});

test('every quoted sentence is verbatim in the cited task (stored or full-width punctuation only)', () => {
  let count = 0;
  for (const guide of guides) {
    const { quotes, malformed } = planQuotes(guide.body);
    expect(malformed, `${guide.file}: PlanQuote tags in another form`).toEqual([]);
    // Every tag in the file was read: a tag the reader missed would go unchecked.
    expect(quotes.length, guide.file).toBe(guide.body.split('<PlanQuote').length - 1);
    for (const q of quotes) {
      count++;
      const text = taskText(guide.data.plan, q.task);
      expect(text, `${guide.file}: task ${q.task} does not exist`).toBeDefined();
      expect(toDisplayPunctuation(text!), `${guide.file}: quote of task ${q.task}`).toContain(toDisplayPunctuation(q.text));
    }
  }
  expect(count).toBeGreaterThanOrEqual(40);
});

test('the questions the issue asks for are answered from the tasks it names', () => {
  const cited = (id: string) => new Set(planQuotes(guides.find((g) => g.id === id)!.body).quotes.map((q) => q.task));
  const answerTasks = (id: string, answer: string) =>
    new Set(planQuotes(guides.find((g) => g.id === id)!.body).quotes.filter((q) => q.answer === answer).map((q) => q.task));
  const parents: Record<string, number[]> = {
    'after-school-care': [21],
    'tutoring-and-paid-lessons': [23, 15],
    'eyesight-and-exercise': [20, 10],
    'school-safety': [13],
    kindergarten: [4],
    'student-burden': [22, 23],
    'home-school': [19],
    'special-education': [5],
    'left-behind-children': [5],
    'food-safety-and-disease': [10, 13],
    'mental-health': [8],
    'labour-education': [8],
    'private-schools': [7],
    'new-schools': [17],
    'high-school': [6, 12],
  };
  for (const [answer, numbers] of Object.entries(parents)) {
    for (const n of numbers) expect([...answerTasks('2019/parents', answer)], `parents/${answer} quotes task ${n}`).toContain(n);
  }
  const teachers: Record<string, number[]> = {
    'ethics-and-paid-lessons': [15],
    'county-hiring-and-points': [15],
    'master-teachers': [15, 16],
    'non-teaching-burden': [22],
    'after-school-care-staff': [21],
    'teaching-research': [11],
    'party-and-integrity': [1, 2, 3],
    'exchange-and-rotation': [14],
    'five-teaching-routines': [12],
    'learning-space': [9],
    'kindergarten-teacher-certificates': [4],
    'dual-qualified-teachers': [6],
  };
  for (const [answer, numbers] of Object.entries(teachers)) {
    for (const n of numbers) expect([...answerTasks('2019/teachers', answer)], `teachers/${answer} quotes task ${n}`).toContain(n);
  }
  expect([...cited('2019/public')]).toContain(17);
  const publicBody = guides.find((g) => g.id === '2019/public')!.body;
  for (const name of ['凤凰学校', '澄照创业园学校', '王金洋幼儿园', '鹤溪幼儿园']) expect(publicBody).toContain(name);
  expect(publicBody).toContain('<Timeline year={2019} />');
});

test('where the plan is silent the parents guide says so and names the related national documents', () => {
  const body = guides.find((g) => g.id === '2019/parents')!.body;
  expect(body).toContain('没有写是否收费，也没有写收费标准');
  expect(body).toContain('<DocLink id="kehou-fuwu-zhidao-yijian" />');
  expect(body).toContain('没有写举报电话、地址或网址');
  expect(body).toContain('<DocLink id="guoban-xiaowai-peixun" />');
  for (const id of ['kehou-fuwu-zhidao-yijian', 'guoban-xiaowai-peixun']) {
    expect(documents.find((d) => d.id === id)?.data.status, `${id} is a related document, not part of the plan`).toBe('related');
  }
});

test('where the plan is silent on what parents and teachers ask, the guides say so', () => {
  const answer = (guide: string, id: string) => {
    const body = guides.find((g) => g.id === guide)!.body;
    return body.slice(body.indexOf(`<Answer id="${id}">`), body.indexOf('</Answer>', body.indexOf(`<Answer id="${id}">`)));
  };
  expect(answer('2019/parents', 'after-school-care')).toContain('没有写托管的时段');
  expect(answer('2019/parents', 'after-school-care')).toContain('没有写学生是否自愿参加，也没有写报名办法');
  expect(answer('2019/parents', 'kindergarten')).toContain('这句话没有写年份或期限');
  expect(answer('2019/parents', 'food-safety-and-disease')).toContain('工作思路没有写的');
  expect(answer('2019/parents', 'private-schools')).toContain('工作思路没有写的');
  expect(answer('2019/parents', 'labour-education')).toContain('将劳动教育表现纳入中小学生综合素质评价内容');
  expect(answer('2019/teachers', 'kindergarten-teacher-certificates')).toContain('原句没有年份或期限');
  expect(answer('2019/teachers', 'dual-qualified-teachers')).toContain('没有解释“双师型”的含义');
});

test('the real guides pass every check the build runs', () => {
  expect(findGuideProblems(guides.map(asGuide), taskLikes, documents.map((d) => d.id))).toEqual([]);
});

test('the build checks refuse a changed quote, an uncited task, a missing answer and an unknown document', () => {
  const parents = asGuide(guides.find((g) => g.id === '2019/parents')!);
  const broken: GuideLike = {
    ...parents,
    body: parents.body
      .replace('2019年秋季学期开始,条件具备', '2019年春季学期开始,条件具备')
      .replace('<Answer id="left-behind-children">', '<Answer id="left-behind">')
      .replace('<DocLink id="guoban-xiaowai-peixun" />', '<DocLink id="no-such-document" />'),
    data: { ...parents.data, cites: parents.data.cites.filter((c) => c.id !== '2019/13') },
  };
  const problems = findGuideProblems([broken], taskLikes, documents.map((d) => d.id));
  expect(problems).toContainEqual(expect.stringMatching(/parents\.mdx: body: <PlanQuote task=\{21\}>: "2019年春季学期开始.*" is not in task 21's text/));
  expect(problems).toContainEqual(expect.stringMatching(/field `cites`: the body quotes task 2019\/13 but `cites` does not list it/));
  expect(problems).toContainEqual(expect.stringMatching(/expected one <Answer id="left-behind-children"> in the body, found 0/));
  expect(problems).toContainEqual(expect.stringMatching(/<DocLink id="no-such-document">: unknown document/));
});

test('quoteInText accepts only the one punctuation mapping', () => {
  const text = '2019年秋季学期开始,条件具备的学校都要开展校内托管服务工作。';
  expect(quoteInText(text, '2019年秋季学期开始,条件具备')).toBe(true);
  expect(quoteInText(text, '2019年秋季学期开始，条件具备')).toBe(true);
  expect(quoteInText(text, '2019年秋季学期开始、条件具备')).toBe(false);
  expect(quoteInText(text, '2019年秋季学期开始条件具备')).toBe(false);
});

test('the doubling check catches a link echoed by its sentence and a label said again, and passes clean text', () => {
  const block = (text: string, links: RenderedBlock['links'] = []): RenderedBlock => ({ answer: 'a', text, links });
  // The bug the issue reported: DocLink's own text repeated by the words before it.
  const doubled = block('教育局根据它印发的教育局印发的有偿补课三大文件（工作思路引用的县级文件），严肃有偿补课举报受理。', [
    { text: '教育局印发的有偿补课三大文件', before: '教育局根据它印发的', after: '，严肃有偿补课举报受理。', tag: '（工作思路引用的县级文件）' },
  ]);
  expect(findDoubling([doubled])).toContainEqual(expect.stringMatching(/the link “教育局印发的有偿补课三大文件” and the words beside it both say “印发的”/));
  // A related document's label and the sentence after it both saying 不属于工作思路.
  const twice = block('相关文件是某意见（相关国家文件，不属于工作思路）。它不属于工作思路。', [
    { text: '某意见', before: '相关文件是', after: '。它不属于工作思路。', tag: '（相关国家文件，不属于工作思路）' },
  ]);
  expect(findDoubling([twice])).toContainEqual(expect.stringMatching(/says “不属于工作思路” and so does the paragraph/));
  expect(adjacentRepeat('根据它印发的印发的文件')).toBe('印发的');
  expect(findDoubling([block('一句话说了两遍一句话说了两遍。')])).toHaveLength(1);
  expect(repeatedPhrase('公办园覆盖面达到65%以上，另一句公办园覆盖面达到65%以上。')).toBe('公办园覆盖面达到65%以上');

  const clean = block('教育局根据它印发的有偿补课三大文件（工作思路引用的县级文件），严肃有偿补课举报受理。', [
    { text: '有偿补课三大文件', before: '教育局根据它印发的', after: '，严肃有偿补课举报受理。', tag: '（工作思路引用的县级文件）' },
  ]);
  // The plan's own sentence: a phrase of the link again further on is not doubling.
  expect(linkEcho('根据', '教育局印发的有偿补课三大文件', '，严肃有偿补课举报受理')).toBeNull();
  expect(linkEcho('根据', '教育局印发的有偿补课三大文件', '有偿补课三大文件，严肃')).toBe('有偿补课三大文件');
  expect(findDoubling([clean, block('学会劳动、学会勤俭，看看优秀率。')])).toEqual([]);
});
