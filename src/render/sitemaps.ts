/** Render sitemaps (sitemaps.org 0.9, Google News 0.9), robots.txt, the hosts' `_headers` and redirects. */
import type { Site } from '../model/site.js';
import type { CrawlerFile, SitemapEntry } from '../plan/sitemaps.js';
import { headersFile } from './headers.js';
import { redirectPage, redirectsFile } from './redirects.js';
import { absoluteUrl } from './urls.js';
import type { Utf8Builder } from './utf8-builder.js';
import { el, serializeXml } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** The crawler file's text, or its bytes rendered into `out` (a view of its buffer, valid until it is next appended to). */
export function renderCrawlerFile(file: CrawlerFile, site: Site, out: Utf8Builder): string | Uint8Array {
  const { config } = site;
  switch (file.kind) {
    case 'sitemap':
      return locations('urlset', 'url', file.entries, site, out);
    case 'sitemap-index':
      return locations('sitemapindex', 'sitemap', file.sitemaps, site, out);
    case 'news-sitemap':
      return serializeXml(
        out,
        el(
          'urlset',
          { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS },
          file.stories.map(({ story, url }) =>
            el(
              'url',
              null,
              el('loc', null, absoluteUrl(url, config)),
              el(
                'news:news',
                null,
                el('news:publication', null, el('news:name', null, config.publisher.name), el('news:language', null, newsLanguage(story.lang ?? config.language))),
                el('news:publication_date', null, story.date.iso),
                el('news:title', null, story.title),
              ),
            ),
          ),
        ),
      );
    case 'robots':
      return ['User-agent: *', 'Allow: /', '', ...file.sitemaps.map((url) => `Sitemap: ${absoluteUrl(url, config)}`), ''].join('\n');
    case 'redirect':
      return redirectPage(file, config);
    case 'redirects':
      return redirectsFile(file, config);
    case 'headers':
      return headersFile(config);
  }
}

/** A sitemap or sitemap index: `<loc>` and `<lastmod>` for each entry. */
function locations(rootName: string, entryName: string, entries: readonly SitemapEntry[], site: Site, out: Utf8Builder): Uint8Array {
  return serializeXml(
    out,
    el(
      rootName,
      { xmlns: SITEMAP_NS },
      entries.map((entry) =>
        el(entryName, null, el('loc', null, absoluteUrl(entry.url, site.config)), entry.lastmod && el('lastmod', null, entry.lastmod.iso)),
      ),
    ),
  );
}

/** Google News wants ISO 639 codes, with `zh-cn` and `zh-tw` the only regional ones. */
function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-tw') return lower;
  return lower.split('-')[0] ?? lower;
}
