/**
 * The site's own address, with SITE_URL set (as `npm test` builds dist/): every page's canonical link
 * and og:url, the sitemap, the feed's links and ids, the /data/ files' address fields and the QR codes
 * on printouts all lead to the published address — the QR codes read from their pixels.
 * (The build without SITE_URL is tests/build/site-url.spec.ts.)
 */
import { test, expect } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { sitePages, rel } from '../helpers/site';
import { decodeQr } from '../helpers/qr';
import { testSiteUrl } from '../../scripts/lib/test-site.ts';

const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
/** The published address of the site root: SITE_URL + BASE_PATH. */
const root = new URL(base, testSiteUrl()).href;
const published = (path: string) => new URL(path.replace(/^\/+/, ''), root).href;

test('every page in the sitemap has its canonical link and og:url on the published address', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const index = await (await request.get(new URL('sitemap-index.xml', baseURL).href)).text();
  expect(index.match(/<loc>([^<]+)<\/loc>/)![1]!.startsWith(root), 'the sitemap lists the published address').toBe(true);
  const pages = await sitePages(request, baseURL!);
  expect(pages.length).toBeGreaterThan(50);
  const wrong: string[] = [];
  for (const url of pages) {
    const path = rel(url, baseURL!);
    const html = await (await request.get(url)).text();
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    const og = html.match(/<meta property="og:url" content="([^"]+)"/)?.[1];
    const want = published(path === '/' ? '' : path);
    if (canonical !== want || og !== want) wrong.push(`${path}: canonical ${canonical}, og:url ${og}, expected ${want}`);
  }
  expect(wrong).toEqual([]);
});

test('the feed links and identifies every entry on the published address', async ({ request }) => {
  const xml = await (await request.get('changes/feed.xml')).text();
  const hrefs = [...xml.matchAll(/<link[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]!);
  expect(hrefs.length).toBeGreaterThan(2);
  expect(ids.length).toBe(hrefs.length - 1); // the feed's own id, one per entry; links: alternate + self + one per entry
  for (const u of [...hrefs, ...ids]) expect(u.startsWith(root), u).toBe(true);
  expect(hrefs).toContain(published('changes/feed.xml'));
});

test('the /data/ files give full addresses on the published site', async ({ request }) => {
  const plan = await (await request.get('data/plan.json')).json();
  expect(plan.documentation).toBe(published('data/'));
  expect(plan.plans[0].url.startsWith(root)).toBe(true);
  const rows = parse(await (await request.get('data/targets.csv')).text(), { columns: true, bom: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) for (const f of ['target_url', 'paragraph_url', 'task_url']) expect(r[f]!.startsWith(root), `${r.id} ${f}: ${r[f]}`).toBe(true);
  const docs = await (await request.get('data/documents.json')).json();
  for (const d of docs.documents) expect(d.url.startsWith(root), d.url).toBe(true);
});

for (const path of ['2019/', '2019/tasks/3/', 'documents/', 'data/']) {
  test(`the QR code printed on ${path}, read from its pixels, opens ${path} on the published address`, async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto(path);
    expect(await decodeQr(page, page.locator('.print-footer .qr'))).toBe(published(path));
  });
}
