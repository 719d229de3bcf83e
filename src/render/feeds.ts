/**
 * Render feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the same plan. A
 * feed's stories or corrections become items of one shape, which each
 * format writes its own way. Every URL is absolute, those in story bodies
 * too; item ids are tag URIs built from the site's host, the day of
 * publication and the story's URL, so editing a story never changes them.
 */
import type { SiteConfig } from '../config.js';
import type { Site, SiteStory } from '../model/site.js';
import { termOf } from '../model/taxonomy.js';
import type { Instant } from '../parse/dates.js';
import { CORRECTION_LABELS } from '../parse/story-kinds.js';
import { toSlug } from '../slug.js';
import { correctionAnchor, type CorrectionEntry } from '../plan/corrections.js';
import type { Feed } from '../plan/feeds.js';
import { modifiedAt } from '../plan/sitemaps.js';
import { bodyForFeed } from './body-urls.js';
import { isoDay, rfc822 } from './time.js';
import { absoluteUrl } from './urls.js';
import type { BodyOf } from './view.js';
import type { Utf8Builder } from './utf8-builder.js';
import { cdata, el, serializeXml } from './xml.js';

/** One item of a feed, whatever it lists, every address absolute. */
interface FeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly published: Instant;
  readonly modified: Instant;
  readonly authors: readonly { readonly name: string; readonly url: string }[];
  readonly section?: string;
  readonly tags: readonly string[];
  readonly summary: string;
  /** The whole text as HTML, read only when the feed carries it. */
  readonly html?: () => string;
  readonly image?: string;
  readonly language?: string;
}

/** The feed file's bytes, rendered into `out`: a view of its buffer, valid until it is next appended to. */
export function renderFeed(feed: Feed, site: Site, bodyOf: BodyOf, out: Utf8Builder): Uint8Array {
  const items = feed.of === 'stories' ? storyItems(feed.stories, site, feed.content === 'full' ? bodyOf : undefined) : correctionItems(feed.entries, site);
  switch (feed.format) {
    case 'rss':
      return rss(feed, site.config, items, out);
    case 'atom':
      return atom(feed, site.config, items, out);
    case 'json':
      return jsonFeed(feed, site.config, items, out);
  }
}

/** A permanent, unique id for a story: `tag:example.org,2023-09-13:/news/2023/09/call/`. */
export function storyId(story: SiteStory, config: SiteConfig): string {
  return tagUri(absoluteUrl(story.url, config), story.story.date);
}

/** `tag:` URI of what is at `address`, first published on `day`'s date. */
function tagUri(address: string, day: Instant): string {
  const url = new URL(address);
  return `tag:${url.hostname},${isoDay(day)}:${url.pathname}${url.hash}`;
}

/** Stories as feed items, with their bodies when `bodyOf` is given (a feed of summaries reads no body at all). */
function storyItems(stories: readonly SiteStory[], site: Site, bodyOf: BodyOf | undefined): FeedItem[] {
  const { config } = site;
  return stories.map((item) => {
    const { story } = item;
    const url = absoluteUrl(item.url, config);
    return {
      id: storyId(item, config),
      url,
      title: story.title,
      published: story.date,
      modified: modifiedAt(item),
      authors: story.bylines.map((name) => ({ name, url: absoluteUrl(termOf(site.taxonomies.bylines, name)?.url ?? '/bylines/', config) })),
      ...(story.section !== undefined && { section: story.section }),
      tags: story.tags,
      summary: story.summary,
      ...(bodyOf && { html: () => bodyForFeed(bodyOf(story), config, item.url) }),
      ...(story.image && { image: absoluteUrl(story.image.src, config) }),
      ...(story.lang && { language: story.lang }),
    };
  });
}

/** Corrections as feed items: each links to its notice on the story's page. */
function correctionItems(entries: readonly CorrectionEntry[], site: Site): FeedItem[] {
  const { config } = site;
  return entries.map(({ story, correction, number }) => {
    const url = absoluteUrl(`${story.url}#${correctionAnchor(number)}`, config);
    return {
      id: tagUri(url, correction.date),
      url,
      title: `${CORRECTION_LABELS[correction.kind]}: ${story.story.title}`,
      published: correction.date,
      modified: correction.date,
      authors: [],
      tags: [],
      summary: correction.text,
      ...(story.story.lang && { language: story.story.lang }),
    };
  });
}

function rss(feed: Feed, config: SiteConfig, items: readonly FeedItem[], out: Utf8Builder): Uint8Array {
  const updated = newestChange(items);
  const elements = items.map((item) =>
    el(
      'item',
      null,
      el('title', null, item.title),
      el('link', null, item.url),
      el('guid', { isPermaLink: 'false' }, item.id),
      el('pubDate', null, rfc822(item.published, config.timezone)),
      item.authors.map((author) => el('dc:creator', null, author.name)),
      item.section === undefined ? undefined : el('category', null, item.section),
      item.tags.map((tag) => el('category', null, tag)),
      item.summary ? el('description', null, item.summary) : undefined,
      item.html && el('content:encoded', null, cdata(item.html())),
    ),
  );
  return serializeXml(
    out,
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      },
      el(
        'channel',
        null,
        el('title', null, feed.title),
        el('link', null, absoluteUrl(feed.pageUrl, config)),
        el('description', null, config.description || feed.title),
        el('language', null, config.language),
        el('generator', null, 'Dateline'),
        updated && el('lastBuildDate', null, rfc822(updated, config.timezone)),
        el('atom:link', { href: absoluteUrl(feed.url, config), rel: 'self', type: 'application/rss+xml' }),
        elements,
      ),
    ),
  );
}

function atom(feed: Feed, config: SiteConfig, items: readonly FeedItem[], out: Utf8Builder): Uint8Array {
  const entries = items.map((item) =>
    el(
      'entry',
      null,
      el('id', null, item.id),
      el('title', { type: 'text' }, item.title),
      el('link', { rel: 'alternate', type: 'text/html', href: item.url }),
      el('published', null, item.published.iso),
      el('updated', null, item.modified.iso),
      item.authors.map((author) => el('author', null, el('name', null, author.name), el('uri', null, author.url))),
      item.tags.map((tag) => el('category', { term: toSlug(tag), label: tag })),
      item.summary ? el('summary', { type: 'text' }, item.summary) : undefined,
      item.html && el('content', { type: 'html' }, cdata(item.html())),
    ),
  );
  return serializeXml(
    out,
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': config.language },
      el('id', null, absoluteUrl(feed.url, config)),
      el('title', null, feed.title),
      config.description ? el('subtitle', null, config.description) : undefined,
      el('link', { rel: 'self', type: 'application/atom+xml', href: absoluteUrl(feed.url, config) }),
      el('link', { rel: 'alternate', type: 'text/html', href: absoluteUrl(feed.pageUrl, config) }),
      // Atom requires <updated>; a feed with no stories has changed no later than the epoch.
      el('updated', null, (newestChange(items) ?? { iso: '1970-01-01T00:00:00Z' }).iso),
      el('author', null, el('name', null, config.publisher.name)),
      el('generator', null, 'Dateline'),
      entries,
    ),
  );
}

function jsonFeed(feed: Feed, config: SiteConfig, feedItems: readonly FeedItem[], out: Utf8Builder): Uint8Array {
  const head = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: absoluteUrl(feed.pageUrl, config),
    feed_url: absoluteUrl(feed.url, config),
    ...(config.description && { description: config.description }),
    language: config.language,
    authors: [{ name: config.publisher.name }],
  };
  const items = feedItems.map((item) => () => ({
    id: item.id,
    url: item.url,
    title: item.title,
    // JSON Feed requires one of the two.
    ...(item.html ? { content_html: item.html() } : { content_text: item.summary }),
    ...(item.summary && { summary: item.summary }),
    ...(item.image && { image: item.image }),
    date_published: item.published.iso,
    date_modified: item.modified.iso,
    ...(item.authors.length > 0 && { authors: item.authors.map(({ name, url }) => ({ name, url })) }),
    ...(item.tags.length > 0 && { tags: [...item.tags] }),
    ...(item.language && { language: item.language }),
  }));
  // What `JSON.stringify({ ...head, items }, null, 2)` gives, an item at a time (see Utf8Builder).
  if (items.length === 0) out.append(JSON.stringify({ ...head, items: [] }, null, 2));
  else {
    out.append(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "items": [\n`);
    items.forEach((item, index) => out.append(`${index > 0 ? ',\n' : ''}    ${JSON.stringify(item(), null, 2).replaceAll('\n', '\n    ')}`));
    out.append('\n  ]\n}');
  }
  out.append('\n');
  return out.take();
}

function newestChange(items: readonly FeedItem[]): Instant | undefined {
  let newest: Instant | undefined;
  for (const { modified } of items) if (!newest || modified.epochMs > newest.epochMs) newest = modified;
  return newest;
}
