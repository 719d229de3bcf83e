/**
 * Load: find the story files and read them. Nothing is parsed here.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../errors.js';
import { inside, realPath } from '../folders.js';
import { isEditorialData, isStoryFile, startsWithFrontmatter } from './story-names.js';

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
  /** The file as it was when hashed, where that vouches for its bytes next time (see `loadStoryFiles`). */
  readonly stamp?: SourceStamp;
  /** Set for a link leading outside the site: where it leads. It is never read, and is refused with a warning. */
  readonly outside?: string;
}

/**
 * What a story file looked like when it was hashed. The change time is in it
 * (unlike output stamps): nothing can set it back, and story files are never
 * hard-linked.
 */
export interface SourceStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** The hash of a file as last hashed, and its stamp then: what `loadStoryFiles` may skip reading by. */
export type KnownHash = (path: string) => { readonly hash: string; readonly stamp?: SourceStamp } | undefined;

/**
 * A file changed within the file system's timestamp tick after it was hashed
 * would keep its stamp (git calls this "racy"): a stamp vouches for the bytes
 * only if the file was already this old when hashed. Two seconds covers the
 * coarsest file systems' ticks.
 */
const SETTLED_MS = 2000;

/** A file as read from disk, with its text. */
export interface SourceFile extends SourceRef {
  readonly text: string;
}

/** A file found under a folder, by its path there (`/` separators). */
export interface ListedFile {
  readonly name: string;
  /** Set for a link leading outside the folder it may lead within: where it leads. Such a file is never read. */
  readonly outside?: string;
}

/**
 * Every file under `dir`, in code-point order of their paths so the build
 * never depends on the file system's order. Names starting with `.` (editor
 * swap files, `.git`) are skipped; a missing folder holds no files.
 *
 * Links are followed where they lead within `within` (default `dir`),
 * folders too; a link leading anywhere else is listed with `outside` set and
 * not followed: `dateline build` and `dateline dev` read the same files.
 */
export function listEntries(dir: string, within: string = dir): ListedFile[] {
  const found: ListedFile[] = [];
  const realWithin = realPath(within);
  const visited = new Set<string>();
  const walk = (folder: string, prefix: string) => {
    let entries: Dirent[];
    try {
      // Synchronous: fs.promises' recursive listing takes a thread-pool round trip per folder.
      entries = readdirSync(folder, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    visited.add(realPath(folder));
    for (const entry of entries) {
      const relative = entry.parentPath === folder ? entry.name : `${relativePosix(folder, entry.parentPath)}/${entry.name}`;
      if (relative.split('/').some((part) => part.startsWith('.'))) continue;
      const name = prefix + relative;
      if (entry.isFile()) {
        found.push({ name });
      } else if (entry.isSymbolicLink()) {
        const link = path.join(entry.parentPath, entry.name);
        const target = realTarget(link);
        if (target === undefined || !inside(target, realWithin)) {
          found.push({ name, outside: target ?? `${readlinkSync(link)} (which does not exist)` });
        } else if (statSync(target).isDirectory()) {
          if (!visited.has(target)) walk(target, `${name}/`);
        } else {
          found.push({ name });
        }
      }
    }
  };
  walk(path.resolve(dir), '');
  return found.sort((a, b) => compareText(a.name, b.name));
}

/** Where a link really leads, links resolved all the way; undefined for a broken one. */
function realTarget(link: string): string | undefined {
  try {
    return realpathSync.native(link);
  } catch {
    return undefined;
  }
}

/**
 * The files under `dir` whose names end with one of `extensions` (default
 * any), as `listEntries` finds them, without the links leading elsewhere.
 */
export async function listFiles(dir: string, extensions: readonly string[] = [], within: string = dir): Promise<string[]> {
  return listEntries(dir, within)
    .filter((entry) => entry.outside === undefined && (extensions.length === 0 || extensions.some((ext) => entry.name.endsWith(ext))))
    .map((entry) => entry.name);
}

/**
 * Find and hash the story files under `contentDir` (`**\/*.md` and the other
 * endings of `isStoryFile`, and any other file that starts with frontmatter,
 * which parsing refuses by name), leaving out editorial data (`_` names);
 * paths in messages are relative to `root`. A file whose stamp is the one `known`
 * recorded with its hash is not read again: like git's index, unchanged
 * size, modification and change times and inode vouch for unchanged bytes
 * (reading and hashing 4,000 stories was ~0.3 s of a 2 s warm build here).
 */
export async function loadStoryFiles(contentDir: string, root: string, known?: KnownHash): Promise<SourceRef[]> {
  const entries = listEntries(contentDir, root).filter(
    ({ name, outside }) =>
      !isEditorialData(name) && (outside !== undefined || isStoryFile(name) || startsWithFrontmatter(path.join(contentDir, name))),
  );
  const under = relativePosix(root, contentDir);
  const now = Date.now();
  // One at a time, synchronously: small files from the page cache, where
  // promise round trips cost more than the reads (0.75 s for 4,000 stories
  // here), and no more than one text in memory at once.
  return entries.map(({ name, outside }) => {
    const absolutePath = path.join(contentDir, name);
    const shown = under === '' ? name : `${under}/${name}`;
    if (outside !== undefined) return outsideRef(absolutePath, shown, name, outside);
    const stamp = sourceStamp(statSync(absolutePath));
    const before = known?.(shown);
    if (before?.stamp && sameSourceStamp(before.stamp, stamp)) return { absolutePath, path: shown, relativePath: name, hash: before.hash, stamp };
    const hash = sourceHash(readFileSync(absolutePath));
    const settled = now - Math.max(stamp.mtimeMs, stamp.ctimeMs) > SETTLED_MS;
    return { absolutePath, path: shown, relativePath: name, hash, ...(settled && { stamp }) };
  });
}

function sourceStamp(stats: Stats): SourceStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** Whether two stamps describe the same, unchanged story file. */
export function sameSourceStamp(a: SourceStamp, b: SourceStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
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

/** A link leading outside the site, known by where it leads: never read. */
function outsideRef(absolutePath: string, shown: string, relativePath: string, outside: string): SourceRef {
  return { absolutePath, path: shown, relativePath, hash: sourceHash(Buffer.from(`link to ${outside}`)), outside };
}

/**
 * Read one file: `relativePath` is relative to the folder it was found in,
 * messages show it relative to `root`. One that is, or is reached through,
 * a link leading outside `root` is not read (see `listEntries`).
 */
export async function readSource(absolutePath: string, relativePath: string, root: string): Promise<SourceFile> {
  const target = realpathSync.native(absolutePath);
  if (!inside(target, realPath(root))) return { ...outsideRef(absolutePath, relativePosix(root, absolutePath), relativePath, target), text: '' };
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
