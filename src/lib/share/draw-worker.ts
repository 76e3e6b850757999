/**
 * The share-image worker thread: draws what the build asks for (workerData, a DrawRequest) and
 * sends each image back as it is done, while the build goes on rendering pages on its own thread.
 * Started by src/lib/share/pool.ts; loaded by Node as it is (plain TypeScript, no bundler).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { drawAll } from './draw.ts';
import type { DrawRequest } from './card.ts';

const { jobs, cacheDir } = workerData as DrawRequest;
await drawAll(jobs, cacheDir, (message, transfer) => parentPort!.postMessage(message, transfer ?? []));
