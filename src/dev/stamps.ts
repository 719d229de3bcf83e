/**
 * What the files a dev session watches look like on disk, so that a save the
 * watcher did not report is still noticed:
 * - saves made after the first build started reading, and before the watcher
 *   was ready (`stampTree` before, again once watching: `changedBetween`);
 * - saves that replace a file (a temporary file renamed over it) within tens
 *   of milliseconds of the change before, which chokidar 4 does not always
 *   report (`SecondLook`).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../load/files.js';

/** A file's size, modification and change times and inode, as one comparable string; undefined when it is missing. */
export function stampOf(file: string): string | undefined {
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/** The stamps of every file under `dirs` (as `listFiles` finds them) and of `files`, by absolute path. */
export async function stampTree(dirs: readonly string[], files: readonly string[]): Promise<Map<string, string | undefined>> {
  const stamps = new Map<string, string | undefined>();
  for (const file of files) stamps.set(file, stampOf(file));
  for (const dir of dirs) {
    for (const name of await listFiles(dir)) {
      const file = path.join(dir, name);
      stamps.set(file, stampOf(file));
    }
  }
  return stamps;
}

/** The files added, removed or changed between two `stampTree`s. */
export function changedBetween(before: ReadonlyMap<string, string | undefined>, after: ReadonlyMap<string, string | undefined>): string[] {
  const changed = [...after].filter(([file, stamp]) => before.get(file) !== stamp).map(([file]) => file);
  const removed = [...before.keys()].filter((file) => !after.has(file) && before.get(file) !== undefined);
  return [...changed, ...removed];
}

/**
 * Looks at handled files once more: right after their rebuild and again
 * `delayMs` later, and reports each whose stamp is no longer the one it had
 * when its change was taken up (`note`).
 */
export class SecondLook {
  private readonly seen = new Map<string, string | undefined>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    private readonly changed: (file: string) => void,
  ) {}

  /** Remember what `files` look like now, as their change is about to be read. */
  note(files: Iterable<string>): void {
    for (const file of files) this.seen.set(file, stampOf(file));
  }

  /** Look at `files` again now and after the delay. */
  lookAgain(files: readonly string[]): void {
    this.compare(files);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.compare(files);
    }, this.delayMs);
    this.timers.add(timer);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private compare(files: readonly string[]): void {
    for (const file of files) {
      const now = stampOf(file);
      if (this.seen.has(file) && this.seen.get(file) !== now) {
        // Reported once: the next batch notes the file again as it reads it.
        this.seen.set(file, now);
        this.changed(file);
      }
    }
  }
}
