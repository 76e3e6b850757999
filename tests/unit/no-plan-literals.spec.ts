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

test('the check sees a literal in code and ignores it in a comment', () => {
  expect(LITERALS.test(withoutComments("const year = '2019';"))).toBe(true);
  expect(LITERALS.test(withoutComments('const url = "https://a.b/"; const n = 2019;'))).toBe(true);
  expect(LITERALS.test(withoutComments('// the 2019 layout\n/** 六个部分 */\n{/* 23项 */}'))).toBe(false);
});
