/**
 * Content Security Policy and privacy of search, the one scripted page: a search (script,
 * WebAssembly, index, fragments), a filter and opening a result work when served with the strict
 * policy and security headers of docs/deploy.md, and no request leaves the site's origin. Every
 * other page is checked the same way in the site walk (site-walk.spec.ts).
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { rel, runSearch, guard, SECURITY_HEADERS } from '../helpers/site';

test('docs/deploy.md sends the policy and headers tested here', () => {
  const doc = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(doc.toLowerCase()).toContain(`add_header ${name} "${value}" always;`.toLowerCase());
});

test('CSP and privacy: a search, a filter and a result run under the policy, all on the site\'s origin', async ({ page, baseURL }) => {
  const guarded = await guard(page.context(), page, new URL(baseURL!).origin);
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
  const problems = [...guarded.problems, ...guarded.foreign.map((f) => `request to another origin: ${f}`)];
  expect(problems, problems.join('\n')).toEqual([]);
});
