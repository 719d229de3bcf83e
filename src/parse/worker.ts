/**
 * A worker thread's job: parse the story files it was given, store their
 * bodies, and post the results back in order, a batch at a time. Started by `parseInParallel`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyStore } from '../cache/bodies.js';
import type { SourceRef } from '../load/files.js';
import { parseSafely } from './safely.js';

const { files, zone, bodiesDir, batch } = workerData as { files: SourceRef[]; zone: string; bodiesDir: string; batch: number };
const bodies = new BodyStore(bodiesDir);
for (let start = 0; start < files.length; start += batch) {
  parentPort?.postMessage(files.slice(start, start + batch).map((file) => parseSafely(file, zone, bodies)));
}
