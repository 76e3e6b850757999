/**
 * 一图读懂 (/2019/at-a-glance/): every figure, date and count the pictures show is compared with the
 * content files (read here without Astro); every picture is an image with a name and a text
 * alternative, and its facts are listed beside it; the page fits a 375 px phone and an A4 sheet.
 */
import { test, expect } from '@playwright/test';
import { readCollection, readEntry } from '../helpers/content';
import { A4_CONTENT, pictureProblems, splitNumbers } from '../helpers/pictures';

interface RawTarget { id: string; kind: string; value?: number; unit?: string; word?: string; deadline?: { year: number; term?: string; type?: string; phrase?: string }; quote: string }
interface RawTask { number: number; part: number | null; title: string; targets?: RawTarget[] }

const plan = readEntry<{ year: number; sections: { heading: string }[]; parts: { number: number; label: string; title: string }[] }>('content/plans/2019.mdx').data;
const tasks = readCollection<RawTask>('content/tasks/2019').map((e) => e.data).sort((a, b) => a.number - b.number);
const targets = tasks.flatMap((t) => t.targets ?? []);
const display = (s: string) => s.replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：').replace(/\(/g, '（').replace(/\)/g, '）');
/** The plan's words as the site quotes them: in “”, the plan's own “” nested as ‘’. */
const quoted = (s: string) => `“${display(s).replace(/“/g, '‘').replace(/”/g, '’')}”`;
/** A section heading without its number: 二、重点工作与举措 → 重点工作与举措. */
const sectionName = (heading: string) => heading.replace(/^[一二三四五六七八九十]+、/, '');

test('every large figure is a target’s own number and unit, and every numbered target is shown', async ({ page }) => {
  await page.goto('2019/at-a-glance/');
  const shown = await page.locator('[data-figure]').evaluateAll((items) =>
    items.map((li) => ({ id: li.getAttribute('data-figure')!, figure: li.querySelector('[data-value]')!.textContent!.trim(), text: li.textContent! })),
  );
  const numbered = targets.filter((t) => typeof t.value === 'number');
  expect(numbered.length).toBeGreaterThan(5);
  expect(shown.map((s) => s.id).sort()).toEqual(numbered.map((t) => t.id).sort());
  for (const s of shown) {
    const t = numbered.find((n) => n.id === s.id)!;
    // A zero shows the plan's word (杜绝, 为零), never a bare 0.
    expect(s.figure, s.id).toBe(t.kind === 'zero' ? t.word : `${t.value}${t.unit ?? ''}`);
    expect(s.text, `${s.id} shows the plan's words`).toContain(quoted(t.quote));
  }
  const zeros = numbered.filter((t) => t.kind === 'zero').length;
  // 杜绝 has no digit: the zeros are counted apart from the figures with a number.
  await expect(page.locator('.lead')).toContainText(`写有具体数字的${numbered.length - zeros}项、要求为零的${zeros}项`);
  // 为零 and “五个零” are the plan's words: nothing says the plan wrote no number.
  await expect(page.locator('main')).not.toContainText('原文没有数字');
  await expect(page.locator('.lead')).not.toContainText(`${numbered.length}项写有`);
  // The lead accounts for every target: those with a number or a date, and the rest.
  const measurable = targets.filter((t) => typeof t.value === 'number' || t.deadline).length;
  await expect(page.locator('.lead')).toContainText(`整理出${targets.length}项目标：${measurable}项有数值或时限（`);
  await expect(page.locator('.lead')).toContainText(`，${targets.length - measurable}项没有数值或时限`);
  // The plan's own outline: its sections as the plan numbers them, and which of them holds the parts (一)…(六)
  // (not “共有N个部分” as if the parts were all of the plan).
  const [first, second] = plan.sections.map((x) => x.heading);
  await expect(page.locator('.lead')).toContainText(`正文依次是“${first}”和“${second}”（分${plan.parts.length}个部分、${tasks.filter((t) => t.number > 0).length}项任务）`);
  await expect(page.locator('.lead')).not.toContainText(`共有${plan.parts.length}个部分`);
  await expect(page.getByText(`${numbered.length}项目标：写有具体数字的${numbered.length - zeros}项和要求为零的${zeros}项`)).toBeVisible();
});

test('the timeline lists every dated target under its deadline, in date order', async ({ page }) => {
  await page.goto('2019/at-a-glance/');
  const dated = targets.filter((t) => t.deadline);
  const picture = page.getByRole('img', { name: `${dated.length}项写明时限的目标` });
  await expect(picture).toBeVisible();
  const listed = await page.locator('.timeline-list [data-dated]').evaluateAll((items) => items.map((li) => li.getAttribute('data-dated')));
  expect([...listed].sort()).toEqual(dated.map((t) => t.id).sort());
  const headings = await page.locator('.timeline-list > li > strong').allTextContents();
  // The plan's own phrase (通过一年的努力) names no year; the dated headings are in year order.
  const years = headings.filter((h) => /^\d{4}/.test(h)).map((h) => Number(h.slice(0, 4)));
  expect(years).toEqual([...years].sort());
  for (const t of dated) {
    const d = t.deadline!;
    const label = d.phrase ?? `${d.year}年${d.term ?? ''}${d.type === 'start' ? '起' : d.type === 'during' ? '全年' : '内'}`;
    await expect(page.locator('.timeline-list > li', { has: page.locator(`[data-dated="${t.id}"]`) }).locator('> strong')).toHaveText(label);
  }
  // The picture's text alternative names every deadline too.
  const alt = await page.locator('#timeline-picture-desc').textContent();
  for (const h of headings) expect(alt).toContain(h);
  // Each deadline's number says what it counts (N项目标) and is the number of targets listed under it; a
  // phrase that names no year (通过一年的努力) says so, in the list and in the drawing.
  for (const item of await page.locator('.timeline-list > li').all()) {
    const n = await item.locator('[data-dated]').count();
    await expect(item).toContainText(`${n}项目标）`);
    const heading = (await item.locator('> strong').textContent())!;
    if (!/^\d{4}/.test(heading)) {
      await expect(item).toContainText('原文没有写年份');
      await expect(picture.locator('text', { hasText: heading })).toHaveCount(1);
    }
  }
  const undated = dated.filter((t) => !t.deadline!.year).length;
  expect(undated, 'the plan has a deadline given only as a phrase').toBeGreaterThan(0);
  await expect(picture.locator('text', { hasText: /^原文没有写年份$/ })).toHaveCount(new Set(dated.filter((t) => !t.deadline!.year).map((t) => t.deadline!.phrase)).size);
  await expect(page.getByText(`另有${targets.length - dated.length}项目标原文没有写明时限`)).toBeVisible();
});

test('parts with their tasks: the picture, its text alternative and the list agree with the plan', async ({ page }) => {
  await page.goto('2019/at-a-glance/');
  const numbered = tasks.filter((t) => t.number > 0);
  // The parts are those of the plan's second section (二、重点工作与举措), named as the plan names it.
  const picture = page.getByRole('img', { name: `${sectionName(plan.sections[1]!.heading)}分${plan.parts.length}个部分、${numbered.length}项任务` });
  await expect(picture).toBeVisible();
  const alt = (await page.locator('#parts-picture-desc').textContent())!;
  const parts = page.locator('.parts-list > li');
  await expect(parts).toHaveCount(plan.parts.length);
  // A part is named by its own label (（一）): no list number before it (“1.（一）” counted twice).
  for (const marker of await page.locator('.parts-list > li, .timeline-list > li').evaluateAll((lis) => lis.map((li) => getComputedStyle(li).listStyleType))) expect(marker).toBe('none');
  for (const [i, part] of plan.parts.entries()) {
    const inPart = numbered.filter((t) => t.part === part.number);
    await expect(parts.nth(i)).toContainText(`${display(part.label)}${display(part.title)}（${inPart.length}项任务）`);
    await expect(parts.nth(i).locator('ol > li')).toHaveText(inPart.map((t) => display(t.title)));
    expect(alt).toContain(`${inPart.length}项任务（任务${inPart.map((t) => t.number).join('、')}）`);
    // The drawing's band says what its number counts (N项任务); its task numbers are words under it
    // (任务1、2、3), not dots that look like buttons: the drawing links nowhere, the list does.
    await expect(picture.locator('text', { hasText: new RegExp(`^${inPart.length}项任务$`) }).first()).toBeAttached();
    await expect(picture.locator('text', { hasText: new RegExp(`^任务${inPart.map((t) => t.number).join('、')}$`) })).toHaveCount(1);
  }
});

test('a name coined in a part heading (六大工程) shows that part’s tasks', async ({ page }) => {
  await page.goto('2019/at-a-glance/');
  const part = plan.parts.find((p) => p.title.includes('六大工程'))!;
  const inPart = tasks.filter((t) => t.part === part.number);
  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '六大工程' }) });
  const picture = section.getByRole('img');
  await expect(picture).toHaveAccessibleName(`六大工程：${inPart.length}项任务`);
  // It names the heading it comes from in the plan's words (not “第（四）部分”).
  await expect(section.locator('p').first()).toContainText(`“六大工程”出自工作思路的小标题“${display(part.label)}${display(part.title)}”`);
  await expect(page.locator('main')).not.toContainText('第（');
  await expect(picture).toHaveAccessibleDescription(inPart.map((t) => `任务${t.number}${display(t.title)}`).join('；') + '。');
  await expect(section.locator('.group-list > li > a')).toHaveText(inPart.map((t) => display(t.title)));
});

test('linked from the home page and the plan page; fits a 375 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('./');
  await page.getByRole('link', { name: '一图读懂' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('一图读懂2019年工作思路');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // Text in the drawings stays legible: the pictures are drawn at about phone width.
  for (const svg of await page.locator('figure svg').all()) expect((await svg.boundingBox())!.width).toBeGreaterThan(300);
  await page.goto('2019/');
  await page.getByRole('link', { name: '一图读懂' }).click();
  await expect(page).toHaveURL(/\/2019\/at-a-glance\/$/);
});

test('prints on A4: nothing wider than the sheet, pictures kept whole', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  // A4 (210 mm) less print.css's @page margins (1.4 cm each side) at 96 dpi: 182 mm = 688 px.
  await page.setViewportSize({ width: 688, height: 1000 });
  await page.goto('2019/at-a-glance/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(688);
  for (const figure of await page.locator('figure.picture').all()) {
    expect(await figure.evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
  }
  // Every element, the captions included, ends within the sheet (not just the page's scroll width).
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 688.5 && getComputedStyle(e).display !== 'none').map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 30)}`),
  );
  expect(overflowing).toEqual([]);
  // The words drawn on a shape differ in colour from the shape's fill (black on black was unreadable).
  const drawn = await page.locator('figure.picture svg').evaluateAll((svgs) =>
    svgs.flatMap((svg) =>
      [...svg.querySelectorAll('text')].map((t) => {
        const box = t.getBBox();
        const under = [...svg.querySelectorAll('rect, circle')].filter((s) => {
          const b = (s as SVGGraphicsElement).getBBox();
          return box.x + box.width / 2 >= b.x && box.x + box.width / 2 <= b.x + b.width && box.y + box.height / 2 >= b.y && box.y + box.height / 2 <= b.y + b.height;
        });
        const shape = under.at(-1);
        return { text: t.textContent, fill: getComputedStyle(t).fill, under: shape ? getComputedStyle(shape).fill : 'none' };
      }),
    ),
  );
  const label = drawn.find((d) => /^（一）/.test(d.text ?? ''));
  expect(label, 'the first part\'s label is drawn').toBeDefined();
  expect(label!.under, 'the part bar is filled').not.toBe('none');
  for (const d of drawn) expect(d.fill, `“${d.text}” on a ${d.under} shape`).not.toBe(d.under);
  await expect(page.getByRole('link', { name: '保存分享图' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

// The pages with pictures: 一图读懂 and the targets page's two charts.
const picturePages = ['2019/at-a-glance/', '2019/targets/'];

for (const path of picturePages) {
  test(`${path} on A4 paper: every picture's labels inside its drawing, apart and at least 9 pt; captions and lists within their figure; no drawing cut by a page break`, async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_CONTENT.width, height: A4_CONTENT.height });
    await page.goto(path);
    expect(await page.locator('figure.picture').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_CONTENT.width);
    // 9 pt = 12 px: the smallest print a reader holding the sheet reads without a magnifier.
    const problems = await pictureProblems(page, { minPx: 12, paper: true });
    expect(problems, problems.join('\n')).toEqual([]);
    const split = await splitNumbers(page, path.includes('at-a-glance') ? 'main' : '#charts');
    expect(split, split.join('\n')).toEqual([]);
    // A drawing fits on one sheet and is never split; its caption stays with it.
    for (const figure of await page.locator('figure.picture').all()) {
      const drawing = figure.locator('.drawing');
      const m = await drawing.evaluate((d) => ({ height: d.getBoundingClientRect().height, inside: getComputedStyle(d).breakInside, caption: getComputedStyle(d.parentElement!.querySelector('figcaption')!).breakAfter }));
      const id = await figure.getAttribute('id');
      expect(m.height, `${id}: drawing taller than a sheet`).toBeLessThanOrEqual(A4_CONTENT.height);
      expect(m.inside, `${id}: drawing may be split by a page break`).toBe('avoid');
      expect(m.caption, `${id}: caption may be left at the foot of a sheet`).toBe('avoid');
    }
  });

  test(`${path} in forced colours (Windows high contrast): bars, marks and labels drawn in system colours and visible`, async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(path);
    expect(await page.locator('figure.picture').count()).toBeGreaterThan(0);
    const problems = await pictureProblems(page, { minPx: 12, forcedColors: true });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test(`${path} in dark mode: bars, dots and labels stand out from the dark page`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(path);
    expect(await page.locator('figure.picture .fill-mark').count()).toBeGreaterThan(0);
    const problems = await pictureProblems(page, { minPx: 12 });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  for (const scale of [1, 2]) {
    test(`${path} on a 375 px phone with text at ${scale * 100} %: no sideways scroll, no label cut off or overlapping`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * scale, fixed: 13 * scale } });
      await page.goto(path);
      expect(await page.locator('figure.picture').count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      // The words drawn in a picture read about as large as the page's own text (16 px) on a phone. They do
      // not grow with the reader's text size (the drawing is as wide as the screen already): at 200 % the
      // wider page margins leave them a little smaller, and the list beside carries the same words at 200 %.
      const problems = await pictureProblems(page, { minPx: 12, minDrawnPx: scale === 1 ? 15 : 14 });
      expect(problems, problems.join('\n')).toEqual([]);
      // On a phone the facts stand under the drawing: no caption or lead may say they are beside it.
      for (const figure of await page.locator('figure.picture').all()) {
        const [drawing, facts] = await Promise.all([figure.locator('.drawing').boundingBox(), figure.locator('.facts').boundingBox()]);
        expect(facts!.y).toBeGreaterThanOrEqual(drawing!.y + drawing!.height);
      }
      await expect(page.locator('main')).not.toContainText(/图旁|图的?旁边/);
      // A figure read across a line break (5 at a line's end, 所 on the next) is misread.
      const split = await splitNumbers(page, path.includes('at-a-glance') ? 'main' : '#charts');
      expect(split, split.join('\n')).toEqual([]);
      await context.close();
    });
  }
}

test('targets page: status chart and deadline chart are named images with their data tables beside', async ({ page }) => {
  await page.goto('2019/targets/');
  const statuses = ['未评估', '进行中', '已完成', '未完成', '已调整'];
  const count = (s: string) => targets.filter((t) => ((t as { status?: string }).status ?? '未评估') === s).length;
  const chart = page.getByRole('img', { name: `${targets.length}项目标按状态统计` });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(`${statuses.map((s) => `${s}${count(s)}项`).join('，')}。`);
  for (const s of statuses) await expect(page.locator(`.status-table tr[data-status="${s}"] td`)).toHaveText(String(count(s)));
  // Each status drawn with its count and a unit (N项), a bar for every status that has targets, each
  // bar as long as its count in proportion to the largest.
  const drawn = await chart.locator('text').allTextContents();
  for (const s of statuses) expect(drawn.slice(drawn.indexOf(s), drawn.indexOf(s) + 2)).toEqual([s, `${count(s)}项`]);
  const widths = await chart.locator('rect.fill-mark').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  const counted = statuses.map(count).filter((n) => n > 0);
  expect(widths.length).toBe(counted.length);
  for (const [i, w] of widths.entries()) expect(w / Math.max(...widths)).toBeCloseTo(counted[i]! / Math.max(...counted), 5);

  const dated = targets.filter((t) => t.deadline);
  await expect(page.getByRole('img', { name: `${dated.length}项写明时限的目标` })).toBeVisible();
  const rows = await page.locator('.deadline-table tr[data-dated]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-dated')));
  expect([...rows].sort()).toEqual(dated.map((t) => t.id).sort());
  // Each row links to the target's own row further down the page.
  await page.locator('.deadline-table tr[data-dated] a[href^="#target-"]').first().click();
  await expect(page.locator(':target')).toBeVisible();
});

test('share images: a 750 px PNG of at most 250 KB for every task and for 一图读懂, linked as 保存分享图; a QR code only with SITE_URL', async ({ page, request }) => {
  const { PNG } = await import('pngjs');
  const { default: jsQR } = await import('jsqr');
  await page.goto('2019/tasks/21/');
  const link = page.getByRole('link', { name: '保存分享图' });
  // WeChat's own browser blocks downloads: the link opens the image, which a reader long-presses to save.
  await expect(link).not.toHaveAttribute('download');
  await expect(page.getByText('长按图片保存')).toBeVisible();
  expect(new URL((await link.getAttribute('href'))!, page.url()).pathname).toMatch(/\/2019\/tasks\/21\/share\.png$/);
  await link.click();
  await expect(page).toHaveURL(/\/2019\/tasks\/21\/share\.png$/);
  const shown = await page.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(shown, 'the browser shows the image itself').toBe(750);
  await page.goBack();
  // The link preview (og:image) is the share image at its absolute published address, only with SITE_URL.
  const site = process.env.SITE_URL?.trim();
  for (const [pagePath, image] of [['2019/tasks/21/', '2019/tasks/21/share.png'], ['2019/at-a-glance/', '2019/at-a-glance/share.png']]) {
    await page.goto(pagePath);
    const og = page.locator('meta[property="og:image"]');
    if (!site) {
      await expect(og).toHaveCount(0);
      continue;
    }
    const url = (await og.getAttribute('content'))!;
    expect(url).toBe(new URL(image, new URL(process.env.BASE_PATH ?? '/', site)).href);
    const png = PNG.sync.read((await request.get(image).then((r) => r.body())));
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', String(png.width));
    await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', String(png.height));
  }
  const paths = [...tasks.filter((t) => t.number > 0).map((t) => `2019/tasks/${t.number}/share.png`), '2019/at-a-glance/share.png'];
  for (const path of paths) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const body = await res.body();
    expect(body.byteLength, path).toBeLessThanOrEqual(250 * 1024);
    const png = PNG.sync.read(body);
    expect(png.width, path).toBe(750);
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    // This build's published address (the same setting astro.config.mjs reads); without one, no QR code.
    const site = process.env.SITE_URL?.trim();
    if (site) expect(code?.data, path).toBe(new URL(path.replace(/share\.png$/, ''), new URL(process.env.BASE_PATH ?? '/', site)).href);
    else expect(code, `${path} has no QR code without SITE_URL`).toBeNull();
  }
});
