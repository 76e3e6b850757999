/** Link checking with linkinator over a running server: shared by the site and base-path checks. */
import type { APIRequestContext } from '@playwright/test';
import { LinkChecker, LinkState } from 'linkinator';

/** Crawl from the sitemap's pages; returns broken links (with the page they are on) and the skipped hosts. */
export async function crawl(baseURL: string, pages: string[], publishedPrefix: string) {
  const origin = new URL(baseURL).origin;
  const checker = new LinkChecker();
  const result = await checker.check({
    path: pages,
    recurse: true,
    checkFragments: true,
    concurrency: 8,
    timeout: 20_000,
    // Canonical and og URLs carry the published address; check them against this server.
    urlRewriteExpressions: [{ pattern: new RegExp(`^${publishedPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), replacement: baseURL }],
    linksToSkip: async (link) => !link.startsWith(`${origin}/`) && link !== origin,
  });
  const broken = result.links
    .filter((l) => l.state === LinkState.BROKEN)
    .map((l) => `${l.url} (${l.status ?? 'no status'}${l.failureDetails?.length ? `: ${String((l.failureDetails[0] as Error).message ?? '').slice(0, 80)}` : ''}) on ${l.parent ?? 'start'}`);
  const skipped = [...new Set(result.links.filter((l) => l.state === LinkState.SKIPPED).map((l) => l.url))];
  const checked = result.links.filter((l) => l.state === LinkState.OK).length;
  return { broken, skipped, checked };
}

/** The published address of the site (SITE_URL + BASE_PATH), from the sitemap index. */
export async function publishedPrefix(request: APIRequestContext, baseURL: string) {
  const xml = await (await request.get(new URL('sitemap-index.xml', baseURL).href)).text();
  const first = xml.match(/<loc>\s*([^<]+?)\s*<\/loc>/)![1]!;
  return first.replace(/[^/]*$/, '');
}

