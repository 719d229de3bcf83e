/**
 * Plan the feeds: one set (RSS 2.0, Atom 1.0, JSON Feed 1.1) for the whole
 * site and one for every tag, byline and section, each beside the HTML page
 * it belongs to (`/feed.xml`, `/tags/ttp/feed.xml`).
 */
import type { Site, SiteStory } from '../model/site.js';
import { TAXONOMY_KINDS } from '../model/taxonomy.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** File name, media type and name of each feed format. */
export const FEED_FORMATS: Readonly<Record<FeedFormat, { file: string; type: string; label: string }>> = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
};

/** One feed file to render. */
export interface Feed {
  readonly kind: 'feed';
  readonly format: FeedFormat;
  /** Site-relative URL of the feed. */
  readonly url: string;
  readonly title: string;
  /** Site-relative URL of the HTML page the feed belongs to. */
  readonly pageUrl: string;
  /** Newest first, at most the config's `feedSize`. */
  readonly stories: readonly SiteStory[];
}

/** A feed in every format for the page at `pageUrl` (site-relative, ending in `/`). */
export function feedLinks(pageUrl: string, title: string): { format: FeedFormat; type: string; url: string; title: string }[] {
  return (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) => ({
    format,
    type: FEED_FORMATS[format].type,
    url: `${pageUrl}${FEED_FORMATS[format].file}`,
    title: `${title} (${FEED_FORMATS[format].label})`,
  }));
}

/** Every feed of `site`. */
export function planFeeds(site: Site): Feed[] {
  const scopes = [
    { title: site.config.title, pageUrl: '/', stories: site.stories },
    ...TAXONOMY_KINDS.flatMap((kind) =>
      site.taxonomies[kind].terms.map((term) => ({ title: termFeedTitle(term.name, site), pageUrl: term.url, stories: term.stories })),
    ),
  ];
  return scopes.flatMap((scope) =>
    feedLinks(scope.pageUrl, scope.title).map(
      (link): Feed => ({
        kind: 'feed',
        format: link.format,
        url: link.url,
        title: scope.title,
        pageUrl: scope.pageUrl,
        stories: scope.stories.slice(0, site.config.feedSize),
      }),
    ),
  );
}

/** `TTP | The Frontier Ledger`: the title of a term's feed. */
export function termFeedTitle(name: string, site: Site): string {
  return `${name} | ${site.config.title}`;
}
