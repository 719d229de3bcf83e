/**
 * Write: outputs go through a `Writer`, so a build can target the file system
 * (staged, then swapped in whole) or memory (for tests and, later, dev mode).
 */
import path from 'node:path';
import { DatelineError } from '../errors.js';
import type { FileStamp } from './file-stamp.js';

/** Where rendered files go. Paths are relative to the output root, with `/` separators. */
export interface Writer {
  /**
   * Write `content` (whose SHA-1 is `hash`, when the caller records what it
   * wrote) to `file`; given `hash`, resolves to the written file's stamp
   * where the writer has one.
   */
  write(file: string, content: string | Uint8Array, hash?: string): Promise<FileStamp | void>;
  /** Put the existing file `from`, holding `hash`, at `file` without copying its bytes, where the writer can (optional). */
  link?(file: string, from: string, hash: string): Promise<FileStamp | void>;
}

/** Keeps every file in a map: for tests. */
export class MemoryWriter implements Writer {
  /** Written files by path. */
  readonly files = new Map<string, Buffer>();

  async write(file: string, content: string | Uint8Array): Promise<void> {
    this.files.set(checkedRelative(file), Buffer.from(content));
  }
}

/** Checks each file's path and keeps nothing: what `dateline check` writes to. */
export class DiscardingWriter implements Writer {
  async write(file: string): Promise<void> {
    checkedRelative(file);
  }
}

/**
 * `file` as a normalized relative path, refusing anything that would land
 * outside the output folder. Story slugs are validated long before this; this
 * is the last line of defence, so failing here is an internal error.
 */
export function checkedRelative(file: string): string {
  const normal = path.posix.normalize(file);
  if (normal === '' || normal === '.' || normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal) || normal.includes('\0')) {
    throw new DatelineError(`Internal error: refusing to write \`${file}\` outside the output folder`);
  }
  return normal;
}
