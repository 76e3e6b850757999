/**
 * Links: every page in the built sitemap, and every page they link to, crawled over the real
 * preview server with linkinator: 0 broken internal links (pages, styles, scripts, images) and 0
 * links to an #anchor that is not on the target page. Links to other sites are not fetched (the
 * check must not depend on the network); they are listed so a reader can see what was skipped.
 */
import { test, expect } from '@playwright/test';
import { sitePages } from '../helpers/site';
import { crawl, publishedPrefix } from '../helpers/links';

test('links: 0 broken internal links and 0 missing #anchors on every page', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const pages = await sitePages(request, baseURL!);
  const { broken, skipped, checked } = await crawl(baseURL!, pages, await publishedPrefix(request, baseURL!));
  test.info().annotations.push({ type: 'links', description: `${checked} links checked; ${skipped.length} other-site links not fetched` });
  expect(broken, broken.join('\n')).toEqual([]);
  // The crawl really reached the site: every sitemap page and at least one fragment link.
  expect(checked).toBeGreaterThan(pages.length);
});
