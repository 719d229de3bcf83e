/**
 * Which files in the content folder are stories. Markdown stories end in
 * `.md`, or in the other endings Jekyll and Hugo archives use; any other file
 * is copied to the site as it is, unless it starts with frontmatter: such a
 * file was meant as a story (a page from another generator, a misnamed
 * story), and copying it would publish its raw source, frontmatter and all.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/** The endings read as Markdown stories, as users are told them. */
export const STORY_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd'] as const;

const STORY_FILE = /\.(?:md|markdown|mdown|mkd)$/i;

/** YAML data files start with `---` as a document marker, not as frontmatter. */
const DATA_FILE = /\.ya?ml$/i;

/**
 * Whether a path under the content folder is the site's editorial data, not
 * a story nor a file to publish: every file or folder whose name starts with
 * `_` (`_front.yml`, `_authors/ayesha-siddiqui.md`; Hugo's `_index.md` list
 * texts too, and Jekyll's `_drafts`). It keeps that data beside the stories
 * without a new folder at the top of the repository. Jekyll's `_posts`
 * folders are the one exception: they hold an archive's stories.
 */
export function isEditorialData(relativePath: string): boolean {
  return relativePath.split('/').some((part) => part.startsWith('_') && part !== JEKYLL_POSTS);
}

/** The folder Jekyll keeps its posts in (`_posts/2024-03-05-budget-vote.md`, or `news/_posts/…`). */
const JEKYLL_POSTS = '_posts';

/** Whether `name` is a story by its name. */
export function isStoryFile(name: string): boolean {
  return STORY_FILE.test(name);
}

/**
 * A story's name: its file name without the ending (`content/2023/09/call.markdown`
 * → `call`), or for a Hugo page bundle, a folder whose story is its
 * `index.md` (`posts/budget-vote/index.md`), the folder's name.
 */
export function storyStem(name: string): string {
  const base = path.posix.basename(name);
  const stem = base.slice(0, base.length - (STORY_FILE.exec(base)?.[0].length ?? 0));
  const folder = path.posix.basename(path.posix.dirname(name));
  return stem.toLowerCase() === 'index' && folder !== '.' && folder !== '' ? folder : stem;
}

/**
 * A Jekyll post's name: `2024-03-05-budget-vote` is the post `budget-vote`
 * of 5 March 2024. Jekyll takes the date from there when the frontmatter
 * has none, and never puts it in the post's address.
 */
export function datedName(stem: string): { date: string; rest: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(stem);
  return match ? { date: match[1]!, rest: match[2]! } : undefined;
}

/** How much of a file is read to find a frontmatter block's closing fence. */
const HEAD_BYTES = 64 * 1024;

/** A first line that opens frontmatter (`---` for YAML, `+++` for TOML), after an optional byte order mark. */
const OPENING = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n/;

/**
 * Whether the file at `absolutePath`, not a story by its name, starts with a
 * frontmatter block: an opening fence line and a closing one like it. Reads
 * only its first bytes.
 */
export function startsWithFrontmatter(absolutePath: string): boolean {
  if (DATA_FILE.test(absolutePath)) return false;
  // Most files (images above all) are ruled out by their first bytes.
  if (!/^\uFEFF?(?:---|\+\+\+)/.test(readHead(absolutePath, 6))) return false;
  const text = readHead(absolutePath, HEAD_BYTES);
  const opening = OPENING.exec(text);
  if (!opening) return false;
  const fence = opening[1] === '---' ? '---' : '\\+\\+\\+';
  return new RegExp(`\\n${fence}[ \\t]*(?:\\r?\\n|$)`).test(text.slice(opening[0].length - 1));
}

/** The first `bytes` bytes of a file, as UTF-8 text. */
function readHead(absolutePath: string, bytes: number): string {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(absolutePath, 'r');
  try {
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
