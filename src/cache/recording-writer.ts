/**
 * Recording what a build wrote, for the next build to keep what did not
 * change (see output-cache.ts): a writer that passes every file on and notes
 * the hash of its bytes and the stamp of the file it became.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentHash, stampOf, statOrUndefined, type KnownFile } from '../write/file-stamp.js';
import type { Writer } from '../write/writer.js';
import type { OutputRecord } from './output-cache.js';

/** Files whose hashes are known already: the last build's folder and what its files hold. */
export interface KnownFolder {
  readonly dir: string;
  readonly files: ReadonlyMap<string, KnownFile>;
}

export class RecordingWriter implements Writer {
  private readonly written = new Map<string, KnownFile>();

  /**
   * Pass files on to `inner`, whose files land in `dir`. A file linked from
   * `linkedFrom` takes its recorded hash rather than being read again.
   */
  constructor(
    private readonly inner: Writer,
    private readonly dir: string,
    private readonly linkedFrom?: KnownFolder,
  ) {}

  async write(file: string, content: string | Uint8Array): Promise<void> {
    await this.inner.write(file, content);
    this.note(file, contentHash(content));
  }

  async link(file: string, from: string): Promise<void> {
    await this.inner.link(file, from);
    const known = this.linkedFrom?.files.get(relativeIn(this.linkedFrom.dir, from));
    this.note(file, known?.hash ?? contentHash(await readFile(from)));
  }

  async remove(file: string): Promise<void> {
    await this.inner.remove(file);
    this.written.delete(file);
  }

  /** What was written, each file with its key in `keys` (the inputs it was made from). */
  records(keys: ReadonlyMap<string, string>): Map<string, OutputRecord> {
    const records = new Map<string, OutputRecord>();
    for (const [file, known] of this.written) {
      const key = keys.get(file);
      if (key !== undefined) records.set(file, { key, ...known });
    }
    return records;
  }

  private note(file: string, hash: string): void {
    const stats = statOrUndefined(path.join(this.dir, file));
    this.written.set(file, { hash, ...(stats && { checked: stampOf(stats) }) });
  }
}

/** `file`'s path inside `dir`, with `/` separators. */
function relativeIn(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}
