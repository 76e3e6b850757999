/**
 * `npm run progress`: records one dated piece of evidence on a target in a copy of the content
 * (`--root`), touching only the target's status and evidence lines, and writes a change entry.
 * Bad input (unknown id, status off the scale, impossible date, non-https source) is refused with a
 * clear message and nothing is written; so is a write that cannot complete.
 */
import { test, expect } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fileTree, root } from '../helpers/content';
import { runScript } from '../helpers/import-cli';
import { todayInChina } from '../../src/lib/progress.ts';

const ID = 't04-public-kindergarten-coverage';
const TASK = 'content/tasks/2019/04.mdx';
const SOURCE = 'https://www.jingning.gov.cn/art/2019/9/1/art_1.html';

const run = (dir: string, ...args: string[]) => runScript('progress.ts', ...args, '--root', dir);

const frontmatter = (text: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'progress-cli-'));
  cpSync(join(root, 'content/tasks'), join(dir, 'content/tasks'), { recursive: true });
  cpSync(join(root, 'content/changes'), join(dir, 'content/changes'), { recursive: true });
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('evidence is appended to the target and its status set; every other byte of the file is kept', () => {
  const before = readFileSync(join(dir, TASK), 'utf8');
  const r = run(dir, ID, '--status', '进行中', '--date', '2019-09-01', '--source', SOURCE, '--note', '公办园覆盖面达到60%');
  expect(r.code, r.stderr).toBe(0);
  const after = readFileSync(join(dir, TASK), 'utf8');

  // Only whole lines were added, all inside the target: removing them gives the original back.
  const added = ['    status: 进行中', '    evidence:', '      - date: "2019-09-01"', '        status: 进行中', `        source: "${SOURCE}"`, '        note: "公办园覆盖面达到60%"'];
  expect(after.split('\n').filter((l) => !added.includes(l)).join('\n')).toBe(before);
  const target = frontmatter(after).targets[0];
  expect(target.id).toBe(ID);
  expect(target.status).toBe('进行中');
  expect(target.evidence).toEqual([{ date: '2019-09-01', status: '进行中', source: SOURCE, note: '公办园覆盖面达到60%' }]);
  expect(frontmatter(after).targets.slice(1)).toEqual(frontmatter(before).targets.slice(1));

  // A second, newer entry goes after it, and the status follows it.
  expect(run(dir, ID, '--status', '已完成', '--date', '2019-12-20', '--source', `${SOURCE}?2`).code).toBe(0);
  const again = frontmatter(readFileSync(join(dir, TASK), 'utf8')).targets[0];
  expect(again.status).toBe('已完成');
  expect(again.evidence.map((e: { date: string }) => e.date)).toEqual(['2019-09-01', '2019-12-20']);
});

test('a dated change entry is written for /changes/ and the feed', () => {
  const r = run(dir, ID, '--status', '已完成', '--date', '2019-12-20', '--source', SOURCE);
  expect(r.code, r.stderr).toBe(0);
  const path = `content/changes/${todayInChina()}-${ID}.mdx`;
  expect(r.stdout).toContain(path);
  const change = frontmatter(readFileSync(join(dir, path), 'utf8'));
  expect(change).toEqual({
    date: todayInChina(),
    title: '目标状态：公办园覆盖面：已完成',
    kind: 'target-status',
    summary: '记录了一条2019年12月20日的证据，支持“已完成”。状态由“未评估”改为“已完成”。',
    paths: ['/2019/targets/', '/2019/tasks/4/'],
    target: ID,
    evidence: { date: '2019-12-20', status: '已完成', source: SOURCE },
  });
  // The same day again: a second file, never an overwrite.
  expect(run(dir, ID, '--status', '已完成', '--date', '2019-12-21', '--source', SOURCE).code).toBe(0);
  expect(existsSync(join(dir, `content/changes/${todayInChina()}-${ID}-2.mdx`))).toBe(true);
});

test('older evidence is filed in date order and the status stays with the newest', () => {
  expect(run(dir, ID, '--status', '已完成', '--date', '2019-12-20', '--source', SOURCE).code).toBe(0);
  const r = run(dir, ID, '--status', '进行中', '--date', '2019-06-01', '--source', `${SOURCE}?old`);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('status stays 已完成');
  const target = frontmatter(readFileSync(join(dir, TASK), 'utf8')).targets[0];
  expect(target.status).toBe('已完成');
  expect(target.evidence.map((e: { date: string }) => e.date)).toEqual(['2019-06-01', '2019-12-20']);
});

test('comments, quoting and key order in a hand-edited target survive', () => {
  const file = join(dir, 'content/tasks/2019/04.mdx');
  const text = readFileSync(file, 'utf8').replace(
    `  - id: ${ID}\n`,
    `  # checked against the 2019 statistics bulletin\n  - id: ${ID}\n    status: '未评估' # nothing published yet\n    evidence: []\n`,
  );
  writeFileSync(file, text);
  expect(run(dir, ID, '--status', '未完成', '--date', '2020-01-10', '--source', SOURCE).code).toBe(0);
  const after = readFileSync(file, 'utf8');
  expect(after).toContain(`  # checked against the 2019 statistics bulletin\n  - id: ${ID}\n    status: '未完成' # nothing published yet\n    evidence:\n      - date: "2020-01-10"\n        status: 未完成\n        source: "${SOURCE}"\n    kind: percent-threshold\n`);
  expect(after.replace(/    status: '未完成'/, "    status: '未评估'").replace(/    evidence:\n(      .*\n|        .*\n)+/, '    evidence: []\n')).toBe(text);
});

test('--dry-run prints both changes and writes nothing', () => {
  const before = fileTree(dir);
  const r = run(dir, ID, '--status', '进行中', '--date', '2019-09-01', '--source', SOURCE, '--dry-run');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('dry run: nothing written');
  expect(r.stdout).toContain('status 未评估 → 进行中');
  expect(r.stdout).toContain('      - date: "2019-09-01"');
  expect(r.stdout).toContain('kind: target-status');
  expect(fileTree(dir)).toEqual(before);
});

for (const [name, args, message] of [
  ['an unknown id, with the nearest ids', ['t04-public-kindergarten-coverag', '--status', '已完成', '--date', '2019-09-01', '--source', SOURCE], /unknown target id "t04-public-kindergarten-coverag"; did you mean t04-public-kindergarten-coverage, /],
  ['a status not on the scale', [ID, '--status', '完成', '--date', '2019-09-01', '--source', SOURCE], /--status: "完成" is not on the status scale; use one of 未评估、进行中、已完成、未完成、已调整/],
  ['an impossible date', [ID, '--status', '已完成', '--date', '2019-02-30', '--source', SOURCE], /--date: 2019-02-30 is not a day of the calendar/],
  ['a date not written YYYY-MM-DD', [ID, '--status', '已完成', '--date', '2019/9/1', '--source', SOURCE], /--date: "2019\/9\/1" is not a date written YYYY-MM-DD/],
  ['a date in the future', [ID, '--status', '已完成', '--date', '2999-01-01', '--source', SOURCE], /--date: 2999-01-01 is after today/],
  ['an http source', [ID, '--status', '已完成', '--date', '2019-09-01', '--source', 'http://www.jingning.gov.cn/a.html'], /--source: "http:\/\/www\.jingning\.gov\.cn\/a\.html" is not an https address/],
  ['a source that is not a URL', [ID, '--status', '已完成', '--date', '2019-09-01', '--source', 'jingning.gov.cn'], /--source: "jingning\.gov\.cn" is not a URL/],
] as const) {
  test(`refused with a clear error, nothing written: ${name}`, () => {
    const before = fileTree(dir);
    const r = run(dir, ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('nothing written');
    expect(fileTree(dir)).toEqual(before);
  });
}

test('the same evidence twice is refused', () => {
  expect(run(dir, ID, '--status', '已完成', '--date', '2019-09-01', '--source', SOURCE).code).toBe(0);
  const before = fileTree(dir);
  const r = run(dir, ID, '--status', '已完成', '--date', '2019-09-01', '--source', SOURCE);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`${TASK}: field \`targets[0].evidence\`: this evidence (2019-09-01, 已完成, ${SOURCE}) is already recorded`);
  expect(fileTree(dir)).toEqual(before);
});

test('a missing option is a usage error', () => {
  const r = run(dir, ID, '--status', '已完成');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('missing --date, --source');
});

test('all or nothing: when the change entry cannot be written, the task file is not written either', () => {
  // Something in the way of the change entry's temporary file.
  mkdirSync(join(dir, `content/changes/${todayInChina()}-${ID}.mdx.progress-tmp`));
  const before = fileTree(dir);
  const r = run(dir, ID, '--status', '已完成', '--date', '2019-09-01', '--source', SOURCE);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('nothing written');
  expect(fileTree(dir)).toEqual(before);
});
