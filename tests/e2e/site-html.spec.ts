/**
 * HTML validity: every HTML file the build wrote (the sitemap's pages, 404.html and anything
 * else) passes the W3C Nu HTML Checker (vnu-jar; needs Java, which scripts/env.sh provisions) and
 * html-validate with the repo's rule set (.htmlvalidate.json), with 0 errors.
 * The rule set is html-validate's recommended and document presets, with two settings:
 * - require-sri only for cross-origin files: the site loads nothing from another origin, and a
 *   hash on its own same-origin stylesheets adds nothing;
 * - prefer-native-element allows role="region": the scrollable-table wrapper
 *   (<div class="table-scroll" role="region" tabindex="0" aria-label>) is the established
 *   accessible pattern, and axe checks that it is named and focusable.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const root = new URL('../../', import.meta.url).pathname;
// The same output folder the preview server serves (astro.config.mjs reads OUT_DIR too).
const outDir = join(root, process.env.OUT_DIR ?? 'dist');
// The checker's jar as installed by the vnu-jar package.
const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** Every HTML file in the build; at least every sitemap page plus 404.html, or the test fails. */
function builtHtml(): string[] {
  const files = globSync('**/*.html', { cwd: outDir }).sort();
  const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
  const listed = sitemap.match(/<loc>/g)?.length ?? 0;
  expect(files.length).toBeGreaterThan(listed);
  expect(files).toContain('404.html');
  return files;
}

test('W3C Nu HTML Checker: 0 errors in every built HTML file', async () => {
  test.setTimeout(180_000);
  const files = builtHtml();
  // One Java process for all files; errors only (warnings are advice), JSON on stderr.
  const run = await promisify(execFile)('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { cwd: outDir, maxBuffer: 64 << 20 })
    .then((r) => r, (e: NodeJS.ErrnoException & { stderr?: string; stdout?: string }) => {
      if (e.code === 'ENOENT') throw new Error('java not found: the W3C Nu checker needs Java 11+ (bash scripts/env.sh npm test installs it)');
      return { stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    });
  const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string; url?: string; lastLine?: number; message: string; extract?: string }[] };
  const errors = report.messages.map((m) => `${m.url?.startsWith('file:') ? relative(outDir, fileURLToPath(m.url)) : m.url}:${m.lastLine ?? '?'} ${m.type}: ${m.message} ${m.extract ? `«${m.extract.trim().slice(0, 80)}»` : ''}`);
  expect(errors, errors.slice(0, 50).join('\n')).toEqual([]);
});

test('html-validate: 0 errors in every built HTML file', async () => {
  const files = builtHtml();

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
