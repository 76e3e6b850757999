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
import { createHash } from 'node:crypto';
import { glob, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Pagefind writes its prebuilt UIs and a web worker too; the search page uses only pagefind.js and
 * the WebAssembly, in the page (at this index size a worker costs a download and a start-up and
 * saves nothing).
 */
const UNUSED = [
  'pagefind-ui.js', 'pagefind-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css',
  'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-highlight.js', 'pagefind-worker.js',
];

/** The search page's `<link rel="modulepreload">` of pagefind.js; the preloads go after it. */
const MODULEPRELOAD = /<link rel="modulepreload" href="([^"]*)pagefind\/pagefind\.js">/;

/**
 * Preload links for what Pagefind fetches before it can answer, named as this build named them:
 * the entry file (with a tag that changes only when the entry does; the search script passes the
 * same tag to Pagefind as metaCacheTag, so the preloaded response is the one used), the language's
 * metadata, every filter chunk (the first search reads the kinds) and the WebAssembly. Fetched
 * by Pagefind with fetch(): preloaded as="fetch" crossorigin to match.
 */
async function preloadLinks(output: string, href: string): Promise<string> {
  const entryText = await readFile(join(output, 'pagefind-entry.json'), 'utf8');
  const entry = JSON.parse(entryText) as { languages: Record<string, { hash: string; wasm: string | null }> };
  const tag = createHash('sha256').update(entryText).digest('hex').slice(0, 12);
  const files = [`pagefind-entry.json?ts=${tag}`];
  for (const language of Object.values(entry.languages)) files.push(`pagefind.${language.hash}.pf_meta`, `wasm.${language.wasm ?? 'unknown'}.pagefind`);
  files.push(...(await readdir(join(output, 'filter'))).sort().map((f) => `filter/${f}`));
  return files.map((f) => `<link rel="preload" href="${href}pagefind/${f}" as="fetch" crossorigin="anonymous">`).join('');
}

/** Add the preloads after the modulepreload of pagefind.js in every page that has one (the search page). */
async function injectPreloads(site: string, output: string): Promise<number> {
  let pages = 0;
  for await (const file of glob('**/*.html', { cwd: site })) {
    const path = join(site, file);
    const html = await readFile(path, 'utf8');
    const m = MODULEPRELOAD.exec(html);
    if (!m) continue;
    const links = await preloadLinks(output, m[1]!);
    await writeFile(path, html.replace(m[0], `${m[0]}${links}`));
    pages++;
  }
  return pages;
}

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
          const preloading = await injectPreloads(site, output);
          if (preloading === 0) throw new Error('pagefind: no page links pagefind.js with <link rel="modulepreload"> (the search page should)');
          logger.info(`indexed ${added.page_count} pages in ${Date.now() - started} ms → ${output}; preloads on ${preloading} page(s)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
