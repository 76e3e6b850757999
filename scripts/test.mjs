// `npm test`: type-check, build the real site, then every Playwright project (unit, build
// fixtures, browser tests against `astro preview`). Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { testSiteUrl } from './lib/test-site.ts';

// The main build is made for a published address (the browser tests check canonical links, QR codes
// and the sitemap against it); tests/build/site-url.spec.ts builds a copy without SITE_URL.
const SITE_URL = testSiteUrl();

const steps = [
  ['astro check', ['npx', 'astro', 'check']],
  ['astro build', ['npx', 'astro', 'build']],
  ['playwright test', ['npx', 'playwright', 'test', ...process.argv.slice(2)]],
];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, SITE_URL, CI: process.env.CI ?? '1' } });
  console.log(`  ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
