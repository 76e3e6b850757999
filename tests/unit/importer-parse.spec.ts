/**
 * The importer's pure parts (src/importer): decoding, page chrome, numbering, structure, errors,
 * proposed targets and document links. Inputs are the fixtures in tests/fixtures/import/ (all
 * marked as test data in their own text) and short inline texts.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePlanText } from '../../src/importer/decode.ts';
import { ImportError } from '../../src/importer/errors.ts';
import { classifyLine, taskTitle } from '../../src/importer/markers.ts';
import type { NumberMarker } from '../../src/importer/markers.ts';
import { isChrome, stripChrome } from '../../src/importer/page.ts';
import { parsePlan, partShort } from '../../src/importer/structure.ts';
import { clauses, proposeForClause, proposeTargets } from '../../src/importer/targets.ts';
import { citedTitles, levelOf, linkDocuments, stubId } from '../../src/importer/documents.ts';

const root = new URL('../../', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/import', name));
const parseFixture = (name: string) => parsePlan(decodePlanText(fixture(name)).text);
const seed = () => readFileSync(join(root, 'seeds/000_511d58ae4024a847.txt'));

/** The ImportError a function throws (fails the test if it does not throw one). */
function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

test.describe('decoding', () => {
  test('UTF-8 without BOM', () => {
    expect(decodePlanText(seed()).encoding).toBe('utf-8');
  });

  test('UTF-8 with BOM: the BOM is dropped', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('一、指导思想\n', 'utf8')]);
    expect(decodePlanText(bytes)).toEqual({ text: '一、指导思想\n', encoding: 'utf-8-bom' });
  });

  test('a GBK file (made with iconv from the UTF-8 fixture) decodes as GB18030 to the same text', () => {
    const gbk = decodePlanText(fixture('plan-2020-test.gbk.txt'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text).toBe(decodePlanText(fixture('plan-2020-test.txt')).text);
    expect(gbk.text).toContain('测试用：景宁畲族自治县教育局2020年工作要点');
  });

  test('CRLF line endings become LF', () => {
    const text = decodePlanText(fixture('variant-fullwidth.txt')).text;
    expect(text).not.toContain('\r');
    expect(text.split('\n')[2]).toBe('一、总体要求');
  });

  test('bytes that are neither UTF-8 nor GB18030 are rejected with the line and byte offset', () => {
    const error = importError(() => decodePlanText(Uint8Array.from([0x41, 0x81, 0x20, 0xff, 0xff])));
    expect(error.message).toBe('line 1: byte offset 1: not valid UTF-8 here, and the file is not GB18030/GBK text either; expected a plan saved as plain text (UTF-8)');
    const text = new TextEncoder().encode('第一行\n第二行\n第三行');
    const damaged = Uint8Array.from([...text.subarray(0, 20), 0xff, 0xff, ...text.subarray(20)]);
    expect(importError(() => decodePlanText(damaged)).message).toMatch(/^line 3: byte offset 20: not valid UTF-8/);
  });

  test('an empty file, a blank file and a binary file each say so', () => {
    expect(importError(() => decodePlanText(new Uint8Array(0))).message).toBe('the file is empty (0 bytes); expected the text of a plan');
    expect(importError(() => decodePlanText(new TextEncoder().encode(' \n\u3000\n'))).message).toContain('only blank space');
    expect(importError(() => decodePlanText(Uint8Array.from([0x41, 0x0a, 0x42, 0x00]))).message).toMatch(/^line 2: byte offset 3: a NUL byte/);
  });
});

test.describe('page chrome', () => {
  test('the 2019 page: breadcrumb, title, 发布时间, 来源 and the footer links', () => {
    const page = stripChrome(decodePlanText(seed()).text);
    expect(page.meta).toEqual({
      title: '景宁畲族自治县教育局2019年工作思路',
      titleLine: 3,
      published: '2019-03-28',
      source: null,
      breadcrumbSite: '景宁教育网',
      breadcrumb: ['政务公开', '最新文件'],
    });
    expect(page.chrome.map((l) => l.no)).toEqual([1, 5, 71, 72]);
    expect(page.lines[0]!.text).toBe('一、指导思想');
    expect(page.warnings).toEqual([]);
  });

  test('chrome lines are recognised; paragraphs are not', () => {
    for (const line of ['您现在的位置:景宁教育网 >> 政务公开>> 最新文件>> 正文内容', '[打印文章] [添加收藏]', '【打印】【关闭】', '更多', '更多>>', '文章来源: 发布时间:2019年03月28日', '来源：景宁县教育局  发布日期：2020-01-02', '2019年3月28日']) {
      expect(isChrome(line), line).toBe(true);
    }
    for (const line of ['1.切实加强教育系统党的建设。', '(一)办好几件关键实事', '景宁畲族自治县教育局2019年工作思路', '统一发布时间,规范信息发布。']) {
      expect(isChrome(line), line).toBe(false);
    }
  });

  test('来源 is kept when present, and text above the first heading is reported', () => {
    const text = '当前位置：首页 > 新闻\n某县教育局2020年工作要点\n来源：某县教育局 发布时间：2020-1-5\n这一段在标题下面。\n(一)部分\n1.任务。\n';
    const page = stripChrome(text);
    expect(page.meta.source).toBe('某县教育局');
    expect(page.meta.published).toBe('2020-01-05');
    expect(page.warnings).toEqual(['line 4: text above the first heading is not imported: 这一段在标题下面。']);
  });
});

test.describe('numbering', () => {
  const number = (line: string) => {
    const m = classifyLine(line);
    return m && { kind: m.kind, number: m.number };
  };

  test('task numbers: 1. 1、 1． with or without a space, bracketed and circled', () => {
    expect(number('1.切实加强')).toEqual({ kind: 'arabic', number: 1 });
    expect(number('9. 加强教育信息化')).toEqual({ kind: 'arabic', number: 9 });
    expect(number('12、实施')).toEqual({ kind: 'arabic', number: 12 });
    expect(number('3．实施')).toEqual({ kind: 'arabic', number: 3 });
    expect(number('4、　减轻')).toEqual({ kind: 'arabic', number: 4 });
    expect(number('**5.加强**')).toEqual({ kind: 'arabic', number: 5 });
    expect(number('(1)初中')).toEqual({ kind: 'paren', number: 1 });
    expect(number('（12）高中')).toEqual({ kind: 'paren', number: 12 });
    expect(number('①培训')).toEqual({ kind: 'circled', number: 1 });
    expect(number('⑳二十')).toEqual({ kind: 'circled', number: 20 });
  });

  test('headings: 一、 and (一) / （一） with ASCII or full-width brackets', () => {
    expect(classifyLine('一、指导思想')).toEqual({ kind: 'section', number: 1, heading: '一、指导思想', text: '指导思想' });
    expect(classifyLine('**十二、保障措施**')).toMatchObject({ kind: 'section', number: 12, heading: '十二、保障措施' });
    expect(classifyLine('(一)以党的十九大精神为统领,全面加强教育系统党的建设')).toMatchObject({ kind: 'part', number: 1, label: '(一)' });
    expect(classifyLine('（六）办好几件关键实事')).toMatchObject({ kind: 'part', number: 6, label: '（六）', text: '办好几件关键实事' });
    expect(classifyLine('( 二 )办好')).toMatchObject({ kind: 'part', number: 2, label: '(二)' });
  });

  test('ordinary text is not numbering', () => {
    for (const line of ['1.5万元用于', '2019年,力争', '以全国教育大会精神', '一是加强']) expect(classifyLine(line), line).toBeNull();
  });

  test('a task title is the text between the number and the first 。, or the bold lead phrase', () => {
    const title = (line: string) => taskTitle(classifyLine(line) as NumberMarker);
    expect(title('16.借智借力深化工程。大力推进借智借力发展。')).toBe('借智借力深化工程');
    expect(title('9. 加强教育信息化(智慧教育)建设。贯彻落实')).toBe('加强教育信息化(智慧教育)建设');
    expect(title('1.**实施质量提升工程。**测试数据。')).toBe('实施质量提升工程');
    expect(title('**2.加强党建。**测试数据。')).toBe('加强党建');
    expect(title('3.**保障校园安全**，测试数据。')).toBe('保障校园安全');
    expect(title('2.加强师资建设')).toBe('加强师资建设');
  });
});

test.describe('structure', () => {
  test('the 2019 seed: 指导思想 as task 0, six parts, tasks 1–23', () => {
    const plan = parsePlan(decodePlanText(seed()).text);
    expect(plan.sections).toEqual([
      { heading: '一、指导思想', id: 'guiding-principles', paragraphs: [], line: 7 },
      { heading: '二、重点工作与举措', id: 'key-tasks', paragraphs: [], line: 11 },
    ]);
    expect(plan.parts.map((p) => p.short)).toEqual(['党的建设', '教育体系', '教育质量', '六大工程', '依法治教', '关键实事']);
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(plan.tasks[0]).toMatchObject({ number: 0, part: null, title: '指导思想' });
    expect(plan.tasks[9]).toMatchObject({ number: 9, part: 3, title: '加强教育信息化(智慧教育)建设' });
    expect(plan.tasks[9]!.body.startsWith('9. 加强')).toBe(true);
    expect(plan.tasks[16]).toMatchObject({ number: 16, part: 4, title: '借智借力深化工程' });
    expect(plan.warnings).toEqual([]);
  });

  test('full-width （一）, 1、 1． numbering, missing and extra spaces, 工作要点 title, CRLF', () => {
    const plan = parseFixture('variant-fullwidth.txt');
    expect(plan.meta.title).toBe('测试用：某县教育局2021年工作要点（测试数据，非真实文件）');
    expect(plan.meta.published).toBe('2021-02-15');
    expect(plan.sections.map((s) => [s.heading, s.id])).toEqual([['一、总体要求', 'general-requirements'], ['二、主要任务', 'key-tasks']]);
    expect(plan.parts.map((p) => [p.label, p.title, p.short])).toEqual([['（一）', '全面加强党的建设', '党的建设'], ['（二）', '办好民生实事', '民生实事']]);
    expect(plan.tasks.map((t) => [t.number, t.part, t.title])).toEqual([
      [0, null, '总体要求'],
      [1, 1, '加强党建工作'],
      [2, 1, '推进廉政建设'],
      [3, 2, '实施托管服务'],
      [4, 2, '减轻教师负担'],
    ]);
    expect(plan.tasks[2]!.body).toBe('2．推进廉政建设。测试数据。');
    expect(plan.tasks[4]!.body).toBe('4、 减轻教师负担。测试数据。');
  });

  test('sub-items (1) and ① belong to the task above, as paragraphs; a hard-wrapped line is joined', () => {
    const plan = parseFixture('variant-subitems.txt');
    expect(plan.meta.title).toContain('工作思路');
    expect(plan.tasks.map((t) => [t.number, t.part, t.title])).toEqual([
      [0, null, '指导思想'],
      [1, 1, '实施质量提升工程'],
      [2, 1, '加强师资建设'],
      [3, 2, '保障校园安全'],
    ]);
    expect(plan.tasks[1]!.body).toBe('1.**实施质量提升工程。**测试数据，包括以下内容：\n\n(1)初中质量提升。力争初中优秀率达到30%以上。\n\n(2)高中质量提升。测试数据。');
    expect(plan.tasks[2]!.body).toBe('2.加强师资建设\n\n①培训教师500人次。\n\n②引进名师5名。');
    expect(plan.tasks[3]!.body).toBe('3.**保障校园安全**，测试数据，这是一段被硬换行的长段落的第二行。');
    expect(plan.tasks[1]!.endLine).toBe(9);
  });

  test('without (一) headings, the sections that hold tasks are the parts; a section of text keeps it as paragraphs', () => {
    const plan = parseFixture('variant-sections-as-parts.txt');
    expect(plan.parts.map((p) => [p.number, p.label, p.title, p.short])).toEqual([
      [1, '一、', '坚持立德树人，加强德育工作', '立德树人'],
      [2, '二、', '聚焦教育公平，优化资源配置', '资源配置'],
    ]);
    expect(plan.tasks.map((t) => [t.number, t.part])).toEqual([[1, 1], [2, 1], [3, 2]]);
    expect(plan.sections.map((s) => s.id)).toEqual(['section-1', 'section-2', 'safeguards']);
    expect(plan.sections[2]!.paragraphs).toEqual(['测试数据：这一节没有编号任务，作为本节的文字导入。']);
    expect(plan.parts.map((p) => p.section)).toEqual(['section-1', 'section-2']);
    expect(plan.warnings.join('\n')).not.toContain('not imported');
  });

  test('tasks numbered （1） when the plan has no 1. numbers, with ① sub-items', () => {
    const plan = parsePlan('某县教育局2020年工作要点\n（一）部分\n（1）第一项。测试。\n①细项。\n（2）第二项。测试。\n');
    expect(plan.taskStyle).toBe('paren');
    expect(plan.tasks.map((t) => [t.number, t.title, t.body])).toEqual([
      [1, '第一项', '（1）第一项。测试。\n\n①细项。'],
      [2, '第二项', '（2）第二项。测试。'],
    ]);
  });

  test('part short names: skip framing clauses, last four characters', () => {
    expect(partShort('以党的十九大精神为统领,全面加强教育系统党的建设')).toBe('党的建设');
    expect(partShort('着力实施六大工程,夯实教育事业基础')).toBe('六大工程');
    expect(partShort('办好几件关键实事')).toBe('关键实事');
    expect(partShort('党建')).toBe('党建');
  });
});

test.describe('malformed input: a clear error with the line number', () => {
  const cases: [string, string][] = [
    ['malformed/no-tasks.txt', 'line 4: no numbered tasks found; expected paragraphs that start with a task number'],
    ['malformed/repeated-number.txt', 'line 10: task number 2 is repeated (first at line 8); expected 3'],
    ['malformed/skipped-number.txt', 'line 10: task number 4 skips 3; expected 3'],
    ['malformed/empty-part.txt', 'line 8: part heading (二)第二部分没有任务 has no tasks; expected a numbered task'],
    ['malformed/task-outside-part.txt', 'line 4: task 1 is not under a part heading'],
    ['malformed/no-title.txt', 'line 3: no title line found; expected a line such as'],
  ];
  for (const [file, message] of cases) {
    test(file, () => {
      const error = importError(() => parseFixture(file));
      expect(error.message).toContain(message);
      expect(error.line).toBe(Number(/^line (\d+)/.exec(message)![1]));
    });
  }

  test('a part out of sequence', () => {
    const error = importError(() => parsePlan('某县2020年工作要点\n(一)甲\n1.甲。\n(三)丙\n2.丙。\n'));
    expect(error.message).toBe('line 4: part (三) is out of sequence; expected (二)');
  });
});

test.describe('proposed targets', () => {
  test('clauses keep their date: 2019年秋季学期开始 is joined to the next clause', () => {
    expect(clauses('甲。2019年秋季学期开始,条件具备的学校都要开展。乙').map((c) => c.text)).toEqual(['甲', '2019年秋季学期开始,条件具备的学校都要开展', '乙']);
  });

  test('percent, count, zero, milestone and evaluation', () => {
    expect(proposeForClause('公办园覆盖面达到65%以上', 2019)).toEqual({ kind: 'percent-threshold', metric: '公办园覆盖面', comparator: '>=', value: 65, unit: '%', quote: '公办园覆盖面达到65%以上', reviewed: false });
    expect(proposeForClause('优秀率不低于30％', 2019)).toMatchObject({ kind: 'percent-threshold', value: 30, metric: '优秀率' });
    expect(proposeForClause('2019年,力争遴选培植5所党建示范校', 2019)).toEqual({ kind: 'count', metric: '党建示范校', comparator: '=', value: 5, unit: '所', deadline: { year: 2019, type: 'by' }, quote: '2019年,力争遴选培植5所党建示范校', reviewed: false });
    expect(proposeForClause('新建10个以上图书角', 2020)).toMatchObject({ kind: 'count', comparator: '>=', value: 10, unit: '个' });
    expect(proposeForClause('力争本县学籍中小学生和幼儿园儿童非正常死亡为零', 2019)).toMatchObject({ kind: 'zero', metric: '本县学籍中小学生和幼儿园儿童非正常死亡', comparator: '=', value: 0 });
    expect(proposeForClause('2019年秋季学期开始,条件具备的学校都要开展校内托管服务工作', 2019)).toMatchObject({ kind: 'milestone', deadline: { year: 2019, term: '秋季学期', type: 'start' } });
    expect(proposeForClause('2020年年底前完成', 2020)).toMatchObject({ kind: 'milestone', deadline: { year: 2020, term: '年底', type: 'by' } });
    expect(proposeForClause('2020年通过教育现代化评估认定', 2019)).toMatchObject({ kind: 'evaluation', deadline: { year: 2020, type: 'by' } });
  });

  test('no target for plain text, a past year, or months', () => {
    for (const clause of ['在2018年度完成无线网络全覆盖基础上', '用6个月时间', '读成第0项任务', '围绕“乡村振兴”战略']) {
      expect(proposeForClause(clause, 2019), clause).toBeNull();
    }
  });

  test('theme years, daily standards, zeros, rankings, documents to issue, directions and named actions', () => {
    const cases: [string, object][] = [
      ['把2019年作为教育系统“党建质量年”', { kind: 'theme-year', metric: '“党建质量年”', deadline: { year: 2019, type: 'during' } }],
      ['确保学生每天一小时体育运动时间', { kind: 'daily-standard', value: 1, unit: '小时', comparator: '>=' }],
      ['以实验园、中心园、民族园三大公办园为龙头组建三大幼儿教育集团', { kind: 'count', value: 3 }],
      ['坚决杜绝“小学化”倾向', { kind: 'zero', word: '杜绝', value: 0, metric: '“小学化”倾向' }],
      ['力争综合办学水平处于全市中上行列', { kind: 'ranking', word: '行列' }],
      ['出台《提高初中教学质量的若干意见》', { kind: 'document-to-issue', metric: '《提高初中教学质量的若干意见》' }],
      ['制定出台第二轮特殊教育三年提升计划', { kind: 'document-to-issue', metric: '第二轮特殊教育三年提升计划' }],
      ['基础教育质量稳步提升', { kind: 'direction', comparator: 'increase', word: '稳步提升' }],
      ['减轻学生过重课外学业负担', { kind: 'direction', comparator: 'decrease', word: '减轻', metric: '学生过重课外学业负担' }],
      ['召开全县家庭教育工作会议', { kind: 'action', metric: '召开全县家庭教育工作会议' }],
      ['全面落实党建巡查“10+88”指标', { kind: 'action' }],
    ];
    for (const [clause, want] of cases) expect(proposeForClause(clause, 2019), clause).toMatchObject({ ...want, quote: clause, reviewed: false });
  });

  test('every quote is a substring of the text', () => {
    const plan = parsePlan(decodePlanText(seed()).text);
    let count = 0;
    for (const task of plan.tasks) {
      for (const t of proposeTargets(task.body, 2019)) {
        count++;
        expect(task.body).toContain(t.quote);
        expect(t.reviewed).toBe(false);
      }
    }
    expect(count).toBeGreaterThanOrEqual(10);
  });
});

test.describe('documents', () => {
  test('levels by the first words of the title', () => {
    expect(levelOf('《景宁县智慧教育五年行动规划》')).toBe('county');
    expect(levelOf('《浙江省教育信息化三年行动计划(2018-2020年)》')).toBe('provincial');
    expect(levelOf('《丽水市教育局关于实行积分制管理促进教师发展的实施意见》')).toBe('municipal');
    expect(levelOf('《中小学德育工作指南》')).toBe('national');
  });

  test('links by exact planTitle, in text order; unknown 《titles》 are missing', () => {
    const known = [
      { id: 'b', planTitle: '《乙》' },
      { id: 'a', planTitle: '《甲》' },
      { id: 'plain', planTitle: '有偿补课三大文件' },
      { id: 'unused', planTitle: null },
    ];
    expect(linkDocuments('依据《甲》《乙》和有偿补课三大文件,制定《丙》。再次引用《甲》。', known)).toEqual({ ids: ['a', 'b', 'plain'], missing: ['《丙》'] });
    expect(citedTitles('《甲》《甲》《乙》')).toEqual(['《甲》', '《乙》']);
  });

  test('stub ids are pinyin, made unique', () => {
    expect(stubId('《景宁县智慧教育五年行动规划》', new Set())).toBe('jing-ning-xian-zhi-hui-jiao-yu-wu');
    expect(stubId('《景宁县智慧教育五年行动规划》', new Set(['jing-ning-xian-zhi-hui-jiao-yu-wu']))).toBe('jing-ning-xian-zhi-hui-jiao-yu-wu-2');
  });
});
