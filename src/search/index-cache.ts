/**
 * The last search index, kept in the cache folder by its key. A build whose
 * output folder is gone but whose cache is kept (CI restores the cache, not
 * `dist/`) takes the index from here instead of indexing again: a scheduled
 * build that only lifts an embargo re-indexes, one that changes nothing
 * readers can search does not. Only the newest index is kept.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { atPath } from '../errors.js';
import type { Output } from '../render/html.js';

/** The index with `key` kept in `dir`, or undefined when it is not there whole. */
export async function loadIndex(dir: string, key: string): Promise<Output[] | undefined> {
  const folder = path.join(dir, nameOf(key));
  try {
    const files = JSON.parse(await readFile(path.join(folder, 'files.json'), 'utf8')) as string[];
    return await Promise.all(files.map(async (file) => ({ path: file, content: await readFile(path.join(folder, 'files', file)) })));
  } catch {
    return undefined;
  }
}

/** Keep `files`, the index with `key`, in `dir` in place of any other. */
export async function saveIndex(dir: string, key: string, files: readonly Output[]): Promise<void> {
  const name = nameOf(key);
  const partial = path.join(dir, `${name}.${process.pid}.partial`);
  await rm(partial, { recursive: true, force: true });
  for (const file of files) {
    await mkdir(path.dirname(path.join(partial, 'files', file.path)), { recursive: true });
    await write(path.join(partial, 'files', file.path), file.content);
  }
  // The list last: a folder without it is not taken for an index.
  await write(path.join(partial, 'files.json'), JSON.stringify(files.map((file) => file.path)));
  await rm(path.join(dir, name), { recursive: true, force: true });
  await rename(partial, path.join(dir, name));
  for (const other of await readdir(dir)) if (other !== name) await rm(path.join(dir, other), { recursive: true, force: true });
}

/** A folder name for `key` (`search <digest>`): its digest, which is base64url. */
function nameOf(key: string): string {
  return key.replace(/^search /, '');
}

/** Write `content` to `file`; an error says which file (a full disk's does not, by itself). */
async function write(file: string, content: string | Uint8Array): Promise<void> {
  await writeFile(file, content).catch((error: unknown) => {
    throw atPath(error, file);
  });
}
