/** Writing cache files: whole or not at all, and only the current generation kept. */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write `data` as JSON to `file` through a temporary file and a rename, so a
 * crash never leaves half a cache; then delete the files beside it that start
 * with `prefix` (caches of other fingerprints).
 */
export async function replaceCacheFile(file: string, prefix: string, data: unknown): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(data));
  await rename(temporary, file);
  for (const name of await readdir(dir)) {
    if (name.startsWith(prefix) && name !== path.basename(file)) await rm(path.join(dir, name), { force: true });
  }
}

/** Entries sorted by key in code-point order, as a plain object: the same cache for the same content. */
export function sortedEntries<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
