/**
 * How many threads a stage may use: `DATELINE_WORKERS` if set (1 turns
 * workers off), else one per core. Only the compiled build has the worker
 * scripts; from TypeScript sources (tests) the work stays on this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Threads to use with the worker script `script`: 1 means none. */
export function threadsFor(script: URL): number {
  const wanted = Number(process.env.DATELINE_WORKERS ?? availableParallelism());
  if (!Number.isInteger(wanted) || wanted < 2 || !existsSync(fileURLToPath(script))) return 1;
  return wanted;
}
