/**
 * The folders and files under a folder, listed on a worker thread: a spare
 * output folder holds thousands of folders (~0.2-0.4 s to list here), and
 * listed beside the main thread the time hides behind loading and parsing.
 * From TypeScript sources (tests), where there is no compiled worker
 * script, it is listed on this thread.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Absolute paths of what is under a folder. */
export interface Tree {
  readonly folders: string[];
  /** Everything that is not a folder (links included). */
  readonly files: string[];
}

const WORKER = new URL('./list-tree-worker.js', import.meta.url);

/** List `dir` synchronously. */
export function listTreeSync(dir: string): Tree {
  const tree: Tree = { folders: [], files: [] };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    (entry.isDirectory() ? tree.folders : tree.files).push(path.join(entry.parentPath, entry.name));
  }
  return tree;
}

/** List `dir` on a worker thread where there is one. */
export function listTree(dir: string): Promise<Tree> {
  if (!existsSync(fileURLToPath(WORKER))) return Promise.resolve().then(() => listTreeSync(dir));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: dir });
    worker.once('message', (tree: Tree) => resolve(tree));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`listing ${dir} stopped (exit code ${code})`)));
  });
}
