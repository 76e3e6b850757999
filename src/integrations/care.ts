/**
 * Care mode (关怀模式, the site for older readers): after the build, writes a care-mode copy of every
 * HTML page under <outDir>/care/ (src/lib/care/transform.ts), with the care stylesheet
 * (src/styles/care.css) and the read-aloud script (src/lib/care/read-aloud.ts, compiled and
 * minified here) as hashed files beside Astro's own assets.
 *
 * A build step, not a second set of routes: every page made with the layout (it carries the
 * 关怀模式 switch) gets its copy, whatever its own code; any other HTML file is named in a warning. The copies are not in the sitemap (@astrojs/sitemap lists Astro's routes only) nor in
 * the search index (the transform drops data-pagefind-body, so this runs correctly before or after
 * src/integrations/pagefind.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { dirname, join, sep } from 'node:path';
import { transform } from 'esbuild';
import { CARE_DIR } from '../lib/care/paths.ts';
import { hasModeSwitch, toCarePage } from '../lib/care/transform.ts';

/** The page a built HTML file is served as, relative to the base path: `index.html` → ``, `a/index.html` → `a/`. */
const pagePath = (file: string) => file.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1');

const hashed = (name: string, ext: string, content: string | Buffer) =>
  `${name}.${createHash('sha256').update(content).digest('base64url').slice(0, 8)}.${ext}`;

export function careMode(): AstroIntegration {
  let root: URL;
  let base = '/';
  let site: string | undefined;
  let assets = '_astro';
  return {
    name: 'care-mode',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        base = config.base.replace(/\/*$/, '/');
        site = config.site;
        assets = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = (await readdir(out, { recursive: true }))
          .filter((f) => f.endsWith('.html'))
          .filter((f) => !f.startsWith(`${CARE_DIR}${sep}`) && !f.startsWith(`${assets}${sep}`) && !f.startsWith(`pagefind${sep}`));
        if (files.length === 0) throw new Error('care mode: no HTML pages in the build output');

        const css = await readFile(new URL('src/styles/care.css', root), 'utf8');
        const source = await readFile(new URL('src/lib/care/read-aloud.ts', root), 'utf8');
        const { code: js } = await transform(source, { loader: 'ts', format: 'esm', minify: true, target: 'es2022', legalComments: 'none' });
        const cssFile = hashed('care', 'css', css);
        const jsFile = hashed('read-aloud', 'js', js);
        await mkdir(join(out, assets), { recursive: true });
        await writeFile(join(out, assets, cssFile), css);
        await writeFile(join(out, assets, jsFile), js);

        // Only pages made with the layout get a copy; others (a redirect stub, say) are named and left alone.
        const sources = new Map<string, string>();
        for (const file of files) {
          const html = await readFile(join(out, file), 'utf8');
          if (hasModeSwitch(html)) sources.set(file, html);
          else logger.warn(`${file}: no 关怀模式 switch (data-mode-switch), so no care-mode copy`);
        }
        const pages = new Set([...sources.keys()].map(pagePath));
        const options = { base, site, pages, stylesheet: `${base}${assets}/${cssFile}`, script: `${base}${assets}/${jsFile}` };
        for (const [file, html] of sources) {
          const care = toCarePage(html, { ...options, path: `${base}${pagePath(file)}` });
          const target = join(out, CARE_DIR, file);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, care);
        }
        logger.info(`wrote ${sources.size} care-mode pages → ${join(out, CARE_DIR)}; read-aloud script ${gzipSync(js).length} B gzip`);
      },
    },
  };
}
