/**
 * One page of each kind, found in the built sitemap: pages are grouped by <body data-page-kind>
 * (set by the layout); a page without a kind is grouped by its address with numbers folded, so a new kind of page is covered without touching the tests.
 */
import type { APIRequestContext } from '@playwright/test';
import { sitePages } from './site';

const cache = new Map<string, Promise<{ kind: string; url: string }[]>>();

export function pageKinds(request: APIRequestContext, baseURL: string): Promise<{ kind: string; url: string }[]> {
  let pending = cache.get(baseURL);
  if (!pending) {
    pending = (async () => {
      const byKind = new Map<string, string>();
      for (const url of await sitePages(request, baseURL)) {
        const html = await (await request.get(url)).text();
        const kind = html.match(/<body[^>]*\sdata-page-kind="([^"]+)"/)?.[1] ?? `(${url.slice(baseURL.length).replace(/\d+/g, 'N')})`;
        if (!byKind.has(kind)) byKind.set(kind, url);
      }
      return [...byKind].map(([kind, url]) => ({ kind, url }));
    })();
    cache.set(baseURL, pending);
  }
  return pending;
}
