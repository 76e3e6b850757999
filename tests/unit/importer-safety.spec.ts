/**
 * The importer never damages what is there (issue 10). Each test here failed before the fix it
 * covers: a different text for a year is refused unless --replace; writing is all or nothing (a
 * failure or Ctrl-C half-way leaves the tree as it was, a killed import is undone by the next run);
 * leftover files are never adopted as the seed; full-width and four-digit task numbers are tasks, an
 * unknown numbering of the next task is an error with its line; a text pasted from Word with no
 * 发布时间/来源 imports with those facts unknown; bad bytes, empty and oversized files are refused
 * with a clear message.
 */
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fileTree, root } from '../helpers/content';
import { PLAN_2020, runImport as run } from '../helpers/import-cli';
import { parsePlan } from '../../src/importer/structure.ts';
import { ImportError } from '../../src/importer/errors.ts';

const frontmatter = (file: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!);

/** Another plan for the same year: the 2020 test plan with different words in task 1. */
function otherPlan(dir: string): string {
  const file = join(dir, 'other-plan.txt');
  writeFileSync(file, readFileSync(PLAN_2020, 'utf8').replace('1.测试学前教育目标。本条为测试数据。', '1.另一份计划的第一项。完全不同的文字。'));
  return file;
}

/** Run the CLI in the background, e.g. to interrupt it. */
function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [join(root, 'scripts/import.ts'), ...args], { cwd: root, env: { ...process.env, ...env } });
  let stderr = '';
  const paused = new Promise<void>((resolve) => {
    child.stderr.on('data', (d) => {
      stderr += String(d);
      if (stderr.includes('import: paused')) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, paused, exited, stderr: () => stderr };
}

let out: string;
test.beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'importer-safety-'));
  cpSync(join(root, 'content/documents'), join(out, 'content/documents'), { recursive: true });
});
test.afterEach(() => rmSync(out, { recursive: true, force: true }));

test.describe('a different text for a year that has one', () => {
  test('is refused with exit 3 and nothing written, in a copy of this repository too', () => {
    cpSync(join(root, 'content'), join(out, 'content'), { recursive: true });
    cpSync(join(root, 'seeds'), join(out, 'seeds'), { recursive: true });
    const before = fileTree(out);
    const r = run(PLAN_2020, '--year', '2019', '--out', out);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('content/tasks/2019/ already holds a different text for 2019');
    expect(r.stderr).toContain('run again with --replace');
    expect(r.stderr).toContain('nothing was written');
    expect(r.stdout).toBe('');
    expect(fileTree(out)).toEqual(before);
  });

  test('with --replace the text is replaced, tasks it lacks go, and the old seed stays in seeds/', () => {
    expect(run(PLAN_2020, '--year', '2020', '--out', out).code).toBe(0);
    const oldSeed = frontmatter(join(out, 'content/plans/2020.mdx')).seed;
    writeFileSync(join(out, 'content/tasks/2020/06.mdx'), '---\nplan: "2020"\nnumber: 6\n---\n6.旧计划的第六项。\n');
    const other = otherPlan(out);
    expect(run(other, '--year', '2020', '--out', out).code).toBe(3);
    const r = run(other, '--year', '2020', '--out', out, '--replace');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('delete    content/tasks/2020/06.mdx');
    expect(readFileSync(join(out, 'content/tasks/2020/01.mdx'), 'utf8')).toContain('1.另一份计划的第一项。完全不同的文字。');
    expect(existsSync(join(out, 'content/tasks/2020/06.mdx'))).toBe(false);
    const seed = frontmatter(join(out, 'content/plans/2020.mdx')).seed;
    expect(seed).not.toBe(oldSeed);
    expect(readFileSync(join(out, oldSeed))).toEqual(readFileSync(PLAN_2020));
    expect(readFileSync(join(out, seed))).toEqual(readFileSync(other));
  });

  test('the same text again is not a difference: it merges as before', () => {
    expect(run(PLAN_2020, '--year', '2020', '--out', out).code).toBe(0);
    const r = run(PLAN_2020, '--year', '2020', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n0 files written\n$/);
  });
});

test.describe('all or nothing', () => {
  test('a failure half-way rolls back what was written: one line, exit 4, no leftovers', () => {
    // content/tasks/2020 is a file, so the task files cannot be written after the seed and the plan were.
    mkdirSync(join(out, 'content/tasks'), { recursive: true });
    writeFileSync(join(out, 'content/tasks/2020'), 'not a directory');
    const before = fileTree(out);
    const r = run(PLAN_2020, '--year', '2020', '--out', out);
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^import: unexpected error: .*; everything was rolled back, nothing was written\n$/);
    expect(fileTree(out)).toEqual(before);
  });

  for (const step of ['stage:1', 'commit:0', 'commit:2'] as const) {
    test(`Ctrl-C during the write (${step}) rolls everything back, exit 130`, async () => {
      expect(run(PLAN_2020, '--year', '2020', '--out', out).code).toBe(0);
      const before = fileTree(out);
      const other = otherPlan(out);
      const beforeWithInput = fileTree(out);
      const job = start([other, '--year', '2020', '--out', out, '--replace'], { IMPORT_TEST_PAUSE: step });
      await job.paused;
      job.child.kill('SIGINT');
      expect(await job.exited).toBe(130);
      expect(job.stderr()).toContain('interrupted by SIGINT; everything was rolled back, nothing was written');
      expect(fileTree(out)).toEqual(beforeWithInput);
      expect(before.size + 1).toBe(beforeWithInput.size);
    });
  }

  test('an import killed outright is undone by the next run before it does anything', async () => {
    const job = start([PLAN_2020, '--year', '2020', '--out', out], { IMPORT_TEST_PAUSE: 'commit:3' });
    await job.paused;
    const before = fileTree(out);
    expect([...before.keys()].some((f) => f.startsWith('.import-'))).toBe(true);
    expect(existsSync(join(out, 'content/plans/2020.mdx'))).toBe(true); // half written
    job.child.kill('SIGKILL');
    await job.exited;
    const r = run(PLAN_2020, '--year', '2020', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/import: \.import-\d+: an interrupted import was undone/);
    const clean = mkdtempSync(join(tmpdir(), 'importer-safety-clean-'));
    try {
      cpSync(join(root, 'content/documents'), join(clean, 'content/documents'), { recursive: true });
      expect(run(PLAN_2020, '--year', '2020', '--out', clean).code).toBe(0);
      const strip = (m: Map<string, string>) => [...m.keys()].sort();
      expect(strip(fileTree(out))).toEqual(strip(fileTree(clean)));
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  test('a leftover temporary file with the same bytes is never adopted as the seed', () => {
    mkdirSync(join(out, 'seeds'), { recursive: true });
    writeFileSync(join(out, 'seeds/000_cea8730fb123d977.txt.import-4242.tmp'), readFileSync(PLAN_2020));
    expect(run(PLAN_2020, '--year', '2020', '--out', out).code).toBe(0);
    const seed = frontmatter(join(out, 'content/plans/2020.mdx')).seed;
    expect(seed).toMatch(/^seeds\/\d{3}_[0-9a-f]{16}\.txt$/);
    expect(readFileSync(join(out, seed))).toEqual(readFileSync(PLAN_2020));
  });
});

test.describe('task numbers', () => {
  const plan = (tasks: string[]) => ['某县教育局2030年工作要点', '一、重点任务', '（一）第一部分', ...tasks].join('\n');

  test('a full-width number at the end of a part is a task of its own, not merged', () => {
    const parsed = parsePlan(plan(['1.第一项。内容。', '２．第二项。内容。', '（二）第二部分', '３．第三项。内容。']));
    expect(parsed.tasks.map((t) => [t.number, t.part, t.body])).toEqual([
      [1, 1, '1.第一项。内容。'],
      [2, 1, '２．第二项。内容。'],
      [3, 2, '３．第三项。内容。'],
    ]);
  });

  test('task numbers of four digits are tasks', () => {
    const tasks = Array.from({ length: 1001 }, (_, i) => `${i + 1}.第${i + 1}项。内容。`);
    const parsed = parsePlan(plan(tasks));
    expect(parsed.tasks).toHaveLength(1001);
    expect(parsed.tasks.at(-1)).toMatchObject({ number: 1001, body: '1001.第1001项。内容。' });
    expect(parsed.tasks.at(-2)).toMatchObject({ number: 1000, body: '1000.第1000项。内容。' });
  });

  test('the next task in a numbering the importer does not know is an error with its line', () => {
    for (const line of ['2）第二项。内容。', '2) 第二项。', '2 第二项。内容。']) {
      let error: unknown;
      try {
        parsePlan(plan(['1.第一项。内容。', line]));
      } catch (e) {
        error = e;
      }
      expect(error, line).toBeInstanceOf(ImportError);
      expect((error as ImportError).message, line).toMatch(/^line 5: ".*" starts with 2, the next task's number, in a form the importer does not know/);
    }
    // Other numbers at a line start stay text: sub-items, a wrapped count.
    expect(parsePlan(plan(['1.第一项。内容：', '1）甲；', '3 所学校。'])).tasks[0]!.body).toBe('1.第一项。内容：\n\n1）甲；\n\n3 所学校。');
  });
});

test.describe('input files', () => {
  test('text pasted from Word, with no 发布时间 and no 来源, imports with them unknown and one warning', () => {
    const pasted = join(out, 'pasted.txt');
    writeFileSync(pasted, ['某县教育局2030年工作要点', '一、重点任务', '（一）第一部分', '1.第一项。内容。'].join('\n'));
    const r = run(pasted, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.includes('imported as unknown'));
    expect(warnings).toEqual(['  content/plans/2030.mdx: the text has no 发布时间, 来源, 原文链接; imported as unknown (pages show 未知). Fill in with --published YYYY-MM-DD --site <name> --source-url <url>']);
    expect(frontmatter(join(out, 'content/plans/2030.mdx'))).toMatchObject({ published: null, site: null, sourceUrl: null, issuer: '某县教育局' });
  });

  test('an empty file, a file over 2 MB and bytes that are no text are refused, naming the place', () => {
    const empty = join(out, 'empty.txt');
    writeFileSync(empty, '');
    expect(run(empty, '--out', out)).toMatchObject({ code: 1, stderr: expect.stringContaining('the file is empty (0 bytes)') });
    const big = join(out, 'big.txt');
    writeFileSync(big, readFileSync(PLAN_2020, 'utf8').repeat(Math.ceil((2.1 * 1024 * 1024) / readFileSync(PLAN_2020).length)));
    expect(run(big, '--out', out)).toMatchObject({ code: 1, stderr: expect.stringMatching(/the file is 2\.\d MB; .* inputs over 2 MB are refused/) });
    const damaged = join(out, 'damaged.txt');
    const bytes = readFileSync(PLAN_2020);
    const at = bytes.indexOf(Buffer.from('测试引用文件'));
    const line = bytes.subarray(0, at).toString('utf8').split('\n').length;
    expect(at).toBeGreaterThan(0);
    writeFileSync(damaged, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe, 0xfd]), bytes.subarray(at)]));
    expect(run(damaged, '--out', out)).toMatchObject({ code: 1, stderr: expect.stringContaining(`line ${line}: byte offset ${at}: not valid UTF-8`) });
    expect(fileTree(out).size).toBe(readdirSync(join(root, 'content/documents')).length + 3);
  });
});
