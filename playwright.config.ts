import { defineConfig, devices } from '@playwright/test';
import { SYSTEM_CHROMIUM_ARGS, systemChromium } from './scripts/lib/chromium.ts';

/**
 * Browser: Playwright's own Chromium where it is installed (a developer's machine with internet);
 * otherwise the system's Chromium (Debian's /usr/bin/chromium, as on CI here). CHROMIUM_PATH wins.
 */
function chromiumLaunchOptions() {
  const executablePath = systemChromium();
  return executablePath ? { executablePath, args: SYSTEM_CHROMIUM_ARGS } : {};
}

const port = Number(process.env.PORT ?? 4321);
const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}${basePath}`,
    locale: 'zh-CN',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  projects: [
    { name: 'unit', testDir: './tests/unit' },
    { name: 'build', testDir: './tests/build' },
    { name: 'e2e', testDir: './tests/e2e', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() } },
  ],
  webServer: {
    // The production build, served as a static host would (astro preview serves dist/).
    // --ignore-lock: several preview servers (parallel builds, the base-path test) may run at once.
    command: `npx astro preview --ignore-lock --port ${port}`,
    url: `http://localhost:${port}${basePath}`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
