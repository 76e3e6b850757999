/**
 * Screenshots for design review: `node scripts/screenshots.ts [outDir]` against a running
 * preview (BASE_URL, default http://localhost:4321/). Pages × 375/1280 px × light/dark.
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://localhost:4321/';
const out = process.argv[2] ?? 'test-results/screenshots';
const pages = (process.env.PAGES ?? '/,/2019/,/2019/tasks/,/2019/tasks/21/,/2019/targets/,/documents/deyu-gongzuo-zhinan/,/2019/terms/').split(',');
mkdirSync(out, { recursive: true });
const executablePath = existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    for (const path of pages) {
      await page.goto(new URL(path.replace(/^\//, ''), base).href);
      const name = `${path.replace(/\//g, '_') || 'home'}-${width}-${scheme}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
    }
    await page.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
