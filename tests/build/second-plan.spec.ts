/**
 * Several plans side by side: the test plan (tests/fixtures/import/plan-2020-test.txt, marked as
 * test data and never published) is imported into a copy of the project with `scripts/import.ts`,
 * built, and must appear under /2020/ beside 2019, listed on the home page, with shared documents
 * showing both plans.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, buildIn, runNode } from '../helpers/project-copy';
import { root } from '../helpers/content';
import { startPreview } from '../../scripts/lib/preview.ts';

test('an imported second plan builds under its year beside 2019, and search filters by year', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = copyProject('second-plan');
  const imported = runNode(dir, ['scripts/import.ts', join(root, 'tests/fixtures/import/plan-2020-test.txt'), '--year', '2020', '--source-url', 'https://example.invalid/test-plan-2020']);
  expect(imported.status, imported.output).toBe(0);
  const built = buildIn(dir);
  expect(built.status, built.output).toBe(0);

  const builtPage = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
  expect(builtPage('2020')).toContain('测试用：景宁畲族自治县教育局2020年工作要点');
  expect(builtPage('2020/tasks/1')).toContain('全县公办园覆盖面达到65%以上');
  expect(existsSync(join(dir, 'dist/2019/tasks/23/index.html'))).toBe(true);
  const home = builtPage('');
  expect(home).toContain('href="/2020/"');
  expect(home).toContain('href="/2019/"');
  const shared = builtPage('documents/deyu-gongzuo-zhinan');
  expect(shared).toContain('2019年工作思路 · 任务8');
  expect(shared).toContain('2020年工作要点 · 任务2');

  // Search over both plans, served as a static host would.
  // The copy's own dist/ (OUT_DIR as buildIn set it), on a free port.
  const server = await startPreview({ cwd: dir, env: { ...process.env, OUT_DIR: './dist' } });
  try {
    const results = page.locator('#search-results > li .result-title a');
    const waitDone = () => page.waitForFunction(() => document.getElementById('search-results')?.dataset.state === 'done');
    await page.goto(`${server.url}search/?q=${encodeURIComponent('公办园覆盖面')}`);
    await waitDone();
    const both = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(both.some((p) => p.startsWith('/2019/'))).toBe(true);
    expect(both.some((p) => p.startsWith('/2020/'))).toBe(true);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('公办园覆盖面')}&year=2020`);
    await waitDone();
    const only2020 = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(only2020.length).toBeGreaterThan(0);
    expect(only2020.every((p) => p.startsWith('/2020/')), only2020.join(' ')).toBe(true);
  } finally {
    await server.stop();
  }
});
