/**
 * Large text never breaks a page (WCAG 1.4.4 resize text, 1.4.10 reflow): every page in the
 * sitemap, at 320 CSS px wide with the browser's text size at 100 % and at 200 % (the reader's own
 * setting, emulated through Chromium's default font size, as a phone's or WeChat's font setting
 * does), has no sideways scroll of the page itself. Wide tables may scroll inside their own
 * labelled region, as WCAG allows for two-dimensional content. The care-mode copy of each page
 * kind (text 125 % larger again) reflows the same way.
 */
import { test, expect, type Browser } from '@playwright/test';
import { SHARDS, shard, rel } from '../helpers/site';
import { pageKinds } from '../helpers/page-kinds';

/** A 320 px wide page whose browser default text size is `scale` × 16 px. */
async function narrowPage(browser: Browser, scale: number) {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * scale, fixed: 13 * scale } });
  return page;
}

/** How far the page scrolls sideways, the root text size, and the widest culprits outside any scroll box. */
function measure() {
  const root = document.documentElement;
  const width = root.clientWidth;
  const culprits: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let clipped = false;
    for (let a = el.parentElement; a && !clipped; a = a.parentElement) clipped = getComputedStyle(a).overflowX !== 'visible';
    if (!clipped) culprits.push(`<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> ends at ${Math.round(box.right)} px`);
  }
  return { overflow: root.scrollWidth - width, rootSize: parseFloat(getComputedStyle(root).fontSize), culprits: culprits.slice(0, 3) };
}

/** Problems of one page: root text not following the reader's setting, sideways scroll. */
async function reflowProblems(page: import('@playwright/test').Page, url: string, where: string, scale: number, root: number) {
  await page.goto(url);
  const m = await page.evaluate(measure);
  const out: string[] = [];
  // The site must follow the reader's text size (rem/em), not pin its own.
  if (m.rootSize !== root * scale) out.push(`${where} at ${scale * 100} %: root text is ${m.rootSize} px, not ${root * scale} px`);
  if (m.overflow > 0) out.push(`${where} at ${scale * 100} %: scrolls sideways by ${m.overflow} px; ${m.culprits.join('; ')}`);
  return out;
}

test('care mode reflows at 320 px, text at 100 % and 200 %, on every page kind', async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const pages = [await narrowPage(browser, 1), await narrowPage(browser, 2)];
  const failures: string[] = [];
  for (const { url } of await pageKinds(request, baseURL!)) {
    const care = `${baseURL}care/${rel(url, baseURL!).replace(/^\/$/, '')}`;
    // Care mode's root text is 125 % of the reader's: 20 px, or 40 px at 200 %.
    for (const [k, page] of pages.entries()) failures.push(...(await reflowProblems(page, care, rel(care, baseURL!), k + 1, 20)));
  }
  expect(failures, failures.join('\n')).toEqual([]);
});

for (let i = 0; i < SHARDS; i++) {
  test(`reflow at 320 px, text at 100 % and 200 %: no sideways scroll, pages of shard ${i + 1}/${SHARDS}`, async ({ browser, request, baseURL }) => {
    test.setTimeout(180_000);
    const pages = [await narrowPage(browser, 1), await narrowPage(browser, 2)];
    const failures: string[] = [];
    for (const url of await shard(request, baseURL!, i)) {
      for (const [k, page] of pages.entries()) failures.push(...(await reflowProblems(page, url, rel(url, baseURL!), k + 1, 16)));
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}

test('no stylesheet turns off the reader\'s text size (text-size-adjust: none)', async ({ page, request }) => {
  await page.goto('2019/tasks/1/');
  const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => (l as HTMLLinkElement).href));
  expect(sheets.length).toBeGreaterThan(0);
  for (const href of sheets) expect(await (await request.get(href)).text(), href).not.toMatch(/text-size-adjust\s*:\s*none/i);
});

test('at 200 % text on a 375 px phone the standard header fits in one screen, 关怀模式 link at the top, search placeholder readable', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  for (const path of ['2019/tasks/21/', '2019/', 'documents/']) {
    await page.goto(path);
    const m = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('header input[type=search]')!;
      return { header: document.querySelector('header')!.getBoundingClientRect().height, input: input.getBoundingClientRect().width, font: parseFloat(getComputedStyle(input).fontSize) };
    });
    console.log(`${path} at 200 % text, 375×740: header ${Math.round(m.header)} px`);
    expect(m.header, `${path}: header ${Math.round(m.header)} px tall`).toBeLessThanOrEqual(740);
    // Room for a few characters of the placeholder, not half a glyph.
    expect(m.input, path).toBeGreaterThanOrEqual(4 * m.font);
    const care = page.getByRole('link', { name: '关怀模式（长辈版）' });
    await expect(care).toBeInViewport();
    expect((await care.boundingBox())!.y).toBeLessThan(740 / 4);
  }
});
