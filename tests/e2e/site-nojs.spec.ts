/**
 * Without JavaScript: every content page in the sitemap shows the same main text, tables and
 * navigation as with JavaScript, so nothing a reader needs depends on a script. The search page
 * (the one page that needs JavaScript) says so and points to the task index and the full text.
 */
import { test, expect, type Page } from '@playwright/test';
import { SHARDS, shard, rel, isSearchPage } from '../helpers/site';

/** What a reader gets: main's visible text, each table's visible rows, the navigation links. */
async function snapshot(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => !!(el as HTMLElement).offsetParent || getComputedStyle(el).position === 'fixed';
    const main = document.querySelector('main');
    return {
      h1: document.querySelector('main h1')?.textContent?.trim() ?? '',
      text: (main?.innerText ?? '').replace(/\s+/g, ' ').trim(),
      tables: [...document.querySelectorAll('main table')].map((t) => [...t.querySelectorAll('tr')].filter(visible).length),
      nav: [...document.querySelectorAll('nav a[href]')].filter(visible).map((a) => a.getAttribute('href')),
    };
  });
}

for (let i = 0; i < SHARDS; i++) {
  test(`no JavaScript: main text, tables and navigation present, pages of shard ${i + 1}/${SHARDS}`, async ({ browser, page, request, baseURL }) => {
    test.setTimeout(120_000);
    const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const problems: string[] = [];
    for (const url of await shard(request, baseURL!, i)) {
      if (isSearchPage(url)) continue; // checked below
      await page.goto(url);
      await noJs.goto(url);
      const withJs = await snapshot(page);
      const without = await snapshot(noJs);
      const where = rel(url, baseURL!);
      if (!without.h1) problems.push(`${where}: no h1 in main`);
      if (without.text.length < 20) problems.push(`${where}: main has almost no text (${without.text.length} characters)`);
      if (without.nav.length < 5) problems.push(`${where}: navigation has ${without.nav.length} links`);
      if (without.text !== withJs.text) problems.push(`${where}: main text differs without JavaScript`);
      if (JSON.stringify(without.tables) !== JSON.stringify(withJs.tables)) problems.push(`${where}: table rows ${JSON.stringify(without.tables)} without JavaScript, ${JSON.stringify(withJs.tables)} with`);
      if (without.tables.some((rows) => rows === 0)) problems.push(`${where}: a table shows no rows`);
      if (JSON.stringify(without.nav) !== JSON.stringify(withJs.nav)) problems.push(`${where}: navigation differs without JavaScript`);
    }
    await noJs.context().close();
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('no JavaScript: the search page explains itself and links to the task index and full text', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('search/');
  const main = page.getByRole('main');
  await expect(main.getByText('搜索需要浏览器启用 JavaScript')).toBeVisible();
  await expect(main.getByRole('link', { name: '任务一览' }).first()).toBeVisible();
  await expect(main.getByRole('link', { name: '全文' }).first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link')).not.toHaveCount(0);
  await context.close();
});
