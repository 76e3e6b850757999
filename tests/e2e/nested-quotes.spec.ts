/**
 * A quotation of the plan the site wraps in “” shows the plan's own “” as ‘’ (Chinese nesting), on
 * 一图读懂 and the targets page; the characters are otherwise the plan's.
 */
import { test, expect } from '@playwright/test';
import { readCollection } from '../helpers/content';

interface RawTarget { id: string; value?: number; deadline?: unknown; quote: string }
const targets = readCollection<{ targets?: RawTarget[] }>('content/tasks/2019').flatMap((e) => e.data.targets ?? []);
const display = (s: string) => s.replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：').replace(/\(/g, '（').replace(/\)/g, '）');
const nested = (s: string) => display(s).replace(/“/g, '‘').replace(/”/g, '’');

test('一图读懂: a quoted sentence holding the plan’s own quotation marks nests them (“…‘党建质量年’…”)', async ({ page }) => {
  await page.goto('2019/at-a-glance/');
  const inner = targets.filter((t) => t.quote.includes('“'));
  const shown = inner.filter((t) => t.value !== undefined || t.deadline !== undefined);
  expect(shown.length, 'the plan quotes words inside the sentences shown here').toBeGreaterThan(0);
  for (const t of shown) {
    const item = page.locator(`[data-figure="${t.id}"] .quote, .timeline-list [data-dated="${t.id}"]`);
    for (const el of await item.all()) await expect(el, t.id).toContainText(`“${nested(t.quote)}”`);
  }
  // Inside the site's own “…”, no second “ opens before the first closes.
  for (const text of await page.locator('.figures .quote').allTextContents()) expect(text.trim().slice(1, -1), text).not.toMatch(/[“”]/);
});

test('targets page: each quoted sentence nests the plan’s own marks', async ({ page }) => {
  await page.goto('2019/targets/');
  const inner = targets.filter((t) => t.quote.includes('“'));
  expect(inner.length).toBeGreaterThan(0);
  for (const t of inner) await expect(page.locator(`#target-${t.id} td[data-label="原文"] q`), t.id).toHaveText(nested(t.quote));
});

test('the public guide’s timeline: each quoted sentence nests the plan’s own marks', async ({ page }) => {
  await page.goto('2019/guides/public/');
  const inner = targets.filter((t) => t.deadline !== undefined && t.quote.includes('“'));
  expect(inner.length).toBeGreaterThan(0);
  for (const t of inner) await expect(page.locator(`li[data-target="${t.id}"] q`), t.id).toHaveText(nested(t.quote));
});
