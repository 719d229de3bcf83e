/**
 * Plan the feeds: one set for the whole site, one for every tag, byline
 * and section, and one for the corrections log, each beside the HTML page it
 * belongs to (`/feed.xml`, `/tags/ttp/feed.xml`), in the formats (RSS 2.0,
 * Atom 1.0, JSON Feed 1.1), length and content the config's `feeds` give
 * each kind.
 */
import type { FeedFormat, FeedSettings } from '../config.js';
import type { Site, SiteStory } from '../model/site.js';
import { TAXONOMY_KINDS } from '../model/taxonomy.js';
import { CORRECTIONS_URL, type CorrectionEntry } from './corrections.js';

export type { FeedFormat };

/** File name, media type and name of each feed format. */
const FORMAT_FILES: Readonly<Record<FeedFormat, { file: string; type: string; label: string }>> = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
};

/** One feed file to render: of stories, or of the corrections log. */
export type Feed = {
  readonly kind: 'feed';
  readonly format: FeedFormat;
  /** Site-relative URL of the feed. */
  readonly url: string;
  readonly title: string;
  /** Site-relative URL of the HTML page the feed belongs to. */
  readonly pageUrl: string;
} & (
  | {
      readonly of: 'stories';
      /** Newest first, at most the config's number for this kind of feed. */
      readonly stories: readonly SiteStory[];
      /** Whole bodies, or summaries only. */
      readonly content: FeedSettings['content'];
    }
  | {
      readonly of: 'corrections';
      /** Newest first, as many as the site's feeds carry stories. */
      readonly entries: readonly CorrectionEntry[];
    }
);

/** The page at `pageUrl`'s feed (site-relative, ending in `/`) in each of `formats`. */
export function feedLinks(pageUrl: string, title: string, formats: readonly FeedFormat[]): { format: FeedFormat; type: string; url: string; title: string }[] {
  return formats.map((format) => ({
    format,
    type: FORMAT_FILES[format].type,
    url: `${pageUrl}${FORMAT_FILES[format].file}`,
    title: `${title} (${FORMAT_FILES[format].label})`,
  }));
}

/** Every feed of `site`, whose corrections are `log`. */
export function planFeeds(site: Site, log: readonly CorrectionEntry[]): Feed[] {
  const { feeds } = site.config;
  const scopes = [
    { title: site.config.title, pageUrl: '/', stories: site.stories, settings: feeds.site },
    ...TAXONOMY_KINDS.flatMap((kind) =>
      site.taxonomies[kind].terms.map((term) => ({ title: termFeedTitle(term.name, site), pageUrl: term.url, stories: term.stories, settings: feeds.terms })),
    ),
  ];
  const storyFeeds = scopes.flatMap(({ title, pageUrl, stories, settings }) =>
    feedLinks(pageUrl, title, settings.formats).map(
      (link): Feed => ({
        kind: 'feed',
        format: link.format,
        url: link.url,
        title,
        pageUrl,
        of: 'stories',
        stories: stories.slice(0, settings.items),
        content: settings.content,
      }),
    ),
  );
  const title = correctionsFeedTitle(site);
  const correctionFeeds = feedLinks(CORRECTIONS_URL, title, feeds.site.formats).map(
    (link): Feed => ({ kind: 'feed', format: link.format, url: link.url, title, pageUrl: CORRECTIONS_URL, of: 'corrections', entries: log.slice(0, feeds.site.items) }),
  );
  return [...storyFeeds, ...correctionFeeds];
}

/** `Corrections | The Frontier Ledger`: the title of the corrections log's feed. */
export function correctionsFeedTitle(site: Site): string {
  return termFeedTitle('Corrections', site);
}

/** `TTP | The Frontier Ledger`: the title of a term's feed. */
export function termFeedTitle(name: string, site: Site): string {
  return `${name} | ${site.config.title}`;
}
