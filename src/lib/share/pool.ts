/**
 * The build's side of share-image drawing: hands every card to one worker thread (draw-worker.ts)
 * and gives back, per image, a promise of its PNG. Drawing takes about a second of CPU for a plan;
 * on its own thread it overlaps with the pages the build renders meanwhile, none of which waits for it.
 */
import { Worker } from 'node:worker_threads';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DrawMessage, DrawRequest, ShareJob, WorkerOptions } from './card';
import type { ShareRegistry } from './registry';

export interface Drawing {
  /** Each image's PNG, by site path. */
  images: Map<string, Promise<Buffer>>;
  /** Every image made: each PNG, and how many were drawn and how many read from the cache. Rejects when one failed. */
  done: ShareRegistry['done'];
}

/** Inside the project and gitignored (.astro/); SHARE_CACHE_DIR moves it. */
const cacheDir = () => resolve(process.env.SHARE_CACHE_DIR ?? '.astro/share-images');

/** A worker started before the pages (prepareDrawing), waiting for its jobs; shared through the process. */
const PREPARED = Symbol.for('plan-site.share-worker');
const prepared = globalThis as { [PREPARED]?: Worker | undefined };

// The worker is loaded from the project's source (the build runs in its root), not from the
// bundle: it is plain TypeScript that Node runs as it is. Waiting for work it does not keep the
// process alive; given work, it does (startDrawing).
function spawn(options: WorkerOptions): Worker {
  const worker = new Worker(pathToFileURL(resolve('src/lib/share/draw-worker.ts')), { workerData: options });
  worker.unref();
  return worker;
}

/**
 * Starts the drawing worker when the build starts (astro:build:start), before the pages that hand it
 * work. With an empty cache (a fresh clone) every image is to be drawn, so it loads and tries out its
 * libraries meanwhile, while the build is still bundling.
 */
export function prepareDrawing(): void {
  const empty = !existsSync(cacheDir()) || !readdirSync(cacheDir()).some((f) => f.endsWith('.png'));
  prepared[PREPARED] ??= spawn({ warmUp: empty ? likelyChars() : undefined, cacheDir: cacheDir() });
}

/**
 * Every character a card may draw, known before the pages are built: the content's text and the
 * code's that words the cards (src/lib). The worker subsets the font to these while it waits; a card
 * with a character outside them gets a subset made for it.
 */
function likelyChars(): string {
  const chars = new Set<string>();
  for (const dir of ['content', 'src/lib']) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(mdx?|ya?ml|json|ts)$/.test(file)) continue;
      for (const ch of readFileSync(resolve(dir, file), 'utf8')) if (ch.charCodeAt(0) > 0x7f) chars.add(ch);
    }
  }
  // Every printable ASCII character (digits, Latin letters of addresses and titles, punctuation).
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  return [...chars].sort().join('');
}

/** Stops a prepared worker no page gave work to (a site without plans). */
export async function discardPreparedWorker(): Promise<void> {
  const worker = prepared[PREPARED];
  prepared[PREPARED] = undefined;
  await worker?.terminate();
}

function deferred<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  // Awaited where a page or the build needs it (its error names the image), not an unhandled rejection here.
  promise.catch(() => undefined);
  return { promise, ...settle };
}

export function startDrawing(jobs: ShareJob[]): Drawing {
  if (jobs.length === 0) return { images: new Map(), done: Promise.resolve({ drawn: 0, cached: 0, files: [] }) };
  const pending = new Map(jobs.map((job) => [job.path, deferred<Buffer>()]));
  const made = { drawn: 0, cached: 0, files: [] as { path: string; png: Buffer }[] };
  const left = new Set(pending.keys());
  const done = deferred<typeof made>();
  const fail = (path: string, message: string) => {
    const error = new Error(`share image ${path}: ${message}`);
    pending.get(path)?.reject(error);
    done.reject(error);
  };

  const worker = prepared[PREPARED] ?? spawn({ cacheDir: cacheDir() });
  prepared[PREPARED] = undefined;
  worker.ref();
  worker.postMessage({ jobs } satisfies DrawRequest);
  worker.on('message', (message: DrawMessage) => {
    const p = pending.get(message.path);
    if (!p) return;
    if (message.kind === 'error') return fail(message.path, message.message);
    const png = Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength);
    p.resolve(png);
    made[message.drawn ? 'drawn' : 'cached']++;
    made.files.push({ path: message.path, png });
    left.delete(message.path);
    if (left.size === 0) done.resolve(made);
  });
  worker.on('error', (error: Error) => {
    for (const path of left) fail(path, `the drawing worker failed: ${error.message}`);
  });
  worker.on('exit', (code) => {
    for (const path of left) fail(path, `the drawing worker stopped (exit code ${code}) before making it`);
  });
  return { images: new Map([...pending].map(([path, p]) => [path, p.promise])), done: done.promise };
}
