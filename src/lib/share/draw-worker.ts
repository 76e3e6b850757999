/**
 * The share-image worker thread: draws what the build asks for (one message, a DrawRequest) and
 * sends each image back as it is done, while the build goes on rendering pages on its own thread.
 * Started by src/lib/share/pool.ts, early when the build begins; loaded by Node as it is (plain
 * TypeScript, no bundler).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { drawAll, warmUp } from './draw.ts';
import type { DrawRequest, WorkerOptions } from './card.ts';

// Drawing is background work: the build's own thread (pages, search index, care mode) comes first,
// and the drawing takes what CPU is left, finishing while the build's last steps run. On Linux this
// thread (and libvips' threads, which it starts) gets the lowest priority; elsewhere it keeps the default.
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  setPriority(threadId, 19);
} catch {
  // Not Linux, or not allowed: same priority as the build.
}

// Started before the pages with an empty cache, it warms up meanwhile; a failed warm-up is no
// failure (drawing loads what it needs again and reports its own errors).
const { warmUp: likelyChars, cacheDir } = workerData as WorkerOptions;
const warm = likelyChars !== undefined ? warmUp(likelyChars, cacheDir).catch(() => undefined) : undefined;

parentPort!.once('message', async ({ jobs }: DrawRequest) => {
  const ready = await warm;
  await drawAll(jobs, cacheDir, (message, transfer) => parentPort!.postMessage(message, transfer ?? []), ready);
  // Nothing more will come: let the thread end.
  parentPort!.close();
});
