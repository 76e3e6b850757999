/**
 * HTML validity: every HTML file the build wrote (the sitemap's pages, 404.html and anything
 * else) passes html-validate with the repo's rule set (.htmlvalidate.json) with 0 errors.
 * The rule set is html-validate's recommended and document presets, with two settings:
 * - require-sri only for cross-origin files: the site loads nothing from another origin, and a
 *   hash on its own same-origin stylesheets adds nothing;
 * - prefer-native-element allows role="region": the scrollable-table wrapper
 *   (<div class="table-scroll" role="region" tabindex="0" aria-label>) is the established
 *   accessible pattern, and axe checks that it is named and focusable.
 */
import { test, expect } from '@playwright/test';
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const root = new URL('../../', import.meta.url).pathname;
// The same output folder the preview server serves (astro.config.mjs reads OUT_DIR too).
const outDir = join(root, process.env.OUT_DIR ?? 'dist');

test('html-validate: 0 errors in every built HTML file', async () => {
  const files = globSync('**/*.html', { cwd: outDir }).sort();
  const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
  const listed = sitemap.match(/<loc>/g)?.length ?? 0;
  // Every sitemap page is a file here, plus 404.html: the walk covers at least the whole site.
  expect(files.length).toBeGreaterThan(listed);
  expect(files).toContain('404.html');

  // Rules from the repo's .htmlvalidate.json (found from each file's folder up to the root).
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(join(outDir, file));
    for (const r of report.results) {
      for (const m of r.messages) errors.push(`${relative(outDir, r.filePath)}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);
    }
  }
  expect(errors, errors.slice(0, 50).join('\n')).toEqual([]);
});
