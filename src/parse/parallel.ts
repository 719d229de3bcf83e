/**
 * Parse many stories on all cores. Each worker thread gets every Nth file and
 * posts back its results; they are put back in file order, so the output is
 * the same as parsing on one thread. A worker that dies (out of memory, a
 * crash) does not lose its files: they are parsed on this thread instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BodyStore } from '../cache/bodies.js';
import type { SourceRef } from '../load/files.js';
import { loadParser } from './load-parser.js';
import type { ParsedStory } from './story.js';

/** Below this many stories, starting workers (~0.5 s each here, loading the parsers) costs more than it saves. */
const MIN_PARALLEL = 200;

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * How many threads to parse with: `DATELINE_WORKERS` if set (1 turns
 * workers off), else one per core. Only the compiled build has the worker
 * script; from TypeScript sources (tests) parsing stays on this thread.
 */
function threads(): number {
  const wanted = Number(process.env.DATELINE_WORKERS ?? availableParallelism());
  if (!Number.isInteger(wanted) || wanted < 2 || !existsSync(fileURLToPath(WORKER))) return 1;
  return wanted;
}

/** Parse `files` (dates read in `zone`); results in the same order as `files`. */
export async function parseInParallel(files: readonly SourceRef[], zone: string, bodies: BodyStore): Promise<ParsedStory[]> {
  if (files.length === 0) return [];
  const count = Math.min(threads(), Math.ceil(files.length / (MIN_PARALLEL / 2)));
  if (files.length < MIN_PARALLEL || count < 2) {
    const { parseSafely } = await loadParser();
    return files.map((file) => parseSafely(file, zone, bodies));
  }
  const shares = Array.from({ length: count }, (_, share) => files.filter((_, index) => index % count === share));
  const parsed = await Promise.all(shares.map((share) => inWorker(share, zone, bodies)));
  return files.map((_, index) => {
    const result = parsed[index % count]?.[Math.floor(index / count)];
    if (!result) throw new Error(`Internal error: no parse result for ${files[index]?.path}`);
    return result;
  });
}

/** Results a worker sends at a time: it never holds more than this many parsed stories. */
const BATCH = 100;

/**
 * Each worker's heap is capped: it holds one batch at a time, and an uncapped
 * heap grows with the parser's garbage (the workers were most of a large
 * build's memory). A story that needs more makes the worker fail, and it is
 * parsed on this thread like the rest of that worker's unfinished share.
 */
const WORKER_HEAP_MB = 256;

/**
 * Each worker's young generation is capped too (V8's default is 48 MB): the
 * parser's garbage dies young either way. Parsing 4,000 stories on two
 * workers here: peak RSS 250-256 -> 206-208 MB, time unchanged (8 MB saved
 * another 25 MB but parsed ~10% slower).
 */
const WORKER_YOUNG_MB = 24;

function inWorker(files: SourceRef[], zone: string, bodies: BodyStore): Promise<ParsedStory[]> {
  return new Promise((resolve) => {
    // Bodies go straight to the store from the worker: only the stories' fields travel back.
    const worker = new Worker(WORKER, {
      workerData: { files, zone, bodiesDir: bodies.dir, batch: BATCH },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    const results: ParsedStory[] = [];
    let done = false;
    const finish = async () => {
      if (done) return;
      done = true;
      // Whatever the worker did not get to (it crashed, or ran out of memory) is parsed here.
      const rest = files.slice(results.length);
      if (rest.length > 0) {
        const { parseSafely } = await loadParser();
        for (const file of rest) results.push(parseSafely(file, zone, bodies));
      }
      resolve(results);
    };
    worker.on('message', (batch: ParsedStory[]) => {
      if (done) return;
      results.push(...batch);
      if (results.length === files.length) {
        void finish();
        void worker.terminate();
      }
    });
    worker.once('error', () => void finish());
    worker.once('exit', () => void finish());
  });
}
