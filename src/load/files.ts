/**
 * Load: find the story files and read them. Nothing is parsed here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../errors.js';

/**
 * A story file found on disk and hashed. Its text is not kept: at 100,000
 * stories the texts alone would be ~1 GB; it is read again where it is
 * parsed (in a worker, for a large build).
 */
export interface SourceRef {
  /** Absolute path. */
  readonly absolutePath: string;
  /** Path relative to the site root with `/` separators: what messages show. */
  readonly path: string;
  /** Path relative to the folder it was found in, with `/` separators. */
  readonly relativePath: string;
  /** SHA-256 of the bytes, hex: the key for caching and change detection. */
  readonly hash: string;
}

/** A file as read from disk, with its text. */
export interface SourceFile extends SourceRef {
  readonly text: string;
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

/** Find and hash the story files (`**\/*.md`) under `contentDir`; paths in messages are relative to `root`. */
export async function loadStoryFiles(contentDir: string, root: string): Promise<SourceRef[]> {
  const names = await listFiles(contentDir, ['.md']);
  // Read one at a time, synchronously: small files from the page cache, where
  // promise round trips cost more than the reads (0.75 s for 4,000 stories
  // here), and no more than one text in memory at once.
  return names.map((name) => {
    const absolutePath = path.join(contentDir, name);
    return refTo(absolutePath, name, root, readFileSync(absolutePath));
  });
}

/** What finds a file again: its paths, and the hash of `bytes` read from it. */
function refTo(absolutePath: string, relativePath: string, root: string, bytes: Uint8Array): SourceRef {
  return { absolutePath, path: relativePosix(root, absolutePath), relativePath, hash: sourceHash(bytes) };
}

/** `ref` with its text, read now; the hash is of the bytes read now (the file may have changed since it was found). */
export function readSourceSync(ref: SourceRef): SourceFile {
  const bytes = readFileSync(ref.absolutePath);
  return { ...ref, text: bytes.toString('utf8'), hash: sourceHash(bytes) };
}

/** Read one file: `relativePath` is relative to the folder it was found in, messages show it relative to `root`. */
export async function readSource(absolutePath: string, relativePath: string, root: string): Promise<SourceFile> {
  const bytes = await readFile(absolutePath);
  return { ...refTo(absolutePath, relativePath, root, bytes), text: bytes.toString('utf8') };
}

/** A file's hash: SHA-256 of its bytes, hex. */
export function sourceHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The path of `file` relative to `dir`, with `/` separators (as messages and URLs use them). */
export function relativePosix(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}
