/**
 * The site walk: every published page (the built sitemap) is visited ONCE with JavaScript and
 * ONCE without, and every per-page check runs on that visit:
 * - CSP and security headers: the page is served with the strict policy and headers of
 *   docs/deploy.md (added by route interception) and raises no securitypolicyviolation, console
 *   error or page error; its styles still apply (the masthead is styled from a file);
 * - privacy: no request leaves the site's origin (such requests are aborted and named);
 * - one stylesheet: the page's styles come from a single same-origin stylesheet file;
 * - accessibility: axe, WCAG 2.2 A/AA and best practices, in the light scheme, then the rules that
 *   read colours again in the dark scheme (switching the scheme restyles the loaded page);
 * - no JavaScript: main text, tables and navigation are the same as with JavaScript.
 * The checks on the built files (html-validate, W3C Nu) are in site-html.spec.ts.
 * Pages are split into SHARDS tests so that workers share the walk.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SHARDS, shard, rel, isSearchPage, CSP, guard } from '../helpers/site';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// Only colours differ between the schemes, so the dark pass runs the rules that read colours.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];
function describeAxe(v: Violations) {
  return v.map((x) => `${x.id} (${x.impact}): ${x.help}\n${x.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim()}`).join('\n')}`);
}

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

function compareNoJs(where: string, withJs: Awaited<ReturnType<typeof snapshot>>, without: Awaited<ReturnType<typeof snapshot>>) {
  const problems: string[] = [];
  if (!without.h1) problems.push(`${where}: no h1 in main`);
  if (without.text.length < 20) problems.push(`${where}: main has almost no text (${without.text.length} characters)`);
  if (without.nav.length < 5) problems.push(`${where}: navigation has ${without.nav.length} links`);
  if (without.text !== withJs.text) problems.push(`${where}: main text differs without JavaScript`);
  if (JSON.stringify(without.tables) !== JSON.stringify(withJs.tables)) problems.push(`${where}: table rows ${JSON.stringify(without.tables)} without JavaScript, ${JSON.stringify(withJs.tables)} with`);
  if (without.tables.some((rows) => rows === 0)) problems.push(`${where}: a table shows no rows`);
  if (JSON.stringify(without.nav) !== JSON.stringify(withJs.nav)) problems.push(`${where}: navigation differs without JavaScript`);
  return problems;
}

for (let i = 0; i < SHARDS; i++) {
  test(`site walk: CSP, privacy, one stylesheet, axe light and dark, no-JS parity — pages of shard ${i + 1}/${SHARDS}`, async ({ browser, baseURL }) => {
    test.setTimeout(600_000);
    const origin = new URL(baseURL!).origin;
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const g = await guard(context, page, origin);
    const noJsContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const noJs = await noJsContext.newPage();

    const failures: string[] = [];
    const urls = await shard(context.request, baseURL!, i);
    for (const url of urls) {
      const where = rel(url, baseURL!);
      await page.emulateMedia({ colorScheme: 'light' });
      const response = await page.goto(url, { waitUntil: 'load' });
      if (response?.headers()['content-security-policy'] !== CSP) failures.push(`${where}: not served with the tested CSP`);
      // Stylesheets applied under style-src 'self': the masthead is styled by a file, not inline.
      if ((await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)) === 'rgba(0, 0, 0, 0)') failures.push(`${where}: masthead unstyled`);
      const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? 'inline <style>'));
      if (sheets.length !== 1 || !sheets[0]!.startsWith(origin)) failures.push(`${where}: ${sheets.length} stylesheets (${sheets.join(', ')}), expected one file`);

      const withJs = await snapshot(page);
      // Legacy mode runs axe in the page itself, without opening a second page per run: several times faster.
      const light = await new AxeBuilder({ page }).setLegacyMode(true).withTags(TAGS).analyze();
      for (const line of describeAxe(light.violations)) failures.push(`${where} [light] ${line}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      const dark = await new AxeBuilder({ page }).setLegacyMode(true).withRules(COLOUR_RULES).analyze();
      for (const line of describeAxe(dark.violations)) failures.push(`${where} [dark] ${line}`);

      // The search page is the one page that needs JavaScript: checked in site-nojs.spec.ts.
      if (!isSearchPage(url)) {
        await noJs.goto(url);
        failures.push(...compareNoJs(where, withJs, await snapshot(noJs)));
      }
    }
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
    await noJsContext.close();
    failures.push(...g.problems, ...g.foreign.map((f) => `request to another origin: ${f}`));
    expect(failures, failures.join('\n')).toEqual([]);
    // The guard saw the traffic: at least each page and its stylesheet.
    expect(g.requests.length).toBeGreaterThanOrEqual(urls.length * 2);
  });
}

test('the one stylesheet puts every rule in a cascade layer, in the order tokens.css declares', async ({ page }) => {
  await page.goto('2019/tasks/21/');
  const { layers, unlayered } = await page.evaluate(() => {
    const layers: string[] = [];
    const unlayered: string[] = [];
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSLayerStatementRule) layers.push(...rule.nameList);
        else if (rule instanceof CSSLayerBlockRule) layers.push(rule.name);
        else if (!(rule instanceof CSSPageRule)) unlayered.push(rule.cssText.slice(0, 80));
      }
    }
    return { layers: [...new Set(layers)], unlayered };
  });
  // Order of first appearance is the cascade order: later layers win, whatever the rule order in the file.
  expect(layers).toEqual(['tokens', 'reset', 'base', 'layout', 'components', 'pages', 'utilities', 'print']);
  expect(unlayered).toEqual([]);
});
