/**
 * Render pages on worker threads while the main thread prepares the next
 * pages' variables, renders feeds and sitemaps, and writes what comes back:
 * LiquidJS was ~3.5 s of a 4,000-story build's ~5.5 s render stage, all of
 * it on one core. Each page goes to the worker with the fewest pages in hand;
 * a worker that dies hands its pages back (the caller renders them itself).
 */
import { Worker } from 'node:worker_threads';
import type { TemplateContext } from '../render/view.js';
import type { RenderJob, RenderResult, RenderSetup } from './render-worker.js';
import { threadsFor } from './threads.js';

const WORKER = new URL('./render-worker.js', import.meta.url);

/** Below this many pages, starting workers (~0.2 s each here, loading LiquidJS and the templates) costs more than it saves. */
const MIN_PARALLEL = 200;

/**
 * Pages handed to one worker and not back yet: enough that it never waits
 * for the main thread, few enough that their variables (bodies included)
 * stay a few megabytes.
 */
const IN_HAND = 8;

/** A render worker's heap: a page's render is bounded by LiquidJS's own limits (see render/templates.ts) long before this. */
const WORKER_HEAP_MB = 512;

/**
 * Its young generation: LiquidJS's garbage dies young. With V8's default
 * the two workers added ~45 MB to a 4,000-story build's peak (231 -> 270-296
 * MB); with 8 MB, none (228-229 MB), and the render stage was no slower.
 */
const WORKER_YOUNG_MB = 8;

/** A worker stopped (crashed, out of memory) with the page still in hand: render it elsewhere. */
export class WorkerGone extends Error {}

export class PageWorkers {
  private readonly threads: RenderThread[];
  private nextId = 0;
  private roomWaiter: (() => void) | undefined;

  /** Workers for a render stage of `pages` pages, or undefined when it is better rendered on this thread. */
  static start(pages: number, setup: RenderSetup): PageWorkers | undefined {
    const count = threadsFor(WORKER);
    return count < 2 || pages < MIN_PARALLEL ? undefined : new PageWorkers(count, setup);
  }

  private constructor(count: number, setup: RenderSetup) {
    this.threads = Array.from({ length: count }, () => new RenderThread(setup, () => this.freed()));
  }

  /** Resolves once a page can be handed over without piling up; undefined when one can be now. */
  room(): Promise<void> | undefined {
    if (this.hasRoom()) return undefined;
    return new Promise((resolve) => (this.roomWaiter = resolve));
  }

  /** Render `context` through `template` on the worker with the fewest pages in hand. */
  render(template: string, context: TemplateContext): Promise<RenderResult> {
    const live = this.threads.filter((thread) => !thread.gone);
    const thread = live.reduce<RenderThread | undefined>((best, next) => (best && best.inHand <= next.inHand ? best : next), undefined);
    if (!thread) return Promise.reject(new WorkerGone('no render worker is left'));
    return thread.render({ id: this.nextId++, template, context });
  }

  stop(): void {
    for (const thread of this.threads) thread.stop();
  }

  private hasRoom(): boolean {
    // With every worker gone there is always room: pages then come straight back to be rendered here.
    return this.threads.every((thread) => thread.gone) || this.threads.some((thread) => !thread.gone && thread.inHand < IN_HAND);
  }

  private freed(): void {
    if (!this.roomWaiter || !this.hasRoom()) return;
    const wake = this.roomWaiter;
    this.roomWaiter = undefined;
    wake();
  }
}

class RenderThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (result: RenderResult) => void; reject: (error: Error) => void }>();
  gone = false;

  constructor(
    setup: RenderSetup,
    private readonly freed: () => void,
  ) {
    this.worker = new Worker(WORKER, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    this.worker.on('message', (result: RenderResult) => {
      this.pending.get(result.id)?.resolve(result);
      this.pending.delete(result.id);
      this.freed();
    });
    let reason = 'it stopped';
    this.worker.on('error', (error: Error & { code?: string }) => {
      reason = error.code ?? error.message;
    });
    this.worker.once('exit', () => {
      this.gone = true;
      for (const { reject } of this.pending.values()) reject(new WorkerGone(`a render worker stopped (${reason})`));
      this.pending.clear();
      this.freed();
    });
  }

  get inHand(): number {
    return this.pending.size;
  }

  render(job: RenderJob): Promise<RenderResult> {
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      this.worker.postMessage(job);
    });
  }

  stop(): void {
    void this.worker.terminate();
  }
}
