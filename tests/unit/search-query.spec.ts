/**
 * Query handling (src/lib/search/query.ts) with the real word list and a fake engine: what a
 * question becomes, which wordings are searched, and how results are ranked and relaxed.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { MAX_QUERY_LENGTH, MAX_VARIANTS, normalize, planQuery, rank, type Engine, type Hit } from '../../src/lib/search/query.ts';
import { compileLexicon, type LexiconFile } from '../../src/lib/search/lexicon.ts';
import { siteCorpus } from '../helpers/search.ts';

const file = JSON.parse(readFileSync(new URL('../../content/search/synonyms.json', import.meta.url), 'utf8')) as LexiconFile;
const lexicon = compileLexicon(file, siteCorpus());
const plan = (q: string) => planQuery(q, lexicon);
const units = (q: string) => plan(q).variants.flatMap((v) => v.units);

test('normalising: full-width to half-width, punctuation out, lower case, decimals kept', () => {
  expect(normalize('６５％')).toBe('65%');
  expect(normalize('  托管？！ ')).toBe('托管');
  expect(normalize('《教师职业行为十项准则》')).toBe('教师职业行为十项准则');
  expect(normalize('XGXP')).toBe('xgxp');
  expect(normalize('3.5小时')).toBe('3.5小时');
  expect(normalize('<img src=x onerror=alert(1)>')).toBe('img src x onerror alert 1');
  expect(normalize('托'.repeat(200)).length).toBe(MAX_QUERY_LENGTH);
});

test('a question loses its question words, never a content word', () => {
  const p = plan('孩子放学后学校能托管吗');
  expect(p.ignored).toEqual(expect.arrayContaining(['孩子', '能', '吗']));
  expect(p.variants[0]!.units).toEqual(['放学', '后', '学校', '托管']);
  // 能 goes only where it stands alone: inside 能力 it stays.
  expect(units('教师能力')).toContain('能力');
  expect(plan('幼儿园覆盖率目标是多少').ignored).toEqual(expect.arrayContaining(['是多少']));
  expect(units('幼儿园覆盖率目标是多少')).toEqual(expect.arrayContaining(['目标']));
});

test('a query of nothing but question words searches what was typed', () => {
  const p = plan('怎么办');
  expect(p.variants.length).toBeGreaterThan(0);
  expect(p.variants[0]!.query).not.toBe('');
});

test('everyday words are also searched in the plan\'s wording, which weighs more', () => {
  const p = plan('托班');
  expect(p.rewrites).toEqual([{ from: '托班', to: ['放学后托管', '托管服务'] }]);
  const original = p.variants.find((v) => v.query === '托班')!;
  const planWording = p.variants.find((v) => v.query === '放学后托管')!;
  expect(planWording.weight).toBeGreaterThan(original.weight);
  // 减负 → 减轻…负担: both words, in the same wording.
  expect(plan('减负').variants.map((v) => v.query)).toContain('减轻 负担');
});

test('an everyday word the plan also uses keeps full weight; a plan phrase already typed is not rewritten', () => {
  const buke = plan('补课');
  expect(buke.variants.find((v) => v.query === '补课')!.weight).toBe(1);
  expect(buke.variants.map((v) => v.query)).toEqual(expect.arrayContaining(['有偿补课', '校外培训']));
  // 有偿补课 is the plan's own wording: 补课 inside it must not turn it into 有偿校外培训.
  expect(plan('有偿补课').rewrites).toEqual([]);
});

test('equivalent words find each other both ways', () => {
  expect(plan('幼儿园').variants.map((v) => v.query)).toContain('学前教育');
  expect(plan('学前教育').variants.map((v) => v.query)).toContain('幼儿园');
});

test('the three questions of the issue become searches for the plan\'s words', () => {
  expect(units('孩子放学后学校能托管吗')).toEqual(expect.arrayContaining(['放学', '托管']));
  const paid = plan('老师有偿补课怎么处理');
  expect(paid.variants.map((v) => v.query)).toContain('教师 有 偿 补课 处理');
  expect(paid.ignored).toContain('怎么');
  const kg = plan('幼儿园覆盖率目标是多少');
  expect(kg.variants.some((v) => v.units.includes('学前教育'))).toBe(true);
});

test('several rewrites combine, but the number of wordings is capped', () => {
  const p = plan('老师补课视力食堂');
  expect(p.rewrites.map((r) => r.from)).toEqual(['老师', '补课', '视力', '食堂']);
  expect(p.variants.length).toBeLessThanOrEqual(MAX_VARIANTS);
});

test('pinyin: spaced syllables are also searched joined; letters are lower-cased', () => {
  expect(plan('tuo guan').variants.map((v) => v.query)).toEqual(['tuo guan', 'tuoguan']);
  expect(plan('XGXP').variants.map((v) => v.query)).toEqual(['xgxp']);
  expect(plan('xgxp').script).toBe('latin');
});

test('a run typed without spaces gets an exact-phrase boost; a question does not', () => {
  expect(plan('教育现代化').variants).toContainEqual(expect.objectContaining({ query: '"教育现代化"', boost: true }));
  expect(plan('孩子近视怎么办').variants.some((v) => v.boost)).toBe(false);
  expect(plan('托管').variants.some((v) => v.boost)).toBe(false);
});

test('nothing to search for an empty or punctuation-only query', () => {
  expect(plan('  ').variants).toEqual([]);
  expect(plan('？？').script).toBe('none');
});

/** A fake engine: query → hits. */
const engineOf = (table: Record<string, Hit[]>): Engine => async (q) => table[q] ?? [];

test('ranking: a page scores its best wording, not the sum of wordings', async () => {
  const p = { ...plan('x'), variants: [{ query: 'a', units: ['a'], weight: 1 }, { query: 'b', units: ['b'], weight: 1 }] };
  const ranked = await rank(p, engineOf({
    a: [{ id: 'task', score: 10 }, { id: 'guide', score: 9 }],
    b: [{ id: 'guide', score: 10 }, { id: 'task', score: 9.5 }],
  }));
  // guide: max(0.9, 1) = 1; task: max(1, 0.95) = 1 → tie broken by id, but neither is summed to 1.9.
  expect(ranked.ids).toEqual(['guide', 'task']);
  const weighted = await rank({ ...p, variants: [{ query: 'a', units: ['a'], weight: 1 }, { query: 'b', units: ['b'], weight: 0.5 }] },
    engineOf({ a: [{ id: 'task', score: 10 }, { id: 'guide', score: 9 }], b: [{ id: 'guide', score: 10 }] }));
  expect(weighted.ids).toEqual(['task', 'guide']);
});

test('ranking: the kind prior puts the task before a guide that scores a little higher', async () => {
  const p = plan('有偿补课');
  const hits: Hit[] = [{ id: 'guide', score: 25, kind: '指南' }, { id: 'task', score: 21, kind: '任务' }];
  expect((await rank(p, async () => hits)).ids).toEqual(['guide', 'task']);
  expect((await rank(p, async () => hits, { prior: { 任务: 1, 指南: 0.75 } })).ids).toEqual(['task', 'guide']);
});

test('ranking: the phrase boost lifts pages with the exact phrase, and adds no page of its own', async () => {
  const p = { ...plan('x'), variants: [
    { query: '教育 现代化', units: ['教育', '现代化'], weight: 1 },
    { query: '"教育现代化"', units: ['教育现代化'], weight: 0.5, boost: true },
  ] };
  const ranked = await rank(p, engineOf({
    '教育 现代化': [{ id: 't7', score: 10 }, { id: 't17', score: 9 }],
    '"教育现代化"': [{ id: 't17', score: 5 }, { id: 'other', score: 5 }],
  }));
  expect(ranked.ids).toEqual(['t17', 't7']);
});

test('relaxation: when only broad pages match every word, words are searched one by one', async () => {
  // As for 党建示范校有几所: only the full text has all three words, task 1 has two of them.
  const p = { ...plan('x'), variants: [{ query: '党建 示范 校', units: ['党建', '示范', '校'], weight: 1 }] };
  const table: Record<string, Hit[]> = {
    '党建 示范 校': [{ id: 'fulltext', score: 3, kind: '全文' }],
    党建: [{ id: 't1', score: 9, kind: '任务' }, { id: 't2', score: 8, kind: '任务' }, { id: 'fulltext', score: 2, kind: '全文' }],
    示范: [{ id: 't1', score: 5, kind: '任务' }, { id: 't19', score: 6, kind: '任务' }],
    校: [{ id: 't19', score: 4, kind: '任务' }, { id: 't1', score: 3, kind: '任务' }],
  };
  const ranked = await rank(p, engineOf(table), { broad: ['全文'] });
  expect(ranked.relaxed).toBe(true);
  // t1: 1 + 5/6 + 0.5·3/4 beats t19: 1 + 0.5·1 and t2: 8/9; the single character 校 counts half.
  expect(ranked.ids.slice(0, 3)).toEqual(['t1', 't19', 't2']);
  expect(ranked.ids).toContain('fulltext');
  // With a specific page among the strict results, no relaxation.
  table['党建 示范 校']!.push({ id: 't1', score: 2, kind: '任务' });
  const strict = await rank(p, engineOf(table), { broad: ['全文'] });
  expect(strict).toEqual({ ids: ['fulltext', 't1'], relaxed: false });
});

test('relaxation does not apply to a one-word query', async () => {
  const ranked = await rank(plan('托管'), async () => [{ id: 'fulltext', score: 1, kind: '全文' }], { broad: ['全文'] });
  expect(ranked).toEqual({ ids: ['fulltext'], relaxed: false });
});

test('a long paste of everyday words stays a handful of searches', () => {
  const p = plan('托班补课视力作业老师欺负食堂网课职校家长会军训'.repeat(2));
  expect(p.variants.length).toBeLessThanOrEqual(MAX_VARIANTS + 1);
});
