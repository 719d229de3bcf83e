/**
 * Write: outputs go through a `Writer`, so a build can target the file system
 * (staged, then swapped in whole), a folder being served (dev), memory (tests)
 * or nothing (`dateline check`). A writer has three verbs and no modes: what
 * a build records of its files is a wrapper's job (cache/recording-writer.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DatelineError } from '../errors.js';

/** Where rendered files go. Paths are relative to the output root, with `/` separators. */
export interface Writer {
  /** Put `content` at `file`. */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /** Put the bytes of the existing file `from` (an absolute path) at `file`: hard-linked where the writer can, else copied. */
  link(file: string, from: string): Promise<void>;
  /** Delete `file`, if it is there. */
  remove(file: string): Promise<void>;
}

/** Keeps every file in a map: for tests. */
export class MemoryWriter implements Writer {
  /** Written files by path. */
  readonly files = new Map<string, Buffer>();

  async write(file: string, content: string | Uint8Array): Promise<void> {
    this.files.set(checkedRelative(file), Buffer.from(content));
  }

  async link(file: string, from: string): Promise<void> {
    this.files.set(checkedRelative(file), await readFile(from));
  }

  async remove(file: string): Promise<void> {
    this.files.delete(checkedRelative(file));
  }
}

/** Checks each file's path and keeps nothing: what `dateline check` writes to. */
export class DiscardingWriter implements Writer {
  async write(file: string): Promise<void> {
    checkedRelative(file);
  }

  async link(file: string): Promise<void> {
    checkedRelative(file);
  }

  async remove(file: string): Promise<void> {
    checkedRelative(file);
  }
}

/**
 * A writer usable before the one it stands for is ready: each verb waits for
 * `ready`, then goes to it. A build starts writing while its output folder is
 * still being prepared on another thread.
 */
export function whenReady(ready: Promise<Writer>): Writer {
  return {
    write: async (file, content) => (await ready).write(file, content),
    link: async (file, from) => (await ready).link(file, from),
    remove: async (file) => (await ready).remove(file),
  };
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
