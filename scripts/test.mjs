// `npm test`: type-check beside the build of the real site, then every Playwright project (unit,
// build fixtures, browser tests against `astro preview`). Stops at the first failing step.
// Playwright chooses the worker count (playwright.config.ts: 2 on CI, its default elsewhere).
import { spawn } from 'node:child_process';
import { testSiteUrl } from './lib/test-site.ts';

// The main build is made for a published address (the browser tests check canonical links, QR codes
// and the sitemap against it); tests/build/site-url.spec.ts builds a copy without SITE_URL.
const SITE_URL = testSiteUrl();

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Run a command; resolves to its exit status. `onLine` sees each line of its output, which is passed on. */
function run(name, cmd, args, onLine) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', onLine ? 'pipe' : 'inherit', 'inherit'], env: { ...process.env, SITE_URL } });
    child.stdout?.on('data', (chunk) => {
      process.stdout.write(chunk);
      for (const line of String(chunk).split('\n')) onLine(line);
    });
    child.on('close', (status) => {
      console.log(`  ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds(started)}`);
      resolve(status ?? 1);
    });
  });
}

const started = Date.now();
console.log('\n▶ astro build ∥ astro check');
// astro check starts once the build has written the generated types (.astro/*.d.ts, "[types]
// Generated"), and does not write them again (--noSync): the two never touch the same files.
let check;
const startCheck = () => (check ??= run('astro check', 'npx', ['astro', 'check', '--noSync']));
const build = await run('astro build', 'npx', ['astro', 'build'], (line) => {
  if (/\[types\] Generated/.test(line)) startCheck();
});
// A build that failed before generating the types: its error is the one to read.
const checked = check || build === 0 ? await startCheck() : 1;
if (build !== 0 || checked !== 0) process.exit(build || checked);
console.log('\n▶ playwright test');
const status = await run('playwright test', 'npx', ['playwright', 'test', ...process.argv.slice(2)]);
console.log(`\nnpm test: ${status === 0 ? 'ok' : 'FAILED'} in ${seconds(started)}`);
process.exit(status);
