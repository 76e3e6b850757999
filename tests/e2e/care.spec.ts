/**
 * Care mode (关怀模式, issue 12): a second rendering of every page under <base>care/ for older
 * readers. Every sitemap page has its care copy and a visible link to it; links stay in care mode
 * until 标准版; copies are kept out of the sitemap and the search index but search from a care
 * page opens care pages; the care styling holds without JavaScript; on every page kind, light and
 * dark: text size, line height, paragraph spacing, 60 px targets, one column, cards, axe AAA; the
 * read-aloud script (the only script) reads the main text in zh-CN with a stubbed speech engine.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { gzipSync } from 'node:zlib';
import { sitePages, rel, runSearch, searchDone, SECURITY_HEADERS } from '../helpers/site';
import { pageKinds } from '../helpers/page-kinds';

/** The care-mode address of a page on the server under test. */
const careOf = (url: string, baseURL: string) => `${baseURL}care/${rel(url, baseURL).replace(/^\/$/, '')}`;
const basePath = (baseURL: string) => new URL(baseURL).pathname;

/** Every link and form address in an HTML page, with its element. */
function links(html: string): { tag: string; url: string; text: string }[] {
  return [...html.matchAll(/<(a|form)\s[^>]*?\b(href|action)="([^"]*)"[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => ({
    tag: m[1]!,
    url: m[3]!.replace(/&amp;/g, '&'),
    text: m[4]!.replace(/<[^>]+>/g, '').trim(),
  }));
}

test('every sitemap page has a care copy: linked from it, noindex, canonical to the standard page, links staying in care mode', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const base = basePath(baseURL!);
  const problems: string[] = [];
  const careTargets = new Set<string>();
  const pages = await sitePages(request, baseURL!);
  expect(pages.filter((u) => u.includes('/care/')), 'care pages are not in the sitemap').toEqual([]);
  for (const url of pages) {
    const where = rel(url, baseURL!);
    const standard = await (await request.get(url)).text();
    const care = careOf(url, baseURL!);
    const carePath = new URL(care).pathname;
    // The standard page links to its care copy, visibly labelled.
    if (!links(standard).some((l) => l.url === carePath && l.text === '关怀模式（长辈版）')) problems.push(`${where}: no 关怀模式（长辈版） link to ${carePath}`);
    const res = await request.get(care);
    if (!res.ok()) {
      problems.push(`${where}: care copy ${carePath} answers HTTP ${res.status()}`);
      continue;
    }
    const html = await res.text();
    if (!/<meta name="robots" content="noindex">/.test(html)) problems.push(`${where}: care copy is not noindex`);
    if (/data-pagefind-body/.test(html)) problems.push(`${where}: care copy would be indexed (data-pagefind-body)`);
    const canonical = (h: string) => h.match(/<link rel="canonical" href="([^"]*)"/)?.[1];
    if (canonical(html) !== canonical(standard)) problems.push(`${where}: care canonical ${canonical(html)} is not the standard page's ${canonical(standard)}`);
    const back = links(html).filter((l) => l.text === '标准版');
    if (back.length !== 1 || back[0]!.url !== new URL(url).pathname) problems.push(`${where}: 标准版 link ${JSON.stringify(back)}`);
    for (const l of links(html)) {
      if (l.text === '标准版' || l.url.startsWith('#')) continue;
      const target = new URL(l.url, care);
      if (target.origin !== new URL(baseURL!).origin) continue;
      const path = target.pathname;
      // A page (not a file such as feed.xml or data.json) must be the care copy.
      const isPage = path.endsWith('/') || path.endsWith('.html');
      if (isPage && !path.startsWith(`${base}care/`)) problems.push(`${where}: <${l.tag}> to ${l.url} leaves care mode`);
      if (isPage) careTargets.add(path);
    }
  }
  // Every care-mode link leads to a page that exists.
  for (const path of careTargets) {
    const r = await request.get(new URL(path, baseURL!).href);
    if (!r.ok()) problems.push(`care link ${path}: HTTP ${r.status()}`);
  }
  expect(careTargets.size).toBeGreaterThan(pages.length / 2);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('a reader goes into care mode, moves around in it, and back to 标准版', async ({ page }) => {
  await page.goto('2019/tasks/21/');
  await page.getByRole('link', { name: '关怀模式（长辈版）' }).click();
  await expect(page).toHaveURL(/\/care\/2019\/tasks\/21\/$/);
  await expect(page.getByRole('banner').getByText('关怀模式（长辈版）')).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '目标' }).click();
  await expect(page).toHaveURL(/\/care\/2019\/targets\/$/);
  await page.getByRole('link', { name: '见原文' }).first().click();
  await expect(page).toHaveURL(/\/care\/2019\/#task-\d+-s\d+$/);
  // The header search keeps care mode too, and its results open care pages.
  const box = page.getByRole('banner').getByRole('searchbox');
  await box.fill('托管');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/care\/search\/\?q=/);
  const result = page.getByRole('region', { name: '搜索结果' }).getByRole('link').first();
  await expect(result).toHaveAttribute('href', /\/care\//);
  await result.click();
  await expect(page).toHaveURL(/\/care\//);
  await page.getByRole('link', { name: '标准版' }).click();
  await expect(page).not.toHaveURL(/\/care\//);
  await expect(page.getByRole('link', { name: '关怀模式（长辈版）' })).toBeVisible();
});

test('search: care pages are not in the index; from a care search page every result opens a care page', async ({ page, baseURL }) => {
  const base = basePath(baseURL!);
  const standard = await runSearch(page, baseURL!, '托管');
  const hrefs = await standard.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(2);
  expect(hrefs.filter((h) => h.includes('/care/'))).toEqual([]);

  await page.goto(`${baseURL}care/search/?q=${encodeURIComponent('托管')}`);
  const results = page.getByRole('region', { name: '搜索结果' }).getByRole('link');
  await results.first().waitFor();
  await searchDone(page);
  const careHrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(careHrefs.length).toBe(hrefs.length);
  for (const h of careHrefs) expect(h.startsWith(`${base}care/`), h).toBe(true);
});

/** Computed styles a reader of care mode depends on, measured in the page. */
async function careMetrics(page: Page) {
  return page.evaluate(() => {
    const px = (v: string) => parseFloat(v);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const main = document.querySelector('main')!;
    // The line over a task's title (its part of the plan, .kicker) belongs to the title, not a paragraph of text.
    const paragraphs = [...main.querySelectorAll('p:not(.kicker)')].filter(visible);
    const text = paragraphs.map((p) => {
      const s = getComputedStyle(p);
      return { size: px(s.fontSize), line: px(s.lineHeight) / px(s.fontSize), gap: px(s.marginBlockEnd) / px(s.lineHeight), text: (p.textContent ?? '').trim().slice(0, 20) };
    });
    const h1 = document.querySelector('main h1');
    const targets = [...document.querySelectorAll(':is(header, nav, .care-bar) :is(a, button, input, select, summary)')]
      .filter(visible)
      .map((el) => ({ name: (el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || el.tagName).trim().slice(0, 20), w: el.getBoundingClientRect().width, h: el.getBoundingClientRect().height }));
    const stuck = [...main.querySelectorAll('*')].filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position)).map((el) => el.tagName);
    const columns = [...main.querySelectorAll('*')].filter((el) => /grid/.test(getComputedStyle(el).display) && getComputedStyle(el).gridTemplateColumns.trim().split(/\s+/).length > 1).map((el) => el.className || el.tagName);
    const tables = [...main.querySelectorAll('table')].map((t) => getComputedStyle(t).display);
    // Nothing only on hover: a :hover rule may restyle (colour, underline, outline), never show, hide or move anything.
    const decoration = /^(color|background|text-decoration|outline|box-shadow|cursor|border-color|text-underline)/;
    const hoverOnly: string[] = [];
    const visit = (rules: CSSRuleList) => {
      for (const r of rules) {
        if (r instanceof CSSStyleRule && r.selectorText.includes(':hover')) {
          for (const prop of r.style) if (!decoration.test(prop)) hoverOnly.push(`${r.selectorText} { ${prop} }`);
        }
        if ('cssRules' in r && (r as CSSGroupingRule).cssRules) visit((r as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of document.styleSheets) visit(sheet.cssRules);
    return {
      hoverOnly,
      rootSize: px(getComputedStyle(document.documentElement).fontSize),
      text,
      h1: h1 ? px(getComputedStyle(h1).fontSize) : 0,
      targets,
      stuck,
      columns,
      tables,
      cursor: getComputedStyle(document.documentElement).cursor,
      readAloudShown: !document.getElementById('read-aloud')?.hidden,
    };
  });
}

test('care styling: text, line height, paragraph spacing, 60 px targets, one column, cards, nothing only on hover, AAA axe, light and dark, every page kind', async ({ page, request, baseURL }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 375, height: 800 });
  const failures: string[] = [];
  const kinds = await pageKinds(request, baseURL!);
  expect(kinds.length).toBeGreaterThan(5);
  for (const { kind, url } of kinds) {
    const care = careOf(url, baseURL!);
    const where = `${kind} ${rel(care, baseURL!)}`;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(care);
      const m = await careMetrics(page);
      const at = `${where} [${scheme}]`;
      if (m.rootSize < 20) failures.push(`${at}: root text ${m.rootSize} px`);
      if (m.text.length === 0) failures.push(`${at}: no paragraph in main`);
      for (const t of m.text) {
        if (t.size < 20) failures.push(`${at}: text ${t.size} px in “${t.text}”`);
        if (t.line < 1.5) failures.push(`${at}: line height ${t.line.toFixed(2)} in “${t.text}”`);
        if (t.gap < 1.3 - 0.01) failures.push(`${at}: paragraph spacing ${t.gap.toFixed(2)} × line height after “${t.text}”`);
      }
      if (m.h1 <= Math.max(...m.text.map((t) => t.size))) failures.push(`${at}: h1 (${m.h1} px) not larger than the text`);
      for (const t of m.targets) if (t.w < 60 || t.h < 60) failures.push(`${at}: target “${t.name}” is ${Math.round(t.w)}×${Math.round(t.h)} px`);
      if (m.targets.length < 8) failures.push(`${at}: only ${m.targets.length} header and navigation targets found`);
      if (m.stuck.length) failures.push(`${at}: sticky or fixed in main: ${m.stuck.join(', ')}`);
      if (m.columns.length) failures.push(`${at}: more than one column: ${m.columns.join(', ')}`);
      if (m.tables.some((d) => d === 'table')) failures.push(`${at}: a table is not shown as cards`);
      if (m.hoverOnly.length) failures.push(`${at}: shown or changed only on hover: ${m.hoverOnly.join('; ')}`);
      const axe = await new AxeBuilder({ page }).setLegacyMode(true)
        .withTags(['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      for (const v of axe.violations) failures.push(`${at}: axe ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
});

test('care styling holds without JavaScript; the read-aloud controls appear only with it', async ({ browser, page, baseURL }) => {
  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const url = `${baseURL}care/2019/tasks/21/`;
  await noJs.goto(url);
  const without = await careMetrics(noJs);
  expect(without.rootSize).toBeGreaterThanOrEqual(20);
  expect(Math.min(...without.text.map((t) => t.size))).toBeGreaterThanOrEqual(20);
  expect(Math.min(...without.text.map((t) => t.line))).toBeGreaterThanOrEqual(1.5);
  expect(without.readAloudShown).toBe(false);
  await expect(noJs.getByRole('button', { name: '朗读本页' })).toBeHidden();
  await expect(noJs.getByRole('link', { name: '标准版' })).toBeVisible();
  await page.goto(url);
  await expect(page.getByRole('button', { name: '朗读本页' })).toBeVisible();
  expect((await careMetrics(page)).text.map((t) => t.size)).toEqual(without.text.map((t) => t.size));
});

test('a large pointer on devices with a mouse', async ({ page, baseURL }) => {
  await page.goto(`${baseURL}care/`);
  expect(await page.evaluate(() => matchMedia('(pointer: fine)').matches)).toBe(true);
  const m = await careMetrics(page);
  expect(m.cursor).toMatch(/^url\("data:image\/svg\+xml,.*width='48'/);
});

test('the read-aloud script is the only script, on care pages only, ≤ 3 KB gzip, and runs under the site\'s CSP', async ({ page, request, baseURL }) => {
  const scripts = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const standard = await (await request.get(`${baseURL}2019/tasks/21/`)).text();
  expect(scripts(standard)).toEqual([]);
  const care = await (await request.get(`${baseURL}care/2019/tasks/21/`)).text();
  expect(/<script(?![^>]*\bsrc=)[^>]*>[^<]/.test(care), 'no inline script').toBe(false);
  const [src, ...others] = scripts(care);
  expect(others).toEqual([]);
  const js = await (await request.get(new URL(src!, baseURL!).href)).body();
  expect(gzipSync(js).length).toBeLessThanOrEqual(3 * 1024);

  // Served with the strict policy: no violation, and the script runs (it shows its controls).
  const problems: string[] = [];
  await page.context().route('**/*', async (route) => {
    const response = await route.fetch().catch(() => null);
    if (!response) return route.abort().catch(() => {}); // the page closed while this was in flight
    await route.fulfill({ response, headers: { ...response.headers(), ...SECURITY_HEADERS } }).catch(() => {});
  });
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.effectiveDirective} ${e.blockedURI}`)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  for (const kind of await pageKinds(request, baseURL!)) {
    await page.goto(careOf(kind.url, baseURL!));
    await expect(page.getByRole('button', { name: '朗读本页' }), kind.kind).toBeVisible();
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  }
  await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  expect(problems, problems.join('\n')).toEqual([]);
});

/** A stand-in for the browser's speech engine that records what it is asked to say. */
function stubSpeech(page: Page, voices: { lang: string; name: string }[]) {
  return page.addInitScript((voices) => {
    const log: { op: string; u?: { text: string; lang: string; voice: { lang: string } | null; onstart?: () => void } }[] = [];
    (window as unknown as { __speech: typeof log }).__speech = log;
    class Utterance {
      lang = '';
      voice = null;
      onstart = null;
      onend = null;
      onerror = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, default: false, localService: true })),
        speak: (u: never) => log.push({ op: 'speak', u }),
        cancel: () => log.push({ op: 'cancel' }),
        pause: () => log.push({ op: 'pause' }),
        resume: () => log.push({ op: 'resume' }),
        addEventListener: () => {},
      },
    });
  }, voices);
}

const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: { op: string; u?: { text: string; lang: string; voice: { lang: string } | null } }[] }).__speech
    .map((c) => (c.u ? { op: c.op, text: c.u.text, lang: c.u.lang, voice: c.u.voice?.lang ?? null } : { op: c.op })));

/** Start utterance k, as the engine would when it reaches it; returns the highlighted text. */
const startUtterance = (page: Page, k: number) =>
  page.evaluate((k) => {
    const speaks = (window as unknown as { __speech: { op: string; u?: { onstart?: () => void } }[] }).__speech.filter((c) => c.op === 'speak');
    speaks[k]!.u!.onstart!();
    const h = CSS.highlights.get('read-aloud');
    return h ? [...h][0]!.toString() : null;
  }, k);

const squash = (s: string) => s.replace(/\s+/g, '');

test('朗读本页 queues the main text in order in zh-CN, highlights the sentence read, pauses, continues and stops', async ({ page, baseURL }) => {
  await stubSpeech(page, [{ lang: 'en-US', name: 'English' }, { lang: 'zh-CN', name: '普通话' }]);
  await page.goto(`${baseURL}care/2019/tasks/21/`);
  const toggle = page.getByRole('button', { name: '朗读本页' });
  await toggle.click();
  const queued = (await spoken(page)).filter((c) => c.op === 'speak');
  expect(queued.length).toBeGreaterThan(5);
  for (const u of queued) {
    expect(u.lang).toBe('zh-CN');
    expect(u.voice).toBe('zh-CN');
  }
  // In order, all from main: each sentence is found in main's text after the one before it.
  const mainText = squash(await page.locator('main').innerText());
  let at = 0;
  for (const u of queued) {
    const i = mainText.indexOf(squash(u.text!), at);
    expect(i, `“${u.text}” in main, after position ${at}`).toBeGreaterThanOrEqual(at);
    at = i + squash(u.text!).length;
  }
  const all = squash(queued.map((u) => u.text).join(''));
  // The heading and the plan's whole paragraph are read; navigation is not.
  expect(all).toContain(squash(await page.locator('main h1').innerText()));
  expect(all).toContain(squash(await page.locator('main .plan-text').first().innerText()));
  expect(all).not.toContain('首页');
  // Only the reading text: no page furniture (marks, share image, self-links, 见原文, an empty status, the citation) and no address.
  for (const furniture of ['›', 'PNG图片', '保存分享图', '长按图片保存', '本条链接', '见原文', '未评估', '暂无证据', '本站尚未收集执行情况', '[EB/OL]', '如何引用', 'http', 'example.org', '朗读本页']) {
    expect(queued.map((u) => u.text).filter((t) => t!.includes(furniture)), furniture).toEqual([]);
  }
  // Those are on the page, so the check above can fail.
  const pageText = await page.locator('main').textContent();
  for (const furniture of ['›', 'PNG图片', '本条链接', '见原文', '未评估', '本站尚未收集执行情况', '[EB/OL]', 'https://']) expect(pageText).toContain(furniture);
  // Sentence by sentence: the plan's paragraph is several utterances, each ending a sentence.
  expect(queued.filter((u) => /[。！？；]$/.test(u.text!)).length).toBeGreaterThan(3);

  // The sentence being read is highlighted.
  expect(squash((await startUtterance(page, 3))!)).toBe(squash(queued[3]!.text!));

  // Pause stops the engine; 继续 reads on from the sentence that was being read.
  await page.getByRole('button', { name: '暂停' }).click();
  await expect(page.locator('#read-aloud').getByRole('status')).toHaveText('已暂停。');
  const afterPause = await spoken(page);
  expect(afterPause.at(-1)!.op).toBe('cancel');
  await page.getByRole('button', { name: '继续' }).click();
  const resumed = (await spoken(page)).slice(afterPause.length).filter((c) => c.op === 'speak');
  expect(resumed.map((u) => u.text)).toEqual(queued.slice(3).map((u) => u.text));

  // Stop cancels everything and clears the highlight.
  await page.getByRole('button', { name: '停止' }).click();
  expect((await spoken(page)).at(-1)!.op).toBe('cancel');
  await expect(page.getByRole('button', { name: '朗读本页' })).toBeFocused();
  await expect(page.getByRole('button', { name: '停止' })).toBeHidden();
  expect(await page.evaluate(() => CSS.highlights.has('read-aloud'))).toBe(false);
});

test('朗读本页 says plainly when the browser has no Chinese voice, and reads nothing', async ({ page, baseURL }) => {
  await stubSpeech(page, [{ lang: 'en-US', name: 'English' }]);
  await page.goto(`${baseURL}care/2019/tasks/21/`);
  await page.getByRole('button', { name: '朗读本页' }).click();
  await expect(page.locator('#read-aloud').getByRole('status')).toContainText('没有中文语音');
  expect((await spoken(page)).filter((c) => c.op === 'speak')).toEqual([]);
});

test('on a phone the care page title is in the first screen, under a compact header with 60 px targets and 朗读本页 beside it', async ({ browser, baseURL }) => {
  const page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
  for (const path of ['care/2019/tasks/21/', 'care/2019/targets/', 'care/documents/']) {
    await page.goto(`${baseURL}${path}`);
    const { h1, header, small } = await page.evaluate(() => ({
      h1: document.querySelector('main h1')!.getBoundingClientRect().top,
      header: document.querySelector('header')!.getBoundingClientRect().height,
      small: [...document.querySelectorAll(':is(header, nav) :is(a, button, input, summary)')]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({ name: (el.textContent || el.tagName).trim(), w: el.getBoundingClientRect().width, h: el.getBoundingClientRect().height }))
        .filter((t) => t.w < 60 || t.h < 60),
    }));
    console.log(`${path} at 375×740: header ${Math.round(header)} px, page title starts ${Math.round(h1)} px down`);
    expect(h1, `${path}: the page title starts ${Math.round(h1)} px down a 740 px screen`).toBeLessThan(740 / 2);
    expect(small, path).toEqual([]);
    // The controls are under the title, not in the header.
    await expect(page.getByRole('banner').getByRole('button', { name: '朗读本页' })).toHaveCount(0);
    const title = await page.locator('main h1').boundingBox();
    const read = await page.getByRole('button', { name: '朗读本页' }).boundingBox();
    expect(read!.y, path).toBeGreaterThanOrEqual(title!.y);
    expect(read!.y + read!.height, path).toBeLessThan(740);
    await expect(page.getByRole('link', { name: '标准版' })).toBeInViewport();
    for (const name of ['全文', '任务', '目标', '文件', '术语']) await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name }), name).toBeInViewport();
  }
});

test('printing a care page leaves out the care bar, 朗读本页 and the 60 px spacing', async ({ page, baseURL }) => {
  await page.goto(`${baseURL}care/2019/tasks/21/`);
  await expect(page.getByRole('button', { name: '朗读本页' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: '标准版' })).toBeHidden();
  await expect(page.getByText('关怀模式（长辈版）')).toBeHidden();
  await expect(page.getByRole('button', { name: '朗读本页' })).toBeHidden();
  const crumbs = await page.locator('.breadcrumbs a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
  expect(crumbs.length).toBeGreaterThan(0);
  for (const h of crumbs) expect(h).toBeLessThan(40);
});
