/**
 * A worker thread's job: parse the story files it was given and post the
 * results back in the same order. Started by `parseInParallel`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceFile } from '../load/files.js';
import { parseSafely } from './safely.js';

const { files, zone } = workerData as { files: SourceFile[]; zone: string };
parentPort?.postMessage(files.map((file) => parseSafely(file, zone)));
