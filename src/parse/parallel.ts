/**
 * Parse stories on worker threads, where each story's parse has a time
 * limit: many on all cores, each worker getting every Nth file, the results
 * put back in file order (the output is the same as parsing on one thread);
 * a few on one worker kept for the next few (dev's saves), its parser
 * loaded once. A worker that dies (out of memory, a crash) does not lose
 * its files: they are parsed on this thread instead.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BodyStore } from '../cache/bodies.js';
import type { SourceRef } from '../load/files.js';
import type { Reading } from './fields.js';
import { loadParser } from './load-parser.js';
import type { ParsedStory } from './story.js';

/** Below this many stories, starting more than one worker (~0.5 s each here, loading the parsers) costs more than it saves. */
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

/** Parse `files`, read as `reading` says; results in the same order as `files`. */
export async function parseInParallel(files: readonly SourceRef[], reading: Reading, bodies: BodyStore): Promise<ParsedStory[]> {
  if (files.length === 0) return [];
  const available = threads();
  if (available < 2) {
    const { parseSafely } = await loadParser();
    return files.map((file) => parseSafely(file, reading, bodies));
  }
  if (files.length < MIN_PARALLEL) {
    kept ??= new ParseWorker();
    if (!kept.busy) return kept.parse([...files], reading, bodies);
    // The kept worker is on another job: this one gets a worker of its own.
    const own = new ParseWorker();
    try {
      return await own.parse([...files], reading, bodies);
    } finally {
      own.stop();
    }
  }
  const count = Math.min(available, Math.ceil(files.length / (MIN_PARALLEL / 2)));
  const shares = Array.from({ length: count }, (_, share) => files.filter((_, index) => index % count === share));
  const parsed = await Promise.all(
    shares.map(async (share) => {
      const worker = new ParseWorker();
      try {
        return await worker.parse(share, reading, bodies);
      } finally {
        worker.stop();
      }
    }),
  );
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

/**
 * How long one story may take to parse, in seconds (`DATELINE_PARSE_TIMEOUT`,
 * default 60), plus `MS_PER_MB` for each megabyte of it: the longest real
 * stories (850 KB of release notes) take ~3 s here, while the Markdown
 * parser's worst cases grow with the square of a story's length (40 KB of
 * `*_` took 10 s) and would hold a build forever.
 */
function parseTimeoutMs(): number {
  const seconds = Number(process.env.DATELINE_PARSE_TIMEOUT ?? 60);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
}

/** The time limit's allowance for a story's length: parsing is linear for real stories, ~1 s per MB here. */
const MS_PER_MB = 20_000;

/** The time limit of parsing `file`. */
function limitFor(file: SourceRef | undefined, base: number): number {
  try {
    return base + (statSync(file?.absolutePath ?? '').size / 1_048_576) * MS_PER_MB;
  } catch {
    return base;
  }
}

/** Milliseconds as seconds for a message: `1.8`, `62`. */
function seconds(ms: number): string {
  return ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
}

/** How often a worker's progress is looked at. */
const WATCH_MS = 200;

/** The worker kept for small batches, between them idle and not keeping the process alive. */
let kept: ParseWorker | undefined;

/**
 * A worker thread that parses jobs of stories, one at a time. A story that
 * takes longer than the time limit is given up on (the worker is stopped
 * and the story named); the others are parsed by a new worker. A worker
 * that crashes or runs out of memory leaves what it did not get to to this
 * thread.
 */
class ParseWorker {
  private readonly worker: Worker;
  /** The worker writes here which story of the job it is parsing (1-based; 0 before the first). */
  private readonly progress = new Int32Array(new SharedArrayBuffer(4));
  private gone = false;
  /** Whether a job is under way. */
  busy = false;

  constructor() {
    this.worker = new Worker(WORKER, {
      workerData: { progress: this.progress, batch: BATCH },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    this.worker.unref();
    this.worker.once('exit', () => {
      this.gone = true;
      if (kept === this) kept = undefined;
    });
  }

  /** Stop the worker. */
  stop(): void {
    if (kept === this) kept = undefined;
    void this.worker.terminate();
  }

  /** Parse `files`; results in the same order. */
  parse(files: SourceRef[], reading: Reading, bodies: BodyStore): Promise<ParsedStory[]> {
    if (files.length === 0) return Promise.resolve([]);
    if (this.gone) return new ParseWorker().parse(files, reading, bodies);
    const { worker, progress } = this;
    this.busy = true;
    return new Promise((resolve) => {
      Atomics.store(progress, 0, 0);
      worker.ref();
      // Bodies go straight to the store from the worker: only the stories' fields travel back.
      worker.postMessage({ files, reading, bodiesDir: bodies.dir });
      const results: ParsedStory[] = [];
      let done = false;
      let stuck: number | undefined;
      const base = parseTimeoutMs();
      let seen = 0;
      let since = Date.now();
      const watch = setInterval(() => {
        const parsing = Atomics.load(progress, 0);
        if (parsing !== seen) {
          seen = parsing;
          since = Date.now();
          // Only a story past the base limit is measured, to see what its length allows it.
        } else if (parsing > 0 && Date.now() - since > base && Date.now() - since > limitFor(files[parsing - 1], base)) {
          stuck = parsing - 1;
          this.stop();
        }
      }, WATCH_MS);
      const onMessage = (batch: ParsedStory[]) => {
        if (done) return;
        results.push(...batch);
        if (results.length === files.length) void finish();
      };
      const onExit = () => void finish();
      const finish = async () => {
        if (done) return;
        done = true;
        this.busy = false;
        clearInterval(watch);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        worker.off('error', onExit);
        if (!this.gone) worker.unref();
        if (results.length === files.length) return resolve(results);
        if (stuck !== undefined) {
          // The stories before it that were parsed but not yet sent, and those after it, go to a new worker.
          const file = files[stuck]!;
          const timedOut: ParsedStory = {
            story: undefined,
            problems: [{ severity: 'error', file: file.path, line: 1, message: `took longer than ${seconds(limitFor(file, base))} s to parse and was given up on; simplify the story's Markdown (long runs of \`*\` or \`_\` are the usual cause)` }],
          };
          const next = new ParseWorker();
          const before = await next.parse(files.slice(results.length, stuck), reading, bodies);
          const after = await next.parse(files.slice(stuck + 1), reading, bodies);
          if (kept === undefined) kept = next;
          else next.stop();
          return resolve([...results, ...before, timedOut, ...after]);
        }
        // Whatever the worker did not get to (it crashed, or ran out of memory) is parsed here.
        const { parseSafely } = await loadParser();
        for (const file of files.slice(results.length)) results.push(parseSafely(file, reading, bodies));
        resolve(results);
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.once('error', onExit);
    });
  }
}
