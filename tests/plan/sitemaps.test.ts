import { describe, expect, it } from 'vitest';
import type { Site, SiteStory } from '../../src/model/site.js';
import type { Page } from '../../src/plan/pages.js';
import { NEWS_LIMIT, planCrawlerFiles } from '../../src/plan/sitemaps.js';

function story(n: number, epochMs: number): SiteStory {
  const date = { epochMs, iso: new Date(epochMs).toISOString() };
  return {
    url: `/s/${n}/`,
    story: { file: `${n}.md`, hash: '', title: `S${n}`, date, bylines: [], tags: [], summary: '', summarySource: 'first-paragraph', kind: 'news', corrections: [], series: [], slug: `s${n}`, draft: false, aliases: [], body: '' },
  };
}

function siteOf(stories: SiteStory[], now: number): Site {
  return { stories, now } as unknown as Site;
}

describe('planCrawlerFiles', () => {
  it('splits the sitemap into an index past the limit', () => {
    const stories = Array.from({ length: 5 }, (_, i) => story(i, 1_000 * (5 - i)));
    const pages: Page[] = stories.map((s) => ({ kind: 'story', url: s.url, story: s }));
    const files = planCrawlerFiles(siteOf(stories, 0), pages, 2);
    expect(files.map((f) => [f.kind, f.url])).toEqual([
      ['sitemap', '/sitemap-1.xml'],
      ['sitemap', '/sitemap-2.xml'],
      ['sitemap', '/sitemap-3.xml'],
      ['sitemap-index', '/sitemap.xml'],
      ['robots', '/robots.txt'],
      ['headers', '/_headers'],
    ]);
    const index = files.find((f) => f.kind === 'sitemap-index');
    expect(index?.kind === 'sitemap-index' && index.sitemaps.map((s) => s.lastmod?.epochMs)).toEqual([5_000, 3_000, 1_000]);
  });

  it('caps the news sitemap at 1,000 stories, newest first', () => {
    const now = Date.UTC(2024, 0, 2);
    const stories = Array.from({ length: NEWS_LIMIT + 5 }, (_, i) => story(i, now - i * 60_000));
    const files = planCrawlerFiles(siteOf(stories, now), [], 50_000);
    const news = files.find((f) => f.kind === 'news-sitemap');
    expect(news?.kind === 'news-sitemap' && [news.stories.length, news.stories[0]?.url]).toEqual([NEWS_LIMIT, '/s/0/']);
  });
});
