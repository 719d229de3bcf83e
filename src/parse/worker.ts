/**
 * A worker thread's job: parse the story files it was given, store their
 * bodies, and post the results back in order, a batch at a time, saying
 * which story it is on. Started by `parseInParallel`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyStore } from '../cache/bodies.js';
import type { SourceRef } from '../load/files.js';
import { parseSafely } from './safely.js';

const { files, zone, bodiesDir, batch, progress } = workerData as { files: SourceRef[]; zone: string; bodiesDir: string; batch: number; progress: Int32Array };
const bodies = new BodyStore(bodiesDir);
for (let start = 0; start < files.length; start += batch) {
  parentPort?.postMessage(
    files.slice(start, start + batch).map((file, offset) => {
      // Which story is being parsed (1-based), for the time limit the main thread keeps.
      Atomics.store(progress, 0, start + offset + 1);
      return parseSafely(file, zone, bodies);
    }),
  );
}
