/**
 * Knowing what a written file holds without reading it again.
 *
 * Reading and hashing every page of the last build was most of a warm build
 * (280 MB at 4,000 stories); like git's index, a file whose size,
 * modification time and inode are as they were when its bytes were last
 * checked is taken to hold those bytes still. Any write to it changes its
 * modification time; hard-linking it elsewhere does not (its change time
 * would), and Dateline never writes into an existing file: it replaces it.
 */
import { createHash } from 'node:crypto';
import { lstatSync, type Stats } from 'node:fs';

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** A file whose bytes have the SHA-1 `hash`, as they were when `checked` (if ever). */
export interface KnownFile {
  readonly hash: string;
  readonly checked?: FileStamp;
}

/** SHA-1 of `bytes`, hex: the check that a reused file is the one recorded. */
export function contentHash(bytes: string | Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

/** Whether two stamps describe the same, unchanged file. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** `file`'s stats without following a link; undefined if it is missing. */
export function statOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * A real folder's device and inode, which a rename keeps: what tells the
 * folder a build swapped out and kept from anything later put at its path.
 * Undefined for a link, a file or nothing.
 */
export function folderIdentity(dir: string): string | undefined {
  try {
    const stats = lstatSync(dir, { bigint: true });
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `file` is a regular file still stamped as `known` records, so it holds `known.hash`. */
export function stillHolds(file: string, known: KnownFile | undefined): FileStamp | undefined {
  if (!known?.checked) return undefined;
  const stats = statOrUndefined(file);
  if (!stats?.isFile()) return undefined;
  const stamp = stampOf(stats);
  return sameStamp(stamp, known.checked) ? stamp : undefined;
}
