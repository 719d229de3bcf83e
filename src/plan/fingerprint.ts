/**
 * A cheap key for each planned output that changes whenever anything the
 * output shows changes: a rebuild renders only outputs whose key differs from
 * the last build's. Stories enter by content hash, not by their text, so the
 * keys of 10,000 pages take milliseconds to compute.
 */
import { createHash } from 'node:crypto';
import { relatedStories } from '../model/related.js';
import type { Site, SiteStory } from '../model/site.js';
import { profileOf } from '../model/authors.js';
import { placeIn, TAXONOMIES, TAXONOMY_KINDS, termOf, type Term } from '../model/taxonomy.js';
import type { Feed } from './feeds.js';
import type { Page } from './pages.js';
import type { CrawlerFile } from './sitemaps.js';

export type Planned = Page | Feed | CrawlerFile;

/** A story's key, its page's, and a list's (its stories' keys in order). */
export interface StoryKeys {
  story(item: SiteStory): string;
  /** What the story's own page shows besides the story: its place in its series, their neighbouring parts, and its related stories. */
  storyPage(item: SiteStory): string;
  list(items: readonly SiteStory[]): string;
  /** What a term's page shows besides its stories: its author's profile, for a byline. */
  term(term: Term<SiteStory>): string;
}

/**
 * A short, stable digest of a story's key: a list's key names its stories by
 * digest instead of repeating their full keys, so the keys of thousands of
 * lists and feeds stay small, and keys mean the same in every process (they
 * are kept between builds to reuse unchanged pages).
 */
function digest(key: string): string {
  return createHash('sha1').update(key).digest('base64url').slice(0, 16);
}

const digests = new WeakMap<SiteStory['story'], { readonly input: string; readonly digest: string }>();

/**
 * The keys of one build of `site`'s stories, each computed once, and of
 * lists of them: what every output's key is made of (see `OUTPUT_KINDS`).
 */
export function storyKeys(site: Site): StoryKeys {
  const stories = new Map<SiteStory, string>();
  const story = (item: SiteStory): string => {
    let key = stories.get(item);
    if (key === undefined) {
      const { story: s } = item;
      // What a story shows besides its own file: the spelling its terms are shown in,
      // its measured image, and whether it is still embargoed at this build's "now".
      let terms = '';
      for (const kind of TAXONOMY_KINDS) {
        for (const name of TAXONOMIES[kind].pick(s)) terms += `${termOf(site.taxonomies[kind], name)?.name ?? name}\u001f`;
        terms += '\u001e';
      }
      const input = `${s.hash}\u001d${item.url}\u001d${terms}\u001d${s.image?.width ?? ''}\u001d${s.image?.height ?? ''}\u001d${s.image?.file?.hash ?? ''}\u001d${s.bodyImages?.map((image) => image.file.hash).join(',') ?? ''}\u001d${s.date.epochMs > site.now}`;
      // Hashing 10,000 stories on every dev rebuild costs more than the rest of keying: reuse the last digest while its input stands.
      const last = digests.get(s);
      key = last?.input === input ? last.digest : digest(input);
      if (last?.digest !== key) digests.set(s, { input, digest: key });
      stories.set(item, key);
    }
    return key;
  };
  const list = (items: readonly SiteStory[]) => items.map(story).join(' ');
  // Neighbouring parts and related stories show as links: what a link shows is their key, so editing their bodies renders nothing here.
  const link = (other: SiteStory | undefined) =>
    other === undefined ? '-' : `${other.url}\u001f${other.story.title}\u001f${other.story.date.epochMs}\u001f${other.story.kind}\u001f${other.story.lang ?? ''}`;
  const storyPage = (item: SiteStory) => {
    let around = '';
    for (const name of item.story.series) {
      const term = termOf(site.taxonomies.series, name);
      const place = term && placeIn(term, item);
      if (place) around += `\u001c${place.part}/${place.of}\u001d${link(place.previous)}\u001d${link(place.next)}`;
    }
    for (const related of relatedStories(site, item)) around += `\u001c${link(related)}`;
    // Digested: keys are kept between builds, and four related links made each story page's key ~600 bytes longer.
    return around === '' ? story(item) : `${story(item)} ${digest(around)}`;
  };
  const term = (shown: Term<SiteStory>) => (shown.kind === 'bylines' ? (profileOf(site.profiles, shown.slug)?.hash ?? '') : '');
  return { story, storyPage, list, term };
}
