/**
 * A build without SITE_URL (a local preview, `npm start` on a fresh checkout) must not invent an
 * address: no file it writes — HTML, XML, CSV, JSON, SVG — contains a placeholder host (localhost,
 * 127.0.0.1, example.invalid); pages have no canonical link, og:url or QR code; citations give the
 * plan's original source address; there is no sitemap; and the build says once what needs SITE_URL.
 * (The build with SITE_URL is checked by tests/e2e/addresses.spec.ts.)
 */
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'yaml';
import { copyProject, buildIn } from '../helpers/project-copy';
import { root } from '../helpers/content';

const PLACEHOLDER = /localhost|127\.0\.0\.1|example\.invalid/i;
const CHECKED = new Set(['.html', '.xml', '.csv', '.json', '.svg', '.txt', '.webmanifest']);

let dir: string;
let output: string;
const files: string[] = [];
const read = (rel: string) => readFileSync(join(dir, 'dist', rel), 'utf8');

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(300_000);
  dir = copyProject('no-site-url');
  // SITE_URL empty counts as not set; BASE_PATH as the default.
  const built = buildIn(dir, { SITE_URL: '', BASE_PATH: '/' });
  output = built.output;
  expect(built.status, output.slice(-4000)).toBe(0);
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, 'dist', rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (CHECKED.has(extname(e.name))) files.push(r);
    }
  };
  walk('');
});

test('the build warns once, naming what SITE_URL is needed for', () => {
  const warnings = output.split('\n').filter((l) => /SITE_URL/.test(l));
  expect(warnings, output.slice(-3000)).toHaveLength(1);
  expect(warnings[0]).toMatch(/WARN/);
  for (const what of ['canonical', 'og:url', 'QR', 'sitemap', 'feed', '/data/']) expect(warnings[0]).toContain(what);
});

test('no HTML, XML, CSV, JSON or SVG file contains a placeholder address', () => {
  expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(50);
  for (const ext of ['.xml', '.csv', '.json', '.svg']) expect(files.some((f) => f.endsWith(ext)), `some ${ext} file is checked`).toBe(true);
  const found = files.flatMap((f) => {
    const m = read(f).match(PLACEHOLDER);
    return m ? [`${f}: ${m[0]}`] : [];
  });
  expect(found).toEqual([]);
});

test('pages carry no canonical link, og:url, QR code or page address to print; there is no sitemap', () => {
  const offenders = files.filter((f) => f.endsWith('.html')).filter((f) => /rel="canonical"|property="og:url"|class="qr"|本页地址：/.test(read(f)));
  expect(offenders).toEqual([]);
  expect(existsSync(join(dir, 'dist/sitemap-index.xml'))).toBe(false);
  // The printout still says when it was made.
  expect(read('2019/tasks/21/index.html')).toContain('打印版生成日期');
});

test('a task page cites the plan at its original source address', () => {
  const plan = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, 'content/plans/2019.mdx'), 'utf8'))![1]!);
  const citation = read('2019/tasks/21/index.html').match(/<span class="citation"[^>]*>([^<]*)<\/span>/)![1]!;
  expect(citation).toContain('[EB/OL]. (2019-03-28).');
  expect(citation.endsWith(` ${plan.sourceUrl}.`), citation).toBe(true);
});

test('the feed and the data files use site paths and stable ids, never an invented host', () => {
  const feed = read('changes/feed.xml');
  for (const m of feed.matchAll(/<link[^>]*href="([^"]+)"/g)) expect(m[1]!.startsWith('/'), m[1]).toBe(true);
  for (const m of feed.matchAll(/<id>([^<]+)<\/id>/g)) expect(m[1], 'Atom ids stay absolute IRIs').toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  const plan = JSON.parse(read('data/plan.json'));
  expect(plan.documentation).toBe('/data/');
  expect(plan.plans[0].url).toBe(`/${plan.plans[0].year}/`);
  const csv = read('data/targets.csv');
  expect(csv).toMatch(/,\/\d{4}\/targets\/#target-/);
  expect(csv).not.toMatch(/https?:\/\/[^,]*\/\d{4}\/targets\//);
});
