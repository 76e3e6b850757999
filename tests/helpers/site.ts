/**
 * The site checks walk every page the build publishes: the page list is the built sitemap
 * (@astrojs/sitemap), read from the server under test, so pages added later are covered without
 * touching the tests.
 */
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { TEST_SITE_URL } from '../../scripts/lib/test-site.ts';

/** How many tests each walk over all pages is split into, so workers share the work. */
export const SHARDS = 4;

function locs(xml: string): string[] {
  // The sitemap is XML written by @astrojs/sitemap: <loc> holds an escaped absolute URL.
  return [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

const cache = new Map<string, Promise<string[]>>();

/**
 * Every page in the sitemap, as absolute URLs on the server at `baseURL` (the preview server's
 * origin and base path). The sitemap's URLs carry the published address (SITE_URL + BASE_PATH);
 * the index's own <loc> tells which prefix to swap for `baseURL`.
 */
export function sitePages(request: APIRequestContext, baseURL: string): Promise<string[]> {
  let pending = cache.get(baseURL);
  if (!pending) {
    pending = (async () => {
      const indexUrl = new URL('sitemap-index.xml', baseURL).href;
      const res = await request.get(indexUrl);
      if (!res.ok()) throw new Error(`${indexUrl}: HTTP ${res.status()} (the sitemap is written only when the build has SITE_URL: build as npm test does, SITE_URL=${TEST_SITE_URL} npx astro build)`);
      const sitemaps = locs(await res.text());
      if (sitemaps.length === 0) throw new Error(`${indexUrl}: no sitemaps listed`);
      const published = sitemaps[0]!.replace(/[^/]*$/, ''); // e.g. https://host/jyj/2019plan/
      const toLocal = (u: string) => {
        if (!u.startsWith(published)) throw new Error(`sitemap URL ${u} is outside the site ${published}`);
        return new URL(u.slice(published.length), baseURL).href;
      };
      const pages: string[] = [];
      for (const sm of sitemaps) {
        const r = await request.get(toLocal(sm));
        if (!r.ok()) throw new Error(`${sm}: HTTP ${r.status()}`);
        pages.push(...locs(await r.text()).map(toLocal));
      }
      if (pages.length === 0) throw new Error('the sitemap lists no pages');
      return pages;
    })();
    cache.set(baseURL, pending);
  }
  return pending;
}

/** The pages of shard `i` of SHARDS. */
export async function shard(request: APIRequestContext, baseURL: string, i: number): Promise<string[]> {
  return (await sitePages(request, baseURL)).filter((_, k) => k % SHARDS === i);
}

/** Path of a page URL relative to the site root, for messages: `2019/tasks/3/`. */
export const rel = (url: string, baseURL: string) => url.slice(baseURL.length) || '/';

/** Until the search page has rendered every result of the current query (and its status line). */
export const searchDone = (page: Page) => page.locator('#search-results[data-state="done"]').waitFor({ state: 'attached', timeout: 15_000 });

/**
 * Search as a reader does: open /search/, type into the page's search box (found by role, inside
 * main, not the header's), press Enter, and wait for result links in the results region.
 * Returns the result links.
 */
export async function runSearch(page: Page, baseURL: string, query: string) {
  await page.goto(new URL('search/', baseURL).href);
  const box = page.getByRole('main').getByRole('searchbox');
  await box.fill(query);
  await box.press('Enter');
  const results = page.getByRole('region', { name: '搜索结果' }).getByRole('link');
  await results.first().waitFor({ timeout: 15_000 });
  // Results appear one by one as their fragments arrive: wait until the list is complete.
  await searchDone(page);
  return results;
}

/**
 * The Content Security Policy the site is served with (docs/deploy.md copies it verbatim; the
 * CSP test checks that it does). JSON-LD needs no allowance: it is data, never executed.
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search on the search page.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The other security headers a host should send with every response (docs/deploy.md; the CSP
 * test serves the site with all of them).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Is this page the search page (the one page allowed to need JavaScript)? */
export const isSearchPage = (url: string) => /\/search\/(?:[?#].*)?$/.test(url);

/**
 * Serve every response of `context` with the CSP and security headers; abort and record any
 * request to another origin; collect policy violations, console errors and page errors of `page`.
 */
export async function guard(context: BrowserContext, page: Page, origin: string) {
  const problems: string[] = [];
  const foreign: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue().catch(() => {});
    if (new URL(url).origin !== origin) {
      foreign.push(`${url} (from ${page.url()})`);
      return route.abort('blockedbyclient').catch(() => {});
    }
    requests.push(url);
    const response = await route.fetch().catch(() => null);
    if (!response) return route.abort().catch(() => {}); // the page closed while this was in flight
    await route.fulfill({ response, headers: { ...response.headers(), ...SECURITY_HEADERS } }).catch(() => {});
  });
  await page.exposeFunction('__reportCsp', (line: string) => problems.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(l: string): void }).__reportCsp(
        `${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${new URL(page.url()).pathname}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${new URL(page.url()).pathname}: ${e.message}`));
  return { problems, foreign, requests };
}
