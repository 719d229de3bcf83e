/**
 * A parse worker thread: parses each story file it is sent, keeps the body
 * in the store, and posts the story back, one message per story, saying in
 * a shared counter which story of the job it is on (for the time limit the
 * main thread keeps). It waits for the next job until it is stopped.
 * Started by `ParsePool`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyStore, keepBody } from '../cache/bodies.js';
import type { SourceRef } from '../load/files.js';
import type { Reading } from '../parse/fields.js';
import { parseSafely } from '../parse/safely.js';

/** One job: stories to parse, how to read them, and where their bodies go. */
export interface ParseJob {
  readonly files: readonly SourceRef[];
  readonly reading: Reading;
  readonly bodiesDir: string;
}

const { progress } = workerData as { progress: Int32Array };
const stores = new Map<string, BodyStore>();

parentPort?.on('message', ({ files, reading, bodiesDir }: ParseJob) => {
  let bodies = stores.get(bodiesDir);
  if (!bodies) {
    bodies = new BodyStore(bodiesDir);
    stores.set(bodiesDir, bodies);
  }
  for (const [index, file] of files.entries()) {
    Atomics.store(progress, 0, index + 1);
    parentPort?.postMessage(keepBody(parseSafely(file, reading), bodies));
  }
});
