/**
 * Plan the files for crawlers: `sitemap.xml` (a sitemap index past 50,000
 * URLs), the Google News sitemap of the last 48 hours, `robots.txt`, and the
 * redirects from stories' old addresses.
 */
import type { Instant } from '../parse/dates.js';
import type { Site, SiteStory } from '../model/site.js';
import type { Page } from './pages.js';
import { planRedirects, type Redirect, type RedirectsFile } from './redirects.js';

/** Most URLs in one sitemap file (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;
/** Most stories in a Google News sitemap, and how far back it reaches. */
export const NEWS_LIMIT = 1_000;
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** A URL and when its content last changed. */
export interface SitemapEntry {
  readonly url: string;
  readonly lastmod?: Instant;
}

/** One file for crawlers (and for hosts, and readers following an old link) to render. */
export type CrawlerFile =
  | Redirect
  | RedirectsFile
  | { readonly kind: 'sitemap'; readonly url: string; readonly entries: readonly SitemapEntry[] }
  | { readonly kind: 'sitemap-index'; readonly url: string; readonly sitemaps: readonly SitemapEntry[] }
  | { readonly kind: 'news-sitemap'; readonly url: string; readonly stories: readonly SiteStory[] }
  | { readonly kind: 'robots'; readonly url: string; readonly sitemaps: readonly string[] }
  | { readonly kind: 'headers'; readonly url: '/_headers' };

/**
 * The sitemaps of `pages`, robots.txt, the hosts' `_headers` and the
 * redirects. The news sitemap is left out when
 * no story falls in its window: the schema does not allow an empty one.
 */
export function planCrawlerFiles(site: Site, pages: readonly Page[], limit = SITEMAP_LIMIT): CrawlerFile[] {
  const entries: SitemapEntry[] = [];
  for (const page of pages) {
    // Neither has anything of its own for a search engine to list.
    if (page.kind === 'not-found' || page.kind === 'search') continue;
    const lastmod = lastmodOf(page);
    entries.push(lastmod ? { url: page.url, lastmod } : { url: page.url });
  }
  const files: CrawlerFile[] = [];
  if (entries.length <= limit) {
    files.push({ kind: 'sitemap', url: '/sitemap.xml', entries });
  } else {
    const chunks: SitemapEntry[][] = [];
    for (let start = 0; start < entries.length; start += limit) chunks.push(entries.slice(start, start + limit));
    const parts = chunks.map((chunk, index) => ({ kind: 'sitemap' as const, url: `/sitemap-${index + 1}.xml`, entries: chunk }));
    files.push(...parts);
    files.push({ kind: 'sitemap-index', url: '/sitemap.xml', sitemaps: parts.map((part) => ({ url: part.url, ...newest(part.entries) })) });
  }
  const recent = site.stories.filter(({ story }) => story.date.epochMs <= site.now && story.date.epochMs > site.now - NEWS_WINDOW_MS);
  if (recent.length > 0) files.push({ kind: 'news-sitemap', url: '/news-sitemap.xml', stories: recent.slice(0, NEWS_LIMIT) });
  const listed = ['/sitemap.xml', ...(recent.length > 0 ? ['/news-sitemap.xml'] : [])];
  files.push({ kind: 'robots', url: '/robots.txt', sitemaps: listed });
  files.push({ kind: 'headers', url: '/_headers' });
  files.push(...planRedirects(site));
  return files;
}

/** When a story last changed: the latest of its `date`, its `updated` time and its corrections (newest first). */
export function modifiedAt({ story }: SiteStory): Instant {
  const changed = story.updated ?? story.date;
  const corrected = story.corrections[0];
  return corrected !== undefined && corrected.date.epochMs > changed.epochMs ? corrected.date : changed;
}

function lastmodOf(page: Page): Instant | undefined {
  switch (page.kind) {
    case 'story':
      return modifiedAt(page.story);
    case 'home':
    case 'term':
      return newestStory(page.pagination.items);
    case 'terms': {
      let best: Instant | undefined;
      for (const term of page.taxonomy.terms) best = later(best, newestStory(term.stories));
      return best;
    }
    case 'corrections':
      return page.pagination.items[0]?.correction.date;
    case 'not-found':
    case 'search':
      return undefined;
  }
}

function newestStory(stories: readonly SiteStory[]): Instant | undefined {
  let best: Instant | undefined;
  for (const story of stories) best = later(best, modifiedAt(story));
  return best;
}

function newest(entries: readonly SitemapEntry[]): { lastmod?: Instant } {
  let best: Instant | undefined;
  for (const { lastmod } of entries) best = later(best, lastmod);
  return best ? { lastmod: best } : {};
}

function later(a: Instant | undefined, b: Instant | undefined): Instant | undefined {
  return !a || (b && b.epochMs > a.epochMs) ? b : a;
}
