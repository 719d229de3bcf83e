/**
 * Writes that overlap with rendering. Awaiting each file before rendering
 * the next left the main thread idle for a third of a cold build (~7 s of
 * 4,000 stories here); this keeps up to `limit` writes in flight while the
 * next outputs are rendered, and reports the first failure no later than
 * `flush()`.
 */
import type { Writer } from './writer.js';

export class OverlappedWriter implements Writer {
  private readonly pending = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly inner: Writer,
    private readonly limit = 16,
  ) {}

  async write(file: string, content: string | Uint8Array): Promise<void> {
    await this.start(() => this.inner.write(file, content));
  }

  async link(file: string, from: string): Promise<void> {
    const { inner } = this;
    if (!inner.link) throw new Error('Internal error: this writer cannot link files');
    await this.start(() => inner.link!(file, from));
  }

  /** Wait for every write started so far; throws the first failure. */
  async flush(): Promise<void> {
    await Promise.all(this.pending);
    this.throwIfFailed();
  }

  private async start(operation: () => Promise<void>): Promise<void> {
    this.throwIfFailed();
    const tracked: Promise<void> = operation()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    while (this.pending.size >= this.limit) await Promise.race(this.pending);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
