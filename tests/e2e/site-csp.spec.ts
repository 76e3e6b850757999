/**
 * Content Security Policy and privacy of search, the one scripted page: a search (script,
 * WebAssembly, index, fragments), a filter and opening a result work when served with the strict
 * policy and security headers of docs/deploy.md, and no request leaves the site's origin. Every
 * other page is checked the same way in the site walk (site-walk.spec.ts).
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { rel, runSearch, SECURITY_HEADERS } from '../helpers/site';

/**
 * Serve every response with the CSP header and abort requests to other origins; collect
 * violations, console errors, page errors and foreign requests.
 */
async function underCsp(page: Page, origin: string) {
  const problems: string[] = [];
  await page.context().route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue().catch(() => {});
    if (new URL(url).origin !== origin) {
      problems.push(`request to another origin: ${url} (from ${page.url()})`);
      return route.abort('blockedbyclient').catch(() => {});
    }
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

test('CSP and privacy: a search, a filter and a result run under the policy, all on the site\'s origin', async ({ page, baseURL }) => {
  const problems = await underCsp(page, new URL(baseURL!).origin);
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
  // Opening a result leaves the search page and stays on the site.
  await results.first().click();
  await page.waitForLoadState('load');
  expect(rel(page.url(), baseURL!)).not.toMatch(/^search\//);
  await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  expect(problems, problems.join('\n')).toEqual([]);
});
