/**
 * The addresses the last build published, kept in the cache folder so the
 * next build can tell when one would go away (plan/url-guard.ts). Unlike the
 * caches beside it, it does not depend on the templates or config: a new
 * permalink pattern is just what it must catch. Only a build that shows
 * readers what they see is recorded: not one with drafts or embargoed
 * stories let in.
 */
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { PublishedKind, PublishedUrl } from '../plan/published-urls.js';
import { readCacheFile, replaceCacheFile } from './store.js';

const RECORD = 'published.json';

interface RecordFile {
  readonly published: 1;
  /** Address → [kind, story file or ""]. */
  readonly urls: Record<string, readonly [PublishedKind, string]>;
}

/** The addresses recorded in `cacheDir`: none when there is no record, with a warning when it is damaged. */
export async function readPublishedRecord(cacheDir: string): Promise<{ urls: PublishedUrl[]; problems: Problem[] }> {
  const file = path.join(cacheDir, RECORD);
  let data: RecordFile;
  try {
    data = (await readCacheFile(file)) as RecordFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { urls: [], problems: [] };
    return { urls: [], problems: [damaged()] };
  }
  if (data.published !== 1 || typeof data.urls !== 'object' || data.urls === null) return { urls: [], problems: [damaged()] };
  const urls = Object.entries(data.urls).map(([url, [kind, storyFile]]): PublishedUrl => ({ url, kind, ...(storyFile !== '' && { file: storyFile }) }));
  return { urls, problems: [] };
}

/** Record `urls` as what the site now publishes. */
export async function savePublishedRecord(cacheDir: string, urls: readonly PublishedUrl[]): Promise<void> {
  const sorted = [...urls].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const data: RecordFile = { published: 1, urls: Object.fromEntries(sorted.map((entry) => [entry.url, [entry.kind, entry.file ?? '']])) };
  await replaceCacheFile(path.join(cacheDir, RECORD), 'published', data);
}

function damaged(): Problem {
  return {
    severity: 'warning',
    message: `the record of the addresses the last build published (${RECORD} in the cache folder) is damaged: addresses are checked only against a sitemap given with --published-sitemap`,
  };
}
