/**
 * A worker thread's job: parse the story files it was given, store their
 * bodies, and post the results back in the same order. Started by `parseInParallel`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyStore } from '../cache/bodies.js';
import type { SourceRef } from '../load/files.js';
import { parseSafely } from './safely.js';

const { files, zone, bodiesDir } = workerData as { files: SourceRef[]; zone: string; bodiesDir: string };
const bodies = new BodyStore(bodiesDir);
parentPort?.postMessage(files.map((file) => parseSafely(file, zone, bodies)));
