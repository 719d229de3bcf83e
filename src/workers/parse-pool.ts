/**
 * Parse stories on worker threads, every core busy until none is left.
 * Stories wait in one queue, largest first, and each worker takes the next
 * few as soon as it is free: a long story starts early and the short ones
 * fill in around it, where fixed shares left one core idle while the other
 * ground through its half. Each story's parse has a time limit. A story that
 * makes its worker run out of memory is parsed again alone on a worker with
 * a larger heap, and only it; the rest go back to the queue. Results come
 * back in the order of the files (the same as parsing on one thread). A few
 * stories (dev's saves) go to one worker kept for the next few, its parser
 * loaded once.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { keepBody, type BodyStore } from '../cache/bodies.js';
import type { Problem } from '../errors.js';
import type { SourceRef } from '../load/files.js';
import type { Reading } from '../parse/fields.js';
import { loadParser } from '../parse/load-parser.js';
import type { ParsedStory } from '../parse/story.js';
import type { ParseJob } from './parse-worker.js';
import { threadsFor } from './threads.js';

/** Below this many stories, starting more than one worker (~0.5 s each here, loading the parsers) costs more than it saves. */
const MIN_PARALLEL = 200;

const WORKER = new URL('./parse-worker.js', import.meta.url);

/**
 * Each worker's heap is capped: an uncapped heap grows with the parser's
 * garbage (the workers were most of a large build's memory). A story that
 * needs more is parsed again alone, with `LARGE_HEAP_MB`.
 */
const WORKER_HEAP_MB = 256;

/**
 * Each worker's young generation is capped too (V8's default is 48 MB): the
 * parser's garbage dies young either way. Parsing 4,000 stories on two
 * workers here: peak RSS 250-256 -> 206-208 MB, time unchanged (8 MB saved
 * another 25 MB but parsed ~10% slower).
 */
const WORKER_YOUNG_MB = 24;

/** The heap of the worker a story too big for the others gets to itself: a 5 MB story needs ~1 GB. */
const LARGE_HEAP_MB = 4096;

/** A worker takes at most this many stories, or this many bytes of them, at a time: few round trips, and little left to redo when one fails. */
const JOB_STORIES = 16;
const JOB_BYTES = 256 * 1024;

/** The worker kept for small batches, between them idle and not keeping the process alive. */
let kept: ParseWorker | undefined;

/** Parse `files`, read as `reading` says, their bodies kept in `bodies`; results in the same order as `files`. */
export async function parseInParallel(files: readonly SourceRef[], reading: Reading, bodies: BodyStore): Promise<ParsedStory[]> {
  if (files.length === 0) return [];
  const available = threadsFor(WORKER);
  if (available < 2) {
    const { parseSafely } = await loadParser();
    return files.map((file) => keepBody(parseSafely(file, reading), bodies));
  }
  if (files.length < MIN_PARALLEL) {
    if (kept?.gone) kept = undefined;
    // The kept worker may be on another job: this one then gets a worker of its own.
    const mine = kept && !kept.busy ? kept : new ParseWorker(WORKER_HEAP_MB);
    const { results, workers } = await parseQueued(files, { reading, bodiesDir: bodies.dir }, [mine]);
    const [last] = workers;
    if (mine === kept || kept === undefined) kept = last;
    else last?.stop();
    return results;
  }
  const count = Math.min(available, Math.ceil(files.length / (MIN_PARALLEL / 2)));
  const first = Array.from({ length: count }, () => new ParseWorker(WORKER_HEAP_MB));
  const { results, workers } = await parseQueued(files, { reading, bodiesDir: bodies.dir }, first);
  for (const worker of workers) worker.stop();
  return results;
}

type HowToParse = Omit<ParseJob, 'files'>;

/**
 * Parse `files` on `workers` from one queue, largest first; returns the
 * results in file order and the workers as they are at the end (one that
 * failed is replaced).
 */
async function parseQueued(
  files: readonly SourceRef[],
  how: HowToParse,
  workers: ParseWorker[],
): Promise<{ results: ParsedStory[]; workers: ParseWorker[] }> {
  const sizes = files.map(sizeOf);
  // A stack: the next story to parse is at the end.
  const waiting = files.map((_, index) => index).sort((a, b) => sizes[a]! - sizes[b]! || b - a);
  const results: (ParsedStory | undefined)[] = new Array(files.length);
  const nextJob = (): number[] => {
    const job: number[] = [];
    let bytes = 0;
    while (waiting.length > 0 && job.length < JOB_STORIES && (job.length === 0 || bytes + sizes[waiting.at(-1)!]! <= JOB_BYTES)) {
      const index = waiting.pop()!;
      job.push(index);
      bytes += sizes[index]!;
    }
    return job;
  };
  const final = await Promise.all(
    workers.map(async (start) => {
      let worker = start;
      for (let job = nextJob(); job.length > 0; job = nextJob()) {
        const outcome = await worker.run(job.map((index) => files[index]!), how);
        outcome.results.forEach((result, offset) => (results[job[offset]!] = result));
        if (!outcome.failed) continue;
        // The stories after the one that failed go back to the queue, for this worker's replacement or another.
        waiting.push(...job.slice(outcome.results.length + 1).reverse());
        worker.stop();
        worker = new ParseWorker(WORKER_HEAP_MB);
        const index = job[outcome.results.length]!;
        results[index] = outcome.failed.kind === 'timeout' ? timedOut(files[index]!, outcome.failed.limitMs) : await parseAlone(files[index]!, how);
      }
      return worker;
    }),
  );
  return {
    results: results.map((result, index) => result ?? internal(files[index]!)),
    workers: final,
  };
}

/** Parse one story that was too much for a worker, alone on a worker with a larger heap. */
async function parseAlone(file: SourceRef, how: HowToParse): Promise<ParsedStory> {
  const worker = new ParseWorker(LARGE_HEAP_MB);
  try {
    const { results, failed } = await worker.run([file], how);
    if (results[0]) return results[0];
    if (failed?.kind === 'timeout') return timedOut(file, failed.limitMs);
    const megabytes = (sizeOf(file) / 1_048_576).toFixed(1);
    return failedWith(file, `could not be parsed: the parser ran out of memory or crashed on it (${failed?.reason ?? 'unknown'}), even alone with ${LARGE_HEAP_MB} MB for this ${megabytes} MB story; split it into parts or simplify its Markdown`);
  } finally {
    worker.stop();
  }
}

function timedOut(file: SourceRef, limitMs: number): ParsedStory {
  return failedWith(file, `took longer than ${seconds(limitMs)} s to parse and was given up on; simplify the story's Markdown (long runs of \`*\` or \`_\` are the usual cause)`);
}

function internal(file: SourceRef): ParsedStory {
  return failedWith(file, 'Internal error: no parse result');
}

function failedWith(file: SourceRef, message: string): ParsedStory {
  const problem: Problem = { severity: 'error', file: file.path, line: 1, message };
  return { story: undefined, problems: [problem] };
}

/** A story file's size in bytes: its stamp's, or the file's now (0 if it is gone, and it is then named when read). */
function sizeOf(file: SourceRef): number {
  if (file.stamp) return file.stamp.size;
  try {
    return statSync(file.absolutePath).size;
  } catch {
    return 0;
  }
}

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
function limitFor(file: SourceRef, base: number): number {
  return base + (sizeOf(file) / 1_048_576) * MS_PER_MB;
}

/** Milliseconds as seconds for a message: `1.8`, `62`. */
function seconds(ms: number): string {
  return ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
}

/** How often a worker's progress is looked at. */
const WATCH_MS = 200;

/** What became of a job: the stories parsed, in order, up to the one that failed, if one did. */
interface Outcome {
  readonly results: ParsedStory[];
  readonly failed?: { readonly kind: 'timeout'; readonly limitMs: number } | { readonly kind: 'died'; readonly reason: string };
}

/**
 * A worker thread that parses jobs of stories, one job at a time. A story
 * that takes longer than its time limit is given up on (the worker is
 * stopped); a worker that crashes or runs out of memory ends its job there.
 */
class ParseWorker {
  private readonly worker: Worker;
  /** The worker writes here which story of the job it is parsing (1-based; 0 before the first). */
  private readonly progress = new Int32Array(new SharedArrayBuffer(4));
  /** Whether the thread has ended (stopped, crashed, out of memory). */
  gone = false;
  /** Whether a job is under way. */
  busy = false;
  /** Why the thread ended, if it failed. */
  private failure: string | undefined;

  constructor(heapMb: number) {
    this.worker = new Worker(WORKER, {
      workerData: { progress: this.progress },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    this.worker.unref();
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.failure = error.code ?? error.message;
    });
    this.worker.once('exit', () => {
      this.gone = true;
    });
  }

  /** Stop the worker. */
  stop(): void {
    void this.worker.terminate();
  }

  /** Parse `files`; the results in the same order, up to a story that failed. */
  run(files: readonly SourceRef[], how: HowToParse): Promise<Outcome> {
    if (this.gone) return Promise.resolve({ results: [], failed: { kind: 'died', reason: this.failure ?? 'the worker had stopped' } });
    const { worker, progress } = this;
    this.busy = true;
    return new Promise((resolve) => {
      Atomics.store(progress, 0, 0);
      worker.ref();
      const job: ParseJob = { files, ...how };
      worker.postMessage(job);
      const results: ParsedStory[] = [];
      const base = parseTimeoutMs();
      let stuck: number | undefined;
      let seen = 0;
      let since = Date.now();
      const watch = setInterval(() => {
        const parsing = Atomics.load(progress, 0);
        if (parsing !== seen) {
          seen = parsing;
          since = Date.now();
          // Only a story past the base limit is measured, to see what its length allows it.
        } else if (parsing > 0 && Date.now() - since > base && Date.now() - since > limitFor(files[parsing - 1]!, base)) {
          stuck = parsing - 1;
          this.stop();
        }
      }, WATCH_MS);
      const finish = (outcome: Outcome) => {
        this.busy = false;
        clearInterval(watch);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        if (!this.gone) worker.unref();
        resolve(outcome);
      };
      const onMessage = (result: ParsedStory) => {
        results.push(result);
        if (results.length === files.length) finish({ results });
      };
      const onExit = () => {
        // Stories parsed before it that were posted are kept; the one it was on is the one that failed.
        const failed: Outcome['failed'] =
          stuck !== undefined && stuck === results.length
            ? { kind: 'timeout', limitMs: limitFor(files[stuck]!, base) }
            : { kind: 'died', reason: this.failure ?? 'the worker stopped' };
        finish({ results, failed });
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
    });
  }
}
