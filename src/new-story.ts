/**
 * `dateline new`: start a story with valid frontmatter at
 * `content/YYYY/MM/slug.md`, dated now in the site's time zone.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import type { SiteConfig, SitePaths } from './config.js';
import type { Problem } from './errors.js';
import { relativePosix } from './load/files.js';
import { toSlug } from './slug.js';

/** What the editor gave on the command line. */
export interface NewStory {
  readonly title: string;
  /** Section (optional). */
  readonly section?: string;
  /** Tags (optional; default none). */
  readonly tags?: readonly string[];
  /** Byline (optional). */
  readonly byline?: string;
  /** "Now" in epoch milliseconds. */
  readonly now: number;
}

/** Write the new story; a file already at that path is never overwritten. */
export async function createStory(
  story: Readonly<NewStory>,
  config: SiteConfig,
  paths: SitePaths,
): Promise<{ ok: true; file: string } | { ok: false; problem: Problem }> {
  const title = story.title.trim();
  if (title === '') return { ok: false, problem: { severity: 'error', message: 'give the story a title: dateline new "Title of the story"' } };
  const now = DateTime.fromMillis(story.now, { zone: config.timezone });
  const file = path.join(paths.content, now.toFormat('yyyy'), now.toFormat('MM'), `${fileSlug(title)}.md`);
  const shown = relativePosix(paths.root, file);
  const fields = {
    title,
    date: now.toISO({ suppressMilliseconds: true, suppressSeconds: true }),
    ...(story.byline && { byline: story.byline }),
    ...(story.section && { section: story.section }),
    tags: [...(story.tags ?? [])],
    draft: true,
  };
  const frontmatter = `${stringify(fields, { lineWidth: 0 })}# summary: one or two sentences for lists and feeds\n`;
  const text = `---\n${frontmatter}---\n\nWrite the story here. Remove \`draft: true\` when it is ready to publish.\n`;
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { ok: false, problem: { severity: 'error', file: shown, message: 'already exists and was left as it is: choose another title, or edit that file' } };
  }
  return { ok: true, file: shown };
}

/** The longest file name (without `.md`) `new` makes: a headline can outrun the file system's 255 bytes. */
const MAX_FILE_SLUG = 80;

/** `title` as a file name: its slug, cut at a word boundary when long (the story's address is made from it). */
function fileSlug(title: string): string {
  const slug = toSlug(title);
  if (slug.length <= MAX_FILE_SLUG) return slug;
  const cut = slug.slice(0, MAX_FILE_SLUG);
  const lastWord = cut.lastIndexOf('-');
  return lastWord > MAX_FILE_SLUG / 2 ? cut.slice(0, lastWord) : cut;
}
