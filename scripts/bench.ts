/**
 * `npm run bench`: the budgets of issue 5, measured and printed (a benchmark, not a test).
 *
 * Builds the site (timed), serves it with `astro preview`, and for one page of each kind prints
 * what loads on first view with an empty cache — bytes of HTML, CSS, JS and other files (raw and
 * gzip -6, the same for every file, whatever the server sends), request count — and Lighthouse's
 * scores (mobile preset, the same Chromium the tests use; median of LH_RUNS runs, default 3) for
 * performance, accessibility, best practices and SEO.
 *
 *   npm run bench                       # build into dist-bench/ and measure
 *   npm run bench -- --no-lighthouse    # bytes only
 *   npm run bench -- --compare URL      # also measure another page the same way (e.g. a Starlight
 *                                       # docs page with the same content) and print the ratio
 * Settings: OUT_DIR (default dist-bench), PORT (default: a free port), CHROMIUM_PATH.
 */
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath, SYSTEM_CHROMIUM_ARGS } from './lib/chromium.ts';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort, startPreview } from './lib/preview.ts';

const args = process.argv.slice(2);
const withLighthouse = !args.includes('--no-lighthouse');
const compareUrl = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : undefined;
const outDir = process.env.OUT_DIR ?? 'dist-bench';

const CHROME_FLAGS = ['--headless=new', ...SYSTEM_CHROMIUM_ARGS];

const port = Number(process.env.PORT ?? (await freePort()));
const origin = `http://localhost:${port}`;
const env = { ...process.env, OUT_DIR: outDir, ASTRO_CACHE_DIR: process.env.ASTRO_CACHE_DIR ?? `.astro/cache-${outDir.replace(/\W+/g, '-')}`, SITE_URL: origin };
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const baseURL = `${origin}${base}`;

// 1. Build, timed: the whole `astro build` (pages, sitemap, search index).
console.log(`building into ${outDir}/ …`);
const started = performance.now();
const build = spawnSync('npx', ['astro', 'build'], { env, encoding: 'utf8' });
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
  console.error(build.stdout.slice(-4000), build.stderr.slice(-4000));
  process.exit(1);
}
const pagesBuilt = build.stdout.match(/(\d+) page\(s\) built/)?.[1] ?? '?';

// 2. Serve the production output (on the port SITE_URL names: the sitemap's URLs are fetched below).
const server = await startPreview({ env, port });

// 3. One page per kind, found in the built sitemap so the bench follows the site as it grows.
const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const sitemap = (await Promise.all(locs(await (await fetch(`${baseURL}sitemap-index.xml`)).text()).map(async (u) => locs(await (await fetch(u)).text())))).flat();
const paths = sitemap.map((u) => new URL(u).pathname.slice(base.length - 1));
const firstMatch = (re: RegExp) => paths.find((p) => re.test(p));
const kinds: Array<[string, string | undefined]> = [
  ['home', '/'],
  ['full text', firstMatch(/^\/\d{4}\/$/)],
  ['task', firstMatch(/^\/\d{4}\/tasks\/21\/$/) ?? firstMatch(/^\/\d{4}\/tasks\/\d+\/$/)],
  ['targets', firstMatch(/^\/\d{4}\/targets\/$/)],
  ['document', firstMatch(/^\/documents\/[^/]+\/$/)],
  ['guide', firstMatch(/\/guides\/[^/]+\/$/)],
  ['search', firstMatch(/^\/search\/$/)],
  ['search + query', firstMatch(/^\/search\/$/) && '/search/?q=%E6%89%98%E7%AE%A1'],
];

interface FirstView {
  html: [number, number];
  css: [number, number];
  js: [number, number];
  other: [number, number];
  requests: number;
}

/** What loads on first view with an empty cache: bytes by type (raw, gzip) and request count. */
async function firstView(browser: Browser, url: string, waitForResults = false): Promise<FirstView> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const bodies: Promise<[string, Buffer] | null>[] = [];
  context.on('response', (r) => {
    bodies.push(
      r.body().then(
        (b) => [r.headers()['content-type'] ?? '', b],
        () => null,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (waitForResults) {
    await page.locator('#search-results li').first().waitFor({ timeout: 15_000 }).catch(() => {});
    await page.waitForLoadState('networkidle');
  }
  const v: FirstView = { html: [0, 0], css: [0, 0], js: [0, 0], other: [0, 0], requests: 0 };
  for (const item of await Promise.all(bodies)) {
    if (!item) continue;
    const [type, body] = item;
    const bucket = /html/.test(type) ? v.html : /css/.test(type) ? v.css : /javascript|ecmascript/.test(type) ? v.js : v.other;
    bucket[0] += body.length;
    bucket[1] += gzipSync(body).length;
    v.requests++;
  }
  await context.close();
  return v;
}

/** Lighthouse's four scores, each the median of LH_RUNS runs (default 3): one run is noisy. */
async function scores(url: string) {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < Number(process.env.LH_RUNS ?? 3); i++) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const c = result!.lhr.categories;
      runs.push(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round((v.score ?? NaN) * 100)])));
    } finally {
      chrome.kill();
    }
  }
  const median = (k: string) => {
    const xs = runs.map((r) => r[k]!).sort((a, b) => a - b);
    return Number.isFinite(xs[0]) ? String(xs[Math.floor(xs.length / 2)]) : '–';
  };
  return ['performance', 'accessibility', 'best-practices', 'seo'].map(median);
}

const kb = ([raw, gz]: [number, number]) => `${(raw / 1024).toFixed(1)}/${(gz / 1024).toFixed(1)}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROME_FLAGS.slice(1) });
const rows: string[][] = [];
const views = new Map<string, FirstView>();
for (const [kind, path] of kinds) {
  if (!path) {
    rows.push([kind, '(no such page in the sitemap)']);
    continue;
  }
  const url = new URL(path.slice(1), baseURL).href;
  const view = await firstView(browser, url, kind === 'search + query');
  views.set(kind, view);
  const lh = withLighthouse && kind !== 'search + query' ? await scores(url) : ['', '', '', ''];
  const total: [number, number] = [view.html[0] + view.css[0] + view.js[0] + view.other[0], view.html[1] + view.css[1] + view.js[1] + view.other[1]];
  rows.push([kind, path, kb(view.html), kb(view.css), kb(view.js), kb(view.other), kb(total), String(view.requests), ...lh]);
}

const head = ['page kind', 'path', 'HTML KiB', 'CSS KiB', 'JS KiB', 'other KiB', 'total KiB', 'requests', 'perf', 'a11y', 'best pr.', 'SEO'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ');
console.log(`\nBuild: ${buildSeconds.toFixed(1)} s for ${pagesBuilt} pages (astro build: pages, sitemap, search index)`);
console.log(`First view, empty cache, 375 px; KiB raw/gzip; Lighthouse mobile preset (0–100, median of ${process.env.LH_RUNS ?? 3})\n`);
console.log(line(head));
for (const r of rows) console.log(line(r));

const jsPages = [...views].filter(([kind, v]) => !kind.startsWith('search') && v.js[0] > 0).map(([k]) => k);
console.log(`\nJavaScript outside search: ${jsPages.length === 0 ? '0 bytes on every measured page' : `on ${jsPages.join(', ')}`}`);

if (compareUrl) {
  const other = await firstView(browser, compareUrl);
  const task = views.get('task')!;
  const sum = (v: FirstView, i: 0 | 1) => v.html[i] + v.css[i] + v.js[i] + v.other[i];
  console.log(`\nCompared page ${compareUrl}: HTML ${kb(other.html)}, CSS ${kb(other.css)}, JS ${kb(other.js)}, other ${kb(other.other)}, ${other.requests} requests`);
  console.log(`Task page / compared page: ${(sum(task, 0) / sum(other, 0)).toFixed(2)} raw, ${(sum(task, 1) / sum(other, 1)).toFixed(2)} gzip (aim: at most 0.50)`);
}
await browser.close();
await server.stop();
