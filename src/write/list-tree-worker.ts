/** A worker thread's job: list one folder (see list-tree.ts) and post the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { listTreeSync } from './list-tree.js';

parentPort?.postMessage(listTreeSync(workerData as string));
