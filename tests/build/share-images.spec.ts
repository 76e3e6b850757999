/**
 * Share images, in a copy of the project: built without SITE_URL they carry no QR code; built with
 * the published address (SITE_URL and a base path) every task's share.png and the 一图读懂 one are 750 px wide PNGs of at most 250 KB whose QR
 * code, decoded with jsQR, is the page's published address, and that address opens the page. An
 * unchanged rebuild draws nothing (images come from the content-hash cache); changing one task's
 * summary draws exactly that task's image again.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { copyProject, buildIn } from '../helpers/project-copy';
import { readCollection } from '../helpers/content';
import { startPreview } from '../../scripts/lib/preview.ts';

const SITE = 'https://jyj.example.gov.cn';
const BASE = '/jyj/plan/';
const env = { SITE_URL: SITE, BASE_PATH: BASE };
const tasks = readCollection<{ number: number; title: string }>('content/tasks/2019').map((e) => e.data).filter((t) => t.number > 0);

function decode(file: string): { width: number; bytes: number; qr: string | undefined } {
  const buffer = readFileSync(file);
  const png = PNG.sync.read(buffer);
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  return { width: png.width, bytes: buffer.byteLength, qr: code?.data };
}

/** The cache's images: name → modification time. */
function cacheImages(dir: string): Map<string, number> {
  const cache = join(dir, '.astro/share-images');
  return new Map(readdirSync(cache).filter((f) => f.endsWith('.png')).map((f) => [f, statSync(join(cache, f)).mtimeMs]));
}

test('with SITE_URL: each share image’s QR code opens its page; images are cached by content', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = copyProject('share-images');
  const images = [
    ...tasks.map((t) => ({ path: `2019/tasks/${t.number}/`, title: t.title })),
    { path: '2019/at-a-glance/', title: '一图读懂' },
  ];

  // Without the published address: no QR code (the images carry the plan's source address as text).
  const local = buildIn(dir, { SITE_URL: '', BASE_PATH: '/' });
  expect(local.status, local.output).toBe(0);
  // jsQR may find a finder-like pattern in dense text and report an empty code: no address is what counts.
  for (const img of images) expect(decode(join(dir, 'dist', img.path, 'share.png')).qr || undefined, img.path).toBeUndefined();

  const built = buildIn(dir, env);
  expect(built.status, built.output).toBe(0);
  const decoded = images.map((img) => ({ ...img, ...decode(join(dir, 'dist', img.path, 'share.png')) }));
  for (const d of decoded) {
    expect(d.width, d.path).toBe(750);
    expect(d.bytes, `${d.path}share.png is ${d.bytes} bytes`).toBeLessThanOrEqual(250 * 1024);
    expect(d.qr, `${d.path}share.png carries a QR code of its page`).toBe(`${SITE}${BASE}${d.path}`);
  }

  // The decoded address opens the page (served under the base path, as published).
  const server = await startPreview({ cwd: dir, env: { ...process.env, ...env, OUT_DIR: './dist' } });
  try {
    for (const d of decoded) {
      const local = new URL(d.qr!.slice(SITE.length), server.url).href;
      const response = await page.goto(local);
      expect(response?.status(), local).toBe(200);
      const h1 = (await page.getByRole('heading', { level: 1 }).textContent())!;
      expect(h1.replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）'), local).toContain(d.title.replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）'));
      // The task page offers its image.
      if (d.path.includes('/tasks/')) {
        const href = await page.getByRole('link', { name: '保存分享图' }).getAttribute('href');
        expect(href).toBe(`${BASE}${d.path}share.png`);
      }
    }
  } finally {
    await server.stop();
  }

  // An unchanged build draws nothing: the cache holds the same files, untouched.
  const first = cacheImages(dir);
  expect(first.size).toBe(images.length * 2); // with and without the address
  const again = buildIn(dir, env);
  expect(again.status, again.output).toBe(0);
  expect(cacheImages(dir)).toEqual(first);

  // A changed summary draws that task's image and no other.
  const file = join(dir, 'content/tasks/2019/21.mdx');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^summary: "(.*)"$/m, (_, s: string) => `summary: "${s.replace(/。$/, '')}，开展校内托管服务。"`));
  expect(readFileSync(file, 'utf8')).not.toBe(text);
  const changed = buildIn(dir, env);
  expect(changed.status, changed.output).toBe(0);
  const after = cacheImages(dir);
  const added = [...after.keys()].filter((k) => !first.has(k));
  expect(added).toHaveLength(1);
  for (const [name, mtime] of first) expect(after.get(name), name).toBe(mtime);
  const redrawn = decode(join(dir, 'dist/2019/tasks/21/share.png'));
  expect(redrawn.qr).toBe(`${SITE}${BASE}2019/tasks/21/`);
  expect(readFileSync(join(dir, 'dist/2019/tasks/21/share.png')).equals(readFileSync(join(dir, '.astro/share-images', added[0]!)))).toBe(true);
});
