/**
 * Plan text reaches the pages exactly as written, whatever characters it holds. A test plan
 * (tests/fixtures/import/plan-plaintext-test.txt, TEST DATA) with {…}, a lone {, <3, </title>,
 * <!-- -->, <script>, ![](x.png), `import … from` lines and a full-width task number is imported into
 * a copy of the project and built; every task page shows its paragraphs character for character.
 * The text has no 发布时间 or 来源 (as when pasted from Word): the plan page shows them as 未知.
 */
import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { copyProject, buildIn, runNode } from '../helpers/project-copy';
import { root } from '../helpers/content';
import { toDisplayPunctuation } from '../../src/lib/punctuation';
import { startPreview } from '../../scripts/lib/preview.ts';

const expected: [number, string[]][] = [
  [1, ['1.测试花括号。本条为测试数据，{…}与{name}原样显示，单独的{也一样，}也一样。']],
  [2, ['2.测试尖括号。本条为测试数据，我们<3教育，</title>与<!-- 注释 -->原样显示，<script>alert(1)</script>也只是文字。']],
  [3, ['3.测试图片语法。本条为测试数据，![](x.png)与[链接](y)、*星号*和`反引号`原样显示。']],
  [4, ['4.测试导入语句。本条为测试数据，下面两行以import和export开头。', "import Foo from './foo.astro'", 'export const x = 1;']],
  [5, ['５．测试全角编号。本条为测试数据，任务编号是全角数字，&amp;与&lt;也原样显示。']],
];

test('task text with MDX, HTML and Markdown syntax builds and shows exactly as written', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = copyProject('plain-text');
  const imported = runNode(dir, ['scripts/import.ts', join(root, 'tests/fixtures/import/plan-plaintext-test.txt'), '--year', '2031']);
  expect(imported.status, imported.output).toBe(0);
  const built = buildIn(dir);
  expect(built.status, built.output).toBe(0);

  const server = await startPreview({ cwd: dir, env: { ...process.env, OUT_DIR: './dist' } });
  try {
    await page.goto(`${server.url}2031/guiding-principles/`);
    await expect(page.locator('.original [data-plan-text]')).toHaveText([toDisplayPunctuation('测试数据：检验任何字符都原样显示，例如{甲}和<乙>。')]);
    for (const [n, paragraphs] of expected) {
      await page.goto(`${server.url}2031/tasks/${n}/`);
      await expect(page.locator('.original [data-plan-text]'), `task ${n}`).toHaveText(paragraphs.map(toDisplayPunctuation));
      expect(await page.title()).toContain(`任务${n}`);
      await expect(page.locator('img, script:not([type="application/ld+json"])')).toHaveCount(0);
    }
    await page.goto(`${server.url}2031/`);
    await expect(page.locator('.plan-meta')).toContainText(/发布日期\s*未知/);
    await expect(page.locator('.plan-meta')).toContainText(/来源\s*未知/);
    await expect(page.locator('.plan-meta')).toContainText(/原文链接\s*未知/);
    const shown = (await page.locator('[data-plan-text]').allTextContents()).join('');
    for (const [, paragraphs] of expected) for (const p of paragraphs) expect(shown).toContain(toDisplayPunctuation(p));
  } finally {
    await server.stop();
  }
});
