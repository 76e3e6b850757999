/**
 * Builds the Pagefind search index from the finished site (astro:build:done), into <outDir>/pagefind/.
 *
 * Uses Pagefind's Node API, as Starlight does, so `astro build` alone produces a site whose search
 * works. Only content inside data-pagefind-body is indexed; pages without it (home, lists, search)
 * are left out. The index is written under the output directory, which Astro fills without the
 * base path, so result URLs are base-relative; the search page prefixes them with BASE_URL.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Pagefind writes its prebuilt UIs too; the search page uses only pagefind.js, its worker and wasm. */
const UNUSED = [
  'pagefind-ui.js', 'pagefind-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css',
  'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = join(site, 'pagefind');
        const started = Date.now();
        try {
          const { index, errors } = await pagefind.createIndex();
          if (!index || errors.length) throw new Error(`pagefind: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('pagefind: no pages indexed (no data-pagefind-body found)');
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
          await Promise.all(UNUSED.map((f) => rm(join(output, f), { force: true })));
          logger.info(`indexed ${added.page_count} pages in ${Date.now() - started} ms → ${output}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
