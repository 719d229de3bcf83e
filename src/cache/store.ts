/**
 * Cache files: written whole or not at all, checked when read, and only the
 * current generation kept.
 *
 * A file is a line with the SHA-256 of the JSON that follows it, then the
 * JSON. Checking the text as read costs a hash of the file, where checking a
 * checksum of the parsed data meant serializing it again (~0.1 s per read and
 * per write for 4,000 stories' outputs).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { atPath } from '../errors.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Write `data` to `file` through a temporary file and a rename, so a crash
 * never leaves half a cache; then delete the files beside it that start with
 * `prefix` (caches of other fingerprints).
 */
export async function replaceCacheFile(file: string, prefix: string, data: unknown): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const json = JSON.stringify(data);
  await writeFile(temporary, `${sha256(json)}\n${json}`).catch((error: unknown) => {
    throw atPath(error, temporary);
  });
  await rename(temporary, file);
  for (const name of await readdir(dir)) {
    if (name.startsWith(prefix) && name !== path.basename(file)) await rm(path.join(dir, name), { force: true });
  }
}

/** The data `replaceCacheFile` wrote to `file`; throws if it cannot be read or is not what was written. */
export async function readCacheFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  const newline = text.indexOf('\n');
  const json = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== sha256(json)) throw new Error('checksum does not match');
  return JSON.parse(json) as unknown;
}

/** Entries sorted by key in code-point order, as a plain object: the same cache for the same content. */
export function sortedEntries<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
