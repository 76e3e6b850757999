/**
 * Privacy: loading every page in the sitemap and running a search, the browser requests nothing
 * from any host but the site's own. Requests elsewhere are aborted (nothing leaves the machine)
 * and fail the test, naming the page.
 */
import { test, expect, type Page } from '@playwright/test';
import { SHARDS, shard, rel, runSearch } from '../helpers/site';

/** Record (and block) every request from `page` that is not to `origin`. */
async function guard(page: Page, origin: string) {
  const foreign: string[] = [];
  let seen = 0;
  await page.context().route('**/*', (route) => {
    seen++;
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('data:') || url.startsWith('blob:')) return route.continue().catch(() => {});
    foreign.push(`${url} (from ${page.url()})`);
    return route.abort('blockedbyclient').catch(() => {});
  });
  return { foreign, seen: () => seen };
}

for (let i = 0; i < SHARDS; i++) {
  test(`privacy: no request leaves the site's origin, pages of shard ${i + 1}/${SHARDS}`, async ({ page, request, baseURL }) => {
    test.setTimeout(120_000);
    const g = await guard(page, new URL(baseURL!).origin);
    const urls = await shard(request, baseURL!, i);
    for (const url of urls) await page.goto(url, { waitUntil: 'load' });
    expect(g.foreign, g.foreign.join('\n')).toEqual([]);
    // The guard saw the traffic: at least each page and its stylesheet.
    expect(g.seen()).toBeGreaterThanOrEqual(urls.length * 2);
  });
}

test('privacy: a search (index, WebAssembly, fragments) stays on the site\'s origin', async ({ page, baseURL }) => {
  const g = await guard(page, new URL(baseURL!).origin);
  const results = await runSearch(page, baseURL!, '托管');
  await expect(results.first()).toBeVisible();
  await results.first().click();
  await page.waitForLoadState('load');
  expect(g.foreign, g.foreign.join('\n')).toEqual([]);
  expect(rel(page.url(), baseURL!)).not.toMatch(/^search\//);
});
