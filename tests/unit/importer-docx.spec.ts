/**
 * Word files in: `npm run import -- plan.docx --year 2021`. The .docx fixtures are generated here with
 * the `docx` package (no binaries in the repository): typed numbering with text split across runs
 * and bold lead sentences; Word's automatic numbering restored from word/numbering.xml; a numbering
 * that cannot be restored is refused, quoting the paragraph; errors quote the paragraph.
 */
import { test, expect } from '@playwright/test';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { root } from '../helpers/content';
import { runImport as run } from '../helpers/import-cli';

type Para = string | TextRun[] | { auto: string; level?: number; text: string | TextRun[] };

const LEVELS = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
  reference: 'tasks',
  levels: [
    { level: 0, format, text, alignment: AlignmentType.START },
    { level: 1, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%2', alignment: AlignmentType.START },
  ],
});

async function docxFile(dir: string, name: string, paragraphs: Para[], numbering = LEVELS(LevelFormat.DECIMAL, '%1.')): Promise<string> {
  const doc = new Document({
    numbering: { config: [numbering] },
    sections: [{
      children: paragraphs.map((p) => {
        if (typeof p === 'string') return new Paragraph({ children: [new TextRun(p)] });
        if (Array.isArray(p)) return new Paragraph({ children: p });
        const children = typeof p.text === 'string' ? [new TextRun(p.text)] : p.text;
        return new Paragraph({ children, numbering: { reference: p.auto, level: p.level ?? 0 } });
      }),
    }],
  });
  const file = join(dir, name);
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

const HEAD: Para[] = ['测试用：某县教育局2021年工作要点（测试数据，非真实文件）', '一、指导思想', '测试数据：以测试为指导。', '二、重点工作', '（一）测试第一部分'];

let out: string;
test.beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'importer-docx-'));
  cpSync(join(root, 'content/documents'), join(out, 'content/documents'), { recursive: true });
});
test.afterEach(() => rmSync(out, { recursive: true, force: true }));

const read = (file: string) => {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(readFileSync(join(out, file), 'utf8'))!;
  return { data: parse(m[1]!), body: m[2]! };
};

test('typed numbering, text split across runs and bold lead sentences; the text is the seed, the .docx kept beside it', async () => {
  const input = await docxFile(out, 'plan.docx', [
    ...HEAD,
    [new TextRun({ text: '1.测试', bold: true }), new TextRun({ text: '学前教育。', bold: true }), new TextRun('到2021年底,全县公办园'), new TextRun('覆盖面达到'), new TextRun('70%以上。')],
    [new TextRun('2、'), new TextRun({ text: '测试引用文件。', bold: true }), new TextRun('落实《中小学德育工作指南》。')],
    '（二）测试第二部分',
    '3．测试全角点。力争测试事故为零。',
  ]);
  const r = run(input, '--year', '2021', '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('(docx; 4 tasks, 2 parts)');
  expect(read('content/tasks/2021/01.mdx')).toMatchObject({
    data: { title: '测试学前教育', part: 1 },
    body: '1.测试学前教育。到2021年底,全县公办园覆盖面达到70%以上。\n',
  });
  expect(read('content/tasks/2021/02.mdx').body).toBe('2、测试引用文件。落实《中小学德育工作指南》。\n');
  expect(read('content/tasks/2021/03.mdx').data).toMatchObject({ number: 3, part: 2, title: '测试全角点' });
  const seed = read('content/plans/2021.mdx').data.seed as string;
  expect(seed).toMatch(/^seeds\/000_[0-9a-f]{16}\.txt$/);
  expect(readFileSync(join(out, seed), 'utf8')).toContain('1.测试学前教育。到2021年底,全县公办园覆盖面达到70%以上。');
  expect(readFileSync(join(out, seed.replace(/\.txt$/, '.docx')))).toEqual(readFileSync(input));
});

test('Word automatic numbering is restored from word/numbering.xml, sub-levels included', async () => {
  const input = await docxFile(out, 'auto.docx', [
    ...HEAD,
    { auto: 'tasks', text: [new TextRun({ text: '测试自动编号。', bold: true }), new TextRun('本条为测试数据：')] },
    { auto: 'tasks', level: 1, text: '第一小项；' },
    { auto: 'tasks', level: 1, text: '第二小项。' },
    { auto: 'tasks', text: '测试第二项。本条为测试数据。' },
    '（二）测试第二部分',
    { auto: 'tasks', text: '测试第三项。编号接着上一部分。' },
  ]);
  const r = run(input, '--year', '2021', '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(read('content/tasks/2021/01.mdx').body).toBe('1.测试自动编号。本条为测试数据：\n\n①第一小项；\n\n②第二小项。\n');
  expect(read('content/tasks/2021/02.mdx').body).toBe('2.测试第二项。本条为测试数据。\n');
  expect(read('content/tasks/2021/03.mdx').data).toMatchObject({ number: 3, part: 2, title: '测试第三项' });
});

test('Chinese automatic numbering (一、) is restored as numbering.xml writes it', async () => {
  const input = await docxFile(out, 'cn.docx', [
    '测试用：某县教育局2021年工作要点（测试数据，非真实文件）',
    { auto: 'tasks', text: '重点工作' },
    '（一）测试部分',
    '1、测试任务。本条为测试数据。',
  ], LEVELS(LevelFormat.CHINESE_COUNTING, '%1、'));
  const r = run(input, '--year', '2021', '--out', out);
  expect(r.code).toBe(0);
  expect(read('content/plans/2021.mdx').data.sections).toEqual([expect.objectContaining({ heading: '一、重点工作' })]);
});

test('a numbering that cannot be restored is refused, quoting the first such paragraph; nothing written', async () => {
  const input = await docxFile(out, 'roman.docx', [...HEAD, { auto: 'tasks', text: '罗马数字编号的任务。本条为测试数据。' }], LEVELS(LevelFormat.UPPER_ROMAN, '%1.'));
  const before = readdirSync(out, { recursive: true }).length;
  const r = run(input, '--year', '2021', '--out', out);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('paragraph "罗马数字编号的任务。本条为测试数据。" is numbered automatically by Word in a format the importer cannot reproduce (upperRoman)');
  expect(r.stderr).toContain('nothing was written');
  expect(readdirSync(out, { recursive: true }).length).toBe(before);
});

test('errors in a .docx quote the paragraph instead of a line number', async () => {
  const input = await docxFile(out, 'bad.docx', [...HEAD, '1.第一项。内容。', '1.重复的编号。内容。']);
  const r = run(input, '--year', '2021', '--out', out);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('paragraph "1.重复的编号。内容。": task number 1 is repeated');
  expect(r.stderr).not.toMatch(/: line \d+:/);
});

test('a file named .docx that is not one says so', () => {
  const fake = join(out, 'fake.docx');
  writeFileSync(fake, '这不是Word文件');
  const r = run(fake, '--year', '2021', '--out', out);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('not a Word .docx file (it is not a zip archive)');
  expect(existsSync(join(out, 'seeds'))).toBe(false);
});
