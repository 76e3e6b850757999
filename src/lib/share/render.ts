/**
 * Share images (PNG, 750 px wide, for WeChat): a card's data laid out with satori, drawn with resvg,
 * in Noto Sans SC from the npm package (OFL) subset to the characters drawn — no font is fetched at
 * build or run time. Images are cached by a hash of everything that decides their pixels, so a
 * build whose content has not changed reads them from the cache instead of drawing them again.
 */
// satori, resvg, subset-font and qrcode are imported only when an image must be drawn: a build whose
// images all come from the cache never loads them.
import type satoriType from 'satori';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export const SHARE_WIDTH = 750;
/** The size budget of one image (250 KB): what a WeChat chat passes on without fuss. */
export const SHARE_MAX_BYTES = 250 * 1024;

/** One block of a card: a heading and its lines, each optionally led by a large figure. */
export interface ShareSection {
  heading: string;
  items: { figure?: string; text: string }[];
  /** Shown when there are no items. */
  empty?: string;
  /** Lay the items out as tiles, this many across (figure above the words). Default: one item a line. */
  columns?: number;
}

export interface ShareCard {
  /** Top band: the plan's title. */
  band: string;
  /** Above the title: 任务21 · （六）关键实事; empty for none. */
  kicker: string;
  title: string;
  /** One sentence under the title. */
  summary: string;
  sections: ShareSection[];
  /** Footer lines: the plan's issuer and date. */
  footer: string[];
  /** The page's published address: drawn as a QR code. Without it the image shows `source` as text. */
  url: string | undefined;
  /** The plan's original address, shown when there is no published address; null when unknown (shown as 未知). */
  source: string | null;
}

const BRAND = '#9f1d20';
const TEXT = '#1b1d21';
const MUTED = '#4f5561';
const SURFACE = '#f4f5f7';

type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string | false | undefined)[]): Node => ({
  type,
  props: { style, children: children.filter((c) => c !== false && c !== undefined) },
});

/** Items as tiles, `columns` across: the figure large, the words small under it. */
function tiles(items: ShareSection['items'], columns: number): Node {
  const rows: ShareSection['items'][] = [];
  for (let i = 0; i < items.length; i += columns) rows.push(items.slice(i, i + columns));
  const width = Math.floor((SHARE_WIDTH - 80 - (columns - 1) * 12) / columns);
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
            { display: 'flex', flexDirection: 'column', width, marginLeft: i === 0 ? 0 : 12, padding: '6px 0', borderTop: `4px solid ${BRAND}` },
            item.figure !== undefined && h('div', { fontSize: 40, fontWeight: 700, color: BRAND, lineHeight: 1.2 }, item.figure),
            h('div', { fontSize: 20, lineHeight: 1.4 }, item.text),
          ),
        ),
      ),
    ),
  );
}

/** The card's layout as satori elements; `qr` is a PNG data URL of the page's address. */
function layout(card: ShareCard, qr: string | undefined): Node {
  return h(
    'div',
    { width: SHARE_WIDTH, display: 'flex', flexDirection: 'column', backgroundColor: '#ffffff', color: TEXT, fontFamily: 'Noto Sans SC' },
    h('div', { display: 'flex', backgroundColor: BRAND, color: '#ffffff', padding: '22px 40px', fontSize: 24, fontWeight: 700 }, card.band),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', padding: '32px 40px 8px' },
      card.kicker !== '' && h('div', { fontSize: 24, color: MUTED }, card.kicker),
      h('div', { fontSize: 44, fontWeight: 700, lineHeight: 1.3, marginTop: 8 }, card.title),
      h('div', { fontSize: 28, lineHeight: 1.6, marginTop: 16 }, card.summary),
    ),
    ...card.sections.map((s) =>
      h(
        'div',
        { display: 'flex', flexDirection: 'column', padding: '16px 40px 8px' },
        h('div', { fontSize: 28, fontWeight: 700, borderBottom: `4px solid ${BRAND}`, paddingBottom: 6, marginBottom: 8 }, s.heading),
        ...(s.items.length === 0 && s.empty ? [h('div', { fontSize: 26, color: MUTED, lineHeight: 1.5 }, s.empty)] : []),
        ...(s.columns ? [tiles(s.items, s.columns)] : s.items.map((item) => {
          // A short figure (65%, 5所) stands large beside its words; a long one (2019年秋季学期起) above them.
          const long = item.figure !== undefined && item.figure.length > 5;
          return h(
            'div',
            { display: 'flex', flexDirection: long ? 'column' : 'row', alignItems: long ? 'flex-start' : 'center', padding: '10px 0', borderBottom: `2px solid ${SURFACE}` },
            item.figure !== undefined &&
              h('div', { display: 'flex', width: long ? undefined : 150, flexShrink: 0, fontSize: long ? 30 : 44, fontWeight: 700, color: BRAND }, item.figure),
            h('div', { display: 'flex', flex: 1, fontSize: 26, lineHeight: 1.5 }, item.text),
          );
        })),
      ),
    ),
    h(
      'div',
      { display: 'flex', alignItems: 'center', margin: '24px 0 0', padding: '28px 40px', backgroundColor: SURFACE },
      h(
        'div',
        { display: 'flex', flexDirection: 'column', flex: 1, fontSize: 22, lineHeight: 1.6, color: MUTED },
        ...card.footer.map((line) => h('div', {}, line)),
        qr
          ? h('div', { color: TEXT, fontWeight: 700, marginTop: 8 }, '扫描二维码阅读原文和详情')
          : h('div', { display: 'flex', flexDirection: 'column', marginTop: 8 }, h('div', {}, '原文地址：'), h('div', { color: TEXT, wordBreak: 'break-all' }, card.source ?? '未知')),
      ),
      qr && { type: 'img', props: { src: qr, width: 200, height: 200, style: { marginLeft: 24 } } },
    ),
  );
}

/** Everything that decides an image's pixels: the card, the layout code and the libraries' versions. */
function cacheKey(card: ShareCard): string {
  const versions = ['satori', '@resvg/resvg-js', '@expo-google-fonts/noto-sans-sc', 'qrcode'].map((p) => `${p}@${packageVersion(p)}`);
  // The layout's own source: changing the design changes every key, with no version to remember to bump.
  return createHash('sha256').update(JSON.stringify({ card, layout: layout.toString(), versions })).digest('hex').slice(0, 24);
}

const projectRequire = createRequire(join(process.cwd(), 'package.json'));
const versionCache = new Map<string, string>();
function packageVersion(name: string): string {
  let v = versionCache.get(name);
  if (!v) {
    v = String(projectRequire(`${name}/package.json`).version);
    versionCache.set(name, v);
  }
  return v;
}

/** Inside the project and gitignored (.astro/); SHARE_CACHE_DIR moves it. */
const cacheDir = () => resolve(process.env.SHARE_CACHE_DIR ?? '.astro/share-images');

async function writeAtomic(file: string, data: Buffer | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

const FONT_FILES = { 400: '400Regular/NotoSansSC_400Regular.ttf', 700: '700Bold/NotoSansSC_700Bold.ttf' } as const;

/** The font in both weights, subset to `chars` (cached on disk by the same rule as the images). */
async function fonts(chars: string) {
  const dir = dirname(projectRequire.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return Promise.all(
    (Object.entries(FONT_FILES) as [string, string][]).map(async ([weight, file]) => {
      const key = createHash('sha256').update(`${file}|${packageVersion('@expo-google-fonts/noto-sans-sc')}|${chars}`).digest('hex').slice(0, 24);
      const cached = join(cacheDir(), `font-${key}.ttf`);
      let data: Buffer;
      if (existsSync(cached)) data = await readFile(cached);
      else {
        const { default: subsetFont } = await import('subset-font');
        data = await subsetFont(await readFile(join(dir, file)), chars, { targetFormat: 'truetype' });
        await writeAtomic(cached, data);
      }
      return { name: 'Noto Sans SC', data, weight: Number(weight) as 400 | 700, style: 'normal' as const };
    }),
  );
}

/** Every character the cards draw (the fixed labels above included): one subset serves a whole build. */
export function charsOf(cards: ShareCard[]): string {
  const text = JSON.stringify(cards) + '扫描二维码阅读原文和详情原文地址：未知0123456789%';
  return [...new Set(text)].sort().join('');
}

let fontsFor: { chars: string; fonts: ReturnType<typeof fonts> } | undefined;

/** Counters for the build log and the tests: how many images were drawn and how many came from the cache. */
export const shareStats = { drawn: 0, cached: 0 };

/**
 * The PNG for a card: from the cache when nothing that decides its pixels has changed, else drawn and
 * cached. `chars` must include every character of the card (charsOf all the build's cards).
 */
export async function renderShareImage(card: ShareCard, chars: string): Promise<Buffer> {
  const file = join(cacheDir(), `${cacheKey(card)}.png`);
  if (existsSync(file)) {
    shareStats.cached++;
    return readFile(file);
  }
  const [{ default: satori }, { renderAsync }, { default: QRCode }] = await Promise.all([import('satori'), import('@resvg/resvg-js'), import('qrcode')]);
  const qr = card.url ? await QRCode.toDataURL(card.url, { errorCorrectionLevel: 'M', margin: 2, width: 200, color: { dark: '#000000', light: '#ffffff' } }) : undefined;
  const tree = layout(card, qr);
  // satori's types expect React elements; the plain { type, props } objects are what it reads.
  if (fontsFor?.chars !== chars) fontsFor = { chars, fonts: fonts(chars) };
  const svg = await satori(tree as unknown as Parameters<typeof satoriType>[0], { width: SHARE_WIDTH, fonts: await fontsFor.fonts });
  // Rasterised on libuv's thread pool, so drawing overlaps the rest of the build.
  const png = (await renderAsync(svg, { fitTo: { mode: 'width', value: SHARE_WIDTH } })).asPng();
  if (png.byteLength > SHARE_MAX_BYTES) console.warn(`share image "${card.title}" is ${png.byteLength} bytes, over the ${SHARE_MAX_BYTES}-byte budget: shorten its card (src/lib/share/cards.ts)`);
  await writeAtomic(file, png);
  shareStats.drawn++;
  return png;
}
