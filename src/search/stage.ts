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
import { indexDocuments, searchKey } from './pagefind.js';

/** A search index: its key, and its files when it was made (absent when it is the one whose key was given). */
export interface SearchIndex {
  readonly key: string;
  readonly files?: readonly Output[];
}

/**
 * `site`'s index, unless its key is `lastKey`; a site without search has an
 * index of no files. `body` gives a story's body HTML; `phrasebook` the words
 * its filters and labels are named with. Throws `BuildFailed` with what
 * Pagefind reported.
 */
export async function indexSite(site: Site, phrasebook: Phrasebook, body: (story: Story) => string, lastKey: string | undefined): Promise<SearchIndex> {
  if (!site.config.search) return { key: 'off', files: [] };
  const searchable = searchableStories(site);
  const storyKey = storyKeys(site).story;
  const words = phrasebook.for(site.config.language);
  const labels = { section: words.section, tag: words.tag, published: words.published };
  const key = searchKey([site.config.basePath, JSON.stringify(labels), JSON.stringify(site.config.dates), ...searchable.map(storyKey)]);
  if (key === lastKey) return { key };
  // Made as they are sent: a large site's documents are never all in memory.
  const documents = function* () {
    for (const item of searchable) yield searchDocument(item, site, bodyForPage(body(item.story), site.config.basePath), labels);
  };
  const indexed = await indexDocuments(documents());
  if ('errors' in indexed) throw new BuildFailed(indexed.errors.map((error) => ({ severity: 'error', message: `search index: ${error}` })));
  return { key, files: indexed.files };
}
