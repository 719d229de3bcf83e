/**
 * Dev's search index, kept current without holding up rebuilds: indexing
 * 4,000 stories takes seconds, so it runs after a rebuild has served its
 * pages, one index at a time, always of the latest site. The served folder
 * gets the new index's files first and its entry last, and keeps the last
 * index's files until the next one lands: a search page opened before reads
 * the index it started with, a search made meanwhile the old index or the
 * new one, never a mix.
 */
import type { SearchIndex } from '../search/stage.js';
import type { DirectoryWriter } from '../write/directory.js';

export class DevSearchIndex {
  private running: Promise<void> | undefined;
  private pending = false;
  private files = new Set<string>();
  /** The files of the index before: still read by search pages opened before the current one landed. */
  private previous = new Set<string>();
  private key: string | undefined;

  /** `make` indexes the latest site unless its key is the one given; `onError` shows what went wrong. */
  constructor(
    private readonly make: (lastKey: string | undefined) => Promise<SearchIndex>,
    private readonly writer: DirectoryWriter,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Index the latest site once the index under way, if any, is done. */
  update(): void {
    this.pending = true;
    this.running ??= this.loop().finally(() => (this.running = undefined));
  }

  /** Resolves when no index is being made (before the served folder goes). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.pending) {
      this.pending = false;
      try {
        const index = await this.make(this.key);
        if (!index.files) continue;
        const now = new Set(index.files.map((file) => file.path));
        for (const file of index.files) await this.writer.write(file.path, file.content);
        for (const file of this.previous) if (!now.has(file) && !this.files.has(file)) await this.writer.remove(file);
        [this.previous, this.files, this.key] = [this.files, now, index.key];
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
