/**
 * Which Chromium the tests and benches drive: Playwright's own where it is installed (a machine
 * with internet), else CHROMIUM_PATH, else Debian's /usr/bin/chromium. CHROMIUM_PATH always wins.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Flags for a system Chromium in a sandboxed, offline machine (root, no GPU, no background fetches). */
export const SYSTEM_CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'];

/** The system Chromium to use, or undefined when Playwright's own browser is installed. */
export function systemChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return undefined;
  } catch {
    /* not installed */
  }
  return '/usr/bin/chromium';
}

/** Path of the Chromium binary to launch (for tools such as Lighthouse that need a path). */
export function chromiumPath(): string {
  return systemChromium() ?? chromium.executablePath();
}
