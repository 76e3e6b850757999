/**
 * Share images (src/lib/share/): the build's last step writes them beside their pages
 * (/2019/tasks/21/share.png), once the drawing worker has made them all, and gives each page that
 * previews one (og:image) its height, og:image:height, known only then.
 *
 * Not routes in a build, and no page waits for them: a route's file is written in the middle of page
 * rendering, which would stop there for the drawing. This way the drawing overlaps with the pages,
 * the search index and the care-mode copies, which run before this hook (this integration comes
 * last). The development server has no build step, so there the images are routes (share-routes/)
 * and pages go without og:image:height.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SHARE_MAX_BYTES } from '../lib/share/card.ts';
import { CARE_DIR } from '../lib/care/paths.ts';
import { discardPreparedWorker, prepareDrawing } from '../lib/share/pool.ts';
import { SHARE_REGISTRY, type ShareRegistry } from '../lib/share/registry.ts';

const OG_IMAGE = /<meta property="og:image" content="([^"]+)"\s*\/?>/;
const OG_IMAGE_WIDTH = /<meta property="og:image:width" content="\d+"\s*\/?>/;

/** The PNG's IHDR chunk holds its height, big-endian, at byte 20. */
const pngHeight = (png: Buffer) => png.readUInt32BE(20);

/**
 * Adds og:image:height after og:image:width in each page that previews a share image (the page the
 * image belongs to, and its care-mode copy); returns how many pages. Only those pages are read.
 */
async function addImageHeights(out: string, base: string, heights: Map<string, number>): Promise<number> {
  let pages = 0;
  for (const [path, height] of heights) {
    const page = path.replace(/share\.png$/, 'index.html').replace(/^\//, '');
    for (const file of [page, `${CARE_DIR}/${page}`]) {
      let html: string;
      try {
        html = await readFile(join(out, file), 'utf8');
      } catch {
        continue; // A page without a care copy, say.
      }
      const url = OG_IMAGE.exec(html)?.[1];
      // Without the published address a page has no og:image.
      if (!url) continue;
      const pathname = new URL(url.replace(/&amp;/g, '&')).pathname;
      if (pathname !== `${base}${path.replace(/^\//, '')}`) throw new Error(`${file}: og:image ${url} is not its share image ${path}`);
      if (!OG_IMAGE_WIDTH.test(html)) throw new Error(`${file}: og:image without og:image:width`);
      await writeFile(join(out, file), html.replace(OG_IMAGE_WIDTH, (width) => `${width}<meta property="og:image:height" content="${height}">`));
      pages++;
    }
  }
  return pages;
}

export function shareImages(): AstroIntegration {
  let base = '/';
  return {
    name: 'share-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/*$/, '/');
      },
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        injectRoute({ pattern: '/[year]/tasks/[n]/share.png', entrypoint: new URL('./share-routes/task.ts', import.meta.url), prerender: true });
        injectRoute({ pattern: '/[year]/at-a-glance/share.png', entrypoint: new URL('./share-routes/glance.ts', import.meta.url), prerender: true });
      },
      // The drawing worker starts while the build bundles the pages (src/lib/share/pool.ts).
      'astro:build:start': () => prepareDrawing(),
      'astro:build:done': async ({ dir, logger }) => {
        const registry = (globalThis as Record<symbol, ShareRegistry | undefined>)[SHARE_REGISTRY];
        // No page asked for one: a site without plans has no share images.
        if (!registry) return discardPreparedWorker();
        const started = performance.now();
        const { drawn, cached, files } = await registry.done;
        const out = fileURLToPath(dir);
        for (const { path, png } of files) {
          if (png.byteLength > SHARE_MAX_BYTES) logger.warn(`${path} is ${png.byteLength} bytes, over the ${SHARE_MAX_BYTES}-byte budget: shorten its card (src/lib/share/cards.ts)`);
          const file = join(out, path);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, png);
        }
        const waited = Math.round(performance.now() - started);
        const pages = await addImageHeights(out, base, new Map(files.map(({ path, png }) => [path, pngHeight(png)])));
        logger.info(`wrote ${files.length} share images (${drawn} drawn, ${cached} from the cache; waited ${waited} ms for the drawing); og:image:height on ${pages} pages`);
      },
    },
  };
}
