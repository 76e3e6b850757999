/**
 * Keyboard walks through a task page and the search page, and forced colours (Windows contrast
 * themes). axe on every page, in both colour schemes, runs in the site walk (site-walk.spec.ts).
 */
import { test, expect, type Page } from '@playwright/test';
import { searchDone } from '../helpers/site';

/** The focused element, and whether a focus indicator is drawn around it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
      href: el.getAttribute('href'),
      id: el.id,
      name: el.getAttribute('name'),
      type: el.getAttribute('type'),
      inMain: !!el.closest('main'),
      ring,
      visible: el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0,
    };
  });
}

/** Press Tab until `match` holds for the focused element; every stop must show a focus ring. */
async function tabTo(page: Page, match: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, limit = 200) {
  for (let n = 0; n < limit; n++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    expect(f.visible, `focused ${f.tag} "${f.text}" is visible`).toBe(true);
    expect(f.ring, `focused ${f.tag} "${f.text}" shows a focus indicator`).toBe(true);
    if (match(f)) return f;
  }
  throw new Error(`not reached by ${limit} presses of Tab`);
}

test('keyboard: skip link, visible focus, header search and task filters on a task page', async ({ page }) => {
  await page.goto('2019/tasks/');
  // First Tab: the skip link, shown on focus, and it moves focus to the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Every filter link in the task index is reachable by Tab, and Enter follows it.
  const filters = page.getByRole('navigation', { name: '筛选任务' }).getByRole('link');
  const hrefs = await filters.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(5);
  const reached = new Set<string>();
  const last = hrefs.at(-1)!;
  await tabTo(page, (f) => {
    if (f.href && hrefs.includes(f.href)) reached.add(f.href);
    return f.href === last;
  });
  expect([...reached].sort()).toEqual([...new Set(hrefs)].sort() as string[]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${last!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

  // A task page: from the top, Tab reaches the header search box; typing and Enter searches.
  await page.goto('2019/tasks/21/');
  await page.locator('body').focus();
  const box = page.getByRole('banner').getByRole('searchbox');
  await tabTo(page, (f) => f.tag === 'input' && f.name === 'q');
  await expect(box).toBeFocused();
  await page.keyboard.type('托管');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E6%89%98%E7%AE%A1$/);
});

test('keyboard: the search page — the box, every filter, then a result, all by keyboard', async ({ page }) => {
  await page.goto('search/');
  const main = page.getByRole('main');
  const box = main.getByRole('searchbox');
  // From the top of the page, Tab reaches the page's own search box (in main, after the header's).
  await tabTo(page, (f) => f.inMain && f.tag === 'input');
  await expect(box).toBeFocused();
  await page.keyboard.type('托管');
  await page.keyboard.press('Enter');
  const results = page.getByRole('region', { name: '搜索结果' }).getByRole('link');
  await expect(results.first()).toBeVisible();
  // Results arrive one by one: read the status only once the list is complete.
  await searchDone(page);
  const status = page.getByRole('status');
  const before = await status.textContent();

  // Every filter is reached by Tab; the first one is changed with the arrow keys and narrows the search.
  const filters = main.getByRole('combobox');
  const ids = await filters.evaluateAll((els) => els.map((e) => e.id));
  expect(ids.length).toBeGreaterThan(0);
  for (const [k, id] of ids.entries()) {
    await tabTo(page, (f) => f.id === id);
    if (k > 0) continue;
    const name = await filters.first().getAttribute('name');
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(new RegExp(`[?&]${name}=`));
    await expect(status).not.toHaveText(before ?? '');
    await page.keyboard.press('ArrowUp');
    await expect(page).not.toHaveURL(new RegExp(`[?&]${name}=`));
    await expect(status).toHaveText(before ?? '');
  }

  // On to the first result; Enter opens it.
  const href = await results.first().getAttribute('href');
  await tabTo(page, (f) => f.tag === 'a' && f.href === href);
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/search\//);
  await expect(page.getByRole('main')).toContainText('托管');
});

test('forced colours: the current page in the navigation and the focus ring still show', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('2019/tasks/');
  const nav = page.getByRole('navigation', { name: '主导航' });
  const current = nav.locator('a[aria-current="page"]');
  const other = nav.locator('a:not([aria-current])').first();
  const line = (l: import('@playwright/test').Locator) => l.evaluate((el) => getComputedStyle(el).textDecorationLine);
  // The current item was marked by a shadow, which forced colours remove: it is underlined instead.
  expect(await line(current)).toBe('underline');
  expect(await line(other)).toBe('none');
  // The focus ring's shadow is gone too; its outline stays, thick enough to see.
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(3);
});
