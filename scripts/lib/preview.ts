/**
 * Serve a finished build with `astro preview` for a script or a test, on a port of its own, and
 * stop it again. Used by the benchmark scripts (scripts/bench*.ts) and the build tests that serve a
 * build of their own (tests/build/*.spec.ts); the main test run uses Playwright's webServer instead.
 *
 * Plain Node with type stripping runs this file directly: erasable TypeScript only.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A TCP port that was free a moment ago (the OS picks it), for a server of our own. */
export function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const s = createServer()
      .listen(0, () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

export interface PreviewOptions {
  /** The project folder: astro.config.mjs and node_modules are here. Default: the current folder. */
  cwd?: string;
  /** The server's environment (OUT_DIR, BASE_PATH, …). Default: this process's. */
  env?: NodeJS.ProcessEnv;
  /** Default: a free port. */
  port?: number;
  /** Ready once this path under the base URL answers 2xx (e.g. 'search/'). Default: the base URL itself. */
  readyPath?: string;
  /** Give up after this long. Default 30 s. */
  timeoutMs?: number;
}

export interface Preview {
  /** http://localhost:<port><BASE_PATH>, ending in '/'. */
  url: string;
  port: number;
  /** Ends the server (its whole process group); resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Start `astro preview --ignore-lock --port N` (--ignore-lock: several previews may run at once,
 * e.g. parallel builds and the base-path test) and resolve once it answers.
 */
export async function startPreview({ cwd = process.cwd(), env = process.env, port, readyPath = '', timeoutMs = 30_000 }: PreviewOptions = {}): Promise<Preview> {
  const astro = join(cwd, 'node_modules/astro/bin/astro.mjs');
  if (!existsSync(astro)) throw new Error(`astro preview: ${astro} not found (run npm install in ${cwd})`);
  const p = port ?? (await freePort());
  const base = (env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  const url = `http://localhost:${p}${base}`;
  const readyUrl = new URL(readyPath.replace(/^\//, ''), url).href;

  // Its own process group (detached), so stop() ends astro and anything it started.
  const child = spawn(process.execPath, [astro, 'preview', '--ignore-lock', '--port', String(p)], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let listening: number | undefined;
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    // Astro moves to another port when the asked one is taken; only its own announcement proves
    // that whatever answers on the port is this server and not someone else's.
    // (Colour codes, with FORCE_COLOR, may sit inside the URL.)
    listening ??= Number(output.replace(/\x1b\[[0-9;]*m/g, '').match(/https?:\/\/[^\s/"]+:(\d+)/)?.[1]) || undefined;
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let ended: string | undefined; // how it exited, once it has
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    }),
  );

  const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (ended !== undefined || !child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  // A script or test that crashes must not leave a server behind.
  const onExit = () => kill();
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    kill();
    const timer = setTimeout(() => kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const fail = async (why: string) => {
    await stop();
    throw new Error(`astro preview (${cwd}, port ${p}): ${why}${output.trim() ? `\n--- its output ---\n${output.trim()}` : ''}`);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (ended !== undefined) return fail(`exited (${ended}) before answering at ${readyUrl}`);
    if (listening !== undefined && listening !== p) return fail(`port ${p} was taken; it started on ${listening} instead`);
    if (listening === p) {
      const status = await fetch(readyUrl, { signal: AbortSignal.timeout(5_000) }).then(
        async (r) => (await r.body?.cancel(), r.status),
        () => 0,
      );
      if (status >= 200 && status < 300) return { url, port: p, stop };
    }
    if (Date.now() > deadline) return fail(`no 2xx answer at ${readyUrl} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
