/**
 * The site-wide checks (tests/e2e/site-a11y, site-html) for pages that only exist in a project
 * copy built by a build test (evidence on targets, /compare/ pages): axe with the same tags in
 * light and dark, and html-validate with the repo's rules.
 */
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { join } from 'node:path';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe violations of the loaded pages, in light and dark; empty when there are none. */
export async function axeProblems(page: Page, urls: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const url of urls) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(TAGS).analyze();
      for (const v of result.violations) problems.push(`${url} [${scheme}] ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    }
  }
  return problems;
}

/**
 * html-validate errors in built files (paths relative to dist/). The copies live under the
 * repository (tests/.tmp/), so the repo's .htmlvalidate.json is found from each file's folder.
 */
export async function htmlProblems(dist: string, files: string[]): Promise<string[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(join(dist, file));
    for (const r of report.results) for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return problems;
}
