/**
 * Drawing share images (PNG, 750 px wide, for WeChat), in the worker thread (draw-worker.ts): a card
 * laid out with satori, drawn with resvg, in Noto Sans SC from the npm package (OFL) subset to the
 * characters drawn; no font is fetched at build or run time. Images are cached by a hash of
 * everything that decides their pixels, so a build whose content has not changed reads them from the
 * cache instead of drawing them again.
 *
 * Plain Node (no Astro or Vite imports): the worker loads this file as it is, outside the bundle.
 */
// satori, resvg, sharp, subset-font and qrcode are imported only when an image must be drawn: a build whose
// images all come from the cache never loads them.
import type satoriType from 'satori';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SHARE_WIDTH, type DrawMessage, type ShareCard, type ShareJob, type ShareSection } from './card.ts';

const BRAND = '#9f1d20';
const TEXT = '#1b1d21';
const MUTED = '#4f5561';
const SURFACE = '#f4f5f7';

type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string | false | undefined)[]): Node => ({
  type,
  props: { style, children: children.filter((c) => c !== false && c !== undefined) },
});

/**
 * Text as drawn: a number keeps the character after it on its line (5所, 65%, 1小时), by a word
 * joiner (U+2060), which the line breaker honours and which draws nothing.
 */
const keepNumbersWhole = (text: string) => text.replace(/(\d)(?=[%\u3400-\u9fff])/g, '$1\u2060');

// Sizes in image pixels: the image is 750 px wide and a phone shows it about 375 px wide, so each
// is halved on screen; none is under 26 (13 on the phone).
/** The column a short figure stands in, beside its words. */
const FIGURE_COLUMN = 160;
const SIZE = { band: 28, kicker: 28, title: 46, body: 30, heading: 32, figure: 48, tileFigure: 40, tileText: 26, note: 26, footer: 26 };

/** Items as tiles, `columns` across: the figure large, the words under it. */
function tiles(items: ShareSection['items'], columns: number): Node {
  const rows: ShareSection['items'][] = [];
  for (let i = 0; i < items.length; i += columns) rows.push(items.slice(i, i + columns));
  const width = Math.floor((SHARE_WIDTH - 80 - (columns - 1) * 16) / columns);
  return h(
    'div',
    { display: 'flex', flexDirection: 'column', paddingTop: 4 },
    ...rows.map((row) =>
      h(
        'div',
        { display: 'flex', marginBottom: 12 },
        ...row.map((item, i) =>
          h(
            'div',
            { display: 'flex', flexDirection: 'column', width, marginLeft: i === 0 ? 0 : 16, padding: '6px 0', borderTop: `4px solid ${BRAND}` },
            item.figure !== undefined && h('div', { fontSize: SIZE.tileFigure, fontWeight: 700, color: BRAND, lineHeight: 1.25 }, keepNumbersWhole(item.figure)),
            h('div', { fontSize: SIZE.tileText, lineHeight: 1.45 }, keepNumbersWhole(item.text)),
          ),
        ),
      ),
    ),
  );
}

/** Roughly how wide a figure draws, in ems: a Chinese character is one em, a digit or % about 0.6. */
const ems = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2e80 ? 0.6 : 1), 0);

/** One item a line: a figure that fits its column (65%, 5所) large beside its words, a wider one (65%以上, 2019年秋季学期起) above them. */
function line(item: ShareSection['items'][number]): Node {
  const long = item.figure !== undefined && ems(item.figure) * SIZE.figure > FIGURE_COLUMN;
  const words = h(
    'div',
    { display: 'flex', flexDirection: 'column', flex: 1 },
    h('div', { fontSize: SIZE.body, lineHeight: 1.5 }, keepNumbersWhole(item.text)),
    item.note !== undefined && h('div', { fontSize: SIZE.note, lineHeight: 1.5, color: MUTED }, keepNumbersWhole(item.note)),
  );
  return h(
    'div',
    { display: 'flex', flexDirection: long ? 'column' : 'row', alignItems: long ? 'flex-start' : 'center', padding: '12px 0', borderBottom: `2px solid ${SURFACE}` },
    item.figure !== undefined &&
      h('div', { display: 'flex', width: long ? undefined : FIGURE_COLUMN, flexShrink: 0, fontSize: long ? 32 : SIZE.figure, fontWeight: 700, color: BRAND }, keepNumbersWhole(item.figure)),
    words,
  );
}

/** The card's layout as satori elements; `qr` is an SVG data URL of the page's address. */
function layout(card: ShareCard, qr: string | undefined): Node {
  return h(
    'div',
    { width: SHARE_WIDTH, display: 'flex', flexDirection: 'column', backgroundColor: '#ffffff', color: TEXT, fontFamily: 'Noto Sans SC' },
    h('div', { display: 'flex', backgroundColor: BRAND, color: '#ffffff', padding: '22px 40px', fontSize: SIZE.band, fontWeight: 700 }, keepNumbersWhole(card.band)),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', padding: '32px 40px 8px' },
      card.kicker !== '' && h('div', { fontSize: SIZE.kicker, color: MUTED }, keepNumbersWhole(card.kicker)),
      h('div', { fontSize: SIZE.title, fontWeight: 700, lineHeight: 1.3, marginTop: 8 }, keepNumbersWhole(card.title)),
      h('div', { fontSize: SIZE.body, lineHeight: 1.6, marginTop: 16 }, keepNumbersWhole(card.summary)),
    ),
    ...card.sections.map((s) =>
      h(
        'div',
        { display: 'flex', flexDirection: 'column', padding: '16px 40px 8px' },
        h('div', { fontSize: SIZE.heading, fontWeight: 700, borderBottom: `4px solid ${BRAND}`, paddingBottom: 6, marginBottom: 8 }, keepNumbersWhole(s.heading)),
        ...(s.items.length === 0 && s.empty ? [h('div', { fontSize: SIZE.body, color: MUTED, lineHeight: 1.5 }, s.empty)] : []),
        ...(s.columns ? [tiles(s.items, s.columns)] : s.items.map(line)),
      ),
    ),
    h(
      'div',
      { display: 'flex', alignItems: 'center', margin: '24px 0 0', padding: '28px 40px', backgroundColor: SURFACE },
      h(
        'div',
        { display: 'flex', flexDirection: 'column', flex: 1, fontSize: SIZE.footer, lineHeight: 1.6, color: MUTED },
        ...card.footer.map((text) => h('div', {}, keepNumbersWhole(text))),
        qr
          ? h('div', { color: TEXT, fontWeight: 700, marginTop: 8 }, '扫描二维码阅读原文和详情')
          : h(
              'div',
              { display: 'flex', flexDirection: 'column', marginTop: 8 },
              h('div', {}, '原文地址：'),
              h('div', { color: TEXT, wordBreak: 'break-all' }, card.source ?? '未知'),
              card.source !== null && card.sourceNote !== undefined && h('div', {}, card.sourceNote),
            ),
      ),
      qr && { type: 'img', props: { src: qr, width: 200, height: 200, style: { marginLeft: 24 } } },
    ),
  );
}

/** Everything that decides an image's pixels: the card, the layout code and the libraries' versions. */
function cacheKey(card: ShareCard): string {
  const versions = ['satori', '@resvg/resvg-js', 'sharp', '@expo-google-fonts/noto-sans-sc', 'qrcode'].map((p) => `${p}@${packageVersion(p)}`);
  // The layout's own source: changing the design changes every key, with no version to remember to bump.
  return createHash('sha256').update(JSON.stringify({ card, sizes: [SIZE, FIGURE_COLUMN], layout: [keepNumbersWhole, ems, tiles, line, layout, qrImage, encodePng].map(String), versions })).digest('hex').slice(0, 24);
}

// The build runs in the project's root (so does the worker): packages resolve from there.
const projectRequire = createRequire(join(process.cwd(), 'package.json'));
const versionCache = new Map<string, string>();
function packageVersion(name: string): string {
  let v = versionCache.get(name);
  if (!v) {
    // Not `${name}/package.json`: a package's exports may leave it out (sharp does).
    let dir = dirname(projectRequire.resolve(name));
    while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
      if (dir === dirname(dir)) throw new Error(`no package.json for ${name}`);
      dir = dirname(dir);
    }
    v = String(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version);
    versionCache.set(name, v);
  }
  return v;
}

async function writeAtomic(file: string, data: Buffer | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

const FONT_FILES = { 400: '400Regular/NotoSansSC_400Regular.ttf', 700: '700Bold/NotoSansSC_700Bold.ttf' } as const;

/** The font in both weights, subset to `chars` (kept in `cacheDir`, when given, by the same rule as the images). */
async function fonts(chars: string, cacheDir: string | undefined) {
  const dir = dirname(projectRequire.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return Promise.all(
    (Object.entries(FONT_FILES) as [string, string][]).map(async ([weight, file]) => {
      const key = createHash('sha256').update(`${file}|${packageVersion('@expo-google-fonts/noto-sans-sc')}|${chars}`).digest('hex').slice(0, 24);
      const cached = cacheDir && join(cacheDir, `font-${key}.ttf`);
      let data: Buffer;
      if (cached && existsSync(cached)) data = await readFile(cached);
      else {
        const { default: subsetFont } = await import('subset-font');
        data = await subsetFont(await readFile(join(dir, file)), chars, { targetFormat: 'truetype' });
        if (cached) await writeAtomic(cached, data);
      }
      return { name: 'Noto Sans SC', data, weight: Number(weight) as 400 | 700, style: 'normal' as const };
    }),
  );
}

const covers = (ready: ReadyFonts | undefined, chars: string) => ready !== undefined && [...chars].every((ch) => ready.chars.includes(ch));

/** Every character the cards draw (the layout's fixed labels included): one font subset serves them all. */
function charsOf(cards: ShareCard[]): string {
  const text = JSON.stringify(cards) + '扫描二维码阅读原文和详情原文地址：未知0123456789%\u2060';
  return [...new Set(text)].sort().join('');
}

/** A QR code of `url` as an SVG data URL: a few hundred bytes of vector, where a PNG would be encoded and decoded again. */
async function qrImage(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 200, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

type FontSet = Awaited<ReturnType<typeof fonts>>;

/** A font subset made ahead of time, and the characters it holds. */
export interface ReadyFonts {
  chars: string;
  fonts: FontSet;
}

/**
 * Gets the libraries ready before there is anything to draw: loads them, compiles their WebAssembly
 * (satori's layout engine, the subsetter), subsets the font to `likelyChars` (every character of the
 * content and of the code that words the cards) and lays out, draws and writes a small card with it,
 * so the first real image is drawn at full speed with fonts already parsed. Worth it only when every
 * image is to be drawn (an empty cache).
 */
export async function warmUp(likelyChars: string, cacheDir: string): Promise<ReadyFonts> {
  const [{ default: satori }, { Resvg }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
  const card: ShareCard = {
    band: '一图读懂',
    kicker: '任务1',
    title: '分享图',
    summary: '目标与时限1年',
    sections: [
      { heading: '主要数字', items: [{ figure: '65%', text: '以上' }, { text: '本句' }], columns: 2 },
      { heading: '目标', items: [{ figure: '5所', text: '“原文”', note: '本句' }] },
    ],
    footer: ['发布'],
    url: 'https://example.org/',
    source: null,
  };
  const chars = [...new Set(likelyChars + charsOf([card]))].sort().join('');
  const fontSet = await fonts(chars, cacheDir);
  const svg = await satori(layout(card, await qrImage(card.url!)) as unknown as Parameters<typeof satoriType>[0], { width: SHARE_WIDTH, fonts: fontSet });
  await encodePng(new Resvg(svg, { fitTo: { mode: 'width', value: SHARE_WIDTH } }).render());
  return { chars, fonts: fontSet };
}

/**
 * resvg's pixels as PNG. resvg's own PNG writer compresses lightly (a text-heavy card came out at
 * 300 KB); libvips writes the same pixels, opaque so without alpha, in two thirds of the bytes (zlib
 * level 4: level 6 saves 7 % more for half as much time again).
 */
async function encodePng(image: { pixels: Buffer; width: number; height: number }): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } }).removeAlpha().png({ compressionLevel: 4 }).toBuffer();
}

/**
 * Makes every job's image and sends each PNG through `send`. Cached images first (they cost a file
 * read); the others are laid out and rasterised one by one on this thread, each compressed (by
 * libvips' threads) while the next is laid out. Resolves when all are sent.
 */
export async function drawAll(
  jobs: ShareJob[],
  cacheDir: string,
  send: (message: DrawMessage, transfer?: ArrayBuffer[]) => void,
  ready?: ReadyFonts,
): Promise<void> {
  const toDraw: (ShareJob & { file: string })[] = [];
  const sendPng = (path: string, png: Uint8Array, drawn: boolean) => {
    // A copy the worker can give away: Node's Buffers may share one pooled ArrayBuffer.
    const own = new Uint8Array(png);
    send({ kind: 'png', path, png: own, drawn }, [own.buffer]);
  };
  const failed = (path: string) => (error: unknown) => send({ kind: 'error', path, message: error instanceof Error ? error.message : String(error) });
  for (const job of jobs) {
    const file = join(cacheDir, `${cacheKey(job.card)}.png`);
    if (!existsSync(file)) {
      toDraw.push({ ...job, file });
      continue;
    }
    sendPng(job.path, await readFile(file), false);
  }
  if (toDraw.length === 0) return;

  const [{ default: satori }, { Resvg }, fontSet] = await Promise.all([
    import('satori'),
    import('@resvg/resvg-js'),
    // The warmed-up subset when it holds every character to draw (it is meant to); else one made now.
    covers(ready, charsOf(toDraw.map((j) => j.card))) ? ready!.fonts : fonts(charsOf(toDraw.map((j) => j.card)), cacheDir),
  ]);
  const rasterised: Promise<void>[] = [];
  for (const { path, card, file } of toDraw) {
    try {
      const qr = card.url ? await qrImage(card.url) : undefined;
      // satori's types expect React elements; the plain { type, props } objects are what it reads.
      const svg = await satori(layout(card, qr) as unknown as Parameters<typeof satoriType>[0], { width: SHARE_WIDTH, fonts: fontSet });
      // Rasterised here, not on libuv's shared thread pool: this thread may run at a lower priority
      // than the build's own (draw-worker.ts).
      const image = new Resvg(svg, { fitTo: { mode: 'width', value: SHARE_WIDTH } }).render();
      rasterised.push(
        encodePng(image)
          .then(async (png) => {
            await writeAtomic(file, png);
            sendPng(path, png, true);
          })
          .catch(failed(path)),
      );
    } catch (error) {
      failed(path)(error);
    }
  }
  await Promise.all(rasterised);
}
