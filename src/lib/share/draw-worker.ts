/**
 * The share-image worker thread: draws what the build asks for (workerData, a DrawRequest) and
 * sends each image back as it is done, while the build goes on rendering pages on its own thread.
 * Started by src/lib/share/pool.ts; loaded by Node as it is (plain TypeScript, no bundler).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { drawAll } from './draw.ts';
import type { DrawRequest } from './card.ts';

// Drawing is background work: the build's own thread (pages, search index, care mode) comes first,
// and the drawing takes what CPU is left, finishing while the build's last steps run. On Linux this
// thread (and libvips' threads, which it starts) gets the lowest priority; elsewhere it keeps the default.
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  setPriority(threadId, 19);
} catch {
  // Not Linux, or not allowed: same priority as the build.
}

const { jobs, cacheDir } = workerData as DrawRequest;
await drawAll(jobs, cacheDir, (message, transfer) => parentPort!.postMessage(message, transfer ?? []));
