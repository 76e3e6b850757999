/**
 * Any plan, any year: nothing in src/ names one plan's year, date, heading or count. Pages read the
 * outline and identity from data (src/lib/outline.ts, src/lib/site.ts); a literal such as 2019 or
 * 六个部分 outside a comment would put one plan's facts on every plan's pages.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../helpers/content';

const LITERALS = /2019|3月28日|六个部分|23项/;

/** Source text with comments blanked: block comments, JSX comments, HTML comments, // line comments. */
function withoutComments(text: string): string {
  return text
    .replace(/\{?\/\*[\s\S]*?\*\/\}?/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;,(){}])\/\/.*$/gm, '$1');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|mts|mjs|js|astro|mdx?)$/.test(e.name) ? [rel] : [];
  });
}

test('no year, date, heading or count of one plan appears in src/ outside comments', () => {
  const files = sourceFiles('src');
  expect(files.length).toBeGreaterThan(30);
  const found = files.flatMap((f) =>
    withoutComments(readFileSync(join(root, f), 'utf8'))
      .split('\n')
      .flatMap((line, i) => (LITERALS.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(found).toEqual([]);
});

/**
 * One plan's kind: a 工作思路 one year, a 工作要点 or 工作计划 the next. Pages say the plan's own kind
 * (plan.kind) or, where they span plans, the kinds of the site's plans (site.kinds). A list naming 工作思路
 * beside 工作要点 (a recogniser pattern such as (工作思路|工作要点|工作计划), or an importer message listing
 * what it recognises) names every kind, not one plan's, and is allowed.
 */
const KIND_LITERAL = /工作思路/;
const KIND_LIST = /工作思路(?=\s*[|,，、]\s*工作要点)/g;
function kindLiterals(text: string): number[] {
  return withoutComments(text)
    .split('\n')
    .flatMap((line, i) => (KIND_LITERAL.test(line.replace(KIND_LIST, '')) ? [i + 1] : []));
}

test('no plan kind (工作思路) is written into src/ outside comments and recogniser patterns', () => {
  const files = sourceFiles('src');
  const found = files.flatMap((f) => {
    const lines = readFileSync(join(root, f), 'utf8').split('\n');
    return kindLiterals(lines.join('\n')).map((n) => `${f}:${n}: ${lines[n - 1]!.trim()}`);
  });
  expect(found).toEqual([]);
});

test('the kind check refuses 工作思路 in UI text and allows it in comments and kind lists', () => {
  expect(kindLiterals("<label for=\"q\">搜索工作思路</label>")).toEqual([1]);
  expect(kindLiterals("const tag = '相关国家文件，不属于工作思路';")).toEqual([1]);
  expect(kindLiterals('// 工作思路 or 工作要点\n/** 工作思路 */\n{/* 工作思路 */}')).toEqual([]);
  expect(kindLiterals("const kind = /(工作思路|工作要点|工作计划)/;")).toEqual([]);
  expect(kindLiterals("throw new Error('expected a title (containing 工作思路, 工作要点 or a year)');")).toEqual([]);
  // A list only excuses the word in it, not another one on the same line.
  expect(kindLiterals("const k = /(工作思路|工作要点)/; const t = '工作思路全文';")).toEqual([1]);
});

test('the check sees a literal in code and ignores it in a comment', () => {
  expect(LITERALS.test(withoutComments("const year = '2019';"))).toBe(true);
  expect(LITERALS.test(withoutComments('const url = "https://a.b/"; const n = 2019;'))).toBe(true);
  expect(LITERALS.test(withoutComments('// the 2019 layout\n/** 六个部分 */\n{/* 23项 */}'))).toBe(false);
});
