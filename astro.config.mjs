// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { careMode } from './src/integrations/care.ts';
import { shareImages } from './src/integrations/share-images.ts';

// Where the site is published: SITE_URL (https://host) and BASE_PATH (a sub-path such as /jyj/plan/),
// settings, not code (README "Settings", docs/deploy.md). Without SITE_URL the build is a local
// preview: no absolute address is written anywhere (no canonical, og:url, QR codes or sitemap; feed
// and /data/ files use site paths), never a placeholder host.
const site = process.env.SITE_URL?.trim() || undefined;
const base = process.env.BASE_PATH ?? '/';

/**
 * One build warning, once per build, naming what SITE_URL is needed for.
 * @returns {import('astro').AstroIntegration}
 */
function siteUrlNotice() {
  return {
    name: 'site-url-notice',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!site) {
          logger.warn('SITE_URL is not set: canonical links, og:url, QR codes on printouts, the sitemap and absolute addresses in the feed, JSON-LD, citations and /data/ files are left out. Set SITE_URL (and BASE_PATH) to the published address, e.g. SITE_URL=https://<published host> BASE_PATH=/<sub-path>/ npm run build.');
        }
      },
    },
  };
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  // Inside the project, not node_modules/.astro: test builds of fixture copies share node_modules
  // through a symlink and must not share a content cache.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './.astro/cache',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // smartypants off: the plan's punctuation must pass through untouched.
    processor: unified({ remarkPlugins: [remarkGfm], smartypants: false }),
  },
  // sitemap: the published page list (with SITE_URL); the site checks (tests/e2e/site-*.spec.ts) walk every page in it.
  // pagefindIndex: the search index, built from the finished pages (src/integrations/pagefind.ts).
  // The sitemap only with SITE_URL: its addresses must be absolute.
  // shareImages: writes the share images once drawn; last, so the drawing overlaps with the steps
  // before it (src/integrations/share-images.ts).
  // careMode: the care-mode (关怀模式) copy of every page under /care/, after the index and the
  // sitemap so neither lists it (src/integrations/care.ts).
  integrations: [mdx(), ...(site ? [sitemap()] : []), pagefindIndex(), siteUrlNotice(), careMode(), shareImages()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // One stylesheet for the whole site: a page makes one request for its styles, cached after
      // the first page, and every rule comes from a file (style-src 'self', no inline styles).
      cssCodeSplit: false,
      rollupOptions: {
        // MDX entries carry Astro's "use astro:head-inject" directive; the bundler's warning about
        // it is noise for content-only modules and hid real warnings in the build log.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
