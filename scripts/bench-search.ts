/**
 * `npm run bench:search`: how fast search is, measured and printed (a benchmark, not a test).
 *
 * Builds the site (unless --no-build and the output already holds an index), serves it with
 * `astro preview`, and over the query set (tests/search/queries.json), in Chromium:
 *   - cold first query: a fresh browser context (empty cache) opens /search/?q=… as the header's
 *     search box does; time from navigation to the first result shown (results appear as their
 *     fragments arrive) and to all results rendered, and every byte fetched (page, Pagefind's
 *     script, WebAssembly, index chunks, result fragments), raw and gzip -6;
 *   - warm queries: every query of the set in one page after the first; median and p95 of the time
 *     from pressing Enter to results rendered (the search page's own measure, data-ms).
 *
 *   npm run bench:search                 # build into dist-bench-search/ and measure
 *   npm run bench:search -- --no-build   # measure the existing build in OUT_DIR
 *   npm run bench:search -- --cold 10    # cold runs (default 5), each on a different query
 * Settings: OUT_DIR (default dist-bench-search), PORT (default: a free port), BASE_PATH, CHROMIUM_PATH.
 */
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath, SYSTEM_CHROMIUM_ARGS } from './lib/chromium.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, startPreview } from './lib/preview.ts';

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const coldRuns = Number(args.includes('--cold') ? args[args.indexOf('--cold') + 1] : 5);
const outDir = process.env.OUT_DIR ?? 'dist-bench-search';
const queries = (JSON.parse(readFileSync(new URL('../tests/search/queries.json', import.meta.url), 'utf8')) as { queries: { q: string }[] }).queries.map((c) => c.q);


const port = Number(process.env.PORT ?? (await freePort()));
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const baseURL = `http://localhost:${port}${base}`;
const env = { ...process.env, OUT_DIR: outDir, ASTRO_CACHE_DIR: process.env.ASTRO_CACHE_DIR ?? `.astro/cache-${outDir.replace(/\W+/g, '-')}` };

if (build || !existsSync(join(outDir, 'pagefind', 'pagefind.js'))) {
  console.log(`building into ${outDir}/ …`);
  const b = spawnSync('npx', ['astro', 'build'], { env, encoding: 'utf8' });
  if (b.status !== 0) {
    console.error(b.stdout.slice(-4000), b.stderr.slice(-4000));
    process.exit(1);
  }
  console.log(b.stdout.match(/\[pagefind-index\] .*/)?.[0] ?? '');
}

const server = await startPreview({ env, port, readyPath: 'search/' });

const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: SYSTEM_CHROMIUM_ARGS });


async function submit(page: import('@playwright/test').Page, q: string): Promise<number> {
  const box = page.getByRole('main').getByRole('searchbox');
  await box.fill(q);
  const t0 = Date.now();
  await box.press('Enter');
  await page.waitForFunction((q) => {
    const l = document.getElementById('search-results');
    return l?.dataset.state === 'done' && l.dataset.query === q;
  }, q.trim(), { polling: 'raf' });
  return Date.now() - t0;
}

// Cold: a fresh context per run (nothing cached) opens /search/?q=… — what the header's search box
// does — and the clock runs from navigation to results rendered.
const cold: { q: string; first: number; ms: number; engine: number; raw: number; gzip: number; requests: number; files: string[]; script: [number, number] }[] = [];
for (let i = 0; i < coldRuns; i++) {
  const q = queries[(i * 7) % queries.length]!;
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<[string, Buffer] | null>[] = [];
  context.on('response', (r) => {
    const path = new URL(r.url()).pathname.slice(base.length - 1);
    if (path === '/favicon.svg') return; // the browser's own request, not the search's
    bodies.push(r.body().then((b) => [path, b] as [string, Buffer], () => null));
  });
  const t0 = Date.now();
  await page.goto(`${baseURL}search/?q=${encodeURIComponent(q)}`, { waitUntil: 'commit' });
  await page.waitForFunction((q) => {
    const l = document.getElementById('search-results');
    return l?.dataset.query === q && (l.querySelector('.result') !== null || l.dataset.state === 'done');
  }, q.trim(), { polling: 'raf' });
  const first = Date.now() - t0;
  await page.waitForFunction((q) => {
    const l = document.getElementById('search-results');
    return l?.dataset.state === 'done' && l.dataset.query === q;
  }, q.trim(), { polling: 'raf' });
  const ms = Date.now() - t0;
  const fetched = (await Promise.all(bodies)).filter((x): x is [string, Buffer] => x !== null);
  cold.push({
    q,
    first,
    ms,
    engine: fetched.filter(([p]) => p.startsWith('/pagefind/')).reduce((n, [, b]) => n + b.length, 0),
    raw: fetched.reduce((n, [, b]) => n + b.length, 0),
    gzip: fetched.reduce((n, [, b]) => n + gzipSync(b, { level: 6 }).length, 0),
    requests: fetched.length,
    files: fetched.map(([p, b]) => `${p} ${b.length}`),
    // The site's own search script (query handling, traditional → simplified, rendering).
    script: fetched.filter(([p]) => p.startsWith('/_astro/') && p.endsWith('.js')).reduce(([r, g], [, b]) => [r + b.length, g + gzipSync(b, { level: 9 }).length], [0, 0]),
  });
  await context.close();
}

// Warm: every query in one page, after one query has loaded the engine.
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${baseURL}search/`);
await submit(page, queries[0]!);
const warm: number[] = [];
const warmOutside: number[] = [];
for (const q of queries) {
  warmOutside.push(await submit(page, q));
  warm.push(Number(await page.locator('#search-results').getAttribute('data-ms')));
}
await browser.close();
await server.stop();

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const firstRun = cold[0]!;

console.log(`\nsearch benchmark — ${queries.length} queries from tests/search/queries.json, Chromium, ${baseURL}`);
console.log(`\ncold first query (fresh context, empty cache: /search/?q=… from navigation to the first result shown / all results rendered), ${cold.length} runs:`);
for (const c of cold) console.log(`  ${c.q.padEnd(12, '　')} ${String(c.first).padStart(5)} ms / ${String(c.ms).padStart(5)} ms   ${kb(c.raw)} fetched (${kb(c.engine)} of it search engine and index), ${kb(c.gzip)} if gzip-served, ${c.requests} requests`);
console.log(`  median ${median(cold.map((c) => c.first))} ms to the first result, ${median(cold.map((c) => c.ms))} ms to all; bytes fetched for the first query: median ${kb(median(cold.map((c) => c.raw)))} (${kb(median(cold.map((c) => c.engine)))} engine and index; Pagefind's index files are compressed already)`);
console.log(`  the site's search script: ${kb(firstRun.script[0])} raw, ${kb(firstRun.script[1])} gzip -9`);
console.log(`  files fetched for “${firstRun.q}”:\n    ${firstRun.files.join('\n    ')}`);
console.log(`\nwarm queries (same page, engine loaded), ${warm.length} queries:`);
console.log(`  in page (Enter → results rendered): median ${median(warm)} ms, p95 ${quantile(warm, 0.95)} ms, max ${Math.max(...warm)} ms`);
console.log(`  measured from the test driver:      median ${median(warmOutside)} ms, p95 ${quantile(warmOutside, 0.95)} ms`);
