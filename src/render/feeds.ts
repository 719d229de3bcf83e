/**
 * Render feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the same plan. Every
 * URL is absolute; item ids are tag URIs built from the site's host, the day
 * of publication and the story's URL, so editing a story never changes them.
 */
import type { SiteConfig } from '../config.js';
import type { Site, SiteStory } from '../model/site.js';
import { termOf } from '../model/taxonomy.js';
import { toSlug } from '../slug.js';
import type { Feed } from '../plan/feeds.js';
import { modifiedAt } from '../plan/sitemaps.js';
import { isoDay, rfc822 } from './time.js';
import { absoluteUrl } from './urls.js';
import { serialize, xmlDocument } from './xml.js';

/** The feed file's text. */
export function renderFeed(feed: Feed, site: Site): string {
  switch (feed.format) {
    case 'rss':
      return rss(feed, site);
    case 'atom':
      return atom(feed, site);
    case 'json':
      return jsonFeed(feed, site);
  }
}

/** A permanent, unique id for a story: `tag:example.org,2023-09-13:/news/2023/09/call/`. */
export function storyId(story: SiteStory, config: SiteConfig): string {
  const url = new URL(absoluteUrl(story.url, config));
  return `tag:${url.hostname},${isoDay(story.story.date)}:${url.pathname}`;
}

function rss(feed: Feed, site: Site): string {
  const { config } = site;
  const channel = xmlDocument()
    .ele('rss', {
      version: '2.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    })
    .ele('channel');
  channel.ele('title').txt(feed.title);
  channel.ele('link').txt(absoluteUrl(feed.pageUrl, config));
  channel.ele('description').txt(config.description || feed.title);
  channel.ele('language').txt(config.language);
  channel.ele('generator').txt('Dateline');
  const updated = newestChange(feed);
  if (updated) channel.ele('lastBuildDate').txt(rfc822(updated, config.timezone));
  channel.ele('atom:link', { href: absoluteUrl(feed.url, config), rel: 'self', type: 'application/rss+xml' });
  for (const item of feed.stories) {
    const { story } = item;
    const entry = channel.ele('item');
    entry.ele('title').txt(story.title);
    entry.ele('link').txt(absoluteUrl(item.url, config));
    entry.ele('guid', { isPermaLink: 'false' }).txt(storyId(item, config));
    entry.ele('pubDate').txt(rfc822(story.date, config.timezone));
    for (const byline of story.bylines) entry.ele('dc:creator').txt(byline);
    if (story.section) entry.ele('category').txt(story.section);
    for (const tag of story.tags) entry.ele('category').txt(tag);
    if (story.summary) entry.ele('description').txt(story.summary);
    entry.ele('content:encoded').txt(story.html);
  }
  return serialize(channel.doc());
}

function atom(feed: Feed, site: Site): string {
  const { config } = site;
  const root = xmlDocument().ele('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': config.language });
  root.ele('id').txt(absoluteUrl(feed.url, config));
  root.ele('title').txt(feed.title);
  if (config.description) root.ele('subtitle').txt(config.description);
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: absoluteUrl(feed.url, config) });
  root.ele('link', { rel: 'alternate', type: 'text/html', href: absoluteUrl(feed.pageUrl, config) });
  // Atom requires <updated>; a feed with no stories has changed no later than the epoch.
  root.ele('updated').txt((newestChange(feed) ?? { iso: '1970-01-01T00:00:00Z' }).iso);
  root.ele('author').ele('name').txt(config.publisher.name);
  root.ele('generator').txt('Dateline');
  for (const item of feed.stories) {
    const { story } = item;
    const entry = root.ele('entry');
    entry.ele('id').txt(storyId(item, config));
    entry.ele('title', { type: 'text' }).txt(story.title);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: absoluteUrl(item.url, config) });
    entry.ele('published').txt(story.date.iso);
    entry.ele('updated').txt(modifiedAt(item).iso);
    for (const byline of story.bylines) {
      const author = entry.ele('author');
      author.ele('name').txt(byline);
      author.ele('uri').txt(absoluteUrl(termOf(site.taxonomies.bylines, byline)?.url ?? '/bylines/', config));
    }
    for (const tag of story.tags) entry.ele('category', { term: toSlug(tag), label: tag });
    if (story.summary) entry.ele('summary', { type: 'text' }).txt(story.summary);
    entry.ele('content', { type: 'html' }).txt(story.html);
  }
  return serialize(root.doc());
}

function jsonFeed(feed: Feed, site: Site): string {
  const { config } = site;
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: absoluteUrl(feed.pageUrl, config),
    feed_url: absoluteUrl(feed.url, config),
    ...(config.description && { description: config.description }),
    language: config.language,
    authors: [{ name: config.publisher.name }],
    items: feed.stories.map((item) => {
      const { story } = item;
      return {
        id: storyId(item, config),
        url: absoluteUrl(item.url, config),
        title: story.title,
        content_html: story.html,
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
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function newestChange(feed: Feed) {
  let newest;
  for (const item of feed.stories) {
    const changed = modifiedAt(item);
    if (!newest || changed.epochMs > newest.epochMs) newest = changed;
  }
  return newest;
}
