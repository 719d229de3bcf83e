/**
 * What a changed file means for a rebuild. Every path the watcher reports is
 * sorted into one kind, and a burst of changes is folded into one batch.
 */
import path from 'node:path';
import { I18N_DIR } from '../load/phrasebook.js';
import { PACKAGE_ASSETS } from '../load/package-assets.js';
import type { SitePaths } from '../config.js';
import { isEditorialData, isStoryFile } from '../load/story-names.js';

/** Kinds of change, from cheapest to dearest to rebuild; `editorial` is the site's editorial data (`_authors/`, `_front.yml`), read again by every run. */
export type ChangeKind = 'theme-asset' | 'content-asset' | 'story' | 'editorial' | 'template' | 'config';

/** A batch of changed files (absolute paths), by kind. */
export type ChangeBatch = ReadonlyMap<ChangeKind, ReadonlySet<string>>;

/** The kind of change to `file`, or undefined when it does not affect the site (editor swap files). */
export function classify(file: string, paths: SitePaths, configFile: string): ChangeKind | undefined {
  if (path.basename(file).startsWith('.') || file.endsWith('~')) return undefined;
  if (file === configFile) return 'config';
  const within = (dir: string) => {
    const relative = path.relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : undefined;
  };
  const inTemplates = within(paths.templates);
  if (inTemplates !== undefined) {
    if (inTemplates.startsWith(`assets${path.sep}`) || inTemplates === PACKAGE_ASSETS) return 'theme-asset';
    // A theme's words are read by every run; a change to them re-renders every page, as a shared template does.
    const words = inTemplates.startsWith(`${I18N_DIR}${path.sep}`) && inTemplates.endsWith('.json');
    return inTemplates.endsWith('.liquid') || words ? 'template' : undefined;
  }
  const inContent = within(paths.content);
  if (inContent === undefined) return undefined;
  if (isEditorialData(inContent.split(path.sep).join('/'))) return 'editorial';
  return isStoryFile(inContent) ? 'story' : 'content-asset';
}

/** How long a burst of changes must stay quiet before it is rebuilt. */
const BURST_MS = 60;

/**
 * Collects changes and hands them over in batches: `debounceMs` after a
 * lone change (an editor's save), `BURST_MS` after the last change of a
 * burst (a `git checkout` of 500 files, whose events can trickle in), and
 * never while a batch is still being handled (what arrives meanwhile waits
 * for the next batch), nor before `start()` (the first build runs then).
 */
export class ChangeQueue {
  private pending = new Map<ChangeKind, Set<string>>();
  private timer: NodeJS.Timeout | undefined;
  private busy = true;
  private closed = false;
  /** The batch being handled. */
  private handling: Promise<void> | undefined;

  constructor(
    private readonly debounceMs: number,
    private readonly handle: (batch: ChangeBatch) => Promise<void>,
  ) {}

  /** Record a change to `file` of `kind`. */
  add(kind: ChangeKind, file: string): void {
    if (this.closed) return;
    const files = this.pending.get(kind) ?? new Set<string>();
    files.add(file);
    this.pending.set(kind, files);
    this.schedule();
  }

  /** Start handing out batches, beginning with the changes recorded so far. */
  start(): void {
    if (this.closed) return;
    this.busy = false;
    if (this.pending.size > 0) this.schedule();
  }

  /** Stop handing out batches; resolves once the batch being handled, if any, is done (it may be writing files). */
  close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.pending.clear();
    // Its failures are the handler's to report; closing only waits for it to end.
    return (this.handling ?? Promise.resolve()).then(
      () => {},
      () => {},
    );
  }

  private schedule(): void {
    clearTimeout(this.timer);
    let files = 0;
    for (const set of this.pending.values()) files += set.size;
    const wait = files > 1 ? Math.max(this.debounceMs, BURST_MS) : this.debounceMs;
    if (!this.busy) this.timer = setTimeout(() => void this.flush(), wait);
  }

  private async flush(): Promise<void> {
    if (this.busy || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.busy = true;
    this.handling = this.handle(batch);
    try {
      await this.handling;
    } finally {
      this.handling = undefined;
      this.busy = false;
      if (this.pending.size > 0) this.schedule();
    }
  }
}
