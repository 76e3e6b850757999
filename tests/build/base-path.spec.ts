/**
 * Base path: the site built with BASE_PATH=/jyj/2019plan/ (in its own output folder) and served
 * under that path by `astro preview` has 0 broken links or #anchors across every sitemap page
 * (a link that forgets withBase() points outside the path and fails), and search works there.
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { sitePages, runSearch } from '../helpers/site';
import { crawl, publishedPrefix } from '../helpers/links';
import { startPreview, type Preview } from '../../scripts/lib/preview.ts';

const root = new URL('../../', import.meta.url).pathname;
const BASE = '/jyj/2019plan/';
// Beside the main build's folder, so parallel runs with their own OUT_DIR never share one.
const outDir = resolve(root, `${process.env.OUT_DIR ?? 'dist'}-base`);
const env = { ...process.env, BASE_PATH: BASE, OUT_DIR: outDir, ASTRO_CACHE_DIR: `.astro/cache-${basename(outDir)}`, SITE_URL: 'https://jyj.example.gov.cn' };

let server: Preview | undefined;
let baseURL = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(outDir, { recursive: true, force: true });
  const build = spawnSync('npx', ['astro', 'build'], { cwd: root, env, encoding: 'utf8' });
  expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-3000)).toBe(0);
  server = await startPreview({ cwd: root, env });
  baseURL = server.url; // http://localhost:<port>/jyj/2019plan/
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

test('under /jyj/2019plan/: 0 broken links or #anchors, nothing served outside the path', async ({ request }) => {
  test.setTimeout(120_000);
  const pages = await sitePages(request, baseURL);
  expect(pages.every((p) => p.startsWith(baseURL))).toBe(true);
  const { broken, checked } = await crawl(baseURL, pages, await publishedPrefix(request, baseURL));
  expect(broken, broken.join('\n')).toEqual([]);
  expect(checked).toBeGreaterThan(pages.length);
  // The check can fail: the same page without the base path is not there.
  expect((await request.get(new URL('/2019/', baseURL).href)).status()).toBe(404);
});

test('under /jyj/2019plan/: search finds a task and its result opens the page', async ({ page }) => {
  const results = await runSearch(page, baseURL, '托管');
  const href = await results.first().getAttribute('href');
  expect(href).toMatch(new RegExp(`^${BASE}`));
  await results.first().click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}`));
  await expect(page.getByRole('main')).toContainText('托管');
});
