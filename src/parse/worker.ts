/**
 * A worker thread's job: parse the story files it is sent, store their
 * bodies, and post the results back in order, a batch at a time, saying
 * which story it is on (for the time limit the main thread keeps). It waits
 * for the next job until it is stopped. Started by `parseInParallel`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyStore } from '../cache/bodies.js';
import type { SourceRef } from '../load/files.js';
import type { Reading } from './fields.js';
import { parseSafely } from './safely.js';

const { progress, batch } = workerData as { progress: Int32Array; batch: number };
const stores = new Map<string, BodyStore>();

parentPort?.on('message', ({ files, reading, bodiesDir }: { files: SourceRef[]; reading: Reading; bodiesDir: string }) => {
  let bodies = stores.get(bodiesDir);
  if (!bodies) {
    bodies = new BodyStore(bodiesDir);
    stores.set(bodiesDir, bodies);
  }
  for (let start = 0; start < files.length; start += batch) {
    parentPort?.postMessage(
      files.slice(start, start + batch).map((file, offset) => {
        Atomics.store(progress, 0, start + offset + 1);
        return parseSafely(file, reading, bodies);
      }),
    );
  }
});
