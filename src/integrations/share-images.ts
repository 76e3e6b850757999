/**
 * Share images (src/lib/share/): the build's last step writes them beside their pages
 * (/2019/tasks/21/share.png), once the drawing worker has made them all.
 *
 * Not routes in a build: a route's file is written in the middle of page rendering, which would then
 * stop to wait for the drawing. Written here, the drawing overlaps with the pages, the search index
 * and the care-mode copies, which run before this hook (this integration comes last). The
 * development server has no build step, so there the images are routes (share-routes/).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SHARE_MAX_BYTES } from '../lib/share/card.ts';
import { SHARE_REGISTRY, type ShareRegistry } from '../lib/share/registry.ts';

export function shareImages(): AstroIntegration {
  return {
    name: 'share-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        injectRoute({ pattern: '/[year]/tasks/[n]/share.png', entrypoint: new URL('./share-routes/task.ts', import.meta.url), prerender: true });
        injectRoute({ pattern: '/[year]/at-a-glance/share.png', entrypoint: new URL('./share-routes/glance.ts', import.meta.url), prerender: true });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const registry = (globalThis as Record<symbol, ShareRegistry | undefined>)[SHARE_REGISTRY];
        // No page asked for one: a site without plans has no share images.
        if (!registry) return;
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
        logger.info(`wrote ${files.length} share images (${drawn} drawn, ${cached} from the cache; waited ${waited} ms for the drawing)`);
      },
    },
  };
}
