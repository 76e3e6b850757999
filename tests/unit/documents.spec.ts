/**
 * The document entries say only what is so: every document the plan says it will issue (出台、制定、
 * 下发、制订) is listed as to be issued, a level label is true of every document in its group, year
 * ranges use one dash, and only a document seen in a public copy is cited as [EB/OL].
 */
import { test, expect } from '@playwright/test';
import { readCollection } from '../helpers/content';
import { LEVEL_DOCUMENT_LABELS, LEVEL_LABELS } from '../../src/lib/labels';

const documents = readCollection<any>('content/documents');
const tasks = readCollection<any>('content/tasks');

test('every document the plan says it will issue is listed as 拟出台, and cited by its task', () => {
  // The plan's verbs for a document it will make, followed by what it makes (to the next comma or 。);
  // 省里出台的… is a document someone else has issued, not a promise.
  const promised = tasks.flatMap((t) =>
    [...t.body.matchAll(/(?:制定出台|制定下发|出台|制订)(?!的)(《[^》]+》|[^,，。;；《]+?(?:计划|规划|意见|办法|方案))/g)].map((m) => ({ task: t, title: m[1]! })),
  );
  expect(promised.map((p) => p.title).sort()).toEqual(
    ['《提高初中教学质量的若干意见》', '第二轮特殊教育三年提升计划', '《景宁县智慧教育五年行动规划》', '《关于进一步健全教育技术装备管理应用工作的意见》', '加强民办教育培训机构设置和管理办法'].sort(),
  );
  const toIssue = documents.filter((d) => d.data.status === 'to-be-issued');
  expect(toIssue.map((d) => d.data.planTitle).sort()).toEqual(promised.map((p) => p.title).sort());
  for (const { task, title } of promised) {
    const doc = toIssue.find((d) => d.data.planTitle === title)!;
    expect(task.data.documents, `${task.file} lists ${doc.id}`).toContain(doc.id);
    // Nothing is known of a document not yet issued: no number, date or issuer filled in.
    expect([doc.data.officialTitle, doc.data.docNumber, doc.data.date], doc.file).toEqual([null, null, null]);
  }
});

test('a level label is true of every document in its group: 党内法规 only for 条例、准则 and the like', () => {
  // The forms a 党内法规 takes (中国共产党党内法规制定条例 art. 5); a 意见 or 通知 is not one.
  const REGULATION = /(党章|准则|条例|规则|规定|办法|细则)$/;
  for (const level of Object.keys(LEVEL_LABELS) as (keyof typeof LEVEL_LABELS)[]) {
    const members = documents.filter((d) => d.data.level === level);
    for (const label of [LEVEL_LABELS[level], LEVEL_DOCUMENT_LABELS[level]]) {
      if (!label.includes('法规')) continue;
      for (const d of members) expect(d.data.officialTitle ?? d.data.displayTitle, `${d.file} is labelled ${label}`).toMatch(REGULATION);
    }
  }
  const party = documents.filter((d) => d.data.level === 'party').map((d) => d.data.displayTitle);
  expect(party).toContain('关于加强中小学校党的建设工作的意见');
  expect(LEVEL_LABELS.party).not.toContain('法规');
});

test('year ranges in display titles use one dash (—), never a hyphen or an en dash', () => {
  const ranged = documents.filter((d) => /\d{4}\D{1,2}\d{4}/.test(d.data.displayTitle));
  expect(ranged.length).toBeGreaterThanOrEqual(2);
  for (const d of ranged) expect(d.data.displayTitle, d.file).toMatch(/\d{4}—\d{4}/);
});
