/**
 * Content Security Policy: every page in the sitemap, and a search, work when served with the
 * strict policy and security headers of docs/deploy.md (no inline script or style, only the site's own files). The
 * header is added to the preview server's responses by route interception; the test fails on
 * any securitypolicyviolation event, any console error and any uncaught page error.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SHARDS, shard, rel, runSearch, CSP, SECURITY_HEADERS } from '../helpers/site';

/** Serve every response with the CSP header; collect violations, console errors and page errors. */
async function underCsp(page: Page) {
  const problems: string[] = [];
  await page.context().route('**/*', async (route) => {
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
  return problems;
}

test('docs/deploy.md sends the policy and headers tested here', () => {
  const doc = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(doc.toLowerCase()).toContain(`add_header ${name} "${value}" always;`.toLowerCase());
});

for (let i = 0; i < SHARDS; i++) {
  test(`CSP: no violation on pages of shard ${i + 1}/${SHARDS}`, async ({ page, request, baseURL }) => {
    test.setTimeout(120_000);
    const problems = await underCsp(page);
    const urls = await shard(request, baseURL!, i);
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response?.headers()['content-security-policy'], rel(url, baseURL!)).toBe(CSP);
      // Stylesheets applied: the masthead is styled by a file, not inline (style-src 'self').
      expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor), rel(url, baseURL!)).not.toBe('rgba(0, 0, 0, 0)');
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('CSP: search runs (script, worker, WebAssembly, index) with no violation', async ({ page, baseURL }) => {
  const problems = await underCsp(page);
  const results = await runSearch(page, baseURL!, '近视');
  await expect(results.first()).toBeVisible();
  // A filter still narrows the results under the policy.
  const filters = page.getByRole('group', { name: /筛选/ });
  await expect(filters).toBeVisible();
  const select = filters.getByRole('combobox').first();
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  await select.selectOption(options[0]!);
  await expect(page).toHaveURL(new RegExp(`${await select.getAttribute('name')}=`));
  await expect(page.getByRole('status')).not.toBeEmpty();
  await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  expect(problems, problems.join('\n')).toEqual([]);
});
