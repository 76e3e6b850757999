// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { pagefindIndex } from './src/integrations/pagefind.ts';

// Where the site is published. Both are settings, not code: a county host may serve it
// under a sub-path such as /jyj/2019plan/ (see README, "部署").
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

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
  // sitemap: the published page list; the site checks (tests/e2e/site-*.spec.ts) walk every page in it.
  // pagefindIndex: the search index, built from the finished pages (src/integrations/pagefind.ts).
  integrations: [mdx(), sitemap(), pagefindIndex()],
  devToolbar: { enabled: false },
  vite: {
    build: {
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
