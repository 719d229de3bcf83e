/**
 * Render feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the same plan. Every
 * URL is absolute, those in story bodies too; item ids are tag URIs built from the site's host, the day
 * of publication and the story's URL, so editing a story never changes them.
 */
import type { SiteConfig } from '../config.js';
import type { Site, SiteStory } from '../model/site.js';
import { termOf } from '../model/taxonomy.js';
import { toSlug } from '../slug.js';
import type { Feed } from '../plan/feeds.js';
import { modifiedAt } from '../plan/sitemaps.js';
import { bodyForFeed } from './body-urls.js';
import { isoDay, rfc822 } from './time.js';
import { absoluteUrl } from './urls.js';
import type { BodyOf } from './view.js';
import type { Utf8Builder } from './utf8-builder.js';
import { cdata, el, serializeXml } from './xml.js';

/** The feed file's bytes, rendered into `out`: a view of its buffer, valid until it is next appended to. */
export function renderFeed(feed: Feed, site: Site, bodyOf: BodyOf, out: Utf8Builder): Uint8Array {
  // A feed of summaries reads no body at all.
  const body: ItemBody | undefined = feed.content === 'full' ? (item) => bodyForFeed(bodyOf(item.story), site.config, item.url) : undefined;
  switch (feed.format) {
    case 'rss':
      return rss(feed, site, body, out);
    case 'atom':
      return atom(feed, site, body, out);
    case 'json':
      return jsonFeed(feed, site, body, out);
  }
}

/** A feed item's body as HTML, every address in it absolute. */
type ItemBody = (item: SiteStory) => string;

/** A permanent, unique id for a story: `tag:example.org,2023-09-13:/news/2023/09/call/`. */
export function storyId(story: SiteStory, config: SiteConfig): string {
  const url = new URL(absoluteUrl(story.url, config));
  return `tag:${url.hostname},${isoDay(story.story.date)}:${url.pathname}`;
}

function rss(feed: Feed, site: Site, body: ItemBody | undefined, out: Utf8Builder): Uint8Array {
  const { config } = site;
  const updated = newestChange(feed);
  const items = feed.stories.map((item) => {
    const { story } = item;
    return el(
      'item',
      null,
      el('title', null, story.title),
      el('link', null, absoluteUrl(item.url, config)),
      el('guid', { isPermaLink: 'false' }, storyId(item, config)),
      el('pubDate', null, rfc822(story.date, config.timezone)),
      story.bylines.map((byline) => el('dc:creator', null, byline)),
      story.section === undefined ? undefined : el('category', null, story.section),
      story.tags.map((tag) => el('category', null, tag)),
      story.summary ? el('description', null, story.summary) : undefined,
      body && el('content:encoded', null, cdata(body(item))),
    );
  });
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
        items,
      ),
    ),
  );
}

function atom(feed: Feed, site: Site, body: ItemBody | undefined, out: Utf8Builder): Uint8Array {
  const { config } = site;
  const entries = feed.stories.map((item) => {
    const { story } = item;
    return el(
      'entry',
      null,
      el('id', null, storyId(item, config)),
      el('title', { type: 'text' }, story.title),
      el('link', { rel: 'alternate', type: 'text/html', href: absoluteUrl(item.url, config) }),
      el('published', null, story.date.iso),
      el('updated', null, modifiedAt(item).iso),
      story.bylines.map((byline) =>
        el('author', null, el('name', null, byline), el('uri', null, absoluteUrl(termOf(site.taxonomies.bylines, byline)?.url ?? '/bylines/', config))),
      ),
      story.tags.map((tag) => el('category', { term: toSlug(tag), label: tag })),
      story.summary ? el('summary', { type: 'text' }, story.summary) : undefined,
      body && el('content', { type: 'html' }, cdata(body(item))),
    );
  });
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
      el('updated', null, (newestChange(feed) ?? { iso: '1970-01-01T00:00:00Z' }).iso),
      el('author', null, el('name', null, config.publisher.name)),
      el('generator', null, 'Dateline'),
      entries,
    ),
  );
}

function jsonFeed(feed: Feed, site: Site, body: ItemBody | undefined, out: Utf8Builder): Uint8Array {
  const { config } = site;
  const head = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: absoluteUrl(feed.pageUrl, config),
    feed_url: absoluteUrl(feed.url, config),
    ...(config.description && { description: config.description }),
    language: config.language,
    authors: [{ name: config.publisher.name }],
  };
  const items = feed.stories.map((item) => () => {
    const { story } = item;
    return {
      id: storyId(item, config),
      url: absoluteUrl(item.url, config),
      title: story.title,
      // JSON Feed requires one of the two.
      ...(body ? { content_html: body(item) } : { content_text: story.summary }),
      ...(story.summary && { summary: story.summary }),
      ...(story.image && { image: absoluteUrl(story.image.src, config) }),
      date_published: story.date.iso,
      date_modified: modifiedAt(item).iso,
      ...(story.bylines.length > 0 && {
        authors: story.bylines.map((name) => ({ name, url: absoluteUrl(termOf(site.taxonomies.bylines, name)?.url ?? '/bylines/', config) })),
      }),
      ...(story.tags.length > 0 && { tags: [...story.tags] }),
      ...(story.lang && { language: story.lang }),
    };
  });
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

function newestChange(feed: Feed) {
  let newest;
  for (const item of feed.stories) {
    const changed = modifiedAt(item);
    if (!newest || changed.epochMs > newest.epochMs) newest = changed;
  }
  return newest;
}
