/** Render sitemaps (sitemaps.org 0.9, Google News 0.9) and robots.txt. */
import type { Site } from '../model/site.js';
import type { CrawlerFile, SitemapEntry } from '../plan/sitemaps.js';
import { absoluteUrl } from './urls.js';
import { serialize, xmlDocument } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** The crawler file's text. */
export function renderCrawlerFile(file: CrawlerFile, site: Site): string {
  const { config } = site;
  switch (file.kind) {
    case 'sitemap':
      return locations('urlset', 'url', file.entries, site);
    case 'sitemap-index':
      return locations('sitemapindex', 'sitemap', file.sitemaps, site);
    case 'news-sitemap': {
      const root = xmlDocument().ele('urlset', { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS });
      for (const { story, url } of file.stories) {
        const entry = root.ele('url');
        entry.ele('loc').txt(absoluteUrl(url, config));
        const news = entry.ele('news:news');
        const publication = news.ele('news:publication');
        publication.ele('news:name').txt(config.publisher.name);
        publication.ele('news:language').txt(newsLanguage(story.lang ?? config.language));
        news.ele('news:publication_date').txt(story.date.iso);
        news.ele('news:title').txt(story.title);
      }
      return serialize(root.doc());
    }
    case 'robots':
      return ['User-agent: *', 'Allow: /', '', ...file.sitemaps.map((url) => `Sitemap: ${absoluteUrl(url, config)}`), ''].join('\n');
  }
}

/** A sitemap or sitemap index: `<loc>` and `<lastmod>` for each entry. */
function locations(rootName: string, entryName: string, entries: readonly SitemapEntry[], site: Site): string {
  const root = xmlDocument().ele(rootName, { xmlns: SITEMAP_NS });
  for (const entry of entries) {
    const element = root.ele(entryName);
    element.ele('loc').txt(absoluteUrl(entry.url, site.config));
    if (entry.lastmod) element.ele('lastmod').txt(entry.lastmod.iso);
  }
  return serialize(root.doc());
}

/** Google News wants ISO 639 codes, with `zh-cn` and `zh-tw` the only regional ones. */
function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-tw') return lower;
  return lower.split('-')[0] ?? lower;
}
