/**
 * The search stage: the index of the stories readers can find in a site
 * (see documents.ts and pagefind.ts), with its key, and its files unless the
 * index with that key is the one already published.
 */
import { BuildFailed } from '../errors.js';
import { searchableStories, type Site } from '../model/site.js';
import type { Story } from '../parse/story.js';
import { storyKeys } from '../plan/fingerprint.js';
import { bodyForPage } from '../render/body-urls.js';
import type { Output } from '../render/html.js';
import type { Phrasebook } from '../render/words.js';
import { searchDocument } from './documents.js';
import { loadIndex, saveIndex } from './index-cache.js';
import { indexDocuments, searchKey } from './pagefind.js';

/** A search index: its key, its files unless it is the one whose key was given, and how many stories were indexed to make it (0 when it was not made now). */
export interface SearchIndex {
  readonly key: string;
  readonly files?: readonly Output[];
  readonly indexed: number;
}

/**
 * `site`'s index, unless its key is `lastKey`: the one kept in `cacheDir`
 * if it has that key, else made now (and kept there). A site without search has an
 * index of no files. `body` gives a story's body HTML; `phrasebook` the words
 * its filters and labels are named with. Throws `BuildFailed` with what
 * Pagefind reported.
 */
export async function indexSite(
  site: Site,
  phrasebook: Phrasebook,
  body: (story: Story) => string,
  lastKey: string | undefined,
  cacheDir: string | undefined,
): Promise<SearchIndex> {
  if (!site.config.search) return { key: 'off', files: [], indexed: 0 };
  const searchable = searchableStories(site);
  const storyKey = storyKeys(site).story;
  const words = phrasebook.for(site.config.language);
  const labels = { section: words.section, tag: words.tag, published: words.published };
  const key = searchKey([site.config.basePath, JSON.stringify(labels), JSON.stringify(site.config.dates), ...searchable.map(storyKey)]);
  if (key === lastKey) return { key, indexed: 0 };
  const kept = cacheDir === undefined ? undefined : await loadIndex(cacheDir, key);
  if (kept) return { key, files: kept, indexed: 0 };
  // Made as they are sent: a large site's documents are never all in memory.
  const documents = function* () {
    for (const item of searchable) yield searchDocument(item, site, bodyForPage(body(item.story), site.config.basePath), labels);
  };
  const indexed = await indexDocuments(documents());
  if ('errors' in indexed) throw new BuildFailed(indexed.errors.map((error) => ({ severity: 'error', message: `search index: ${error}` })));
  if (cacheDir !== undefined) await saveIndex(cacheDir, key, indexed.files);
  return { key, files: indexed.files, indexed: searchable.length };
}
