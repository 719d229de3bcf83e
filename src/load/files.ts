/**
 * Load: find the story files and read them. Nothing is parsed here.
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../errors.js';

/** A file as read from disk. */
export interface SourceFile {
  /** Absolute path. */
  readonly absolutePath: string;
  /** Path relative to the site root with `/` separators: what messages show. */
  readonly path: string;
  /** Path relative to the folder it was found in, with `/` separators. */
  readonly relativePath: string;
  readonly text: string;
  /** SHA-256 of the bytes, hex: the key for caching and change detection. */
  readonly hash: string;
}

/**
 * Every file under `dir` whose name ends with one of `extensions`, in code-point
 * order of their paths so the build never depends on the file system's order.
 * Names starting with `.` (editor swap files, `.git`) are skipped. A missing
 * folder holds no files.
 */
export async function listFiles(dir: string, extensions: readonly string[] = []): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relativePosix(dir, path.join(entry.parentPath, entry.name)))
    .filter((entry) => !entry.split('/').some((part) => part.startsWith('.')))
    .filter((entry) => extensions.length === 0 || extensions.some((ext) => entry.endsWith(ext)))
    .sort(compareText);
}

/** Read the story files (`**\/*.md`) under `contentDir`; paths in messages are relative to `root`. */
export async function loadStoryFiles(contentDir: string, root: string): Promise<SourceFile[]> {
  const names = await listFiles(contentDir, ['.md']);
  return Promise.all(names.map((name) => readSource(path.join(contentDir, name), name, root)));
}

/** Read one file: `relativePath` is relative to the folder it was found in, messages show it relative to `root`. */
export async function readSource(absolutePath: string, relativePath: string, root: string): Promise<SourceFile> {
  const bytes = await readFile(absolutePath);
  return {
    absolutePath,
    path: relativePosix(root, absolutePath),
    relativePath,
    text: bytes.toString('utf8'),
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The path of `file` relative to `dir`, with `/` separators (as messages and URLs use them). */
export function relativePosix(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}
